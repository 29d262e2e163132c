"""A full on-screen keyboard for touch-only devices (kiosk, display PC without a keyboard): staff passwords and
device tokens have letters, so a digit keypad is not enough (the demo password `demo1234` included).

Digits, letters (⇧ makes the next letter a capital; tapped twice, ⇪, capitals stay on until tapped again), the symbols a
staff number, a password or a device token may hold (`- _ . @ # !`), a space and ⌫. The keys never take the
focus: they type into the field the user last touched (`follow(field, …)`), so the page keeps its own focus
order and Enter handling. Key labels grow with the keyboard (`resizeEvent`), readable from 1280×800 to 4K.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
SYMBOLS = "-_.@#!"
ASPECT = 0.6  # height : width of the whole keyboard (10 keys across, 5 rows): keys a little taller than wide
HALF = 2  # grid columns per key: half-key offsets stagger the rows like a real keyboard
KEYBOARD_QSS = """
QPushButton[osk="true"] { background: white; border: 1px solid #b8c2cc; border-radius: 8px; color: #1a1a1a;
  padding: 0px; min-height: 0px; }
QPushButton[osk="true"]:pressed { background: #d5e3f7; }
QPushButton[osk="true"]:checked { background: #1f5fa8; color: white; border-color: #1f5fa8; }
QPushButton[oskwide="true"] { background: #e9edf2; }
"""


class OnScreenKeyboard(QWidget):
    """Types into the followed field that last had the focus; `typed(key)` reports each key ("\\b" = ⌫)."""

    typed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.setStyleSheet(KEYBOARD_QSS)
        self.target: QLineEdit | None = None
        self._fields: list[QLineEdit] = []
        self.letters: dict[str, QPushButton] = {}
        self.keys: list[QPushButton] = []
        self.shift_state = "off"  # "once": the next letter is a capital; "lock": every letter until ⇧ again
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.grid = grid
        width = len(ROWS[0]) * HALF
        for r, row in enumerate(ROWS):
            offset = (width - len(row) * HALF) // 2 if r < 3 else 3
            for i, ch in enumerate(row):
                btn = self._key(ch, lambda c=ch: self._type(self._cased(c)))
                if ch.isalpha():
                    self.letters[ch] = btn
                grid.addWidget(btn, r, offset + i * HALF, 1, HALF)
        last = len(ROWS) - 1
        self.shift = self._key("⇧", self._shift_tapped, wide=True)
        self.shift.setCheckable(True)
        grid.addWidget(self.shift, last, 0, 1, 3)
        self.backspace = self._key("⌫", self._backspace, wide=True)
        grid.addWidget(self.backspace, last, width - 3, 1, 3)
        for i, ch in enumerate(SYMBOLS):
            grid.addWidget(self._key(ch, lambda c=ch: self._type(c)), last + 1, i * HALF, 1, HALF)
        self.space = self._key("", lambda: self._type(" "), wide=True)
        grid.addWidget(self.space, last + 1, len(SYMBOLS) * HALF, 1, width - len(SYMBOLS) * HALF)
        for col in range(width):
            grid.setColumnStretch(col, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(width * 24, (len(ROWS) + 1) * 44)
        self._retranslate()

    def _key(self, label: str, slot: object, *, wide: bool = False) -> QPushButton:
        btn = QPushButton(label, self)
        btn.setProperty("osk", True)
        if wide:
            btn.setProperty("oskwide", True)
        btn.setObjectName(f"key-{label}" if label else "key-space")
        btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus (and its cursor)
        btn.setAutoRepeat(label == "⌫")
        btn.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        btn.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.keys.append(btn)
        return btn

    def _retranslate(self) -> None:
        self.space.setText(self.tr("空格"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- where the keys go ------------------------------------------------------------------------------

    def follow(self, *fields: QLineEdit) -> None:
        """Type into whichever of `fields` last had the focus (the first one until then)."""
        for field in fields:
            if field not in self._fields:
                self._fields.append(field)
                field.installEventFilter(self)
        if self.target is None and fields:
            self.target = fields[0]

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and obj in self._fields:
            self.target = obj  # type: ignore[assignment]
        return False

    # -- keys -------------------------------------------------------------------------------------------

    @property
    def shifted(self) -> bool:
        return self.shift_state != "off"

    def _cased(self, ch: str) -> str:
        return ch.upper() if self.shifted else ch

    def _shift_tapped(self) -> None:
        """⇧: off → the next letter a capital → capitals until tapped again (⇪) → off."""
        self.shift_state = {"off": "once", "once": "lock", "lock": "off"}[self.shift_state]
        self.shift.setChecked(self.shifted)
        self.shift.setText("⇪" if self.shift_state == "lock" else "⇧")
        self._relabel()

    def _relabel(self) -> None:
        for ch, btn in self.letters.items():
            btn.setText(self._cased(ch))

    def _type(self, text: str) -> None:
        if self.target is not None and self.target.isEnabled():
            self.target.insert(text)
        self.typed.emit(text)
        if text.isalpha() and self.shift_state == "once":
            self.shift_state = "off"
            self.shift.setChecked(False)
            self._relabel()

    def _backspace(self) -> None:
        if self.target is not None and self.target.isEnabled():
            self.target.backspace()
        self.typed.emit("\b")

    # -- size -------------------------------------------------------------------------------------------

    def resizeEvent(self, event: QEvent) -> None:
        """Keys about as tall as wide (never tall thin strips), labels at about 40 % of a key's height, so
        they stay readable on any screen."""
        self.setMaximumHeight(max(self.minimumHeight(), round(self.width() * ASPECT)))
        rows = len(ROWS) + 1
        key_h = max(1, self.height() // rows)
        key_w = max(1, self.width() // len(ROWS[0]))
        px = max(12, min(int(key_h * 0.42), int(key_w * 0.5)))
        spacing = max(4, key_h // 10)
        self.grid.setSpacing(spacing)
        for btn in self.keys:
            font = btn.font()
            font.setPixelSize(px)
            btn.setFont(font)
        super().resizeEvent(event)  # type: ignore[arg-type]
