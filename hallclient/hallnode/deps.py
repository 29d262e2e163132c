"""Request dependencies: the node's state, the authenticated caller, and the role/window checks.

They are `async def` on purpose: FastAPI runs a plain `def` dependency in its thread pool, and four thread
hand-offs per request had cost more CPU than the database work itself (py-spy, bench_hallnode). Only a
token-cache miss reads the database, and that read goes to the thread pool.
"""

from __future__ import annotations

import asyncio
import functools
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any, TypeVar, overload

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from hallclient.hallnode import auth
from hallclient.hallnode.alerts import AlertChecker
from hallclient.hallnode.auth import Principal
from hallclient.hallnode.displays import Displays
from hallclient.hallnode.events import EventHub
from hallclient.hallnode.nodestore import NodeStore
from hallclient.hallnode.presence import Presence
from hallclient.hallnode.schemas import Role
from hallclient.store.queue import HallQueue, TicketView

T = TypeVar("T")
STAFF = (Role.CLERK, Role.SUPERVISOR, Role.ADMIN)
MANAGERS = (Role.SUPERVISOR, Role.ADMIN)
ANY_ROLE = tuple(Role)

_bearer = HTTPBearer(auto_error=False, description="a staff login token or a device token")


class TokenCache:
    """Principals of recently seen tokens for a few seconds: saves a database read on every request.
    A logout through this node drops its entry at once; a device revoked from the CLI (another process)
    stops working within `ttl_s`."""

    def __init__(self, ttl_s: float = 5.0, size: int = 1000) -> None:
        self.ttl_s, self.size = ttl_s, size
        self._lock = threading.Lock()
        self._items: dict[str, tuple[float, Principal]] = {}

    def get(self, token: str) -> Principal | None:
        with self._lock:
            hit = self._items.get(token)
        if hit is None or hit[0] < time.monotonic():
            return None
        return hit[1]

    def put(self, token: str, p: Principal) -> None:
        with self._lock:
            if len(self._items) >= self.size:
                self._items.clear()
            self._items[token] = (time.monotonic() + self.ttl_s, p)

    def drop(self, token: str) -> None:
        with self._lock:
            self._items.pop(token, None)

    def clear(self) -> None:
        """Forget every cached token (after a change to who may do what, e.g. a role change)."""
        with self._lock:
            self._items.clear()

    def drop_staff(self, staff_id: uuid.UUID) -> None:
        """Forget every cached token of one staff member (their sessions were just revoked)."""
        with self._lock:
            for token in [t for t, (_, p) in self._items.items() if p.staff_id == staff_id]:
                del self._items[token]


@dataclass
class Node:
    """Everything a request needs, built once per app."""

    store: NodeStore
    queue: HallQueue
    hub: EventHub
    alerts: AlertChecker
    clock: Callable[[], datetime]
    heartbeat_s: float
    presence: Presence
    tokens: TokenCache = field(default_factory=TokenCache)
    displays: Displays = field(default_factory=Displays)
    # The queue's writes are serialised by the database anyway; running them on one thread, in arrival
    # order, instead of on 40 pool threads queued on the write lock, saves the lock hand-offs and GIL
    # thrash that had made a burst of call-next slower than its work (bench_hallnode, phase 5).
    writer: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=1, thread_name_prefix="hall-writer"))

    async def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a queue write on the writer thread; the event loop stays free meanwhile."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.writer, functools.partial(fn, *args, **kwargs))


async def get_node(request: Request) -> Node:
    return request.app.state.node


NodeDep = Annotated[Node, Depends(get_node)]


async def bearer_token(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> str:
    if creds is None or not creds.credentials:
        raise HTTPException(401, "log in first: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    return creds.credentials


async def current_principal(node: NodeDep, token: Annotated[str, Depends(bearer_token)]) -> Principal:
    p = node.tokens.get(token)
    if p is not None:
        return p
    p = await run_in_threadpool(auth.resolve, node.store, token, node.clock())
    if p is not None:
        node.tokens.put(token, p)
    if p is None:
        raise HTTPException(401, "token unknown, expired or revoked; log in again",
                            headers={"WWW-Authenticate": "Bearer"})
    return p


def require(*roles: Role, before_password_change: bool = False) -> Any:
    """A dependency admitting only `roles`. A login with a one-time password is admitted only where
    `before_password_change` (setting the password, who-am-i, logout) until its owner sets their own."""
    allowed = frozenset(roles)

    async def check(p: Annotated[Principal, Depends(current_principal)]) -> Principal:
        if p.role not in allowed:
            names = ", ".join(sorted(r.value for r in allowed))
            raise HTTPException(403, f"a {p.role.value} may not do this; needs: {names}")
        if p.must_change_password and not before_password_change:
            raise HTTPException(403, "set your own password first (POST /api/v1/auth/password): the one you "
                                     "logged in with was a one-time password")
        return p

    return Depends(check)


def clerk_window(p: Principal) -> int:
    if p.window_no is None:
        raise HTTPException(403, "this clerk login has no window; log in with a window number")
    return p.window_no


def check_window(p: Principal, window_no: int) -> None:
    """A clerk acts only at the window their login is bound to; supervisors and admins anywhere."""
    if p.role is Role.CLERK and clerk_window(p) != window_no:
        raise HTTPException(403, f"this login is for window {p.window_no}, not window {window_no}")


def own_window(p: Principal) -> int | None:
    """The window a ticket action is done from: a clerk's own (the store then insists the ticket is there),
    or None for a supervisor or admin (the store uses the ticket's window)."""
    return clerk_window(p) if p.role is Role.CLERK else None


@overload
def aware(dt: datetime) -> datetime: ...
@overload
def aware(dt: None) -> None: ...
def aware(dt: datetime | None) -> datetime | None:
    """Naive UTC from the store → aware UTC, so JSON carries an explicit 'Z'/offset."""
    return dt.replace(tzinfo=UTC) if dt is not None and dt.tzinfo is None else dt


def ticket_out(view: TicketView) -> dict[str, Any]:
    d = {k: getattr(view, k) for k in view.__dataclass_fields__}
    for k in ("issued_at", "called_at", "started_at", "finished_at", "appointment_slot"):
        d[k] = aware(d[k])
    return d
