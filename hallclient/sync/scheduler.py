"""When the nightly sync runs: at the configured hall time (default 02:00), at once after a missed night
(the PC was off or the central store down), and again with back-off after a failure.

The decision (`NightlyPlan.due`) is a pure function of the last success and the clock, so tests drive
it with a fake clock and a fake sleep; `start_scheduler` wraps it in a daemon thread for the hall node.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hallclient.store.store import Store, utc_now
from hallclient.sync import push
from hallclient.sync.report import SyncReport

log = logging.getLogger("hallclient.sync")
BACKOFF_S: tuple[float, ...] = (60, 300, 900, 1800, 3600)


@dataclass(frozen=True)
class NightlyPlan:
    """The nightly slot in the hall's time zone."""

    at: time
    tz: ZoneInfo

    def last_slot(self, now_utc: datetime) -> datetime:
        """The most recent slot at or before `now_utc` (naive UTC)."""
        local = now_utc.replace(tzinfo=UTC).astimezone(self.tz)
        slot = datetime.combine(local.date(), self.at, self.tz)
        if slot > local:
            slot = datetime.combine(local.date() - timedelta(days=1), self.at, self.tz)
        return slot.astimezone(UTC).replace(tzinfo=None)

    def next_slot(self, now_utc: datetime) -> datetime:
        local = self.last_slot(now_utc).replace(tzinfo=UTC).astimezone(self.tz)
        nxt = datetime.combine(local.date() + timedelta(days=1), self.at, self.tz)
        return nxt.astimezone(UTC).replace(tzinfo=None)

    def due(self, now_utc: datetime, last_success: datetime | None) -> bool:
        """A run is due when no successful run started since the latest slot (so a missed night is
        caught up as soon as the node runs again)."""
        return last_success is None or last_success < self.last_slot(now_utc)


def plan_for(store: Store) -> NightlyPlan:
    at = str(push.sync_settings(store).get("nightly_at", "02:00"))
    return NightlyPlan(time.fromisoformat(at), store.tz)


def last_success(store: Store) -> datetime | None:
    value = push.get_state(store, "last_success").get("at")
    return datetime.fromisoformat(value) if value else None


@dataclass
class NightlyScheduler:
    """Runs `job` when due; after a failure waits BACKOFF_S[i] (growing) and tries again."""

    store: Store
    job: Callable[[], SyncReport]
    clock: Callable[[], datetime] = utc_now
    sleep: Callable[[float], bool] | None = None  # returns True when asked to stop
    backoff: Sequence[float] = BACKOFF_S
    max_idle_s: float = 600.0
    failures: int = 0
    history: list[SyncReport] = field(default_factory=list)
    stop_event: threading.Event = field(default_factory=threading.Event)

    def _sleep(self, seconds: float) -> bool:
        if self.sleep is not None:
            return self.sleep(seconds)
        return self.stop_event.wait(seconds)

    def step(self) -> float:
        """Run the job if due; return how long to wait before the next look."""
        now = self.clock()
        plan = plan_for(self.store)
        if plan.due(now, last_success(self.store)):
            report = self.job()
            self.history.append(report)
            if report.ok:
                self.failures = 0
            else:
                wait = self.backoff[min(self.failures, len(self.backoff) - 1)]
                self.failures += 1
                log.warning("nightly sync failed (%s); retrying in %.0f s", report.error, wait)
                return wait
            now = self.clock()
        until_next = (plan.next_slot(now) - now).total_seconds()
        return max(1.0, min(until_next, self.max_idle_s))  # wake now and then: the clock may jump

    def run(self, max_steps: int | None = None) -> None:
        steps = 0
        while not self.stop_event.is_set() and (max_steps is None or steps < max_steps):
            wait = self.step()
            steps += 1
            if self._sleep(wait):
                break

    def stop(self) -> None:
        self.stop_event.set()


def start_scheduler(store: Store, **run_kwargs: object) -> NightlyScheduler:
    """Start the nightly sync in a daemon thread of the hall node; `.stop()` ends it."""
    from hallclient.sync.run import run_sync

    sched = NightlyScheduler(store, job=lambda: run_sync(store, **run_kwargs))  # type: ignore[arg-type]
    thread = threading.Thread(target=sched.run, name="hallclient-nightly-sync", daemon=True)
    thread.start()
    return sched
