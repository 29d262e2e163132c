"""The one-folder bundle (build_spec/build.sh): within its size budget, carrying the Qt plugins and
modules the app loads at run time and none it never uses; every CLI command starts, the admin's journey
works, and each desktop role (and the launcher) opens offscreen with nothing wrong in its log."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from hallclient.cli import build_parser

from .journey import Node, user_env, user_journey

pytestmark = pytest.mark.slow
BUDGET_BYTES = 250 * 1000 * 1000
ERROR_LINE = re.compile(r"Traceback|Error\b|\berror:|CRITICAL|[Ff]atal|Cannot load library|No module named|Aborted")


def bundle_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*"))


def test_size_within_budget_and_plugins_present(bundle: Path) -> None:
    size = bundle_bytes(bundle)
    assert size <= BUDGET_BYTES, f"bundle is {size / 1e6:.1f} MB, budget {BUDGET_BYTES / 1e6:.0f} MB"
    plugins = bundle / "_internal" / "PySide6" / "Qt" / "plugins"
    for needed in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "tls/libqopensslbackend.so",
                   "multimedia/libffmpegmediaplugin.so", "texttospeech/libqtexttospeech_speechd.so",
                   "printsupport/libcupsprintersupport.so",
                   "platforminputcontexts/libibusplatforminputcontextplugin.so"):
        assert (plugins / needed).exists(), needed
    names = {p.name for p in bundle.rglob("*")}
    for unused in ("libQt6WebEngineCore.so.6", "libQt63DCore.so.6", "libQt6Quick3D.so.6", "libQt6Pdf.so.6",
                   "libQt6VirtualKeyboard.so.6", "libqgtk3.so", "libQt6Designer.so.6"):
        assert unused not in names, unused
    assert not [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()], "dangling links"
    assert (bundle / "_internal" / "hallclient" / "_db" / "seed" / "demo_hall.json").exists()
    assert (bundle / "_internal" / "hallclient" / "_resources" / "fonts" / "wqy-microhei.ttc").exists()


def test_every_cli_command_starts(bundle: Path, tmp_path: Path) -> None:
    """Commands are imported by name at run time: each one's --help proves it is in the bundle."""
    commands = sorted(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    env = user_env(tmp_path / "home")
    for command in commands:
        done = subprocess.run([str(bundle / "hallclient"), command, "--help"], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=120, check=False)
        assert done.returncode == 0 and "usage:" in done.stdout, (command, done.stdout, done.stderr)


def test_journey_and_every_role(bundle: Path, tmp_path: Path) -> None:
    exe = [str(bundle / "hallclient")]
    tokens = user_journey(exe, tmp_path)
    env = user_env(tmp_path / "home")
    node = Node(exe, Path(tokens["db"]), env, tmp_path)
    try:
        for role in ("clerk", "supervisor", "kiosk", "display", "launcher"):
            role_env = {**env, "HALLCLIENT_BENCH": "1", "HALLCLIENT_BENCH_IDLE_S": "3"}
            args = [] if role == "launcher" else ["--role", role, "--node", node.url, "--window", "1"]
            if role in tokens:
                role_env["HALLCLIENT_DEVICE_TOKEN"] = tokens[role]
            done = subprocess.run([*exe, *args], capture_output=True, text=True, env=role_env, cwd=tmp_path,
                                  timeout=180, check=False)
            assert done.returncode == 0 and "first-paint-s" in done.stdout, (role, done.stdout, done.stderr)
            errors = [line for line in done.stderr.splitlines() if ERROR_LINE.search(line)]
            assert not errors, (role, errors)
        doctor = subprocess.run([*exe, "--db", tokens["db"], "doctor", "--json", "--node", node.url],
                                capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False)
        results = {c["name"]: c["status"] for c in json.loads(doctor.stdout)}
        assert doctor.returncode == 0 and results["hall node"] == results["hall database"] == "ok", doctor.stdout
        assert results['Qt platform plugin "offscreen"'] == "ok" and "Chinese (CJK) font" in results, results
    finally:
        node.stop()
