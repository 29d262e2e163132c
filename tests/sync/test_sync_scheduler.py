"""The nightly schedule: 02:00 hall time, catch-up after a missed night, back-off after failures."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hallclient.store import open_store
from hallclient.sync import push
from hallclient.sync.report import SyncReport
from hallclient.sync.scheduler import NightlyPlan, NightlyScheduler

from .helpers import JumpyClock

SH = ZoneInfo("Asia/Shanghai")


def test_plan_slots_in_hall_time() -> None:
    plan = NightlyPlan(time(2, 0), SH)
    now = datetime(2026, 11, 23, 1, 30)  # 09:30 Shanghai
    assert plan.last_slot(now) == datetime(2026, 11, 22, 18, 0)  # 02:00 Shanghai today
    assert plan.next_slot(now) == datetime(2026, 11, 23, 18, 0)
    assert plan.due(now, None)
    assert not plan.due(now, datetime(2026, 11, 22, 18, 5))
    assert plan.due(now, datetime(2026, 11, 22, 17, 59))  # last success before tonight's slot


def _scheduler(tmp: Path, outcomes: list[bool], clock: JumpyClock, store_path: Path) -> NightlyScheduler:
    store = open_store(store_path)
    waits: list[float] = []

    def job() -> SyncReport:
        ok = outcomes.pop(0) if outcomes else True
        r = SyncReport(started_at=clock(), ok=ok, error=None if ok else "central store down")
        if ok:
            with store.write() as conn:
                push.put_state(conn, "last_success", r.summary())
        return r

    def sleep(seconds: float) -> bool:
        waits.append(seconds)
        clock.advance(seconds=seconds)
        return False

    sched = NightlyScheduler(store, job=job, clock=clock, sleep=sleep, backoff=(60, 300, 900))
    sched.waits = waits  # type: ignore[attr-defined]
    return sched


def test_missed_night_caught_up_at_start_then_nightly(tmp_path: Path, hall_paths: tuple[Path, Path]) -> None:
    clock = JumpyClock(datetime(2026, 11, 23, 1, 30))  # the PC was off at 02:00: catch up now
    sched = _scheduler(tmp_path, [], clock, hall_paths[0])
    try:
        sched.run(max_steps=1)
        assert len(sched.history) == 1
        for _ in range(2000):  # walk three days ahead (the scheduler wakes at least every 10 min)
            sched.run(max_steps=1)
            if clock() > datetime(2026, 11, 26, 1, 0):
                break
        runs = [r.started_at for r in sched.history]
        assert len(runs) == 4
        for r in runs[1:]:
            local = (r.replace(tzinfo=ZoneInfo("UTC")).astimezone(SH))
            assert local.time() >= time(2, 0) and local.time() < time(2, 11), local
    finally:
        sched.store.close()


def test_backoff_after_failures(tmp_path: Path, hall_paths: tuple[Path, Path]) -> None:
    clock = JumpyClock(datetime(2026, 11, 22, 18, 0, 1))
    sched = _scheduler(tmp_path, [False, False, False, False, True], clock, hall_paths[0])
    try:
        sched.run(max_steps=6)
        assert [r.ok for r in sched.history] == [False, False, False, False, True]
        assert sched.waits[:4] == [60, 300, 900, 900]  # type: ignore[attr-defined]
        assert sched.failures == 0
        assert clock() - datetime(2026, 11, 22, 18, 0) < timedelta(hours=1)
    finally:
        sched.store.close()
