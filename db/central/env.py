"""Alembic environment of the central store (PostgreSQL, or the embedded SQLite stand-in); run by
`hallclient.sync.central_schema`. Its own version table, so it can share a database with other schemas.
Monthly partitions are not in the model (`hallclient.central.partitions.include_name`)."""

from alembic import context

from hallclient.central.partitions import include_name
from hallclient.sync.central_schema import VERSION_TABLE
from hallclient.sync.central_tables import central_metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=central_metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    version_table=VERSION_TABLE,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
