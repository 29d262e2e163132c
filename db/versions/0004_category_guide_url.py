"""Categories: an optional online guide link of their own (`guide_url`), for whole-category tickets and posters.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("guide_url", sqlmodel.sql.sqltypes.AutoString(length=256), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.drop_column("guide_url")
