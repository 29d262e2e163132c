"""The WebSocket event stream: order, catch-up from a seq, heartbeats, auth, and reconnect across a restart."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
from hallnode_util import LiveNode, wait_until
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from hallclient.hallnode.client import EventSubscriber, HallClient, HallNodeUnavailable, events_url
from hallclient.store.queue import HallQueue
from hallclient.store.store import open_store


class Collector:
    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.states: list[str] = []
        self.lock = threading.Lock()

    def on_event(self, ev: dict[str, Any]) -> None:
        with self.lock:
            self.events.append(ev)

    def on_state(self, state: str, _detail: Any) -> None:
        self.states.append(state)

    def seqs(self) -> list[int]:
        with self.lock:
            return [e["seq"] for e in self.events]

    def kinds(self) -> list[str]:
        with self.lock:
            return [e["kind"] for e in self.events]


def test_events_in_order_with_catch_up(live: LiveNode, kiosk: HallClient) -> None:
    clerk = live.client(live.token("1001", 1))  # the clerk's login is an event too (window_changed)
    head = kiosk.health()["seq"]
    first = kiosk.issue("SSDJ")
    col = Collector()
    sub = EventSubscriber(live.url, live.device_token("display"), col.on_event, on_state=col.on_state, since=head)
    sub.start()
    try:
        assert wait_until(lambda: col.kinds()[:1] == ["issued"])  # caught up from `head`
        t = clerk.call_next(1)
        clerk.recall(t["id"])
        clerk.start(t["id"])
        clerk.finish(t["id"])
        clerk.pause(1)
        assert wait_until(lambda: len(col.events) >= 6)
        assert col.kinds() == ["issued", "called", "recalled", "started", "finished", "window_changed"]
        seqs = col.seqs()
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
        ev = col.events[1]
        assert ev["payload"]["number"] == first["number"] and ev["payload"]["window_no"] == 1
        assert ev["at"].endswith("Z") and "ticket_id" in ev["payload"]
        assert "connected" in col.states
    finally:
        sub.stop()
    assert not sub.running


def test_since_replays_only_later_events_and_live_start(live: LiveNode, kiosk: HallClient) -> None:
    for _ in range(3):
        kiosk.issue("SB")
    token = live.device_token("display")
    with connect(events_url(live.url, 2) + f"&token={token}") as ws:
        hello = json.loads(ws.recv(timeout=5))
        assert hello["kind"] == "hello" and hello["seq"] == 3 and hello["since"] == 2
        assert json.loads(ws.recv(timeout=5))["seq"] == 3
    with connect(events_url(live.url, None), additional_headers={"Authorization": f"Bearer {token}"}) as ws:
        assert json.loads(ws.recv(timeout=5))["since"] == 3  # live only
        kiosk.issue("SB")
        assert json.loads(ws.recv(timeout=5))["seq"] == 4
    with connect(events_url(live.url, 10**6)) as ws:  # token as first message; since beyond head → reset
        ws.send(json.dumps({"token": token}))
        hello = json.loads(ws.recv(timeout=5))
        assert hello["reset"] is True and hello["since"] == 0
        assert [json.loads(ws.recv(timeout=5))["seq"] for _ in range(4)] == [1, 2, 3, 4]


def test_bad_token_and_bad_since_close_with_codes(live: LiveNode) -> None:
    with connect(events_url(live.url, 0) + "&token=nope") as ws, pytest.raises(ConnectionClosed) as exc:
        ws.recv(timeout=5)
    assert exc.value.rcvd is not None and exc.value.rcvd.code == 4401
    with connect(live.url.replace("http", "ws") + "/api/v1/events?since=-5&token=x") as ws, \
            pytest.raises(ConnectionClosed) as exc:
        ws.recv(timeout=5)
    assert exc.value.rcvd is not None and exc.value.rcvd.code == 4400
    col = Collector()
    sub = EventSubscriber(live.url, "wrong", col.on_event, on_state=col.on_state, backoff_max=0.2).start()
    try:
        assert wait_until(lambda: "unauthorized" in col.states)
    finally:
        sub.stop()


def test_heartbeat(demo_db, clock) -> None:
    node = LiveNode(demo_db, clock, heartbeat_s=0.2).start()
    try:
        token = node.device_token("display")
        with connect(events_url(node.url, None) + f"?token={token}") as ws:
            json.loads(ws.recv(timeout=5))
            beat = json.loads(ws.recv(timeout=5))
            assert beat["kind"] == "heartbeat" and beat["seq"] == 0
    finally:
        node.close()


def test_subscriber_reconnects_after_restart_and_misses_nothing(live_realtime: LiveNode) -> None:
    live = live_realtime
    kiosk = live.client(live.device_token("kiosk"))
    kiosk.get_retries = 0
    col = Collector()
    sub = EventSubscriber(live.url, live.device_token("display"), col.on_event, on_state=col.on_state,
                          backoff_initial=0.05, backoff_max=0.4).start()
    try:
        assert wait_until(lambda: sub.connects == 1)
        kiosk.issue("SB")
        assert wait_until(lambda: len(col.events) == 1)
        live.stop()
        assert wait_until(lambda: "disconnected" in col.states)
        with pytest.raises(HallNodeUnavailable):  # writes are not retried: the caller decides
            kiosk.issue("SB")
        store = open_store(live.db)  # the hall keeps changing while this client is cut off
        try:
            q = HallQueue(store)
            for _ in range(5):
                q.issue("SB")
        finally:
            store.close()
        live.start()
        assert wait_until(lambda: sub.connects >= 2, timeout=10)
        kiosk.issue("SB")
        assert wait_until(lambda: len(col.events) == 7, timeout=10)
        assert col.seqs() == list(range(1, 8))  # the missed five arrived, in order, once each
        numbers = [e["payload"]["number"] for e in col.events]
        assert numbers == [f"C00{i}" for i in range(1, 8)]
    finally:
        sub.stop()
