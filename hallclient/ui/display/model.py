"""What the display board shows, kept from hall node events plus an occasional `/hall/status` snapshot.

Pure Python (no Qt) so it is tested with a fake clock and driven at 10,000 calls in the soak benchmark.

* Calls (叫号/重呼) come only from events: the snapshot does not carry a call history.
* Waiting counts and what each window serves come from the snapshot and are then kept up by events; events
  whose effect is not local (transfer, window switch, reinstate, catalogue change) ask for a fresh snapshot.
  A snapshot carries the node's `seq`; events newer than it that were already applied are re-applied on top,
  so a slow snapshot never rolls the board back.
* Staleness: every event or heartbeat is "contact". Without contact for `stale_after` the board says the link
  is down (it keeps showing what it had, greyed, never a blank "nothing waiting"). A heartbeat whose seq is
  ahead of ours means we missed something: ask for a snapshot.
* A new hall day (local midnight) clears yesterday's calls and asks for a snapshot, so a board left on over a
  weekend shows today's hall, not Friday's.
* Announcements are skipped for events older than `announce_within` (a catch-up after a network cut must not
  read out calls from ten minutes ago); age is measured on the node's clock, learned from heartbeats.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

RESYNC_KINDS = frozenset({"transferred", "window_changed", "reinstated", "catalogue_changed", "cancelled"})


def utc_now() -> datetime:
    return datetime.now(UTC)


def parse_at(value: Any) -> datetime | None:
    """The node's ISO time ("…Z" or "+00:00") as an aware UTC datetime."""
    if not isinstance(value, str) or not value:
        return None
    try:
        at = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return at if at.tzinfo else at.replace(tzinfo=UTC)


@dataclass
class Call:
    number: str
    window_no: int
    category_name: str
    green: bool
    seq: int
    shown_at: datetime  # local clock, for the highlight
    recall: bool = False


@dataclass
class WindowView:
    no: int
    name: str
    current: str | None = None
    state: str = "idle"
    is_open: bool = True
    paused: bool = False
    green: bool = False


@dataclass
class CategoryView:
    code: str
    name: str
    waiting: int = 0
    colour: str = "blue"


@dataclass
class BoardModel:
    clock: Callable[[], datetime] = utc_now
    max_calls: int = 8
    stale_after: timedelta = timedelta(seconds=45)
    highlight_for: timedelta = timedelta(seconds=8)
    announce_within: timedelta = timedelta(seconds=90)
    local_tz: tzinfo | None = None  # the hall's zone for the day boundary; None = this PC's

    hall_name: str = ""
    calls: deque[Call] = field(default_factory=deque)
    windows: dict[int, WindowView] = field(default_factory=dict)
    categories: dict[str, CategoryView] = field(default_factory=dict)
    last_seq: int = 0
    snapshot_seq: int = -1
    last_contact: datetime | None = None
    needs_snapshot: bool = True
    revision: int = 0  # bumps on every visible change (the view repaints when it moves)
    _recent: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=512))
    _node_offset: timedelta = timedelta(0)
    _day: date | None = None

    # -- contact and time ---------------------------------------------------------------------------

    def local_day(self, now: datetime | None = None) -> date:
        now = now or self.clock()
        return now.astimezone(self.local_tz).date()

    def touch(self) -> None:
        self.last_contact = self.clock()

    def is_stale(self) -> bool:
        return self.last_contact is None or self.clock() - self.last_contact > self.stale_after

    def heartbeat(self, seq: int | None, at: Any = None) -> None:
        """The link is alive; learn the node's clock; a seq ahead of ours means events were missed."""
        self.touch()
        node_at = parse_at(at)
        if node_at is not None:
            self._node_offset = node_at - self.clock()
        if isinstance(seq, int) and seq > self.last_seq:
            self.needs_snapshot = True
        self.tick()

    def tick(self) -> bool:
        """Called every second: roll over the hall day. Returns True when the view must repaint anyway."""
        today = self.local_day()
        if self._day is None:
            self._day = today
        elif today != self._day:
            self._day = today
            self.calls.clear()
            self.needs_snapshot = True
            self.revision += 1
            return True
        return False

    def highlighted(self, call: Call) -> bool:
        return self.clock() - call.shown_at < self.highlight_for

    # -- snapshot -----------------------------------------------------------------------------------

    def load_status(self, status: dict[str, Any], hall_name: str | None = None) -> None:
        """Replace counts and windows from `/hall/status`, then re-apply newer events already seen."""
        if hall_name is not None:
            self.hall_name = hall_name
        self.categories = {c["code"]: CategoryView(c["code"], c["name"], int(c.get("waiting", 0)),
                                                   c.get("colour", "blue"))
                           for c in status.get("categories", [])}
        old = self.windows
        self.windows = {}
        for w in status.get("windows", []):
            prev = old.get(w["no"])
            cur = w.get("current_ticket")
            # a window nobody is at (no clerk logged in, or their app silent for a minute) is "closed" too
            is_open = bool(w.get("is_open", True)) and w.get("state") != "closed"
            self.windows[w["no"]] = WindowView(
                w["no"], w.get("name") or f"{w['no']}号窗口", cur, w.get("state", "idle"), is_open,
                bool(w.get("paused", False)), bool(prev and prev.current == cur and prev.green))
        seq = int(status.get("seq", 0))
        self.snapshot_seq = seq
        self.needs_snapshot = False
        for ev in list(self._recent):
            if ev["seq"] > seq:
                self._apply_counts(ev)
        if not self.calls:  # a fresh board: show who is being called right now
            now = self.clock()
            for w in self.windows.values():
                if w.current and w.state == "calling":
                    self.calls.append(Call(w.current, w.no, "", w.green, 0, now - self.highlight_for))
        self.last_seq = max(self.last_seq, seq)
        self.touch()
        self.tick()
        self.revision += 1

    # -- events -------------------------------------------------------------------------------------

    def apply(self, ev: dict[str, Any]) -> Call | None:
        """One event; returns the call to announce (None when there is nothing to say)."""
        self.touch()
        kind = ev.get("kind")
        if kind == "heartbeat":
            self.heartbeat(ev.get("seq"), ev.get("at"))
            return None
        seq = ev.get("seq")
        if not isinstance(seq, int):
            return None
        self.last_seq = max(self.last_seq, seq)
        self._recent.append(ev)
        if kind in RESYNC_KINDS:
            self.needs_snapshot = True
        changed = self._apply_counts(ev) if seq > self.snapshot_seq else False
        call = self._apply_call(ev) if kind in ("called", "recalled") else None
        if changed or call is not None or kind in RESYNC_KINDS:
            self.revision += 1
        if call is None:
            return None
        at = parse_at(ev.get("at"))
        node_now = self.clock() + self._node_offset
        if at is not None and node_now - at > self.announce_within:
            return None
        return call

    def _apply_counts(self, ev: dict[str, Any]) -> bool:
        kind, p = ev.get("kind"), ev.get("payload") or {}
        cat = self.categories.get(p.get("category", ""))
        win = self.windows.get(p.get("window_no") or p.get("acting_window") or -1)
        if kind == "issued" and cat is not None:
            cat.waiting += 1
            return True
        if kind == "called":
            if cat is not None and cat.waiting > 0:
                cat.waiting -= 1
            if win is not None:
                win.current, win.state, win.green = p.get("number"), "calling", bool(p.get("green"))
            return True
        if kind == "recalled" and win is not None:
            win.current, win.state, win.green = p.get("number"), "calling", bool(p.get("green"))
            return True
        if kind == "started" and win is not None:
            win.state = "serving"
            return True
        if kind == "green_flagged" and win is not None and win.current == p.get("number"):
            win.green = True
            return True
        if kind in ("finished", "no_show", "transferred", "cancelled"):
            acting = self.windows.get(p.get("acting_window") or p.get("window_no") or -1)
            if acting is not None and acting.current == p.get("number"):
                acting.current, acting.state, acting.green = None, "idle", False
                return True
            return False
        if kind == "window_changed" and win is not None and "paused" in p and p["paused"] is not None:
            win.paused = bool(p["paused"])
            return True
        return False

    def _apply_call(self, ev: dict[str, Any]) -> Call | None:
        p = ev.get("payload") or {}
        number, window_no = p.get("number"), p.get("window_no") or p.get("acting_window")
        if not number or not isinstance(window_no, int):
            return None
        for old in list(self.calls):
            if old.number == number:
                self.calls.remove(old)
        call = Call(number, window_no, p.get("category_name", ""), bool(p.get("green")), ev["seq"], self.clock(),
                    recall=ev.get("kind") == "recalled")
        self.calls.appendleft(call)
        while len(self.calls) > self.max_calls:
            self.calls.pop()
        return call
