"""Login: staff number, password, window number (remembered, except the password)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget


class LoginView(QWidget):
    submitted = Signal(str, str, int)

    def __init__(self, staff_no: str = "", window_no: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.staff_no = QLineEdit(staff_no)
        self.staff_no.setMaxLength(20)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.window_no = QSpinBox()
        self.window_no.setRange(1, 9999)
        self.window_no.setValue(window_no or 1)
        self.button = QPushButton()
        self.button.setProperty("primary", True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        box = QFrame()
        box.setMaximumWidth(460)
        self.form = QFormLayout(box)
        self.l_staff, self.l_pw, self.l_win = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.l_staff, self.staff_no)
        self.form.addRow(self.l_pw, self.password)
        self.form.addRow(self.l_win, self.window_no)
        self.form.addRow(self.button)
        self.form.addRow(self.error)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(self.title)
        lay.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)
        self.button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.staff_no.returnPressed.connect(self.password.setFocus)
        self._retranslate()

    def _retranslate(self) -> None:
        self.title.setText(self.tr("窗口工作人员登录"))
        self.l_staff.setText(self.tr("工号"))
        self.l_pw.setText(self.tr("密码"))
        self.l_win.setText(self.tr("窗口号"))
        self.button.setText(self.tr("登录"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _submit(self) -> None:
        if not self.staff_no.text().strip() or not self.password.text():
            self.error.setText(self.tr("请输入工号和密码"))
            return
        self.error.clear()
        self.button.setEnabled(False)
        self.submitted.emit(self.staff_no.text().strip(), self.password.text(), self.window_no.value())

    def failed(self, message: str) -> None:
        self.button.setEnabled(True)
        self.error.setText(message)
        self.password.selectAll()
        self.password.setFocus()
