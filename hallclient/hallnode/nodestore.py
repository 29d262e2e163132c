"""The hall node's view of the store: one in-process write lock, and a hook that runs after each commit.

The hall node is the only writer of its database. SQLite's busy handler, when many threads compete for
`BEGIN IMMEDIATE`, sleeps in growing steps (up to 100 ms), which would wreck call-next latency under 40
windows; queueing on a Python lock instead hands the write lock over as soon as it is free.
The after-commit hook wakes the event tailer, so events leave within a millisecond of their commit
instead of at the next poll. The writer keeps one connection open instead of taking one from the pool
for each write: the checkout, reset and check-in had cost about as much as a call-next's SQL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection

from hallclient.store.store import Store, open_store


class NodeStore(Store):
    """A `Store` whose writes are serialised in-process and announced after commit."""

    def __init__(self, path: Path, *, pooled: bool = True) -> None:
        super().__init__(path, pooled=pooled)
        self._write_lock = threading.Lock()
        self._conn: Connection | None = None  # guarded by _write_lock
        self.after_commit: Callable[[], None] | None = None

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self._write_lock:
            conn = self._conn
            if conn is None or conn.closed or conn.invalidated:
                conn = self._conn = self.writer.connect()
            try:
                with conn.begin():
                    yield conn
            except BaseException:
                if conn.invalidated or conn.closed:  # e.g. disk I/O error: start afresh next time
                    conn.close()
                    self._conn = None
                raise
        hook = self.after_commit
        if hook is not None:
            hook()

    def close(self) -> None:
        with self._write_lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
        super().close()


def open_node_store(path: Path | str) -> NodeStore:
    """Migrate (with the store's usual back-up) and open the hall database for the hall node."""
    open_store(path).close()
    return NodeStore(Path(path))
