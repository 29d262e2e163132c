"""Benchmark: what presence costs the hall node, over loopback.

With clerks logged in at every window of the demo hall and thousands of tickets waiting, times:
  * the clerk app's heartbeat (POST /auth/heartbeat, every 15 s per clerk in real use),
  * GET /hall/status (now also judging presence and the staffed windows per category),
  * the floor: GET /health, the cheapest authenticated-free request through the same stack,
  * one presence sweep (`PresenceWatch.check_once`, every 5 s in the node) with nothing to announce.
Prints median and p99 of each and the ratio to the floor.
Run: python tests/benchmarks/bench_presence.py [--waiting 5000] [--n 600]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "hallnode"))

from hallnode_util import LiveNode  # noqa: E402

from hallclient.store import open_store  # noqa: E402
from hallclient.store.queue import HallQueue  # noqa: E402
from hallclient.store.seed import seed_hall  # noqa: E402


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def timed(fn: Callable[[], object], n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--waiting", type=int, default=5000)
    ap.add_argument("--n", type=int, default=600)
    args = ap.parse_args()
    db = Path(tempfile.mkdtemp()) / "bench.sqlite"
    store = open_store(db)
    seed_hall(store)
    q = HallQueue(store)
    with store.read() as conn:
        cats = [r.code for r in conn.exec_driver_sql("SELECT code FROM category")]
    for i in range(args.waiting):
        q.issue(cats[i % len(cats)], source="reception")
    store.close()
    node = LiveNode(db, None).start()
    try:
        clerks = [node.client(node.token(f"{1000 + no}", no)) for no in range(1, 31)]
        sup = node.client(node.token("1031"))
        anon = node.client()
        for c in (*clerks[:3], sup, anon):  # warm up connections
            c.health()
        rounds = {"floor GET /health": timed(anon.health, args.n)}
        k = iter(range(10**9))
        rounds["POST /auth/heartbeat"] = timed(lambda: clerks[next(k) % len(clerks)].heartbeat(), args.n)
        rounds["GET /hall/status"] = timed(sup.hall_status, args.n)
        watch = node.app.state.presence
        rounds["presence sweep (in process)"] = timed(watch.check_once, args.n)
        floor = statistics.median(rounds["floor GET /health"])
        print(f"demo hall, 30 clerks at their windows, {args.waiting} tickets waiting, {args.n} requests each")
        for name, values in rounds.items():
            med = statistics.median(values)
            print(f"{name:<30} median {med:6.2f} ms  p99 {pct(values, 99):6.2f} ms  ({med / floor:4.1f}× floor)")
        staffed = sum(w["staffed"] for w in sup.windows())
        print(f"staffed windows after the run: {staffed}/31")
    finally:
        node.close()


if __name__ == "__main__":
    main()
