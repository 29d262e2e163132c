"""The one place that finds `resources/` and `db/`, wherever hallclient runs from.

- installed wheel: the build maps the repository's top-level `resources/` and `db/` into the package as
  `hallclient/_resources` and `hallclient/_db` (pyproject.toml, `[tool.hatch.build.targets.wheel]`);
- PyInstaller bundle: the spec puts them at the same place inside the bundle (build_spec/hallclient.spec);
- source checkout or editable install (`pip install -e .`): `resources/` and `db/` beside the package.

Nothing else builds paths to them: use `resource_path(...)` and `db_path(...)`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _root(name: str) -> Path:
    """The directory holding `name` ("resources" or "db"): inside the package first, else the checkout's."""
    packaged = _PACKAGE / f"_{name}"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / name


def resource_path(*parts: str) -> Path:
    """A file under `resources/` (fonts, translations, sounds, styles, templates, deploy files)."""
    return _root("resources").joinpath(*parts)


def db_path(*parts: str) -> Path:
    """A file under `db/` (Alembic migrations and the demo hall seed)."""
    return _root("db").joinpath(*parts)
