"""A clerk window logged in at window 1 against a live hall node."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from hallclient.store.seed import DEMO_PASSWORD
from hallclient.ui.clerk.views.main_window import ClerkWindow
from hallclient.ui.common.bridge import HallBridge


@pytest.fixture
def kiosk(node: Any) -> Any:
    return node.client(node.device_token("kiosk"))


@pytest.fixture
def window(node: Any, settings: Any, qtbot: Any) -> Iterator[ClerkWindow]:
    bridge = HallBridge(node.url)
    w = ClerkWindow(bridge, settings)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()
    if w.isVisible() and w.confirm is not None:  # a ticket in hand: closing asks first
        w.confirm.accept()
    bridge.shutdown()


def login(w: ClerkWindow, qtbot: Any, staff_no: str = "1001", window_no: int = 1) -> None:
    """Type into the real login form, press Enter, wait for the first snapshot."""
    from PySide6.QtCore import Qt

    lv = w.login_view
    before = w.ctl.snapshots
    lv.staff_no.setText(staff_no)
    lv.password.setText(DEMO_PASSWORD)
    lv.window_no.setValue(window_no)
    qtbot.keyClick(lv.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.ctl.snapshots > before and w.bridge.state == "connected", timeout=15000)
    assert w.stack.currentIndex() == 1


@pytest.fixture
def clerk(window: ClerkWindow, qtbot: Any) -> ClerkWindow:
    """The window after a real login as 1001 at window 1."""
    login(window, qtbot)
    return window
