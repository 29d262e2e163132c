"""GET /api/v1/reports/monthly: the month's report from the hall node, managers only, clear 422s."""

from __future__ import annotations

import httpx
import pytest
from hallnode_util import LiveNode

from hallclient.hallnode.client import HallClient, HallNodeError


def test_supervisor_gets_the_month(live: LiveNode, kiosk: HallClient, supervisor: HallClient, clock) -> None:
    clerk = live.client(live.token("1001", 1))
    kiosk.issue("SSDJ")
    clock.advance(minutes=3)
    t = clerk.call_next(1)
    clerk.start(t["id"])
    clock.advance(minutes=6)
    clerk.finish(t["id"])
    rep = supervisor.monthly_report()  # default: this month, hall time
    assert rep["period"] == {"start": "2026-11-01", "end": "2026-11-30", "label": "2026 年 11 月", "days": 30}
    assert (rep["totals"]["issued"], rep["totals"]["wait_mean_min"], rep["totals"]["service_mean_min"]) == \
        (1, 3.0, 6.0)
    assert [w["no"] for w in rep["windows"]] == [1] and rep["red_flags"]["rule"].startswith("红旗窗口评选规则")
    assert supervisor.monthly_report("2026-10")["totals"]["issued"] == 0


@pytest.mark.parametrize("month", ["2026-13", "nov", "2027-01"])
def test_bad_or_future_month_is_422(supervisor: HallClient, month: str) -> None:
    with pytest.raises(HallNodeError) as err:
        supervisor.monthly_report(month)
    assert err.value.status == 422 and "query.month" in str(err.value)


def test_clerk_is_refused_and_no_token_is_401(live: LiveNode) -> None:
    with pytest.raises(HallNodeError) as err:
        live.client(live.token("1001", 1)).monthly_report()
    assert err.value.status == 403
    assert httpx.get(f"{live.url}/api/v1/reports/monthly").status_code == 401
