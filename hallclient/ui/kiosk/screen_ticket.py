"""The ticket on screen, when no slip comes out: a kiosk without a printer (kiosk/printer = none), a printer
that is missing, out of paper or failed the job. The ticket exists already; the visitor reads the number and
the people ahead, large, and scans the guide QR with a phone, for as long as `kiosk/screen_ticket_s` (90 s;
every touch starts it again). While it shows, `PrinterWatch` asks the printer every few seconds (off the GUI
thread); once it is back, a 补打小票 button offers the slip after all.

Only what the slip carries, and nothing about the visitor. `ticket_codes` lists the QR codes to show (the
slip's: the item's guide today; a phone progress page when the slip gets one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from hallclient.printing.qr import QUIET_ZONE, guide_qr
from hallclient.printing.ticket_slip import SlipData
from hallclient.ui.common.scale import screen_unit
from hallclient.ui.kiosk.printer import SlipPrinter, qr_image

SCREEN_TICKET_QSS = """
#screenTicket { background: #f3f6fb; }
QLabel#screenReason { background: #fde7e9; color: #8a1c12; border: 2px solid #c42b1c; border-radius: 12px; }
QLabel#screenNumber { color: #1f4e79; font-weight: 700; }
QLabel#screenAhead { color: #1a1a1a; font-weight: 600; }
QLabel#screenWhat, QLabel#screenHint, QLabel#screenCaption { color: #333; }
"""


def ticket_codes(slip: SlipData) -> list[tuple[str, str]]:
    """(what it opens, URL) of each QR to show: the slip's own codes, in the slip's order."""
    codes = []
    if slip.guide_url:
        codes.append(("guide", slip.guide_url))
    return codes


class ScreenTicket(QWidget):
    """One page of the kiosk. `show_ticket(slip, reason)`; `offer_reprint()` once the printer is back."""

    reprint_requested = Signal()
    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screenTicket")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(SCREEN_TICKET_QSS)
        self.slip: SlipData | None = None
        self.reason = ""
        self._codes: list[tuple[str, str]] = []
        self._px = 0
        self.reason_label = QLabel(objectName="screenReason")
        self.title = QLabel(objectName="screenTitle")
        self.number = QLabel(objectName="screenNumber")
        self.what = QLabel(objectName="screenWhat")
        self.ahead = QLabel(objectName="screenAhead")
        self.hint = QLabel(objectName="screenHint")
        for label in (self.reason_label, self.what, self.hint, self.title):
            label.setWordWrap(True)
        for label in (self.reason_label, self.title, self.number, self.what, self.ahead, self.hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_labels: list[QLabel] = []
        self.captions: list[QLabel] = []
        self.reprint = QPushButton(objectName="screenReprint")
        self.reprint.setProperty("big", True)
        self.done = QPushButton(objectName="screenDone")
        self.done.setProperty("ghost", True)
        for btn in (self.reprint, self.done):
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reprint.clicked.connect(lambda _c=False: self.reprint_requested.emit())
        self.done.clicked.connect(lambda _c=False: self.finished.emit())
        text = QVBoxLayout()
        text.addStretch(1)
        for label in (self.title, self.number, self.what, self.ahead, self.hint):
            text.addWidget(label)
        text.addStretch(1)
        self.codes_box = QHBoxLayout()
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addLayout(text, 3)
        self.body.addLayout(self.codes_box, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reprint)
        buttons.addWidget(self.done)
        buttons.addStretch(1)
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.reason_label)
        self.outer.addLayout(self.body, 1)
        self.outer.addLayout(buttons)
        self.reprint.hide()
        self._retranslate()

    def _retranslate(self) -> None:
        self.title.setText(self.tr("取号成功，您的号码是"))
        self.hint.setText(self.tr("请拍照或记下号码，留意叫号屏和语音提示"))
        self.reprint.setText(self.tr("打印机已恢复，补打小票"))
        self.done.setText(self.tr("完成"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def caption(self, what: str) -> str:
        return {"guide": self.tr("扫码查看办事指南")}.get(what, what)

    def reason_text(self) -> str:
        return {"none": self.tr("本机不打印小票，请以屏幕上的号码为准"),
                "not_found": self.tr("未连接小票打印机，您的号码已有效"),
                }.get(self.reason, self.tr("小票打印失败（可能缺纸），您的号码已有效"))

    # -- showing ------------------------------------------------------------------------------------

    def show_ticket(self, slip: SlipData, reason: str) -> None:
        """The ticket `slip` on screen; `reason` is the print failure's kind ("none": no printer at all)."""
        self.slip, self.reason = slip, reason
        self.reprint.hide()
        codes = ticket_codes(slip)
        if codes != self._codes:
            self._codes = codes
            self._build_codes()
        self._render()

    def offer_reprint(self) -> None:
        self.reprint.show()

    def _build_codes(self) -> None:
        while self.codes_box.count():
            item = self.codes_box.takeAt(0)
            if item.layout() is not None:
                while item.layout().count():
                    w = item.layout().takeAt(0).widget()
                    if w is not None:
                        w.deleteLater()
        self.qr_labels, self.captions = [], []
        for what, url in self._codes:
            col = QVBoxLayout()
            qr = QLabel(objectName="screenQr")
            qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
            qr.setProperty("url", url)
            qr.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            cap = QLabel(self.caption(what), objectName="screenCaption")
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cap.setWordWrap(True)
            col.addStretch(1)
            col.addWidget(qr, 8)
            col.addWidget(cap)
            col.addStretch(1)
            self.codes_box.addLayout(col)
            self.qr_labels.append(qr)
            self.captions.append(cap)

    def _render(self) -> None:
        slip = self.slip
        self.reason_label.setText(self.reason_text())
        if slip is None:
            return
        self.number.setText(slip.number)
        self.what.setText(" · ".join(x for x in (slip.category_name, slip.item_name) if x))
        self.ahead.setText(self.tr("您前面还有 {0} 人").format(slip.people_ahead))
        for (what, _url), cap in zip(self._codes, self.captions, strict=True):
            cap.setText(self.caption(what))
        self._scale_codes()

    def _scale_codes(self) -> None:
        """Each QR as large as its box allows, in whole pixels per module (sharp edges, scannable)."""
        for qr in self.qr_labels:
            url = str(qr.property("url"))
            side = min(qr.width(), qr.height())
            total = guide_qr(url).modules + 2 * QUIET_ZONE
            per_module = max(1, side // total)
            image = qr_image(url).scaled(per_module * total, per_module * total, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.FastTransformation)
            qr.setPixmap(QPixmap.fromImage(image))

    # -- size ---------------------------------------------------------------------------------------

    def resizeEvent(self, event: QEvent) -> None:
        """Landscape: the number beside the QR; portrait: the QR below. Text follows the screen size."""
        u = screen_unit(self, self.body, design=(1280, 730))  # a 1280×800 kiosk below its header
        px = max(14, round(26 * u))
        margin = max(12, round(32 * u))
        self.outer.setContentsMargins(margin, margin, margin, margin)
        self.outer.setSpacing(round(margin / 2))
        if px != self._px:
            self._px = px
            pad = round(px * 0.5)
            self.setStyleSheet(SCREEN_TICKET_QSS + (
                f"QLabel {{ font-size: {px}px; }}"
                f"QLabel#screenReason {{ font-size: {px}px; padding: {pad}px; }}"
                f"QLabel#screenNumber {{ font-size: {round(px * 6)}px; }}"
                f"QLabel#screenAhead {{ font-size: {round(px * 1.5)}px; }}"
                f"QLabel#screenTitle {{ font-size: {round(px * 1.2)}px; }}"
                f"QPushButton {{ font-size: {px}px; padding: {pad}px {px}px; }}"))
        super().resizeEvent(event)  # type: ignore[arg-type]
        QTimer.singleShot(0, self._scale_codes)  # once the QR labels have their new size


class PrinterWatch(QObject):
    """Asks `printer.is_ready()` every `interval_ms` through `submit` (the bridge's pool) until it says yes,
    then emits `back` once and stops. `start()` again after the next failure."""

    back = Signal()

    def __init__(self, printer: SlipPrinter, submit: Callable[..., Any], interval_ms: int = 5000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.printer, self.submit = printer, submit
        self._asking = False
        self._timer = QTimer(self, interval=interval_ms, timeout=self._ask)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def set_interval(self, ms: int) -> None:
        self._timer.setInterval(ms)

    def start(self) -> None:
        if self.printer.enabled:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _ask(self) -> None:
        if self._asking:
            return
        self._asking = True
        self.submit(self.printer.is_ready, on_done=self._answer, on_error=self._failed, name="printer_ready")

    def _answer(self, ready: bool) -> None:
        self._asking = False
        if ready and self._timer.isActive():
            self._timer.stop()
            self.back.emit()

    def _failed(self, _exc: BaseException) -> None:
        self._asking = False
