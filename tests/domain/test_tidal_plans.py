"""Tidal plan validation and which plan holds a window at a given local time."""

from __future__ import annotations

from datetime import datetime

import pytest

from hallclient.domain.tidal_plans import PlanError, TidalPlan, active_at, next_boundary, require_valid, validate_plans

WINDOWS = set(range(1, 32))
CATS = {"SB", "YB", "SW", "BDC"}


def plan(name: str = "上午社保", days: tuple[str, ...] = ("mon", "tue"), start: str = "09:00", end: str = "11:00",
         windows: tuple[int, ...] = (17, 18), primary: tuple[str, ...] = ("SB",), **kw: object) -> TidalPlan:
    return TidalPlan(id=name, name=name, days=days, start=start, end=end, windows=windows, primary=primary, **kw)


def test_good_plans_pass() -> None:
    plans = [plan(), plan("下午不动产", start="14:00", end="16:30", primary=("BDC",), secondary=("SW",))]
    assert validate_plans(plans, WINDOWS, CATS) == []


def test_overlap_on_same_window_and_day_is_refused() -> None:
    a, b = plan("A"), plan("B", days=("tue", "wed"), start="10:30", end="12:00", windows=(18, 19))
    problems = validate_plans([a, b], WINDOWS, CATS)
    assert len(problems) == 1
    assert "A and B overlap" in problems[0] and "window 18" in problems[0] and "tue" in problems[0]


def test_touching_plans_do_not_overlap() -> None:
    assert validate_plans([plan("A"), plan("B", start="11:00", end="12:00")], WINDOWS, CATS) == []


def test_inactive_plans_do_not_overlap() -> None:
    assert validate_plans([plan("A"), plan("B", active=False)], WINDOWS, CATS) == []


@pytest.mark.parametrize(
    ("kw", "needle"),
    [
        ({"start": "11:00", "end": "09:00"}, "must be before end"),
        ({"start": "9:00"}, "HH:MM"),
        ({"end": "24:00"}, "out of range"),
        ({"windows": (17, 99)}, "unknown windows 99"),
        ({"primary": ("XX",)}, "unknown categories XX"),
        ({"primary": ()}, "at least one primary"),
        ({"days": ("mon", "funday")}, "unknown weekdays funday"),
        ({"days": ()}, "no weekdays"),
        ({"primary": ("SB",), "secondary": ("SB",)}, "both primary and secondary"),
    ],
)
def test_each_mistake_is_named(kw: dict, needle: str) -> None:
    problems = validate_plans([plan(**kw)], WINDOWS, CATS)
    assert any(needle in p for p in problems), problems


def test_require_valid_lists_every_problem() -> None:
    with pytest.raises(PlanError) as err:
        require_valid([plan(windows=(99,), primary=("XX",))], WINDOWS, CATS)
    assert len(err.value.problems) == 2


def test_active_at_and_next_boundary() -> None:
    p = plan()
    monday_0930 = datetime(2026, 11, 23, 9, 30)
    assert active_at([p], monday_0930) == {17: p, 18: p}
    assert active_at([p], datetime(2026, 11, 23, 11, 0)) == {}
    assert active_at([p], datetime(2026, 11, 25, 9, 30)) == {}  # Wednesday
    assert next_boundary([p], monday_0930) == datetime(2026, 11, 23, 11, 0)
    assert next_boundary([p], datetime(2026, 11, 24, 12, 0)) == datetime(2026, 11, 30, 9, 0)
