"""The hall node's tidal plan scheduler: applies each plan at its start and restores the windows at its end.

Everything is recomputed from the clock and the `window_switch` rows, never from memory, so a restart
(or a node that was down across a boundary) converges to the right state on its first tick, and running
a tick twice changes nothing:

* a plan holds a window now, and no switch by that plan was made since this occurrence began
  → switch the window to the plan's categories (reason `潮汐方案开始：…`, `plan_id` set);
* the window's latest switch by a plan was a start, and that plan no longer holds the window now (its
  end passed, or it was deleted, deactivated or no longer lists the window) → switch back to that start
  switch's `before` (reason `潮汐方案结束：…`).

A supervisor's manual switch during a plan is a switch without `plan_id`: the plan does not fight it,
and it wins until the plan's next boundary (at the end the window's base categories come back).
Every switch goes through `HallQueue.switch_window`, so it is audited and announced like a manual one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from hallclient.domain.tidal_plans import TidalPlan, active_at
from hallclient.store.errors import StoreError
from hallclient.store.queue import HallQueue
from hallclient.store.tables import TidalPlanRow, WindowRow, WindowSwitchRow

PLAN = TidalPlanRow.__table__
SWITCH = WindowSwitchRow.__table__
WIN = WindowRow.__table__
START, END = "潮汐方案开始：", "潮汐方案结束："
log = logging.getLogger(__name__)


def plan_from_row(r: Any) -> TidalPlan:
    return TidalPlan(
        id=str(r.id),
        name=r.name,
        days=tuple(r.days or ()),
        start=r.start,
        end=r.end,
        windows=tuple(int(w) for w in (r.windows or ())),
        primary=tuple(r.primary_categories or ()),
        secondary=tuple(r.secondary_categories or ()),
        active=bool(r.active),
    )


def load_plans(conn: Any) -> list[TidalPlan]:
    return [plan_from_row(r) for r in conn.execute(select(PLAN).order_by(PLAN.c.start, PLAN.c.name))]


class PlanScheduler:
    """Applies tidal plans on the hall's clock. `tick()` is synchronous (tests call it after moving the
    fake clock); `start()` runs it every `interval_s` in a worker thread."""

    def __init__(self, queue: HallQueue, clock: Callable[[], datetime], interval_s: float = 15.0) -> None:
        self.queue, self.store, self.clock, self.interval_s = queue, queue.store, clock, interval_s
        self._task: asyncio.Task[None] | None = None
        self._lock = threading.Lock()  # one tick at a time (timer and a plan edit may race)
        self._wake: asyncio.Event | None = None

    def _local(self, now: datetime) -> datetime:
        return now.replace(tzinfo=UTC).astimezone(self.store.tz).replace(tzinfo=None)

    def _utc(self, local: datetime) -> datetime:
        return local.replace(tzinfo=self.store.tz).astimezone(UTC).replace(tzinfo=None)

    def tick(self) -> list[dict[str, Any]]:
        """Bring every window in line with the plans at the clock's now; returns the switches made."""
        with self._lock:
            return self._tick()

    def _tick(self) -> list[dict[str, Any]]:
        now = self.clock()
        local = self._local(now)
        with self.store.read() as conn:
            plans = load_plans(conn)
            windows = {r.no: r for r in conn.execute(select(WIN.c.no, WIN.c.primary_categories,
                                                            WIN.c.secondary_categories))}
            rows = conn.execute(
                select(SWITCH.c.window_no, SWITCH.c.plan_id, SWITCH.c.at, SWITCH.c.reason, SWITCH.c.before)
                .where(SWITCH.c.plan_id.is_not(None))
                .order_by(SWITCH.c.at, SWITCH.c.id)
            ).all()
        by_id = {p.id: p for p in plans}
        holding = active_at([p for p in plans if p.active], local)
        latest: dict[int, Any] = {}  # window → its latest switch made by any plan
        latest_by_plan: dict[tuple[int, str], Any] = {}
        for r in rows:
            latest[r.window_no] = r
            latest_by_plan[(r.window_no, str(r.plan_id))] = r
        made: list[dict[str, Any]] = []
        # 1. ends first, so a plan starting at another's end sees the window's base categories as `before`
        for no, r in sorted(latest.items()):
            if not r.reason.startswith(START) or no not in windows:
                continue
            pid = str(r.plan_id)
            holder = holding.get(no)
            still = holder is not None and holder.id == pid and r.at >= self._occurrence_start(holder, local)
            if still:
                continue
            plan = by_id.get(pid)
            name = plan.name if plan else pid
            before = r.before or {}
            try:
                made.append(self.queue.switch_window(
                    no, before.get("primary") or [], before.get("secondary") or [], actor="tidal-plan",
                    reason=f"{END}{name}", plan_id=uuid.UUID(pid)))
            except (StoreError, ValueError) as exc:  # a category retired meanwhile: keep going, say why
                log.warning("could not restore window %s after plan %s: %s", no, name, exc)
        # 2. starts: once per occurrence; a manual switch afterwards is left alone until the next boundary
        for no, plan in sorted(holding.items()):
            if no not in windows:
                continue
            occ = self._occurrence_start(plan, local)
            done = latest_by_plan.get((no, plan.id))
            if done is not None and done.at >= occ:
                continue
            try:
                made.append(self.queue.switch_window(
                    no, list(plan.primary), list(plan.secondary), actor="tidal-plan",
                    reason=f"{START}{plan.name}", plan_id=uuid.UUID(plan.id)))
            except (StoreError, ValueError) as exc:
                log.warning("could not apply plan %s to window %s: %s", plan.name, no, exc)
        return made

    def _occurrence_start(self, plan: TidalPlan, local: datetime) -> datetime:
        """UTC start of the plan's occurrence covering (or last before) `local`."""
        start, _end = plan.occurrence(local.date())
        if start > local:
            start -= timedelta(days=1)
        return self._utc(start)

    # -- background ------------------------------------------------------------------------------

    def poke(self) -> None:
        """Run a tick soon (after a plan edit), from any thread."""
        loop, wake = getattr(self, "_loop", None), self._wake
        if loop is not None and wake is not None:
            loop.call_soon_threadsafe(wake.set)

    async def start(self) -> None:
        if self.interval_s > 0:
            self._loop = asyncio.get_running_loop()
            self._wake = asyncio.Event()
            self._task = asyncio.create_task(self._run(), name="hall-tidal-plans")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        assert self._wake is not None
        while True:
            try:
                await asyncio.to_thread(self.tick)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("tidal plan tick failed; trying again next tick")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.interval_s)
            self._wake.clear()
