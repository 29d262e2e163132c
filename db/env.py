"""Alembic environment of the hall database; run by `hallclient.store.schema`, never by hand-edited ini files.

Batch mode (`render_as_batch`) because SQLite cannot ALTER most columns in place.
"""

from alembic import context

from hallclient.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
