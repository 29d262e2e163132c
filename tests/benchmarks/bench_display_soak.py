"""Soak benchmark: 10,000 calls pushed through a display board process.

A hall node runs as a child process (`hallclient --db DB serve`), a driver child process issues, calls and
marks no-show tickets from 8 windows in parallel threads, and this process runs the real display board
(DisplayWindow: bridge, events, model, QPainter board, mock-engine voice) offscreen at 1920×1080.

Reports the board process's RSS growth between the end of warm-up and the end of the run (target ≤ 20 MB)
and the delay from each call event's commit on the node (`at`) to the end of the first repaint that shows it
(median, p99, max), plus the same delay measured from the event's arrival on the GUI thread.
Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_display_soak.py [--calls 10000] [--windows 8]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CATS = ["SSDJ", "QYKB", "SB", "YB", "GJJ", "BDC", "SW", "GCJS", "RCFW", "CRJ", "HZ", "ZHZX"]


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))] if s else float("nan")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def drive(url: str, calls: int, windows: int, start: mp.Event, done: mp.Value) -> None:
    """Child process: `windows` clerks each loop issue → call-next → no-show until `calls` calls were made."""
    from hallclient.hallnode.client import HallClient
    from hallclient.store.seed import DEMO_PASSWORD

    sup = HallClient(url)
    sup.login("1031", DEMO_PASSWORD)
    kiosk = HallClient(url, sup.token)
    for no in range(1, windows + 1):
        sup.switch_window(no, CATS, [], reason="soak")
    clerks = []
    for no in range(1, windows + 1):
        c = HallClient(url)
        c.login(f"{1000 + no:04d}", DEMO_PASSWORD, window_no=no)
        clerks.append((no, c))
    start.wait()
    lock = threading.Lock()

    def work(no: int, clerk: HallClient, cat_offset: int) -> None:
        i = cat_offset
        while True:
            with lock:
                if done.value >= calls:
                    return
                done.value += 1
            kiosk.issue(CATS[i % len(CATS)])
            i += 1
            t = clerk.call_next(no)
            if t is not None:
                clerk.no_show(t["id"])

    threads = [threading.Thread(target=work, args=(no, c, no)) for no, c in clerks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=10_000)
    ap.add_argument("--windows", type=int, default=8)
    ap.add_argument("--warmup", type=int, default=500)
    args = ap.parse_args()

    from PySide6.QtWidgets import QApplication

    from hallclient.hallnode.auth import add_device
    from hallclient.store import open_store
    from hallclient.store.seed import load_seed, seed_hall
    from hallclient.ui.app import make_app
    from hallclient.ui.common.bridge import HallBridge
    from hallclient.ui.common.settings import HallSettings
    from hallclient.ui.display.voice import VoiceAnnouncer
    from hallclient.ui.display.window import DisplayWindow

    tmp = Path(tempfile.mkdtemp(prefix="display-soak-"))
    db = tmp / "hall.sqlite"
    store = open_store(db)
    seed_hall(store, load_seed(), today=datetime.now().astimezone())
    token = add_device(store, "soak-display", "display", datetime.now(UTC).replace(tzinfo=None))
    store.close()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ, HALLCLIENT_SQLITE_SYNCHRONOUS="NORMAL")
    def die_with_parent() -> None:  # Linux: the node goes when this process dies, even on a crash
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG

    node = subprocess.Popen([sys.executable, "-m", "hallclient", "--db", str(db), "serve", "--port", str(port),
                             "--log-level", "warning"], env=env,
                            preexec_fn=die_with_parent if sys.platform == "linux" else None)
    app: QApplication = make_app()
    try:
        bridge = HallBridge(url)
        bridge.client.token = token
        settings = HallSettings(tmp / "settings.ini")
        announcer = VoiceAnnouncer("mock", any_voice=True, gap_ms=10)
        win = DisplayWindow(bridge, settings, announcer=announcer)
        win.resize(1920, 1080)
        win.show()
        bridge.wait_ready(timeout=60)

        received: list[tuple[float, float]] = []  # (event commit time, arrival on the GUI thread)
        delays: list[float] = []
        gui_delays: list[float] = []
        seen_calls = [0]
        paints = [0]

        def on_event(ev: dict) -> None:
            if ev.get("kind") != "called":
                return
            at = datetime.fromisoformat(ev["at"].replace("Z", "+00:00")).replace(tzinfo=UTC).timestamp()
            received.append((at, time.time()))
            seen_calls[0] += 1

        def on_paint(_rev: int) -> None:
            paints[0] += 1
            now = time.time()
            for at, arrived in received:
                delays.append(now - at)
                gui_delays.append(now - arrived)
            received.clear()

        bridge.event.connect(on_event)
        win.board.painted.connect(on_paint)

        def pump_until(cond, timeout: float) -> bool:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                app.processEvents()
                if cond():
                    return True
                time.sleep(0.001)
            return cond()

        if not pump_until(lambda: bridge.state == "connected" and win.model.hall_name, 60):
            print("display did not connect", file=sys.stderr)
            return 1
        ctx = mp.get_context("spawn")
        start, done = ctx.Event(), ctx.Value("i", 0)
        driver = ctx.Process(target=drive, args=(url, args.calls, args.windows, start, done))
        driver.start()
        start.set()
        t0 = time.monotonic()
        pump_until(lambda: seen_calls[0] >= args.warmup, 300)
        for _ in range(50):
            app.processEvents()
        rss_warm = rss_mb()
        delays.clear()
        gui_delays.clear()
        pump_until(lambda: seen_calls[0] >= args.calls, 1800)
        pump_until(lambda: not received, 10)
        elapsed = time.monotonic() - t0
        driver.join(60)
        for _ in range(100):
            app.processEvents()
        rss_end = rss_mb()
        ms = [d * 1000 for d in delays]
        gms = [d * 1000 for d in gui_delays]
        print(f"calls seen by the board : {seen_calls[0]} in {elapsed:.1f} s ({seen_calls[0] / elapsed:.0f}/s), "
              f"{paints[0]} repaints, {announcer.dropped} utterances dropped from the voice backlog")
        print(f"rss after warm-up       : {rss_warm:.1f} MB")
        print(f"rss at end              : {rss_end:.1f} MB")
        print(f"rss growth              : {rss_end - rss_warm:+.1f} MB (target <= 20 MB)")
        print(f"event->repaint (commit) : median {pct(ms, 50):.1f} ms, p99 {pct(ms, 99):.1f} ms, max {max(ms):.1f} ms "
              f"over {len(ms)} calls")
        print(f"event->repaint (GUI in) : median {pct(gms, 50):.1f} ms, p99 {pct(gms, 99):.1f} ms")
        print(f"board state             : {len(win.model.calls)} calls kept, {len(win.model._recent)} recent events")
        win.close()
        bridge.shutdown()
        return 0 if rss_end - rss_warm <= 20 else 2
    finally:
        node.terminate()
        node.wait(15)


if __name__ == "__main__":
    sys.exit(main())
