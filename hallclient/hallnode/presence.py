"""Presence (在岗): is anybody actually at a window?

A window is staffed while a clerk is seated at it (logged in there, `window.clerk_id`) and their app is
alive (`domain.presence`: a heartbeat every 15 s; with none for a minute the window counts as unstaffed, and
staffed again at the next heartbeat). Only staffed, open, unpaused windows serve:
they alone count as 开放窗口, in the kiosk's estimates and in the tidal advisor; a category none of them
serves says 暂无窗口办理 on the kiosk.

Heartbeats are kept in the hall node's memory, judged on the node's (injectable) clock: they change every few
seconds and matter only while the node runs. After a node restart every seated clerk counts as just seen, so
windows do not blink "closed" until the next heartbeat. Changes are announced as `window_changed` events
{"window_no", "staffed"} by `PresenceWatch`, every few seconds, so boards and consoles follow without polling.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from hallclient.domain.presence import STALE_AFTER, is_fresh
from hallclient.hallnode.periodic import Periodic
from hallclient.store import journal
from hallclient.store.store import Store
from hallclient.store.tables import WindowRow

WIN = WindowRow.__table__


class Presence:
    """Last heartbeat per window (who, when). Thread-safe; times are naive UTC from the node's clock."""

    def __init__(self, clock: Callable[[], datetime], stale_after: timedelta = STALE_AFTER) -> None:
        self.clock, self.stale_after = clock, stale_after
        self._lock = threading.Lock()
        self._beats: dict[int, tuple[uuid.UUID, datetime]] = {}
        self._announced: dict[int, bool] = {}

    def beat(self, window_no: int, staff_id: uuid.UUID, now: datetime | None = None) -> None:
        with self._lock:
            self._beats[window_no] = (staff_id, now or self.clock())

    def forget(self, window_no: int) -> None:
        with self._lock:
            self._beats.pop(window_no, None)

    def staffed(self, window_no: int, clerk_id: uuid.UUID | None, now: datetime | None = None) -> bool:
        """The clerk seated at the window has sent a heartbeat within `stale_after`."""
        if clerk_id is None:
            return False
        with self._lock:
            beat = self._beats.get(window_no)
        return beat is not None and beat[0] == clerk_id and is_fresh(beat[1], now or self.clock(), self.stale_after)

    def seed(self, seated: Iterable[tuple[int, uuid.UUID | None]], now: datetime) -> None:
        """At start-up: every seated clerk counts as seen now (the node, not the clerk, was away)."""
        with self._lock:
            for no, clerk_id in seated:
                if clerk_id is not None:
                    self._beats.setdefault(no, (clerk_id, now))
                    self._announced[no] = True

    def changes(self, seated: Iterable[tuple[int, uuid.UUID | None]], now: datetime) -> list[tuple[int, bool]]:
        """Windows whose staffed state differs from what was last announced (and remember the new state)."""
        out = []
        for no, clerk_id in seated:
            state = self.staffed(no, clerk_id, now)
            with self._lock:
                if self._announced.get(no, False) != state:
                    self._announced[no] = state
                    out.append((no, state))
        return out

    def mark(self, window_no: int, staffed: bool) -> None:
        """Record a state already announced by the caller (a login, logout or heartbeat)."""
        with self._lock:
            self._announced[window_no] = staffed


def count_serving(windows: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Category code → windows that take calls for it now (as primary or secondary): open, not paused and
    staffed (`windows` as the hall status lists them: is_open, paused, staffed, primary, secondary)."""
    out: dict[str, int] = {}
    for w in windows:
        if w["is_open"] and not w["paused"] and w["staffed"]:
            for code in {*w["primary"], *w["secondary"]}:
                out[code] = out.get(code, 0) + 1
    return out


def serving_counts(conn: Any, presence: Presence, now: datetime) -> dict[str, int]:
    """`count_serving` over the windows in service, read from the database."""
    rows = conn.execute(select(WIN.c.no, WIN.c.clerk_id, WIN.c.is_open, WIN.c.paused, WIN.c.primary_categories,
                               WIN.c.secondary_categories).where(WIN.c.retired.is_(False)))
    return count_serving({"is_open": r.is_open, "paused": r.paused, "staffed": presence.staffed(r.no, r.clerk_id, now),
                          "primary": r.primary_categories or (), "secondary": r.secondary_categories or ()}
                         for r in rows)


def seated_windows(conn: Any) -> list[tuple[int, uuid.UUID | None]]:
    return [(r.no, r.clerk_id) for r in conn.execute(select(WIN.c.no, WIN.c.clerk_id).where(WIN.c.retired.is_(False)))]


def announce_changes(store: Store, presence: Presence, now: datetime) -> list[tuple[int, bool]]:
    """Write a `window_changed` event for each window that became staffed or unstaffed."""
    with store.read() as conn:
        changed = presence.changes(seated_windows(conn), now)
    if changed:
        with store.write() as conn:
            for no, staffed in changed:
                journal.hall_event(conn, "window_changed", {"window_no": no, "staffed": staffed}, now)
    return changed


class PresenceWatch(Periodic):
    """Runs `announce_changes` every `interval_s` (0: only when called, as tests do)."""

    name = "hall-presence"

    def __init__(self, store: Store, presence: Presence, clock: Callable[[], datetime],
                 interval_s: float = 5.0) -> None:
        self.store, self.presence, self.clock, self.interval_s = store, presence, clock, interval_s

    def check_once(self) -> list[tuple[int, bool]]:
        return announce_changes(self.store, self.presence, self.clock())

    async def start(self) -> None:
        with self.store.read() as conn:
            self.presence.seed(seated_windows(conn), self.clock())
        await super().start()
