"""Queue operations on the demo hall: the clerk's day, edge cases and their clear refusals."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import select

from hallclient.domain.green_channel import GreenFlag
from hallclient.domain.tickets import TransitionError
from hallclient.store import ConflictError, NotFoundError, Store, WrongWindowError
from hallclient.store.journal import T_HALL_EVENT, T_OUTBOX, verify_audit_chain
from hallclient.store.queue import WIN, HallQueue


@pytest.fixture
def q(demo_store: Store, clock) -> HallQueue:
    return HallQueue(demo_store, clock)


def window_serving(q: HallQueue, cat: str) -> int:
    with q.store.read() as conn:
        for w in conn.execute(select(WIN).order_by(WIN.c.no)):
            if cat in (w.primary_categories or []):
                return w.no
    raise AssertionError(cat)


def test_full_service_cycle_writes_events_outbox_and_stream(q: HallQueue) -> None:
    issued = q.issue("SB")
    w = window_serving(q, "SB")
    t = q.call_next(w)
    assert t is not None and t.id == issued.ticket.id and t.window_no == w
    assert q.recall(t.id, w).recall_count == 1
    q.start(t.id, w)
    q.finish(t.id, w)
    rated = q.rate(t.id, 2, "材料说明不清楚")
    assert rated.rating == 2
    with pytest.raises(ConflictError, match="already rated"):
        q.rate(t.id, 5)
    with q.store.read() as conn:
        kinds = [r.kind for r in conn.execute(select(T_HALL_EVENT).order_by(T_HALL_EVENT.c.seq))]
        outbox = conn.execute(select(T_OUTBOX)).all()
    assert kinds == ["issued", "called", "recalled", "started", "finished", "rated"]
    assert {o.table_name for o in outbox} == {"ticket", "ticket_event"}


def test_numbers_run_per_prefix_and_restart_next_day(q: HallQueue, clock) -> None:
    a = [q.issue("SB").ticket.number for _ in range(3)]
    assert a[1][0] == a[0][0] and [int(n[1:]) for n in a] == [1, 2, 3]
    clock.advance(days=1)
    assert int(q.issue("SB").ticket.number[1:]) == 1


def test_green_ticket_has_only_greens_ahead_and_is_audited(q: HallQueue) -> None:
    for _ in range(4):
        q.issue("SB")
    g = q.issue("SB", green=GreenFlag.make("disabled"))
    assert g.people_ahead == 0
    assert q.call_next(window_serving(q, "SB")).id == g.ticket.id
    with q.store.read() as conn:
        assert verify_audit_chain(conn) == []


def test_clerk_cannot_act_for_another_window(q: HallQueue) -> None:
    q.issue("SB")
    w = window_serving(q, "SB")
    t = q.call_next(w)
    with pytest.raises(ConflictError, match=f"at window {w}"):
        q.finish(t.id, w + 1)
    with pytest.raises(TransitionError, match="cannot finish while called"):
        q.finish(t.id, w)


def test_clerk_window_is_checked_inside_the_write(q: HallQueue) -> None:
    """`clerk_window` (what the LAN API passes for a clerk login): the ticket must be at exactly that window,
    even where a plain `window_no` would be let through (a waiting ticket has no window)."""
    waiting = q.issue("SB").ticket
    with pytest.raises(WrongWindowError, match=f"ticket {waiting.number} is at no window, not at your window 3"):
        q.flag_green(waiting.id, GreenFlag.make("elderly"), window_no=3, clerk_window=3)
    w = window_serving(q, "SB")
    t = q.call_next(w)
    for act in (q.recall, q.start, q.no_show):
        with pytest.raises(WrongWindowError, match=f"at window {w}, not at your window {w + 1}"):
            act(t.id, w + 1, clerk_window=w + 1)
    with pytest.raises(WrongWindowError):
        q.transfer(t.id, to_category="SB", window_no=w + 1, clerk_window=w + 1)
    assert q.get(t.id).status == "called" and q.get(t.id).recall_count == 0  # nothing written
    q.start(t.id, w, clerk_window=w)
    q.finish(t.id, w, clerk_window=w)
    with pytest.raises(WrongWindowError):
        q.rate(t.id, 5, clerk_window=w + 1)
    assert q.rate(t.id, 5, clerk_window=w).rating == 5


def test_window_with_a_called_ticket_cannot_call_again(q: HallQueue) -> None:
    q.issue("SB")
    q.issue("SB")
    w = window_serving(q, "SB")
    q.call_next(w)
    with pytest.raises(ConflictError, match="still has ticket"):
        q.call_next(w)


def test_paused_window_takes_no_calls(q: HallQueue) -> None:
    q.issue("SB")
    w = window_serving(q, "SB")
    q.set_paused(w, True, "午休")
    with pytest.raises(ConflictError, match="paused"):
        q.call_next(w)
    q.set_paused(w, False)
    assert q.call_next(w) is not None


def test_transfer_to_window_keeps_issue_time(q: HallQueue, clock) -> None:
    first = q.issue("SB").ticket
    clock.advance(minutes=3)
    w = window_serving(q, "SB")
    q.call_next(w)
    moved = q.transfer(first.id, to_window=w + 1, window_no=w, reason="需要后台复核")
    assert moved.status == "waiting" and moved.target_window == w + 1 and moved.issued_at == first.issued_at
    assert q.call_next(w + 1).id == first.id


def test_transfer_needs_exactly_one_target_and_known_category(q: HallQueue) -> None:
    q.issue("SB")
    w = window_serving(q, "SB")
    t = q.call_next(w)
    with pytest.raises(ConflictError, match="exactly one"):
        q.transfer(t.id, window_no=w)
    with pytest.raises(NotFoundError, match="no active category"):
        q.transfer(t.id, to_category="NOPE", window_no=w)


def test_tidal_switch_takes_effect_at_next_call_and_is_audited(q: HallQueue) -> None:
    sb = q.issue("SB").ticket
    yb = q.issue("YB").ticket
    w = window_serving(q, "SB")
    first = q.call_next(w)
    assert first.id == sb.id
    q.switch_window(w, ["YB"], [], reason="医保高峰")
    assert q.get(first.id).status == "called", "a switch must not touch the ticket being served"
    q.no_show(first.id, w)
    assert q.call_next(w).id == yb.id
    with q.store.read() as conn:
        assert verify_audit_chain(conn) == []
    with pytest.raises(ConflictError, match="unknown categories"):
        q.switch_window(w, ["NOPE"])


def test_audit_chain_detects_tampering(q: HallQueue, demo_db) -> None:
    q.switch_window(1, ["YB"], [], reason="one")
    q.switch_window(1, ["SB"], [], reason="two")
    conn = sqlite3.connect(demo_db)
    conn.execute("UPDATE audit_log SET actor='someone else' WHERE seq=1")
    conn.commit()
    conn.close()
    with q.store.read() as c:
        assert verify_audit_chain(c) == ["audit row 1 was altered"]


def test_appointment_check_in_is_called_once_due(q: HallQueue, clock) -> None:
    with q.store.read() as conn:
        appt = conn.exec_driver_sql("SELECT code, slot_start FROM appointment ORDER BY slot_start LIMIT 1").one()
        cat = conn.exec_driver_sql(
            "SELECT c.code FROM appointment a JOIN category c ON c.id=a.category_id WHERE a.code=?", (appt.code,)
        ).scalar()
    from datetime import datetime

    slot = datetime.fromisoformat(str(appt.slot_start))
    clock.now = slot - timedelta(minutes=30)
    walk_in = q.issue(cat).ticket
    clock.now = slot - timedelta(minutes=2)
    booked = q.issue(cat, appointment_code=appt.code).ticket
    assert booked.appointment_slot == slot
    with pytest.raises(ConflictError, match="already checked_in"):
        q.issue(cat, appointment_code=appt.code)
    w = window_serving(q, cat)
    assert q.call_next(w).id == booked.id, "a due appointment goes before an older walk-in"
    assert walk_in.issued_at < booked.issued_at


def test_rating_needs_finished_ticket_and_reason_for_bad(q: HallQueue) -> None:
    q.issue("SB")
    w = window_serving(q, "SB")
    t = q.call_next(w)
    with pytest.raises(ConflictError, match="only a finished ticket"):
        q.rate(t.id, 5)
    q.start(t.id, w)
    q.finish(t.id, w)
    with pytest.raises(ValueError, match="needs a reason"):
        q.rate(t.id, 1, "")


def test_raw_call_next_stores_values_exactly_as_sqlalchemy_does(q: HallQueue, demo_db) -> None:
    """call_next writes through the DB-API cursor; its rows must look like the Core-written ones."""
    q.issue("SB", item="SB-001")
    w = window_serving(q, "SB")
    t = q.call_next(w, staff_id=None)
    q.recall(t.id, w)  # Core path, detail None like the call event
    q.start(t.id, w)
    conn = sqlite3.connect(demo_db)
    try:
        called_at, started_at, tid = conn.execute("SELECT called_at, started_at, id FROM ticket").fetchone()
        assert len(called_at) == len(started_at) == 26 and called_at[10] == " "
        assert len(tid) == 32 and "-" not in tid
        events = dict(conn.execute("SELECT kind, detail FROM ticket_event WHERE kind IN ('call', 'recall')"))
        assert events["call"] == events["recall"]
        ats = [r[0] for r in conn.execute("SELECT at FROM outbox ORDER BY seq")]
        assert {len(a) for a in ats} == {26}
        kinds = [r[0] for r in conn.execute("SELECT kind FROM hall_event ORDER BY seq")]
        assert kinds == ["issued", "called", "recalled", "started"]
    finally:
        conn.close()
    view = q.get(t.id)
    assert view.called_at == t.called_at and view.item == "SB-001" and view.item_name == t.item_name
    assert view.window_no == w and view.status == "serving"
