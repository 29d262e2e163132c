"""Monthly partitions of the central store's big tables (PostgreSQL declarative partitioning).

Why monthly: a city of 50 halls adds ~4.5 million tickets and ~18 million events a month. A report on one
month reads that month's partitions only (partition pruning), old months can be detached whole for archiving
(`hallclient central partitions detach`), and an index never spans years.

Partitions are created ahead (the push asks for this month and the next two on every run) and on demand for
whatever month a batch carries, so a hall PC with a wrong date never fails a push. There is no default
partition: a row always lands in its own month. A month that was detached for archiving is refused with a
clear error instead of being silently re-created half empty; attach it back first.

The embedded SQLite stand-in has no partitions; these functions do nothing there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, Engine, delete, insert, select

from hallclient.central.tables import partition_archive

# table -> its partition column, in the order partitions are created
PARTITIONED: dict[str, str] = {"ticket": "day", "ticket_event": "at", "rating": "day", "ticket_fact": "day"}
_NAME = re.compile(r"^(?P<table>[a-z_]+)_p(?P<y>\d{4})_(?P<m>\d{2})$")
_LOCK_KEY = 774412  # pg_advisory_xact_lock key of partition DDL (central_schema uses 774411)


class ArchivedMonthError(RuntimeError):
    """Rows arrived for a month whose partitions were detached for archiving."""


def month_of(value: date | datetime) -> date:
    return date(value.year, value.month, 1)


def next_month(month: date) -> date:
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def add_months(month: date, n: int) -> date:
    k = month.year * 12 + month.month - 1 + n
    return date(k // 12, k % 12 + 1, 1)


def partition_name(table: str, month: date) -> str:
    return f"{table}_p{month.year:04d}_{month.month:02d}"


def include_name(name: str | None, type_: str, _parents: dict[str, str | None]) -> bool:
    """Alembic's `include_name`: partitions and detached archive tables are not part of the model."""
    return not (type_ == "table" and name is not None and _NAME.match(name) and
                _NAME.match(name).group("table") in PARTITIONED)  # type: ignore[union-attr]


def is_partitioned(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def attached(conn: Connection) -> dict[str, set[date]]:
    """The months each partitioned table has attached partitions for."""
    out: dict[str, set[date]] = {t: set() for t in PARTITIONED}
    if not is_partitioned(conn):
        return out
    rows = conn.exec_driver_sql(
        "SELECT parent.relname, child.relname FROM pg_inherits i "
        "JOIN pg_class parent ON parent.oid = i.inhparent JOIN pg_class child ON child.oid = i.inhrelid "
        "JOIN pg_namespace n ON n.oid = parent.relnamespace "
        "WHERE n.nspname = current_schema() AND parent.relname = ANY(%s)", (list(PARTITIONED),)).all()
    for parent, child in rows:
        m = _NAME.match(child)
        if m and m.group("table") == parent:
            out[parent].add(date(int(m.group("y")), int(m.group("m")), 1))
    return out


def archived(conn: Connection) -> set[date]:
    return set(conn.execute(select(partition_archive.c.month).distinct()).scalars())


def create_sql(table: str, month: date) -> str:
    lo, hi = month, next_month(month)
    return (f'CREATE TABLE IF NOT EXISTS "{partition_name(table, month)}" PARTITION OF "{table}" '
            f"FOR VALUES FROM ('{lo.isoformat()}') TO ('{hi.isoformat()}')")


def ensure(engine: Engine, months: Iterable[date]) -> list[str]:
    """Create the partitions of `months` (first days) that are missing, every partitioned table; returns the
    partitions created. One short transaction under an advisory lock, so halls pushing at the same moment
    neither race nor hold the parent tables' locks during their batches."""
    wanted = {month_of(m) for m in months}
    if not wanted or engine.dialect.name != "postgresql":
        return []
    with engine.connect() as conn:
        have = attached(conn)
        conn.rollback()
    if all(wanted <= have[t] for t in PARTITIONED):
        return []
    created: list[str] = []
    with engine.begin() as conn:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK_KEY})")
        gone = wanted & archived(conn)
        if gone:
            months_text = ", ".join(f"{m:%Y-%m}" for m in sorted(gone))
            raise ArchivedMonthError(
                f"rows arrived for {months_text}, whose partitions were detached for archiving; attach them back "
                f"first (hallclient central partitions attach {min(gone):%Y-%m})")
        have = attached(conn)
        for table in PARTITIONED:
            for month in sorted(wanted - have[table]):
                conn.exec_driver_sql(create_sql(table, month))
                created.append(partition_name(table, month))
    return created


def ensure_ahead(engine: Engine, today: date, ahead: int = 2) -> list[str]:
    """This month's partitions and the next `ahead` months' (the push calls this on every run)."""
    first = month_of(today)
    return ensure(engine, [add_months(first, i) for i in range(ahead + 1)])


@dataclass(frozen=True)
class PartitionInfo:
    table: str
    month: date
    name: str
    attached: bool
    rows: int  # PostgreSQL's estimate (reltuples), -1 when never analysed


def listing(engine: Engine) -> list[PartitionInfo]:
    """Every partition, attached or detached for archiving, with its estimated row count."""
    with engine.connect() as conn:
        if not is_partitioned(conn):
            return []
        have = attached(conn)
        gone = {(r.table_name, r.month): r.partition for r in conn.execute(select(partition_archive))}
        names = [partition_name(t, m) for t, ms in have.items() for m in ms] + list(gone.values())
        est = dict(conn.exec_driver_sql(
            "SELECT relname, reltuples::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND relname = ANY(%s)", (names,)).all())
        conn.rollback()
    out = [PartitionInfo(t, m, partition_name(t, m), True, int(est.get(partition_name(t, m), -1)))
           for t, ms in have.items() for m in ms]
    out += [PartitionInfo(t, m, name, False, int(est.get(name, -1))) for (t, m), name in gone.items()]
    return sorted(out, key=lambda p: (p.month, list(PARTITIONED).index(p.table)))


@contextmanager
def _ddl(engine: Engine, what: str) -> Iterator[Connection]:
    """One transaction of partition DDL, serialised with the pushes' `ensure`."""
    with engine.begin() as conn:
        if not is_partitioned(conn):
            raise ValueError(f"the embedded SQLite central store has no partitions to {what}")
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK_KEY})")
        yield conn


def detach(engine: Engine, before: date, *, now: datetime) -> list[str]:
    """Detach every partition of the months before `before` (a first day) for archiving. The tables stay in
    the database under their names (dump them with pg_dump -t NAME, then drop them); the months' daily
    summaries stay, so city reports over them still work, and their rows no longer slow anything down."""
    before = month_of(before)
    done: list[str] = []
    with _ddl(engine, "detach") as conn:
        for table, months in attached(conn).items():
            for month in sorted(m for m in months if m < before):
                name = partition_name(table, month)
                conn.exec_driver_sql(f'ALTER TABLE "{table}" DETACH PARTITION "{name}"')
                conn.execute(insert(partition_archive).values(table_name=table, month=month, partition=name,
                                                              detached_at=now))
                done.append(name)
    return done


def attach(engine: Engine, month: date) -> list[str]:
    """Attach the archived partitions of `month` back (after restoring them from a dump if they were dropped)."""
    month = month_of(month)
    done: list[str] = []
    with _ddl(engine, "attach") as conn:
        rows = conn.execute(select(partition_archive).where(partition_archive.c.month == month)).all()
        if not rows:
            raise ValueError(f"{month:%Y-%m} was not detached")
        for r in rows:
            exists = conn.exec_driver_sql("SELECT to_regclass(%s)", (r.partition,)).scalar()
            if exists is None:
                raise ValueError(f"table {r.partition} is not in the database: restore it from its dump first")
            lo, hi = month, next_month(month)
            conn.exec_driver_sql(f'ALTER TABLE "{r.table_name}" ATTACH PARTITION "{r.partition}" '
                                 f"FOR VALUES FROM ('{lo.isoformat()}') TO ('{hi.isoformat()}')")
            done.append(r.partition)
        conn.execute(delete(partition_archive).where(partition_archive.c.month == month))
    return done
