"""Copies of the hall database through SQLite's online backup API (safe while the hall node runs)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path


def backup_database(src: Path, dest: Path) -> Path:
    """Copy `src` to `dest` page by page; readers and writers may go on meanwhile."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(dest)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return dest


def backup_with_rotation(src: Path, directory: Path, label: str, keep: int = 7) -> Path:
    """Take a time-stamped backup named after `label` and keep only the newest `keep` of that label."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = backup_database(src, directory / f"{src.stem}.{label}.{stamp}.sqlite")
    old = sorted(directory.glob(f"{src.stem}.{label}.*.sqlite"))
    for stale in old[:-keep] if keep > 0 else []:
        stale.unlink(missing_ok=True)
    return dest
