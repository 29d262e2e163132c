"""The embedded demo hall registers this PC's kiosk and display board by itself: a newcomer has no device token
(it is printed once, by a command they never ran), yet the same `hallclient` command started the hall node and
seeded the hall.

`DemoDevices(db).register(role)` runs `hallclient --db DB device add NAME --role ROLE --json --demo-only` in a
child process, as the first-run wizard runs `hall init`: the UI never opens the database, the CLI does, beside
the running node (SQLite WAL takes both). `--demo-only` makes the child refuse a real hall (exit 4 →
`NotDemoHall`), so on a real hall the token screen stays. The token is kept like a typed one (keyring, else the
owner-only secrets file: `ui.common.device.store_token`), under its own name (`device-token-<role>-demo`), so
a demo token is never offered to a real hall node. `app.run` sets `bridge.demo_devices` only when it started
the embedded node; `DeviceSetup` uses it. Blocking: call it off the GUI thread (`bridge.submit`).
"""

from __future__ import annotations

import json
import secrets
import subprocess
from pathlib import Path

from hallclient.ui.common.embedded import hallclient_command

NOT_DEMO_EXIT = 4  # hallclient.hallnode.cli.NOT_DEMO_EXIT (not imported: that pulls in the whole node)
DEVICE_LABELS = {"kiosk": "演示取号机", "display": "演示叫号屏"}


class DemoDeviceError(RuntimeError):
    """The child could not register the device; the message says why (its last error line)."""


class NotDemoHall(DemoDeviceError):
    """The embedded node holds a real hall: devices are registered by an admin, with a token."""


class DemoDevices:
    """Registers demo devices in the embedded node's database through the CLI."""

    def __init__(self, db: Path, timeout_s: float = 60.0) -> None:
        self.db, self.timeout_s = Path(db), timeout_s

    def device_name(self, role: str) -> str:
        """A fresh name per registration (names are unique on the node): 演示取号机 3f9a."""
        return f"{DEVICE_LABELS.get(role, role)} {secrets.token_hex(2)}"

    def command(self, role: str) -> list[str]:
        return [*hallclient_command(), "--db", str(self.db), "device", "add", self.device_name(role), "--role", role,
                "--json", "--demo-only"]

    def register(self, role: str) -> str:
        """Register one device of `role`; returns its token. Raises NotDemoHall or DemoDeviceError."""
        try:
            done = subprocess.run(self.command(role), capture_output=True, text=True, encoding="utf-8",
                                  timeout=self.timeout_s, check=False, stdin=subprocess.DEVNULL,
                                  creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        except (OSError, subprocess.SubprocessError) as exc:
            raise DemoDeviceError(f"could not run hallclient device add: {exc}") from exc
        if done.returncode == NOT_DEMO_EXIT:
            raise NotDemoHall(done.stderr.strip())
        lines = [ln for ln in (done.stderr or done.stdout).strip().splitlines() if ln.strip()]
        if done.returncode != 0:
            raise DemoDeviceError(lines[-1] if lines else f"hallclient device add exited {done.returncode}")
        try:
            token = json.loads(done.stdout.strip().splitlines()[-1])["token"]
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise DemoDeviceError("hallclient device add gave no token") from exc
        if not isinstance(token, str) or not token:
            raise DemoDeviceError("hallclient device add gave no token")
        return token
