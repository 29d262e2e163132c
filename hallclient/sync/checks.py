"""After each push: per-table, per-day counts compared between the hall and the central store, and a
mismatch healed by re-pushing that day's rows straight from the hall's tables (not the outbox).

Each (table, day) is compared on a small fingerprint: the row count plus a state sum that moves when a
row changes (a ticket's `version`, a window session's `ended_at` being set). Re-pushing is the same
idempotent upsert as the push, so healing can never duplicate or roll back a row. Rows the central store
has and the hall does not (the hall restored from an old backup) are reported, never deleted.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, Engine, text

from hallclient.central import partitions, refresh
from hallclient.store.store import Store
from hallclient.sync.central_tables import DAY_COLUMN, UP_TABLES
from hallclient.sync.push import FaultHook, apply_derived, batch_months, columns, fault, upsert_rows

_STATE_SUM = {
    "ticket": "sum(version)",
    "window_session": "count(ended_at)",
}

Fingerprint = tuple[int, int]


@dataclass
class DayCheck:
    table: str
    day: str
    hall: Fingerprint
    central: Fingerprint
    status: str  # ok | healed | mismatch | archived

    def describe(self) -> str:
        return (f"{self.table} {self.day}: hall {self.hall[0]} rows (state {self.hall[1]}), "
                f"central {self.central[0]} rows (state {self.central[1]}) — {self.status}")


def _sum(table: str) -> str:
    return _STATE_SUM.get(table, "0")


def hall_counts(store: Store, table: str, days: Iterable[str] | None) -> dict[str, Fingerprint]:
    col = DAY_COLUMN[table]
    sql = f'SELECT substr("{col}", 1, 10) AS d, count(*), {_sum(table)} FROM "{table}" WHERE hall_id = ?'
    params: tuple[str, ...] = (store.hall_id.hex,)  # with the day range, lets SQLite use (hall_id, day) indexes
    wanted = sorted(set(days)) if days is not None else None
    if wanted:
        sql += f' AND "{col}" >= ? AND "{col}" < ?'
        params += (wanted[0], _next_day(wanted[-1]))
    with store.read() as conn:
        rows = conn.exec_driver_sql(sql + " GROUP BY d", params).all()
    return {r[0]: (int(r[1]), int(r[2] or 0)) for r in rows if wanted is None or r[0] in wanted}


def central_counts(
    conn: Connection, hall_id: uuid.UUID, table: str, days: Iterable[str] | None
) -> dict[str, Fingerprint]:
    col = DAY_COLUMN[table]
    pg = conn.dialect.name == "postgresql"
    day_expr = f'CAST("{col}" AS date)' if pg else f'substr("{col}", 1, 10)'
    sql = f'SELECT {day_expr} AS d, count(*), {_sum(table)} FROM "{table}" WHERE hall_id = :h'
    params: dict[str, object] = {"h": hall_id if pg else hall_id.hex}
    wanted = sorted(set(days)) if days is not None else None
    if wanted:
        sql += f' AND "{col}" >= :lo AND "{col}" < :hi'
        lo, hi = date.fromisoformat(wanted[0]), date.fromisoformat(_next_day(wanted[-1]))
        if pg:
            params |= {"lo": datetime.combine(lo, datetime.min.time()), "hi": datetime.combine(hi, datetime.min.time())}
        else:
            params |= {"lo": lo.isoformat(), "hi": hi.isoformat()}
    rows = conn.execute(text(sql + " GROUP BY 1"), params).all()
    out = {str(r[0])[:10]: (int(r[1]), int(r[2] or 0)) for r in rows}
    return {d: v for d, v in out.items() if wanted is None or d in wanted}


def _next_day(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def repush_day(store: Store, engine: Engine, table: str, day: str) -> int:
    """Upsert every hall row of `table` whose day is `day` (read first, then one central transaction)."""
    col = DAY_COLUMN[table]
    cols = columns(table)
    col_list = ", ".join(f'"{c}"' for c in cols)
    with store.read() as conn:
        rows = [tuple(r) for r in conn.exec_driver_sql(
            f'SELECT {col_list} FROM "{table}" WHERE "{col}" >= ? AND "{col}" < ?', (day, _next_day(day))).all()]
    partitions.ensure(engine, batch_months({table: rows}))
    with engine.begin() as conn:
        n = upsert_rows(conn, table, cols, rows)
        apply_derived(conn, store, {table: rows})
        return n


def compare(store: Store, engine: Engine, days: dict[str, set[str]] | None) -> list[DayCheck]:
    """Fingerprints of the given days per table (None: every day), hall against central."""
    hall_id = store.hall_id
    out: list[DayCheck] = []
    with engine.connect() as conn:
        gone = partitions.archived(conn)
        for table in UP_TABLES:
            wanted = None if days is None else days.get(table, set())
            if wanted is not None and not wanted:
                continue
            h = hall_counts(store, table, wanted)
            c = central_counts(conn, hall_id, table, wanted)
            for day in sorted(set(h) | set(c)):
                hv, cv = h.get(day, (0, 0)), c.get(day, (0, 0))
                status = "ok" if hv == cv else "mismatch"
                if status != "ok" and table in partitions.PARTITIONED and \
                        partitions.month_of(date.fromisoformat(day)) in gone:
                    status = "archived"  # its rows were detached centrally on purpose: nothing to heal
                out.append(DayCheck(table, day, hv, cv, status))
        conn.rollback()
    return out


def check_and_heal(store: Store, engine: Engine, days: dict[str, set[str]] | None,
                   fault_hook: FaultHook | None = None) -> list[DayCheck]:
    """Compare, re-push every mismatching day once, and compare those days again."""
    results = compare(store, engine, days)
    bad = [r for r in results if r.status == "mismatch"]
    if not bad:
        return results
    for r in bad:
        repush_day(store, engine, r.table, r.day)
        fault("during_heal", fault_hook)
    again = compare(store, engine, {t: {r.day for r in bad if r.table == t} for t in UP_TABLES})
    by_key = {(r.table, r.day): r for r in again}
    for r in bad:
        after = by_key.get((r.table, r.day))
        if after is not None and after.status == "ok":
            r.status, r.central = "healed", after.central
        elif after is not None:
            r.central = after.central
    refresh.refresh(engine, [store.hall_id])
    return results
