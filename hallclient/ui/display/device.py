"""How a kiosk or display authenticates: its device token (OS keyring), or a staff login as a fallback.

Device tokens are registered on the hall node (`hallclient device add NAME kiosk|display`) and are secrets,
so they live in the OS keyring (service "hallclient", user "device-token-<role>"), never in QSettings; on a
PC without a keyring `hallclient.secret_store` keeps them in its owner-only file, and `DeviceSetup` tells
the admin where the token went, or that it could not be kept (then it must be typed again after a restart).
HALLCLIENT_DEVICE_TOKEN overrides for one run (test rigs, kiosk images provisioned by script).
When there is no token (a fresh PC, the embedded demo hall), the role shows `DeviceSetup`: paste a token
or log in as a supervisor/admin (the session token is used for this run only, not stored).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget

from hallclient import secret_store
from hallclient.ui.common.bridge import HallBridge

log = logging.getLogger(__name__)
KEYRING_SERVICE = "hallclient"


def stored_token(role: str) -> str | None:
    env = os.environ.get("HALLCLIENT_DEVICE_TOKEN", "").strip()
    if env:
        return env
    return secret_store.load(KEYRING_SERVICE, f"device-token-{role}")


def start_when_ready(bridge: HallBridge, token: str, start: Callable[[], None]) -> None:
    """Use `token` from now on and call `start` once the node answers /health (at once if it already has)."""
    bridge.client.token = token
    if bridge.is_ready:
        start()
    else:
        bridge.ready.connect(start, Qt.ConnectionType.SingleShotConnection)


def store_token(role: str, token: str) -> secret_store.Saved:
    """Keep the token (keyring, else the owner-only file); raises `SecretStoreError` if neither works."""
    return secret_store.save(KEYRING_SERVICE, f"device-token-{role}", token)


class DeviceSetup(QWidget):
    """Token or staff login; emits `authorised(token)` once the hall node accepted it."""

    authorised = Signal(str)

    def __init__(self, bridge: HallBridge, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.role = bridge, role
        self.notice: QMessageBox | None = None
        self.title = QLabel(self.tr("本设备尚未登记"))
        self.title.setObjectName("sectionTitle")
        self.hint = QLabel(self.tr("请输入设备令牌（在大厅服务器上运行 hallclient device add 获得），"
                                   "或由值班长登录。"))
        self.hint.setWordWrap(True)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.use_token = QPushButton(self.tr("使用设备令牌"))
        self.staff_no = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.login = QPushButton(self.tr("值班长登录"))
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("设备令牌"), self.token)
        form.addRow("", self.use_token)
        form.addRow(self.tr("工号"), self.staff_no)
        form.addRow(self.tr("密码"), self.password)
        form.addRow("", self.login)
        box = QVBoxLayout(self)
        box.addStretch(1)
        for w in (self.title, self.hint):
            box.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addStretch(2)
        self.use_token.clicked.connect(self._try_token)
        self.login.clicked.connect(self._try_login)

    def _try_token(self) -> None:
        token = self.token.text().strip()
        if not token:
            return
        self.bridge.client.token = token
        self.use_token.setEnabled(False)
        self.bridge.call("me", on_done=lambda _me: self._ok(token, store=True), on_error=self._failed)

    def _try_login(self) -> None:
        self.login.setEnabled(False)
        self.bridge.call("login", self.staff_no.text().strip(), self.password.text(),
                         on_done=lambda out: self._ok(out["token"], store=False), on_error=self._failed)

    def _ok(self, token: str, store: bool) -> None:
        if store:
            self._keep(token)
        self.password.clear()
        self.authorised.emit(token)

    def _keep(self, token: str) -> None:
        """Store the token; say so when it went to the fallback file or could not be kept at all."""
        try:
            saved = store_token(self.role, token)
        except secret_store.SecretStoreError as exc:
            log.warning("device token not kept: %s", exc)
            text = self.tr("本机无法保存设备令牌（{0}）。本次可以使用，但重启后需要重新输入。"
                           "请运行 hallclient doctor 查看解决办法。").format(exc)
            self.notice = QMessageBox(QMessageBox.Icon.Warning, self.tr("设备令牌未能保存"), text, parent=self.window())
        else:
            if not saved.in_file:
                return
            self.notice = QMessageBox(QMessageBox.Icon.Information, self.tr("设备令牌已保存到文件"),
                                      self.tr("本机没有可用的系统密钥环，设备令牌已保存在 {0}，"
                                              "仅本机的此用户可读。").format(saved.detail), parent=self.window())
        self.notice.open()  # not modal for the app: the role's screen comes up behind it

    def _failed(self, exc: BaseException) -> None:
        self.use_token.setEnabled(True)
        self.login.setEnabled(True)
        self.bridge.client.token = None
        self.error.setText(self.tr("未通过：{0}").format(exc))
