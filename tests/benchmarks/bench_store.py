"""Benchmark: issue and call-next on a hall database holding 10,000 waiting tickets.

Prints median and p99 per operation and the ratio to the floor: a raw single-row
`BEGIN IMMEDIATE; INSERT; COMMIT` through sqlite3 on the same file with the same pragmas.
Run: python tests/benchmarks/bench_store.py [--waiting 10000] [--ops 500]
(HALLCLIENT_SQLITE_SYNCHRONOUS=NORMAL to measure without the fsync per commit.)
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from hallclient.store import open_store
from hallclient.store.engine import BUSY_TIMEOUT_MS, synchronous_mode
from hallclient.store.queue import WIN, HallQueue
from hallclient.store.seed import seed_hall


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def floor_ms(db: Path, n: int) -> list[float]:
    """Raw single-row write transactions on `db` with the store's pragmas: what every ratio is against."""
    conn = sqlite3.connect(db, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA synchronous={synchronous_mode()}")
    conn.execute("CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, v TEXT)")
    out = []
    for i in range(n):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO bench_floor (v) VALUES (?)", (str(i),))
        conn.execute("COMMIT")
        out.append((time.perf_counter() - t0) * 1000)
    conn.execute("DROP TABLE bench_floor")
    conn.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--waiting", type=int, default=10_000)
    ap.add_argument("--ops", type=int, default=500)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp()) / "bench.sqlite"
    store = open_store(tmp)
    seed_hall(store)
    clock_now = [datetime(2026, 11, 23, 1, 0)]
    q = HallQueue(store, lambda: clock_now[0])
    with store.read() as conn:
        cats = [r.code for r in conn.exec_driver_sql("SELECT code FROM category")]
        windows = [(r.no, r.primary_categories) for r in conn.execute(WIN.select())]
    print(f"filling {args.waiting} waiting tickets across {len(cats)} categories …", flush=True)
    for i in range(args.waiting):
        clock_now[0] += timedelta(milliseconds=500)
        q.issue(cats[i % len(cats)])
    issue_ms, call_ms = [], []
    for i in range(args.ops):
        clock_now[0] += timedelta(seconds=1)
        t0 = time.perf_counter()
        q.issue(cats[i % len(cats)])
        issue_ms.append((time.perf_counter() - t0) * 1000)
    for i in range(args.ops):
        no, _ = windows[i % len(windows)]
        clock_now[0] += timedelta(seconds=1)
        t0 = time.perf_counter()
        t = q.call_next(no)
        call_ms.append((time.perf_counter() - t0) * 1000)
        if t is not None:
            q.no_show(t.id, no)
    base = floor_ms(tmp, args.ops)
    fmed = statistics.median(base)
    print(f"database: {tmp} ({tmp.stat().st_size / 1e6:.1f} MB), synchronous={synchronous_mode()}, WAL")
    print(f"{'operation':<28}{'median ms':>10}{'p99 ms':>10}{'× floor (median)':>18}")
    print(f"{'floor: raw 1-row IMMEDIATE':<28}{fmed:>10.3f}{pct(base, 99):>10.3f}{1.0:>18.2f}")
    for name, xs in (("issue", issue_ms), ("call-next", call_ms)):
        print(f"{name:<28}{statistics.median(xs):>10.3f}{pct(xs, 99):>10.3f}{statistics.median(xs) / fmed:>18.2f}")
    store.close()


if __name__ == "__main__":
    main()
