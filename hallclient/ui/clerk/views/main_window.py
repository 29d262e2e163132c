"""The clerk window: current ticket (large), F-key actions, live waiting list, today's figures; 交接班 and 退出.

Closing the window logs the clerk out (the window then counts as unstaffed at once); with a visitor called or
being served it asks first, since the ticket stays at the window for whoever logs in there next.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hallclient.ui.clerk.controllers.figures import format_duration
from hallclient.ui.clerk.controllers.session import ClerkController
from hallclient.ui.clerk.views.dialogs import GreenDialog, PauseDialog, RatingDialog, TransferDialog
from hallclient.ui.clerk.views.keys_dialog import KeysDialog
from hallclient.ui.clerk.views.login_view import LoginView
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.i18n import install_language
from hallclient.ui.common.password import ChangePasswordDialog
from hallclient.ui.common.settings import HallSettings
from hallclient.ui.common.widgets import ConnectionBadge, GreenBadge

ACTIONS = ("call_next", "recall", "no_show", "start", "finish", "transfer", "pause", "green", "rate")


class ClerkWindow(QMainWindow):
    def __init__(self, bridge: HallBridge, settings: HallSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.settings = bridge, settings
        self.ctl = ClerkController(bridge, settings, self)
        self.dialog: QDialog | None = None
        self.keys = settings.keys("clerk")
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.login_view = LoginView(settings.staff_no, settings.window_no)
        self.stack.addWidget(self.login_view)
        self.stack.addWidget(self._build_work())
        self.conn = ConnectionBadge()
        self.conn.set_state(bridge.state)
        self.lang_button = QPushButton()
        self.lang_button.setFlat(True)
        self.lang_button.clicked.connect(self.toggle_language)
        self.keys_button = QPushButton()
        self.keys_button.setFlat(True)
        self.keys_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keys_button.clicked.connect(self.edit_keys)
        self.statusBar().addPermanentWidget(self.keys_button)
        self.statusBar().addPermanentWidget(self.lang_button)
        self.statusBar().addPermanentWidget(self.conn)
        bridge.connection_state.connect(self.conn.set_state)
        self.login_view.submitted.connect(self.ctl.login)
        self.login_view.cancelled.connect(lambda: self.stack.setCurrentIndex(1))
        self.ctl.login_failed.connect(self.login_view.failed)
        self.ctl.login_occupied.connect(self.login_view.occupied)
        self.ctl.logged_in.connect(self._logged_in)
        self.ctl.password_needed.connect(self.ask_new_password)
        self.ctl.signed_out.connect(self._signed_out)
        self.confirm: QMessageBox | None = None
        self._closing = False
        self.ctl.snapshot_changed.connect(self.update_view)
        self.ctl.busy_changed.connect(lambda _b: self.update_actions())
        self.ctl.failure_changed.connect(self.update_failure)
        self.ctl.notice.connect(self.show_notice)
        self.shortcuts: dict[str, QShortcut] = {}
        for action in ACTIONS:
            sc = QShortcut(QKeySequence(self.keys.get(action, "")), self)
            sc.activated.connect(lambda a=action: self.trigger(a))
            self.shortcuts[action] = sc
        self._clock = QTimer(self)  # local clock for waited/served times; no network
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._retranslate()
        self.update_view()
        self.resize(1280, 800)

    # -- layout -------------------------------------------------------------------------------------

    def _build_work(self) -> QWidget:
        w = QWidget()
        outer = QVBoxLayout(w)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.subscription = QLabel()
        self.subscription.setWordWrap(True)
        self.paused_label = QLabel()
        self.paused_label.setObjectName("failure")
        top.addWidget(self.title)
        top.addWidget(self.subscription, 1)
        top.addWidget(self.paused_label)
        self.handover_button = QPushButton()
        self.handover_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.handover_button.clicked.connect(self.hand_over)
        self.logout_button = QPushButton()
        self.logout_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.logout_button.clicked.connect(self.log_out)
        top.addWidget(self.handover_button)
        top.addWidget(self.logout_button)
        outer.addLayout(top)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        outer.addWidget(self.notice)
        fail_row = QHBoxLayout()
        self.failure = QLabel()
        self.failure.setObjectName("failure")
        self.failure.setWordWrap(True)
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.ctl.retry)
        self.dismiss_button = QPushButton()
        self.dismiss_button.clicked.connect(self.ctl.dismiss)
        fail_row.addWidget(self.failure, 1)
        fail_row.addWidget(self.retry_button)
        fail_row.addWidget(self.dismiss_button)
        self.failure_box = QWidget()
        self.failure_box.setLayout(fail_row)
        self.failure_box.hide()
        outer.addWidget(self.failure_box)

        body = QHBoxLayout()
        outer.addLayout(body, 1)
        left = QVBoxLayout()
        body.addLayout(left, 5)
        self.ticket_box = QGroupBox()
        tl = QVBoxLayout(self.ticket_box)
        self.number = QLabel()
        self.number.setObjectName("ticketNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel()
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.what = QLabel()
        self.what.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.what.setWordWrap(True)
        self.green = GreenBadge()
        self.green.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.times = QLabel()
        self.times.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for x in (self.number, self.status, self.what):
            tl.addWidget(x)
        tl.addWidget(self.green, 0, Qt.AlignmentFlag.AlignHCenter)
        tl.addWidget(self.times)
        left.addWidget(self.ticket_box, 1)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, action in enumerate(ACTIONS):
            btn = QPushButton()
            btn.setMinimumHeight(64)
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            btn.clicked.connect(lambda _c=False, a=action: self.trigger(a))
            if action == "call_next":
                btn.setProperty("primary", True)
            self.buttons[action] = btn
            grid.addWidget(btn, i // 3, i % 3)
        left.addLayout(grid)

        right = QVBoxLayout()
        body.addLayout(right, 6)
        self.queue_box = QGroupBox()
        ql = QVBoxLayout(self.queue_box)
        self.table = QTableView()
        self.table.setModel(self.ctl.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setDefaultSectionSize(34)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        ql.addWidget(self.table)
        right.addWidget(self.queue_box, 3)
        self.figures_box = QGroupBox()
        fg = QGridLayout(self.figures_box)
        self.fig_values = [QLabel() for _ in range(4)]
        self.fig_labels = [QLabel() for _ in range(4)]
        for i, (v, lab) in enumerate(zip(self.fig_values, self.fig_labels, strict=True)):
            v.setObjectName("figure")
            v.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            fg.addWidget(v, 0, i)
            fg.addWidget(lab, 1, i)
        self.ratings_line = QLabel()
        self.ratings_line.setWordWrap(True)
        fg.addWidget(self.ratings_line, 2, 0, 1, 4)
        right.addWidget(self.figures_box, 1)
        return w

    # -- texts --------------------------------------------------------------------------------------

    def action_label(self, action: str) -> str:
        if action == "pause" and self.ctl.paused:
            return self.tr("恢复叫号")
        return {
            "call_next": self.tr("叫号"), "recall": self.tr("重呼"), "no_show": self.tr("过号"),
            "start": self.tr("开始办理"), "finish": self.tr("办结"), "transfer": self.tr("转办"),
            "pause": self.tr("暂停"), "green": self.tr("绿色通道"), "rate": self.tr("评价"),
        }[action]

    def status_label(self, status: str) -> str:
        return {"waiting": self.tr("等候中"), "called": self.tr("已叫号，等待办事人"), "serving": self.tr("办理中"),
                "finished": self.tr("已办结，请记录评价"), "no_show": self.tr("过号"),
                "cancelled": self.tr("已取消")}.get(status, status)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("政务服务大厅 · 窗口工作台"))
        self.ticket_box.setTitle(self.tr("当前号码"))
        self.queue_box.setTitle(self.tr("本窗口等候队列（按叫号顺序）"))
        self.figures_box.setTitle(self.tr("本窗口今日数据"))
        for lab, text in zip(self.fig_labels, (self.tr("已办结"), self.tr("平均等候"), self.tr("平均办理"),
                                               self.tr("满意率")), strict=True):
            lab.setText(text)
        self.retry_button.setText(self.tr("重试"))
        self.dismiss_button.setText(self.tr("忽略"))
        self.lang_button.setText("English" if self.settings.language != "en" else "中文")
        self.keys_button.setText(self.tr("按键设置"))
        self.handover_button.setText(self.tr("交接班"))
        self.logout_button.setText(self.tr("退出"))
        self.ctl.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        self.update_view()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def toggle_language(self) -> None:
        self.settings.language = "en" if self.settings.language != "en" else "zh_CN"
        self.settings.sync()
        install_language(self.settings.language)

    # -- state → widgets ----------------------------------------------------------------------------

    def update_view(self) -> None:
        ctl = self.ctl
        win = ctl.window
        who = (ctl.session or {}).get("name", "")
        self.title.setText(self.tr("{0}号窗口 · {1}").format(ctl.window_no or "", who))
        cats = ctl.categories
        prim = "、".join(cats.get(c, {}).get("name", c) for c in win.get("primary", []))
        sec = "、".join(cats.get(c, {}).get("name", c) for c in win.get("secondary", []))
        text = self.tr("主办：{0}").format(prim or "—")
        if sec:
            text += "    " + self.tr("协办：{0}").format(sec)
        self.subscription.setText(text)
        self.paused_label.setVisible(ctl.paused)
        self.paused_label.setText(self.tr("已暂停：{0}").format(win.get("pause_reason") or ""))
        t = ctl.current
        if t is None:
            self.number.setText("— — —")
            self.number.setProperty("idle", True)
            self.status.setText(self.tr("空闲，按 {0} 叫下一位").format(self.keys.get("call_next", "")))
            self.what.setText("")
            self.green.set_reason(None)
        else:
            self.number.setText(t["number"])
            self.number.setProperty("idle", False)
            self.status.setText(self.status_label(t["status"]))
            what = t.get("category_name") or t["category"]
            if t.get("item_name"):
                what += " · " + t["item_name"]
            self.what.setText(what)
            self.green.set_reason(t.get("green_reason"), t.get("green_note") or "")
        self.number.style().unpolish(self.number)
        self.number.style().polish(self.number)
        self._tick()
        f = ctl.figures
        self.fig_values[0].setText(str(f.served))
        self.fig_values[1].setText(format_duration(f.avg_wait_s))
        self.fig_values[2].setText(format_duration(f.avg_service_s))
        self.fig_values[3].setText("—" if f.satisfied_pct is None else f"{f.satisfied_pct:.0f}%")
        rated = self.tr("评价 {0} 次：非常满意 {1} · 满意 {2} · 基本满意 {3} · 不满意 {4} · 非常不满意 {5}").format(
            f.rated, f.ratings[5], f.ratings[4], f.ratings[3], f.ratings[2], f.ratings[1])
        self.ratings_line.setText(rated + "    " + self.tr("过号 {0}").format(f.no_show))
        self.queue_box.setTitle(self.tr("本窗口等候队列（按叫号顺序）· {0} 人").format(ctl.model.rowCount()))
        self.update_actions()

    def update_actions(self) -> None:
        enabled = self.ctl.enabled_actions()
        for action, btn in self.buttons.items():
            key = self.keys.get(action, "")
            btn.setText(f"{self.action_label(action)}\n{key}" if key else self.action_label(action))
            btn.setEnabled(action in enabled)

    def update_failure(self) -> None:
        f = self.ctl.failure
        self.failure_box.setVisible(f is not None)
        if f is not None:
            self.failure.setText(self.tr("“{0}”失败：{1}").format(self.action_label(f.action), f.message))
            self.retry_button.setVisible(True)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()
        QTimer.singleShot(20000, self.notice.hide)

    def _tick(self) -> None:
        waited, served = self.ctl.current_times(datetime.now(UTC))
        if self.ctl.current is None:
            self.times.setText("")
        else:
            parts = [self.tr("已等候 {0}").format(format_duration(waited))]
            if served is not None:
                parts.append(self.tr("办理 {0}").format(format_duration(served)))
            self.times.setText("    ".join(parts))
        if datetime.now().second == 0:
            self.ctl.model.tick()

    # -- actions ------------------------------------------------------------------------------------

    def trigger(self, action: str) -> None:
        """A button or F-key: plain actions go out at once, the rest open their dialog."""
        if self.stack.currentIndex() != 1 or (self.dialog is not None and self.dialog.isVisible()):
            return
        if action == "pause" and self.ctl.paused:
            action = "resume"
        elif action not in self.ctl.enabled_actions():
            return
        dialogs: dict[str, Any] = {
            "transfer": lambda: TransferDialog(self.ctl.categories, self.ctl.window_no or 1, self),
            "pause": lambda: PauseDialog(self),
            "green": lambda: GreenDialog(self),
            "rate": lambda: RatingDialog(self),
        }
        if action not in dialogs:
            self.ctl.act(action)
            return
        dlg = dialogs[action]()
        dlg.accepted.connect(lambda a=action, d=dlg: self.ctl.act(a, **d.values()))
        dlg.finished.connect(lambda _r: self._dialog_closed())
        self.dialog = dlg
        dlg.open()

    def edit_keys(self) -> None:
        """按键设置: remap the actions' keys for this PC's keypad; applies at once and is kept per user."""
        if self.dialog is not None and self.dialog.isVisible():
            return
        dlg = KeysDialog(ACTIONS, self.keys, self.action_label, self)
        dlg.accepted.connect(lambda d=dlg: self.apply_keys(d.values()))
        dlg.finished.connect(lambda _r: self._dialog_closed())
        self.dialog = dlg
        dlg.open()

    def apply_keys(self, keys: dict[str, str]) -> None:
        for action, key in keys.items():
            self.settings.set_key(action, key, role="clerk")
        self.settings.sync()
        self.keys = self.settings.keys("clerk")
        for action, sc in self.shortcuts.items():
            sc.setKey(QKeySequence(self.keys.get(action, "")))
        self.update_view()

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.activateWindow()  # the keypad's F-keys must reach this window again

    # -- session: password, 退出, 交接班, closing -------------------------------------------------------

    def _logged_in(self, _session: dict) -> None:
        self.login_view.reset()
        self.stack.setCurrentIndex(1)

    def ask_new_password(self, out: dict, password: str) -> None:
        """A one-time password: the clerk sets their own before the window opens for work."""
        dlg = ChangePasswordDialog(self.bridge, out["staff_no"], password, self)
        dlg.accepted.connect(self.ctl.password_set)
        dlg.rejected.connect(self.ctl.logout)
        dlg.finished.connect(lambda _r: self._dialog_closed())
        self.dialog = dlg
        dlg.open()

    def _signed_out(self, why: str) -> None:
        self.login_view.reset(why)
        self.stack.setCurrentIndex(0)
        self.update_view()

    def _ticket_text(self) -> str:
        t = self.ctl.current or {}
        return self.tr("当前号码 {0}（{1}）").format(t.get("number", ""), self.status_label(t.get("status", "")))

    def _ask(self, title: str, text: str, then: Any) -> QMessageBox:
        """A yes/no question that does not block the event loop (the keypad and the node's events go on)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("确定"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(then)
        self.confirm = box
        box.open()
        return box

    def log_out(self) -> None:
        """退出; with a visitor called or being served, asks first (the ticket stays at the window)."""
        if not self.ctl.holds_ticket():
            self.ctl.logout()
            return
        self._ask(self.tr("退出登录"), self.tr("{0}。退出后该号仍留在本窗口，由下一位登录本窗口的人员继续办理。"
                                           "确定退出？").format(self._ticket_text()), self.ctl.logout)

    def hand_over(self) -> None:
        """交接班: the next clerk logs in at this window on this PC and takes it over."""
        t = self.ctl.current if self.ctl.holds_ticket() else None
        self.login_view.enter_handover(self.ctl.window_no or 1, t["number"] if t else None)
        self.stack.setCurrentIndex(0)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing logs out; with a ticket in hand it asks first, and stays open on 取消."""
        if self.ctl.session is not None and self.ctl.holds_ticket() and not self._closing:
            event.ignore()
            self._ask(self.tr("关闭窗口工作台"), self.tr("{0}。关闭后将退出登录，该号仍留在本窗口，由下一位登录本窗口的"
                                                   "人员继续办理。确定关闭？").format(self._ticket_text()),
                      self._close_confirmed)
            return
        if self.ctl.session is not None:
            self.ctl.logout()
        self._clock.stop()
        super().closeEvent(event)

    def _close_confirmed(self) -> None:
        self._closing = True
        self.close()
