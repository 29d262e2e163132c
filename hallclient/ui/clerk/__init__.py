"""Clerk role (窗口工作人员): `open_role(bridge, settings)` returns the clerk window."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from hallclient.ui.common.bridge import HallBridge
    from hallclient.ui.common.settings import HallSettings


def open_role(bridge: HallBridge, settings: HallSettings) -> QWidget:
    from hallclient.ui.clerk.views.main_window import ClerkWindow

    return ClerkWindow(bridge, settings)
