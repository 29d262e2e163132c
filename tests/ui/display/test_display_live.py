"""Display board against a real hall node: a clerk's calls appear on the board and are announced in order."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.settings import HallSettings
from hallclient.ui.display.voice import VoiceAnnouncer, call_text
from hallclient.ui.display.window import DisplayWindow


@pytest.fixture
def display(qtbot: QtBot, node, settings: HallSettings) -> Iterator[DisplayWindow]:
    bridge = HallBridge(node.url)
    bridge.client.token = node.device_token("display")
    announcer = VoiceAnnouncer("mock", any_voice=True, gap_ms=10)
    win = DisplayWindow(bridge, settings, announcer=announcer)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    bridge.wait_ready()
    qtbot.waitUntil(lambda: win.model.hall_name != "" and bridge.state == "connected", timeout=10000)
    yield win
    win.close()
    bridge.shutdown()


def test_clerk_calls_show_and_are_announced_in_order(qtbot: QtBot, node, display: DisplayWindow) -> None:
    said: list[str] = []
    display.announcer.speaking.connect(said.append)
    kiosk = node.client(node.device_token("kiosk"))
    a1 = kiosk.issue("SSDJ")
    a2 = kiosk.issue("SSDJ")
    qtbot.waitUntil(lambda: display.model.categories["SSDJ"].waiting == 2, timeout=5000)
    clerk = node.client(node.token("1001", window_no=1))
    t1 = clerk.call_next(1)
    assert t1["number"] == a1["number"]
    qtbot.waitUntil(lambda: bool(display.model.calls) and display.model.calls[0].number == a1["number"], timeout=5000)
    assert display.model.windows[1].current == a1["number"]
    assert display.model.categories["SSDJ"].waiting == 1
    clerk.recall(t1["id"])
    clerk.no_show(t1["id"])
    t2 = clerk.call_next(1)
    assert t2["number"] == a2["number"]
    qtbot.waitUntil(lambda: len(said) == 6, timeout=20000)
    first, second = call_text(a1["number"], 1), call_text(a2["number"], 1)
    assert said == [first, first, first, first, second, second]
    assert [c.number for c in display.model.calls][:1] == [a2["number"]]
    assert display.model.highlighted(display.model.calls[0])
    display.board.grab()  # paints without error at 1080p


def test_green_call_is_marked(qtbot: QtBot, node, display: DisplayWindow) -> None:
    reception = node.client(node.token("1031"))
    reception.issue("SB", green_reason="elderly")
    reception.switch_window(3, ["SB"])
    called = node.client(node.token("1003", window_no=3)).call_next(3)
    qtbot.waitUntil(lambda: bool(display.model.calls) and display.model.calls[0].number == called["number"],
                    timeout=5000)
    assert display.model.calls[0].green


def test_windows_nobody_is_at_show_as_closed(qtbot: QtBot, node, display: DisplayWindow) -> None:
    qtbot.waitUntil(lambda: len(display.model.windows) == 31, timeout=5000)
    assert not any(w.is_open for w in display.model.windows.values())  # nobody logged in anywhere
    node.token("1007", 7)  # a clerk logs in at window 7: its login is an event, the board re-reads the hall
    qtbot.waitUntil(lambda: display.model.windows[7].is_open, timeout=5000)
    assert [w.no for w in display.model.windows.values() if w.is_open] == [7]
    display.board.grab()  # paints closed cells (未开放) without trouble
