"""Presence (在岗): a window is staffed while its clerk's app sends heartbeats; stale after a minute on the node's
clock. Logging out and handing over (交接班) keep the ticket in hand with the window; unstaffed windows count
nowhere (status, kiosk, 暂无窗口办理) and a category nobody serves with people waiting alerts the supervisor."""

from __future__ import annotations

import pytest
from hallnode_util import LiveNode, status_of
from sqlalchemy import select

from hallclient.hallnode import supervisor_api as api
from hallclient.hallnode.client import HallClient, HallNodeError
from hallclient.store.seed import DEMO_PASSWORD
from hallclient.store.tables import HallEventRow


def window(c: HallClient, no: int) -> dict:
    return next(w for w in c.windows() if w["no"] == no)


def category(c: HallClient, code: str) -> dict:
    return next(x for x in c.hall_status()["categories"] if x["code"] == code)


def staffed_events(live: LiveNode) -> list[tuple[int, bool]]:
    with live.node.store.read() as conn:
        rows = conn.execute(select(HallEventRow.__table__.c.payload)
                            .where(HallEventRow.__table__.c.kind == "window_changed")).scalars()
        return [(p["window_no"], p["staffed"]) for p in rows if "staffed" in p]


def login(live: LiveNode, staff_no: str, window_no: int, **kw) -> HallClient:
    c = live.client()
    c.login(staff_no, DEMO_PASSWORD, window_no=window_no, **kw)
    return c


def test_presence_goes_stale_after_a_minute_and_comes_back(live: LiveNode, supervisor: HallClient, clock) -> None:
    assert window(supervisor, 5)["state"] == "closed" and not window(supervisor, 5)["staffed"]  # nobody there
    clerk = login(live, "1005", 5)
    w = window(supervisor, 5)
    assert w["staffed"] and w["state"] == "idle" and w["clerk"]
    clock.advance(seconds=45)
    assert clerk.heartbeat() == {"window_no": 5, "staffed": True}
    clock.advance(seconds=59)
    assert window(supervisor, 5)["staffed"]
    assert live.app.state.presence.check_once() == []
    clock.advance(seconds=2)  # 61 s without a heartbeat: the app is gone as far as the hall knows
    w = window(supervisor, 5)
    assert not w["staffed"] and w["state"] == "closed" and w["clerk"]  # still logged in, but not there
    assert live.app.state.presence.check_once() == [(5, False)]
    assert live.app.state.presence.check_once() == []  # said once
    clerk.heartbeat()  # the network came back
    assert window(supervisor, 5)["staffed"]
    assert staffed_events(live) == [(5, False), (5, True)]


def test_unstaffed_windows_serve_nobody(live: LiveNode, supervisor: HallClient, kiosk: HallClient, clock) -> None:
    """开放窗口, the kiosk's estimate and 暂无窗口办理 count only windows someone is at."""
    assert category(kiosk, "RCFW")["windows"] == 0  # windows 16, 22 and 30 serve it; nobody is logged in
    assert sum(w["staffed"] for w in kiosk.hall_status()["windows"]) == 0
    login(live, "1016", 16)
    status = kiosk.hall_status()
    assert [w["no"] for w in status["windows"] if w["staffed"]] == [16]
    rc = next(c for c in status["categories"] if c["code"] == "RCFW")
    assert rc["windows"] == 1 and rc["takes_tickets"]
    supervisor.pause(16, "午休")  # paused: staffed, but takes no calls
    assert category(kiosk, "RCFW")["windows"] == 0
    supervisor.resume(16)
    clock.advance(minutes=2)
    assert category(kiosk, "RCFW")["windows"] == 0  # the heartbeat went stale


def test_kiosk_refused_for_an_unserved_category_when_the_hall_says_so(live: LiveNode, supervisor: HallClient,
                                                                      kiosk: HallClient) -> None:
    assert kiosk.issue("RCFW")["number"]  # default: still issues (visitors wait for a clerk)
    assert api.unserved_setting(supervisor) == {"issue": True, "alert_after_min": 2}
    api.set_unserved_setting(supervisor, False, 2)
    assert not category(kiosk, "RCFW")["takes_tickets"]
    with pytest.raises(HallNodeError) as err:
        kiosk.issue("RCFW")
    assert err.value.status == 409 and "暂无窗口办理" in str(err.value)
    assert supervisor.issue("RCFW")["number"]  # staff (reception, supervisor) may still issue by hand
    login(live, "1016", 16)
    assert category(kiosk, "RCFW")["takes_tickets"] and kiosk.issue("RCFW")["number"]
    assert api.audit(supervisor, kind="config_change")[0]["detail"]["setting"] == "unserved"


def test_logout_keeps_the_ticket_in_hand_for_the_next_clerk(live: LiveNode, kiosk: HallClient,
                                                            supervisor: HallClient) -> None:
    t = kiosk.issue("SB")
    a = login(live, "1009", 9)
    a.call_next(9)
    a.start(t["ticket"]["id"])
    a.logout()
    w = window(supervisor, 9)
    assert not w["staffed"] and w["clerk"] is None
    assert w["current_ticket"] == t["number"] and w["state"] == "serving"  # shown: someone is sitting there
    b = live.client()
    out = b.login("1010", DEMO_PASSWORD, window_no=9)  # nobody at the window: no handover needed
    assert out["ticket_in_hand"] == t["number"]
    assert b.finish(t["ticket"]["id"])["status"] == "finished"


def test_handover_takes_the_window_with_its_ticket(live: LiveNode, kiosk: HallClient, supervisor: HallClient,
                                                   clock) -> None:
    t = kiosk.issue("SB")
    a = login(live, "1011", 11)
    a.call_next(11)
    b = live.client()
    with pytest.raises(HallNodeError) as err:  # 1011 is at work there: a typo in the window number must not
        b.login("1009", DEMO_PASSWORD, window_no=11)  # throw them out
    assert err.value.status == 409 and "handover" in str(err.value)
    out = b.login("1009", DEMO_PASSWORD, window_no=11, handover=True)
    assert out["ticket_in_hand"] == t["number"]
    assert status_of(a.me) == 401  # the one handing over is logged out at once
    assert status_of(a.recall, t["ticket"]["id"]) == 401
    assert b.start(t["ticket"]["id"])["window_no"] == 11
    b.finish(t["ticket"]["id"])
    [h] = api.audit(supervisor, kind="handover")
    assert h["detail"] == {"window": 11, "from": "1011", "to": "1009", "ticket": t["number"]}
    assert window(supervisor, 11)["clerk"] == out["name"]
    # a clerk whose app went silent can be taken over without handover
    clock.advance(minutes=2)
    c = live.client()
    assert c.login("1012", DEMO_PASSWORD, window_no=11)["window_no"] == 11
    assert status_of(b.me) == 401


def test_a_clerk_sits_at_one_window(live: LiveNode, supervisor: HallClient) -> None:
    a = login(live, "1013", 13)
    b = live.client()
    b.login("1013", DEMO_PASSWORD, window_no=14)  # moved to another window
    assert window(supervisor, 13)["clerk"] is None and window(supervisor, 14)["staffed"]
    assert status_of(a.me) == 401


def test_heartbeat_tells_an_app_it_was_cleared(live: LiveNode, supervisor: HallClient) -> None:
    clerk = login(live, "1006", 6)
    api.assign_clerk(supervisor, 6, None)  # the supervisor cleared the window
    with pytest.raises(HallNodeError) as err:
        clerk.heartbeat()
    assert err.value.status == 409 and "log in again" in str(err.value)
    assert not window(supervisor, 6)["staffed"]
    assert status_of(supervisor.heartbeat) == 403  # clerks only


def test_unserved_category_alerts_the_supervisor_once_per_episode(live: LiveNode, kiosk: HallClient,
                                                                  supervisor: HallClient, clock) -> None:
    live.node.alerts.check_once()
    assert supervisor.alerts(open_only=True) == []  # nobody waiting anywhere: nothing to say
    kiosk.issue("RCFW")
    assert live.node.alerts.check_once() == []  # a short gap (a clerk's pause) is not alerted
    clock.advance(minutes=2, seconds=1)
    raised = live.node.alerts.check_once()
    alerts = [a for a in supervisor.alerts(open_only=True) if a["kind"] == "unserved"]
    assert len(raised) == 1 and [a["category"] for a in alerts] == ["RCFW"]
    assert "暂无在岗窗口办理" in alerts[0]["message"] and "1 人等候" in alerts[0]["message"]
    clock.advance(minutes=1)
    assert live.node.alerts.check_once() == []  # once per episode
    login(live, "1016", 16)
    assert live.node.alerts.check_once() == []  # served again: the episode ends
    clock.advance(minutes=3)  # the clerk's app went silent; people still wait
    live.node.alerts.check_once()
    clock.advance(minutes=3)
    assert len(live.node.alerts.check_once()) == 1  # a new episode
    with live.node.store.read() as conn:
        events = [p for p in conn.execute(select(HallEventRow.__table__.c.payload)
                                          .where(HallEventRow.__table__.c.kind == "alert")).scalars()]
    assert [e["type"] for e in events if e["category"] == "RCFW"] == ["unserved", "unserved"]
