"""Hypothesis state machine: two halls work, sync, crash mid-sync, jump their clocks, and the central
PostgreSQL store is rolled back to older snapshots; after a final healthy sync the central store equals
the union of the halls' rows — none lost, none duplicated, none older than the hall's."""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import Engine

from hallclient.store import Store, open_store
from hallclient.store.backup import backup_database
from hallclient.sync.run import run_sync

from .helpers import (
    JumpyClock,
    activity,
    assert_central_equals_union,
    central_rows,
    restore_central,
    snapshot_central,
    truncate_central,
    union_of_halls,
)

POINTS = [None, None, "after_read", "mid_batch", "before_central_commit", "after_central_commit",
          "after_local_ack", "during_heal"]


class Crash(BaseException):
    pass


def _hook(point: str | None, nth: int):
    hits = {"n": 0}

    def hook(p: str) -> None:
        if p == point:
            hits["n"] += 1
            if hits["n"] >= nth:
                raise Crash(p)
    return hook


class SyncMachine(RuleBasedStateMachine):
    engine: Engine
    templates: tuple[Path, Path]

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="hc-sync-sm-"))
        self.stores: list[Store] = []
        self.clocks: list[JumpyClock] = []
        self.snapshots: list[dict[str, Any]] = []
        truncate_central(self.engine)

    @initialize()
    def open_halls(self) -> None:
        for i, template in enumerate(self.templates):
            path = backup_database(template, self.dir / f"h{i}" / "hall.sqlite")
            self.stores.append(open_store(path))
            self.clocks.append(JumpyClock())

    @rule(hall=st.integers(0, 1), steps=st.integers(1, 8), seed=st.integers(0, 2**16))
    def work(self, hall: int, steps: int, seed: int) -> None:
        activity(self.stores[hall], self.clocks[hall], random.Random(seed), steps)

    @rule(hall=st.integers(0, 1), point=st.sampled_from(POINTS), nth=st.integers(1, 3),
          batch=st.sampled_from([1, 4, 1000]), full=st.booleans())
    def sync(self, hall: int, point: str | None, nth: int, batch: int, full: bool) -> None:
        try:
            report = run_sync(self.stores[hall], engine=self.engine, clock=self.clocks[hall], batch_size=batch,
                              backup=False, full_check=full, fault_hook=_hook(point, nth), raise_errors=True)
        except Crash:
            return
        assert report.ok, report.format()
        # the outbox and the watermark alone must carry every row: the day checks find nothing to heal,
        # except when the run itself found the central store behind what the outbox still keeps
        if not any("checking every day" in n for n in report.notes):
            assert not report.healed, report.format()

    @rule(hall=st.integers(0, 1), hours=st.sampled_from([-72, -5, 1, 26, 24 * 40]))
    def jump_clock(self, hall: int, hours: int) -> None:
        self.clocks[hall].advance(hours=hours)

    @rule()
    def snapshot(self) -> None:
        self.snapshots.append(snapshot_central(self.engine))

    @precondition(lambda self: bool(self.snapshots))
    @rule(which=st.integers(0, 10))
    def restore(self, which: int) -> None:
        restore_central(self.engine, self.snapshots[which % len(self.snapshots)])

    @invariant()
    def central_never_invents_or_rewinds(self) -> None:
        if not self.stores:
            return
        want = union_of_halls(self.stores)
        got = central_rows(self.engine)
        for table, rows in got.items():
            assert set(rows) <= set(want[table]), f"{table}: central has rows no hall has"
            if table == "ticket":
                for key, row in rows.items():
                    assert row["version"] <= want[table][key]["version"]

    def teardown(self) -> None:
        try:
            if self.stores:
                for s, c in zip(self.stores, self.clocks, strict=True):
                    report = run_sync(s, engine=self.engine, clock=c, backup=False)
                    assert report.ok, report.format()
                assert_central_equals_union(self.engine, self.stores)
        finally:
            for s in self.stores:
                s.close()
            shutil.rmtree(self.dir, ignore_errors=True)


def test_sync_state_machine(pg_engine: Engine, hall_templates: tuple[Path, Path]) -> None:
    SyncMachine.engine = pg_engine
    SyncMachine.templates = hall_templates
    run_state_machine_as_test(SyncMachine, settings=settings(
        max_examples=20, stateful_step_count=12, deadline=None, derandomize=False,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much], database=None))


@pytest.mark.parametrize("seed", [0])
def test_state_machine_on_embedded_central(sqlite_engine: Engine, hall_templates: tuple[Path, Path],
                                           seed: int) -> None:
    """The same machine against the embedded SQLite stand-in (a few examples: same code path)."""
    SyncMachine.engine = sqlite_engine
    SyncMachine.templates = hall_templates
    run_state_machine_as_test(SyncMachine, settings=settings(
        max_examples=5, stateful_step_count=10, deadline=None,
        suppress_health_check=[HealthCheck.too_slow], database=None))
