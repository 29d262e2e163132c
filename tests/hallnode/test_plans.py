"""Tidal plans on a real hall node: applied at their start on the node's clock, restored at their end,
idempotent across restarts, a manual switch wins until the next boundary; plan edits are validated."""

from __future__ import annotations

from datetime import datetime

import pytest
from hallnode_util import LiveNode

from hallclient.hallnode import supervisor_api as api
from hallclient.hallnode.client import HallClient, HallNodeError

# the fake clock starts Monday 2026-11-23 09:30 Asia/Shanghai (01:30 UTC); the seed plan 上午社保医保高峰
# holds windows 17-19 on weekdays 09:00-11:00 with SB primary, YB secondary


def _win(c: HallClient, no: int) -> dict:
    return next(w for w in c.windows() if w["no"] == no)


def test_plan_applies_at_start_and_restores_at_end(live: LiveNode, supervisor: HallClient, clock) -> None:
    clock.now = datetime(2026, 11, 23, 0, 59)  # 08:59 local
    sched = live.app.state.plans
    assert sched.tick() == []
    base = _win(supervisor, 19)
    assert base["primary"] == ["BDC"]
    clock.advance(minutes=1)  # 09:00: the plan starts
    made = sched.tick()  # with 周一企业开办高峰 (windows 21, 22, 09:00-12:00 on Mondays)
    assert sorted(m["window_no"] for m in made) == [17, 18, 19, 21, 22]
    assert _win(supervisor, 19)["primary"] == ["SB"] and _win(supervisor, 19)["secondary"] == ["YB"]
    assert sched.tick() == []  # idempotent
    # the next call at window 19 now serves 社保
    kiosk = live.client(live.device_token("kiosk"))
    kiosk.issue("BDC")
    kiosk.issue("SB")
    called = live.client(live.token("1019", 19)).call_next(19)
    assert called is not None and called["category"] == "SB"
    clock.advance(hours=2)  # 11:00: the plan ends
    ends = sched.tick()
    assert sorted(m["window_no"] for m in ends) == [17, 18, 19]
    assert _win(supervisor, 19)["primary"] == base["primary"]
    assert sched.tick() == []
    audit = api.audit(supervisor, kind="tidal_switch")
    assert {a["detail"]["reason"].split("：")[0] for a in audit} == {"潮汐方案开始", "潮汐方案结束"}
    assert all(a["actor"] == "tidal-plan" for a in audit)


def test_restart_during_plan_does_not_reapply_and_ends_after_downtime(live: LiveNode, supervisor: HallClient,
                                                                       clock) -> None:
    clock.now = datetime(2026, 11, 23, 1, 0)  # 09:00
    assert len(live.app.state.plans.tick()) == 5
    live.stop()
    live.start()
    assert live.app.state.plans.tick() == []  # recomputed from the switch rows: nothing to do
    live.stop()
    clock.now = datetime(2026, 11, 23, 4, 0)  # 12:00: the node was down at 11:00 and at 12:00
    live.start()
    assert sorted(m["window_no"] for m in live.app.state.plans.tick()) == [17, 18, 19, 21, 22]


def test_manual_switch_during_plan_wins_until_plan_end(live: LiveNode, supervisor: HallClient, clock) -> None:
    clock.now = datetime(2026, 11, 23, 1, 0)
    sched = live.app.state.plans
    base = _win(supervisor, 19)
    sched.tick()
    supervisor.switch_window(19, ["GJJ"], [], reason="公积金临时加窗")
    clock.advance(minutes=30)
    assert sched.tick() == []
    assert _win(supervisor, 19)["primary"] == ["GJJ"]
    clock.advance(hours=2)
    sched.tick()
    assert _win(supervisor, 19)["primary"] == base["primary"]


def test_plan_crud_is_validated_and_audited(live: LiveNode, supervisor: HallClient, clock) -> None:
    plans = api.plans(supervisor)
    assert len(plans) == 5
    good = {"name": "午间医保", "days": ["mon"], "start": "11:30", "end": "13:00", "windows": [17],
            "primary": ["YB"], "secondary": []}
    created = api.create_plan(supervisor, good)
    assert created["name"] == "午间医保"
    with pytest.raises(HallNodeError) as err:
        api.create_plan(supervisor, {**good, "name": "冲突", "start": "10:00", "end": "12:00", "windows": [17, 99]})
    assert err.value.status == 422
    assert "unknown windows 99" in str(err.value) and "overlap" in str(err.value)
    with pytest.raises(HallNodeError) as err:
        api.put_plan(supervisor, created["id"], {**good, "start": "13:00", "end": "11:30"})
    assert "must be before end" in str(err.value)
    assert api.validate_plans(supervisor, [good, {**good, "name": "x"}])  # overlapping pair
    api.delete_plan(supervisor, created["id"])
    assert len(api.plans(supervisor)) == 5
    actions = [a["action"] for a in api.audit(supervisor, kind="plan_change")]
    assert actions == ["plan_change", "plan_change"]


def test_deleting_a_running_plan_restores_its_windows(live: LiveNode, supervisor: HallClient, clock) -> None:
    clock.now = datetime(2026, 11, 23, 1, 0)
    sched = live.app.state.plans
    base = _win(supervisor, 19)
    sched.tick()
    assert _win(supervisor, 19)["primary"] == ["SB"]
    plan = next(p for p in api.plans(supervisor) if 19 in p["windows"] and p["start"] == "09:00")
    api.delete_plan(supervisor, plan["id"])
    sched.tick()
    assert _win(supervisor, 19)["primary"] == base["primary"]


def test_clerk_cannot_edit_plans(live: LiveNode) -> None:
    clerk = live.client(live.token("1001", 1))
    assert api.plans(clerk)
    with pytest.raises(HallNodeError) as err:
        api.create_plan(clerk, {"name": "x", "days": ["mon"], "start": "12:00", "end": "13:00", "windows": [1],
                                "primary": ["SB"]})
    assert err.value.status == 403
