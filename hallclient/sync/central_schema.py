"""The central store's schema: its own Alembic branch in `db/central/`, applied programmatically like the
hall's (`hallclient.store.schema`), and the engine factory for PostgreSQL or the embedded SQLite file."""

from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, Engine, create_engine, make_url

from hallclient.paths import db_path
from hallclient.store.engine import make_engine

VERSION_TABLE = "hallclient_central_version"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("script_location", str(db_path("central")))
    cfg.set_main_option("version_locations", str(db_path("central", "versions")))
    return cfg


@functools.cache
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def make_central_engine(url: str | URL) -> Engine:
    """PostgreSQL through psycopg 3, or a SQLite file with the hall store's pragmas (WAL, busy_timeout,
    BEGIN IMMEDIATE) so two halls syncing into the embedded stand-in at once queue instead of failing."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if not u.database or u.database == ":memory:":
            raise ValueError("the embedded central store needs a file path (sqlite:///path/central.sqlite)")
        path = Path(u.database)
        path.parent.mkdir(parents=True, exist_ok=True)
        return make_engine(path, immediate=True, pooled=False)
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    # no server-side prepared statements: a report prepared once gets a generic plan without partition pruning
    # or real estimates, and took 2.6 s where the planned-for-its-parameters one took 0.5 s
    return create_engine(u, pool_pre_ping=True, connect_args={"connect_timeout": 10, "prepare_threshold": None})


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE}).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Create or migrate the central schema (idempotent; safe when two halls race to do it)."""
    if current_revision(engine) == head_revision():
        return
    cfg = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # two halls' first syncs may race to create the schema: serialise them
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(774411)")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
