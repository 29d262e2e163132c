"""Central store for years of data: ticket and ticket_event partitioned by month (PostgreSQL), a rating
table, the per-ticket facts and daily summaries the reports read, hall directories and status, the city
view's accounts, and the archive record of detached months.

An existing store keeps its rows: ticket and ticket_event are rebuilt under their new keys (the partition
column must be part of every unique key) and copied over; every (hall, day) already present is queued for
its summaries, which the next sync or report builds.

Revision ID: c0002
Revises: c0001
"""

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = 'c0002'
down_revision = 'c0001'
branch_labels = None
depends_on = None

PARTITIONED = {"ticket": "day", "ticket_event": "at", "rating": "day", "ticket_fact": "day"}


def _ticket_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('hall_id', sa.Uuid(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('number', sa.String(length=8), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('category_id', sa.Uuid(), nullable=False),
        sa.Column('item_id', sa.Uuid(), nullable=True),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('issued_at', sa.DateTime(), nullable=False),
        sa.Column('called_at', sa.DateTime(), nullable=True),
        sa.Column('started_at', sa.DateTime(), nullable=True),
        sa.Column('finished_at', sa.DateTime(), nullable=True),
        sa.Column('window_no', sa.Integer(), nullable=True),
        sa.Column('clerk_id', sa.Uuid(), nullable=True),
        sa.Column('recall_count', sa.Integer(), nullable=False),
        sa.Column('transfer_count', sa.Integer(), nullable=False),
        sa.Column('target_window', sa.Integer(), nullable=True),
        sa.Column('green_reason', sa.String(length=20), nullable=True),
        sa.Column('green_note', sa.String(length=200), nullable=False),
        sa.Column('green_flagged_by', sa.Uuid(), nullable=True),
        sa.Column('green_flagged_at', sa.DateTime(), nullable=True),
        sa.Column('appointment_id', sa.Uuid(), nullable=True),
        sa.Column('appointment_slot', sa.DateTime(), nullable=True),
        sa.Column('rating', sa.Integer(), nullable=True),
        sa.Column('rating_reason', sa.String(length=500), nullable=False),
        sa.Column('rated_at', sa.DateTime(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('synced_at', sa.DateTime(), nullable=True),
    ]


def _event_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('hall_id', sa.Uuid(), nullable=False),
        sa.Column('ticket_id', sa.Uuid(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('from_status', sa.String(length=12), nullable=True),
        sa.Column('to_status', sa.String(length=12), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('staff_id', sa.Uuid(), nullable=True),
        sa.Column('window_no', sa.Integer(), nullable=True),
        sa.Column('detail', sa.JSON(), nullable=True),
        sa.Column('synced_at', sa.DateTime(), nullable=True),
    ]


def _next(m: date) -> date:
    return date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def _partition_kw(table: str, pg: bool) -> dict:
    return {"postgresql_partition_by": f"RANGE ({PARTITIONED[table]})"} if pg else {}


def _rebuild(table: str, key: list[str], columns: list[sa.Column], pg: bool) -> None:
    """Rename the old table away, create the new one with the partition column in its key, copy, drop."""
    old = f"{table}_c0001"
    op.drop_index(f"ix_{table}_hall_id_{PARTITIONED[table]}", table_name=table)
    op.rename_table(table, old)
    if pg:
        op.execute(f'ALTER TABLE "{old}" RENAME CONSTRAINT "pk_{table}" TO "pk_{old}"')
    op.create_table(table, *columns, sa.PrimaryKeyConstraint(*key, name=f"pk_{table}"), **_partition_kw(table, pg))


def _copy(table: str, columns: list[sa.Column]) -> None:
    cols = ", ".join(f'"{c.name}"' for c in columns)
    op.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM "{table}_c0001"')
    op.drop_table(f"{table}_c0001")


def upgrade() -> None:
    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    _rebuild("ticket", ["hall_id", "day", "id"], _ticket_columns(), pg)
    _rebuild("ticket_event", ["hall_id", "at", "id"], _event_columns(), pg)

    op.create_table('rating',
    sa.Column('hall_id', sa.Uuid(), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('level', sa.SmallInteger(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('rated_at', sa.DateTime(), nullable=True),
    sa.Column('source', sa.String(length=12), nullable=True),
    sa.Column('followup_state', sa.String(length=20), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('synced_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('hall_id', 'day', 'ticket_id', name='pk_rating'),
    comment='one row per rated ticket; source and followup_state NULL = not told by the hall (未区分)',
    **_partition_kw("rating", pg))
    op.create_table('ticket_fact',
    sa.Column('hall_id', sa.Uuid(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('first_category_id', sa.Uuid(), nullable=False),
    sa.Column('category_id', sa.Uuid(), nullable=False),
    sa.Column('item_id', sa.Uuid(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('hour', sa.SmallInteger(), nullable=False),
    sa.Column('first_window', sa.Integer(), nullable=True),
    sa.Column('first_clerk_id', sa.Uuid(), nullable=True),
    sa.Column('window_no', sa.Integer(), nullable=True),
    sa.Column('clerk_id', sa.Uuid(), nullable=True),
    sa.Column('wait_us', sa.BigInteger(), nullable=True),
    sa.Column('service_us', sa.BigInteger(), nullable=True),
    sa.Column('green_reason', sa.String(length=20), nullable=True),
    sa.Column('green_wait_us', sa.BigInteger(), nullable=True),
    sa.Column('green_called', sa.SmallInteger(), nullable=True),
    sa.Column('rating', sa.SmallInteger(), nullable=True),
    sa.Column('rating_source', sa.String(length=12), nullable=True),
    sa.Column('followup_state', sa.String(length=20), nullable=True),
    sa.PrimaryKeyConstraint('hall_id', 'day', 'ticket_id', name='pk_ticket_fact'),
    comment='per ticket: first call, waits, service, green wait, rating source; rebuilt per (hall, day)',
    **_partition_kw("ticket_fact", pg))
    measures = ["issued", "transferred_in", "transferred_out", "transfers", "served", "no_show", "cancelled",
                "waiting", "at_window", "calls", "wait_n", "wait_sum_us", "wait_max_us", "service_n",
                "service_sum_us", "green_n", "green_called", "green_max_us", "rated", "r1", "r2", "r3", "r4", "r5"]
    op.create_table('report_day',
    sa.Column('hall_id', sa.Uuid(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('dim', sa.String(length=10), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    *[sa.Column(m, sa.BigInteger(), nullable=False) for m in measures],
    sa.PrimaryKeyConstraint('hall_id', 'day', 'dim', 'key', name='pk_report_day'),
    comment='additive daily figures per hall and per category, item, window, clerk')
    op.create_index('ix_report_day_dim_day', 'report_day', ['dim', 'day'], unique=False)
    op.create_table('rating_day',
    sa.Column('hall_id', sa.Uuid(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=12), nullable=False),
    sa.Column('followup_state', sa.String(length=20), nullable=False),
    sa.Column('level', sa.SmallInteger(), nullable=False),
    sa.Column('n', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('hall_id', 'day', 'source', 'followup_state', 'level', name='pk_rating_day'),
    comment="ratings per day by source and follow-up state ('' = 未区分)")
    op.create_table('wait_hist',
    sa.Column('hall_id', sa.Uuid(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('category_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('bucket', sa.Integer(), nullable=False),
    sa.Column('n', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('hall_id', 'month', 'category_id', 'kind', 'bucket', name='pk_wait_hist'),
    comment='waits (kind wait) and green waits (kind green) per 3-second bucket, per hall, month, first category')
    op.create_table('refresh_queue',
    sa.Column('hall_id', sa.Uuid(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('marked', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('hall_id', 'day', name='pk_refresh_queue'),
    comment='(hall, day) whose summaries must be rebuilt; `marked` changes with every new mark')
    op.create_table('hall_info',
    sa.Column('hall_id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('green_alert_min', sa.Integer(), nullable=False),
    sa.Column('directory_checksum', sa.String(length=64), nullable=False),
    sa.Column('directory_at', sa.DateTime(), nullable=False),
    sa.Column('last_run_at', sa.DateTime(), nullable=True),
    sa.Column('last_run_ok', sa.Boolean(), nullable=True),
    sa.Column('last_ok_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.String(length=300), nullable=True),
    sa.Column('checks_compared', sa.Integer(), nullable=True),
    sa.Column('checks_healed', sa.Integer(), nullable=True),
    sa.Column('checks_mismatch', sa.Integer(), nullable=True),
    sa.Column('rows_up', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('hall_id'),
    comment="each hall's name, time zone, green-channel limit and its last sync run, as the hall sent them")
    op.create_table('hall_category',
    sa.Column('hall_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('prefix', sa.String(length=1), nullable=False),
    sa.Column('yellow_after_min', sa.Integer(), nullable=False),
    sa.Column('red_after_min', sa.Integer(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('hall_id', 'id', name='pk_hall_category'))
    op.create_table('hall_item',
    sa.Column('hall_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('category_id', sa.Uuid(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('hall_id', 'id', name='pk_hall_item'))
    op.create_table('hall_window',
    sa.Column('hall_id', sa.Uuid(), nullable=False),
    sa.Column('no', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('hall_id', 'no', name='pk_hall_window'))
    op.create_table('hall_staff',
    sa.Column('hall_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('staff_no', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('hall_id', 'id', name='pk_hall_staff'),
    comment='names and staff numbers only: no password hash ever leaves the hall this way')
    op.create_table('central_user',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('display_name', sa.String(length=60), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('halls', sa.JSON(), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('username', name='uq_central_user_username'),
    comment='accounts of the city view: role official (every hall) or viewer (the halls listed)')
    op.create_table('central_session',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('revoked', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash', name='uq_central_session_token_hash'))
    op.create_table('partition_archive',
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('partition', sa.String(length=63), nullable=False),
    sa.Column('detached_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'month', name='pk_partition_archive'),
    comment='months detached for archiving: their summaries stay, their rows are in the detached tables')

    if pg:  # partitions for every month that has rows, and this month and the next two
        months: set[date] = set()
        for table, col in (("ticket", "day"), ("ticket_event", "at")):
            rows = bind.exec_driver_sql(f'SELECT DISTINCT date_trunc(\'month\', "{col}")::date FROM "{table}_c0001"')
            months |= {r[0] for r in rows}
        today = bind.exec_driver_sql("SELECT date_trunc('month', now() AT TIME ZONE 'UTC')::date").scalar()
        m = today
        for _ in range(3):
            months.add(m)
            m = _next(m)
        for table in PARTITIONED:
            for m in sorted(months):
                op.execute(f'CREATE TABLE "{table}_p{m.year:04d}_{m.month:02d}" PARTITION OF "{table}" '
                           f"FOR VALUES FROM ('{m.isoformat()}') TO ('{_next(m).isoformat()}')")
    _copy("ticket", _ticket_columns())
    _copy("ticket_event", _event_columns())
    op.execute("INSERT INTO rating (hall_id, ticket_id, day, level, reason, rated_at, version, synced_at) "
               "SELECT hall_id, id, day, rating, rating_reason, rated_at, version, synced_at FROM ticket "
               "WHERE rating IS NOT NULL")
    op.execute("INSERT INTO refresh_queue (hall_id, day, marked) SELECT DISTINCT hall_id, day, 1 FROM ticket")


def downgrade() -> None:
    raise NotImplementedError("c0002 cannot be undone in place: restore the central store's backup from before it")
