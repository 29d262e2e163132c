"""The live hall says which display boards do not speak the calls (voice off, no Chinese voice) or stopped
answering, as soon as a board reports it (a display_changed event, no polling)."""

from __future__ import annotations

from typing import Any

from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.supervisor.controllers.console import ConsoleController
from hallclient.ui.supervisor.views.live_hall import LiveHallView
from tests.ui.clipping import clipped_texts
from tests.ui.supervisor.conftest import login


def test_live_hall_lists_silent_boards(qtbot: Any, node, make_console) -> None:
    w = make_console(node)
    login(w, qtbot)
    view = w.findChild(LiveHallView)
    assert view is not None and not view.boards.isVisible()
    board = node.client(node.device_token("display"))
    name = board.report_voice("off", "display/voice is off in this PC's settings")["name"]
    qtbot.waitUntil(lambda: view.boards.isVisible(), timeout=10000)
    assert view.boards.text() == f"叫号屏「{name}」：语音播报已关闭，叫号不会播报"
    board.report_voice("chime", "no Chinese voice")
    qtbot.waitUntil(lambda: "提示音" in view.boards.text(), timeout=10000)
    board.report_voice("on", "speechd: Chinese (Mandarin)")
    qtbot.waitUntil(lambda: not view.boards.isVisible(), timeout=10000)


def test_a_board_that_went_quiet_is_named(qtbot: Any) -> None:
    c = ConsoleController(HallBridge("http://127.0.0.1:9"))
    c.status = {"categories": [], "windows": [],
                "displays": [{"name": "大厅主屏", "voice": "on", "detail": "", "seen_at": "", "stale": True},
                             {"name": "二楼屏", "voice": "on", "detail": "", "seen_at": "", "stale": False}]}
    view = LiveHallView(c)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.refresh()
    assert view.board_problems() == ["叫号屏「大厅主屏」：超过 3 分钟未响应（可能已关机或断网）"]
    qtbot.wait(20)
    assert clipped_texts(view) == []
    c.bridge.shutdown()
