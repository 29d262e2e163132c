"""The hall day over the LAN API: the status `day` object, 延时服务 (supervisor/admin only), 409 for a kiosk
after hours, staff still issuing by hand."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hallnode_util import LiveNode
from sqlalchemy import select

from hallclient.hallnode.client import HallClient, HallNodeError
from hallclient.store.journal import T_HALL_EVENT

MON_1710 = datetime(2026, 11, 23, 9, 10)  # naive UTC = 17:10 in Asia/Shanghai, Monday


def err(fn, *a, **kw) -> HallNodeError:
    with pytest.raises(HallNodeError) as e:
        fn(*a, **kw)
    return e.value


def office_hours(admin: HallClient) -> dict:
    return admin.request("PUT", "/hall/hours", json_body={"opens_at": "09:00", "closes_at": "17:00",
                                                          "weekdays": [1, 2, 3, 4, 5]})


def test_demo_hall_day_is_always_open(display: HallClient) -> None:
    day = display.hall_status()["day"]
    assert day == {"state": "open", "opens_at": "00:00", "closes_at": "24:00", "extended_until": None,
                   "accepts_tickets": True, "next_open": None}


def test_after_hours_kiosk_gets_409_staff_may_issue(live: LiveNode, clock, admin: HallClient, kiosk: HallClient,
                                                    supervisor: HallClient, display: HallClient) -> None:
    office_hours(admin)
    clock.now = MON_1710
    day = display.hall_status()["day"]
    assert day["state"] == "closed" and not day["accepts_tickets"]
    assert (day["opens_at"], day["closes_at"]) == ("09:00", "17:00")
    assert day["next_open"] == "2026-11-24T09:00:00+08:00"
    e = err(kiosk.issue, "SB")
    assert e.status == 409 and "2026-11-24 at 09:00" in str(e)
    assert supervisor.issue("SB")["number"] == "C001"  # reception by hand, marked after hours in its event
    clock.now = MON_1710 + timedelta(hours=16)  # Tuesday 09:10
    assert display.hall_status()["day"]["accepts_tickets"] and kiosk.issue("SB")["number"] == "C001"


def test_supervisor_extends_and_ends_extended_hours(live: LiveNode, clock, admin: HallClient, kiosk: HallClient,
                                                    supervisor: HallClient, display: HallClient) -> None:
    office_hours(admin)
    clock.now = MON_1710
    day = supervisor.extend_hours("18:30", "排队人数多")
    assert day["state"] == "extended" and day["extended_until"] == "18:30" and day["accepts_tickets"]
    assert display.hall_status()["day"]["extended_until"] == "18:30"
    assert kiosk.issue("SB")["number"] == "C001"
    with live.node.store.read() as conn:
        kinds = [r.kind for r in conn.execute(select(T_HALL_EVENT.c.kind).order_by(T_HALL_EVENT.c.seq))]
    assert kinds.count("hall_day_changed") == 2  # the admin's hours, then the extension
    day = admin.end_extension()
    assert day["state"] == "closed" and day["extended_until"] is None
    assert err(kiosk.issue, "SB").status == 409


def test_only_managers_extend_and_bad_times_are_422(live: LiveNode, clock, admin: HallClient, kiosk: HallClient,
                                                    supervisor: HallClient, display: HallClient) -> None:
    office_hours(admin)
    clock.now = MON_1710
    clerk = live.client(live.token("1001"))
    for c in (clerk, kiosk, display):
        assert err(c.extend_hours, "18:30").status == 403
        assert err(c.end_extension).status == 403
    assert err(supervisor.request, "PUT", "/hall/hours",
               json_body={"opens_at": "08:00", "closes_at": "17:00", "weekdays": [1]}).status == 403  # admin only
    e = err(supervisor.extend_hours, "16:30")
    assert e.status == 422 and "17:00" in str(e)
    assert err(supervisor.extend_hours, "24:00").status == 422
    assert err(supervisor.extend_hours, "7pm").status == 422
    assert display.hall_status()["day"]["extended_until"] is None


def test_no_extension_on_a_closed_day(live: LiveNode, clock, admin: HallClient) -> None:
    office_hours(admin)
    clock.now = MON_1710 + timedelta(days=6)  # Sunday
    supervisor = live.client(live.token("1031"))  # a login of that day
    e = err(supervisor.extend_hours, "18:30")
    assert e.status == 409 and "not an open day" in str(e)
