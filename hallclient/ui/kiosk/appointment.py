"""预约签到, second step: the booking the code stands for — slot, service, masked name — before the ticket is
issued, so a visitor who typed a wrong code (or came on the wrong day) sees it first and nothing is used up.
An appointment already checked in shows its ticket number (a visitor who lost the slip finds it again); a
cancelled one says so. Only the masked name (陈*) is shown, as the node stores it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def local_time(value: Any) -> datetime:
    """A slot time from the node (hall local time with its offset) as the hall's wall time, whatever this PC's
    own time zone (the kiosk takes its clock as hall time, as `kiosk.window.hall_local` does)."""
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")).replace(tzinfo=None)


class AppointmentDetails(QWidget):
    """`show_appointment(appt, today)`; emits `confirmed(code)` (签到取号) or `back()`."""

    confirmed = Signal(str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.appointment: dict[str, Any] = {}
        self.today: date | None = None
        self.title = QLabel(objectName="appointmentTitle")
        self.title.setStyleSheet("font-size: 34px; font-weight: 600; color: #1f4e79;")
        self.names = [QLabel() for _ in range(4)]
        self.values = [QLabel() for _ in range(4)]
        self.code_value, self.slot_value, self.service_value, self.name_value = self.values
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(18)
        for row, (name, value) in enumerate(zip(self.names, self.values, strict=True)):
            name.setStyleSheet("font-size: 28px; color: #555;")
            value.setStyleSheet("font-size: 34px; color: #1a1a1a; font-weight: 600;")
            value.setWordWrap(True)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        self.note = QLabel(objectName="appointmentNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("font-size: 26px; color: #1f4e79;")
        self.back_button = QPushButton(objectName="appointmentBack")
        self.back_button.setProperty("ghost", True)
        self.confirm = QPushButton(objectName="appointmentConfirm")
        self.confirm.setProperty("big", True)
        for btn in (self.back_button, self.confirm):
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            btn.setStyleSheet("font-size: 26px;")
        self.back_button.clicked.connect(lambda _c=False: self.back.emit())
        self.confirm.clicked.connect(lambda _c=False: self.confirmed.emit(str(self.appointment.get("code", ""))))
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(120, 40, 120, 40)
        lay.addWidget(self.title)
        lay.addSpacing(20)
        lay.addLayout(grid)
        lay.addSpacing(20)
        lay.addWidget(self.note)
        lay.addStretch(1)
        lay.addLayout(buttons)
        self._retranslate()

    def _retranslate(self) -> None:
        self.title.setText(self.tr("请核对预约信息"))
        for label, text in zip(self.names, (self.tr("预约码"), self.tr("预约时段"), self.tr("办理事项"),
                                            self.tr("预约人")), strict=True):
            label.setText(text)
        self.back_button.setText(self.tr("返回修改"))
        self.confirm.setText(self.tr("确认签到取号"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_appointment(self, appointment: dict[str, Any], today: date) -> None:
        self.appointment, self.today = appointment, today
        self._render()

    def slot_text(self) -> str:
        a = self.appointment
        start, end = local_time(a["slot_start"]), local_time(a["slot_end"])
        span = f"{start:%H:%M}–{end:%H:%M}"
        if start.date() == self.today:
            return self.tr("今天 {0}").format(span)
        if self.today is not None and start.date() == self.today + timedelta(days=1):
            return self.tr("明天 {0}").format(span)
        return self.tr("{0}年{1}月{2}日 {3}").format(start.year, start.month, start.day, span)

    def _render(self) -> None:
        a = self.appointment
        if not a:
            return
        self.code_value.setText(str(a["code"]))
        self.slot_value.setText(self.slot_text())
        self.service_value.setText(" · ".join(x for x in (a.get("category_name"), a.get("item_name")) if x))
        self.name_value.setText(a.get("masked_name") or "—")
        status = a.get("status")
        bookable = status == "booked"
        self.confirm.setVisible(bookable)
        if status == "checked_in":
            self.note.setText(self.tr("此预约已签到，您的号码是 {0}，请留意叫号。").format(a.get("number") or "—"))
        elif not bookable:
            self.note.setText(self.tr("此预约已取消或失效，请联系工作人员。"))
        elif local_time(a["slot_start"]).date() != self.today:
            self.note.setText(self.tr("注意：此预约不是今天的。确认无误后再签到。"))
        else:
            self.note.setText(self.tr("信息无误请点“确认签到取号”；预约时段内优先叫号。"))
