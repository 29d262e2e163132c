"""The one place that finds `resources/` and `db/`, from a source checkout or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def _root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # PyInstaller unpacks data next to the bootloader
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under `resources/` (icons, fonts, translations, sounds, styles)."""
    return _root().joinpath("resources", *parts)


def db_path(*parts: str) -> Path:
    """A file under `db/` (Alembic migrations and the demo hall seed)."""
    return _root().joinpath("db", *parts)
