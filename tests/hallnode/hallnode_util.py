"""Helpers for the hall node tests: a real hall node (uvicorn) on a free loopback port, in a thread.

In-process so tests can move the node's clock and call its alert check directly; over real sockets so
the HTTP client, the WebSocket subscriber and reconnects are exercised as the desktop apps will use them.
"""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import uvicorn
from sqlalchemy import insert, select

from hallclient.hallnode.app import create_app
from hallclient.hallnode.auth import hash_token, new_token, session_expiry
from hallclient.hallnode.client import HallClient, HallNodeError
from hallclient.hallnode.deps import Node
from hallclient.ids import new_id
from hallclient.store import seats
from hallclient.store.tables import AuthSessionRow, StaffRow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveNode:
    """A hall node served by uvicorn in a thread; `stop()`/`start()` simulate a restart on the same port."""

    def __init__(self, db: Path, clock: Callable[[], datetime] | None, port: int | None = None,
                 heartbeat_s: float = 10.0) -> None:
        self.db, self.clock, self.heartbeat_s = db, clock, heartbeat_s
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server: uvicorn.Server | None = None
        self.thread: threading.Thread | None = None
        self._clients: list[HallClient] = []

    def start(self) -> LiveNode:
        self.app = create_app(self.db, clock=self.clock, poll_s=0.02, heartbeat_s=self.heartbeat_s,
                              alert_interval_s=0)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning",
                                ws="websockets-sansio", lifespan="on", timeout_graceful_shutdown=2)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name=f"hallnode-{self.port}", daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("hall node did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self.server is not None and self.thread is not None:
            self.server.should_exit = True
            self.thread.join(15)
            assert not self.thread.is_alive(), "hall node did not stop"
        self.server = self.thread = None

    @property
    def node(self) -> Node:
        return self.app.state.node

    def client(self, token: str | None = None) -> HallClient:
        c = HallClient(self.url, token, get_retries=0)
        self._clients.append(c)
        return c

    def token(self, staff_no: str, window_no: int | None = None) -> str:
        """A session token without the argon2 login (tests need dozens); same rows a login writes: a clerk is
        seated at the window and counts as present (a heartbeat now, on the node's clock)."""
        store = self.node.store
        now = self.node.clock()
        with store.write() as conn:
            staff = conn.execute(select(StaffRow.__table__).where(StaffRow.__table__.c.staff_no == staff_no)).one()
            tok = new_token()
            window = window_no if window_no is not None else staff.default_window
            conn.execute(insert(AuthSessionRow.__table__).values(
                id=new_id(), token_hash=hash_token(tok), staff_id=staff.id, role=staff.role,
                window_no=window, created_at=now, expires_at=session_expiry(store, now), revoked=False))
            if staff.role == "clerk" and window is not None:
                seats.seat_clerk(conn, staff, window, now)
        if staff.role == "clerk" and window is not None:
            self.node.presence.beat(window, staff.id, now)
            self.node.presence.mark(window, True)
        return tok

    def device_token(self, role: str) -> str:
        from hallclient.hallnode.auth import add_device

        return add_device(self.node.store, f"{role}-{uuid.uuid4().hex[:8]}", role, self.node.clock())

    def close(self) -> None:
        for c in self._clients:
            c.close()
        self.stop()


def status_of(fn: Callable[..., object], *a: object, **kw: object) -> int:
    """The HTTP status a client call ends with (200 when it succeeds)."""
    try:
        fn(*a, **kw)
    except HallNodeError as exc:
        return exc.status
    return 200


def wait_until(cond: Callable[[], bool], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return True
        time.sleep(0.01)
    return cond()


MINUTE = timedelta(minutes=1)
