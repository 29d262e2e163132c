"""The event stream: one task tails `hall_event` and fans new rows out to every WebSocket subscriber.

The store writes each event row in the same transaction as the change, with a gap-free `seq` assigned
under the write lock, so commit order is seq order and `WHERE seq > last` never skips a row. The tailer
polls every `poll_s` and is also woken right after each local commit (`NodeStore.after_commit`), so an
event normally leaves within a few ms of its commit. A subscriber that falls too far behind is dropped;
it reconnects with `?since=` and catches up from the table, so nothing is lost, only delayed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from hallclient.store.engine import raw_reader
from hallclient.store.store import Store
from hallclient.store.tables import HallEventRow

EV = HallEventRow.__table__
log = logging.getLogger(__name__)
QUEUE_LIMIT = 5000
PAGE = 500


@dataclass(frozen=True, slots=True)
class Event:
    seq: int
    kind: str
    at: datetime
    payload: dict[str, Any]

    def to_json(self) -> str:
        return json.dumps({"seq": self.seq, "kind": self.kind, "at": self.at.isoformat() + "Z",
                           "payload": self.payload}, ensure_ascii=False, default=str)


def read_events(conn: sqlite3.Connection, after: int, limit: int = PAGE) -> list[Event]:
    """Events after `after`, in seq order, straight from the DB-API cursor: the tailer reads once per commit,
    and SQLAlchemy's connection checkout and result machinery had cost more than the read itself."""
    rows = conn.execute("SELECT seq, at, kind, payload FROM hall_event WHERE seq > ? ORDER BY seq LIMIT ?",
                        (after, limit))
    return [Event(seq, kind, datetime.fromisoformat(at), (json.loads(payload) if payload else None) or {})
            for seq, at, kind, payload in rows]


def head_seq(store: Store) -> int:
    with store.read() as conn:
        return head_seq_in(conn)


def head_seq_in(conn: Any) -> int:
    """The stream's last seq as the reading transaction sees it."""
    return int(conn.execute(select(func.coalesce(func.max(EV.c.seq), 0))).scalar_one())


class Subscriber:
    """One WebSocket's mailbox. `overflowed` tells its sender to close so the client resumes from the table."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[Event] = asyncio.Queue(QUEUE_LIMIT)
        self.overflowed = asyncio.Event()

    def offer(self, ev: Event) -> None:
        try:
            self.queue.put_nowait(ev)
        except asyncio.QueueFull:
            self.overflowed.set()


class EventHub:
    """Tails the hall_event table and hands new events to subscribers, in seq order."""

    def __init__(self, store: Store, poll_s: float = 0.03) -> None:
        self.store = store
        self.poll_s = poll_s
        self.head = 0
        self.subscribers: set[Subscriber] = set()
        # one dedicated thread: the tailer's reads never wait behind request threads queued on the write lock
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hall-events")
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._conn: sqlite3.Connection | None = None  # used on the hub's thread only

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self.head = await self.run(head_seq, self.store)
        self._task = asyncio.create_task(self._tail(), name="hall-event-tailer")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.run(self._close_conn)
        self._executor.shutdown(wait=True)

    async def run(self, fn: Any, *args: Any) -> Any:
        """Run a blocking read on the hub's own thread."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    def _read(self, after: int) -> list[Event]:
        if self._conn is None:
            self._conn = raw_reader(self.store.path)
        try:
            return read_events(self._conn, after)
        except sqlite3.Error:
            self._close_conn()  # a broken connection is opened afresh on the next read
            raise

    def _close_conn(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    async def read(self, after: int) -> list[Event]:
        """Up to one page of events after seq `after`, read on the hub's thread."""
        return await self.run(self._read, after)

    def poke(self) -> None:
        """Thread-safe: something was committed, look now."""
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # loop shutting down
                loop.call_soon_threadsafe(wake.set)

    async def _tail(self) -> None:
        assert self._wake is not None
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_s)
            self._wake.clear()
            try:
                while True:
                    batch = await self.read(self.head)
                    for ev in batch:
                        self.head = ev.seq
                        for sub in list(self.subscribers):
                            sub.offer(ev)
                    if len(batch) < PAGE:
                        break
            except asyncio.CancelledError:
                raise
            except Exception:  # a locked/busy database must not kill the stream; try again next tick
                log.exception("event tailer: reading hall_event failed")
                await asyncio.sleep(0.5)

    def subscribe(self) -> Subscriber:
        sub = Subscriber()
        self.subscribers.add(sub)
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        self.subscribers.discard(sub)
