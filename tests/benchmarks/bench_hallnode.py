"""Hall node benchmark (prints figures; not a test).

    /work/venv/bin/python tests/benchmarks/bench_hallnode.py [--tickets 10000] [--windows 40]

Over loopback, with the hall node in its own process (`hallclient serve`, uvicorn, SQLite synchronous=FULL)
and the load generator (HallClient, the client the Qt apps use) sharing the same CPUs:
  1. issue throughput: 4 concurrent kiosks issue --tickets tickets back to back over HTTP;
  2. 40 windows at work: every window (a clerk token bound to it) loops call-next, start, finish with a
     random pause (exponential, mean --think s) before each action, against ~10,000 waiting tickets.
     A real clerk's cycle takes minutes; --think 1 (a call per window every ~3 s, ~13 calls/s in all) is
     about a hundred times a 3,000-visitor day's peak hour. p50/p99 of call-next; target p99 ≤ 25 ms;
  3. call → event delivery: a WebSocket subscriber (EventSubscriber) timestamps each "called" event of
     phase 2; latency from the call-next response (and from the request) to the event's arrival;
  4. capacity: open loop, call-next arrivals as a Poisson process at each of --rates calls/s at random idle
     windows, each followed by start and finish, while 4 kiosks issue 10/s; latency from the scheduled
     arrival, so a request that queues counts its wait. The highest rate that keeps p99 ≤ 25 ms;
  5. saturation: all windows loop call-next, start, finish with no pause at all. This measures throughput:
     with 40 requests always in flight, each waits for the other 39 (Little's law: latency ≈ 40 / rate);
  6. burst: all windows press call-next at the same instant (--bursts times);
  7. the floor: a raw sqlite3 single-row BEGIN IMMEDIATE/INSERT/COMMIT on the same file, same pragmas;
     and the node's CPU per request (from /proc) against it.
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
from collections.abc import Callable
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

TARGET_MS = 25.0


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))] * 1000


def summary(name: str, values: list[float]) -> str:
    return (f"{name}: n={len(values)} p50={pct(values, 50):.2f} ms  p90={pct(values, 90):.2f} ms  "
            f"p99={pct(values, 99):.2f} ms  max={max(values) * 1000:.2f} ms")


class CpuMeter:
    """CPU seconds (user + system) the node process used between `start()` and `stop()`, from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid, self.used = pid, 0.0

    def _now(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def __enter__(self) -> CpuMeter:
        self._t0 = self._now()
        return self

    def __exit__(self, *exc: object) -> None:
        self.used = self._now() - self._t0


def windows_at_work(url: str, clerks: list[str], seconds: float, think: float, seed: int = 2,
                    on_call: Callable[[str, float, float], None] | None = None) -> tuple[list[float], int]:
    """Each window loops (pause, call-next, pause, start, pause, finish); pauses exponential with mean
    `think` (0 = back to back). Returns call-next latencies and the number of requests made."""
    lat: list[float] = []
    requests = [0]
    lock = threading.Lock()
    barrier = threading.Barrier(len(clerks))
    stop_at = [0.0]

    def pause(rng: random.Random) -> None:
        if think > 0:
            time.sleep(rng.expovariate(1 / think))

    def window(no: int) -> None:
        rng = random.Random(seed * 1000 + no)
        mine: list[float] = []
        n = 0
        with HallClient(url, clerks[no - 1]) as c:
            c.health()  # connect before the clock starts
            barrier.wait()
            if no == 1:
                stop_at[0] = time.perf_counter() + seconds
            while not stop_at[0]:
                time.sleep(0.001)
            while time.perf_counter() < stop_at[0]:
                pause(rng)
                t0 = time.perf_counter()
                t = c.call_next(no)
                t1 = time.perf_counter()
                mine.append(t1 - t0)
                n += 1
                if t is None:
                    continue
                if on_call is not None:
                    on_call(t["id"], t0, t1)
                pause(rng)
                c.start(t["id"])
                pause(rng)
                c.finish(t["id"])
                n += 2
        with lock:
            lat.extend(mine)
            requests[0] += n

    with ThreadPoolExecutor(len(clerks)) as pool:
        list(pool.map(window, range(1, len(clerks) + 1)))
    return lat, requests[0]


def open_loop(url: str, clerks: list[str], kiosks: list[str], cats: list[str], rate: float, issue_rate: float,
              seconds: float, seed: int = 1) -> tuple[list[float], list[float], int]:
    """Poisson call-next arrivals at idle windows plus Poisson kiosk issues; latencies from scheduled arrival."""
    rng = random.Random(seed)
    clients = [HallClient(url, tok) for tok in clerks]
    for c in clients:
        c.health()
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
        c.health()
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
    ap.add_argument("--think", type=float, default=1.0, help="phase 2: mean pause before each action, s")
    ap.add_argument("--work-seconds", type=float, default=30.0, help="phase 2: duration")
    ap.add_argument("--rates", default="20,40,80,120,160", help="phase 4: call-next arrivals per second to try")
    ap.add_argument("--rate-seconds", type=float, default=10.0, help="phase 4: duration per rate")
    ap.add_argument("--issue-rate", type=float, default=10.0, help="phase 4: tickets issued per second, all kiosks")
    ap.add_argument("--saturation-seconds", type=float, default=8.0, help="phase 5: duration")
    ap.add_argument("--bursts", type=int, default=5, help="phase 6: simultaneous presses by all windows")
    ap.add_argument("--floor", type=int, default=300, help="phase 7: raw transactions for the floor")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-hallnode-"))
    db = tmp / "hall.sqlite"
    clerks, kiosks, admin = build_hall(db, args.windows)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "hallclient", "--db", str(db), "serve", "--port", str(port),
                               "--log-level", "warning", "--no-nightly-sync"],
                              env={**os.environ, "PYTHONWARNINGS": "ignore"})
    try:
        for _ in range(200):
            try:
                httpx.get(f"{url}/api/v1/health", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.05)
        print(f"hall node pid {server.pid} on {url}; db {db}; {os.cpu_count()} CPUs shared by node and load; "
              f"synchronous={synchronous_mode()}")
        with HallClient(url, admin) as adm:
            cats = [c["code"] for c in adm.categories()]
        cpu_per_request: list[tuple[str, float]] = []

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
        with CpuMeter(server.pid) as cpu, ThreadPoolExecutor(len(kiosks)) as pool:
            list(pool.map(kiosk, range(len(kiosks))))
        elapsed = time.perf_counter() - t0
        cpu_per_request.append(("issue", cpu.used / (per * len(kiosks))))
        print(f"[1] issued {per * len(kiosks)} tickets from {len(kiosks)} kiosks in {elapsed:.1f} s: "
              f"{per * len(kiosks) / elapsed:.0f} tickets/s (target ≥ 300); "
              f"node CPU {cpu.used / (per * len(kiosks)) * 1000:.2f} ms per ticket")
        print("    " + summary("issue latency", issue_lat))

        # 2+3. 40 windows at work, with a WebSocket subscriber -------------------------------------------
        arrivals: dict[str, float] = {}

        def on_event(ev: dict) -> None:
            if ev["kind"] == "called":
                arrivals[ev["payload"]["ticket_id"]] = time.perf_counter()

        sub = EventSubscriber(url, admin, on_event).start()
        while sub.connects == 0:
            time.sleep(0.01)
        sent: dict[str, tuple[float, float]] = {}

        def on_call(tid: str, t0: float, t1: float) -> None:
            sent[tid] = (t0, t1)

        call_lat, n_req = windows_at_work(url, clerks, args.work_seconds, args.think, on_call=on_call)
        deadline = time.monotonic() + 10
        while len(arrivals) < len(sent) and time.monotonic() < deadline:
            time.sleep(0.05)
        sub.stop()
        with HallClient(url, admin) as adm:
            waiting = sum(c["waiting"] for c in adm.hall_status()["categories"])
        ids = list(sent)
        print(f"[2] {args.windows} windows at work for {args.work_seconds:.0f} s (call-next, start, finish, mean pause "
              f"{args.think:g} s before each): {len(ids)} called ({len(ids) / args.work_seconds:.1f}/s), "
              f"{len(set(ids))} distinct; {n_req / args.work_seconds:.0f} requests/s; {waiting} still waiting")
        print("    " + summary("call-next latency", call_lat) + f"  (target p99 ≤ {TARGET_MS:g} ms)")
        after_resp = [arrivals[i] - sent[i][1] for i in ids if i in arrivals]
        after_req = [arrivals[i] - sent[i][0] for i in ids if i in arrivals]
        print(f"[3] events received for {len(after_resp)}/{len(ids)} calls")
        print("    " + summary("event after call-next response", [max(0.0, x) for x in after_resp])
              + "  (target p99 ≤ 50 ms)")
        print("    " + summary("event after call-next request", after_req))

        # 4. capacity: open loop at rising rates -----------------------------------------------------------
        rates = [float(r) for r in args.rates.split(",")]
        print(f"[4] open loop, {args.rate_seconds:.0f} s per rate: call-next Poisson arrivals at idle windows "
              f"(+start+finish), kiosks issuing Poisson {args.issue_rate:g}/s")
        best, all_ok = None, True
        for rate in rates:
            calls, issues, skipped = open_loop(url, clerks, kiosks, cats, rate, args.issue_rate, args.rate_seconds)
            ok = pct(calls, 99) <= TARGET_MS
            all_ok = all_ok and ok
            best = rate if all_ok else best
            print(f"    {rate:5.0f} calls/s ({3 * rate + args.issue_rate:.0f} requests/s): "
                  + summary("call-next", calls) + f"; issue p99={pct(issues, 99):.2f} ms"
                  + (f"; {skipped} arrivals found every window busy" if skipped else "")
                  + ("" if ok else f"  p99 > {TARGET_MS:g} ms"))
        print(f"    highest rate with call-next p99 ≤ {TARGET_MS:g} ms there and at every lower rate: "
              + (f"{best:g} calls/s over {args.windows} windows" if best else "none"))

        # 5. saturation ------------------------------------------------------------------------------------
        with CpuMeter(server.pid) as cpu:
            sat, n_req = windows_at_work(url, clerks, args.saturation_seconds, 0.0, seed=5)
        cpu_per_request.append(("call-next/start/finish", cpu.used / n_req))
        thr = n_req / args.saturation_seconds
        print(f"[5] saturation: {args.windows} windows back to back for {args.saturation_seconds:.0f} s: "
              f"{thr:.0f} requests/s ({len(sat) / args.saturation_seconds:.0f} call-next/s); node CPU "
              f"{cpu.used / n_req * 1000:.2f} ms per request; Little's law: {args.windows} in flight / {thr:.0f} "
              f"per s = {args.windows / thr * 1000:.0f} ms mean wait")
        print("    " + summary("saturated call-next latency", sat))

        # 6. burst ----------------------------------------------------------------------------------------
        lat = burst(url, clerks, args.bursts)
        print(f"[6] burst: {args.windows} windows press call-next at the same instant, {args.bursts} times")
        print("    " + summary("burst call-next latency", lat))

        # 7. floor ----------------------------------------------------------------------------------------
        base = [ms / 1000 for ms in floor_ms(db, args.floor)]  # summary() takes seconds
        print(f"[7] floor: raw sqlite3 1-row BEGIN IMMEDIATE/INSERT/COMMIT, synchronous={synchronous_mode()}, WAL, "
              "same file, node idle")
        print("    " + summary("floor", base))
        floor_med = pct(base, 50)
        for name, per_req in cpu_per_request:
            print(f"    node CPU per {name} request: {per_req * 1000:.2f} ms = {per_req * 1000 / floor_med:.1f}× "
                  "the floor's median")
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
