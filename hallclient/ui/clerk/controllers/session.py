"""The clerk's session: login, the actions on the current ticket, and the live state of this window.

Presence: while logged in, the controller sends a heartbeat every 15 s, so the window counts as staffed (在岗);
the node answering 401 or 409 to it means this login ended elsewhere (the next clerk took the window over, a
supervisor cleared it, the account was deactivated): the window goes back to the login page and says why.
退出 logs out; 交接班 is the next clerk logging in on this PC with `handover`, which takes the window over; the
ticket in hand stays with the window either way. A login with a one-time password asks for a new one first
(`password_needed`); only then does the session start.

State is never kept by guesswork: after every action, event or reconnect the controller re-fetches
(windows + today's tickets) in a worker and derives the current ticket, the waiting list and the figures
from that snapshot. Events only trigger a re-fetch (coalesced: one in flight, at most one queued).

Actions are never retried behind the clerk's back. A failed action stays visible (`failure`) with
`retry()` / `dismiss()`; if the node could not be reached the outcome is unknown, so a failed call-next is
checked against the next snapshot: if this window did get a new ticket, the failure is cleared instead of
letting a retry call a second visitor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from hallclient.domain.presence import HEARTBEAT_EVERY_S
from hallclient.hallnode.client import HallClient, HallNodeError, HallNodeUnavailable
from hallclient.ui.clerk.controllers.figures import WindowFigures, parse_time, window_figures
from hallclient.ui.clerk.controllers.waiting_model import WaitingModel, order_waiting
from hallclient.ui.common import bridge as b
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.errors import describe, login_failure
from hallclient.ui.common.settings import HallSettings

ACTIVE = ("called", "serving")
TICKET_EVENTS = {"issued", "called", "recalled", "started", "finished", "no_show", "transferred", "cancelled",
                 "reinstated", "rated", "green_flagged"}


@dataclass
class Failure:
    """An action the node did not confirm."""

    action: str
    kwargs: dict[str, Any]
    message: str
    network: bool
    current_before: str | None = None
    at: datetime = field(default_factory=lambda: datetime.now(UTC))


def fetch_snapshot(client: HallClient, need_categories: bool) -> dict[str, Any]:
    """Runs on a worker: everything the clerk screen shows, in three GETs."""
    out: dict[str, Any] = {"windows": client.windows(), "tickets": client.tickets(limit=5000)}
    if need_categories:
        out["categories"] = client.categories()
    return out


class ClerkController(QObject):
    logged_in = Signal(dict)
    login_failed = Signal(str)
    login_occupied = Signal(str)  # another clerk is at work at the window: a handover (交接班) may take it over
    password_needed = Signal(dict, str)  # a one-time password: (the login's answer, the password typed)
    signed_out = Signal(str)  # the session ended; the text says why ("" after 退出)
    snapshot_changed = Signal()  # window, current ticket, figures, waiting list all re-derived
    notice = Signal(str)  # e.g. a supervisor switched this window's categories
    failure_changed = Signal()  # `failure` set or cleared
    busy_changed = Signal(bool)
    action_done = Signal(str, object)

    def __init__(self, bridge: HallBridge, settings: HallSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.settings = bridge, settings
        self.model = WaitingModel(self)
        self.session: dict[str, Any] | None = None
        self.window_no: int | None = None
        self.window: dict[str, Any] = {}
        self.categories: dict[str, dict[str, Any]] = {}
        self.tickets: list[dict[str, Any]] = []
        self.current: dict[str, Any] | None = None
        self.figures = WindowFigures()
        self.failure: Failure | None = None
        self.busy_action: str | None = None
        self.snapshots = 0
        self._fetching = False
        self._dirty = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(60)
        self._debounce.timeout.connect(self._fetch)
        self._pending: tuple[dict[str, Any], str, int] | None = None
        self.beat = QTimer(self)  # presence: "this app is alive", every 15 s while logged in
        self.beat.setInterval(HEARTBEAT_EVERY_S * 1000)
        self.beat.timeout.connect(self.heartbeat)
        bridge.event.connect(self._on_event)
        bridge.connection_state.connect(self._on_connection)

    # -- login --------------------------------------------------------------------------------------

    def login(self, staff_no: str, password: str, window_no: int, handover: bool = False) -> None:
        """Log in at a window; `handover` (交接班) takes it over from a clerk at work there."""
        def ok(out: dict) -> None:
            if out.get("must_change_password"):
                self._pending = (out, staff_no, window_no)
                self.password_needed.emit(out, password)
            else:
                self._begin(out, staff_no, window_no)

        def bad(exc: BaseException) -> None:
            if isinstance(exc, HallNodeError) and exc.status == 409 and not handover:
                text = self.tr("{0} 号窗口已有工作人员在岗（{1}）。如为交接班，请点“接班登录”接替该窗口。")
                self.login_occupied.emit(text.format(window_no, exc))
            else:
                self.login_failed.emit(login_failure(exc))  # a 422 here names the window number: shown as is

        self.bridge.call("login", staff_no, password, window_no, handover, on_done=ok, on_error=bad)

    def password_set(self) -> None:
        """The one-time password was replaced: the session starts."""
        if self._pending is not None:
            out, staff_no, window_no = self._pending
            self._pending = None
            self._begin(out, staff_no, window_no)

    def _begin(self, out: dict[str, Any], staff_no: str, window_no: int) -> None:
        self.session = out
        self.window_no = out.get("window_no") or window_no
        self.settings.staff_no = staff_no
        self.settings.window_no = self.window_no
        self.settings.sync()
        self.bridge.start_events()
        self.beat.start()
        self.refresh()
        self.logged_in.emit(out)

    def logout(self) -> None:
        """退出: leave the window (a ticket in hand stays with it for the next clerk)."""
        self._pending = None
        if self.bridge.token:
            self.bridge.call("logout", on_error=lambda _e: None)
        self._ended("")

    def heartbeat(self) -> None:
        if self.session is not None:
            self.bridge.call("heartbeat", on_error=self._heartbeat_failed)

    def _heartbeat_failed(self, exc: BaseException) -> None:
        """401/409: this login ended elsewhere. Network trouble: the next beat tries again."""
        if self.session is None or not isinstance(exc, HallNodeError) or exc.status not in (401, 409):
            return
        if exc.status == 409:  # taken off the window, the login itself still valid: end it properly
            self.bridge.call("logout", on_error=lambda _e: None)
        else:
            self.bridge.client.token = None
        self._ended(self.tr("您已退出 {0} 号窗口：其他人员已在本窗口登录（交接班），或值班长已调整本窗口人员。"
                            "如需继续，请重新登录。").format(self.window_no))

    def _ended(self, why: str) -> None:
        self.beat.stop()
        self.bridge.stop_events()
        self.session = None
        self.current = None
        self.signed_out.emit(why)

    def holds_ticket(self) -> bool:
        """A visitor has been called to or is being served at this window."""
        return self.current is not None and self.current["status"] in ACTIVE

    # -- live state ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-fetch soon (coalesces bursts of events into one fetch)."""
        if self.session is None:
            return
        if self._fetching:
            self._dirty = True
        elif not self._debounce.isActive():
            self._debounce.start()

    def _fetch(self) -> None:
        self._fetching, self._dirty = True, False
        self.bridge.submit(fetch_snapshot, self.bridge.client, not self.categories, on_done=self._apply,
                           on_error=self._fetch_failed, name="clerk_snapshot")

    def _fetch_failed(self, _exc: BaseException) -> None:
        self._fetching = False  # the reconnect (connection_state "connected") fetches again
        if self._dirty:
            self.refresh()

    def _apply(self, snap: dict[str, Any]) -> None:
        self._fetching = False
        if "categories" in snap:
            self.categories = {c["code"]: c for c in snap["categories"]}
        self.window = next((w for w in snap["windows"] if w["no"] == self.window_no), {})
        self.tickets = snap["tickets"]
        mine = [t for t in self.tickets if t.get("window_no") == self.window_no]
        active = [t for t in mine if t["status"] in ACTIVE]
        if active:
            self.current = max(active, key=lambda t: t.get("called_at") or "")
        else:
            done = [t for t in mine if t["status"] in ("finished", "no_show")]
            last = max(done, key=lambda t: t.get("finished_at") or t.get("called_at") or "", default=None)
            self.current = last if last and last["status"] == "finished" and last.get("rating") is None else None
        now = datetime.now(UTC)
        rows = order_waiting(self.tickets, self.window_no or 0, self.window.get("primary", []),
                             self.window.get("secondary", []), self.categories, now)
        self.model.set_snapshot(rows, self.categories, now)
        self.figures = window_figures(self.tickets, self.window_no or 0)
        self._settle_failure()
        self.snapshots += 1
        self.snapshot_changed.emit()
        if self._dirty:
            self.refresh()

    def _settle_failure(self) -> None:
        """A call-next lost on the wire may have worked: the snapshot tells."""
        f = self.failure
        if f is None or f.action != "call_next" or not f.network:
            return
        cur = self.current
        if cur is not None and cur["status"] in ACTIVE and str(cur["id"]) != f.current_before:
            self.failure = None
            self.failure_changed.emit()
            self.notice.emit(self.tr("网络恢复后核对：叫号已成功（{0}），无需重试").format(cur["number"]))

    def _on_event(self, ev: dict[str, Any]) -> None:
        kind, payload = ev.get("kind"), ev.get("payload") or {}
        if kind == "window_changed" and payload.get("window_no") == self.window_no:
            if payload.get("after") is not None:
                after = payload["after"]
                self.notice.emit(self.tr("值班长已调整本窗口的业务：主办 {0}；协办 {1}").format(
                    self._names(after.get("primary", [])), self._names(after.get("secondary", []))))
            self.refresh()
        elif kind in TICKET_EVENTS or kind in ("window_changed", "catalogue_changed"):
            if kind == "catalogue_changed":
                self.categories = {}
            self.refresh()

    def _names(self, codes: list[str]) -> str:
        return "、".join(self.categories.get(c, {}).get("name", c) for c in codes) or self.tr("无")

    def _on_connection(self, state: str) -> None:
        if state == b.CONNECTED:
            self.refresh()

    # -- derived ------------------------------------------------------------------------------------

    @property
    def paused(self) -> bool:
        return bool(self.window.get("paused"))

    def enabled_actions(self) -> set[str]:
        """What the clerk may do now (buttons and F-keys follow this)."""
        if self.session is None or self.busy_action is not None:
            return set()
        acts = {"pause"}
        status = self.current["status"] if self.current else None
        if status == "called":
            acts |= {"recall", "no_show", "start", "transfer", "green"}
        elif status == "serving":
            acts |= {"finish", "transfer", "green"}
        else:
            if not self.paused:
                acts.add("call_next")
            if status == "finished" and self.current and self.current.get("rating") is None:
                acts.add("rate")
        if self.current and self.current.get("green_reason"):
            acts.discard("green")
        return acts

    # -- actions ------------------------------------------------------------------------------------

    def act(self, action: str, **kwargs: Any) -> None:
        """Send one action to the node; the outcome shows as a snapshot, or as `failure`."""
        if self.busy_action is not None or self.session is None:
            return
        tid = str(self.current["id"]) if self.current else None
        c = self.bridge.client
        calls = {
            "call_next": lambda: c.call_next(self.window_no),
            "recall": lambda: c.recall(tid),
            "no_show": lambda: c.no_show(tid),
            "start": lambda: c.start(tid),
            "finish": lambda: c.finish(tid),
            "transfer": lambda: c.transfer(tid, **kwargs),
            "pause": lambda: c.pause(self.window_no, kwargs.get("reason", "")),
            "resume": lambda: c.resume(self.window_no),
            "green": lambda: c.flag_green(tid, kwargs["reason"], kwargs.get("note", "")),
            "rate": lambda: c.rate(tid, kwargs["level"], kwargs.get("reason", "")),
        }
        if action not in calls:
            raise ValueError(f"unknown clerk action {action!r}")
        if tid is None and action not in ("call_next", "pause", "resume"):
            return
        self._set_busy(action)
        if self.failure is not None:
            self.failure = None
            self.failure_changed.emit()

        def ok(result: Any) -> None:
            self._set_busy(None)
            if action == "call_next" and result is None:
                self.notice.emit(self.tr("当前没有等候的号码"))
            self.action_done.emit(action, result)
            self.refresh()

        def bad(exc: BaseException) -> None:
            self._set_busy(None)
            network = isinstance(exc, HallNodeUnavailable)
            msg = self.tr("未能送达大厅服务（网络中断），结果未知") if network else describe(exc)
            self.failure = Failure(action, kwargs, msg, network, tid)
            self.failure_changed.emit()
            self.refresh()

        self.bridge.submit(calls[action], on_done=ok, on_error=bad, name=action)

    def retry(self) -> None:
        """The clerk chose to send the failed action again."""
        f = self.failure
        if f is not None:
            self.failure = None
            self.failure_changed.emit()
            self.act(f.action, **f.kwargs)

    def dismiss(self) -> None:
        if self.failure is not None:
            self.failure = None
            self.failure_changed.emit()

    def _set_busy(self, action: str | None) -> None:
        self.busy_action = action
        self.busy_changed.emit(action is not None)

    # -- times for the panel ------------------------------------------------------------------------

    def current_times(self, now: datetime | None = None) -> tuple[float | None, float | None]:
        """(waited s, served s) of the current ticket."""
        t = self.current
        if t is None:
            return None, None
        now = now or datetime.now(UTC)
        issued, called = parse_time(t["issued_at"]), parse_time(t.get("called_at"))
        started, finished = parse_time(t.get("started_at")), parse_time(t.get("finished_at"))
        waited = ((called or now) - issued).total_seconds() if issued else None
        served = ((finished or now) - started).total_seconds() if started else None
        return waited, served
