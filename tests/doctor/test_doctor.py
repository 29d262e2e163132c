"""`hallclient doctor` and the desktop app's start-up check: each problem named with its fix, and the app
points to the doctor instead of Qt's abort."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command

from hallclient.doctor import checks, qt_platform
from hallclient.store.schema import alembic_config
from hallclient.store.store import Store


def app(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hallclient", *args], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120, check=False)


def test_apt_line_names_the_debian_packages() -> None:
    assert qt_platform.apt_line(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]) == \
        "sudo apt install libxcb-icccm4 libxcb-keysyms1"
    assert "apt-file search" in qt_platform.apt_line(["libunknown.so.9"])
    text = ("Cannot load library …/libqxcb.so: (libxcb-icccm.so.4: cannot open shared object file: "
            "No such file or directory)")
    assert qt_platform.libraries_named_in(text) == ["libxcb-icccm.so.4"]


@pytest.mark.skipif(not shutil.which("gcc") or not sys.platform.startswith("linux"), reason="needs gcc (Linux)")
def test_precheck_names_every_missing_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A plugin whose dependency is gone: the precheck lists it (via ldd) instead of Qt's guess."""
    (tmp_path / "dep.c").write_text("int hc_dep(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text("int hc_dep(void); int hc_plugin(void) { return hc_dep(); }\n")
    lib = "libhc-xcb-gone.so.4"  # a name no system has, standing in for libxcb-icccm.so.4
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", lib, f"-Wl,-soname,{lib}", "dep.c"], cwd=tmp_path, check=True)
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", "libqxcb.so", "plugin.c", "-L.", f"-l:{lib}"],
                   cwd=tmp_path, check=True)
    (tmp_path / lib).unlink()
    monkeypatch.setattr(qt_platform, "plugin_file", lambda name: tmp_path / "libqxcb.so")
    monkeypatch.setitem(qt_platform.DEBIAN_PACKAGES, lib, "libhc-xcb-gone4")
    problem = qt_platform.precheck({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"})
    assert problem is not None and lib in problem and "sudo apt install libhc-xcb-gone4" in problem, problem
    assert qt_platform.missing_libraries(tmp_path / "libqxcb.so") == [lib]


@pytest.mark.parametrize(("env", "says"), [
    ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ""}, "no X display"),
    ({"QT_QPA_PLATFORM": "nosuchplatform"}, 'platform plugin "nosuchplatform" is not installed'),
])
def test_app_points_to_doctor_instead_of_aborting(env: dict[str, str], says: str) -> None:
    done = app(env, "--role", "clerk", "--node", "http://127.0.0.1:9")
    assert done.returncode == 3 and says in done.stderr and "hallclient doctor" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_qt_abort_after_the_precheck_still_points_to_doctor() -> None:
    """The display server is gone (DISPLAY set, nothing there): Qt's fatal error is caught on its way out."""
    done = app({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":87"}, "--role", "clerk", "--node", "http://127.0.0.1:9")
    assert done.returncode == 3 and "hallclient doctor" in done.stderr, done.stderr


def test_doctor_reports_every_check_with_a_fix(demo_db: Path, tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hallnode"))
    from hallnode_util import LiveNode

    node = LiveNode(demo_db, None).start()
    try:
        done = app({"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", "QT_QPA_PLATFORM": "offscreen"},
                   "--db", str(demo_db), "doctor", "--json", "--node", node.url)
    finally:
        node.stop()
    results = {c["name"]: c for c in json.loads(done.stdout)}
    assert done.returncode == 0, done.stdout
    assert {"Chinese (CJK) font", "Chinese text-to-speech voice", "printers", "keyring for secrets", "hall node",
            "hall database"} <= set(results)
    assert results["hall node"]["status"] == "ok" and results["hall database"]["status"] == "ok"
    assert results["keyring for secrets"]["status"] == "warn" and "secrets.json" in results["keyring for secrets"][
        "detail"]
    assert results['Qt platform plugin "offscreen"']["status"] == "ok"
    for c in results.values():
        assert c["status"] == "ok" or c["fix"], c  # every problem comes with its fix


def test_database_behind_and_node_down_are_failures_with_fixes(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    store = Store(db)
    with store.writer.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    store.close()
    old = checks.check_database(db)
    assert old.status == checks.FAIL and "db upgrade" in old.fix
    down = checks.check_node("http://127.0.0.1:9")
    assert down.status == checks.FAIL and "8470" in down.fix
    assert checks.check_database(tmp_path / "none.sqlite").status == checks.WARN
