"""Push up: idempotent upserts, the watermark, crashes at every point, restores on either side, clocks."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update

from hallclient.store import open_store
from hallclient.store.backup import backup_database
from hallclient.sync import push
from hallclient.sync.central_tables import hall_sync, ticket
from hallclient.sync.run import run_sync

from .helpers import JumpyClock, activity, assert_central_equals_union, central_rows, restore_central, snapshot_central

POINTS = ["after_read", "mid_batch", "before_central_commit", "after_central_commit", "after_local_ack",
          "during_heal"]


class Crash(BaseException):
    """A simulated power cut: not an Exception, so nothing in the sync catches it."""


def crash_at(point: str, nth: int = 1):
    hits = {"n": 0}

    def hook(p: str) -> None:
        if p == point:
            hits["n"] += 1
            if hits["n"] >= nth:
                raise Crash(p)
    return hook


def test_push_is_idempotent_and_complete(central: Engine, hall_paths: tuple[Path, Path]) -> None:
    store = open_store(hall_paths[0])
    clock = JumpyClock()
    try:
        activity(store, clock, random.Random(1), 60)
        r1 = run_sync(store, engine=central, clock=clock, batch_size=7, backup=False)
        assert r1.ok, r1.format()
        assert r1.batches > 1 and sum(r1.rows_up.values()) > 0
        assert_central_equals_union(central, [store])
        r2 = run_sync(store, engine=central, clock=clock, backup=False)
        assert r2.ok and r2.rows_up == {} and r2.batches == 0
        # re-sending everything from scratch changes nothing (idempotent upserts)
        with store.write() as conn:
            push.put_state(conn, "push", {"acked_seq": 0})
        with central.begin() as conn:
            conn.execute(update(hall_sync).values(last_seq=0, last_table=None, last_row_id=None))
        r3 = run_sync(store, engine=central, clock=clock, backup=False)
        assert r3.ok, r3.format()
        assert_central_equals_union(central, [store])
    finally:
        store.close()


def test_older_version_never_overwrites_newer(central: Engine, hall_paths: tuple[Path, Path]) -> None:
    store = open_store(hall_paths[0])
    clock = JumpyClock()
    try:
        activity(store, clock, random.Random(2), 40)
        assert run_sync(store, engine=central, clock=clock, backup=False).ok
        with central.begin() as conn:
            conn.execute(update(ticket).values(version=ticket.c.version + 100, status="finished"))
        before = central_rows(central)["ticket"]
        cols = push.columns("ticket")
        with store.read() as conn:
            rows = [tuple(r) for r in conn.exec_driver_sql("SELECT * FROM ticket").all()]
        with central.begin() as conn:
            push.upsert_rows(conn, "ticket", cols, rows)
        assert central_rows(central)["ticket"] == before
    finally:
        store.close()


@pytest.mark.parametrize("point", POINTS)
def test_crash_at_each_point_then_resume(central: Engine, hall_paths: tuple[Path, Path], point: str) -> None:
    store = open_store(hall_paths[0])
    clock = JumpyClock()
    try:
        activity(store, clock, random.Random(3), 50)
        if point == "during_heal":  # make a day mismatch so the heal runs
            assert run_sync(store, engine=central, clock=clock, backup=False).ok
            with central.begin() as conn:
                conn.execute(ticket.delete().where(ticket.c.id == select(ticket.c.id).limit(1).scalar_subquery()))
            with pytest.raises(Crash):
                run_sync(store, engine=central, clock=clock, backup=False, full_check=True,
                         fault_hook=crash_at(point))
        else:
            with pytest.raises(Crash):
                run_sync(store, engine=central, clock=clock, batch_size=5, backup=False,
                         fault_hook=crash_at(point, nth=2))
        activity(store, clock, random.Random(4), 10)
        report = run_sync(store, engine=central, clock=clock, batch_size=5, backup=False, full_check=True)
        assert report.ok, report.format()
        assert_central_equals_union(central, [store])
    finally:
        store.close()


def test_central_restored_from_older_backup(central: Engine, hall_paths: tuple[Path, Path]) -> None:
    store = open_store(hall_paths[0])
    clock = JumpyClock()
    try:
        activity(store, clock, random.Random(5), 30)
        assert run_sync(store, engine=central, clock=clock, backup=False).ok
        snap = snapshot_central(central)
        for seed in range(10):  # more runs than the outbox keeps: the checks must heal the gap
            activity(store, clock, random.Random(10 + seed), 15)
            clock.advance(days=1)
            assert run_sync(store, engine=central, clock=clock, backup=False).ok
        with store.read() as conn:
            lo = conn.exec_driver_sql("SELECT min(seq) FROM outbox").scalar()
        assert lo > 1, "old outbox entries were pruned"
        restore_central(central, snap)
        report = run_sync(store, engine=central, clock=clock, backup=False)
        assert report.ok, report.format()
        assert report.full_check and report.healed
        assert_central_equals_union(central, [store])
    finally:
        store.close()


def test_hall_restored_from_backup_resends_new_rows(central: Engine, hall_paths: tuple[Path, Path],
                                                   tmp_path: Path) -> None:
    path = hall_paths[0]
    store = open_store(path)
    clock = JumpyClock()
    activity(store, clock, random.Random(6), 30)
    assert run_sync(store, engine=central, clock=clock, backup=False).ok
    saved = backup_database(path, tmp_path / "saved.sqlite")
    activity(store, clock, random.Random(7), 30)
    assert run_sync(store, engine=central, clock=clock, backup=False).ok
    store.close()
    backup_database(saved, path)  # the hall PC's disk died; the admin restored last week's backup
    store = open_store(path)
    try:
        activity(store, clock, random.Random(8), 30)  # new work reuses outbox seq numbers
        report = run_sync(store, engine=central, clock=clock, backup=False)
        assert report.full_check, report.format()
        hall = central_rows(central)
        mine = {t: {k for k in rows} for t, rows in hall.items()}
        from .helpers import union_of_halls
        for table, rows in union_of_halls([store]).items():
            assert set(rows) <= mine[table], f"{table}: the restored hall's new rows did not all arrive"
    finally:
        store.close()


def test_clock_jumps_and_offset(central: Engine, hall_paths: tuple[Path, Path]) -> None:
    store = open_store(hall_paths[0])
    clock = JumpyClock()
    try:
        activity(store, clock, random.Random(9), 20)
        clock.advance(days=-400)  # the hall PC's battery died: 2025
        activity(store, clock, random.Random(10), 20)
        report = run_sync(store, engine=central, clock=clock, backup=False)
        assert report.ok, report.format()
        assert report.clock_offset_s is not None and report.clock_offset_s > 300 * 86400
        assert any("clock" in n for n in report.notes)
        clock.advance(days=800)
        activity(store, clock, random.Random(11), 20)
        assert run_sync(store, engine=central, clock=clock, backup=False).ok
        assert_central_equals_union(central, [store])
    finally:
        store.close()


def test_backup_taken_before_sync_and_rotated(sqlite_engine: Engine, hall_paths: tuple[Path, Path]) -> None:
    store = open_store(hall_paths[0])
    try:
        for _ in range(9):
            r = run_sync(store, engine=sqlite_engine, backup=True)
            assert r.ok and r.backup and Path(r.backup).exists()
        assert len(list((hall_paths[0].parent / "backups").glob("*.pre-sync.*.sqlite"))) == 7
    finally:
        store.close()
