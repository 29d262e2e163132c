"""Tell the user when the embedded hall node died and was started again (or could not be).

`EmbeddedNode` restarts its child on its own thread; this QObject carries its callbacks to the GUI thread
(a signal emitted from another thread is queued) and shows a message box that does not block the role's
window: the clerk sees why the window said 未连接 for a moment, and where the log is.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hallclient.ui.common.embedded import EmbeddedNode


class NodeWatch(QObject):
    restarted = Signal(int)
    gave_up = Signal(str)

    def __init__(self, node: EmbeddedNode, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.node = node
        self.box: QMessageBox | None = None
        self.restarted.connect(self._show_restarted)
        self.gave_up.connect(self._show_gave_up)
        node.on_restart = self.restarted.emit
        node.on_give_up = self.gave_up.emit

    def _show_restarted(self, code: int) -> None:
        self._show(QMessageBox.Icon.Warning, QApplication.translate("app", "大厅服务已重新启动"),
                   QApplication.translate("app", "本机的大厅服务意外退出（退出码 {0}），已自动重新启动，"
                                                 "窗口会自动重新连接。如果反复出现，请查看日志：{1}")
                   .format(code, self.node.log_file))

    def _show_gave_up(self, message: str) -> None:
        self._show(QMessageBox.Icon.Critical, QApplication.translate("app", "大厅服务无法运行"),
                   QApplication.translate("app", "本机的大厅服务反复退出，已停止自动重启：{0}。"
                                                 "请运行 hallclient doctor 检查本机，或联系管理员。").format(message))

    def _show(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        parent: QWidget | None = QApplication.activeWindow()
        if self.box is not None and shiboken6.isValid(self.box):
            self.box.close()
        self.box = QMessageBox(icon, title, text, parent=parent)
        self.box.open()
