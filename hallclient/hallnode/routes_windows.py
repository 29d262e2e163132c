"""Windows: pause/resume (the clerk's own window) and the tidal switch (supervisors only, audited)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter
from sqlalchemy import select

from hallclient.domain.windows import Subscription, SubscriptionError
from hallclient.hallnode.auth import Principal
from hallclient.hallnode.deps import MANAGERS, STAFF, NodeDep, check_window, require
from hallclient.hallnode.schemas import CategoriesIn, ErrorOut, PauseIn, WindowChangeOut, WindowNo
from hallclient.store.tables import CategoryRow

router = APIRouter(prefix="/api/v1/windows", tags=["windows"], responses={
    401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 409: {"model": ErrorOut}})
CAT = CategoryRow.__table__
Clerk = Annotated[Principal, require(*STAFF)]


@router.post("/{no}/pause", response_model=WindowChangeOut)
async def pause(no: WindowNo, node: NodeDep, p: Clerk, body: PauseIn | None = None) -> dict[str, Any]:
    """暂停: the window takes no calls until resumed; the reason is shown to the supervisor."""
    check_window(p, no)
    return await node.write(node.queue.set_paused, no, True, (body or PauseIn()).reason, staff_id=p.staff_id,
                            actor=p.actor)


@router.post("/{no}/resume", response_model=WindowChangeOut)
async def resume(no: WindowNo, node: NodeDep, p: Clerk) -> dict[str, Any]:
    check_window(p, no)
    return await node.write(node.queue.set_paused, no, False, staff_id=p.staff_id, actor=p.actor)


@router.put("/{no}/categories", response_model=WindowChangeOut)
def switch(no: WindowNo, body: CategoriesIn, node: NodeDep,
           p: Annotated[Principal, require(*MANAGERS)]) -> dict[str, Any]:
    """潮汐切换: what the window serves from its next call on; no ticket moves. Audited."""
    Subscription(tuple(body.primary), tuple(body.secondary))  # SubscriptionError → 422
    with node.store.read() as conn:
        known = {r.code for r in conn.execute(select(CAT.c.code).where(CAT.c.active.is_(True)))}
    unknown = sorted((set(body.primary) | set(body.secondary)) - known)
    if unknown:
        raise SubscriptionError(f"unknown categories: {', '.join(unknown)}")
    return node.queue.switch_window(no, body.primary, body.secondary, staff_id=p.staff_id, actor=p.actor,
                                    reason=body.reason)
