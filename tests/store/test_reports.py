"""The daily report's figures on a scripted day whose every wait, service time, rating and green-channel flag
is known, so each number the 值班长 prints is checked against a hand count."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from hallclient.domain.green_channel import GreenFlag
from hallclient.domain.report_stats import percentile, satisfaction, sla_counts
from hallclient.domain.sla import SlaThresholds
from hallclient.store import Store, open_store
from hallclient.store.backup import backup_database
from hallclient.store.queue import HallQueue
from hallclient.store.reports import daily_report

T0 = datetime(2026, 11, 23, 1, 0)  # 09:00 in Asia/Shanghai
DAY = date(2026, 11, 23)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def at(self, minute: float) -> None:
        self.now = T0 + timedelta(minutes=minute)


@pytest.fixture
def small_store(tmp_path: Path, small_hall_template: Path) -> Iterator[Store]:
    store = open_store(backup_database(small_hall_template, tmp_path / "hall.sqlite"))
    yield store
    store.close()


def scripted_day(store: Store) -> tuple[HallQueue, Clock]:
    """SB (A, yellow 10 / red 20), YB (B, 10 / 25), SW (C, 15 / 30); minutes after 09:00 local. Ends at 09:55."""
    clock = Clock()
    q = HallQueue(store, clock)
    a001 = q.issue("SB").ticket
    clock.at(1)
    a002 = q.issue("SB").ticket
    b001 = q.issue("YB").ticket
    clock.at(2)
    a003 = q.issue("SB", green=GreenFlag.make("elderly")).ticket
    clock.at(4)
    assert q.call_next(1).id == a003.id  # green first: waited 2 min
    q.start(a003.id, 1)
    clock.at(12)
    q.finish(a003.id, 1)  # 8 min service
    q.rate(a003.id, 5)
    clock.at(13)
    assert q.call_next(1).id == a001.id  # waited 13 min: yellow
    clock.at(14)
    q.flag_green(a001.id, GreenFlag.make("pregnant"), window_no=1)  # flagged at the window: waited 0
    q.start(a001.id, 1)
    clock.at(20)
    q.finish(a001.id, 1)  # 6 min
    q.rate(a001.id, 2, "材料说明不清楚")
    clock.at(26)
    assert q.call_next(2).id == b001.id  # waited 25 min: red for YB (red at 25)
    q.start(b001.id, 2)
    clock.at(30)
    q.transfer(b001.id, to_category="SW", window_no=2)  # YB → SW
    clock.at(31)
    assert q.call_next(3).id == b001.id  # second call: does not count as a new wait
    q.start(b001.id, 3)
    clock.at(32)
    assert q.call_next(1).id == a002.id  # waited 31 min: red
    clock.at(33)
    q.no_show(a002.id, 1)
    clock.at(35)
    c001 = q.issue("SW").ticket
    clock.at(36)
    q.cancel(c001.id)
    clock.at(40)
    a004 = q.issue("SB", green=GreenFlag.make("disabled")).ticket
    clock.at(41)
    q.finish(b001.id, 3)  # 10 min service, in SW
    q.rate(b001.id, 4)
    clock.at(48)
    assert q.call_next(4).id == a004.id  # green waited 8 min: over the 5-minute limit
    q.start(a004.id, 4)
    clock.at(49)
    q.issue("SB", green=GreenFlag.make("serviceman"))  # never called
    clock.at(50)
    q.issue("YB")  # still waiting
    clock.at(51)
    q.finish(a004.id, 4)  # 3 min
    clock.at(55)
    return q, clock


def test_scripted_day_figures(small_store: Store) -> None:
    _, clock = scripted_day(small_store)
    rep = daily_report(small_store, DAY, clock())
    assert rep["day"] == "2026-11-23" and rep["hall"]["name"] == "测试大厅"
    cats = {c["code"]: c for c in rep["categories"]}
    sb, yb, sw = cats["SB"], cats["YB"], cats["SW"]
    assert [c["code"] for c in rep["categories"]] == ["SB", "YB", "SW"]
    assert {k: sb[k] for k in ("issued", "transferred_in", "transferred_out", "served", "no_show", "cancelled",
                               "waiting", "at_window", "calls")} == {
        "issued": 5, "transferred_in": 0, "transferred_out": 0, "served": 3, "no_show": 1, "cancelled": 0,
        "waiting": 1, "at_window": 0, "calls": 4}
    # first-call waits 2, 8, 13, 31 min; services 8, 6, 3 min
    assert (sb["wait_mean_min"], sb["wait_p90_min"], sb["wait_max_min"]) == (13.5, 31.0, 31.0)
    assert sb["service_mean_min"] == 5.7
    assert sb["sla"] == {"blue": 2, "yellow": 1, "red": 1}
    assert sb["sla_share"] == {"blue": 0.5, "yellow": 0.25, "red": 0.25}
    # B001's wait (25 min, red at 25) stays with YB, where it was called first; its service counts in SW
    assert (yb["issued"], yb["transferred_out"], yb["served"], yb["waiting"], yb["calls"]) == (2, 1, 0, 1, 1)
    assert (yb["wait_mean_min"], yb["sla"], yb["service_mean_min"]) == (25.0, {"blue": 0, "yellow": 0, "red": 1}, None)
    assert (sw["issued"], sw["transferred_in"], sw["served"], sw["cancelled"], sw["calls"]) == (1, 1, 1, 1, 0)
    assert (sw["wait_mean_min"], sw["service_mean_min"]) == (None, 10.0)
    assert sw["sla_share"] == {"blue": None, "yellow": None, "red": None}

    t = rep["totals"]
    assert {k: t[k] for k in ("issued", "served", "no_show", "cancelled", "waiting", "at_window", "transfers",
                              "calls")} == {"issued": 8, "served": 4, "no_show": 1, "cancelled": 1, "waiting": 2,
                                            "at_window": 0, "transfers": 1, "calls": 5}
    assert (t["wait_mean_min"], t["wait_p90_min"], t["wait_max_min"], t["service_mean_min"]) == (15.8, 31.0, 31.0, 6.8)
    assert t["sla"] == {"blue": 2, "yellow": 1, "red": 2}

    wins = {w["no"]: w for w in rep["windows"]}
    assert sorted(wins) == [1, 2, 3, 4]
    assert {k: wins[1][k] for k in ("calls", "served", "no_show", "service_mean_min", "rated", "negative",
                                    "satisfaction")} == {"calls": 3, "served": 2, "no_show": 1,
                                                         "service_mean_min": 7.0, "rated": 2, "negative": 1,
                                                         "satisfaction": 0.5}
    assert (wins[2]["calls"], wins[2]["served"], wins[2]["rated"], wins[2]["satisfaction"]) == (1, 0, 0, None)
    assert (wins[3]["served"], wins[3]["service_mean_min"], wins[3]["satisfaction"]) == (1, 10.0, 1.0)
    assert (wins[4]["served"], wins[4]["service_mean_min"], wins[4]["rated"]) == (1, 3.0, 0)

    g = rep["green"]
    assert g["alert_after_min"] == 5 and g["count"] == 4
    assert [(r["reason"], r["count"]) for r in g["by_reason"]] == [
        ("elderly", 1), ("disabled", 1), ("pregnant", 1), ("serviceman", 1)]
    assert (g["called_within_limit"], g["called_late"], g["not_called"], g["compliance"]) == (2, 1, 1, 0.5)
    assert (g["longest_wait_min"], g["longest_number"]) == (8.0, "A004")

    r = rep["ratings"]
    assert {x["level"]: x["count"] for x in r["levels"]} == {5: 1, 4: 1, 3: 0, 2: 1, 1: 0}
    assert (r["rated"], r["negative"], r["satisfaction"], r["rated_share"]) == (3, 1, 0.6667, 0.75)

    hours = {h["hour"]: h["count"] for h in rep["arrivals_by_hour"]}
    assert list(hours) == list(range(9, 17)) and hours[9] == 8 and sum(hours.values()) == 8


def test_green_limit_comes_from_the_setting(small_store: Store) -> None:
    _, clock = scripted_day(small_store)
    from sqlalchemy import update

    from hallclient.store.tables import SettingRow

    st = SettingRow.__table__
    with small_store.write() as conn:
        conn.execute(update(st).where(st.c.key == "green_channel").values(value={"alert_after_min": 10}))
    g = daily_report(small_store, DAY, clock())["green"]
    assert (g["alert_after_min"], g["called_within_limit"], g["called_late"]) == (10, 3, 0)


def test_empty_day(small_store: Store) -> None:
    rep = daily_report(small_store, date(2026, 11, 24), datetime(2026, 11, 24, 9, 0))
    t = rep["totals"]
    assert (t["issued"], t["served"], t["calls"], t["wait_mean_min"], t["wait_p90_min"]) == (0, 0, 0, None, None)
    assert t["sla_share"] == {"blue": None, "yellow": None, "red": None}
    assert [c["issued"] for c in rep["categories"]] == [0, 0, 0]
    assert rep["windows"] == []
    assert (rep["green"]["count"], rep["green"]["compliance"], rep["green"]["longest_number"]) == (0, None, None)
    assert (rep["ratings"]["rated"], rep["ratings"]["satisfaction"], rep["ratings"]["rated_share"]) == (0, None, None)
    assert rep["arrivals_by_hour"] == [{"hour": h, "count": 0} for h in range(9, 17)]


def test_local_day_boundary(small_store: Store) -> None:
    """16:10 UTC on the 22nd is 00:10 on the 23rd in Shanghai: that ticket is the 23rd's, at hour 0."""
    clock = Clock()
    q = HallQueue(small_store, clock)
    clock.now = datetime(2026, 11, 22, 15, 50)  # 23:50 local on the 22nd
    late = q.issue("SB").ticket
    clock.now = datetime(2026, 11, 22, 16, 10)  # 00:10 local on the 23rd
    early = q.issue("SB").ticket
    assert late.number == early.number == "A001"  # numbers restart with the local day
    day23 = daily_report(small_store, DAY, datetime(2026, 11, 23, 2, 0))
    day22 = daily_report(small_store, date(2026, 11, 22), datetime(2026, 11, 23, 2, 0))
    assert day23["totals"]["issued"] == day22["totals"]["issued"] == 1
    h23 = {h["hour"]: h["count"] for h in day23["arrivals_by_hour"]}
    h22 = {h["hour"]: h["count"] for h in day22["arrivals_by_hour"]}
    assert min(h23) == 0 and h23[0] == 1 and max(h23) == 16
    assert min(h22) == 9 and max(h22) == 23 and h22[23] == 1 and sum(h22.values()) == 1


def test_report_stats_helpers() -> None:
    assert percentile([], 90) is None
    assert percentile([5.0], 90) == 5.0
    assert percentile(list(range(1, 11)), 90) == 9 and percentile(list(range(1, 11)), 100) == 10
    with pytest.raises(ValueError, match=r"0\.\.100"):
        percentile([1.0], 120)
    th = SlaThresholds(10, 20)
    assert sla_counts([0, 599, 600, 1199, 1200], th) == {"blue": 2, "yellow": 2, "red": 1}
    assert satisfaction({5: 3, 4: 1, 3: 1, 1: 1}) == pytest.approx(4 / 6) and satisfaction({}) is None
