"""GET /api/v1/reports/daily: supervisors and admins only, today by default (hall time), clear 422s."""

from __future__ import annotations

from datetime import date

import httpx
import pytest
from hallnode_util import LiveNode

from hallclient.hallnode.client import HallClient, HallNodeError


def test_supervisor_gets_the_day_figures(live: LiveNode, kiosk: HallClient, supervisor: HallClient, admin: HallClient,
                                         clock) -> None:
    clerk = live.client(live.token("1001", 1))
    a = kiosk.issue("SSDJ")
    kiosk.issue("SSDJ", green_reason="elderly")
    clock.advance(minutes=3)
    called = clerk.call_next(1)
    assert called is not None and called["number"] != a["number"]  # the green ticket goes first
    clerk.start(called["id"])
    clock.advance(minutes=6)
    clerk.finish(called["id"])
    clerk.rate(called["id"], 5)
    rep = supervisor.daily_report()  # default: today in the hall's zone (FakeClock: 2026-11-23 09:30 local)
    assert rep["day"] == "2026-11-23"
    ssdj = next(c for c in rep["categories"] if c["code"] == "SSDJ")
    assert (ssdj["issued"], ssdj["served"], ssdj["waiting"], ssdj["calls"]) == (2, 1, 1, 1)
    assert (ssdj["wait_mean_min"], ssdj["service_mean_min"]) == (3.0, 6.0)
    assert rep["green"]["count"] == 1 and rep["green"]["called_within_limit"] == 1
    assert rep["ratings"]["satisfaction"] == 1.0
    assert rep["windows"] == [{"no": 1, "name": rep["windows"][0]["name"], "calls": 1, "served": 1, "no_show": 0,
                               "service_mean_min": 6.0, "rated": 1, "negative": 0, "satisfaction": 1.0}]
    assert rep["generated_at"].startswith("2026-11-23T01:39")  # the node's clock, with its offset
    assert admin.daily_report(date(2026, 11, 23))["totals"]["issued"] == 2
    assert supervisor.daily_report("2026-11-22")["totals"]["issued"] == 0


@pytest.mark.parametrize("who", ["clerk", "kiosk", "display"])
def test_other_roles_are_refused(live: LiveNode, kiosk: HallClient, display: HallClient, who: str) -> None:
    client = {"clerk": lambda: live.client(live.token("1001", 1)), "kiosk": lambda: kiosk,
              "display": lambda: display}[who]()
    with pytest.raises(HallNodeError) as err:
        client.daily_report()
    assert err.value.status == 403 and "supervisor" in str(err.value)


def test_no_token_is_401(live: LiveNode) -> None:
    assert httpx.get(f"{live.url}/api/v1/reports/daily").status_code == 401


@pytest.mark.parametrize("day, needle", [("2026-13-01", "query.day"), ("yesterday", "query.day"),
                                         ("2026-11-24", "query.day: 2026-11-24 is after today (2026-11-23")])
def test_bad_or_future_day_is_422_naming_the_field(supervisor: HallClient, day: str, needle: str) -> None:
    with pytest.raises(HallNodeError) as err:
        supervisor.daily_report(day)
    assert err.value.status == 422 and needle in str(err.value)
