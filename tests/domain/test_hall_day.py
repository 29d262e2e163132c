"""The hall day built from the usual week, the holiday calendar (holiday / 调休 workday) and 延时服务."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallclient.domain.hall_day import (
    ALL_WEEK,
    END_OF_DAY,
    Extension,
    HallDay,
    HallDayState,
    HallHours,
    build_hall_day,
    format_hhmm,
    next_opening,
    parse_hhmm,
)

MON = date(2026, 11, 23)  # a Monday
TUE, SAT, SUN = MON + timedelta(days=1), MON + timedelta(days=5), MON + timedelta(days=6)
HOURS = HallHours(time(9), time(17))  # Monday–Friday by default
CALENDAR = {TUE: "holiday", SAT: "workday"}


def at(d: date, h: int, m: int = 0) -> datetime:
    return datetime.combine(d, time(h, m))


@pytest.mark.parametrize(("day", "is_open"), [
    (MON, True),  # usual weekday
    (TUE, False),  # weekday, but a public holiday
    (SAT, True),  # weekend, but a make-up working day (调休)
    (SUN, False),  # usual day off
])
def test_calendar_wins_over_the_usual_week(day: date, is_open: bool) -> None:
    d = build_hall_day(day, HOURS, CALENDAR)
    assert d.holiday is not is_open
    assert d.accepts_tickets(at(day, 10)) is is_open
    assert d.state(at(day, 8)) is (HallDayState.BEFORE_OPEN if is_open else HallDayState.CLOSED)


def test_usual_weekdays_are_configurable() -> None:
    weekend_hall = HallHours(time(9), time(12), frozenset({6, 7}))
    assert build_hall_day(SUN, weekend_hall).accepts_tickets(at(SUN, 11, 59))
    assert not build_hall_day(SUN, weekend_hall).accepts_tickets(at(SUN, 12))
    assert build_hall_day(MON, weekend_hall).holiday


def test_extension_only_on_its_own_open_day() -> None:
    ext = Extension(MON, time(18, 30))
    d = build_hall_day(MON, HOURS, CALENDAR, ext)
    assert d.extended_until == time(18, 30)
    assert d.state(at(MON, 17)) is HallDayState.EXTENDED and d.accepts_tickets(at(MON, 18, 29))
    assert d.state(at(MON, 18, 30)) is HallDayState.CLOSED
    assert build_hall_day(TUE + timedelta(days=1), HOURS, CALENDAR, ext).extended_until is None  # another day
    assert build_hall_day(TUE, HOURS, CALENDAR, Extension(TUE, time(19))).extended_until is None  # a holiday
    # the hours changed after the extension was set: an extension ending before closing is ignored
    assert build_hall_day(MON, HallHours(time(9), time(19)), extension=ext).extended_until is None


def test_all_day_hall_and_24_00() -> None:
    assert parse_hhmm("24:00") is END_OF_DAY and format_hhmm(END_OF_DAY) == "24:00"
    always = HallHours.parse("00:00", "24:00", ALL_WEEK)
    for d in (MON, SUN):
        day = build_hall_day(d, always)
        assert day.accepts_tickets(at(d, 0)) and day.accepts_tickets(datetime.combine(d, time(23, 59, 59)))
    assert build_hall_day(SUN, always).hours_text == "00:00–24:00"
    assert next_opening(at(SUN, 3), lambda d: build_hall_day(d, always)) is None


@pytest.mark.parametrize("bad", ["9:00", "25:00", "12:60", "noon", "", "24:01"])
def test_bad_times_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="HH:MM"):
        parse_hhmm(bad)


def test_bad_hours_are_refused() -> None:
    with pytest.raises(ValueError, match="closes"):
        HallHours(time(17), time(9))
    with pytest.raises(ValueError, match="weekdays"):
        HallHours.parse("09:00", "17:00", [0, 1])


def test_next_opening() -> None:
    def day_of(d: date) -> HallDay:
        return build_hall_day(d, HOURS, CALENDAR)

    assert next_opening(at(MON, 8), day_of) == at(MON, 9)  # later today
    assert next_opening(at(MON, 10), day_of) is None  # open now
    assert next_opening(at(MON, 17), day_of) == at(TUE + timedelta(days=1), 9)  # skips the Tuesday holiday
    assert next_opening(at(SAT - timedelta(days=1), 18), day_of) == at(SAT, 9)  # the make-up Saturday
    assert next_opening(at(SAT, 18), day_of) == at(SUN + timedelta(days=1), 9)  # Sunday off → Monday
    assert next_opening(at(MON, 18), lambda d: build_hall_day(d, HallHours(weekdays=frozenset()))) is None


@given(day=st.dates(date(2024, 1, 1), date(2030, 12, 31)),
       weekdays=st.frozensets(st.integers(1, 7)),
       kind=st.sampled_from([None, "holiday", "workday"]),
       minute=st.integers(0, 24 * 60 - 1))
def test_open_iff_calendar_or_weekday_and_within_hours(day: date, weekdays: frozenset[int], kind: str | None,
                                                       minute: int) -> None:
    hours = HallHours(time(9), time(17), weekdays)

    def day_of(x: date) -> HallDay:
        return build_hall_day(x, hours, {day: kind} if kind else {}, Extension(day, time(18)))

    d = day_of(day)
    now = datetime.combine(day, time(minute // 60, minute % 60))
    open_day = kind == "workday" or (kind is None and day.isoweekday() in weekdays)
    assert d.accepts_tickets(now) == (open_day and time(9) <= now.time() < time(18))
    nxt = next_opening(now, day_of)
    if d.accepts_tickets(now):
        assert nxt is None
    elif weekdays or (open_day and now.time() < time(9)):
        assert nxt is not None and nxt > now and day_of(nxt.date()).accepts_tickets(nxt)  # really opens then
