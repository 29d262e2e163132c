"""Central tables added for the city's reports (revision c0002), in the central store's own `MetaData`.

- `rating`: one row per rated ticket, partitioned by month like `ticket` and `ticket_event`. The push writes
  it from the ticket's rating columns; `source` (evaluator / phone / paper) and `followup_state` (差评 回访/整改)
  stay NULL until the hall sends them (issue 15: a hall ticket column `rating_source` / `followup_state`, or
  a later push that fills these columns). Reports show NULL as 未区分.
- `ticket_fact`: per ticket, what the reports need and the raw rows only give through the events (first call,
  its window and clerk, green wait, rating source), rebuilt per (hall, day) from `ticket` + `ticket_event`.
- `report_day`: additive daily figures per hall and per category, item, window and clerk (`dim`, `key`).
- `rating_day`: ratings per day by level, source and follow-up state.
- `wait_hist`: per (hall, month, first category) the number of waits in each 3-second bucket — exact for a
  P90 printed to 0.1 minute and for SLA thresholds in whole minutes (see `hallclient.central.summary`).
- `refresh_queue`: (hall, day) pairs whose raw rows changed and whose summaries must be rebuilt; written in
  the same transaction as the rows, so a crash can never leave a summary silently stale.
- `hall_info` and the `hall_*` directories: names, thresholds and each hall's last sync, sent up by the hall.
- `central_user` / `central_session`: accounts of the read-only city view (never hall staff).
- `partition_archive`: months whose partitions were detached for archiving.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    UniqueConstraint,
    Uuid,
)

from hallclient.sync.central_tables import central_metadata

M = central_metadata

rating = Table(
    "rating", M,
    Column("hall_id", Uuid(), nullable=False),
    Column("ticket_id", Uuid(), nullable=False),
    Column("day", Date(), nullable=False),
    Column("level", SmallInteger(), nullable=False),
    Column("reason", String(500), nullable=False),
    Column("rated_at", DateTime(), nullable=True),
    Column("source", String(12), nullable=True),
    Column("followup_state", String(20), nullable=True),
    Column("version", Integer(), nullable=False),
    Column("synced_at", DateTime(), nullable=True),
    PrimaryKeyConstraint("hall_id", "day", "ticket_id", name="pk_rating"),
    postgresql_partition_by="RANGE (day)",
    comment="one row per rated ticket; source and followup_state NULL = not told by the hall (未区分)",
)

ticket_fact = Table(
    "ticket_fact", M,
    Column("hall_id", Uuid(), nullable=False),
    Column("day", Date(), nullable=False),
    Column("ticket_id", Uuid(), nullable=False),
    Column("first_category_id", Uuid(), nullable=False),
    Column("category_id", Uuid(), nullable=False),
    Column("item_id", Uuid(), nullable=True),
    Column("status", String(12), nullable=False),
    Column("hour", SmallInteger(), nullable=False),
    Column("first_window", Integer(), nullable=True),
    Column("first_clerk_id", Uuid(), nullable=True),
    Column("window_no", Integer(), nullable=True),
    Column("clerk_id", Uuid(), nullable=True),
    Column("wait_us", BigInteger(), nullable=True),
    Column("service_us", BigInteger(), nullable=True),
    Column("green_reason", String(20), nullable=True),
    Column("green_wait_us", BigInteger(), nullable=True),
    Column("green_called", SmallInteger(), nullable=True),
    Column("rating", SmallInteger(), nullable=True),
    Column("rating_source", String(12), nullable=True),
    Column("followup_state", String(20), nullable=True),
    PrimaryKeyConstraint("hall_id", "day", "ticket_id", name="pk_ticket_fact"),
    postgresql_partition_by="RANGE (day)",
    comment="per ticket: first call, waits, service, green wait, rating source; rebuilt per (hall, day)",
)

report_day = Table(
    "report_day", M,
    Column("hall_id", Uuid(), nullable=False),
    Column("day", Date(), nullable=False),
    Column("dim", String(10), nullable=False),
    Column("key", String(40), nullable=False),
    *[Column(name, BigInteger(), nullable=False) for name in (
        "issued", "transferred_in", "transferred_out", "transfers", "served", "no_show", "cancelled", "waiting",
        "at_window", "calls", "wait_n", "wait_sum_us", "wait_max_us", "service_n", "service_sum_us",
        "green_n", "green_called", "green_max_us", "rated", "r1", "r2", "r3", "r4", "r5")],
    PrimaryKeyConstraint("hall_id", "day", "dim", "key", name="pk_report_day"),
    Index("ix_report_day_dim_day", "dim", "day"),  # the city's reports read one dim of every hall
    comment="additive daily figures per hall and per category, item, window, clerk",
)

rating_day = Table(
    "rating_day", M,
    Column("hall_id", Uuid(), nullable=False),
    Column("day", Date(), nullable=False),
    Column("source", String(12), nullable=False),
    Column("followup_state", String(20), nullable=False),
    Column("level", SmallInteger(), nullable=False),
    Column("n", BigInteger(), nullable=False),
    PrimaryKeyConstraint("hall_id", "day", "source", "followup_state", "level", name="pk_rating_day"),
    comment="ratings per day by source and follow-up state ('' = 未区分)",
)

wait_hist = Table(
    "wait_hist", M,
    Column("hall_id", Uuid(), nullable=False),
    Column("month", Date(), nullable=False),
    Column("category_id", Uuid(), nullable=False),
    Column("kind", String(8), nullable=False),
    Column("bucket", Integer(), nullable=False),
    Column("n", BigInteger(), nullable=False),
    PrimaryKeyConstraint("hall_id", "month", "category_id", "kind", "bucket", name="pk_wait_hist"),
    comment="waits (kind wait) and green waits (kind green) per 3-second bucket, per hall, month, first category",
)

refresh_queue = Table(
    "refresh_queue", M,
    Column("hall_id", Uuid(), nullable=False),
    Column("day", Date(), nullable=False),
    Column("marked", BigInteger(), nullable=False),
    PrimaryKeyConstraint("hall_id", "day", name="pk_refresh_queue"),
    comment="(hall, day) whose summaries must be rebuilt; `marked` changes with every new mark",
)

hall_info = Table(
    "hall_info", M,
    Column("hall_id", Uuid(), primary_key=True),
    Column("code", String(20), nullable=False),
    Column("name", String(100), nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("green_alert_min", Integer(), nullable=False),
    Column("directory_checksum", String(64), nullable=False),
    Column("directory_at", DateTime(), nullable=False),
    Column("last_run_at", DateTime(), nullable=True),
    Column("last_run_ok", Boolean(), nullable=True),
    Column("last_ok_at", DateTime(), nullable=True),
    Column("last_error", String(300), nullable=True),
    Column("checks_compared", Integer(), nullable=True),
    Column("checks_healed", Integer(), nullable=True),
    Column("checks_mismatch", Integer(), nullable=True),
    Column("rows_up", BigInteger(), nullable=True),
    comment="each hall's name, time zone, green-channel limit and its last sync run, as the hall sent them",
)

hall_category = Table(
    "hall_category", M,
    Column("hall_id", Uuid(), nullable=False),
    Column("id", Uuid(), nullable=False),
    Column("code", String(40), nullable=False),
    Column("name", String(60), nullable=False),
    Column("prefix", String(1), nullable=False),
    Column("yellow_after_min", Integer(), nullable=False),
    Column("red_after_min", Integer(), nullable=False),
    Column("sort_order", Integer(), nullable=False),
    Column("active", Boolean(), nullable=False),
    PrimaryKeyConstraint("hall_id", "id", name="pk_hall_category"),
)

hall_item = Table(
    "hall_item", M,
    Column("hall_id", Uuid(), nullable=False),
    Column("id", Uuid(), nullable=False),
    Column("code", String(40), nullable=False),
    Column("name", String(120), nullable=False),
    Column("category_id", Uuid(), nullable=False),
    Column("active", Boolean(), nullable=False),
    PrimaryKeyConstraint("hall_id", "id", name="pk_hall_item"),
)

hall_window = Table(
    "hall_window", M,
    Column("hall_id", Uuid(), nullable=False),
    Column("no", Integer(), nullable=False),
    Column("name", String(40), nullable=False),
    PrimaryKeyConstraint("hall_id", "no", name="pk_hall_window"),
)

hall_staff = Table(
    "hall_staff", M,
    Column("hall_id", Uuid(), nullable=False),
    Column("id", Uuid(), nullable=False),
    Column("staff_no", String(20), nullable=False),
    Column("name", String(40), nullable=False),
    Column("role", String(20), nullable=False),
    Column("active", Boolean(), nullable=False),
    PrimaryKeyConstraint("hall_id", "id", name="pk_hall_staff"),
    comment="names and staff numbers only: no password hash ever leaves the hall this way",
)

central_user = Table(
    "central_user", M,
    Column("id", Uuid(), primary_key=True),
    Column("username", String(40), nullable=False),
    Column("display_name", String(60), nullable=False),
    Column("role", String(20), nullable=False),
    Column("halls", JSON(), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("active", Boolean(), nullable=False),
    Column("failed_logins", Integer(), nullable=False),
    Column("locked_until", DateTime(), nullable=True),
    Column("created_at", DateTime(), nullable=False),
    UniqueConstraint("username", name="uq_central_user_username"),
    comment="accounts of the city view: role official (every hall) or viewer (the halls listed)",
)

central_session = Table(
    "central_session", M,
    Column("id", Uuid(), primary_key=True),
    Column("token_hash", String(64), nullable=False),
    Column("user_id", Uuid(), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("expires_at", DateTime(), nullable=False),
    Column("revoked", Boolean(), nullable=False),
    UniqueConstraint("token_hash", name="uq_central_session_token_hash"),
)

partition_archive = Table(
    "partition_archive", M,
    Column("table_name", String(40), nullable=False),
    Column("month", Date(), nullable=False),
    Column("partition", String(63), nullable=False),
    Column("detached_at", DateTime(), nullable=False),
    PrimaryKeyConstraint("table_name", "month", name="pk_partition_archive"),
    comment="months detached for archiving: their summaries stay, their rows are in the detached tables",
)
