"""Tidal plans (潮汐方案): list for staff, create/replace/delete for supervisors, validated as a whole set.

A change is refused with 422 listing every problem (overlaps, unknown windows or categories, start ≥ end)
so the supervisor fixes it in one go. Each accepted change is audited (`plan_change`, before/after),
announced as a `plans_changed` event, and the scheduler is poked so a plan that holds now applies at once.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from sqlalchemy import delete, insert, select, update

from hallclient.domain.tidal_plans import PlanError, TidalPlan, validate_plans
from hallclient.hallnode.auth import Principal
from hallclient.hallnode.deps import MANAGERS, STAFF, NodeDep, aware, require
from hallclient.hallnode.plans import PLAN, load_plans, plan_from_row
from hallclient.hallnode.schemas import Code, ErrorOut, Strict, WindowNo
from hallclient.ids import new_id
from hallclient.store import journal
from hallclient.store.errors import NotFoundError
from hallclient.store.tables import CategoryRow, WindowRow

router = APIRouter(prefix="/api/v1/plans", tags=["plans"], responses={
    401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 422: {"model": ErrorOut}})
CAT, WIN = CategoryRow.__table__, WindowRow.__table__
Manager = Annotated[Principal, require(*MANAGERS)]


class PlanIn(Strict):
    name: Annotated[str, Field(min_length=1, max_length=60)]
    days: Annotated[list[Annotated[str, Field(max_length=3)]], Field(min_length=1, max_length=7)]
    start: Annotated[str, Field(min_length=5, max_length=5, description="HH:MM, hall local time")]
    end: Annotated[str, Field(min_length=5, max_length=5)]
    windows: Annotated[list[WindowNo], Field(min_length=1, max_length=200)]
    primary: Annotated[list[Code], Field(min_length=1, max_length=50)]
    secondary: Annotated[list[Code], Field(default_factory=list, max_length=50)]
    active: bool = True


class PlanOut(BaseModel):
    id: uuid.UUID
    name: str
    days: list[str]
    start: str
    end: str
    windows: list[int]
    primary: list[str]
    secondary: list[str]
    active: bool
    updated_at: Any = None


def _out(r: Any) -> dict[str, Any]:
    return {"id": r.id, "name": r.name, "days": list(r.days or []), "start": r.start, "end": r.end,
            "windows": list(r.windows or []), "primary": list(r.primary_categories or []),
            "secondary": list(r.secondary_categories or []), "active": bool(r.active),
            "updated_at": aware(r.updated_at)}


def _check(conn: Any, plans: list[TidalPlan]) -> None:
    wins = {r.no for r in conn.execute(select(WIN.c.no))}
    cats = {r.code for r in conn.execute(select(CAT.c.code).where(CAT.c.active.is_(True)))}
    problems = validate_plans(plans, wins, cats)
    if problems:
        raise PlanError(problems)


def _poke(request: Request) -> None:
    sched = getattr(request.app.state, "plans", None)
    if sched is not None:
        sched.poke()


@router.get("", response_model=list[PlanOut])
def list_plans(node: NodeDep, _p: Annotated[Principal, require(*STAFF)]) -> list[dict[str, Any]]:
    with node.store.read() as conn:
        return [_out(r) for r in conn.execute(select(PLAN).order_by(PLAN.c.start, PLAN.c.name))]


def _save(node: Any, p: Principal, plan_id: uuid.UUID, body: PlanIn, create_only: bool) -> dict[str, Any]:
    now = node.clock()
    new = TidalPlan(str(plan_id), body.name.strip(), tuple(body.days), body.start, body.end, tuple(body.windows),
                    tuple(body.primary), tuple(body.secondary), body.active)
    values = {"name": new.name, "days": list(new.days), "start": new.start, "end": new.end,
              "windows": list(new.windows), "primary_categories": list(new.primary),
              "secondary_categories": list(new.secondary), "active": new.active, "updated_at": now}
    with node.store.write() as conn:
        old = conn.execute(select(PLAN).where(PLAN.c.id == plan_id)).first()
        if old is not None and create_only:
            raise PlanError([f"plan {plan_id} exists already"])
        others = [x for x in load_plans(conn) if x.id != str(plan_id)]
        _check(conn, [*others, new])
        if old is None:
            conn.execute(insert(PLAN).values(id=plan_id, hall_id=node.store.hall_id, **values))
        else:
            conn.execute(update(PLAN).where(PLAN.c.id == plan_id).values(**values))
        before = _plain(plan_from_row(old)) if old is not None else None
        journal.audit(conn, hall_id=node.store.hall_id, at=now, actor_id=p.staff_id, actor=p.actor,
                      action="plan_change", detail={"plan": str(plan_id), "name": new.name, "before": before,
                                                    "after": _plain(new)})
        journal.hall_event(conn, "plans_changed", {"plan_id": str(plan_id), "name": new.name}, now)
        return _out(conn.execute(select(PLAN).where(PLAN.c.id == plan_id)).one())


def _plain(p: TidalPlan) -> dict[str, Any]:
    return {"name": p.name, "days": list(p.days), "start": p.start, "end": p.end, "windows": list(p.windows),
            "primary": list(p.primary), "secondary": list(p.secondary), "active": p.active}


@router.post("", response_model=PlanOut, status_code=201)
def create_plan(body: PlanIn, node: NodeDep, p: Manager, request: Request) -> dict[str, Any]:
    out = _save(node, p, new_id(), body, create_only=True)
    _poke(request)
    return out


@router.put("/{plan_id}", response_model=PlanOut)
def put_plan(plan_id: uuid.UUID, body: PlanIn, node: NodeDep, p: Manager, request: Request) -> dict[str, Any]:
    """Create or replace the plan with this id."""
    out = _save(node, p, plan_id, body, create_only=False)
    _poke(request)
    return out


@router.delete("/{plan_id}", status_code=204)
def delete_plan(plan_id: uuid.UUID, node: NodeDep, p: Manager, request: Request) -> None:
    """Windows the plan holds now get their base categories back at the scheduler's next tick."""
    now = node.clock()
    with node.store.write() as conn:
        old = conn.execute(select(PLAN).where(PLAN.c.id == plan_id)).first()
        if old is None:
            raise NotFoundError(f"no tidal plan {plan_id}")
        conn.execute(delete(PLAN).where(PLAN.c.id == plan_id))
        journal.audit(conn, hall_id=node.store.hall_id, at=now, actor_id=p.staff_id, actor=p.actor,
                      action="plan_change", detail={"plan": str(plan_id), "name": old.name,
                                                    "before": _plain(plan_from_row(old)), "after": None})
        journal.hall_event(conn, "plans_changed", {"plan_id": str(plan_id), "name": old.name, "deleted": True}, now)
    _poke(request)


class ValidateOut(BaseModel):
    problems: list[str]


@router.post("/validate", response_model=ValidateOut)
def validate(body: list[PlanIn], node: NodeDep, _p: Manager) -> dict[str, Any]:
    """Dry run for editors: the problems of this whole set of plans (empty when it would be accepted)."""
    plans = [TidalPlan(str(i), b.name.strip(), tuple(b.days), b.start, b.end, tuple(b.windows), tuple(b.primary),
                       tuple(b.secondary), b.active) for i, b in enumerate(body)]
    try:
        with node.store.read() as conn:
            _check(conn, plans)
    except PlanError as exc:
        return {"problems": exc.problems}
    return {"problems": []}
