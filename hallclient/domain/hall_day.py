"""The hall day: open, extended hours (延时服务), closed. Tickets are issued only while the hall is open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum


class HallDayState(StrEnum):
    BEFORE_OPEN = "before_open"
    OPEN = "open"
    EXTENDED = "extended"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class HallDay:
    day: date
    opens_at: time = time(9, 0)
    closes_at: time = time(17, 0)
    extended_until: time | None = None
    holiday: bool = False

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
