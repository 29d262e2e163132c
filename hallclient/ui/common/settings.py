"""Per-user settings (QSettings): role, hall node address, language, window number, F-key map.

Environment variables HALLCLIENT_ROLE / HALLCLIENT_NODE / HALLCLIENT_WINDOW override the stored values
for one run without changing them (kiosks and test rigs); `apply_env()` reads them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

ROLES = ("clerk", "supervisor", "kiosk", "display")
LANGUAGES = ("zh_CN", "en")
DEFAULT_PORT = 8470

# Clerk actions and their default keys: USB caller keypads send F-keys.
DEFAULT_CLERK_KEYS: dict[str, str] = {
    "call_next": "F1",
    "recall": "F2",
    "no_show": "F3",
    "start": "F4",
    "finish": "F5",
    "transfer": "F6",
    "pause": "F7",
    "green": "F8",
    "rate": "F9",
}
DEFAULT_KEYS: dict[str, dict[str, str]] = {"clerk": DEFAULT_CLERK_KEYS}


class HallSettings:
    """Typed access to the user's QSettings; `path` gives an INI file instead (tests, portable installs)."""

    def __init__(self, path: str | Path | None = None) -> None:
        if path is not None:
            self.qs = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self.qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "hallclient", "hallclient")
        self._overrides: dict[str, Any] = {}

    # -- raw ----------------------------------------------------------------------------------------

    def value(self, key: str, default: Any = None) -> Any:
        if key in self._overrides:
            return self._overrides[key]
        return self.qs.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self._overrides.pop(key, None)
        self.qs.setValue(key, value)

    def sync(self) -> None:
        self.qs.sync()

    def apply_env(self, env: dict[str, str] | None = None) -> None:
        """One-run overrides from HALLCLIENT_ROLE / HALLCLIENT_NODE / HALLCLIENT_WINDOW (not persisted)."""
        env = os.environ if env is None else env
        self.apply_overrides(
            role=env.get("HALLCLIENT_ROLE") or None,
            node=env.get("HALLCLIENT_NODE"),  # empty = embedded node
            window=env.get("HALLCLIENT_WINDOW") or None,
        )

    def apply_overrides(
        self, role: str | None = None, node: str | None = None, window: int | str | None = None
    ) -> None:
        """One-run overrides (command-line flags or HALLCLIENT_* variables), not persisted; None keeps a setting."""
        if role:
            self._overrides["role"] = role
        if node is not None:
            self._overrides["node/url"] = node
        if window is not None:
            self._overrides["clerk/window_no"] = str(window)

    def overridden(self, key: str) -> bool:
        return key in self._overrides

    # -- typed --------------------------------------------------------------------------------------

    @property
    def role(self) -> str:
        r = str(self.value("role", "clerk"))
        return r if r in ROLES else "clerk"

    @role.setter
    def role(self, value: str) -> None:
        self.set_value("role", value)

    @property
    def node_url(self) -> str:
        """The hall node's address; empty means "start the embedded node on this PC"."""
        return str(self.value("node/url", "") or "").strip().rstrip("/")

    @node_url.setter
    def node_url(self, value: str) -> None:
        self.set_value("node/url", value.strip())

    @property
    def embedded_port(self) -> int:
        return _int(self.value("node/embedded_port", DEFAULT_PORT), DEFAULT_PORT)

    @embedded_port.setter
    def embedded_port(self, value: int) -> None:
        self.set_value("node/embedded_port", int(value))

    @property
    def language(self) -> str:
        lang = str(self.value("language", "zh_CN"))
        return lang if lang in LANGUAGES else "zh_CN"

    @language.setter
    def language(self, value: str) -> None:
        self.set_value("language", value)

    def switch(self, key: str) -> bool:
        """An on-by-default setting (display/voice, kiosk/fullscreen …): only 0, false or no turn it off."""
        return str(self.value(key, "true")).lower() not in ("0", "false", "no")

    @property
    def skip_launcher(self) -> bool:
        return _bool(self.value("launcher/skip", False))

    @skip_launcher.setter
    def skip_launcher(self, value: bool) -> None:
        self.set_value("launcher/skip", bool(value))

    @property
    def window_no(self) -> int | None:
        n = _int(self.value("clerk/window_no", 0), 0)
        return n if n > 0 else None

    @window_no.setter
    def window_no(self, value: int | None) -> None:
        self.set_value("clerk/window_no", int(value or 0))

    @property
    def staff_no(self) -> str:
        return str(self.value("clerk/staff_no", "") or "")

    @staff_no.setter
    def staff_no(self, value: str) -> None:
        self.set_value("clerk/staff_no", value)

    def keys(self, role: str = "clerk") -> dict[str, str]:
        """Action → key sequence text (e.g. "F1"); stored under keys/<role>/<action>."""
        out = dict(DEFAULT_KEYS.get(role, {}))
        for action in list(out):
            stored = self.value(f"keys/{role}/{action}")
            if stored:
                out[action] = str(stored)
        return out

    def set_key(self, action: str, key: str, role: str = "clerk") -> None:
        self.set_value(f"keys/{role}/{action}", key)


def _int(v: Any, default: int) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return default


def _bool(v: Any) -> bool:
    if isinstance(v, str):
        return v.lower() in ("1", "true", "yes")
    return bool(v)
