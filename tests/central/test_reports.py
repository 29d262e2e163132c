"""Reports over the central store on two scripted halls and months (`scripted.py`): every figure against a hand
count, the hall node's own monthly report against the central one, ratings by source and follow-up state, and
the 红旗窗口 ranking with its rule."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, update

from hallclient.central import refresh, reports
from hallclient.central.hall_report import monthly_report
from hallclient.central.reports import Period
from hallclient.central.tables import rating
from hallclient.store import Store
from hallclient.store.reports import daily_report
from hallclient.sync.run import run_sync

from .scripted import NOV, OCT

NOW = datetime(2026, 12, 2, 2, 0)
OCTOBER, NOVEMBER = Period.month(OCT), Period.month(NOV)


def _sync(engine: Engine, *stores: Store) -> None:
    for s in stores:
        report = run_sync(s, engine=engine, backup=False)
        assert report.ok, report.format()


def _pick(row: dict[str, Any], *keys: str) -> tuple[Any, ...]:
    return tuple(row[k] for k in keys)


KEYS = ("issued", "served", "no_show", "unfinished", "called", "wait_mean_min", "wait_p90_min", "wait_max_min",
        "service_mean_min")


def test_city_month_side_by_side(central: Engine, scripted: tuple[Store, Store]) -> None:
    _sync(central, *scripted)
    nov = reports.city_report(central, NOVEMBER, now=NOW)
    h1, h2 = nov["halls"]
    assert (h1["code"], h2["code"]) == ("H1", "H2")
    assert _pick(h1, *KEYS) == (3, 1, 1, 1, 2, 10.5, 15.0, 15.0, 10.0)
    assert h1["sla"] == {"blue": 1, "yellow": 1, "red": 0} and h1["transfers"] == 1 and h1["calls"] == 3
    assert _pick(h2, *KEYS) == (2, 2, 0, 0, 2, 23.0, 26.0, 26.0, 6.0)
    assert h2["sla"] == {"blue": 0, "yellow": 1, "red": 1}
    t = nov["totals"]  # waits 6, 15, 20, 26: mean 16.75 → 16.8 (half up); P90 = 4th of 4
    assert _pick(t, *KEYS) == (5, 3, 1, 1, 4, 16.8, 26.0, 26.0, 7.3)
    assert t["sla"] == {"blue": 1, "yellow": 2, "red": 1} and t["sla_share"]["red"] == 0.25
    assert (t["rated"], t["negative"], t["satisfaction"], t["levels"]["3"]) == (3, 0, 0.6667, 1)
    assert [m["label"] for m in nov["trend"]][-2:] == ["2026-10", "2026-11"] and len(nov["trend"]) == 12
    assert _pick(nov["trend"][-2], "issued", "served", "wait_mean_min", "negative") == (4, 4, 12.0, 2)
    assert all(h["sync"]["checks_passed"] and h["sync"]["pending_days"] == 0 for h in nov["halls"])

    octo = reports.city_report(central, OCTOBER, now=NOW)
    h1, h2 = octo["halls"]
    assert _pick(h1, *KEYS) == (3, 3, 0, 0, 3, 14.7, 30.0, 30.0, 7.0)
    assert h1["sla"] == {"blue": 1, "yellow": 1, "red": 1}
    assert h1["green"] == {"count": 1, "called": 1, "within_limit": 1, "late": 0, "not_called": 0, "compliance": 1.0,
                           "longest_min": 2.0}
    assert (h1["rated"], h1["negative"], h1["satisfaction"]) == (3, 1, 0.6667)
    assert _pick(h2, *KEYS) == (1, 1, 0, 0, 1, 4.0, 4.0, 4.0, 3.0)
    t = octo["totals"]  # waits 2, 12, 30, 4: mean 12, P90 = 4th of 4 = 30
    assert _pick(t, "issued", "wait_mean_min", "wait_p90_min", "service_mean_min") == (4, 12.0, 30.0, 6.0)
    assert (t["sla"], t["satisfaction"], t["negative"]) == ({"blue": 2, "yellow": 1, "red": 1}, 0.5, 2)
    # a range that is not whole months: the buckets come from the per-ticket facts instead
    both = reports.city_report(central, Period(date(2026, 10, 10), date(2026, 11, 25)), now=NOW)
    assert _pick(both["totals"], "issued", "wait_p90_min", "wait_mean_min") == (9, 30.0, 14.4)
    assert both["totals"]["sla"] == {"blue": 3, "yellow": 3, "red": 2}
    only = reports.city_report(central, NOVEMBER, ["H2"], now=NOW)
    assert [h["code"] for h in only["halls"]] == ["H2"] and only["totals"]["wait_p90_min"] == 26.0
    with pytest.raises(ValueError, match="no hall with code 'H9'"):
        reports.city_report(central, NOVEMBER, ["H9"], now=NOW)


def test_hall_per_category_item_window_clerk(central: Engine, scripted: tuple[Store, Store]) -> None:
    _sync(central, *scripted)
    r = reports.central_hall_report(central, "H1", Period(date(2026, 10, 1), date(2026, 11, 30)), now=NOW)
    sb, yb = r["categories"]
    assert (sb["code"], yb["code"]) == ("SB", "YB")
    # SB: waits 2, 12 (Oct), 6, 15 (Nov); served A002, A001 in Oct; A002 no-show; A001 moved to YB in Nov
    assert _pick(sb, *KEYS) == (4, 2, 1, 0, 4, 8.8, 15.0, 15.0, 7.5)
    assert (sb["sla"], sb["transferred_out"], sb["transferred_in"]) == ({"blue": 2, "yellow": 2, "red": 0}, 1, 0)
    # YB: B001 waited 30 (red: 25) in Oct; A001 served in YB after its transfer; B001 of Nov still waiting
    assert _pick(yb, *KEYS) == (2, 2, 0, 1, 1, 30.0, 30.0, 30.0, 8.0)
    assert (yb["sla"], yb["transferred_in"], yb["rated"], yb["negative"]) == ({"blue": 0, "yellow": 0, "red": 1},
                                                                             1, 2, 1)
    w1, w2 = r["windows"]
    assert (w1["no"], w1["calls"], w1["served"], w1["no_show"], w1["wait_mean_min"], w1["satisfaction"]) == \
        (1, 4, 2, 1, 8.8, 1.0)
    assert (w2["no"], w2["calls"], w2["served"], w2["wait_p90_min"], w2["negative"], w2["satisfaction"]) == \
        (2, 2, 2, 30.0, 1, 0.5)
    [clerk] = r["clerks"]
    assert (clerk["staff_no"], clerk["name"], clerk["calls"], clerk["served"], clerk["no_show"]) == \
        ("1001", "张三", 6, 4, 1)
    [item] = r["items"]
    assert (item["code"], item["issued"], item["wait_mean_min"], item["served"], item["levels"]["4"]) == \
        ("SB-1", 1, 12.0, 1, 1)
    assert r["arrivals_by_hour"] == [{"hour": 9, "count": 6}]
    assert (r["totals"]["issued"], r["totals"]["green"]["compliance"], r["totals"]["transfers"]) == (6, 1.0, 1)


def _comparable(report: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in report.items() if k not in ("generated_at", "notes")}


def test_hall_node_report_equals_the_central_one(central: Engine, scripted: tuple[Store, Store]) -> None:
    _sync(central, *scripted)
    for period in (NOVEMBER, Period(date(2026, 10, 1), date(2026, 11, 30))):
        on_hall = monthly_report(scripted[0], period, NOW)
        on_central = reports.central_hall_report(central, "H1", period, now=NOW)
        assert _comparable(on_hall) == _comparable(on_central)


def test_one_day_matches_the_daily_report(scripted: tuple[Store, Store]) -> None:
    store = scripted[0]
    for day in (OCT, NOV):
        daily = daily_report(store, day, NOW)
        month = monthly_report(store, Period(day, day), NOW)
        d, m = daily["totals"], month["totals"]
        assert (d["issued"], d["served"], d["no_show"], d["waiting"] + d["at_window"], d["calls"]) == \
            (m["issued"], m["served"], m["no_show"], m["unfinished"], m["called"])
        for key in ("wait_mean_min", "wait_p90_min", "wait_max_min", "service_mean_min", "sla"):
            assert d[key] == m[key], key
        assert (daily["ratings"]["satisfaction"], daily["ratings"]["negative"]) == \
            (m["satisfaction"], m["negative"])
        assert daily["green"]["compliance"] == m["green"]["compliance"]


def test_ratings_by_source_and_followup(central: Engine, scripted: tuple[Store, Store]) -> None:
    _sync(central, *scripted)
    before = reports.city_report(central, OCTOBER, now=NOW)["ratings"]
    assert before["by_source"] == [{"source": "", "label": "未区分", "rated": 4, "negative": 2, "satisfaction": 0.5}]
    assert before["negative_followup"] == [{"state": "", "label": "未区分", "count": 2}]
    # what a hall that tells the source and the follow-up (issue 15) sends up
    with central.begin() as conn:
        conn.execute(update(rating).where(rating.c.level == 5).values(source="evaluator"))
        conn.execute(update(rating).where(rating.c.level == 4).values(source="phone"))
        conn.execute(update(rating).where(rating.c.level == 1).values(source="paper", followup_state="closed"))
        for s in scripted:
            refresh.mark(conn, s.hall_id, [OCT])
    after = reports.city_report(central, OCTOBER, now=NOW)["ratings"]
    assert [(s["label"], s["rated"], s["negative"]) for s in after["by_source"]] == \
        [("窗口评价器", 1, 0), ("扫码评价", 1, 0), ("纸质代录", 1, 1), ("未区分", 1, 1)]
    assert {(f["state"], f["count"]) for f in after["negative_followup"]} == {("closed", 1), ("", 1)}


def test_red_flag_ranking(central: Engine, scripted: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch) -> None:
    _sync(central, *scripted)
    assert reports.city_report(central, OCTOBER, now=NOW)["red_flags"]["windows"] == []  # too few to rank
    monkeypatch.setattr(reports, "MIN_SERVED", 1)
    monkeypatch.setattr(reports, "MIN_RATED", 1)
    flags = reports.city_report(central, OCTOBER, now=NOW)["red_flags"]
    assert "满意率" in flags["rule"] and "差评率" in flags["rule"]
    got = [(w["rank"], w["hall"], w["name"], w["satisfaction"], w["served"]) for w in flags["windows"]]
    assert got == [(1, "测试大厅H1", "1号窗口", 1.0, 2), (2, "测试大厅H1", "2号窗口", 0.0, 1),
                   (3, "测试大厅H2", "1号窗口", 0.0, 1)]
    assert flags["windows_eligible"] == 3 and [c["name"] for c in flags["clerks"]] == ["1001 张三", "1001 张三"]
