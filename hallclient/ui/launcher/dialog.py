"""Launcher / settings dialog shown before a role window (skipped when the user asked, or HALLCLIENT_ROLE)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hallclient.ui.common.i18n import install_language
from hallclient.ui.common.settings import LANGUAGES, ROLES, HallSettings


class LauncherDialog(QDialog):
    """Writes the choices into `settings` on accept."""

    def __init__(self, settings: HallSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.role = QComboBox()
        self.embedded = QCheckBox()
        self.node_url = QLineEdit(settings.node_url)
        self.node_url.setPlaceholderText("http://192.168.1.10:8470")
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(settings.embedded_port)
        self.language = QComboBox()
        self.skip = QCheckBox()
        self.skip.setChecked(settings.skip_launcher)
        self.embedded.setChecked(not settings.node_url)
        self.embedded.toggled.connect(self._sync_enabled)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(5)]
        for label, field in zip(self.labels, (self.role, self.embedded, self.node_url, self.port, self.language),
                                strict=True):
            self.form.addRow(label, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.language.currentIndexChanged.connect(self._language_changed)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addLayout(self.form)
        lay.addWidget(self.skip)
        lay.addWidget(self.buttons)
        self._retranslate()
        self.role.setCurrentIndex(ROLES.index(settings.role))
        self.language.setCurrentIndex(LANGUAGES.index(settings.language))
        self._sync_enabled()
        self.setMinimumWidth(520)

    def role_names(self) -> list[str]:
        return [self.tr("窗口工作人员"), self.tr("值班长"), self.tr("取号机"), self.tr("叫号屏")]

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("政务服务大厅 · 启动"))
        self.title.setText(self.tr("选择本机的用途和大厅服务地址"))
        for label, text in zip(self.labels, (self.tr("角色"), self.tr("大厅服务"), self.tr("服务地址"),
                                             self.tr("内置服务端口"), self.tr("语言")), strict=True):
            label.setText(text)
        self.embedded.setText(self.tr("在本机启动内置大厅服务（演示大厅）"))
        self.skip.setText(self.tr("下次直接进入，不再显示此窗口"))
        ri, li = self.role.currentIndex(), self.language.currentIndex()
        self.role.blockSignals(True)
        self.language.blockSignals(True)
        self.role.clear()
        self.role.addItems(self.role_names())
        self.language.clear()
        self.language.addItems(["中文", "English"])
        self.role.setCurrentIndex(max(ri, 0))
        self.language.setCurrentIndex(max(li, 0))
        self.role.blockSignals(False)
        self.language.blockSignals(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("开始"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))

    def _sync_enabled(self) -> None:
        self.node_url.setEnabled(not self.embedded.isChecked())
        self.port.setEnabled(self.embedded.isChecked())

    def _language_changed(self, index: int) -> None:
        install_language(LANGUAGES[index])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def accept(self) -> None:
        s = self.settings
        s.role = ROLES[self.role.currentIndex()]
        s.node_url = "" if self.embedded.isChecked() else self.node_url.text()
        s.embedded_port = self.port.value()
        s.language = LANGUAGES[self.language.currentIndex()]
        s.skip_launcher = self.skip.isChecked()
        s.sync()
        super().accept()
