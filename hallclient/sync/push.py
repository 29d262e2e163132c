"""Up: push the hall's outbox to the central store, in outbox-seq order, with idempotent upserts.

Why this shape:
- The outbox row is written in the same hall transaction as the change, so every change is in it.
- A batch is read in one *read* transaction (no SQLite write lock while the network is busy), the rows are
  upserted centrally, and the per-hall watermark (the batch's last seq) is advanced in the *same* central
  transaction. The watermark is the truth on resume: a crash before the central commit leaves nothing, a
  crash after it only loses the local ack, which the next run re-derives from the watermark.
- Upserts are keyed by (hall_id, id); a ticket only overwrites a central row with a lower `version`, so a
  re-pushed or out-of-order batch can never go back in time, and the hall's clock never decides anything.
- The local outbox is pruned only some nights after its rows were acknowledged, so a central store
  restored from an older backup is refilled from the outbox; older gaps are healed by the checks.
- The same central transaction writes each rated ticket's `rating` row and queues the (hall, day)s it touched
  for their report summaries (`hallclient.central.refresh`), rebuilt once the batches are in; monthly
  partitions for the batch's months are made beforehand in a short transaction of their own.
"""

from __future__ import annotations

import os
import signal
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from hallclient.central import partitions, refresh
from hallclient.store.store import Store, utc_now
from hallclient.store.tables import SettingRow, SyncStateRow
from hallclient.store.tables import metadata as hall_metadata
from hallclient.sync.central_tables import DAY_COLUMN, UP_TABLES, hall_sync, key_columns

FAULT_ENV = "HALLCLIENT_SYNC_FAULT"
DEFAULT_BATCH = 20_000
STATE = SyncStateRow.__table__
SETTING = SettingRow.__table__

FaultHook = Callable[[str], None]

# Rows that never change once written go up with DO NOTHING; the others only overwrite older state.
_UPDATE_WHEN: dict[str, str | None] = {
    "ticket": '"ticket"."version" < excluded."version"',
    "window_session": '"window_session"."ended_at" IS NULL AND excluded."ended_at" IS NOT NULL',
    "ticket_event": None,
    "window_switch": None,
    "audit_log": None,
    "rating": '"rating"."version" < excluded."version"',
}
# A rating row's columns, taken from the ticket row (source / follow-up state once the hall has them).
RATING_COLUMNS = ("hall_id", "ticket_id", "day", "level", "reason", "rated_at", "source", "followup_state", "version")
_RATING_FROM_TICKET = ("hall_id", "id", "day", "rating", "rating_reason", "rated_at", "rating_source",
                       "followup_state", "version")


class ConcurrentSyncError(RuntimeError):
    """Another sync of the same hall moved the central watermark meanwhile."""


def fault(point: str, hook: FaultHook | None = None) -> None:
    """Fault injection for the crash tests: `hook` (in-process) or HALLCLIENT_SYNC_FAULT=point[@n]
    (kill -9 of this process at the n-th time the point is reached, default the first)."""
    if hook is not None:
        hook(point)
    wanted = os.environ.get(FAULT_ENV)
    if not wanted:
        return
    name, _, nth = wanted.partition("@")
    if name != point:
        return
    _FAULT_HITS[point] = _FAULT_HITS.get(point, 0) + 1
    if _FAULT_HITS[point] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)


_FAULT_HITS: dict[str, int] = {}


def columns(table: str) -> list[str]:
    """The hall table's column names, in declaration order (the central mirror has the same ones)."""
    return [c.name for c in hall_metadata.tables[table].columns]


def _q(name: str) -> str:
    return f'"{name}"'


# -- the central side ------------------------------------------------------------------------------


def utc_now_sql(dialect: str) -> str:
    return "(now() AT TIME ZONE 'UTC')" if dialect == "postgresql" else "strftime('%Y-%m-%d %H:%M:%f', 'now')"


def central_now(conn: Connection) -> datetime:
    """The central store's clock (naive UTC); SQLite's stand-in shares this machine's clock."""
    if conn.dialect.name == "postgresql":
        return conn.exec_driver_sql("SELECT clock_timestamp() AT TIME ZONE 'UTC'").scalar_one()
    value = conn.exec_driver_sql("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')").scalar_one()
    return datetime.fromisoformat(value)


def upsert_sql(table: str, cols: Sequence[str], dialect: str, source: str | None = None) -> str:
    """INSERT … ON CONFLICT (hall_id, id) DO UPDATE … WHERE newer (or DO NOTHING for immutable rows).

    With `source` the rows come from that (temporary) table, else from one VALUES row per parameter set.
    """
    col_list = ", ".join(_q(c) for c in cols)
    now = utc_now_sql(dialect)
    if source is None:
        marks = ", ".join("?" if dialect == "sqlite" else "%s" for _ in cols)
        head = f"INSERT INTO {_q(table)} ({col_list}, synced_at) VALUES ({marks}, {now})"
    else:
        head = f"INSERT INTO {_q(table)} ({col_list}, synced_at) SELECT {col_list}, {now} FROM {source} WHERE true"
    cond = _UPDATE_WHEN[table]
    key = ("hall_id", "ticket_id", "day") if table == "rating" else key_columns(table)
    target = ", ".join(key)
    if cond is None:
        return f"{head} ON CONFLICT ({target}) DO NOTHING"
    sets = ", ".join(f"{_q(c)} = excluded.{_q(c)}" for c in cols if c not in key)
    return f"{head} ON CONFLICT ({target}) DO UPDATE SET {sets}, synced_at = excluded.synced_at WHERE {cond}"


def upsert_rows(conn: Connection, table: str, cols: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    """Upsert raw hall rows (SQLite storage form: hex UUIDs, ISO times, JSON text) into the central table.

    PostgreSQL: COPY into a session temp table, then one INSERT … SELECT … ON CONFLICT (a few times
    faster than row-by-row). SQLite: executemany of the same upsert. Returns rows inserted or updated.
    """
    if not rows:
        return 0
    dialect = conn.dialect.name
    if dialect != "postgresql":
        result = conn.exec_driver_sql(upsert_sql(table, cols, dialect), [tuple(r) for r in rows])
        return max(result.rowcount, 0)
    tmp = f"_up_{table}"
    col_list = ", ".join(_q(c) for c in cols)
    pg = conn.connection.driver_connection
    with pg.cursor() as cur:  # type: ignore[union-attr]
        cur.execute(f"CREATE TEMP TABLE IF NOT EXISTS {tmp} (LIKE {_q(table)}) ON COMMIT DELETE ROWS")
        cur.execute(f"TRUNCATE {tmp}")
        with cur.copy(f"COPY {tmp} ({col_list}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row(r)
        cur.execute(upsert_sql(table, cols, dialect, source=tmp))
        return max(cur.rowcount, 0)


def rating_rows(ticket_rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """The `rating` rows of the rated tickets among raw hall ticket rows."""
    cols = columns("ticket")
    idx = [cols.index(c) if c in cols else None for c in _RATING_FROM_TICKET]
    level = cols.index("rating")
    return [tuple(None if i is None else r[i] for i in idx) for r in ticket_rows if r[level] is not None]


def _day(value: Any) -> date:
    return date.fromisoformat(str(value)[:10])


def batch_days(store: Store, rows: Mapping[str, Sequence[Sequence[Any]]]) -> set[date]:
    """The business days of the tickets a batch's ticket and event rows belong to (an event's ticket may be
    in an earlier batch: its day comes from the hall database)."""
    tcols, ecols = columns("ticket"), columns("ticket_event")
    tickets = rows.get("ticket") or ()
    days = {_day(r[tcols.index("day")]) for r in tickets}
    known = {str(r[tcols.index("id")]) for r in tickets}
    wanted = sorted({str(r[ecols.index("ticket_id")]) for r in rows.get("ticket_event") or ()} - known)
    with store.read() as conn:
        for i in range(0, len(wanted), 500):
            chunk = wanted[i:i + 500]
            marks = ", ".join("?" for _ in chunk)
            days |= {_day(d) for (d,) in conn.exec_driver_sql(
                f"SELECT DISTINCT day FROM ticket WHERE id IN ({marks})", tuple(chunk)).all()}
    return days


def batch_months(rows: Mapping[str, Sequence[Sequence[Any]]]) -> set[date]:
    """The months the partitioned tables need for these rows (tickets by day, events by time)."""
    out: set[date] = set()
    for table, col in (("ticket", "day"), ("ticket_event", "at")):
        i = columns(table).index(col)
        out |= {partitions.month_of(_day(r[i])) for r in rows.get(table) or ()}
    return out


def apply_derived(conn: Connection, store: Store, rows: Mapping[str, Sequence[Sequence[Any]]]) -> int:
    """In the transaction that upserted `rows`: their rating rows, and their days queued for the summaries."""
    n = upsert_rows(conn, "rating", RATING_COLUMNS, rating_rows(rows.get("ticket") or ()))
    refresh.mark(conn, store.hall_id, batch_days(store, rows))
    return n


@dataclass(frozen=True)
class Watermark:
    last_seq: int
    last_table: str | None
    last_row_id: uuid.UUID | None


def read_watermark(conn: Connection, hall_id: uuid.UUID) -> Watermark | None:
    row = conn.execute(select(hall_sync).where(hall_sync.c.hall_id == hall_id)).first()
    return None if row is None else Watermark(int(row.last_seq), row.last_table, row.last_row_id)


def advance_watermark(conn: Connection, store: Store, old: Watermark | None, new: Watermark) -> None:
    """Move the watermark from `old` to `new` in the caller's central transaction; refuses (and so rolls
    the batch back) if another sync of this hall moved it meanwhile."""
    hall = store.hall()
    values = dict(last_seq=new.last_seq, last_table=new.last_table, last_row_id=new.last_row_id,
                  hall_code=hall.code, hall_name=hall.name, updated_at=central_now(conn))
    if old is None:
        exists = conn.execute(select(hall_sync.c.last_seq).where(hall_sync.c.hall_id == hall.id)).first()
        if exists is not None:
            raise ConcurrentSyncError("another sync of this hall created the watermark meanwhile")
        conn.execute(insert(hall_sync).values(hall_id=hall.id, **values))
        return
    done = conn.execute(update(hall_sync).where(hall_sync.c.hall_id == hall.id,
                                                hall_sync.c.last_seq == old.last_seq).values(**values))
    if done.rowcount != 1:
        raise ConcurrentSyncError("another sync of this hall moved the watermark meanwhile")


# -- the hall side --------------------------------------------------------------------------------


@dataclass
class Batch:
    after_seq: int
    last: Watermark
    outbox_rows: int
    rows: dict[str, list[tuple[Any, ...]]]
    missing: dict[str, int]
    unknown: dict[str, int]


def read_batch(store: Store, after_seq: int, limit: int) -> Batch | None:
    """The next `limit` outbox entries after `after_seq` and the current state of the rows they name,
    all in one read transaction (a consistent snapshot, no write lock)."""
    with store.read() as conn:
        hi = conn.exec_driver_sql("SELECT seq FROM outbox WHERE seq > ? ORDER BY seq LIMIT 1 OFFSET ?",
                                  (after_seq, limit - 1)).scalar()
        if hi is None:
            hi = conn.exec_driver_sql("SELECT max(seq) FROM outbox WHERE seq > ?", (after_seq,)).scalar()
        if hi is None:
            return None
        last = conn.exec_driver_sql("SELECT table_name, row_id FROM outbox WHERE seq = ?", (hi,)).one()
        per_table: dict[str, int] = dict(conn.exec_driver_sql(
            "SELECT table_name, count(DISTINCT row_id) FROM outbox WHERE seq > ? AND seq <= ? GROUP BY table_name",
            (after_seq, hi)).all())
        n = conn.exec_driver_sql("SELECT count(*) FROM outbox WHERE seq > ? AND seq <= ?", (after_seq, hi)).scalar()
        rows: dict[str, list[tuple[Any, ...]]] = {}
        missing: dict[str, int] = {}
        for table in UP_TABLES:
            if table not in per_table:
                continue
            col_list = ", ".join(_q(c) for c in columns(table))
            got = conn.exec_driver_sql(
                f"SELECT {col_list} FROM {_q(table)} WHERE id IN "
                "(SELECT row_id FROM outbox WHERE seq > ? AND seq <= ? AND table_name = ?)",
                (after_seq, hi, table)).all()
            rows[table] = [tuple(r) for r in got]
            if len(got) != per_table[table]:
                missing[table] = per_table[table] - len(got)
        unknown = {t: c for t, c in per_table.items() if t not in UP_TABLES}
    return Batch(after_seq, Watermark(int(hi), last.table_name, uuid.UUID(hex=str(last.row_id))), int(n or 0), rows,
                 missing, unknown)


def _state(conn: Connection, key: str) -> dict[str, Any]:
    value = conn.execute(select(STATE.c.value).where(STATE.c.key == key)).scalar()
    return dict(value or {})


def put_state(conn: Connection, key: str, value: dict[str, Any]) -> None:
    done = conn.execute(update(STATE).where(STATE.c.key == key).values(value=value, updated_at=utc_now()))
    if done.rowcount == 0:
        conn.execute(insert(STATE).values(key=key, value=value, updated_at=utc_now()))


def get_state(store: Store, key: str) -> dict[str, Any]:
    with store.read() as conn:
        return _state(conn, key)


def sync_settings(store: Store) -> dict[str, Any]:
    with store.read() as conn:
        value = conn.execute(select(SETTING.c.value).where(SETTING.c.key == "sync")).scalar()
    return {"nightly_at": "02:00", "keep_backups": 7, "keep_outbox_nights": 7} | dict(value or {})


def ack(store: Store, seq: int) -> None:
    """Remember locally how far the central store has the outbox (a short write transaction)."""
    with store.write() as conn:
        state = _state(conn, "push")
        state["acked_seq"] = seq
        put_state(conn, "push", state)


def finish_night(store: Store, seq: int, keep_nights: int) -> int:
    """Close a sync run: record its acked seq and prune outbox rows acknowledged more than `keep_nights`
    runs ago. The newest row always stays, so SQLite never hands out an old seq again."""
    with store.write() as conn:
        state = _state(conn, "push")
        history = list(state.get("history", []))
        history.append([seq, utc_now().isoformat()])
        history = history[-max(keep_nights, 1) - 1:]
        state.update(acked_seq=seq, history=history)
        put_state(conn, "push", state)
        if len(history) <= keep_nights:
            return 0
        cutoff = min(int(history[0][0]), seq)
        result = conn.exec_driver_sql("DELETE FROM outbox WHERE seq < ? AND seq < (SELECT max(seq) FROM outbox)",
                                      (cutoff,))
        return max(result.rowcount, 0)


# -- the run --------------------------------------------------------------------------------------


@dataclass
class PushResult:
    start_seq: int = 0
    end_seq: int = 0
    batches: int = 0
    outbox_rows: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    applied: int = 0
    days: dict[str, set[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    full_check: bool = False
    pruned: int = 0
    refreshed: int = 0

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def resume_point(store: Store, wm: Watermark | None) -> tuple[int, bool, list[str]]:
    """Where to start: the central watermark, unless the hall's outbox shows it cannot be trusted
    (the hall was restored from a backup, or central lost rows the outbox no longer holds)."""
    notes: list[str] = []
    acked = int(get_state(store, "push").get("acked_seq", 0))
    with store.read() as conn:
        # two queries: SQLite answers a lone min() or max() from the index, both together by a full scan
        lo = conn.exec_driver_sql("SELECT min(seq) FROM outbox").scalar()
        hi = conn.exec_driver_sql("SELECT max(seq) FROM outbox").scalar()
        at_wm = None
        if wm is not None and wm.last_seq:
            at_wm = conn.exec_driver_sql("SELECT table_name, row_id FROM outbox WHERE seq = ?",
                                         (wm.last_seq,)).first()
    w = wm.last_seq if wm is not None else 0
    if w == 0:
        if acked:
            notes.append(f"central store has nothing of this hall but the hall had sent up to {acked}: "
                         "central restored or replaced; re-sending the outbox and checking every day")
            return 0, True, notes
        return 0, False, notes
    if at_wm is not None and wm is not None:
        same = at_wm.table_name == wm.last_table and uuid.UUID(hex=str(at_wm.row_id)) == wm.last_row_id
        if same:
            if w < acked:
                notes.append(f"central watermark {w} is behind the hall's ack {acked}: central restored from "
                             "a backup; re-sending from the watermark")
            return w, False, notes
        start = min(acked, w)
        notes.append(f"outbox entry {w} differs from what central holds: the hall database was restored "
                     f"from a backup; re-sending from {start} and checking every day")
        return start, True, notes
    if hi is None or w > hi:
        start = min(acked, hi or 0)
        notes.append(f"central watermark {w} is ahead of this hall's outbox ({hi}): the hall database was "
                     f"restored from a backup; re-sending from {start} and checking every day")
        return start, True, notes
    # entry pruned: it was acknowledged nights ago; the watermark stands
    if lo is not None and w < lo - 1 and w < acked:
        notes.append(f"central watermark {w} is older than the outbox kept here ({lo}): checking every day")
        return w, True, notes
    return w, False, notes


@contextmanager
def hall_lock(engine: Engine, hall_id: uuid.UUID) -> Iterator[None]:
    """On PostgreSQL, one push per hall at a time (a session advisory lock, freed if the process dies),
    so a manual run next to the nightly one waits instead of racing it. SQLite serialises writers
    anyway; there the optimistic watermark check alone keeps two runs correct."""
    if engine.dialect.name != "postgresql":
        yield
        return
    key = int.from_bytes(hall_id.bytes[:8], "big", signed=True)
    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT pg_advisory_lock(%s)", (key,))
        conn.commit()
        try:
            yield
        finally:
            conn.exec_driver_sql("SELECT pg_advisory_unlock(%s)", (key,))
            conn.commit()


def push(store: Store, engine: Engine, *, batch_size: int = DEFAULT_BATCH, fault_hook: FaultHook | None = None,
         max_conflicts: int = 100) -> PushResult:
    """Push every outbox entry the central store does not have yet. Safe to kill at any point."""
    with hall_lock(engine, store.hall_id):
        return _push(store, engine, batch_size=batch_size, fault_hook=fault_hook, max_conflicts=max_conflicts)


def _push(store: Store, engine: Engine, *, batch_size: int, fault_hook: FaultHook | None,
          max_conflicts: int) -> PushResult:
    res = PushResult()
    hall_id = store.hall_id
    with engine.connect() as c:
        wm = read_watermark(c, hall_id)
        c.rollback()
    start, full, notes = resume_point(store, wm)
    res.start_seq = res.end_seq = start
    res.full_check = full
    res.notes += notes
    after = start
    conflicts = 0
    partitions.ensure_ahead(engine, store.local_day(utc_now()))
    while True:
        batch = read_batch(store, after, batch_size)
        if batch is None:
            break
        fault("after_read", fault_hook)
        partitions.ensure(engine, batch_months(batch.rows))
        try:
            with engine.begin() as conn:
                current = read_watermark(conn, hall_id)
                if current != wm:
                    raise ConcurrentSyncError("watermark moved before the batch")
                first = True
                for table in UP_TABLES:
                    rows = batch.rows.get(table)
                    if not rows:
                        continue
                    res.applied += upsert_rows(conn, table, columns(table), rows)
                    if first:  # some tables of the batch are in, the others and the watermark not yet
                        fault("mid_batch", fault_hook)
                        first = False
                apply_derived(conn, store, batch.rows)
                advance_watermark(conn, store, current, batch.last)
                fault("before_central_commit", fault_hook)
        except ConcurrentSyncError as exc:
            conflicts += 1
            if conflicts > max_conflicts:
                raise
            res.notes.append(str(exc) + "; re-reading it")
            with engine.connect() as c:
                wm = read_watermark(c, hall_id)
                c.rollback()
            after = max(after, wm.last_seq if wm else 0)
            continue
        fault("after_central_commit", fault_hook)
        ack(store, batch.last.last_seq)
        fault("after_local_ack", fault_hook)
        wm, after = batch.last, batch.last.last_seq
        res.batches += 1
        res.outbox_rows += batch.outbox_rows
        res.end_seq = after
        for table, rows in batch.rows.items():
            res.rows[table] = res.rows.get(table, 0) + len(rows)
            i = columns(table).index(DAY_COLUMN[table])
            res.days.setdefault(table, set()).update({str(r[i])[:10] for r in rows})
        for table, n in batch.missing.items():
            res.notes.append(f"{n} {table} rows named in the outbox no longer exist in the hall database")
        for table, n in batch.unknown.items():
            res.notes.append(f"{n} outbox entries for table {table!r}, which does not go up; skipped")
    if res.batches == 0 and wm is not None and wm.last_seq > int(get_state(store, "push").get("acked_seq", 0)) \
            and not res.full_check:
        ack(store, wm.last_seq)  # a crash lost the last local ack; the central watermark is the truth
    keep = int(sync_settings(store).get("keep_outbox_nights", 7))
    res.pruned = finish_night(store, res.end_seq, keep) if res.end_seq else 0
    res.refreshed = refresh.refresh(engine, [hall_id])
    return res
