"""Reading the hall: health, catalogue, windows, live status; supervisor alerts."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal, cast

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field
from sqlalchemy import and_, func, select

from hallclient.domain.sla import SlaThresholds
from hallclient.domain.tickets import TicketStatus
from hallclient.domain.windows import WindowState
from hallclient.hallnode import alerts
from hallclient.hallnode.auth import Principal
from hallclient.hallnode.deps import ANY_ROLE, MANAGERS, Node, NodeDep, aware, require
from hallclient.hallnode.events import head_seq_in
from hallclient.hallnode.presence import count_serving
from hallclient.hallnode.routes_displays import display_rows
from hallclient.hallnode.schemas import (
    AlertOut,
    CategoryOut,
    CategoryStatus,
    ErrorOut,
    HallStatusOut,
    HealthOut,
    ItemOut,
    Role,
    Strict,
    WindowOut,
)
from hallclient.store import hall_day_repo
from hallclient.store.hall_repo import unserved_setting
from hallclient.store.tables import CategoryRow, ServiceItemRow, StaffRow, TicketRow, WindowRow

router = APIRouter(prefix="/api/v1", responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}})
CAT, ITEM, WIN, T, STAFF = (CategoryRow.__table__, ServiceItemRow.__table__, WindowRow.__table__,
                            TicketRow.__table__, StaffRow.__table__)
Reader = Annotated[Principal, require(*ANY_ROLE)]
Manager = Annotated[Principal, require(*MANAGERS)]
HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class HallDayOut(BaseModel):
    """Today's hall day: whether the kiosks issue tickets now, the hours, and when the hall opens next."""

    state: Literal["before_open", "open", "extended", "closed"]
    opens_at: str | None = Field(description="HH:MM local; null on a day the hall is closed")
    closes_at: str | None = Field(description="HH:MM local, or 24:00 (open until midnight)")
    extended_until: str | None = Field(description="延时服务 until HH:MM local today, if any")
    accepts_tickets: bool
    next_open: datetime | None = Field(description="local time with offset; null while the hall is open")


class HallStatusDayOut(HallStatusOut):
    day: HallDayOut


class ExtendIn(Strict):
    until: Annotated[str, Field(pattern=HHMM, description="HH:MM local, after closing time, 23:59 at the latest")]
    reason: Annotated[str, Field(max_length=200)] = ""


class HoursIn(Strict):
    opens_at: Annotated[str, Field(pattern=HHMM)]
    closes_at: Annotated[str, Field(pattern=r"^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$")]
    weekdays: Annotated[list[Annotated[int, Field(ge=1, le=7)]], Field(max_length=7,
                                                                        description="ISO: 1 Monday … 7 Sunday")]


@router.get("/health", response_model=HealthOut, tags=["hall"])
def health(node: NodeDep) -> HealthOut:
    """No token needed: for monitoring and for clients probing the link."""
    return HealthOut(status="ok", hall=node.store.hall().name, seq=node.hub.head, time=aware(node.clock()))


@router.get("/categories", response_model=list[CategoryOut], tags=["catalogue"])
def categories(node: NodeDep, _p: Reader) -> list[dict[str, Any]]:
    with node.store.read() as conn:
        rows = conn.execute(select(CAT).where(CAT.c.active.is_(True)).order_by(CAT.c.sort_order, CAT.c.code))
        return [dict(r._mapping) for r in rows]


@router.get("/items", response_model=list[ItemOut], responses={404: {"model": ErrorOut}}, tags=["catalogue"])
def items(node: NodeDep, _p: Reader,
          category: Annotated[str | None, Query(min_length=1, max_length=60)] = None) -> list[dict[str, Any]]:
    """Service items, optionally of one category (code or name)."""
    with node.store.read() as conn:
        q = (select(ITEM, CAT.c.code.label("category")).join(CAT, CAT.c.id == ITEM.c.category_id)
             .where(ITEM.c.active.is_(True)))
        if category is not None:
            cat = conn.execute(select(CAT.c.id).where((CAT.c.code == category) | (CAT.c.name == category))).first()
            if cat is None:
                raise HTTPException(404, f"no category {category!r}")
            q = q.where(ITEM.c.category_id == cat.id)
        rows = conn.execute(q.order_by(CAT.c.sort_order, ITEM.c.code)).all()
    out = []
    for r in rows:
        d = dict(r._mapping)
        for k in ("conditions", "materials", "steps"):
            d[k] = d[k] or []
        out.append(d)
    return out


def window_rows(node: Node, conn: Any, now: datetime | None = None) -> list[dict[str, Any]]:
    """The windows in service, with their live state. A window nobody is at (no clerk logged in there, or
    their app silent for a minute: see `presence`) shows as closed, unless it still holds a ticket."""
    now = now or node.clock()
    rows = conn.execute(
        select(WIN, STAFF.c.name.label("clerk"), T.c.number.label("ticket_number"), T.c.status.label("ticket_status"))
        .outerjoin(STAFF, STAFF.c.id == WIN.c.clerk_id)
        .outerjoin(T, T.c.id == WIN.c.current_ticket_id)
        .where(WIN.c.retired.is_(False))
        .order_by(WIN.c.no)
    ).all()
    out = []
    for r in rows:
        active = r.ticket_status in (TicketStatus.CALLED.value, TicketStatus.SERVING.value)
        staffed = node.presence.staffed(r.no, r.clerk_id, now)
        if not r.is_open or (not staffed and not active):
            state = WindowState.CLOSED
        elif r.paused:
            state = WindowState.PAUSED
        elif r.ticket_status == TicketStatus.CALLED.value:
            state = WindowState.CALLING
        elif r.ticket_status == TicketStatus.SERVING.value:
            state = WindowState.SERVING
        else:
            state = WindowState.IDLE
        out.append({"no": r.no, "name": r.name, "zone": r.zone, "tidal": r.tidal, "is_open": r.is_open,
                    "paused": r.paused, "pause_reason": r.pause_reason, "state": state.value, "clerk": r.clerk,
                    "current_ticket": r.ticket_number if active else None, "staffed": staffed,
                    "primary": list(r.primary_categories or []), "secondary": list(r.secondary_categories or [])})
    return out


@router.get("/windows", response_model=list[WindowOut], tags=["hall"])
def windows(node: NodeDep, _p: Reader) -> list[dict[str, Any]]:
    with node.store.read() as conn:
        return window_rows(node, conn)


@router.get("/hall/status", response_model=HallStatusDayOut, tags=["hall"])
def hall_status(node: NodeDep, _p: Reader) -> dict[str, Any]:
    """Per category: waiting, longest wait, SLA colour; per window: state, clerk, current ticket, categories."""
    now = node.clock()
    with node.store.read() as conn:
        # the stream's head in the same database snapshot as the figures: a client merging events newer than
        # `seq` on top never counts one twice (the hub's own head may lag the database by a poll)
        seq = head_seq_in(conn)
        rows = conn.execute(
            select(CAT.c.code, CAT.c.name, CAT.c.yellow_after_min, CAT.c.red_after_min,
                   func.count(T.c.id).label("waiting"), func.min(T.c.issued_at).label("oldest"))
            .outerjoin(T, and_(T.c.category_id == CAT.c.id, T.c.status == TicketStatus.WAITING.value))
            .where(CAT.c.active.is_(True))
            .group_by(CAT.c.id).order_by(CAT.c.sort_order, CAT.c.code)
        ).all()
        wins = window_rows(node, conn, now)
        serving = count_serving(wins)
        issue_unserved = unserved_setting(conn)["issue"]
        cats = []
        for r in rows:
            waited = max(0.0, (now - r.oldest).total_seconds()) if r.oldest is not None else 0.0
            try:
                colour: str = SlaThresholds(r.yellow_after_min, r.red_after_min).colour(now - (r.oldest or now)).value
            except ValueError:  # thresholds mis-set in the database: show red so someone fixes them
                colour = "red"
            n = serving.get(r.code, 0)
            cats.append(CategoryStatus(code=r.code, name=r.name, waiting=r.waiting, longest_wait_s=int(waited),
                                       colour=cast(Any, colour if r.oldest is not None else "blue"), windows=n,
                                       takes_tickets=n > 0 or issue_unserved))
        day = hall_day_repo.day_status(node.store, now, hall_day_repo.load_calendar(conn))
    return {"at": aware(now), "seq": seq, "categories": cats, "windows": wins, "day": day,
            "displays": display_rows(node)}


DAY_ERRORS: dict[int | str, dict[str, Any]] = {409: {"model": ErrorOut}, 422: {"model": ErrorOut}}


@router.put("/hall/extended-hours", response_model=HallDayOut, tags=["hall"], responses=DAY_ERRORS)
async def extend_hours(body: ExtendIn, node: NodeDep, p: Manager) -> dict[str, Any]:
    """延时服务: keep today open for tickets until `until` (after closing time, 23:59 at the latest); audited,
    and every client gets a "hall_day_changed" event."""
    return await node.write(hall_day_repo.extend_today, node.store, body.until, p.staff_id, p.actor, node.clock(),
                            body.reason)


@router.delete("/hall/extended-hours", response_model=HallDayOut, tags=["hall"])
async def end_extension(node: NodeDep, p: Manager) -> dict[str, Any]:
    """End today's 延时服务 now; without one, nothing changes."""
    return await node.write(hall_day_repo.end_extension, node.store, p.staff_id, p.actor, node.clock())


@router.put("/hall/hours", response_model=HallDayOut, tags=["hall"], responses=DAY_ERRORS)
async def set_hours(body: HoursIn, node: NodeDep, p: Annotated[Principal, require(Role.ADMIN)]) -> dict[str, Any]:
    """The hall's usual week (admin): the same hours on each listed weekday; the holiday calendar still
    closes holidays and opens make-up working days."""
    return await node.write(hall_day_repo.set_hall_hours, node.store, body.opens_at, body.closes_at, body.weekdays,
                            p.staff_id, p.actor, node.clock())


@router.get("/alerts", response_model=list[AlertOut], tags=["alerts"])
def list_alerts(node: NodeDep, _p: Annotated[Principal, require(*MANAGERS)],
                open_only: bool = False,
                limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> list[dict[str, Any]]:
    """Newest first; `open_only` hides acknowledged ones."""
    out = alerts.list_alerts(node.store, open_only, limit)
    for a in out:
        a["at"], a["acknowledged_at"] = aware(a["at"]), aware(a["acknowledged_at"])
    return out


@router.post("/alerts/{alert_id}/ack", status_code=204, tags=["alerts"],
             responses={404: {"model": ErrorOut}, 409: {"model": ErrorOut}})
def ack_alert(alert_id: uuid.UUID, node: NodeDep, p: Annotated[Principal, require(*MANAGERS)]) -> None:
    alerts.ack_alert(node.store, alert_id, p.staff_id, p.actor, node.clock())


