"""Real processes: a sync killed with SIGKILL at injected points, and halls syncing at the same time."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from hallclient.store import open_store
from hallclient.store.tables import CategoryRow
from hallclient.sync import credentials, pull
from hallclient.sync.push import FAULT_ENV

from .helpers import JumpyClock, activity, assert_central_equals_union

pytestmark = pytest.mark.slow


def _env(fault: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop(FAULT_ENV, None)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"  # trust auth: no password needed
    if fault:
        env[FAULT_ENV] = fault
    return env


def _sync(db: Path, fault: str | None = None, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "hallclient", "--db", str(db), "sync", "--now", *extra],
                            env=_env(fault), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _prepare(db: Path, url: str, seed: int, steps: int) -> None:
    store = open_store(db)
    try:
        credentials.set_url(store, url)
        activity(store, JumpyClock(), random.Random(seed), steps)
    finally:
        store.close()


@pytest.mark.parametrize("point", ["after_read@2", "mid_batch@2", "before_central_commit@2",
                                   "after_central_commit@2", "after_local_ack@1", "pull_mid_apply"])
def test_sigkill_at_injected_point(point: str, pg_url: str, pg_engine: Engine, hall_paths: tuple[Path, Path]) -> None:
    db = hall_paths[0]
    _prepare(db, pg_url, 21, 60)
    if point == "pull_mid_apply":
        store = open_store(db)
        try:
            release = pull.export_release(store)
            release["categories"][0]["red_after_min"] = 45
            pull.publish_release(pg_engine, store.hall_id, release)
        finally:
            store.close()
    proc = _sync(db, point, "--batch-size", "5")
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL, out
    check = subprocess.run([sys.executable, "-m", "hallclient", "--db", str(db), "db", "check"], env=_env(),
                           capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr
    store = open_store(db)
    try:
        if point == "pull_mid_apply":
            assert pull.applied_version(store) == 0  # the half-applied release rolled back
            with store.read() as conn:
                red = conn.execute(select(CategoryRow.__table__.c.red_after_min)
                                   .where(CategoryRow.__table__.c.code == "SB")).scalar()
            assert red == 20
        activity(store, JumpyClock(), random.Random(22), 20)
    finally:
        store.close()
    proc = _sync(db, None, "--batch-size", "5")
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0, out
    store = open_store(db)
    try:
        assert_central_equals_union(pg_engine, [store])
        if point == "pull_mid_apply":
            assert pull.applied_version(store) == 1
    finally:
        store.close()


def test_two_halls_sync_into_one_central_at_once(pg_url: str, pg_engine: Engine,
                                                 hall_paths: tuple[Path, Path]) -> None:
    for n, db in enumerate(hall_paths):
        _prepare(db, pg_url, 30 + n, 250)
    procs = [_sync(db, None, "--batch-size", "7") for db in hall_paths]
    procs.append(_sync(hall_paths[0], None, "--batch-size", "7"))  # the same hall twice: a manual run too
    outs = [p.communicate(timeout=180)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], "\n".join(outs)
    stores = [open_store(db) for db in hall_paths]
    try:
        assert_central_equals_union(pg_engine, stores)
    finally:
        for s in stores:
            s.close()
