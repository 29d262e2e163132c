"""Hall node benchmark (prints figures; not a test).

    /work/venv/bin/python tests/benchmarks/bench_hallnode.py [--tickets 10000] [--windows 40] [--calls 25]

Over loopback, with the hall node in its own process (`hallclient serve`, uvicorn, SQLite synchronous=FULL):
  1. issue throughput: 4 concurrent kiosks issue --tickets tickets over HTTP;
  2. call-next latency: --windows windows (clerk tokens bound to their window) each call next, start and
     finish --calls times at once, against the queue of ~10,000 waiting tickets; p50/p99 of call-next;
  3. call → event delivery: a WebSocket subscriber (EventSubscriber) timestamps each "called" event;
     latency from the call-next response (and from the request) to the event's arrival;
  4. open loop, what a hall sees: call-next requests arrive as a Poisson process (--open-rate, default 20/s
     over all windows, ~10× a 3,000-visitor day's peak) at random idle windows, each followed by start and
     finish, while 4 kiosks issue as a Poisson process at --issue-rate (10/s) in all; latency is measured
     from the scheduled arrival, so a queued request counts its wait;
  5. burst: all windows press call-next at the same instant (--bursts times); p50/p99/max;
  6. the floor: a raw sqlite3 single-row BEGIN IMMEDIATE/INSERT/COMMIT on the same file, same pragmas.
Targets: call-next p99 ≤ 25 ms, ≥ 300 tickets/s issued, event delivery p99 ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from bench_store import floor_ms  # the same floor as the store benchmark (run from this folder)
from sqlalchemy import insert, select

from hallclient.hallnode.auth import add_device, hash_token, new_token, session_expiry
from hallclient.hallnode.client import EventSubscriber, HallClient
from hallclient.ids import new_id
from hallclient.store import open_store, utc_now
from hallclient.store.engine import synchronous_mode
from hallclient.store.seed import load_seed, seed_hall
from hallclient.store.tables import AuthSessionRow, StaffRow


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))] * 1000


def summary(name: str, values: list[float]) -> str:
    return (f"{name}: n={len(values)} p50={pct(values, 50):.2f} ms  p90={pct(values, 90):.2f} ms  "
            f"p99={pct(values, 99):.2f} ms  max={max(values) * 1000:.2f} ms")


def open_loop(url: str, clerks: list[str], kiosks: list[str], cats: list[str], rate: float, issue_rate: float,
              seconds: float, seed: int = 1) -> tuple[list[float], list[float], int]:
    """Poisson call-next arrivals at idle windows plus Poisson kiosk issues; latencies from scheduled arrival."""
    rng = random.Random(seed)
    clients = [HallClient(url, tok) for tok in clerks]
    idle = list(range(1, len(clerks) + 1))
    idle_lock = threading.Lock()
    call_lat: list[float] = []
    issue_lat: list[float] = []
    skipped = [0]
    stop_at = time.perf_counter() + seconds

    def serve(no: int, due: float) -> None:
        c = clients[no - 1]
        try:
            t = c.call_next(no)
            call_lat.append(time.perf_counter() - due)
            if t is not None:
                c.start(t["id"])
                c.finish(t["id"])
        finally:
            with idle_lock:
                idle.append(no)

    def kiosk(i: int) -> None:
        krng = random.Random(seed * 100 + i)
        with HallClient(url, kiosks[i]) as k:
            due = time.perf_counter()
            while True:
                due += krng.expovariate(issue_rate / len(kiosks))
                if due >= stop_at:
                    return
                time.sleep(max(0.0, due - time.perf_counter()))
                k.issue(cats[krng.randrange(len(cats))])
                issue_lat.append(time.perf_counter() - due)

    with ThreadPoolExecutor(len(clerks)) as pool, ThreadPoolExecutor(len(kiosks)) as kpool:
        kf = [kpool.submit(kiosk, i) for i in range(len(kiosks))]
        futures = []
        due = time.perf_counter()
        while True:
            due += rng.expovariate(rate)
            if due >= stop_at:
                break
            time.sleep(max(0.0, due - time.perf_counter()))
            with idle_lock:
                no = idle.pop(rng.randrange(len(idle))) if idle else None
            if no is None:  # every window busy: a real clerk would press later; count it
                skipped[0] += 1
                continue
            futures.append(pool.submit(serve, no, due))
        for f in futures + kf:
            f.result()
    for c in clients:
        c.close()
    return call_lat, issue_lat, skipped[0]


def burst(url: str, clerks: list[str], rounds: int) -> list[float]:
    """All windows press call-next at the same instant; then each starts and finishes its ticket."""
    lat: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(clerks))
    clients = [HallClient(url, tok) for tok in clerks]

    def one(no: int) -> None:
        c = clients[no - 1]
        for _ in range(rounds):
            barrier.wait()
            t0 = time.perf_counter()
            t = c.call_next(no)
            dt = time.perf_counter() - t0
            with lock:
                lat.append(dt)
            if t is not None:
                c.start(t["id"])
                c.finish(t["id"])

    with ThreadPoolExecutor(len(clerks)) as pool:
        list(pool.map(one, range(1, len(clerks) + 1)))
    for c in clients:
        c.close()
    return lat


def build_hall(path: Path, windows: int) -> tuple[list[str], list[str], str]:
    """The demo hall with windows up to `windows`; returns (clerk tokens per window, kiosk tokens, admin)."""
    data = load_seed()
    cats = [c["code"] for c in data["categories"]]
    have = {w["no"] for w in data["windows"]}
    for no in range(1, windows + 1):
        if no not in have:
            data["windows"].append({"no": no, "primary": [cats[1 + no % (len(cats) - 1)]], "secondary": [cats[0]]})
    store = open_store(path)
    seed_hall(store, data)
    now = utc_now()
    clerks: list[str] = []
    with store.write() as conn:
        staff = conn.execute(select(StaffRow.__table__).where(StaffRow.__table__.c.role == "clerk")).all()
        admin = conn.execute(select(StaffRow.__table__).where(StaffRow.__table__.c.role == "admin")).first()
        for no in range(1, windows + 1):
            tok = new_token()
            s = staff[(no - 1) % len(staff)]
            conn.execute(insert(AuthSessionRow.__table__).values(
                id=new_id(), token_hash=hash_token(tok), staff_id=s.id, role="clerk", window_no=no, created_at=now,
                expires_at=session_expiry(store, now), revoked=False))
            clerks.append(tok)
        admin_tok = new_token()
        conn.execute(insert(AuthSessionRow.__table__).values(
            id=new_id(), token_hash=hash_token(admin_tok), staff_id=admin.id, role="admin", window_no=None,
            created_at=now, expires_at=session_expiry(store, now), revoked=False))
    kiosks = [add_device(store, f"kiosk-{i}", "kiosk", now) for i in range(4)]
    store.close()
    return clerks, kiosks, admin_tok


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tickets", type=int, default=10_000)
    ap.add_argument("--windows", type=int, default=40)
    ap.add_argument("--calls", type=int, default=25, help="calls per window in phase 2")
    ap.add_argument("--open-rate", type=float, default=20.0, help="phase 4: call-next arrivals per second, all windows")
    ap.add_argument("--issue-rate", type=float, default=10.0, help="phase 4: tickets issued per second, all kiosks")
    ap.add_argument("--open-seconds", type=float, default=20.0, help="phase 4: duration")
    ap.add_argument("--bursts", type=int, default=5, help="phase 5: simultaneous presses by all windows")
    ap.add_argument("--floor", type=int, default=300, help="phase 6: raw transactions for the floor")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-hallnode-"))
    db = tmp / "hall.sqlite"
    clerks, kiosks, admin = build_hall(db, args.windows)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "hallclient", "--db", str(db), "serve", "--port", str(port),
                               "--log-level", "warning"], env={**os.environ, "PYTHONWARNINGS": "ignore"})
    try:
        for _ in range(200):
            try:
                httpx.get(f"{url}/api/v1/health", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.05)
        print(f"hall node pid {server.pid} on {url}; db {db}; {os.cpu_count()} CPUs; "
              f"synchronous={synchronous_mode()}")
        with HallClient(url, admin) as adm:
            cats = [c["code"] for c in adm.categories()]

        # 1. issue throughput --------------------------------------------------------------------------
        per = args.tickets // len(kiosks)
        issue_lat: list[float] = []
        lock = threading.Lock()

        def kiosk(i: int) -> None:
            with HallClient(url, kiosks[i]) as k:
                mine = []
                for n in range(per):
                    t0 = time.perf_counter()
                    k.issue(cats[(n * len(kiosks) + i) % len(cats)])
                    mine.append(time.perf_counter() - t0)
            with lock:
                issue_lat.extend(mine)

        t0 = time.perf_counter()
        with ThreadPoolExecutor(len(kiosks)) as pool:
            list(pool.map(kiosk, range(len(kiosks))))
        elapsed = time.perf_counter() - t0
        print(f"[1] issued {per * len(kiosks)} tickets from {len(kiosks)} kiosks in {elapsed:.1f} s: "
              f"{per * len(kiosks) / elapsed:.0f} tickets/s (target ≥ 300)")
        print("    " + summary("issue latency", issue_lat))

        # 2+3. call-next under 40 windows, with a WebSocket subscriber ------------------------------------
        arrivals: dict[str, float] = {}

        def on_event(ev: dict) -> None:
            if ev["kind"] == "called":
                arrivals[ev["payload"]["ticket_id"]] = time.perf_counter()

        sub = EventSubscriber(url, admin, on_event).start()
        while sub.connects == 0:
            time.sleep(0.01)
        sent: dict[str, tuple[float, float]] = {}
        call_lat: list[float] = []
        start_evt = threading.Barrier(args.windows)

        def window(no: int) -> None:
            mine: list[float] = []
            with HallClient(url, clerks[no - 1]) as c:
                start_evt.wait()
                for _ in range(args.calls):
                    t0 = time.perf_counter()
                    t = c.call_next(no)
                    t1 = time.perf_counter()
                    mine.append(t1 - t0)
                    if t is None:
                        continue
                    sent[t["id"]] = (t0, t1)
                    c.start(t["id"])
                    c.finish(t["id"])
            with lock:
                call_lat.extend(mine)

        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.windows) as pool:
            list(pool.map(window, range(1, args.windows + 1)))
        elapsed = time.perf_counter() - t0
        deadline = time.monotonic() + 10
        while len(arrivals) < len(sent) and time.monotonic() < deadline:
            time.sleep(0.05)
        sub.stop()
        with HallClient(url, admin) as adm:
            waiting = sum(c["waiting"] for c in adm.hall_status()["categories"])
        ids = list(sent)
        print(f"[2] {args.windows} windows × {args.calls} (call-next, start, finish) in {elapsed:.1f} s; "
              f"{len(ids)} called, {len(set(ids))} distinct; {waiting} still waiting")
        print("    " + summary("call-next latency", call_lat) + "  (target p99 ≤ 25 ms)")
        after_resp = [arrivals[i] - sent[i][1] for i in ids if i in arrivals]
        after_req = [arrivals[i] - sent[i][0] for i in ids if i in arrivals]
        print(f"[3] events received for {len(after_resp)}/{len(ids)} calls")
        print("    " + summary("event after call-next response", [max(0.0, x) for x in after_resp])
              + "  (target p99 ≤ 50 ms)")
        print("    " + summary("event after call-next request", after_req))

        # 4. open loop ------------------------------------------------------------------------------------
        calls, issues, skipped = open_loop(url, clerks, kiosks, cats, args.open_rate, args.issue_rate,
                                           args.open_seconds)
        print(f"[4] open loop {args.open_seconds:.0f} s: call-next Poisson {args.open_rate:g}/s over {args.windows} "
              f"windows (+start+finish), kiosks issuing Poisson {args.issue_rate:g}/s; "
              f"{skipped} arrivals found every window busy")
        print("    " + summary("open-loop call-next latency", calls) + "  (target p99 ≤ 25 ms)")
        print("    " + summary("open-loop issue latency", issues))

        # 5. burst ----------------------------------------------------------------------------------------
        lat = burst(url, clerks, args.bursts)
        print(f"[5] burst: {args.windows} windows press call-next at the same instant, {args.bursts} times")
        print("    " + summary("burst call-next latency", lat))

        # 6. floor ----------------------------------------------------------------------------------------
        base = [ms / 1000 for ms in floor_ms(db, args.floor)]  # summary() takes seconds
        print(f"[6] floor: raw sqlite3 1-row BEGIN IMMEDIATE/INSERT/COMMIT, synchronous={synchronous_mode()}, WAL, "
              "same file, node idle")
        print("    " + summary("floor", base))
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
