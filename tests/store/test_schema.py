"""Migrations: head matches the models, old databases upgrade with nothing lost (after a backup),
and damaged or newer databases are refused and left untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from hallclient.cli import main
from hallclient.store import CorruptDatabaseError, NewerDatabaseError, open_store
from hallclient.store.queue import HallQueue
from hallclient.store.schema import alembic_config, head_revision, inspect_database
from hallclient.store.seed import seed_hall
from hallclient.store.tables import metadata
from tests.store.conftest import SMALL_HALL


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_head_migrations_match_the_models() -> None:
    engine = create_engine("sqlite://")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def test_first_revision_with_data_upgrades_to_head_with_nothing_lost(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{db}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    # fill the 0001 schema by hand: the code of today only knows head
    raw = sqlite3.connect(db)
    raw.execute(
        "INSERT INTO hall (id, code, name, name_en, timezone, opens_at, closes_at, address, phone) "
        "VALUES ('00000000000000000000000000000001','OLD','旧大厅','','Asia/Shanghai','09:00','17:00','','')"
    )
    raw.execute(
        "INSERT INTO category VALUES ('00000000000000000000000000000002','00000000000000000000000000000001',"
        "'SB','社保','',  'A',15,30,1,1,'2026-01-01 00:00:00.000000')"
    )
    raw.execute(
        "INSERT INTO ticket (id, hall_id, day, number, seq, category_id, status, issued_at, recall_count, "
        "transfer_count, green_note, rating_reason, version) VALUES ('00000000000000000000000000000003',"
        "'00000000000000000000000000000001','2026-01-01','A001',1,'00000000000000000000000000000002',"
        "'waiting','2026-01-01 01:00:00.000000',0,0,'','',1)"
    )
    raw.commit()
    raw.close()
    assert inspect_database(db).revision == "0001"

    store = open_store(db)
    try:
        assert inspect_database(db).revision == head_revision()
        backups = list((tmp_path / "backups").glob("old.pre-0001.*.sqlite"))
        assert len(backups) == 1, "no backup taken before migrating"
        with store.read() as conn:
            rows = conn.exec_driver_sql("SELECT number, status FROM ticket").all()
        assert rows == [("A001", "waiting")]
        assert store.hall().name == "旧大厅"
        with store.read() as conn:  # columns added later get their defaults
            assert conn.exec_driver_sql("SELECT code, guide_url FROM category").all() == [("SB", "")]
    finally:
        store.close()


def test_category_guide_url_migration_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'g.sqlite'}")
    cfg = alembic_config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0004")
            conn.exec_driver_sql(
                "INSERT INTO hall (id, code, name, name_en, timezone, opens_at, closes_at, address, phone) "
                "VALUES ('00000000000000000000000000000001','G','大厅','','Asia/Shanghai','09:00','17:00','','')")
            conn.exec_driver_sql(
                "INSERT INTO category (id, hall_id, code, name, name_en, prefix, yellow_after_min, red_after_min, "
                "sort_order, active, updated_at, guide_url) VALUES ('00000000000000000000000000000002',"
                "'00000000000000000000000000000001','SB','社保','','A',15,30,1,1,'2026-01-01 00:00:00',"
                "'https://zwfw.example.com/guide/SB')")
            command.downgrade(cfg, "0003")
            columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(category)")]
            assert "guide_url" not in columns and "name_en" in columns
            assert conn.exec_driver_sql("SELECT code FROM category").all() == [("SB",)]  # the row survives
            command.upgrade(cfg, "0004")
            assert conn.exec_driver_sql("SELECT guide_url FROM category").all() == [("",)]
    finally:
        engine.dispose()


def test_corrupt_database_is_refused_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "bad.sqlite"
    db.write_bytes(b"this is not a database at all" * 100)
    before = digest(db)
    with pytest.raises(CorruptDatabaseError, match="not an SQLite database"):
        open_store(db)
    assert digest(db) == before


def test_damaged_pages_are_refused_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "damaged.sqlite"
    store = open_store(db)
    seed_hall(store, SMALL_HALL)
    q = HallQueue(store)
    for _ in range(300):
        q.issue("SB")
    store.close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    for off in range(4096 * 3, min(len(data), 4096 * 12), 7):
        data[off] = 0x5A
    db.write_bytes(bytes(data))
    before = digest(db)
    with pytest.raises(CorruptDatabaseError):
        open_store(db)
    assert digest(db) == before
    assert main(["--db", str(db), "db", "check"]) == 2


def test_newer_database_is_refused_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite"
    open_store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    conn.commit()
    conn.close()
    before = digest(db)
    with pytest.raises(NewerDatabaseError, match="newer than this hallclient"):
        open_store(db)
    assert digest(db) == before
