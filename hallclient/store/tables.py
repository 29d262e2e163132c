"""SQLModel tables of the hall database.

Keys are UUIDv7 (time-ordered) and every row a hall produces carries `hall_id`, so rows from many halls
merge in the central store. Times are stored as naive UTC; the hall's business day (`day`) is the local
date in the hall's time zone. The schema itself changes only through the Alembic migrations in `db/`.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Index, LargeBinary, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from hallclient.store.table_model import TableModel

metadata = SQLModel.metadata


def _utc(nullable: bool = False) -> Any:
    """Naive UTC timestamp column (SQLite has no time zones; the hall's zone is applied when shown)."""
    return Field(default=None, sa_type=DateTime(), nullable=nullable)


def _json(nullable: bool = False) -> Any:
    return Field(default=None, sa_column=Column(JSON, nullable=nullable))


class HallRow(TableModel, table=True):
    __tablename__ = "hall"
    id: uuid.UUID = Field(primary_key=True)
    code: str = Field(max_length=20, unique=True)
    name: str = Field(max_length=100)
    name_en: str = Field(default="", max_length=200)
    timezone: str = Field(default="Asia/Shanghai", max_length=64)
    opens_at: str = Field(default="09:00", max_length=5)
    closes_at: str = Field(default="17:00", max_length=5)
    address: str = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=40)


class CategoryRow(TableModel, table=True):
    __tablename__ = "category"
    __table_args__ = (UniqueConstraint("hall_id", "code"), UniqueConstraint("hall_id", "prefix"))
    id: uuid.UUID = Field(primary_key=True)
    hall_id: uuid.UUID = Field(foreign_key="hall.id")
    code: str = Field(max_length=40)
    name: str = Field(max_length=60)
    name_en: str = Field(default="", max_length=120)
    prefix: str = Field(max_length=1)
    yellow_after_min: int = 15
    red_after_min: int = 30
    sort_order: int = 0
    active: bool = True
    updated_at: datetime = _utc()
    guide_url: str = Field(default="", max_length=256)


class ServiceItemRow(TableModel, table=True):
    __tablename__ = "service_item"
    __table_args__ = (UniqueConstraint("hall_id", "code"),)
    id: uuid.UUID = Field(primary_key=True)
    hall_id: uuid.UUID = Field(foreign_key="hall.id")
    code: str = Field(max_length=40)
    category_id: uuid.UUID = Field(foreign_key="category.id", index=True)
    name: str = Field(max_length=120)
    conditions: list = _json()
    materials: list = _json()
    steps: list = _json()
    legal_limit_days: int | None = None
    promised_limit_days: int | None = None
    fee: str = Field(default="", max_length=200)
    location: str = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=40)
    online_url: str = Field(max_length=500)
    active: bool = True
    updated_at: datetime = _utc()


class WindowRow(TableModel, table=True):
    __tablename__ = "window"
    __table_args__ = (UniqueConstraint("hall_id", "no"),)
    id: uuid.UUID = Field(primary_key=True)
    hall_id: uuid.UUID = Field(foreign_key="hall.id")
    no: int
    name: str = Field(max_length=40)
    zone: str = Field(default="", max_length=20)
    tidal: bool = False
    is_open: bool = True
    paused: bool = False
    pause_reason: str = Field(default="", max_length=200)
    clerk_id: uuid.UUID | None = None
    current_ticket_id: uuid.UUID | None = None
    primary_categories: list = _json()
    secondary_categories: list = _json()
    updated_at: datetime = _utc()
    # revision 0005: what the window serves when nobody has switched it, and retirement (the row stays, so
    # its tickets and sessions keep their window)
    default_primary: list = Field(default=None, sa_column=Column(JSON, nullable=False, server_default="[]"))
    default_secondary: list = Field(default=None, sa_column=Column(JSON, nullable=False, server_default="[]"))
    retired: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})


class StaffRow(TableModel, table=True):
    __tablename__ = "staff"
    __table_args__ = (UniqueConstraint("hall_id", "staff_no"),)
    id: uuid.UUID = Field(primary_key=True)
    hall_id: uuid.UUID = Field(foreign_key="hall.id")
    staff_no: str = Field(max_length=20)
    name: str = Field(max_length=40)
    role: str = Field(max_length=20)
    default_window: int | None = None
    password_hash: str = Field(max_length=200)
    active: bool = True
    failed_logins: int = 0
    locked_until: datetime | None = _utc(nullable=True)
    updated_at: datetime = _utc()
    # revision 0005: the password was handed out (new account, reset); its owner sets their own at next login
    must_change_password: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})


class StaffPhotoRow(TableModel, table=True):
    """A staff member's photo for the window screen (size-limited JPEG/PNG), apart from the roster row."""

    __tablename__ = "staff_photo"
    staff_id: uuid.UUID = Field(primary_key=True, foreign_key="staff.id")
    mime: str = Field(max_length=20)
    data: bytes = Field(sa_type=LargeBinary(), nullable=False)
    updated_at: datetime = _utc()


class TicketRow(TableModel, table=True):
    __tablename__ = "ticket"
    __table_args__ = (
        UniqueConstraint("hall_id", "day", "number"),
        Index("ix_ticket_queue", "status", "category_id", "target_window", "issued_at", "id"),
        Index("ix_ticket_day", "hall_id", "day"),
        Index("ix_ticket_green", "status", "issued_at", sqlite_where=text("green_reason IS NOT NULL")),
        Index(
            "ix_ticket_target", "status", "target_window", "issued_at", sqlite_where=text("target_window IS NOT NULL")
        ),
        Index("ix_ticket_appointment", "status", "appointment_slot", sqlite_where=text("appointment_slot IS NOT NULL")),
    )
    id: uuid.UUID = Field(primary_key=True)
    hall_id: uuid.UUID = Field(foreign_key="hall.id")
    day: date
    number: str = Field(max_length=8)
    seq: int
    category_id: uuid.UUID = Field(foreign_key="category.id")
    item_id: uuid.UUID | None = Field(default=None, foreign_key="service_item.id")
    status: str = Field(max_length=12)
    issued_at: datetime = _utc()
    called_at: datetime | None = _utc(nullable=True)
    started_at: datetime | None = _utc(nullable=True)
    finished_at: datetime | None = _utc(nullable=True)
    window_no: int | None = None
    clerk_id: uuid.UUID | None = None
    recall_count: int = 0
    transfer_count: int = 0
    target_window: int | None = None
    green_reason: str | None = Field(default=None, max_length=20)
    green_note: str = Field(default="", max_length=200)
    green_flagged_by: uuid.UUID | None = None
    green_flagged_at: datetime | None = _utc(nullable=True)
    appointment_id: uuid.UUID | None = None
    appointment_slot: datetime | None = _utc(nullable=True)
    rating: int | None = None
    rating_reason: str = Field(default="", max_length=500)
    rated_at: datetime | None = _utc(nullable=True)
    version: int = 1


class TicketEventRow(TableModel, table=True):
    """One row per state change: who, when, from which window."""

    __tablename__ = "ticket_event"
    id: uuid.UUID = Field(primary_key=True)
    hall_id: uuid.UUID = Field(foreign_key="hall.id")
    ticket_id: uuid.UUID = Field(foreign_key="ticket.id", index=True)
    kind: str = Field(max_length=20)
    from_status: str | None = Field(default=None, max_length=12)
    to_status: str = Field(max_length=12)
    at: datetime = _utc()
    staff_id: uuid.UUID | None = None
    window_no: int | None = None
    detail: dict = _json(nullable=True)


# The nightly checks count a day's ticket events on both sides; without this index the hall side scans a
# year of events (millions of rows) every night. (Revision 0003.)
Index("ix_ticket_event_at", TicketEventRow.__table__.c.at)


class TicketCounterRow(TableModel, table=True):
    """The last number given per prefix and day; bumped in the same transaction as the ticket insert,
    so a crash can never hand the same number out twice."""

    __tablename__ = "ticket_counter"
    hall_id: uuid.UUID = Field(primary_key=True)
    day: date = Field(primary_key=True)
    prefix: str = Field(primary_key=True, max_length=1)
    last_seq: int = 0


class AppointmentRow(TableModel, table=True):
    __tablename__ = "appointment"
    __table_args__ = (UniqueConstraint("hall_id", "code"),)
    id: uuid.UUID = Field(primary_key=True)
    hall_id: uuid.UUID = Field(foreign_key="hall.id")
    code: str = Field(max_length=20)
    category_id: uuid.UUID = Field(foreign_key="category.id")
    item_id: uuid.UUID | None = None
    slot_start: datetime = _utc()
    slot_end: datetime = _utc()
    masked_name: str = Field(default="", max_length=20)
    status: str = Field(default="booked", max_length=12)
    ticket_id: uuid.UUID | None = None


# --- added by revision 0002: the hall node, sync and audit tables ---------------------------------


class HallEventRow(TableModel, table=True):
    """The hall's event stream (issued, called, …) with a gap-free sequence, written in the same
    transaction as the change it reports, so a client that reconnects catches up from its last seq."""

    __tablename__ = "hall_event"
    seq: int | None = Field(default=None, primary_key=True)
    at: datetime = _utc()
    kind: str = Field(max_length=30)
    payload: dict = _json()


class OutboxRow(TableModel, table=True):
    """Rows waiting to go up to the central store, in commit order (not clock order)."""

    __tablename__ = "outbox"
    seq: int | None = Field(default=None, primary_key=True)
    table_name: str = Field(max_length=40)
    row_id: uuid.UUID
    at: datetime = _utc()


class AuditLogRow(TableModel, table=True):
    """Append-only audit of tidal switches, green-channel flags and config changes; each row hashes the
    previous one, so an edited or deleted row breaks the chain."""

    __tablename__ = "audit_log"
    id: uuid.UUID = Field(primary_key=True)
    hall_id: uuid.UUID = Field(foreign_key="hall.id")
    seq: int = Field(unique=True)
    at: datetime = _utc()
    actor_id: uuid.UUID | None = None
    actor: str = Field(default="", max_length=60)
    action: str = Field(max_length=40)
    detail: dict = _json()
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class WindowSwitchRow(TableModel, table=True):
    """A tidal switch: a window's categories before and after, who, why, by hand or by a plan."""

    __tablename__ = "window_switch"
    id: uuid.UUID = Field(primary_key=True)
    hall_id: uuid.UUID = Field(foreign_key="hall.id")
    window_no: int
    at: datetime = _utc()
    staff_id: uuid.UUID | None = None
    plan_id: uuid.UUID | None = None
    reason: str = Field(default="", max_length=200)
    before: dict = _json()
    after: dict = _json()


class WindowSessionRow(TableModel, table=True):
    __tablename__ = "window_session"
    id: uuid.UUID = Field(primary_key=True)
    hall_id: uuid.UUID = Field(foreign_key="hall.id")
    window_no: int
    staff_id: uuid.UUID
    started_at: datetime = _utc()
    ended_at: datetime | None = _utc(nullable=True)


class DeviceRow(TableModel, table=True):
    __tablename__ = "device"
    __table_args__ = (UniqueConstraint("hall_id", "name"),)
    id: uuid.UUID = Field(primary_key=True)
    hall_id: uuid.UUID = Field(foreign_key="hall.id")
    name: str = Field(max_length=60)
    role: str = Field(max_length=20)
    token_hash: str = Field(max_length=200)
    created_at: datetime = _utc()
    revoked: bool = False


class AuthSessionRow(TableModel, table=True):
    """A login's bearer token (stored hashed), so sessions survive a hall node restart."""

    __tablename__ = "auth_session"
    id: uuid.UUID = Field(primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    staff_id: uuid.UUID | None = None
    device_id: uuid.UUID | None = None
    role: str = Field(max_length=20)
    window_no: int | None = None
    created_at: datetime = _utc()
    expires_at: datetime = _utc()
    revoked: bool = False


class TidalPlanRow(TableModel, table=True):
    __tablename__ = "tidal_plan"
    id: uuid.UUID = Field(primary_key=True)
    hall_id: uuid.UUID = Field(foreign_key="hall.id")
    name: str = Field(max_length=60)
    days: list = _json()
    start: str = Field(max_length=5)
    end: str = Field(max_length=5)
    windows: list = _json()
    primary_categories: list = _json()
    secondary_categories: list = _json()
    active: bool = True
    updated_at: datetime = _utc()


class AlertRow(TableModel, table=True):
    __tablename__ = "alert"
    id: uuid.UUID = Field(primary_key=True)
    hall_id: uuid.UUID = Field(foreign_key="hall.id")
    kind: str = Field(max_length=30)
    at: datetime = _utc()
    ticket_id: uuid.UUID | None = None
    category_id: uuid.UUID | None = None
    message: str = Field(max_length=300)
    acknowledged_by: uuid.UUID | None = None
    acknowledged_at: datetime | None = _utc(nullable=True)


class SettingRow(TableModel, table=True):
    """Hall settings (green-channel alert minutes, appointment limits, sync time …) as JSON values."""

    __tablename__ = "setting"
    key: str = Field(primary_key=True, max_length=60)
    value: dict = _json()
    updated_at: datetime = _utc()


class SyncStateRow(TableModel, table=True):
    __tablename__ = "sync_state"
    key: str = Field(primary_key=True, max_length=60)
    value: dict = _json()
    updated_at: datetime = _utc()


# The sync feature's own tables (revision 0003) live in sync_tables, which imports nothing from here; they
# join `metadata` (and Alembic's comparison against the migrations) by being imported with it.
from hallclient.store import sync_tables as _sync_tables  # noqa: E402, F401
