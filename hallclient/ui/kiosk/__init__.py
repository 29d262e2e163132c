"""Kiosk role (取号机): `open_role(bridge, settings)` returns the full-screen touch window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from hallclient.ui.common.bridge import HallBridge
    from hallclient.ui.common.settings import HallSettings


def open_role(bridge: HallBridge, settings: HallSettings) -> QWidget:
    """The kiosk, full screen unless settings say kiosk/fullscreen=false."""
    from hallclient.ui.kiosk.window import KioskWindow

    window = KioskWindow(bridge, settings)
    window.resize(1280, 800)
    if settings.switch("kiosk/fullscreen"):
        window.setWindowState(Qt.WindowState.WindowFullScreen)
    return window
