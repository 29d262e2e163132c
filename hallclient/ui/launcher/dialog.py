"""Launcher / settings dialog shown before a role window (skipped when the user asked, or HALLCLIENT_ROLE).

When the embedded hall node has no database yet, it asks which hall to start: the demo hall (the default, no
questions) or a new real hall, set up by the first-run wizard (`launcher.wizard`); `first_hall` holds the answer.
"""

from __future__ import annotations

from pathlib import Path

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

    def __init__(self, settings: HallSettings, parent: QWidget | None = None, db: Path | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db = db
        self.first_hall = "demo"
        self.hall_choice = QComboBox()  # only while the embedded node has no database: demo or a new hall
        self.hall_label = QLabel()
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
        self.form.insertRow(2, self.hall_label, self.hall_choice)
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
        self.embedded.setText(self.tr("在本机启动内置大厅服务"))
        self.hall_label.setText(self.tr("本机大厅"))
        hi = self.hall_choice.currentIndex()
        self.hall_choice.clear()
        self.hall_choice.addItems([self.tr("演示大厅（无需设置，直接体验）"), self.tr("新建大厅（设置向导）")])
        self.hall_choice.setCurrentIndex(max(hi, 0))
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
        first_run = self.embedded.isChecked() and self.db is not None and not self.db.exists()
        self.hall_label.setVisible(first_run)
        self.hall_choice.setVisible(first_run)

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
        self.first_hall = "new" if self.hall_choice.isVisible() and self.hall_choice.currentIndex() == 1 else "demo"
        super().accept()
