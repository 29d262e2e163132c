"""Twenty windows calling at once over HTTP while kiosks issue: no ticket is called twice, none is lost,
and every subscriber sees the same events in the same order."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from hallnode_util import LiveNode, wait_until
from test_events import Collector

from hallclient.hallnode.client import EventSubscriber

WINDOWS = 20
TICKETS = 120


def test_twenty_windows_no_double_call_and_ordered_events(live_realtime: LiveNode) -> None:
    live = live_realtime
    sup = live.client(live.token("1031"))
    for no in range(1, WINDOWS + 1):
        sup.switch_window(no, ["SB"], ["YB"])
    clerks = [live.client(live.token(f"{1000 + no}", no)) for no in range(1, WINDOWS + 1)]
    head = sup.health()["seq"]
    cols = [Collector() for _ in range(3)]
    subs = [EventSubscriber(live.url, live.device_token("display"), c.on_event, since=head).start() for c in cols]
    kiosks = [live.client(live.device_token("kiosk")) for _ in range(2)]
    issuing_done = threading.Event()
    called: list[tuple[int, str]] = []
    lock = threading.Lock()

    def issue(k: int) -> None:
        for i in range(TICKETS // 2):
            kiosks[k].issue("SB" if i % 3 else "YB")

    def work(no: int) -> None:
        c = clerks[no - 1]
        while True:
            done = issuing_done.is_set()
            t = c.call_next(no)
            if t is None:
                if done:
                    return
                time.sleep(0.02)  # a clerk does not hammer an empty queue
                continue
            with lock:
                called.append((no, t["id"]))
            c.start(t["id"])
            c.finish(t["id"])

    try:
        with ThreadPoolExecutor(WINDOWS + 2) as pool:
            issuers = [pool.submit(issue, k) for k in range(2)]
            workers = [pool.submit(work, no) for no in range(1, WINDOWS + 1)]
            for f in issuers:
                f.result()
            issuing_done.set()
            for f in workers:
                f.result()
        ids = [tid for _, tid in called]
        assert len(ids) == TICKETS and len(set(ids)) == TICKETS  # each ticket called exactly once
        assert len({no for no, _ in called}) > 1
        expected = TICKETS * 4  # issued, called, started, finished
        assert wait_until(lambda: all(len(c.events) == expected for c in cols), timeout=20)
        first = cols[0].seqs()
        assert first == list(range(head + 1, head + expected + 1))  # gap-free and in order
        assert all(c.seqs() == first for c in cols)
        called_events = [e["payload"]["ticket_id"] for e in cols[0].events if e["kind"] == "called"]
        assert sorted(called_events) == sorted(ids)
    finally:
        for s in subs:
            s.stop()
