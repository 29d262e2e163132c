"""The supervisor console window: login page, then tabs (live hall, green channel, plans, advisor, charts,
audit, duty settings, staff and windows, daily report) under an alert banner that stays until the alert is
acknowledged. A login with a one-time password sets a new one before the console opens."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hallclient.paths import resource_path
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.password import ChangePasswordDialog
from hallclient.ui.common.settings import HallSettings
from hallclient.ui.common.widgets import ConnectionBadge
from hallclient.ui.supervisor.controllers.console import ConsoleController
from hallclient.ui.supervisor.views.hall_day import HallDayButton
from hallclient.ui.supervisor.views.live_hall import LiveHallView
from hallclient.ui.supervisor.views.monthly import MonthlyPanel
from hallclient.ui.supervisor.views.panels import (
    AdminPanel,
    AdvisorPanel,
    AuditPanel,
    ChartsPanel,
    GreenWatch,
    PlansPanel,
)
from hallclient.ui.supervisor.views.reports import ReportsPanel
from hallclient.ui.supervisor.views.staff_admin import StaffAdminPanel


class LoginPage(QWidget):
    def __init__(self, console: ConsoleController, settings: HallSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.console = console
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget(self)
        box.setMaximumWidth(420)
        form = QFormLayout(box)
        title = QLabel(self.tr("值班长控制台"), box)
        title.setObjectName("sectionTitle")
        form.addRow(title)
        self.staff_no, self.password = QLineEdit(box), QLineEdit(box)
        self.staff_no.setText(settings.staff_no or "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("工号"), self.staff_no)
        form.addRow(self.tr("密码"), self.password)
        self.error = QLabel(box)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.button = QPushButton(self.tr("登录"), box)
        self.button.setProperty("primary", True)
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        form.addRow(self.button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        console.login_failed.connect(self._failed)
        console.password_needed.connect(self.ask_new_password)
        self.dialog: ChangePasswordDialog | None = None

    def ask_new_password(self, me: dict, password: str) -> None:
        """A one-time password: set one's own before the console opens."""
        self.dialog = ChangePasswordDialog(self.console.bridge, me["staff_no"], password, self)
        self.dialog.accepted.connect(self.console.password_set)
        self.dialog.rejected.connect(self.console.cancel_login)
        self.dialog.open()

    def submit(self) -> None:
        self.error.clear()
        self.button.setEnabled(False)
        self.console.login(self.staff_no.text().strip(), self.password.text())

    def _failed(self, text: str) -> None:
        self.button.setEnabled(True)
        self.error.setText(text)


class AlertBanner(QWidget):
    """Red banner with the newest open alert and a button to acknowledge it; hidden when none is open."""

    def __init__(self, console: ConsoleController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.console = console
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel(self)
        self.text.setObjectName("failure")
        self.text.setWordWrap(True)
        self.ack = QPushButton(self.tr("确认"), self)
        self.ack.clicked.connect(self._ack)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.ack)
        self.setVisible(False)
        console.changed.connect(self.refresh)

    def show_alert(self, payload: dict[str, Any]) -> None:
        self.text.setText("⚠ " + str(payload.get("message", "")))
        self.setVisible(True)

    def refresh(self) -> None:
        alerts = self.console.alerts
        if not alerts:
            self.setVisible(False)
            return
        more = self.tr("（另有 {0} 条未确认）").format(len(alerts) - 1) if len(alerts) > 1 else ""
        self.text.setText("⚠ " + alerts[0]["message"] + more)
        self.setVisible(True)

    def _ack(self) -> None:
        if self.console.alerts:
            self.console.ack(str(self.console.alerts[0]["id"]))


class SupervisorConsole(QWidget):
    """Top-level widget returned by `open_role`."""

    def __init__(self, bridge: HallBridge, settings: HallSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("值班长控制台"))
        self.bridge, self.settings = bridge, settings
        self.console = ConsoleController(bridge, self)
        self.sounds_played = 0
        self._sound: Any = None
        self.stack = QStackedWidget(self)
        self.login = LoginPage(self.console, settings, self)
        self.main = QWidget(self)
        lay = QVBoxLayout(self.main)
        top = QHBoxLayout()
        self.who = QLabel(self.main)
        self.who.setObjectName("sectionTitle")
        self.badge = ConnectionBadge(self.main)
        bridge.connection_state.connect(self.badge.set_state)
        self.status = QLabel(self.main)
        top.addWidget(self.who)
        top.addStretch(1)
        top.addWidget(self.status)
        self.hall_day = HallDayButton(self.console, self.main)
        top.addWidget(self.hall_day)
        top.addWidget(self.badge)
        lay.addLayout(top)
        self.banner = AlertBanner(self.console, self.main)
        lay.addWidget(self.banner)
        self.tabs = QTabWidget(self.main)
        self.live = LiveHallView(self.console, self.tabs)
        self.green = GreenWatch(self.console, self.tabs)
        self.plans = PlansPanel(self.console, self.tabs)
        self.advisor = AdvisorPanel(self.console, self.tabs)
        self.charts = ChartsPanel(self.console, self.tabs)
        self.audit = AuditPanel(self.console, self.tabs)
        self.admin = AdminPanel(self.console, self.tabs)
        self.people = StaffAdminPanel(self.console, self.tabs)
        for w, label in ((self.live, self.tr("大厅实况")), (self.green, self.tr("绿色通道与预警")),
                         (self.plans, self.tr("潮汐方案")), (self.advisor, self.tr("调度建议")),
                         (self.charts, self.tr("统计图表")), (self.audit, self.tr("审计日志")),
                         (self.admin, self.tr("值班设置")), (self.people, self.tr("人员与窗口"))):
            self.tabs.addTab(w, label)
        self.reports = ReportsPanel(self.console, self.tabs)
        self.tabs.addTab(self.reports, self.tr("日报"))
        self.monthly = MonthlyPanel(self.console, self.tabs)
        self.tabs.addTab(self.monthly, self.tr("月报"))
        self.tabs.currentChanged.connect(self._tab_changed)
        lay.addWidget(self.tabs, 1)
        self.stack.addWidget(self.login)
        self.stack.addWidget(self.main)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addWidget(self.stack)
        self.console.logged_in.connect(self._logged_in)
        self.console.alert_raised.connect(self._alert)
        self.console.message.connect(self._message)
        self.console.error.connect(self._error)
        self.resize(1440, 900)

    def _logged_in(self, me: dict) -> None:
        title = self.tr("管理员：{0}") if me.get("role") == "admin" else self.tr("值班长：{0}")
        self.who.setText(title.format(me.get("name", "")))
        self.stack.setCurrentWidget(self.main)
        self.audit.load()
        self.people.load()

    def _tab_changed(self, _i: int) -> None:
        if self.tabs.currentWidget() is self.audit:
            self.audit.load()
        elif self.tabs.currentWidget() in (self.charts, self.advisor):
            self.console.refresh_stats()

    def _alert(self, payload: dict) -> None:
        self.banner.show_alert(payload)
        self.play_sound()

    def play_sound(self) -> None:
        """The alert sound; offscreen (tests, screenshots) only counts, so no audio device is needed."""
        self.sounds_played += 1
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            return
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:  # Addons missing: the banner still shows
            return
        if self._sound is None:
            self._sound = QSoundEffect(self)
            self._sound.setSource(QUrl.fromLocalFile(str(resource_path("sounds", "alert.wav"))))
        self._sound.play()

    def _message(self, text: str) -> None:
        self.status.setObjectName("")
        self.status.setStyleSheet("color:#1e8e3e;")
        self.status.setText(text)

    def _error(self, text: str) -> None:
        self.status.setStyleSheet("color:#c42b1c;")
        self.status.setText(text[:160])
