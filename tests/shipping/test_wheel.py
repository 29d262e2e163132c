"""The wheel and sdist carry resources/ and db/; installed from the wheel (not editable) in a fresh venv,
hallclient runs every step an admin takes, with nothing read from this checkout."""

from __future__ import annotations

import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest

from .journey import user_env, user_journey

pytestmark = pytest.mark.slow


def test_sdist_and_wheel_carry_resources_and_db(built_dist: Path) -> None:
    with zipfile.ZipFile(next(built_dist.glob("*.whl"))) as zf:
        wheel = zf.namelist()
    for path in ("hallclient/_db/env.py", "hallclient/_db/seed/demo_hall.json", "hallclient/_db/central/env.py",
                 "hallclient/_resources/fonts/wqy-microhei.ttc", "hallclient/_resources/styles/hall.qss",
                 "hallclient/_resources/sounds/chime.wav", "hallclient/_resources/translations/clerk_en.qm",
                 "hallclient/_resources/catalogue-templates/catalogue-template.xlsx",
                 "hallclient/_resources/deploy/hallclient-node.service"):
        assert path in wheel, path
    assert any(p.startswith("hallclient/_db/versions/0001_") for p in wheel)
    assert not any("screenshots" in p for p in wheel), "screenshots stay out of the wheel"
    with tarfile.open(next(built_dist.glob("*.tar.gz"))) as tf:
        sdist = tf.getnames()
    for top in ("resources/fonts/wqy-microhei.ttc", "db/versions", "db/seed/demo_hall.json", "hallclient/paths.py"):
        assert any(name.endswith(top) or f"/{top}/" in name for name in sdist), top


def test_installed_wheel_runs_the_admin_journey(wheel_install: list[str], tmp_path: Path) -> None:
    python = str(Path(wheel_install[0]).with_name("python"))
    where = subprocess.run([python, "-c", "import hallclient.paths as p; print(p.db_path()); print(p.resource_path())"],
                           capture_output=True, text=True, check=True, cwd=tmp_path, env=user_env(tmp_path / "h"))
    for line in where.stdout.split():
        assert "site-packages/hallclient/_" in line, where.stdout  # the installed copy, not this checkout
    user_journey(wheel_install, tmp_path)
