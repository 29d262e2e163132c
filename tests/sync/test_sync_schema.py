"""Schemas: the hall migrations (incl. 0003) and the central branch match their metadata exactly."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine

from hallclient.central.partitions import include_name
from hallclient.store import open_store
from hallclient.store.tables import metadata
from hallclient.sync import central_schema
from hallclient.sync.central_tables import central_metadata


def test_hall_head_matches_metadata(tmp_path: Path) -> None:
    store = open_store(tmp_path / "hall.sqlite")
    try:
        with store.writer.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    finally:
        store.close()


def test_central_head_matches_metadata(central: Engine) -> None:
    assert central_schema.current_revision(central) == central_schema.head_revision()
    central_schema.upgrade(central)  # idempotent
    with central.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"version_table": central_schema.VERSION_TABLE,
                                                        "include_name": include_name})
        assert compare_metadata(ctx, central_metadata) == []
