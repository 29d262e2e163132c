"""/auth: staff login (with lock-out), logout, who-am-i, setting one's own password, the clerk's heartbeat."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy import select

from hallclient.domain.staff import STAFF_ROLES
from hallclient.hallnode import auth
from hallclient.hallnode.auth import Principal
from hallclient.hallnode.deps import ANY_ROLE, Node, NodeDep, aware, bearer_token, clerk_window, require
from hallclient.hallnode.presence import announce_changes
from hallclient.hallnode.schemas import (
    ErrorOut,
    HeartbeatOut,
    LoginIn,
    LoginOut,
    MeOut,
    PasswordChangeIn,
    Role,
)
from hallclient.store import staff_repo
from hallclient.store.tables import WindowRow

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])
WIN = WindowRow.__table__


@router.post("/login", response_model=LoginOut, responses={
    401: {"model": ErrorOut}, 404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 423: {"model": ErrorOut}})
def login(body: LoginIn, node: NodeDep) -> LoginOut:
    """Staff number + password (+ window number for a clerk) → bearer token. 5 failures lock for 15 min.

    A clerk is seated at the window; a window another clerk is at work at is refused (409) unless `handover`
    (交接班) takes it over; the ticket the window holds stays with it (`ticket_in_hand`)."""
    now = node.clock()
    token, (staff, role, window_no, expires, seated) = auth.login(
        node.store, body.staff_no, body.password, body.window_no, now, handover=body.handover,
        is_present=node.presence.staffed)
    if seated is not None and window_no is not None:
        if seated.previous is not None:
            node.tokens.drop_staff(seated.previous)
        node.tokens.drop_staff(staff.id)
        for no in seated.left:
            _left(node, no)
        node.presence.beat(window_no, staff.id, now)
        node.presence.mark(window_no, True)
    return LoginOut(token=token, role=role, staff_no=staff.staff_no, name=staff.name, window_no=window_no,
                    expires_at=aware(expires), must_change_password=bool(staff.must_change_password),
                    ticket_in_hand=seated.ticket if seated is not None else None)


def _left(node: Node, window_no: int) -> None:
    node.presence.forget(window_no)
    node.presence.mark(window_no, False)


@router.post("/logout", status_code=204, responses={401: {"model": ErrorOut}})
def logout(node: NodeDep, token: Annotated[str, Depends(bearer_token)],
           p: Annotated[Principal, require(*ANY_ROLE, before_password_change=True)]) -> None:
    """End this login (a clerk leaves the window; a ticket in hand stays with the window for the next clerk)."""
    node.tokens.drop(token)
    if p.device_id is None:
        auth.logout(node.store, token, p, node.clock())
        if p.role is Role.CLERK and p.window_no is not None:
            _left(node, p.window_no)


@router.get("/me", response_model=MeOut, responses={401: {"model": ErrorOut}})
def me(p: Annotated[Principal, require(*ANY_ROLE, before_password_change=True)]) -> MeOut:
    return MeOut(role=p.role, name=p.name, staff_no=p.staff_no, window_no=p.window_no,
                 must_change_password=p.must_change_password)


@router.post("/password", status_code=204, responses={
    401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 422: {"model": ErrorOut}})
def change_password(body: PasswordChangeIn, node: NodeDep, token: Annotated[str, Depends(bearer_token)],
                    p: Annotated[Principal, require(*STAFF_ROLES, before_password_change=True)]) -> None:
    """Set your own password: at least 8 characters, not your staff number, not the demo password, not the
    current one. Required after logging in with a one-time password (new account, reset); this login goes
    on working."""
    assert p.staff_id is not None
    try:
        staff_repo.change_own_password(node.store, p.staff_id, body.current_password, body.new_password,
                                       node.clock())
    except staff_repo.WrongPassword as exc:
        raise HTTPException(403, str(exc)) from None
    node.tokens.drop(token)


@router.post("/heartbeat", response_model=HeartbeatOut, responses={
    401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 409: {"model": ErrorOut}})
def heartbeat(node: NodeDep, p: Annotated[Principal, require(Role.CLERK)]) -> HeartbeatOut:
    """The clerk app is alive (every 15 s): the window counts as staffed; none for a minute, and it does not.
    409 when this clerk no longer sits at the window (a supervisor cleared it): log in again."""
    no = clerk_window(p)
    with node.store.read() as conn:
        seated = conn.execute(select(WIN.c.clerk_id).where(WIN.c.no == no)).first()
    if seated is None or seated.clerk_id != p.staff_id:
        raise HTTPException(409, f"you are no longer logged in at window {no}; log in again")
    now = node.clock()
    was = node.presence.staffed(no, p.staff_id, now)
    node.presence.beat(no, p.staff_id, now)
    if not was:
        announce_changes(node.store, node.presence, now)  # back from stale: say so at once
    return HeartbeatOut(window_no=no, staffed=True)
