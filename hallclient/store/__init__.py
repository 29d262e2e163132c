"""The hall's SQLite store: tables, migrations, and the queue operations that change them."""

from hallclient.store.errors import (
    ConflictError,
    CorruptDatabaseError,
    HallClosedError,
    NewerDatabaseError,
    NotFoundError,
    StoreError,
    WrongWindowError,
)
from hallclient.store.store import Store, default_db_path, open_store, utc_now

__all__ = [
    "ConflictError",
    "CorruptDatabaseError",
    "HallClosedError",
    "NewerDatabaseError",
    "NotFoundError",
    "Store",
    "StoreError",
    "WrongWindowError",
    "default_db_path",
    "open_store",
    "utc_now",
]
