"""Staff and window administration: one-time passwords, staff photos, window defaults and retirement; the demo
hall is marked as such (its shared password works only there).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("window", schema=None) as batch_op:
        batch_op.add_column(sa.Column("default_primary", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("default_secondary", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("retired", sa.Boolean(), nullable=False, server_default="0"))
    op.create_table(
        "staff_photo",
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("mime", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"]),
        sa.PrimaryKeyConstraint("staff_id"),
    )
    # what each window serves today is its set-up until an admin says otherwise
    op.execute("UPDATE window SET default_primary = primary_categories, default_secondary = secondary_categories")
    # a database seeded with the demo hall before this revision is the demo hall
    op.execute(
        "INSERT INTO setting (key, value, updated_at) SELECT 'demo_hall', '{\"demo\": true}', CURRENT_TIMESTAMP "
        "FROM hall WHERE code = 'YLGX' AND NOT EXISTS (SELECT 1 FROM setting WHERE key = 'demo_hall')"
    )


def downgrade() -> None:
    op.execute("DELETE FROM setting WHERE key = 'demo_hall'")
    op.drop_table("staff_photo")
    with op.batch_alter_table("window", schema=None) as batch_op:
        batch_op.drop_column("retired")
        batch_op.drop_column("default_secondary")
        batch_op.drop_column("default_primary")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
