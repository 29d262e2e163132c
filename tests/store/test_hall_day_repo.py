"""A hall with real hours (09:00–17:00, Monday–Friday, Asia/Shanghai): kiosks get tickets only inside the hall
day, 延时服务 extends it (audited, announced), the holiday calendar closes and opens days, staff may still
issue by hand (marked after hours), and the queue's cached day notices changes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import delete, insert, select

from hallclient.domain.hall_day import HallDayState
from hallclient.store import ConflictError, HallClosedError, Store
from hallclient.store import hall_day_repo as repo
from hallclient.store.journal import T_AUDIT, T_EVENT, T_HALL_EVENT, verify_audit_chain
from hallclient.store.queue import HallQueue
from hallclient.store.sync_tables import HolidayRow

HOL = HolidayRow.__table__
MON = date(2026, 11, 23)  # a Monday
_DAY = timedelta(days=1)


def utc(d: date, hh: int, mm: int = 0) -> datetime:
    """Local Asia/Shanghai wall time → naive UTC (the clock's form)."""
    return datetime(d.year, d.month, d.day, hh, mm) - timedelta(hours=8)


@pytest.fixture
def store(demo_store: Store, clock) -> Store:
    repo.set_hall_hours(demo_store, "09:00", "17:00", [1, 2, 3, 4, 5], None, "admin:test", clock())
    return demo_store


@pytest.fixture
def q(store: Store, clock) -> HallQueue:
    return HallQueue(store, clock)


def add_days(store: Store, *rows: tuple[date, str]) -> None:
    """What the nightly pull does: write the holiday table directly (no repo call, so no cache hint)."""
    with store.write() as conn:
        for day, kind in rows:
            conn.execute(insert(HOL).values(day=day, name="测试", kind=kind))


def event_detail(store: Store, ticket_id) -> dict:
    with store.read() as conn:
        return conn.execute(select(T_EVENT.c.detail).where(T_EVENT.c.ticket_id == ticket_id)).scalar_one()


def test_demo_hall_takes_tickets_at_any_hour(demo_store: Store, clock) -> None:
    q = HallQueue(demo_store, clock)
    clock.now = utc(MON + 6 * _DAY, 3)  # Sunday, 03:00
    assert q.issue("SB").ticket.number
    assert repo.hall_day(demo_store, MON + 6 * _DAY).hours_text == "00:00–24:00"


def test_opening_and_closing_minutes(q: HallQueue, clock) -> None:
    clock.now = utc(MON, 8, 59)
    with pytest.raises(HallClosedError, match="09:00") as exc:
        q.issue("SB")
    assert exc.value.next_open == datetime(2026, 11, 23, 9, 0)
    assert isinstance(exc.value, ConflictError)  # the LAN API's 409
    clock.now = utc(MON, 9, 0)
    first = q.issue("SB")
    assert first.ticket.number == "C001" and "after_hours" not in event_detail(q.store, first.ticket.id)
    clock.now = utc(MON, 16, 59)
    q.issue("SB")
    clock.now = utc(MON, 17, 0)
    with pytest.raises(HallClosedError, match=r"opens next on 2026-11-24 at 09:00") as exc:
        q.issue("SB")
    assert "09:00–17:00" in str(exc.value)
    assert [t.number for t in q.list_tickets()] == ["C001", "C002"]  # the refusal left no number used


def test_extension_to_18_30_is_accepted_audited_and_announced(q: HallQueue, clock) -> None:
    clock.now = utc(MON, 17, 10)
    with pytest.raises(HallClosedError):
        q.issue("SB")
    status = repo.extend_today(q.store, "18:30", None, "supervisor:1031", clock(), reason="排队人数多")
    assert status["state"] == HallDayState.EXTENDED and status["accepts_tickets"] and status["next_open"] is None
    assert status["extended_until"] == "18:30"
    assert q.issue("SB").ticket.number == "C001"  # seen at once: no stale cache
    clock.now = utc(MON, 18, 29)
    q.issue("SB")
    clock.now = utc(MON, 18, 30)
    with pytest.raises(HallClosedError):
        q.issue("SB")
    with q.store.read() as conn:
        audit = conn.execute(select(T_AUDIT).where(T_AUDIT.c.action == "extend_hours")).one()
        events = conn.execute(select(T_HALL_EVENT).where(T_HALL_EVENT.c.kind == "hall_day_changed")
                              .order_by(T_HALL_EVENT.c.seq)).all()
        assert verify_audit_chain(conn) == []
    assert audit.actor == "supervisor:1031"
    assert audit.detail["until"] == "18:30" and audit.detail["reason"] == "排队人数多"
    assert events[-1].payload["state"] == "extended" and events[-1].payload["extended_until"] == "18:30"


@pytest.mark.parametrize(("until", "error", "match"), [
    ("17:00", ValueError, "after closing time 17:00"),
    ("16:30", ValueError, "after closing time"),
    ("24:00", ValueError, "23:59"),
    ("17:05", ValueError, "already passed"),
    ("7pm", ValueError, "HH:MM"),
])
def test_bad_extensions_are_refused_and_change_nothing(store: Store, clock, until: str, error: type,
                                                       match: str) -> None:
    clock.now = utc(MON, 17, 10)
    with pytest.raises(error, match=match):
        repo.extend_today(store, until, None, "supervisor:1031", clock())
    assert repo.hall_day(store, MON).extended_until is None
    with store.read() as conn:
        assert conn.execute(select(T_AUDIT).where(T_AUDIT.c.action == "extend_hours")).first() is None


def test_no_extension_on_a_closed_day_and_ending_one(store: Store, q: HallQueue, clock) -> None:
    clock.now = utc(MON + 6 * _DAY, 10)  # Sunday
    with pytest.raises(ConflictError, match="not an open day"):
        repo.extend_today(store, "18:00", None, "supervisor:1031", clock())
    clock.now = utc(MON, 17, 30)
    repo.extend_today(store, "19:00", None, "supervisor:1031", clock())
    q.issue("SB")
    status = repo.end_extension(store, None, "supervisor:1031", clock())
    assert status["state"] == "closed" and status["extended_until"] is None
    with pytest.raises(HallClosedError):
        q.issue("SB")
    assert repo.end_extension(store, None, "supervisor:1031", clock())["state"] == "closed"  # idempotent
    with store.read() as conn:
        assert len(conn.execute(select(T_AUDIT).where(T_AUDIT.c.action == "end_extended_hours")).all()) == 1


def test_holiday_closed_and_make_up_saturday_open(q: HallQueue, clock) -> None:
    tue, sat = MON + _DAY, MON + 5 * _DAY
    add_days(q.store, (tue, "holiday"), (sat, "workday"))
    clock.now = utc(tue, 10)
    with pytest.raises(HallClosedError, match="2026-11-25 at 09:00"):  # the holiday is skipped
        q.issue("SB")
    clock.now = utc(sat, 10)
    assert q.issue("SB").ticket.number == "C001"
    clock.now = utc(sat + _DAY, 10)  # the Sunday after: a usual day off
    with pytest.raises(HallClosedError, match="2026-11-30"):
        q.issue("SB")


def test_staff_may_issue_after_hours_and_it_is_marked(q: HallQueue, clock) -> None:
    clock.now = utc(MON, 20)
    for source in ("kiosk", "kiosk:entrance-1", "device:kiosk-2"):
        with pytest.raises(HallClosedError):
            q.issue("SB", source=source)
    t = q.issue("SB", source="supervisor:1031")
    assert event_detail(q.store, t.ticket.id) == {"source": "supervisor:1031", "after_hours": True}


def test_cache_reads_once_per_day_and_notices_a_pulled_holiday(q: HallQueue, clock,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    mono = [1000.0]
    monkeypatch.setattr(repo, "monotonic", lambda: mono[0])
    clock.now = utc(MON, 10)
    for _ in range(20):
        q.issue("SB")
    cache = q._hall_days  # type: ignore[attr-defined]
    assert cache.loads == 1  # the hot path did not query the day 20 times
    add_days(q.store, (MON, "holiday"))  # the nightly pull declares today a holiday (e.g. typhoon closure)
    q.issue("SB")  # still the cached day, within the few seconds of grace
    mono[0] += cache.ttl_s
    with pytest.raises(HallClosedError):
        q.issue("SB")
    with q.store.write() as conn:
        conn.execute(delete(HOL))
    mono[0] += cache.ttl_s
    q.issue("SB")
    clock.now = utc(MON + _DAY, 10)  # a new local date is read at once
    loads = cache.loads
    q.issue("SB")
    assert cache.loads == loads + 1
