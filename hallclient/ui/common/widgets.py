"""Small widgets every role uses: connection-state badge, SLA colour chip, green-channel badge, form dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from hallclient.ui.common import bridge as b

GREEN_REASONS = ("elderly", "disabled", "pregnant", "serviceman", "key_project", "other")


def green_reason_label(reason: str | None) -> str:
    """The translated label of a green-channel reason code."""
    labels = {
        "elderly": QCoreApplication.translate("common", "老年人"),
        "disabled": QCoreApplication.translate("common", "残疾人"),
        "pregnant": QCoreApplication.translate("common", "孕妇"),
        "serviceman": QCoreApplication.translate("common", "军人/退役军人"),
        "key_project": QCoreApplication.translate("common", "重点项目"),
        "other": QCoreApplication.translate("common", "其他"),
    }
    return labels.get(reason or "", reason or "")


def sla_label(colour: str) -> str:
    return {"blue": QCoreApplication.translate("common", "正常"),
            "yellow": QCoreApplication.translate("common", "预警"),
            "red": QCoreApplication.translate("common", "超时")}.get(colour, colour)


def _restyle(w: QWidget) -> None:
    w.style().unpolish(w)
    w.style().polish(w)


class ConnectionBadge(QLabel):
    """Shows the hall node link: 已连接 / 正在连接… / 连接中断，正在重连… / 登录已失效 / 无法连接. Connect to
    `HallBridge.connection_state`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = b.CONNECTING
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_state(b.CONNECTING)

    def set_state(self, state: str) -> None:
        self.state = state
        self.setProperty("conn", state)
        self._retranslate()
        _restyle(self)

    def _retranslate(self) -> None:
        self.setText({
            b.CONNECTED: self.tr("● 已连接"),
            b.CONNECTING: self.tr("● 正在连接…"),
            b.DISCONNECTED: self.tr("● 连接中断，正在重连…"),
            b.UNAUTHORIZED: self.tr("● 登录已失效"),
            b.OFFLINE: self.tr("● 无法连接大厅服务"),
        }.get(self.state, self.state))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class GreenBadge(QLabel):
    """绿色通道 badge with the reason; hidden when the ticket is not green."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("badge", "green")
        self.set_reason(None)

    def set_reason(self, reason: str | None, note: str = "") -> None:
        self.reason, self.note = reason, note
        self.setVisible(bool(reason))
        if reason:
            text = self.tr("绿色通道 · {0}").format(green_reason_label(reason))
            self.setText(f"{text}（{note}）" if note else text)


class FormDialog(QDialog):
    """A small form with 确定/取消 and an error line: `problem()` returns what is wrong (shown, the dialog stays)
    or "" (accepted). Open it with `open()`, never `exec()`, so the event loop goes on."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        self.lay = QVBoxLayout(self)
        self.lay.addLayout(self.form)
        self.lay.addWidget(self.error)
        self.lay.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def problem(self) -> str:
        return ""

    def _try_accept(self) -> None:
        msg = self.problem()
        if msg:
            self.error.setText(msg)
            self.error.show()
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        return {}
