"""How a kiosk or display authenticates: its device token (OS keyring), or a staff login as a fallback.

Device tokens are registered on the hall node (`hallclient device add NAME --role kiosk|display`) and are
secrets, so they live in the OS keyring (service "hallclient", user "device-token-<role>"), never in QSettings;
on a PC without a keyring `hallclient.secret_store` keeps them in its owner-only file, and `DeviceSetup` tells
the admin where the token went, or that it could not be kept (then it must be typed again after a restart).
HALLCLIENT_DEVICE_TOKEN overrides for one run (test rigs, kiosk images provisioned by script).

`DeviceSetup.begin()` finds the token: the given one, the stored one, or — in the embedded demo hall
(`bridge.demo_devices`, set by the app when it started the node) — the stored demo token if the node still
takes it, else a new demo device registered by itself (`ui.common.demo_devices`), with no question. Otherwise
(a real hall) the screen asks: paste a token, or log in as a supervisor/admin (that session is used for this
run only, not stored).

The screen is laid out for touch screens from 1280×800 to 4K, landscape (form beside the on-screen keyboard)
and portrait (keyboard below): text sizes follow the screen, and wrapped labels get the height their text
needs (no alignment flag in the layout, which would squeeze them to their one-line size hint).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hallclient import secret_store
from hallclient.hallnode.client import HallClient, HallNodeError
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.demo_devices import DemoDevices, NotDemoHall
from hallclient.ui.common.errors import describe, login_failure
from hallclient.ui.common.keyboard import OnScreenKeyboard
from hallclient.ui.common.scale import screen_unit

log = logging.getLogger(__name__)
KEYRING_SERVICE = "hallclient"


def token_name(role: str, demo: bool = False) -> str:
    """The secret's name: demo tokens apart, so one is never offered to a real hall node."""
    return f"device-token-{role}" + ("-demo" if demo else "")


def stored_token(role: str, demo: bool = False) -> str | None:
    env = os.environ.get("HALLCLIENT_DEVICE_TOKEN", "").strip()
    if env:
        return env
    return secret_store.load(KEYRING_SERVICE, token_name(role, demo))


def start_when_ready(bridge: HallBridge, token: str, start: Callable[[], None]) -> None:
    """Use `token` from now on and call `start` once the node answers /health (at once if it already has)."""
    bridge.client.token = token
    when_ready(bridge, start)


def when_ready(bridge: HallBridge, fn: Callable[[], None]) -> None:
    if bridge.is_ready:
        fn()
    else:
        bridge.ready.connect(fn, Qt.ConnectionType.SingleShotConnection)


def store_token(role: str, token: str, demo: bool = False) -> secret_store.Saved:
    """Keep the token (keyring, else the owner-only file); raises `SecretStoreError` if neither works."""
    return secret_store.save(KEYRING_SERVICE, token_name(role, demo), token)


def demo_token(client: HallClient, role: str, demo: DemoDevices) -> tuple[str, bool]:
    """(token, newly registered) for the embedded node: a stored token it still takes, else a new demo device.
    Blocking (run on the bridge's pool); raises NotDemoHall on a real hall, HallNodeError if the node fails."""
    for candidate in (stored_token(role, demo=True), stored_token(role)):
        if not candidate:
            continue
        client.token = candidate
        try:
            client.me()
            return candidate, False
        except HallNodeError as exc:
            if exc.status != 401:  # the node is down or broken: not a reason to register another device
                raise
        finally:
            client.token = None
    return demo.register(role), True


class DeviceSetup(QWidget):
    """Token or staff login; emits `authorised(token)` once the hall node accepted it."""

    authorised = Signal(str)

    def __init__(self, bridge: HallBridge, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.role = bridge, role
        self.notice: QMessageBox | None = None
        self._px = 0
        self.form = QWidget(self, objectName="deviceForm")
        self.title = QLabel(objectName="deviceTitle")
        self.hint = QLabel()
        self.token_label = QLabel(objectName="sectionLabel")
        self.token = QLineEdit(objectName="deviceToken")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.use_token = QPushButton(objectName="useToken")
        self.login_label = QLabel(objectName="sectionLabel")
        self.staff_label = QLabel()
        self.password_label = QLabel()
        self.staff_no = QLineEdit(objectName="staffNo")
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.login = QPushButton(objectName="staffLogin")
        self.error = QLabel(objectName="error")
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard.follow(self.token, self.staff_no, self.password)
        for label in (self.title, self.hint, self.error):
            label.setWordWrap(True)
        for label in (self.token_label, self.login_label):
            label.setIndent(0)  # a style sheet margin would otherwise indent it too
        for btn in (self.use_token, self.login):
            btn.setProperty("primary", True)
        self._lay_out()
        self._retranslate()
        self.use_token.clicked.connect(self._try_token)
        self.token.returnPressed.connect(self._try_token)
        self.login.clicked.connect(self._try_login)
        self.password.returnPressed.connect(self._try_login)

    def _lay_out(self) -> None:
        col = QVBoxLayout(self.form)
        col.setContentsMargins(0, 0, 0, 0)
        col.addStretch(1)
        col.addWidget(self.title)  # no alignment flag: wrapped labels then get their full height
        col.addWidget(self.hint)
        col.addWidget(self.token_label)
        row = QHBoxLayout()
        row.addWidget(self.token, 1)
        row.addWidget(self.use_token)
        col.addLayout(row)
        col.addWidget(self.login_label)
        grid = QGridLayout()
        grid.addWidget(self.staff_label, 0, 0)
        grid.addWidget(self.staff_no, 0, 1)
        grid.addWidget(self.password_label, 1, 0)
        grid.addWidget(self.password, 1, 1)
        grid.addWidget(self.login, 2, 1, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)
        col.addLayout(grid)
        col.addWidget(self.error)
        col.addStretch(1)
        self.form.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.body.addWidget(self.form, 1)
        keys = QVBoxLayout()  # the keyboard keeps its shape (ASPECT); what is left goes above and below
        keys.addStretch(1)
        keys.addWidget(self.keyboard, 100)
        keys.addStretch(1)
        self.body.addLayout(keys, 1)
        self.column = col

    def _retranslate(self) -> None:
        self.title.setText(self.tr("本设备尚未登记"))
        self.hint.setText(self.tr("请输入设备令牌（在大厅服务器上运行 hallclient device add 获得），"
                                  "或由值班长登录。"))
        self.token_label.setText(self.tr("设备令牌"))
        self.use_token.setText(self.tr("使用设备令牌"))
        self.login_label.setText(self.tr("或由值班长登录（仅本次运行有效）"))
        self.staff_label.setText(self.tr("工号"))
        self.password_label.setText(self.tr("密码"))
        self.login.setText(self.tr("值班长登录"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- finding the token ------------------------------------------------------------------------------

    def begin(self) -> bool:
        """Find this device's token. True: `authorised` was emitted already (the role's screen can show);
        False: this screen is needed (asking, or registering the embedded demo hall's device)."""
        token = self.bridge.client.token or os.environ.get("HALLCLIENT_DEVICE_TOKEN", "").strip()
        if token:
            self.authorised.emit(token)
            return True
        demo = getattr(self.bridge, "demo_devices", None)
        if demo is not None:
            self._set_waiting(True)
            when_ready(self.bridge, lambda: self.bridge.submit(
                demo_token, self.bridge.client, self.role, demo, on_done=self._demo_done, on_error=self._demo_failed,
                name="demo_device"))
            return False
        token = stored_token(self.role)
        if token:
            self.authorised.emit(token)
            return True
        return False

    def _set_waiting(self, waiting: bool) -> None:
        """While the demo device is being registered: a title saying so, no form, no keyboard."""
        for w in (self.token_label, self.token, self.use_token, self.login_label, self.staff_label, self.staff_no,
                  self.password_label, self.password, self.login, self.keyboard):
            w.setVisible(not waiting)
        if waiting:
            self.title.setText(self.tr("正在准备演示设备…"))
            self.hint.setText(self.tr("演示大厅：本机自动登记为{0}，无需设备令牌。").format(
                self.tr("取号机") if self.role == "kiosk" else self.tr("叫号屏")))
        else:
            self._retranslate()

    def _demo_done(self, result: tuple[str, bool]) -> None:
        token, fresh = result
        self._set_waiting(False)
        if fresh:  # quietly: a demo token that is not kept costs only a new registration next time
            try:
                store_token(self.role, token, demo=True)
            except secret_store.SecretStoreError as exc:
                log.warning("demo device token not kept (a new one is registered next time): %s", exc)
        self.authorised.emit(token)

    def _demo_failed(self, exc: BaseException) -> None:
        self._set_waiting(False)
        if isinstance(exc, NotDemoHall):  # a real hall on this PC: its admin registers the device
            return
        log.warning("demo device not registered: %s", exc)
        self.error.setText(self.tr("未能自动登记本设备：{0}").format(exc))

    # -- typed token or staff login ---------------------------------------------------------------------

    def _try_token(self) -> None:
        token = self.token.text().strip()
        if not token or not self.use_token.isEnabled():
            return
        self.bridge.client.token = token
        self.use_token.setEnabled(False)
        self.error.clear()
        self.bridge.call("me", on_done=lambda _me: self._ok(token, store=True), on_error=self._token_refused)

    def _try_login(self) -> None:
        if not self.staff_no.text().strip() or not self.password.text() or not self.login.isEnabled():
            return
        self.login.setEnabled(False)
        self.error.clear()
        self.bridge.call("login", self.staff_no.text().strip(), self.password.text(),
                         on_done=lambda out: self._ok(out["token"], store=False), on_error=self._failed)

    def _ok(self, token: str, store: bool) -> None:
        if store:
            self._keep(token)
        self.password.clear()
        self.use_token.setEnabled(True)
        self.login.setEnabled(True)
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

    def _token_refused(self, exc: BaseException) -> None:
        why = self.tr("设备令牌无效或已被吊销") if getattr(exc, "status", None) == 401 else describe(exc)
        self._failed(exc, why)

    def _failed(self, exc: BaseException, why: str | None = None) -> None:
        self.use_token.setEnabled(True)
        self.login.setEnabled(True)
        self.bridge.client.token = None
        self.password.clear()
        self.error.setText(self.tr("未通过：{0}").format(why or login_failure(exc)))

    # -- size -------------------------------------------------------------------------------------------

    def resizeEvent(self, event: QEvent) -> None:
        """Landscape: the form beside the keyboard; portrait: the keyboard below. Text grows with the screen
        (1280×800 → 20 px, 4K → 54 px), so every line stays readable at a kiosk's distance."""
        u = screen_unit(self, self.body)
        portrait = self.height() > self.width()
        px = max(14, round(20 * u))
        margin = max(16, round(40 * u))
        self.body.setContentsMargins(margin, margin, margin, margin)
        self.body.setSpacing(margin)
        self.body.setStretch(0, 3 if portrait else 4)
        self.body.setStretch(1, 2 if portrait else 5)
        if px != self._px:
            self._px = px
            self.column.setSpacing(round(px * 0.5))
            self.form.setStyleSheet(
                f"QLabel, QLineEdit, QPushButton {{ font-size: {px}px; }}"
                f"QLabel#deviceTitle {{ font-size: {round(px * 1.6)}px; font-weight: 600; color: #1f4e79; }}"
                f"QLabel#sectionLabel {{ margin-top: {round(px * 0.8)}px; }}"
                f"QLineEdit {{ padding: {round(px * 0.4)}px; }}"
                f"QPushButton {{ padding: {round(px * 0.4)}px {round(px * 0.9)}px; }}")
        super().resizeEvent(event)  # type: ignore[arg-type]
