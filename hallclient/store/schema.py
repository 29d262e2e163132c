"""Schema versions: Alembic migrations in `db/`, applied on open after a backup.

A database that is not SQLite, fails `quick_check`, or carries a revision this program does not know
(written by a newer hallclient) is refused with a clear message and left untouched.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from hallclient.paths import db_path
from hallclient.store.backup import backup_with_rotation
from hallclient.store.errors import CorruptDatabaseError, NewerDatabaseError

SQLITE_MAGIC = b"SQLite format 3\x00"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("script_location", str(db_path()))
    cfg.set_main_option("version_locations", str(db_path("versions")))
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


@dataclass(frozen=True)
class DatabaseState:
    path: Path
    exists: bool
    revision: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.revision == self.head


def inspect_database(path: Path) -> DatabaseState:
    """Read-only look at a database file: is it sound, and at which revision."""
    head = head_revision()
    if not path.exists() or path.stat().st_size == 0:
        return DatabaseState(path, False, None, head)
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise CorruptDatabaseError(f"{path}: not an SQLite database (bad header); file left untouched")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise CorruptDatabaseError(
                    f"{path}: database is damaged ({'; '.join(problems[:3])}); file left untouched. "
                    "Restore the newest backup (see README, Troubleshooting)."
                )
            has_version = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone() if has_version else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(f"{path}: cannot read database ({exc}); file left untouched") from exc
    rev = revision[0] if revision else None
    if rev is None:
        tables = _table_count(path)
        if tables:
            raise CorruptDatabaseError(f"{path}: has {tables} tables but no schema version; not a hallclient database")
    elif rev not in known_revisions():
        raise NewerDatabaseError(
            f"{path}: schema revision {rev} is newer than this hallclient knows (head {head}); "
            "upgrade hallclient instead. File left untouched."
        )
    return DatabaseState(path, True, rev, head)


def _table_count(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    finally:
        conn.close()


def upgrade(engine: Engine, path: Path, target: str = "head", *, backup_dir: Path | None = None) -> Path | None:
    """Migrate to `target`; an existing database is first backed up. Returns the backup's path, if any."""
    state = inspect_database(path)
    backup = None
    if state.exists and state.revision is not None and state.revision != state.head:
        backup = backup_with_rotation(path, backup_dir or path.parent / "backups", f"pre-{state.revision}", keep=5)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return backup
