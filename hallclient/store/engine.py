"""SQLite engines: WAL, busy_timeout, synchronous=FULL, and `BEGIN IMMEDIATE` for every write.

pysqlite's default deferred BEGIN takes the write lock only at the first write, so two processes that
both read-then-write can deadlock or lose an update; an immediate BEGIN takes the lock up front and the
other writer waits on busy_timeout instead. Reads use a deferred BEGIN on their own engine, so they
never queue behind writers (WAL lets readers and one writer run together).
synchronous=FULL (default): a ticket number handed to a visitor survives even a power cut. A hall whose
node sits on a UPS may set HALLCLIENT_SQLITE_SYNCHRONOUS=NORMAL: WAL then skips the fsync per commit and
stays safe against process crashes, but a power cut may lose the last transactions.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

BUSY_TIMEOUT_MS = 15_000
log = logging.getLogger(__name__)


def synchronous_mode() -> str:
    mode = os.environ.get("HALLCLIENT_SQLITE_SYNCHRONOUS", "FULL").upper()
    if mode not in ("FULL", "NORMAL", "EXTRA"):
        raise ValueError(f"HALLCLIENT_SQLITE_SYNCHRONOUS must be FULL, NORMAL or EXTRA, not {mode!r}")
    return mode


def _pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA synchronous={synchronous_mode()}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def make_engine(path: Path, *, immediate: bool, pooled: bool = True) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        **({} if pooled else {"poolclass": NullPool}),
    )
    event.listen(engine, "connect", _pragmas)
    begin_sql = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql(begin_sql)

    return engine


def raw_reader(path: Path) -> sqlite3.Connection:
    """A bare DB-API connection for a hot read loop (the event tailer): autocommit, read-only, same
    busy_timeout; each SELECT sees the latest commit. For one thread at a time."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA query_only=1")
    return conn


def checkpoint_wal(path: Path) -> tuple[int, int, int]:
    """Copy every committed page from the WAL into the database file and empty the WAL (TRUNCATE), as the
    hall node does when it stops: the file alone is then complete (for a copy, a backup tool, a move).
    Returns SQLite's (busy, WAL frames, frames checkpointed); busy = 1 means another connection held it."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        busy, frames, done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    log.info("WAL checkpointed: %s of %s frames%s", done, frames, " (busy)" if busy else "")
    return busy, frames, done
