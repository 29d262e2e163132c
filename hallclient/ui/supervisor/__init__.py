"""Supervisor console (值班长控制台): live hall, tidal switches and plans, advisor, green-channel watch and
alerts, charts, audit log, hall admin. Entry point for `hallclient.ui.app`: `open_role(bridge, settings)`."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.settings import HallSettings


def open_role(bridge: HallBridge, settings: HallSettings) -> QWidget:
    """The console, unshown, starting at its login page (only supervisor and admin logins get past it)."""
    from hallclient.ui.supervisor.views.console import SupervisorConsole

    return SupervisorConsole(bridge, settings)
