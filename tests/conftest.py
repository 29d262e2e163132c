"""Shared fixtures. Qt runs offscreen; PostgreSQL tests skip with a reason unless CI=true requires them."""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hallclient.store import Store, open_store
from hallclient.store.seed import load_seed, seed_hall


class FakeClock:
    """Naive-UTC clock that tests move by hand."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 23, 1, 30)  # 09:30 in Asia/Shanghai

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> datetime:
        self.now += timedelta(**kw)
        return self.now


@pytest.fixture(autouse=True)
def _secrets_file(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test writes the real user's secrets file (the fallback when there is no OS keyring), nor a keyring:
    each test starts with none (a test that wants one sets its own), so no secret kept by one test — in the OS
    keyring, or in the in-memory one the sync tests' MemoryKeyring class may have made keyring's default — is
    found by the next."""
    import keyring
    from keyring.backends import fail

    path = tmp_path_factory.mktemp("secrets") / "secrets.json"
    monkeypatch.setenv("HALLCLIENT_SECRETS_FILE", str(path))
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield path
    keyring.set_keyring(before)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def demo_seed() -> dict:
    return load_seed()


@pytest.fixture(scope="session")
def _demo_db_template(tmp_path_factory: pytest.TempPathFactory, demo_seed: dict) -> Path:
    """Seeding hashes a password with argon2; do it once and copy the file per test."""
    path = tmp_path_factory.mktemp("template") / "demo.sqlite"
    store = open_store(path)
    seed_hall(store, demo_seed, today=datetime(2026, 11, 23, 9, 0).astimezone())
    store.close()
    return path


@pytest.fixture
def demo_db(tmp_path: Path, _demo_db_template: Path) -> Path:
    from hallclient.store.backup import backup_database

    return backup_database(_demo_db_template, tmp_path / "hall.sqlite")


@pytest.fixture
def demo_store(demo_db: Path) -> Iterator[Store]:
    store = open_store(demo_db)
    yield store
    store.close()


def postgres_url() -> str | None:
    """The CI PostgreSQL, if reachable; under CI=true its absence fails instead of skipping."""
    url = os.environ.get("HALLCLIENT_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    try:
        import psycopg

        with psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), connect_timeout=3):
            pass
        return url
    except Exception as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but PostgreSQL at {url} is not reachable: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {url}: {exc}")
    return None


def run_subcommand(capsys: pytest.CaptureFixture[str], cli: Any, db: Path, *argv: str) -> tuple[int, str, str]:
    """Run one feature's sub-command the way the main `hallclient` parser does (it provides --db);
    returns (exit code, stdout, stderr)."""
    parser = argparse.ArgumentParser(prog="hallclient")
    parser.add_argument("--db", type=Path, default=db)
    cli.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err
