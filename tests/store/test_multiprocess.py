"""Several processes on one SQLite file: no ticket claimed twice, no duplicate number, nothing lost,
and a writer killed with SIGKILL mid-burst leaves a sound database that keeps numbering without reuse."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hallclient.store import open_store
from hallclient.store.queue import HallQueue

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def spawn(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store.workers", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def lines(proc: subprocess.Popen, timeout: float = 240) -> list[dict]:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    return [json.loads(x) for x in out.splitlines() if x.strip()]


def all_categories(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT code FROM category ORDER BY sort_order")]
    finally:
        conn.close()


def test_4_issuers_and_8_callers_at_once(demo_db: Path, tmp_path: Path) -> None:
    cats = all_categories(demo_db)
    store = open_store(demo_db)
    q = HallQueue(store)
    for w in range(1, 9):  # eight windows that between them serve every category
        q.switch_window(w, cats[(w - 1) % len(cats) :: 2] or cats[:1], [], reason="test")
    q.switch_window(8, cats, [], reason="test")
    store.close()
    flag = tmp_path / "issuers-done"
    callers = [spawn("caller", str(demo_db), str(w), str(flag)) for w in range(1, 9)]
    issuers = [spawn("issuer", str(demo_db), "60", ",".join(cats)) for _ in range(4)]
    issued = [x for p in issuers for x in lines(p)]
    flag.touch()
    called = [x for p in callers for x in lines(p)]

    numbers = [x["number"] for x in issued]
    assert len(issued) == 240
    assert len(set(numbers)) == len(numbers), "a ticket number was handed out twice"
    claimed = [x["called"] for x in called]
    assert len(set(claimed)) == len(claimed), "a ticket was claimed by two windows"
    assert set(claimed) == {x["issued"] for x in issued}, "a ticket was lost or invented"
    conn = sqlite3.connect(demo_db)
    try:
        assert conn.execute("SELECT count(*) FROM ticket WHERE status='waiting'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM ticket_event WHERE kind='call'").fetchone()[0] == 240
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


@pytest.mark.parametrize("kill_after", [5, 37])
def test_sigkill_mid_burst_keeps_database_sound_and_numbers_unique(demo_db: Path, kill_after: int) -> None:
    victim = spawn("issuer", str(demo_db), "100000", "SB")
    others = [spawn("issuer", str(demo_db), "30", "SB") for _ in range(3)]
    acknowledged = []
    assert victim.stdout is not None
    while len(acknowledged) < kill_after:
        line = victim.stdout.readline()
        assert line, victim.stderr.read() if victim.stderr else "victim died"
        acknowledged.append(json.loads(line))
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(10)
    victim.stdout.close()
    if victim.stderr:
        victim.stderr.close()
    survivors = [x for p in others for x in lines(p)]

    conn = sqlite3.connect(demo_db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        in_db = {r[0] for r in conn.execute("SELECT number FROM ticket")}
    finally:
        conn.close()
    for x in acknowledged + survivors:  # every number a visitor was handed is in the database
        assert x["number"] in in_db
    store = open_store(demo_db)
    try:
        fresh = HallQueue(store).issue("SB").ticket.number
    finally:
        store.close()
    assert fresh not in in_db
    assert int(fresh[1:]) == max(int(n[1:]) for n in in_db if n.startswith(fresh[0])) + 1
