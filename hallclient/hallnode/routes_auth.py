"""/auth: staff login (with lock-out), logout, who-am-i."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from hallclient.hallnode import auth
from hallclient.hallnode.auth import Principal
from hallclient.hallnode.deps import ANY_ROLE, NodeDep, aware, bearer_token, require
from hallclient.hallnode.schemas import ErrorOut, LoginIn, LoginOut, MeOut

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


@router.post("/login", response_model=LoginOut,
             responses={401: {"model": ErrorOut}, 404: {"model": ErrorOut}, 423: {"model": ErrorOut}})
def login(body: LoginIn, node: NodeDep) -> LoginOut:
    """Staff number + password (+ window number for a clerk) → bearer token. 5 failures lock for 15 min."""
    token, (staff, role, window_no, expires) = auth.login(node.store, body.staff_no, body.password,
                                                          body.window_no, node.clock())
    return LoginOut(token=token, role=role, staff_no=staff.staff_no, name=staff.name, window_no=window_no,
                    expires_at=aware(expires))


@router.post("/logout", status_code=204, responses={401: {"model": ErrorOut}})
def logout(node: NodeDep, token: Annotated[str, Depends(bearer_token)],
           p: Annotated[Principal, require(*ANY_ROLE)]) -> None:
    """End this login (a clerk leaves the window)."""
    node.tokens.drop(token)
    if p.device_id is None:
        auth.logout(node.store, token, p, node.clock())


@router.get("/me", response_model=MeOut, responses={401: {"model": ErrorOut}})
def me(p: Annotated[Principal, require(*ANY_ROLE)]) -> MeOut:
    return MeOut(role=p.role, name=p.name, staff_no=p.staff_no, window_no=p.window_no)
