"""The board with the demo hall at 1080p, 4K and portrait; HALLCLIENT_SCREENSHOTS=1 also saves
resources/screenshots/display.png (1920×1080)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hallclient.paths import resource_path
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.i18n import install_language
from hallclient.ui.common.settings import HallSettings
from hallclient.ui.display.voice import VoiceAnnouncer
from hallclient.ui.display.window import DisplayWindow


def busy_hall(node) -> None:
    """A mid-morning hall: tickets in most categories, a dozen windows calling or serving, one green call."""
    kiosk = node.client(node.device_token("kiosk"))
    for i, cat in enumerate(["SSDJ", "QYKB", "SB", "YB", "GJJ", "BDC", "SW", "GCJS", "RCFW", "CRJ", "HZ", "ZHZX"]):
        for _ in range(3 + (i * 5) % 11):
            kiosk.issue(cat)
    for no, staff in [(1, "1001"), (2, "1002"), (3, "1003"), (5, "1005"), (6, "1006"), (8, "1008"), (10, "1010"),
                      (12, "1012"), (14, "1014"), (17, "1017"), (21, "1019"), (25, "1022")]:
        clerk = node.client(node.token(staff, window_no=no))
        t = clerk.call_next(no)
        if t is not None and no % 3 == 0:
            clerk.start(t["id"])


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160), (1080, 1920)])
def test_board_renders_at_screen_sizes(qtbot: QtBot, node, settings: HallSettings, tmp_path: Path,
                                       size: tuple[int, int]) -> None:
    install_language("zh_CN")  # as the app does at start: Chinese weekday names
    busy_hall(node)
    bridge = HallBridge(node.url)
    bridge.client.token = node.device_token("display")
    win = DisplayWindow(bridge, settings, announcer=VoiceAnnouncer("mock", any_voice=True, repeats=1, gap_ms=1))
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    bridge.wait_ready()
    qtbot.waitUntil(lambda: bridge.state == "connected" and len(win.model.windows) > 0, timeout=10000)
    sup = node.client(node.token("1031"))
    sup.issue("SB", green_reason="elderly")
    sup.switch_window(9, ["SB"])
    called = node.client(node.token("1009", window_no=9)).call_next(9)  # the green ticket goes first
    qtbot.waitUntil(lambda: bool(win.model.calls) and win.model.calls[0].number == called["number"], timeout=5000)
    assert win.model.calls[0].green
    qtbot.waitUntil(lambda: not win._fetching, timeout=5000)
    image = win.grab().toImage()
    assert (image.width(), image.height()) == size
    image.save(str(tmp_path / "display.png"))
    if size == (1920, 1080) and os.environ.get("HALLCLIENT_SCREENSHOTS"):
        image.save(str(resource_path("screenshots", "display.png")))
    win.close()
    bridge.shutdown()
