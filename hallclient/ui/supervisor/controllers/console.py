"""The supervisor console's state and actions, kept out of the widgets so tests can drive it directly.

All network calls go through the bridge (QThreadPool); results and events arrive on the GUI thread. The
live state is re-fetched on every hall event with the bridge's "one running, one dirty" pattern, so a
burst of 50 events costs at most two snapshots and nothing polls the node.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from hallclient.domain.advisor import CategoryLoad, Suggestion, TidalWindow, suggest
from hallclient.hallnode import supervisor_api as api
from hallclient.hallnode.client import HallNodeUnavailable
from hallclient.ui.common import bridge as b
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.errors import describe, login_failure

CONSOLE_ROLES = ("supervisor", "admin")
DEFAULT_SERVICE_MIN = 8.0  # before anything is finished today: a typical counter transaction
LIVE_KINDS = {"issued", "called", "recalled", "started", "finished", "no_show", "transferred", "cancelled",
              "reinstated", "green_flagged", "window_changed", "alert", "alert_acked", "config_changed",
              "hall_day_changed", "display_changed"}


def snapshot(client: Any) -> dict[str, Any]:
    """One background call: hall status, waiting/at-window tickets, open alerts."""
    out = api.snapshot(client)
    out["at_window"] = client.tickets(status="called", limit=500) + client.tickets(status="serving", limit=500)
    out["fetched"] = time.monotonic()
    return out


class ConsoleController(QObject):
    logged_in = Signal(dict)
    login_failed = Signal(str)
    password_needed = Signal(dict, str)  # a one-time password: (the login's answer, the password typed)
    changed = Signal()  # live hall state
    alert_raised = Signal(dict)  # an alert event (green wait / red wait)
    plans_changed = Signal()
    stats_changed = Signal()
    audit_loaded = Signal(list)
    admin_loaded = Signal()
    message = Signal(str)  # a short result line for the status bar
    error = Signal(str)

    def __init__(self, bridge: HallBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.me: dict[str, Any] = {}
        self.status: dict[str, Any] = {"categories": [], "windows": []}
        self.waiting: list[dict[str, Any]] = []
        self.at_window: dict[int, dict[str, Any]] = {}
        self.alerts: list[dict[str, Any]] = []
        self.categories: dict[str, dict[str, Any]] = {}
        self.plans: list[dict[str, Any]] = []
        self.stats: dict[str, Any] = {}
        self.staff: list[dict[str, Any]] = []
        self.green_limit_min = 5
        self.unserved: dict[str, Any] = {"issue": True, "alert_after_min": 2}
        self.fetched = 0.0
        self._pending: dict[str, Any] | None = None
        self._busy = self._dirty = False
        bridge.event.connect(self._on_event)
        bridge.connection_state.connect(self._on_state)

    # -- login ------------------------------------------------------------------------------------

    def login(self, staff_no: str, password: str) -> None:
        def ok(me: dict) -> None:
            if me.get("role") not in CONSOLE_ROLES:
                self.bridge.submit(self.bridge.client.logout, on_error=lambda _e: None)
                self.login_failed.emit(self.tr("该账号不是值班长，不能打开值班长控制台"))
                return
            if me.get("must_change_password"):
                self._pending = me
                self.password_needed.emit(me, password)
                return
            self._begin(me)

        def bad(exc: BaseException) -> None:
            self.login_failed.emit(login_failure(exc, bad_credentials=(401, 422)))

        self.bridge.call("login", staff_no, password, on_done=ok, on_error=bad)

    def password_set(self) -> None:
        """The one-time password was replaced: the console opens."""
        me, self._pending = self._pending, None
        if me is not None:
            self._begin(me)

    def cancel_login(self) -> None:
        self._pending = None
        self.bridge.submit(self.bridge.client.logout, on_error=lambda _e: None)
        self.login_failed.emit(self.tr("未设置新密码，已退出登录"))

    def _begin(self, me: dict[str, Any]) -> None:
        self.me = me
        self.bridge.start_events()
        self.reload_all()
        self.logged_in.emit(me)

    @property
    def is_admin(self) -> bool:
        return self.me.get("role") == "admin"

    @property
    def actor(self) -> str:
        return self.me.get("name", "")

    # -- loading ----------------------------------------------------------------------------------

    def reload_all(self) -> None:
        self.bridge.call("categories", on_done=self._got_categories, on_error=self._fail)
        self.refresh()
        self.refresh_plans()
        self.refresh_stats()
        self.refresh_admin()

    def _got_categories(self, cats: list[dict]) -> None:
        self.categories = {c["code"]: c for c in cats}
        self.changed.emit()

    def refresh(self) -> None:
        if self._busy:
            self._dirty = True
            return
        self._busy = True
        self.bridge.submit(snapshot, self.bridge.client, on_done=self._got_snapshot, on_error=self._snapshot_failed)

    def _got_snapshot(self, snap: dict) -> None:
        self._busy = False
        self.status = snap["status"]
        self.waiting = snap["waiting"]
        self.alerts = snap["alerts"]
        self.at_window = {t["window_no"]: t for t in snap["at_window"] if t.get("window_no") is not None}
        self.fetched = snap["fetched"]
        self.changed.emit()
        if self._dirty:
            self._dirty = False
            self.refresh()

    def _snapshot_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._fail(exc)

    def refresh_plans(self) -> None:
        self.bridge.submit(api.plans, self.bridge.client, on_done=self._got_plans, on_error=self._fail)

    def _got_plans(self, plans: list[dict]) -> None:
        self.plans = plans
        self.plans_changed.emit()

    def refresh_stats(self) -> None:
        self.bridge.submit(api.day_stats, self.bridge.client, on_done=self._got_stats, on_error=self._fail)

    def _got_stats(self, stats: dict) -> None:
        self.stats = stats
        self.stats_changed.emit()

    def refresh_admin(self) -> None:
        def got(out: tuple[list, dict, dict]) -> None:
            self.staff, green, self.unserved = out
            self.green_limit_min = int(green.get("alert_after_min", 5))
            self.admin_loaded.emit()

        c = self.bridge.client
        self.bridge.submit(lambda: (api.staff(c), api.green_setting(c), api.unserved_setting(c)), on_done=got,
                           on_error=self._fail)

    def load_audit(self, kind: str | None = None, since: Any = None) -> None:
        self.bridge.submit(api.audit, self.bridge.client, kind, since, on_done=self.audit_loaded.emit,
                           on_error=self._fail)

    # -- events -----------------------------------------------------------------------------------

    def _on_event(self, ev: dict) -> None:
        kind = ev.get("kind")
        if kind == "alert":
            self.alert_raised.emit(ev.get("payload") or {})
        if kind in LIVE_KINDS:
            self.refresh()
        if kind == "finished":
            self.refresh_stats()
        if kind == "plans_changed":
            self.refresh_plans()
        if kind == "config_changed":
            self.bridge.call("categories", on_done=self._got_categories, on_error=self._fail)
            self.refresh_admin()

    def _on_state(self, state: str) -> None:
        if state == b.CONNECTED and self.me:
            self.refresh()  # after a reconnect: events may have been missed while down

    def _fail(self, exc: BaseException) -> None:
        if isinstance(exc, HallNodeUnavailable):
            self.error.emit(self.tr("无法连接大厅服务：{0}").format(exc))
        else:
            self.error.emit(describe(exc))

    # -- acting -----------------------------------------------------------------------------------

    def _act(self, fn: Callable[..., Any], *args: Any, done_text: str = "", after: Callable[[], None] | None = None,
             **kw: Any) -> None:
        def ok(_r: Any) -> None:
            if done_text:
                self.message.emit(done_text)
            if after is not None:
                after()

        self.bridge.submit(fn, *args, on_done=ok, on_error=self._fail, **kw)

    def switch(self, window_no: int, primary: list[str], secondary: list[str], reason: str) -> None:
        """潮汐切换; takes effect at the window clerk's next call (no ticket moves)."""
        self._act(self.bridge.client.switch_window, window_no, primary, secondary, reason,
                  done_text=self.tr("{0} 号窗口已切换，下一次叫号起生效").format(window_no), after=self.refresh)

    def ack(self, alert_id: str) -> None:
        self._act(self.bridge.client.ack_alert, alert_id, done_text=self.tr("预警已确认"), after=self.refresh)

    def save_plan(self, plan_id: str | None, plan: dict[str, Any]) -> None:
        c = self.bridge.client
        fn, args = (api.put_plan, (c, plan_id, plan)) if plan_id else (api.create_plan, (c, plan))
        self._act(fn, *args, done_text=self.tr("潮汐方案已保存"), after=self.refresh_plans)

    def delete_plan(self, plan_id: str) -> None:
        self._act(api.delete_plan, self.bridge.client, plan_id, done_text=self.tr("潮汐方案已删除"),
                  after=self.refresh_plans)

    def set_open(self, window_no: int, is_open: bool) -> None:
        fn = api.open_window if is_open else api.close_window
        self._act(fn, self.bridge.client, window_no, done_text=self.tr("窗口状态已更新"), after=self.refresh)

    def assign_clerk(self, window_no: int, staff_no: str | None) -> None:
        self._act(api.assign_clerk, self.bridge.client, window_no, staff_no, done_text=self.tr("已安排窗口人员"),
                  after=self.refresh_admin)

    def reset_password(self, staff_no: str, password: str) -> None:
        self._act(api.reset_password, self.bridge.client, staff_no, password, done_text=self.tr("密码已重置"))

    def set_sla(self, code: str, yellow: int, red: int) -> None:
        self._act(api.set_sla, self.bridge.client, code, yellow, red, done_text=self.tr("预警阈值已保存"))

    def set_unserved(self, issue: bool, alert_after_min: int) -> None:
        """暂无窗口办理: whether the kiosk still issues, and the minutes before the supervisor is alerted."""
        self._act(api.set_unserved_setting, self.bridge.client, issue, alert_after_min,
                  done_text=self.tr("无窗口办理时的设置已保存"), after=self.refresh_admin)

    def set_green_limit(self, minutes: int) -> None:
        self._act(api.set_green_setting, self.bridge.client, minutes, done_text=self.tr("绿色通道预警时间已保存"),
                  after=self.refresh_admin)

    # -- derived ----------------------------------------------------------------------------------

    def windows(self) -> list[dict[str, Any]]:
        return list(self.status.get("windows", []))

    def window(self, no: int) -> dict[str, Any] | None:
        return next((w for w in self.windows() if w["no"] == no), None)

    def name(self, code: str) -> str:
        cat = self.categories.get(code)
        if cat is not None:
            return cat["name"]
        return next((c["name"] for c in self.status.get("categories", []) if c["code"] == code), code)

    def waiting_of(self, code: str) -> int:
        return next((c["waiting"] for c in self.status.get("categories", []) if c["code"] == code), 0)

    @staticmethod
    def serves(w: dict[str, Any]) -> bool:
        """The window takes calls now: open, not paused, and someone is at it (在岗)."""
        return bool(w.get("is_open", True)) and not w.get("paused") and bool(w.get("staffed"))

    def serving_windows(self, windows: list[dict[str, Any]]) -> dict[str, int]:
        """Category → windows taking calls now that serve it as primary."""
        out: dict[str, int] = {}
        for w in windows:
            if self.serves(w):
                for c in w["primary"]:
                    out[c] = out.get(c, 0) + 1
        return out

    def switch_effect(self, window_no: int, primary: list[str], secondary: list[str]) -> list[dict[str, Any]]:
        """Rows for the confirmation: per affected category, waiting and windows (primary) before/after."""
        wins = self.windows()
        cur = self.window(window_no) or {"primary": [], "secondary": []}
        after_wins = [dict(w, primary=primary, secondary=secondary) if w["no"] == window_no else w for w in wins]
        before, after = self.serving_windows(wins), self.serving_windows(after_wins)
        codes = list(dict.fromkeys([*cur["primary"], *cur["secondary"], *primary, *secondary]))
        return [{"code": c, "name": self.name(c), "waiting": self.waiting_of(c), "windows_before": before.get(c, 0),
                 "windows_after": after.get(c, 0)} for c in codes]

    def loads(self) -> list[CategoryLoad]:
        service = self.stats.get("service", {})
        out = []
        for c in self.status.get("categories", []):
            s = service.get(c["code"], {})
            mean_s = float(s.get("mean_service_s") or 0.0)
            cat = self.categories.get(c["code"], {})
            out.append(CategoryLoad(c["code"], c["name"], int(c["waiting"]), float(s.get("arrivals_per_min", 0.0)),
                                    mean_s / 60 if mean_s > 0 else DEFAULT_SERVICE_MIN,
                                    int(cat.get("yellow_after_min", 15))))
        return out

    def advice(self) -> list[Suggestion]:
        wins = [TidalWindow(w["no"], tuple(w["primary"]), tuple(w["secondary"]), self.serves(w))
                for w in self.windows()]
        tidal = [w["no"] for w in self.windows() if w.get("tidal")]
        return suggest(self.loads(), wins, tidal)

    def green_tickets(self) -> list[dict[str, Any]]:
        return [t for t in self.waiting if t.get("green_reason")]
