"""The hall day in the database: usual hours, holiday calendar, 延时服务 (extended hours).

Where it comes from:
- hours: the `hall` row's `opens_at`/`closes_at`, overridden by the "hall_hours" setting
  {"weekdays": [1..7], "opens_at": "HH:MM", "closes_at": "HH:MM" | "24:00"}; weekdays default Monday–Friday;
- the `holiday` table (synced nightly from the central store): "holiday" closes a day, "workday" opens one;
- the "extended_hours" setting {"day": "YYYY-MM-DD", "until": "HH:MM", "reason": …}, set by a supervisor.

`HallDayCache` keeps one local date's HallDay for the queue's hot path; changes made here are seen at once
(in-process generation counter), changes from elsewhere (the nightly pull writing holidays, another
process) within `ttl_s`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from time import monotonic
from typing import Any

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from hallclient.domain.hall_day import (
    ALL_WEEK,
    WORKWEEK,
    Extension,
    HallDay,
    HallDayState,
    HallHours,
    build_hall_day,
    format_hhmm,
    next_opening,
    parse_hhmm,
)
from hallclient.store import journal
from hallclient.store.errors import ConflictError, HallClosedError
from hallclient.store.store import Store
from hallclient.store.sync_tables import HolidayRow
from hallclient.store.tables import HallRow, SettingRow

S = SettingRow.__table__
HOL = HolidayRow.__table__
HALL = HallRow.__table__
HOURS_KEY, EXTENSION_KEY = "hall_hours", "extended_hours"
EVENT_KIND = "hall_day_changed"
LATEST_EXTENSION = time(23, 59)

_generation = 0  # bumped by every write here, so caches in this process drop their day at once


def _bump() -> None:
    global _generation
    _generation += 1


@dataclass(frozen=True)
class HallCalendar:
    """Everything that decides the hall days, read in one go."""

    hours: HallHours
    holidays: dict[date, str]
    extension: Extension | None

    def day(self, d: date) -> HallDay:
        return build_hall_day(d, self.hours, self.holidays, self.extension)


def _setting(conn: Connection, key: str) -> dict[str, Any] | None:
    value = conn.execute(select(S.c.value).where(S.c.key == key)).scalar()
    return value if isinstance(value, dict) else None


def load_calendar(conn: Connection) -> HallCalendar:
    hall = conn.execute(select(HALL.c.opens_at, HALL.c.closes_at)).one()
    h = _setting(conn, HOURS_KEY) or {}
    hours = HallHours.parse(h.get("opens_at", hall.opens_at), h.get("closes_at", hall.closes_at),
                            h.get("weekdays", sorted(WORKWEEK)))
    holidays = {r.day: r.kind for r in conn.execute(select(HOL.c.day, HOL.c.kind))}
    ext = _setting(conn, EXTENSION_KEY)
    extension = None
    if ext and ext.get("day") and ext.get("until"):
        extension = Extension(date.fromisoformat(ext["day"]), parse_hhmm(ext["until"]))
    return HallCalendar(hours, holidays, extension)


def local_now(store: Store, now_utc: datetime) -> datetime:
    """Naive UTC → the hall's naive local wall-clock time."""
    return now_utc.replace(tzinfo=UTC).astimezone(store.tz).replace(tzinfo=None)


def hall_day(store: Store, local_date: date) -> HallDay:
    with store.read() as conn:
        return load_calendar(conn).day(local_date)


def day_status(store: Store, now_utc: datetime, calendar: HallCalendar | None = None) -> dict[str, Any]:
    """The `day` object of the hall status: state, hours, extension, whether tickets are taken, next opening
    (aware local datetime, None while open)."""
    if calendar is None:
        with store.read() as conn:
            calendar = load_calendar(conn)
    local = local_now(store, now_utc)
    today = calendar.day(local.date())
    nxt = next_opening(local, calendar.day)
    return {
        "state": today.state(local).value,
        "opens_at": None if today.holiday else format_hhmm(today.opens_at),
        "closes_at": None if today.holiday else format_hhmm(today.closes_at),
        "extended_until": format_hhmm(today.extended_until) if today.extended_until else None,
        "accepts_tickets": today.accepts_tickets(local),
        "next_open": nxt.replace(tzinfo=store.tz) if nxt is not None else None,
    }


def closed_error(store: Store, local: datetime) -> HallClosedError:
    """The refusal a kiosk gets outside the hall day: says the hours and when the hall opens next."""
    with store.read() as conn:
        calendar = load_calendar(conn)
    today = calendar.day(local.date())
    nxt = next_opening(local, calendar.day)
    hours = f"{format_hhmm(calendar.hours.opens_at)}–{format_hhmm(calendar.hours.closes_at)}"
    if today.state(local) is HallDayState.BEFORE_OPEN:
        msg = f"the hall is not open yet: tickets from {format_hhmm(today.opens_at)} today (hours {hours})"
    elif nxt is not None:
        msg = f"the hall is closed for tickets (hours {hours}); it opens next on {nxt:%Y-%m-%d} at {nxt:%H:%M}"
    else:
        msg = f"the hall is closed for tickets (hours {hours}); no opening day is in the calendar yet"
    return HallClosedError(msg, hours=hours, next_open=nxt)


class HallDayCache:
    """One local date's HallDay, re-read when the date changes, after a write here, or after `ttl_s`."""

    def __init__(self, store: Store, ttl_s: float = 5.0) -> None:
        self.store, self.ttl_s = store, ttl_s
        self._entry: tuple[date, int, float, HallDay] | None = None
        self.loads = 0

    def get(self, local_date: date) -> HallDay:
        e, gen, now = self._entry, _generation, monotonic()
        if e is not None and e[0] == local_date and e[1] == gen and now < e[2]:
            return e[3]
        day = hall_day(self.store, local_date)
        self.loads += 1
        self._entry = (local_date, gen, now + self.ttl_s, day)
        return day

    def closed_at(self, now_utc: datetime) -> datetime | None:
        """None while the hall takes tickets; else the local time (for `closed_error`)."""
        local = local_now(self.store, now_utc)
        return None if self.get(local.date()).accepts_tickets(local) else local

    def closed_error(self, local: datetime) -> HallClosedError:
        return closed_error(self.store, local)


# -- writes ------------------------------------------------------------------------------------------


def _put_setting(conn: Connection, key: str, value: dict[str, Any], now: datetime) -> None:
    stmt = sqlite_insert(S).values(key=key, value=value, updated_at=now)
    conn.execute(stmt.on_conflict_do_update(index_elements=[S.c.key], set_={"value": value, "updated_at": now}))


def _changed(store: Store, conn: Connection, now: datetime, *, staff_id: uuid.UUID | None, actor: str,
             action: str, detail: dict[str, Any]) -> dict[str, Any]:
    """Audit + "hall_day_changed" event with the new day status, inside the caller's transaction."""
    journal.audit(conn, hall_id=store.hall_id, at=now, actor_id=staff_id, actor=actor, action=action, detail=detail)
    status = day_status(store, now, load_calendar(conn))
    payload = {**status, "next_open": status["next_open"].isoformat() if status["next_open"] else None}
    journal.hall_event(conn, EVENT_KIND, payload, now)
    return status


def extend_today(store: Store, until: str, staff_id: uuid.UUID | None, actor: str, now: datetime,
                 reason: str = "") -> dict[str, Any]:
    """延时服务: keep today open until `until` ("HH:MM", local). Returns the new day status.

    ValueError for an `until` not after closing time, already past, or later than 23:59 (the hall day ends
    at midnight); ConflictError when today is not an open day."""
    end = parse_hhmm(until)
    if end > LATEST_EXTENSION:
        raise ValueError(f"extended hours can last until 23:59 at the latest, not {until}")
    local = local_now(store, now)
    try:
        with store.write() as conn:
            calendar = load_calendar(conn)
            today = build_hall_day(local.date(), calendar.hours, calendar.holidays)
            if today.holiday:
                raise ConflictError(f"{local.date()} is not an open day of the hall; there are no hours to extend")
            if end <= today.closes_at:
                raise ValueError(f"extended hours must end after closing time {format_hhmm(today.closes_at)}, "
                                 f"not at {until}")
            if end <= local.time():
                raise ValueError(f"{until} has already passed (it is {local:%H:%M})")
            before = _setting(conn, EXTENSION_KEY)
            value = {"day": local.date().isoformat(), "until": format_hhmm(end), "reason": reason, "by": actor}
            _put_setting(conn, EXTENSION_KEY, value, now)
            return _changed(store, conn, now, staff_id=staff_id, actor=actor, action="extend_hours",
                            detail={"day": value["day"], "until": value["until"], "reason": reason,
                                    "before": before})
    finally:
        _bump()


def end_extension(store: Store, staff_id: uuid.UUID | None, actor: str, now: datetime) -> dict[str, Any]:
    """End today's 延时服务 now (the hall closes if it is past closing time). Nothing to end: no change."""
    local = local_now(store, now)
    try:
        with store.write() as conn:
            before = _setting(conn, EXTENSION_KEY)
            if not before or before.get("day") != local.date().isoformat():
                return day_status(store, now, load_calendar(conn))
            conn.execute(delete(S).where(S.c.key == EXTENSION_KEY))
            return _changed(store, conn, now, staff_id=staff_id, actor=actor, action="end_extended_hours",
                            detail={"day": before["day"], "until": before.get("until")})
    finally:
        _bump()


def set_hall_hours(store: Store, opens_at: str, closes_at: str, weekdays: list[int], staff_id: uuid.UUID | None,
                   actor: str, now: datetime) -> dict[str, Any]:
    """The hall's usual week (admin). Validated by `HallHours`; returns the new day status."""
    hours = HallHours.parse(opens_at, closes_at, weekdays)
    value = {"weekdays": sorted(hours.weekdays), "opens_at": format_hhmm(hours.opens_at),
             "closes_at": format_hhmm(hours.closes_at)}
    try:
        with store.write() as conn:
            before = _setting(conn, HOURS_KEY)
            _put_setting(conn, HOURS_KEY, value, now)
            return _changed(store, conn, now, staff_id=staff_id, actor=actor, action="set_hall_hours",
                            detail={"before": before, "after": value})
    finally:
        _bump()


def always_open_hours() -> dict[str, Any]:
    """The "hall_hours" value of a hall that takes tickets at any hour on any day (the demo hall)."""
    return {"weekdays": sorted(ALL_WEEK), "opens_at": "00:00", "closes_at": "24:00"}
