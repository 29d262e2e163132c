"""设置新密码: after logging in with a one-time password (a new account, a reset), a person sets their own before
anything else; the clerk window and the supervisor console both use this dialog.

The rules are the hall node's (`domain.staff.password_rule`), checked here first so the person reads why in
their language; the node checks again and its refusal is shown as well.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from hallclient.domain.staff import password_rule
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.errors import describe


def rule_text(rule: str) -> str:
    """Why a password is refused, in the user's language (`rule`: a key of `domain.staff.PASSWORD_RULES`, or
    "same", "mismatch")."""
    return {
        "short": QCoreApplication.translate("PasswordDialog", "密码至少 8 位"),
        "long": QCoreApplication.translate("PasswordDialog", "密码最多 200 位"),
        "blank": QCoreApplication.translate("PasswordDialog", "密码首尾不能是空格，也不能含控制字符"),
        "staff_no": QCoreApplication.translate("PasswordDialog", "密码不能与工号相同"),
        "demo": QCoreApplication.translate("PasswordDialog", "不能使用演示大厅的密码"),
        "same": QCoreApplication.translate("PasswordDialog", "新密码不能与当前密码相同"),
        "mismatch": QCoreApplication.translate("PasswordDialog", "两次输入的新密码不一致"),
    }.get(rule, rule)


def new_password_problem(new: str, again: str, staff_no: str, current: str) -> str | None:
    """The rule a new password breaks ("mismatch" and "same" included), or None."""
    rule = password_rule(new, staff_no)
    if rule is None and new == current:
        rule = "same"
    if rule is None and new != again:
        rule = "mismatch"
    return rule


class ChangePasswordDialog(QDialog):
    """Asks for the new password twice and sets it through the node; accepted once the node took it."""

    def __init__(self, bridge: HallBridge, staff_no: str, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.staff_no, self.current = bridge, staff_no, current
        self.setWindowTitle(self.tr("设置新密码"))
        self.note = QLabel(self.tr("您使用的是一次性密码，请设置自己的新密码后继续（至少 8 位，不能与工号相同）。"))
        self.note.setWordWrap(True)
        self.new, self.again = QLineEdit(), QLineEdit()
        for field in (self.new, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(200)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("新密码"), self.new)
        form.addRow(self.tr("再次输入"), self.again)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消并退出登录"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def submit(self) -> None:
        new = self.new.text()
        rule = new_password_problem(new, self.again.text(), self.staff_no, self.current)
        if rule is not None:
            self.error.setText(rule_text(rule))
            return
        self.error.clear()
        self.buttons.setEnabled(False)
        self.bridge.call("change_password", self.current, new, on_done=lambda _r: self.accept(),
                         on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(describe(exc))
