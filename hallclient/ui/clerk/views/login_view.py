"""Login: staff number, password, window number (remembered, except the password).

The same page serves 交接班 (handover): the clerk at the window opens it, the next clerk logs in at the same
window (its number fixed) and takes it over, ticket in hand included; 取消 goes back to work. A login refused
because another clerk is at work at the window offers 接班登录, the same takeover.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget


class LoginView(QWidget):
    submitted = Signal(str, str, int, bool)  # staff number, password, window, handover
    cancelled = Signal()

    def __init__(self, staff_no: str = "", window_no: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handover = False
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel()
        self.note.setObjectName("notice")
        self.note.setWordWrap(True)
        self.note.hide()
        self.staff_no = QLineEdit(staff_no)
        self.staff_no.setMaxLength(20)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.window_no = QSpinBox()
        self.window_no.setRange(1, 9999)
        self.window_no.setValue(window_no or 1)
        self.button = QPushButton()
        self.button.setProperty("primary", True)
        self.takeover = QPushButton()  # after "window N is staffed by …": log in as its handover
        self.takeover.hide()
        self.cancel = QPushButton()
        self.cancel.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        box = QFrame()
        box.setMaximumWidth(460)
        self.form = QFormLayout(box)
        self.l_staff, self.l_pw, self.l_win = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.note)
        self.form.addRow(self.l_staff, self.staff_no)
        self.form.addRow(self.l_pw, self.password)
        self.form.addRow(self.l_win, self.window_no)
        self.form.addRow(self.button)
        self.form.addRow(self.error)
        self.form.addRow(self.takeover)
        self.form.addRow(self.cancel)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(self.title)
        lay.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)
        self.button.clicked.connect(self._submit)
        self.takeover.clicked.connect(self._take_over)
        self.cancel.clicked.connect(self.cancelled)
        self.password.returnPressed.connect(self._submit)
        self.staff_no.returnPressed.connect(self.password.setFocus)
        self._ticket: str | None = None
        self._retranslate()

    def _retranslate(self) -> None:
        if self.handover:
            self.title.setText(self.tr("交接班 · {0}号窗口").format(self.window_no.value()))
            note = self.tr("请接班人员输入工号和密码。登录后由接班人员接替本窗口。")
            if self._ticket:
                note += self.tr("当前号码 {0} 留在本窗口，由接班人员继续办理。").format(self._ticket)
            self.note.setText(note)
            self.button.setText(self.tr("接班登录"))
        else:
            self.title.setText(self.tr("窗口工作人员登录"))
            self.button.setText(self.tr("登录"))
        self.l_staff.setText(self.tr("工号"))
        self.l_pw.setText(self.tr("密码"))
        self.l_win.setText(self.tr("窗口号"))
        self.takeover.setText(self.tr("接班登录（交接班，接替该窗口）"))
        self.cancel.setText(self.tr("取消，返回工作台"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def enter_handover(self, window_no: int, ticket: str | None) -> None:
        """交接班: the next clerk logs in at this window."""
        self.handover, self._ticket = True, ticket
        self.window_no.setValue(window_no)
        self.window_no.setEnabled(False)
        self.staff_no.clear()
        self.password.clear()
        self.error.clear()
        self.note.show()
        self.cancel.show()
        self.takeover.hide()
        self.button.setEnabled(True)
        self._retranslate()
        self.staff_no.setFocus()

    def reset(self, message: str = "") -> None:
        """Back to a plain login (after 退出, a session that ended elsewhere, or a handover done)."""
        self.handover, self._ticket = False, None
        self.window_no.setEnabled(True)
        self.note.hide()
        self.cancel.hide()
        self.takeover.hide()
        self.password.clear()
        self.button.setEnabled(True)
        self.error.setText(message)
        self._retranslate()

    def _submit(self) -> None:
        if not self.staff_no.text().strip() or not self.password.text():
            self.error.setText(self.tr("请输入工号和密码"))
            return
        self.error.clear()
        self.takeover.hide()
        self.button.setEnabled(False)
        self.submitted.emit(self.staff_no.text().strip(), self.password.text(), self.window_no.value(), self.handover)

    def _take_over(self) -> None:
        self.takeover.hide()
        self.button.setEnabled(False)
        self.submitted.emit(self.staff_no.text().strip(), self.password.text(), self.window_no.value(), True)

    def failed(self, message: str) -> None:
        self.button.setEnabled(True)
        self.error.setText(message)
        self.password.selectAll()
        self.password.setFocus()

    def occupied(self, message: str) -> None:
        """Another clerk is at work at the window: say so, and offer to take it over."""
        self.failed(message)
        self.takeover.show()
