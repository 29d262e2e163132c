"""Fixtures of the sync tests: an in-memory keyring, small seeded halls, and throw-away central stores
(a fresh PostgreSQL database per test module via `postgres_url()`, or the embedded SQLite file)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import psycopg
import pytest
from sqlalchemy import Engine, make_url

from hallclient.store.backup import backup_database
from hallclient.sync import central_schema
from tests.conftest import postgres_url

from .helpers import MemoryKeyring, make_hall


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(before)


@pytest.fixture(scope="session")
def hall_templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two seeded halls (different hall ids and codes), made once; tests copy them."""
    d = tmp_path_factory.mktemp("halls")
    return make_hall(d / "h1.sqlite", "H1"), make_hall(d / "h2.sqlite", "H2")


@pytest.fixture
def hall_paths(tmp_path: Path, hall_templates: tuple[Path, Path]) -> tuple[Path, Path]:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    return (backup_database(hall_templates[0], tmp_path / "a" / "hall.sqlite"),
            backup_database(hall_templates[1], tmp_path / "b" / "hall.sqlite"))


def _admin_dsn(url: str) -> str:
    u = make_url(url).set(drivername="postgresql", database="postgres")
    return u.render_as_string(hide_password=False)


class PgDatabases:
    """Creates uniquely named PostgreSQL databases and drops them at the end."""

    def __init__(self, base_url: str) -> None:
        self.base = base_url
        self.names: list[str] = []

    def create(self) -> str:
        name = f"hc_sync_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(_admin_dsn(self.base), autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        self.names.append(name)
        return make_url(self.base).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with psycopg.connect(_admin_dsn(self.base), autocommit=True) as c:
            for name in self.names:
                c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def pg_databases() -> Iterator[PgDatabases]:
    dbs = PgDatabases(postgres_url())  # skips (or fails under CI=true) without PostgreSQL
    yield dbs
    dbs.drop_all()


@pytest.fixture
def pg_url(pg_databases: PgDatabases) -> str:
    """A fresh, empty central PostgreSQL database for one test."""
    return pg_databases.create()


@pytest.fixture
def pg_engine(pg_url: str) -> Iterator[Engine]:
    engine = central_schema.make_central_engine(pg_url)
    central_schema.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = central_schema.make_central_engine(f"sqlite:///{tmp_path / 'central.sqlite'}")
    central_schema.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request: pytest.FixtureRequest) -> Engine:
    """The central store, both kinds: the embedded SQLite stand-in and PostgreSQL (same code path)."""
    return request.getfixturevalue("sqlite_engine" if request.param == "sqlite" else "pg_engine")
