"""Fixtures of the central-store tests: the sync tests' central stores (SQLite stand-in and PostgreSQL), and
two small halls with two scripted months whose every figure is known (`scripted.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hallclient.store import Store, open_store
from tests.sync.conftest import (  # noqa: F401  (fixtures shared with the sync tests)
    central,
    hall_paths,
    hall_templates,
    memory_keyring,
    pg_databases,
    pg_engine,
    pg_url,
    sqlite_engine,
)
from tests.sync.helpers import make_hall

from .scripted import script_h1, script_h2


@pytest.fixture(scope="session")
def scripted_templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """H1 and H2 with their scripted days of October and November 2026, made once."""
    d = tmp_path_factory.mktemp("scripted")
    paths = make_hall(d / "h1.sqlite", "H1"), make_hall(d / "h2.sqlite", "H2")
    for path, script in zip(paths, (script_h1, script_h2), strict=True):
        with open_store(path) as store:
            script(store)
    return paths


@pytest.fixture
def scripted(tmp_path: Path, scripted_templates: tuple[Path, Path]) -> Iterator[tuple[Store, Store]]:
    from hallclient.store.backup import backup_database

    stores = []
    for i, src in enumerate(scripted_templates):
        (tmp_path / str(i)).mkdir()
        stores.append(open_store(backup_database(src, tmp_path / str(i) / "hall.sqlite")))
    yield stores[0], stores[1]
    for s in stores:
        s.close()
