"""Hall admin routes: audit filter, open/close windows, assign clerks, reset passwords, SLA and green settings."""

from __future__ import annotations

import pytest
from hallnode_util import LiveNode

from hallclient.hallnode import supervisor_api as api
from hallclient.hallnode.client import HallClient, HallNodeError


def test_close_and_open_window_audited(live: LiveNode, supervisor: HallClient) -> None:
    api.close_window(supervisor, 3, "设备故障")
    w = next(w for w in supervisor.windows() if w["no"] == 3)
    assert w["state"] == "closed"
    with pytest.raises(HallNodeError):
        live.client(live.token("1003", 3)).call_next(3)
    api.open_window(supervisor, 3)
    acts = [(a["action"], a["detail"]["window"]) for a in api.audit(supervisor, kind="window_open,window_close")]
    assert acts == [("window_open", 3), ("window_close", 3)]


def test_assign_clerk(live: LiveNode, supervisor: HallClient) -> None:
    out = api.assign_clerk(supervisor, 5, "1006")
    assert out["clerk"] == "杨帆"
    assert next(w for w in supervisor.windows() if w["no"] == 5)["clerk"] == "杨帆"
    assert next(s for s in api.staff(supervisor) if s["staff_no"] == "1006")["default_window"] == 5
    with pytest.raises(HallNodeError) as err:
        api.assign_clerk(supervisor, 5, "nope")
    assert err.value.status == 404


def test_reset_password_revokes_sessions(live: LiveNode, supervisor: HallClient) -> None:
    c = live.client()
    c.login("1002", _demo_password(), 2)
    assert c.me()["staff_no"] == "1002"  # the node now caches this token
    api.reset_password(supervisor, "1002", "new-secret-42")
    with pytest.raises(HallNodeError) as err:  # at once, not after the cache's few seconds
        c.me()
    assert err.value.status == 401
    fresh = live.client()
    fresh.login("1002", "new-secret-42", 2)
    with pytest.raises(HallNodeError):
        live.client().login("1002", _demo_password(), 2)
    audit = api.audit(supervisor, kind="password_reset")
    assert audit[0]["detail"] == {"staff_no": "1002"}
    assert "new-secret-42" not in str(api.audit(supervisor))


def _demo_password() -> str:
    from hallclient.store.seed import DEMO_PASSWORD

    return DEMO_PASSWORD


def test_sla_and_green_settings(live: LiveNode, supervisor: HallClient) -> None:
    api.set_sla(supervisor, "SB", 10, 20)
    sb = next(c for c in supervisor.categories() if c["code"] == "SB")
    assert (sb["yellow_after_min"], sb["red_after_min"]) == (10, 20)
    with pytest.raises(HallNodeError) as err:
        api.set_sla(supervisor, "SB", 30, 20)
    assert err.value.status == 422 and "below red" in str(err.value)
    api.set_green_setting(supervisor, 3)
    assert api.green_setting(supervisor) == {"alert_after_min": 3}
    assert {a["action"] for a in api.audit(supervisor)} >= {"sla_change", "config_change"}


def test_clerk_is_refused(live: LiveNode) -> None:
    clerk = live.client(live.token("1001", 1))
    for call in (lambda: api.audit(clerk), lambda: api.staff(clerk), lambda: api.close_window(clerk, 1)):
        with pytest.raises(HallNodeError) as err:
            call()
        assert err.value.status == 403


def test_day_stats(live: LiveNode, supervisor: HallClient, kiosk: HallClient, clock) -> None:
    kiosk.issue("SB")
    kiosk.issue("SB")
    clerk = live.client(live.token("1009", 9))
    t = clerk.call_next(9)
    clerk.start(t["id"])
    clock.advance(minutes=6)
    clerk.finish(t["id"])
    stats = api.day_stats(supervisor)
    assert stats["served_per_hour"] == {"9": 1}
    assert stats["waiting"]["SB"][-1] == 1
    assert stats["service"]["SB"]["mean_service_s"] == pytest.approx(360)
    assert stats["service"]["SB"]["arrivals_per_min"] == pytest.approx(2 / 60)
