"""The kiosk's pages render at 1920×1080 with the demo hall; HALLCLIENT_SCREENSHOTS=1 saves
resources/screenshots/kiosk.png (the category page) and kiosk-ticket.png (after taking a ticket)."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from hallclient.paths import resource_path
from hallclient.ui.common.settings import HallSettings
from hallclient.ui.kiosk.printer import SlipPrinter
from tests.ui.kiosk.test_kiosk import make_kiosk


def test_kiosk_pages_render(qtbot: QtBot, node, settings: HallSettings, tmp_path: Path) -> None:
    for no in range(1, 28):  # clerks at windows 1-27; 出入境 (windows 28, 29) has nobody: 暂无窗口办理
        node.token(f"{1000 + no}", no)
    other = node.client(node.device_token("kiosk"))
    for i, cat in enumerate(["SSDJ", "SB", "YB", "BDC", "SW", "GJJ", "CRJ"]):
        for _ in range(2 + (i * 7) % 13):
            other.issue(cat)
    win = make_kiosk(qtbot, node, settings, SlipPrinter(f"pdf:{tmp_path}"))
    qtbot.waitUntil(lambda: win.waiting_of("SB")[0] > 0, timeout=5000)
    qtbot.wait(100)
    save = bool(os.environ.get("HALLCLIENT_SCREENSHOTS"))
    shots = {"kiosk.png": None, "kiosk-items.png": lambda: win.choose_category("SB"),
             "kiosk-ticket.png": lambda: win.issue("SB", "SB-003")}
    for name, action in shots.items():
        if action is not None:
            action()
        qtbot.waitUntil(lambda: not win.issuing and "…" not in win.print_status.text(), timeout=5000)
        qtbot.wait(200)
        image = win.grab().toImage()
        assert (image.width(), image.height()) == (1920, 1080)
        image.save(str(tmp_path / name))
        if save:
            image.save(str(resource_path("screenshots", name)))
    win.close()
    win.bridge.shutdown()
