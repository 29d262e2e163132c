"""Who sits at which window: a clerk's seat (`window.clerk_id`) and their window sessions (synced nightly).

A clerk sits at one window at a time, and a window has one clerk. Logging in at a window seats the clerk
there: whoever sat there before is unseated (their window session ends and their logins bound to that
window are revoked, so a displaced app cannot act at the window any more), and so is the clerk's own seat
at any other window. Leaving (log out, hand over, deactivation) ends the seat. The ticket a window holds is
never touched: it stays with the window for the next clerk (交接班).

Whether a seated clerk is actually there (their app alive) is presence, judged by the hall node
(`hallnode.presence`) from heartbeats.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from hallclient.domain.tickets import TicketStatus
from hallclient.ids import new_id
from hallclient.store import journal
from hallclient.store.errors import NotFoundError
from hallclient.store.tables import AuthSessionRow, StaffRow, TicketRow, WindowRow, WindowSessionRow

WIN = WindowRow.__table__
WSESSION = WindowSessionRow.__table__
SESSION = AuthSessionRow.__table__
STAFF = StaffRow.__table__
T = TicketRow.__table__
ACTIVE = (TicketStatus.CALLED.value, TicketStatus.SERVING.value)


@dataclass(frozen=True)
class Seated:
    """What seating a clerk changed: who sat at the window before (None: nobody), the ticket it holds,
    and the other windows the clerk left."""

    previous: uuid.UUID | None
    previous_name: str | None
    ticket: str | None
    left: tuple[int, ...]


def close_window_sessions(conn: Any, now: datetime, *where: Any) -> None:
    """End open window sessions; each closed one goes to the outbox too, so its end time reaches central."""
    open_ = conn.execute(select(WSESSION.c.id).where(WSESSION.c.ended_at.is_(None), *where)).scalars().all()
    for sid in open_:
        conn.execute(update(WSESSION).where(WSESSION.c.id == sid).values(ended_at=now))
        journal.outbox(conn, "window_session", sid, now)


def ticket_in_hand(conn: Any, window_no: int) -> str | None:
    """The number of the called or serving ticket a window holds, if any."""
    return conn.execute(select(T.c.number).join(WIN, WIN.c.current_ticket_id == T.c.id)
                        .where(WIN.c.no == window_no, T.c.status.in_(ACTIVE))).scalar()


def seated_window(conn: Any, window_no: int) -> Any:
    """The window row (with its seated clerk's name as `clerk_name`); NotFoundError for unknown or retired."""
    row = conn.execute(select(WIN, STAFF.c.name.label("clerk_name"), STAFF.c.staff_no.label("clerk_no"))
                       .outerjoin(STAFF, STAFF.c.id == WIN.c.clerk_id).where(WIN.c.no == window_no)).first()
    if row is None:
        raise NotFoundError(f"no window number {window_no}")
    if row.retired:
        raise NotFoundError(f"window {window_no} is retired")
    return row


def seat_clerk(conn: Any, staff: Any, window_no: int, now: datetime) -> Seated:
    """Seat `staff` at `window_no` (see the module docstring); announces every window that changed."""
    win = seated_window(conn, window_no)
    previous = win.clerk_id if win.clerk_id != staff.id else None
    left = unseat(conn, staff.id, now, keep=window_no, revoke=True)
    if previous is not None:
        unseat(conn, previous, now, only=window_no, revoke=True, announce=False)
    close_window_sessions(conn, now, WSESSION.c.window_no == window_no)
    sid = new_id()
    conn.execute(WSESSION.insert().values(id=sid, hall_id=staff.hall_id, window_no=window_no, staff_id=staff.id,
                                          started_at=now, ended_at=None))
    journal.outbox(conn, "window_session", sid, now)
    conn.execute(update(WIN).where(WIN.c.no == window_no).values(clerk_id=staff.id, updated_at=now))
    journal.hall_event(conn, "window_changed", {"window_no": window_no, "clerk": staff.name}, now)
    ticket = ticket_in_hand(conn, window_no)
    if previous is not None:  # 交接班 (or taking over from a clerk whose app went silent): who handed what to whom
        journal.audit(conn, hall_id=staff.hall_id, at=now, actor_id=staff.id, actor=f"clerk:{staff.staff_no}",
                      action="handover", detail={"window": window_no, "from": win.clerk_no, "to": staff.staff_no,
                                                 "ticket": ticket})
    return Seated(previous, win.clerk_name if previous is not None else None, ticket, tuple(left))


def unseat(conn: Any, staff_id: uuid.UUID, now: datetime, *, only: int | None = None, keep: int | None = None,
           revoke: bool = False, announce: bool = True) -> list[int]:
    """End a clerk's seat: at window `only`, or everywhere but `keep`. `revoke` also revokes their logins
    bound to those windows. Returns the windows they left."""
    q = select(WIN.c.no).where(WIN.c.clerk_id == staff_id)
    if only is not None:
        q = q.where(WIN.c.no == only)
    if keep is not None:
        q = q.where(WIN.c.no != keep)
    windows = list(conn.execute(q).scalars())
    session_where: list[Any] = [WSESSION.c.staff_id == staff_id]
    if only is not None:
        session_where.append(WSESSION.c.window_no == only)
    if keep is not None:
        session_where.append(WSESSION.c.window_no != keep)
    close_window_sessions(conn, now, *session_where)
    for no in windows:
        conn.execute(update(WIN).where(WIN.c.no == no, WIN.c.clerk_id == staff_id)
                     .values(clerk_id=None, updated_at=now))
        if announce:
            journal.hall_event(conn, "window_changed", {"window_no": no, "clerk": None}, now)
    if revoke:
        where: list[Any] = [SESSION.c.staff_id == staff_id, SESSION.c.revoked.is_(False),
                            SESSION.c.window_no.is_not(None)]
        if only is not None:
            where.append(SESSION.c.window_no == only)
        if keep is not None:
            where.append(SESSION.c.window_no != keep)
        conn.execute(update(SESSION).where(*where).values(revoked=True))
    return windows
