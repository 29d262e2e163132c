"""延时服务 (extended hours) from the supervisor console: a top-bar button showing today's hall day, and a small
dialog to keep the hall open for tickets until a chosen time (with a reason, audited by the node) or to end
the extension. Calls go through the bridge; the dialog stays open with the node's message if refused."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QWidget,
)

from hallclient.ui.supervisor.controllers.console import ConsoleController

STATE_NAMES = {  # marked for lupdate; translated where shown
    "before_open": QT_TRANSLATE_NOOP("HallDay", "未开门"),
    "open": QT_TRANSLATE_NOOP("HallDay", "开放中"),
    "extended": QT_TRANSLATE_NOOP("HallDay", "延时服务中"),
    "closed": QT_TRANSLATE_NOOP("HallDay", "已停止取号"),
}


def state_name(state: str | None) -> str:
    return QCoreApplication.translate("HallDay", STATE_NAMES[state]) if state in STATE_NAMES else "—"


def _qtime(text: str | None) -> QTime | None:
    t = QTime.fromString(text or "", "HH:mm")
    return t if t.isValid() else None


class HallDayButton(QPushButton):
    """"延时服务" in the console's top bar; says when today's extension ends, opens `HallDayDialog`."""

    def __init__(self, console: ConsoleController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.console = console
        self.dialog: HallDayDialog | None = None
        self.clicked.connect(self.open_dialog)
        console.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        day = self.console.status.get("day") or {}
        until = day.get("extended_until")
        self.setText(self.tr("延时服务（至 {0}）").format(until) if until else self.tr("延时服务"))
        if day:
            hours = f"{day.get('opens_at') or '—'}–{day.get('closes_at') or '—'}"
            self.setToolTip(self.tr("今日 {0}，{1}").format(hours, state_name(day.get("state"))))

    def open_dialog(self) -> HallDayDialog:
        self.dialog = HallDayDialog(self.console, self.window())
        self.dialog.open()
        return self.dialog


class HallDayDialog(QDialog):
    """Extend today until a time after closing (23:59 at the latest), or end today's extension."""

    def __init__(self, console: ConsoleController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.console = console
        self.setWindowTitle(self.tr("延时服务"))
        day: dict[str, Any] = console.status.get("day") or {}
        form = QFormLayout(self)
        hours = f"{day.get('opens_at') or '—'}–{day.get('closes_at') or '—'}"
        self.today = QLabel(self.tr("今日开放时间 {0}，当前：{1}").format(
            hours, state_name(day.get("state"))), self)
        form.addRow(self.today)
        self.until = QTimeEdit(self)
        self.until.setDisplayFormat("HH:mm")
        self.until.setMaximumTime(QTime(23, 59))
        closes = _qtime(day.get("closes_at"))
        if closes is not None:
            self.until.setMinimumTime(closes.addSecs(60) if closes < QTime(23, 59) else closes)
        current = _qtime(day.get("extended_until"))
        default = current or (closes.addSecs(3600) if closes is not None and closes < QTime(22, 59) else None)
        self.until.setTime(default or QTime(18, 30))
        form.addRow(self.tr("延时至"), self.until)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("例如：排队人数较多"))
        form.addRow(self.tr("原因"), self.reason)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(self.tr("延时"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.end = self.buttons.addButton(self.tr("结束延时"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.end.setEnabled(current is not None)
        self.ok.clicked.connect(self.submit)
        self.end.clicked.connect(self.end_extension)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def submit(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.error.setText(self.tr("请填写延时原因"))
            return
        until = self.until.time().toString("HH:mm")
        self._busy(True)
        self.console.bridge.call("extend_hours", until, reason, on_done=self._done, on_error=self._failed)

    def end_extension(self) -> None:
        self._busy(True)
        self.console.bridge.call("end_extension", on_done=self._done, on_error=self._failed)

    def _busy(self, busy: bool) -> None:
        self.error.clear()
        self.ok.setEnabled(not busy)
        self.end.setEnabled(not busy)

    def _done(self, day: dict[str, Any]) -> None:
        until = day.get("extended_until")
        self.console.message.emit(self.tr("今日延时服务至 {0}").format(until) if until else self.tr("已结束延时服务"))
        self.console.refresh()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.error.setText(str(exc))
