"""Tables of the central store: the hall tables that go up, mirrored with (hall_id, id) keys, plus the
per-hall watermark and the reference-data releases that come down.

A separate `MetaData` (not SQLModel's), so the hall database's schema comparison never sees these. The
mirrored tables copy the hall's column names and types one to one, which lets the push move raw rows
without converting them; a new hall column needs a new revision in `db/central/versions/`.

`ticket` and `ticket_event` hold years of rows: on PostgreSQL they are partitioned by month (of the ticket's
business `day`, of the event's `at`; see `hallclient.central.partitions`). A partitioned table's unique key must
contain the partition column, so their keys are (hall_id, day, id) and (hall_id, at, id) — also the order the
reports and the nightly checks scan them in. A ticket's day and an event's time never change, so the upsert
still meets the same row again; the SQLite stand-in has the same keys (one upsert for both).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    Uuid,
)
from sqlalchemy.types import TypeEngine
from sqlmodel.sql.sqltypes import AutoString

from hallclient.store.tables import metadata as hall_metadata

central_metadata = MetaData()

# Tables that go up, in the order a batch is applied (parents first, for readers of the central store).
UP_TABLES: tuple[str, ...] = ("ticket", "ticket_event", "window_session", "window_switch", "audit_log")

# Which column gives a row's day for the per-day checks, and the extra sum compared besides the count.
DAY_COLUMN: dict[str, str] = {
    "ticket": "day",
    "ticket_event": "at",
    "window_session": "started_at",
    "window_switch": "at",
    "audit_log": "at",
}


def _central_type(t: TypeEngine) -> TypeEngine:
    if isinstance(t, AutoString):
        return String(t.length)
    return t


# The columns each up table's rows are unique on: the upsert's ON CONFLICT target.
KEY: dict[str, tuple[str, ...]] = {
    "ticket": ("hall_id", "day", "id"),
    "ticket_event": ("hall_id", "at", "id"),
}


def key_columns(table: str) -> tuple[str, ...]:
    return KEY.get(table, ("hall_id", "id"))


def _mirror(name: str, *indexes: tuple[str, ...]) -> Table:
    src = hall_metadata.tables[name]
    cols = [Column(c.name, _central_type(c.type), nullable=c.nullable) for c in src.columns]
    part: dict[str, Any] = {"postgresql_partition_by": f"RANGE ({KEY[name][1]})"} if name in KEY else {}
    table = Table(
        name,
        central_metadata,
        *cols,
        Column("synced_at", DateTime(), nullable=True),
        PrimaryKeyConstraint(*key_columns(name), name=f"pk_{name}"),
        **part,
    )
    for idx in indexes:
        Index(f"ix_{name}_{'_'.join(idx)}", *[table.c[c] for c in idx])
    return table


ticket = _mirror("ticket")
ticket_event = _mirror("ticket_event")
window_session = _mirror("window_session", ("hall_id", "started_at"))
window_switch = _mirror("window_switch", ("hall_id", "at"))
audit_log = _mirror("audit_log", ("hall_id", "at"))

hall_sync = Table(
    "hall_sync",
    central_metadata,
    Column("hall_id", Uuid(), primary_key=True),
    Column("hall_code", String(20), nullable=False),
    Column("hall_name", String(100), nullable=False),
    Column("last_seq", BigInteger(), nullable=False),
    Column("last_table", String(40), nullable=True),
    Column("last_row_id", Uuid(), nullable=True),
    Column("updated_at", DateTime(), nullable=False),
    comment="per-hall watermark: the last outbox seq whose rows are in this store, committed with them",
)

ref_release = Table(
    "ref_release",
    central_metadata,
    Column("hall_id", Uuid(), nullable=False),
    Column("version", Integer(), nullable=False, autoincrement=False),
    Column("created_at", DateTime(), nullable=False),
    Column("checksum", String(64), nullable=False),
    Column("size", Integer(), nullable=False),
    Column("payload", Text(), nullable=False),
    Column("note", String(200), nullable=False, default=""),
    PrimaryKeyConstraint("hall_id", "version", name="pk_ref_release"),
    comment="reference-data releases for a hall: canonical JSON with its sha256",
)

UP = {name: central_metadata.tables[name] for name in UP_TABLES}


from hallclient.central import tables as _central_tables  # noqa: E402, F401  (revision c0002 tables)
