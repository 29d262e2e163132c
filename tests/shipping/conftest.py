"""Build what users install — the sdist and wheel, and the one-folder bundle — once per test session.

The wheel is built the way pip builds from a source archive (`python -m build`: sdist first, the wheel from
the unpacked sdist, so both must carry resources/ and db/), then installed NOT editable into a fresh venv;
pip's cache supplies the dependencies. The bundle is built by build_spec/build.sh with this interpreter.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 1500


def _run(cmd: list[str], **kw: object) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False, **kw)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"


@pytest.fixture(scope="session")
def built_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)])
    return out


@pytest.fixture(scope="session")
def wheel_install(tmp_path_factory: pytest.TempPathFactory, built_dist: Path) -> list[str]:
    """`hallclient` of a fresh venv with the wheel installed (not editable)."""
    venv = tmp_path_factory.mktemp("venv") / "v"
    _run([sys.executable, "-m", "venv", str(venv)])
    wheel = next(built_dist.glob("hallclient-*.whl"))
    env = {k: v for k, v in os.environ.items() if k != "PIP_NO_CACHE_DIR"}
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], env=env, cwd=str(venv))
    return [str(venv / "bin" / "hallclient")]


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder bundle's directory (its executable is `hallclient` inside)."""
    out = tmp_path_factory.mktemp("bundle")
    _run(["bash", str(REPO / "build_spec" / "build.sh"), str(out / "dist"), str(out / "work")],
         env={**os.environ, "PYTHON": sys.executable})
    return out / "dist" / "hallclient"
