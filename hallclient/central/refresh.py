"""Keeping the central summaries exact: a queue of changed (hall, day) pairs and their rebuild.

The push marks every (hall, day) its batch touched in `refresh_queue`, in the same central transaction as the
rows, so a crash can lose neither. `refresh()` then rebuilds each marked day in one transaction: the day's
per-ticket facts, its `report_day` and `rating_day` rows, and its share of the month's wait histogram
(taken out with the old facts, put back with the new ones). A mark made while a rebuild runs survives it
(`marked` moved on), so the day is rebuilt again. Rebuilding a day is idempotent; reports refresh whatever
is still marked before they read, so a report never shows a stale day.

Days of a month detached for archiving keep the summaries they had; nothing is rebuilt from the (absent) rows.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import BigInteger, Connection, Date, DateTime, Engine, Integer, String, Uuid, bindparam, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from hallclient.central import summary
from hallclient.central.partitions import archived, month_of, next_month
from hallclient.central.tables import hall_info, refresh_queue, wait_hist

_TYPES: dict[str, Any] = {"hall": Uuid(), "d0": Date(), "d1": Date(), "day": Date(), "month": Date(),
                          "ev_lo": DateTime(), "ev_hi": DateTime(), "off": Integer(), "offmod": String(),
                          "marked": BigInteger()}
_PARAM = re.compile(r"(?<![:\w]):(\w+)")


def sql(statement: str, extra_types: Mapping[str, Any] | None = None) -> Any:
    """`text()` with the bound parameters it names typed (UUIDs, dates), so one statement runs on both
    PostgreSQL and SQLite (which stores UUIDs as 32 hex digits)."""
    names = set(_PARAM.findall(statement))
    types = {**_TYPES, **(extra_types or {})}
    return text(statement).bindparams(*[bindparam(n, type_=types[n]) for n in sorted(names) if n in types])


def utc_offset_s(tz_name: str, day: date) -> int:
    """The hall's offset from UTC at noon of `day` (an hour-of-day chart is off by one on DST days only)."""
    try:
        tz = ZoneInfo(tz_name)
    except (KeyError, ValueError):
        tz = ZoneInfo("Asia/Shanghai")
    off = datetime.combine(day, time(12), tz).utcoffset()
    return int(off.total_seconds()) if off else 0


def day_params(hall_id: uuid.UUID, d0: date, d1: date, tz_name: str) -> dict[str, Any]:
    off = utc_offset_s(tz_name, d0)
    return {"hall": hall_id, "d0": d0, "d1": d1, "ev_lo": datetime.combine(d0 - timedelta(days=1), time(0)),
            "ev_hi": datetime.combine(d1 + timedelta(days=2), time(0)), "off": off, "offmod": f"{off:+d} seconds"}


# -- marking ---------------------------------------------------------------------------------------


def mark(conn: Connection, hall_id: uuid.UUID, days: Iterable[date]) -> None:
    """Queue (hall, day) for a rebuild, in the caller's transaction (the one that wrote the rows)."""
    rows = [{"hall_id": hall_id, "day": d, "marked": 1} for d in sorted(set(days))]
    if not rows:
        return
    ins = (pg_insert if conn.dialect.name == "postgresql" else sqlite_insert)(refresh_queue)
    conn.execute(ins.on_conflict_do_update(index_elements=["hall_id", "day"],
                                           set_={"marked": refresh_queue.c.marked + 1}), rows)


def pending(conn: Connection, hall_ids: Iterable[uuid.UUID] | None = None,
            days: tuple[date, date] | None = None) -> list[tuple[uuid.UUID, date]]:
    q = select(refresh_queue.c.hall_id, refresh_queue.c.day).order_by(refresh_queue.c.day, refresh_queue.c.hall_id)
    if hall_ids is not None:
        q = q.where(refresh_queue.c.hall_id.in_(list(hall_ids)))
    if days is not None:
        q = q.where(refresh_queue.c.day >= days[0], refresh_queue.c.day <= days[1])
    return [(r.hall_id, r.day) for r in conn.execute(q)]


# -- rebuilding ------------------------------------------------------------------------------------


def _hist_change(sign: int, sq: summary.Sql) -> str:
    cols = "hall_id, month, category_id, kind, bucket, n"
    return (f"INSERT INTO wait_hist ({cols}) SELECT hall_id, month, category_id, kind, bucket, {sign} * n "
            f"FROM ({summary.hist_sql()}) h WHERE true "
            "ON CONFLICT (hall_id, month, category_id, kind, bucket) DO UPDATE SET n = wait_hist.n + excluded.n")


def _plan_for_fresh_rows(conn: Connection) -> None:
    """Rows pushed a moment ago are not in PostgreSQL's statistics yet (a new month's partition looks empty), and
    a nested-loop plan over "1 row" that is really thousands takes seconds; hash joins are right at any size
    a rebuild sees. For this transaction only."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL enable_nestloop = off")
        conn.exec_driver_sql("SET LOCAL jit = off")  # compiling took longer than the statements themselves
        conn.exec_driver_sql("SET LOCAL work_mem = '64MB'")


def rebuild_day(conn: Connection, hall_id: uuid.UUID, day: date, tz_name: str) -> None:
    """Facts, summaries and histogram share of one (hall, day), in the caller's transaction."""
    _plan_for_fresh_rows(conn)
    sq = summary.Sql(conn.dialect.name == "postgresql")
    p = day_params(hall_id, day, day, tz_name) | {"month": month_of(day)}
    fact_cols = ", ".join(summary.FACT_COLUMNS)
    measures = ", ".join(summary.MEASURES)
    conn.execute(sql(_hist_change(-1, sq)), p)
    conn.execute(sql("DELETE FROM ticket_fact WHERE hall_id = :hall AND day = :d0"), p)
    summary.run(conn, summary.facts_query(sq, summary.CENTRAL), p, f"INSERT INTO ticket_fact ({fact_cols})")
    conn.execute(sql(_hist_change(1, sq)), p)
    conn.execute(sql("DELETE FROM wait_hist WHERE hall_id = :hall AND month = :month AND n = 0"), p)
    conn.execute(sql("DELETE FROM report_day WHERE hall_id = :hall AND day = :d0"), p)
    summary.run(conn, summary.report_day_query(sq, summary.CENTRAL), p,
                f"INSERT INTO report_day (hall_id, day, dim, key, {measures})")
    conn.execute(sql("DELETE FROM rating_day WHERE hall_id = :hall AND day = :d0"), p)
    conn.execute(sql(f"INSERT INTO rating_day (hall_id, day, source, followup_state, level, n) "
                     f"{summary.rating_day_sql()}"), p)


def rebuild_month(conn: Connection, hall_id: uuid.UUID, month: date, tz_name: str) -> None:
    """Every summary of one hall's month rebuilt from its rows, in the caller's transaction: after a bulk load,
    after attaching an archived month back, or to check the incremental ones (`central refresh --rebuild`)."""
    last = next_month(month) - timedelta(days=1)
    _plan_for_fresh_rows(conn)
    sq = summary.Sql(conn.dialect.name == "postgresql")
    p = day_params(hall_id, month, last, tz_name) | {"month": month}
    rng = "hall_id = :hall AND day >= :d0 AND day <= :d1"
    for table in ("ticket_fact", "report_day", "rating_day", "refresh_queue"):
        conn.execute(sql(f"DELETE FROM {table} WHERE {rng}"), p)
    conn.execute(sql("DELETE FROM wait_hist WHERE hall_id = :hall AND month = :month"), p)
    summary.run(conn, summary.facts_query(sq, summary.CENTRAL), p,
                f"INSERT INTO ticket_fact ({', '.join(summary.FACT_COLUMNS)})")
    summary.run(conn, summary.report_day_query(sq, summary.CENTRAL), p,
                f"INSERT INTO report_day (hall_id, day, dim, key, {', '.join(summary.MEASURES)})")
    conn.execute(sql(f"INSERT INTO rating_day (hall_id, day, source, followup_state, level, n) "
                     f"{summary.rating_day_sql()}"), p)
    conn.execute(sql(f"INSERT INTO wait_hist (hall_id, month, category_id, kind, bucket, n) {summary.hist_sql()}"), p)


def refresh_day(engine: Engine, hall_id: uuid.UUID, day: date) -> bool:
    """Rebuild one queued (hall, day); False when another refresh did it meanwhile."""
    with engine.begin() as conn:
        lock = " FOR UPDATE" if conn.dialect.name == "postgresql" else ""
        marked = conn.execute(sql(f"SELECT marked FROM refresh_queue WHERE hall_id = :hall AND day = :day{lock}"),
                              {"hall": hall_id, "day": day}).scalar()
        if marked is None:
            return False
        if month_of(day) not in archived(conn):
            tz_name = conn.execute(select(hall_info.c.timezone).where(hall_info.c.hall_id == hall_id)).scalar()
            rebuild_day(conn, hall_id, day, tz_name or "Asia/Shanghai")
        conn.execute(sql("DELETE FROM refresh_queue WHERE hall_id = :hall AND day = :day AND marked = :marked"),
                     {"hall": hall_id, "day": day, "marked": marked})
    return True


def refresh(engine: Engine, hall_ids: Iterable[uuid.UUID] | None = None,
            days: tuple[date, date] | None = None) -> int:
    """Rebuild every queued day (of these halls, in this range); returns how many were rebuilt."""
    halls = None if hall_ids is None else list(hall_ids)
    with engine.connect() as conn:
        todo = pending(conn, halls, days)
        conn.rollback()
    return sum(refresh_day(engine, h, d) for h, d in todo)


def hist_rows(conn: Connection) -> list[tuple[Any, ...]]:
    """The whole month histogram, for tests comparing an incremental one with a rebuilt one."""
    return sorted(tuple(r) for r in conn.execute(select(wait_hist)))
