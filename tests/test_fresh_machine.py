"""A fresh machine: the README's one apt line is what CI installs; one place holds the version; nothing but
hallclient.paths builds paths to resources/ or db/."""

from __future__ import annotations

import re
from pathlib import Path

from hallclient import __version__
from hallclient.cli import version_text
from hallclient.doctor.qt_platform import DEBIAN_PACKAGES
from hallclient.paths import db_path, resource_path
from hallclient.store.schema import head_revision
from hallclient.sync.central_schema import head_revision as central_head

REPO = Path(__file__).resolve().parents[1]


def readme_apt_packages() -> set[str]:
    lines = [line for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines()
             if line.startswith("sudo apt install python3-venv")]
    assert len(lines) == 1, "the README gives exactly one apt line"
    return set(lines[0].split()[3:])


def test_ci_installs_the_readme_apt_line_plus_test_tools() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    runtime = re.search(r'RUNTIME="([^"]+)"', script, re.DOTALL)
    tests = re.search(r'TESTS="([^"]+)"', script)
    assert runtime and tests
    assert set(runtime.group(1).replace("\\\n", " ").split()) == readme_apt_packages()
    assert {"chromium", "chromium-driver"} <= set(tests.group(1).split())
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = re.search(r"```sh\n(python3 -m venv \.venv && \.venv/bin/pip install -q -e \"\.\[test\]\".*)\n```",
                        readme)
    assert command and command.group(1) in script  # the README's test command, verbatim


def test_every_library_the_doctor_can_name_is_in_the_apt_line() -> None:
    optional = {"libopengl0", "libglx0", "libxcb-xinerama0", "libxcb-xinput0", "libwayland-client0",
                "libwayland-cursor0", "libwayland-egl1", "libdrm2", "libspeechd2"}  # pulled in, or Wayland only
    assert set(DEBIAN_PACKAGES.values()) - optional <= readme_apt_packages()


def test_version_shows_the_schema_heads() -> None:
    text = version_text()
    assert text == f"hallclient {__version__} (hall database schema {head_revision()}, central store schema " \
                   f"{central_head()})"
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and not re.search(r'^version\s*=', pyproject, re.MULTILINE)


def test_paths_find_the_checkout_and_nothing_else_builds_them() -> None:
    assert resource_path("fonts", "wqy-microhei.ttc").is_file() and db_path("versions").is_dir()
    offenders = []
    for py in (REPO / "hallclient").rglob("*.py"):
        if py.name == "paths.py":
            continue
        text = py.read_text(encoding="utf-8")
        if re.search(r"__file__|parent\.parent|parents\[|(/|joinpath\()\s*[\"'](resources|db)[\"']", text):
            offenders.append(str(py.relative_to(REPO)))
    assert not offenders, offenders
