"""Can Qt open its platform plugin here, and if not, which system library is missing?

Qt aborts with "could not load the Qt platform plugin "xcb" … Reinstalling the application may fix this"
and usually names the wrong library (libxcb-cursor0 while libxcb-icccm4 was missing). So before the app
creates its QApplication, `precheck()` loads the plugin's library with the dynamic loader — which Qt would
do next anyway — and, if that fails, `ldd` lists every missing library; `DEBIAN_PACKAGES` turns them into
the `apt install` line. `guard_qt_abort()` catches the aborts a precheck cannot foresee.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

DOCTOR_HINT = "Run `hallclient doctor` to check this PC; it names each missing piece and its fix."

# Shared libraries Qt's platform plugins and the app's Qt modules link to, and the Debian/Ubuntu package
# of each (the README's apt line installs all of them).
DEBIAN_PACKAGES = {
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0", "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2", "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1",
    "libXext.so.6": "libxext6", "libXrandr.so.2": "libxrandr2", "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxcb.so.1": "libxcb1", "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0", "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxcb-xinput.so.0": "libxcb-xinput0",
    "libcups.so.2": "libcups2", "libpulse.so.0": "libpulse0", "libspeechd.so.2": "libspeechd2",
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1", "libdrm.so.2": "libdrm2",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_CANNOT_OPEN = re.compile(r"([\w.+-]+\.so[\w.]*): cannot open shared object file")


def platform_name(env: dict[str, str] | None = None) -> str:
    """The platform plugin Qt will load: QT_QPA_PLATFORM (first choice), else the OS default."""
    env = os.environ if env is None else env
    wanted = env.get("QT_QPA_PLATFORM", "").strip()
    if wanted:
        return re.split(r"[;:]", wanted)[0].strip()
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "cocoa"
    if env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb"


def plugin_file(name: str) -> Path | None:
    """The platform plugin's file (Linux: platforms/libq<name>.so), found the way Qt finds it."""
    from PySide6.QtCore import QLibraryInfo  # QtCore only: no platform plugin is loaded by this

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    for candidate in (folder / f"libq{name}.so", folder / f"q{name}.dll", folder / f"libq{name}.dylib"):
        if candidate.exists():
            return candidate
    return None


def missing_libraries(path: Path) -> list[str]:
    """Every shared library `path` needs that the loader cannot find (Linux `ldd`; [] elsewhere)."""
    ldd = shutil.which("ldd")
    if not ldd or not sys.platform.startswith("linux"):
        return []
    try:
        out = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted(set(_NOT_FOUND.findall(out)))


def libraries_named_in(text: str) -> list[str]:
    """Libraries a loader error message (dlopen, QT_DEBUG_PLUGINS output) says it could not open."""
    return sorted(set(_CANNOT_OPEN.findall(text)))


def apt_line(libraries: list[str]) -> str:
    packages = sorted({DEBIAN_PACKAGES.get(lib, "") for lib in libraries} - {""})
    unknown = [lib for lib in libraries if lib not in DEBIAN_PACKAGES]
    line = f"sudo apt install {' '.join(packages)}" if packages else ""
    if unknown:
        line += ("; " if line else "") + "find the package of " + ", ".join(unknown) + " (apt-file search NAME)"
    return line


def needs_display(name: str, env: dict[str, str] | None = None) -> str | None:
    """Why the platform cannot open a screen here (no X display / Wayland socket), or None."""
    env = os.environ if env is None else env
    if name == "xcb" and not env.get("DISPLAY"):
        return "no X display: DISPLAY is not set (no desktop session here)"
    if name == "wayland" and not env.get("WAYLAND_DISPLAY"):
        return "no Wayland display: WAYLAND_DISPLAY is not set"
    return None


def precheck(env: dict[str, str] | None = None) -> str | None:
    """A sentence saying why Qt's platform plugin will not start here (with the fix), or None if it should.

    Cheap: one `dlopen` of the plugin, which Qt performs next anyway; `ldd` runs only after a failure.
    """
    name = platform_name(env)
    if name in ("offscreen", "minimal", "windows", "cocoa"):
        return None
    path = plugin_file(name)
    if path is None:
        return f'the Qt platform plugin "{name}" is not installed with hallclient'
    try:
        ctypes.CDLL(str(path))
    except OSError as exc:
        missing = missing_libraries(path) or libraries_named_in(str(exc))
        fix = apt_line(missing)
        return (f'Qt cannot load its "{name}" platform plugin: missing {", ".join(missing) or exc}'
                + (f". Fix: {fix}" if fix else ""))
    return needs_display(name, env)


def guard_qt_abort() -> None:
    """Until the QApplication exists: turn Qt's fatal platform error into a pointer to `hallclient doctor`
    (Qt aborts right after its fatal message; this handler prints the hint and exits with 3 first)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        category = getattr(context, "category", None)
        prefix = f"{category}: " if category and category != "default" else ""
        print(prefix + message, file=sys.stderr, flush=True)
        if kind == QtMsgType.QtFatalMsg:
            print(f"hallclient: Qt could not start. {DOCTOR_HINT}", file=sys.stderr, flush=True)
            os._exit(3)

    qInstallMessageHandler(handler)


def release_qt_abort_guard() -> None:
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(None)
