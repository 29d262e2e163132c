"""The hall day: open, extended hours (延时服务), closed. Tickets are issued only while the hall is open.

`build_hall_day` decides one local date from the hall's usual hours and weekdays, the holiday calendar
(public holidays closed, make-up working days 调休 open) and any extension; `next_opening` finds when the
hall opens next. All times are the hall's local wall-clock time (naive). "24:00" as a closing time means
"until midnight" (an always-open hall, e.g. the demo) and is held as `time.max`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

WORKWEEK = frozenset(range(1, 6))  # ISO weekdays: Monday=1 … Sunday=7
ALL_WEEK = frozenset(range(1, 8))
END_OF_DAY = time.max  # "24:00"
HOLIDAY, WORKDAY = "holiday", "workday"  # kinds in the holiday calendar


class HallDayState(StrEnum):
    BEFORE_OPEN = "before_open"
    OPEN = "open"
    EXTENDED = "extended"
    CLOSED = "closed"


def parse_hhmm(text: str) -> time:
    """"09:00" → time(9); "24:00" → END_OF_DAY. Raises ValueError with the text on anything else."""
    if text == "24:00":
        return END_OF_DAY
    try:
        hh, mm = text.split(":")
        if len(hh) != 2 or len(mm) != 2:
            raise ValueError
        return time(int(hh), int(mm))
    except (ValueError, AttributeError):
        raise ValueError(f"not a time of day (HH:MM): {text!r}") from None


def format_hhmm(t: time) -> str:
    return "24:00" if t == END_OF_DAY else t.strftime("%H:%M")


@dataclass(frozen=True, slots=True)
class HallDay:
    day: date
    opens_at: time = time(9, 0)
    closes_at: time = time(17, 0)
    extended_until: time | None = None
    holiday: bool = False  # closed all day: a public holiday or a usual day off

    def __post_init__(self) -> None:
        if self.opens_at >= self.closes_at:
            raise ValueError(f"hall opens at {self.opens_at} but closes at {self.closes_at}")
        if self.extended_until is not None and self.extended_until <= self.closes_at:
            raise ValueError(f"extended hours must end after closing time {self.closes_at}")

    def state(self, now: datetime) -> HallDayState:
        if self.holiday or now.date() != self.day:
            return HallDayState.CLOSED if self.holiday or now.date() > self.day else HallDayState.BEFORE_OPEN
        t = now.time()
        if t < self.opens_at:
            return HallDayState.BEFORE_OPEN
        if t < self.closes_at:
            return HallDayState.OPEN
        if self.extended_until is not None and t < self.extended_until:
            return HallDayState.EXTENDED
        return HallDayState.CLOSED

    def accepts_tickets(self, now: datetime) -> bool:
        return self.state(now) in (HallDayState.OPEN, HallDayState.EXTENDED)

    def extend(self, until: time) -> HallDay:
        """延时服务: keep the day open past closing time."""
        return HallDay(self.day, self.opens_at, self.closes_at, until, self.holiday)

    @property
    def hours_text(self) -> str:
        """"09:00–17:00" (the usual hours, without the extension)."""
        return f"{format_hhmm(self.opens_at)}–{format_hhmm(self.closes_at)}"


@dataclass(frozen=True, slots=True)
class HallHours:
    """A hall's usual week: the same hours on each of `weekdays` (ISO numbers)."""

    opens_at: time = time(9, 0)
    closes_at: time = time(17, 0)
    weekdays: frozenset[int] = WORKWEEK

    def __post_init__(self) -> None:
        if self.opens_at >= self.closes_at:
            raise ValueError(f"hall opens at {format_hhmm(self.opens_at)} but closes at {format_hhmm(self.closes_at)}")
        if not self.weekdays <= ALL_WEEK:
            raise ValueError(f"weekdays are 1 (Monday) to 7 (Sunday), got {sorted(self.weekdays)}")

    @classmethod
    def parse(cls, opens_at: str, closes_at: str, weekdays: Collection[int] = WORKWEEK) -> HallHours:
        return cls(parse_hhmm(opens_at), parse_hhmm(closes_at), frozenset(int(d) for d in weekdays))


@dataclass(frozen=True, slots=True)
class Extension:
    """延时服务 on one date, until a local time."""

    day: date
    until: time


def build_hall_day(day: date, hours: HallHours, calendar: Mapping[date, str] | None = None,
                   extension: Extension | None = None) -> HallDay:
    """The hall day of `day`: the calendar wins over the usual weekdays (a holiday closes a weekday, a
    make-up workday opens a weekend). An extension applies only on its own date, on an open day, and only
    if it still ends after closing time (the hours may have changed since it was set)."""
    kind = (calendar or {}).get(day)
    is_open = kind == WORKDAY or (kind != HOLIDAY and day.isoweekday() in hours.weekdays)
    until = extension.until if extension is not None and extension.day == day and is_open else None
    if until is not None and until <= hours.closes_at:
        until = None
    return HallDay(day, hours.opens_at, hours.closes_at, until, holiday=not is_open)


def next_opening(now: datetime, day_of: Callable[[date], HallDay], horizon_days: int = 60) -> datetime | None:
    """When tickets can next be taken after `now` (None while the hall is open, or if no open day follows
    within `horizon_days`, e.g. a calendar that closes everything)."""
    today = day_of(now.date())
    state = today.state(now)
    if state in (HallDayState.OPEN, HallDayState.EXTENDED):
        return None
    if state is HallDayState.BEFORE_OPEN:
        return datetime.combine(today.day, today.opens_at)
    for i in range(1, horizon_days + 1):
        d = day_of(now.date() + timedelta(days=i))
        if not d.holiday:
            return datetime.combine(d.day, d.opens_at)
    return None
