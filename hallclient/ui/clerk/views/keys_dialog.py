"""按键设置: which key (a caller keypad's F-key, usually) triggers each clerk action.

Stored per user in QSettings (`keys/clerk/<action>`), so a window PC with another keypad model is set up
once, by the clerk or the IT admin, without editing files. One key per action, and no key twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallclient.ui.common.settings import DEFAULT_CLERK_KEYS


def duplicate_keys(keys: dict[str, str]) -> dict[str, list[str]]:
    """Key → the actions sharing it, for every key given to more than one action."""
    by_key: dict[str, list[str]] = {}
    for action, key in keys.items():
        if key:
            by_key.setdefault(key, []).append(action)
    return {k: acts for k, acts in by_key.items() if len(acts) > 1}


class KeysDialog(QDialog):
    """One key editor per action; OK only when every action has its own key."""

    def __init__(self, actions: Sequence[str], keys: dict[str, str], label: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("按键设置"))
        self.actions, self.label = tuple(actions), label
        self.edits: dict[str, QKeySequenceEdit] = {}
        form = QFormLayout()
        for action in self.actions:
            edit = QKeySequenceEdit(QKeySequence(keys.get(action, "")))
            edit.setMaximumSequenceLength(1)  # one key press, as a keypad sends
            edit.setClearButtonEnabled(True)
            edit.keySequenceChanged.connect(lambda _k: self._check())
            self.edits[action] = edit
            form.addRow(label(action), edit)
        self.hint = QLabel(self.tr("点击输入框后按下键盘或叫号器上的按键。"))
        self.hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.defaults = QPushButton(self.tr("恢复默认（F1–F9）"))
        self.defaults.clicked.connect(self.restore_defaults)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.hint)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.defaults)
        lay.addWidget(self.buttons)
        self._check()

    def values(self) -> dict[str, str]:
        """Action → key text in portable form ("F1", "Ctrl+N"), as stored in the settings."""
        return {a: e.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
                for a, e in self.edits.items()}

    def restore_defaults(self) -> None:
        for action, edit in self.edits.items():
            edit.setKeySequence(QKeySequence(DEFAULT_CLERK_KEYS.get(action, "")))

    def _check(self) -> None:
        values = self.values()
        problems = [self.tr("“{0}”没有按键").format(self.label(a)) for a, k in values.items() if not k]
        problems += [self.tr("按键 {0} 同时用于：{1}").format(k, "、".join(self.label(a) for a in acts))
                     for k, acts in duplicate_keys(values).items()]
        self.error.setText("；".join(problems))
        self.error.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
