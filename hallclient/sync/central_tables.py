"""Tables of the central store: the hall tables that go up, mirrored with (hall_id, id) keys, plus the
per-hall watermark and the reference-data releases that come down.

A separate `MetaData` (not SQLModel's), so the hall database's schema comparison never sees these. The
mirrored tables copy the hall's column names and types one to one, which lets the push move raw rows
without converting them; a new hall column needs a new revision in `db/central/versions/`.
"""

from __future__ import annotations

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


def _mirror(name: str, *indexes: tuple[str, ...]) -> Table:
    src = hall_metadata.tables[name]
    cols = [Column(c.name, _central_type(c.type), nullable=c.nullable) for c in src.columns]
    table = Table(
        name,
        central_metadata,
        *cols,
        Column("synced_at", DateTime(), nullable=True),
        PrimaryKeyConstraint("hall_id", "id", name=f"pk_{name}"),
    )
    for idx in indexes:
        Index(f"ix_{name}_{'_'.join(idx)}", *[table.c[c] for c in idx])
    return table


ticket = _mirror("ticket", ("hall_id", "day"))
ticket_event = _mirror("ticket_event", ("hall_id", "at"))
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
