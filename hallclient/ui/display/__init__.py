"""Display board role (叫号屏): `open_role(bridge, settings)` returns the full-screen board window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from hallclient.ui.common.bridge import HallBridge
    from hallclient.ui.common.settings import HallSettings


def open_role(bridge: HallBridge, settings: HallSettings) -> QWidget:
    """The board, full screen unless settings say display/fullscreen=false (F11 toggles)."""
    from hallclient.ui.display.window import DisplayWindow

    window = DisplayWindow(bridge, settings)
    window.resize(1280, 720)
    if settings.switch("display/fullscreen"):
        window.setWindowState(Qt.WindowState.WindowFullScreen)
    return window
