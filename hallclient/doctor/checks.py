"""The doctor's checks: each says what it found and, when something is wrong, the fix.

A check is `ok`, `warn` (hallclient works, but something a hall may want is missing — no printer on a
display PC is fine) or `fail` (a role will not start or data is at risk). Qt's checks run in child
processes (`hallclient doctor --probe …`), everything else here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from hallclient.doctor import qt_platform
from hallclient.doctor.probe import PROBE_OK

OK, WARN, FAIL = "ok", "warn", "fail"
PROBE_TIMEOUT_S = 60


@dataclass(frozen=True)
class Check:
    name: str
    status: str
    detail: str
    fix: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def probe_command(probe: str) -> list[str]:
    from hallclient.ui.common.embedded import hallclient_command

    return [*hallclient_command(), "doctor", "--probe", probe]


def run_probe(probe: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(probe_command(probe), capture_output=True, text=True, timeout=PROBE_TIMEOUT_S,
                          env=env, check=False, stdin=subprocess.DEVNULL)


# -- Qt platform plugin -------------------------------------------------------------------------------


def check_qt_platform() -> Check:
    name = qt_platform.platform_name()
    title = f'Qt platform plugin "{name}"'
    no_screen = qt_platform.needs_display(name)
    plugin = qt_platform.plugin_file(name) if name not in ("offscreen", "minimal") else None
    missing = qt_platform.missing_libraries(plugin) if plugin is not None else []
    if missing:
        return Check(title, FAIL, f"cannot load: missing {', '.join(missing)}", qt_platform.apt_line(missing))
    if no_screen:
        return Check(title, WARN, f"libraries complete, but {no_screen}",
                     "start hallclient inside the desktop session (or set QT_QPA_PLATFORM=offscreen for tests)")
    env = dict(os.environ, QT_DEBUG_PLUGINS="1")
    try:
        done = run_probe("platform", env)
    except subprocess.TimeoutExpired:
        return Check(title, FAIL, f"Qt did not start within {PROBE_TIMEOUT_S} s", "see `hallclient doctor --probe "
                     "platform` output")
    if done.returncode == 0 and PROBE_OK in done.stdout:
        return Check(title, OK, "loads")
    output = done.stdout + done.stderr
    named = qt_platform.libraries_named_in(output)
    fix = qt_platform.apt_line(named) if named else "install the Qt system libraries (README, Quick start: apt line)"
    last = [line for line in output.splitlines() if line.strip()][-1:] or [f"exit code {done.returncode}"]
    return Check(title, FAIL, f"Qt aborts: {', '.join(named) or last[0]}", fix)


def qt_environment() -> dict | Check:
    """The `qt` probe's JSON, or a failed Check explaining why the probe itself did not run."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        done = run_probe("qt", env)
    except subprocess.TimeoutExpired:
        return Check("Qt (offscreen)", FAIL, f"no answer within {PROBE_TIMEOUT_S} s")
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    err = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
    missing = qt_platform.libraries_named_in(done.stderr)
    fix = (qt_platform.apt_line(missing) if missing
           else "reinstall hallclient (pip install --force-reinstall hallclient) and see the Qt platform check")
    return Check("Qt (offscreen)", FAIL, f"Qt does not start even offscreen: {err}", fix)


def check_cjk_font(qt: dict) -> Check:
    from hallclient.paths import resource_path

    fonts = qt.get("cjk_fonts", [])
    bundled = resource_path("fonts", "wqy-microhei.ttc").exists()
    if fonts:
        return Check("Chinese (CJK) font", OK, f"{len(fonts)} system families, e.g. {', '.join(fonts[:3])}")
    if bundled:
        return Check("Chinese (CJK) font", WARN, "no system CJK font; the app uses its bundled WenQuanYi Micro Hei",
                     "for the best look: sudo apt install fonts-noto-cjk (Windows has Microsoft YaHei)")
    return Check("Chinese (CJK) font", FAIL, "no CJK font at all: Chinese shows as boxes",
                 "sudo apt install fonts-noto-cjk, and reinstall hallclient (its bundled font is missing)")


def check_voice(qt: dict) -> Check:
    engines = qt.get("voices", {})
    for engine, info in engines.items():
        if isinstance(info, dict) and info.get("voice"):
            return Check("Chinese text-to-speech voice", OK, f"engine {engine}, voice {info['voice']}")
    found = "; ".join(f"{engine}: {_voice_problem(info)}" for engine, info in engines.items()
                      if isinstance(info, dict)) or "no speech engine"
    if not sys.platform.startswith("linux"):
        fix = "Windows: Settings → Time & language → Speech → add a Chinese (Simplified) voice"
    elif "speech-dispatcher" in found.lower():
        fix = ("speech-dispatcher is not answering: sudo apt install speech-dispatcher espeak-ng, then start it "
               "(it starts by itself in a desktop session; else `speech-dispatcher -d` as the display's user)")
    else:
        fix = "sudo apt install speech-dispatcher espeak-ng (espeak-ng brings the Mandarin voice)"
    return Check("Chinese text-to-speech voice", WARN, f"{found}; the display plays a chime instead of speaking",
                 fix)


def _voice_problem(info: dict) -> str:
    return str(info.get("error") or f"no Mandarin voice among {info.get('count', 0)}")


def check_printers(qt: dict) -> Check:
    printers = qt.get("printers", {})
    names = printers.get("names", [])
    if names:
        default = printers.get("default") or "none"
        return Check("printers", OK, f"{len(names)} visible ({', '.join(names[:4])}); default: {default}")
    return Check("printers", WARN, "none visible; slips, guides and reports can only be saved as PDF",
                 "add the printer in the system's printer settings (Linux: CUPS, http://localhost:631); "
                 "not needed on a display PC")


# -- keyring, hall node, database ------------------------------------------------------------------------


def check_keyring() -> Check:
    from hallclient import secret_store

    usable, line = secret_store.describe_storage()
    if usable:
        return Check("keyring for secrets", OK, line)
    return Check("keyring for secrets", WARN, line,
                 "fine for a kiosk/display or a headless hall node (the file is readable only by this user); "
                 "for the OS keyring on Linux: sudo apt install gnome-keyring and log in to a desktop session")


def check_node(url: str | None) -> Check:
    from hallclient.ui.common.embedded import node_health

    configured = bool(url)
    target = url or f"http://127.0.0.1:{_embedded_port()}"
    health = node_health(target, timeout=3.0)
    if health is not None:
        hall = health.get("hall") or "?"
        return Check("hall node", OK, f"{target} answers (hall {hall}, version {health.get('version', '?')})")
    if not configured:
        return Check("hall node", WARN, f"no hall node on this PC ({target}) and none configured",
                     "normal before the first start: `hallclient` starts one; or set the hall node's address in "
                     "the launcher, or pass --node http://HOST:8470")
    return Check("hall node", FAIL, f"{target} does not answer",
                 "check the address, that the hall node runs there (systemctl status hallclient-node), "
                 "and that TCP 8470 is open on its firewall")


def _embedded_port() -> int:
    from hallclient.ui.common.settings import HallSettings

    return HallSettings().embedded_port


def configured_node_url() -> str:
    from hallclient.ui.common.settings import HallSettings

    settings = HallSettings()
    settings.apply_env()
    return settings.node_url


def check_database(db: Path) -> Check:
    from hallclient.store import schema
    from hallclient.store.errors import StoreError

    if not Path(db).exists():
        return Check("hall database", WARN, f"{db}: none here",
                     "only the hall node's PC needs one: hallclient --db PATH db upgrade (or start `hallclient`)")
    try:
        state = schema.inspect_database(Path(db))
    except StoreError as exc:
        return Check("hall database", FAIL, str(exc), "see the README, Troubleshooting")
    if state.up_to_date:
        return Check("hall database", OK, f"{db}: schema {state.revision} (current)")
    return Check("hall database", FAIL, f"{db}: schema {state.revision or '(empty)'}, this hallclient needs "
                 f"{state.head}", f"hallclient --db {db} db upgrade (it backs the database up first)")


def run_all(db: Path, node_url: str | None) -> list[Check]:
    checks: list[Check] = [check_qt_platform()]
    qt = qt_environment()
    if isinstance(qt, Check):
        checks.append(qt)
    else:
        checks += [check_cjk_font(qt), check_voice(qt), check_printers(qt)]
    extra: list[Callable[[], Check]] = [check_keyring, lambda: check_node(node_url), lambda: check_database(db)]
    return checks + [f() for f in extra]
