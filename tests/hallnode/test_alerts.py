"""Supervisor alerts: green-channel waits and red waits, raised once per ticket / episode, acknowledged."""

from __future__ import annotations

import pytest
from hallnode_util import LiveNode
from sqlalchemy import select

from hallclient.hallnode.client import HallClient, HallNodeError
from hallclient.store.tables import HallEventRow


@pytest.fixture(autouse=True)
def _no_unserved_alerts(supervisor: HallClient) -> None:
    """Nobody is at a window in these tests; the unserved-category alert has its own tests (test_presence)."""
    supervisor.request("PUT", "/admin/settings/unserved", json_body={"issue": True, "alert_after_min": 240})


def alert_events(live: LiveNode) -> list[dict]:
    with live.node.store.read() as conn:
        rows = conn.execute(select(HallEventRow.__table__).where(HallEventRow.__table__.c.kind == "alert"))
        return [r.payload for r in rows]


def test_green_wait_alert_once_then_ack(live: LiveNode, kiosk: HallClient, supervisor: HallClient, clock) -> None:
    g = kiosk.issue("SB", green_reason="disabled")
    clock.advance(minutes=4)
    assert live.node.alerts.check_once() == []
    clock.advance(minutes=2)
    assert len(live.node.alerts.check_once()) == 1
    assert live.node.alerts.check_once() == []  # not every tick
    [a] = supervisor.alerts(open_only=True)
    assert a["kind"] == "green_wait" and a["ticket_id"] == g["ticket"]["id"] and g["number"] in a["message"]
    [ev] = alert_events(live)
    assert ev["type"] == "green_wait" and ev["number"] == g["number"] and ev["limit_min"] == 5
    supervisor.ack_alert(a["id"])
    assert supervisor.alerts(open_only=True) == []
    assert supervisor.alerts()[0]["acknowledged"] is True
    try:
        supervisor.ack_alert(a["id"])
    except HallNodeError as exc:
        assert exc.status == 409
    clerk = live.client(live.token("1001", 1))
    try:
        clerk.alerts()
    except HallNodeError as exc:
        assert exc.status == 403


def test_red_wait_once_per_episode(live: LiveNode, kiosk: HallClient, supervisor: HallClient, clock) -> None:
    red = {c["code"]: c["red_after_min"] for c in supervisor.categories()}["SB"]
    kiosk.issue("SB")
    clock.advance(minutes=1)
    kiosk.issue("SB")
    clock.advance(minutes=red)
    assert len(live.node.alerts.check_once()) == 1
    assert {c["code"]: c["colour"] for c in supervisor.hall_status()["categories"]}["SB"] == "red"
    supervisor.switch_window(9, ["SB"])
    supervisor.call_next(9)  # the oldest leaves; the next one is still red: same episode
    clock.advance(minutes=1)
    assert live.node.alerts.check_once() == []
    t = supervisor.tickets(status="called")[0]
    supervisor.start(t["id"])
    supervisor.finish(t["id"])
    supervisor.call_next(9)  # queue empty: episode over
    kiosk.issue("SB")
    clock.advance(minutes=red + 1)
    assert len(live.node.alerts.check_once()) == 1  # a new episode
    assert [e["type"] for e in alert_events(live)] == ["red_wait", "red_wait"]


def test_check_takes_the_write_lock_only_when_something_is_due(live: LiveNode, kiosk: HallClient, clock,
                                                               monkeypatch) -> None:
    """The periodic check must not stall call-next: with nothing due it only reads."""
    store = live.node.store
    writes: list[int] = []
    plain = store.write

    def counting_write():
        writes.append(1)
        return plain()

    monkeypatch.setattr(store, "write", counting_write)
    kiosk.issue("SB", green_reason="elderly")
    for _ in range(30):
        kiosk.issue("SB")
    writes.clear()
    clock.advance(minutes=3)
    assert live.node.alerts.check_once() == [] and writes == []
    clock.advance(minutes=3)  # the green ticket passes its 5 minutes
    assert len(live.node.alerts.check_once()) == 1 and len(writes) == 1
