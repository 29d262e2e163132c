"""The hall database: one SQLite file owned by the hall node (or by a test / CLI process)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import platformdirs
from sqlalchemy import Connection, select

from hallclient.store import schema
from hallclient.store.engine import make_engine
from hallclient.store.errors import StoreError
from hallclient.store.tables import HallRow


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("hallclient", appauthor=False)) / "hall.sqlite"


def utc_now() -> datetime:
    """Naive UTC, the form every time column holds."""
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """Engines for one hall database. `write()` runs in BEGIN IMMEDIATE, `read()` in a deferred BEGIN."""

    def __init__(self, path: Path, *, pooled: bool = True) -> None:
        self.path = Path(path)
        self.writer = make_engine(self.path, immediate=True, pooled=pooled)
        self.reader = make_engine(self.path, immediate=False, pooled=pooled)
        self._hall: HallRow | None = None

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self.writer.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.reader.begin() as conn:
            yield conn

    def hall(self, *, refresh: bool = False) -> HallRow:
        if self._hall is None or refresh:
            with self.read() as conn:
                row = conn.execute(select(HallRow.__table__)).first()
            if row is None:
                raise StoreError(f"{self.path}: no hall configured yet; set one up with `hallclient hall init` "
                                 "(or `hallclient db seed-demo` for the demo hall)")
            self._hall = HallRow.model_validate(dict(row._mapping))
        return self._hall

    @property
    def hall_id(self) -> uuid.UUID:
        return self.hall().id

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.hall().timezone)

    def local_day(self, at_utc: datetime) -> date:
        """The hall's business day of a UTC instant."""
        return at_utc.replace(tzinfo=UTC).astimezone(self.tz).date()

    def close(self) -> None:
        self.writer.dispose()
        self.reader.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: Path | str | None = None, *, migrate: bool = True, pooled: bool = True) -> Store:
    """Open (creating if needed) a hall database and bring its schema to head, backing it up first.

    Raises `CorruptDatabaseError` / `NewerDatabaseError` without touching the file.
    """
    p = Path(path) if path is not None else default_db_path()
    p.parent.mkdir(parents=True, exist_ok=True)
    state = schema.inspect_database(p)  # refuses bad files before any engine touches them
    store = Store(p, pooled=pooled)
    if migrate and not state.up_to_date:
        schema.upgrade(store.writer, p)
    elif not state.up_to_date:
        store.close()
        raise StoreError(
            f"{p}: schema at {state.revision or 'nothing'}, needs {state.head}; run `hallclient db upgrade`"
        )
    return store
