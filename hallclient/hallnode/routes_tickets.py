"""Tickets: issue (kiosk, reception), list, and the clerk's actions on one ticket.

Writes are `async def` handing their work to the node's writer thread (`Node.write`); reads stay plain
`def` and run in FastAPI's thread pool, so a long list never waits behind the writes.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from sqlalchemy import or_, select
from starlette.concurrency import run_in_threadpool

from hallclient.domain.green_channel import GreenFlag
from hallclient.domain.tickets import TicketStatus
from hallclient.hallnode.auth import Principal
from hallclient.hallnode.deps import (
    MANAGERS,
    STAFF,
    Node,
    NodeDep,
    aware,
    check_window,
    own_window,
    require,
    ticket_out,
)
from hallclient.hallnode.presence import serving_counts
from hallclient.hallnode.schemas import (
    ErrorOut,
    GreenIn,
    IssuedOut,
    IssueIn,
    RatingIn,
    Role,
    TicketOut,
    TransferIn,
    WindowNo,
)
from hallclient.store.errors import ConflictError
from hallclient.store.hall_repo import unserved_setting
from hallclient.store.tables import CategoryRow

CAT = CategoryRow.__table__

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 409: {"model": ErrorOut},
}
router = APIRouter(prefix="/api/v1", tags=["tickets"], responses=ERRORS)
Issuer = Annotated[Principal, require(Role.KIOSK, Role.RECEPTION, *MANAGERS)]
Viewer = Annotated[Principal, require(*STAFF, Role.DISPLAY)]
Clerk = Annotated[Principal, require(*STAFF)]


@router.post("/tickets", response_model=IssuedOut, status_code=201)
async def issue(body: IssueIn, node: NodeDep, p: Issuer) -> dict[str, Any]:
    """取号: a new ticket in a category (or for a checked-in appointment), optionally green-channel."""
    green = GreenFlag.make(body.green_channel.reason.value, body.green_channel.note) if body.green_channel else None
    if p.role is Role.KIOSK and body.category and body.appointment_code is None:
        await run_in_threadpool(_refuse_unserved, node, body.category)
    done = await node.write(node.queue.issue, body.category or "", item=body.item, green=green,
                            appointment_code=body.appointment_code, staff_id=p.staff_id, source=p.actor)
    return {"number": done.ticket.number, "people_ahead": done.people_ahead,
            "issued_at": aware(done.ticket.issued_at), "ticket": ticket_out(done.ticket)}


def _refuse_unserved(node: Node, category: str) -> None:
    """A kiosk asks for a category no staffed window serves now, in a hall that issues none then: 409."""
    with node.store.read() as conn:
        if unserved_setting(conn)["issue"]:
            return
        cat = conn.execute(select(CAT.c.code, CAT.c.name).where(or_(CAT.c.code == category, CAT.c.name == category))
                           ).first()
        if cat is not None and serving_counts(conn, node.presence, node.clock()).get(cat.code, 0) == 0:
            raise ConflictError(f"no staffed window serves {cat.name} ({cat.code}) now (暂无窗口办理), and this hall "
                                "issues no tickets for it then")


@router.get("/tickets", response_model=list[TicketOut])
def list_tickets(node: NodeDep, _p: Viewer, status: TicketStatus | None = None,
                 category: Annotated[str | None, Query(min_length=1, max_length=60)] = None,
                 limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> list[dict[str, Any]]:
    """Today's tickets, oldest first."""
    views = node.queue.list_tickets(status=status.value if status else None, category=category, limit=limit)
    return [ticket_out(v) for v in views]


@router.get("/tickets/{ticket_id}", response_model=TicketOut)
def get_ticket(ticket_id: uuid.UUID, node: NodeDep, _p: Viewer) -> dict[str, Any]:
    return ticket_out(node.queue.get(ticket_id))


@router.post("/windows/{no}/call-next", response_model=TicketOut,
             responses={204: {"description": "nothing this window serves is waiting"}})
async def call_next(no: WindowNo, node: NodeDep, p: Clerk) -> Any:
    """叫号: the next ticket by the call order (green, due appointments, then oldest with primaries first)."""
    check_window(p, no)
    view = await node.write(node.queue.call_next, no, staff_id=p.staff_id)
    if view is None:
        return Response(status_code=204)
    return ticket_out(view)


def _simple(action: str) -> Any:
    async def handler(ticket_id: uuid.UUID, node: NodeDep, p: Clerk) -> dict[str, Any]:
        win = own_window(p)
        fn = getattr(node.queue, action.replace("-", "_"))
        return ticket_out(await node.write(fn, ticket_id, window_no=win, staff_id=p.staff_id, clerk_window=win))

    handler.__name__ = action.replace("-", "_")
    handler.__doc__ = {"recall": "重呼: call the same ticket again.", "no-show": "过号: the visitor did not come.",
                       "start": "The visitor is at the window; service starts.", "finish": "办结."}[action]
    return handler


for _action in ("recall", "no-show", "start", "finish"):
    router.add_api_route(f"/tickets/{{ticket_id}}/{_action}", _simple(_action), methods=["POST"],
                         response_model=TicketOut, name=_action)


@router.post("/tickets/{ticket_id}/transfer", response_model=TicketOut)
async def transfer(ticket_id: uuid.UUID, body: TransferIn, node: NodeDep, p: Clerk) -> dict[str, Any]:
    """转办: back to waiting in another category or for one window, keeping the original issue time."""
    win = own_window(p)
    view = await node.write(node.queue.transfer, ticket_id, to_category=body.to_category, to_window=body.to_window,
                            window_no=win, staff_id=p.staff_id, reason=body.reason, clerk_window=win)
    return ticket_out(view)


@router.post("/tickets/{ticket_id}/rating", response_model=TicketOut)
async def rate(ticket_id: uuid.UUID, body: RatingIn, node: NodeDep, p: Clerk) -> dict[str, Any]:
    """好差评 of a finished ticket; 不满意/非常不满意 need a reason."""
    return ticket_out(await node.write(node.queue.rate, ticket_id, body.level, body.reason, staff_id=p.staff_id,
                                       source=p.actor, clerk_window=own_window(p)))


@router.post("/tickets/{ticket_id}/green-channel", response_model=TicketOut)
async def green_channel(ticket_id: uuid.UUID, body: GreenIn, node: NodeDep, p: Clerk) -> dict[str, Any]:
    """绿色通道 after issue; who and why go to the audit log."""
    win = own_window(p)
    flag = GreenFlag.make(body.reason.value, body.note)
    return ticket_out(await node.write(node.queue.flag_green, ticket_id, flag, staff_id=p.staff_id, window_no=win,
                                       actor=p.actor, clerk_window=win))
