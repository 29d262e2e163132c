"""The console's figures count only windows someone is at (在岗): the tidal advisor, the switch effect and
开放窗口, from a hall status as the node sends it (no node needed)."""

from __future__ import annotations

from typing import Any

from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.supervisor.controllers.console import ConsoleController
from hallclient.ui.supervisor.views.live_hall import LiveHallView


def window(no: int, primary: list[str], *, staffed: bool, tidal: bool = False, paused: bool = False) -> dict:
    return {"no": no, "name": f"{no}号窗口", "zone": "", "tidal": tidal, "is_open": True, "paused": paused,
            "pause_reason": "", "state": "idle" if staffed else "closed", "clerk": "某" if staffed else None,
            "current_ticket": None, "primary": primary, "secondary": [], "staffed": staffed}


def console(qtbot: Any, windows: list[dict]) -> ConsoleController:
    c = ConsoleController(HallBridge("http://127.0.0.1:9"))
    c.status = {"categories": [{"code": "GJJ", "name": "公积金", "waiting": 30, "longest_wait_s": 1500,
                                "colour": "yellow", "windows": 1},
                               {"code": "SB", "name": "社保", "waiting": 1, "longest_wait_s": 60, "colour": "blue",
                                "windows": 1}],
                "windows": windows}
    c.categories = {"GJJ": {"code": "GJJ", "name": "公积金", "yellow_after_min": 15},
                    "SB": {"code": "SB", "name": "社保", "yellow_after_min": 15}}
    c.stats = {"service": {"GJJ": {"arrivals_per_min": 0.5, "mean_service_s": 480},
                           "SB": {"arrivals_per_min": 0.05, "mean_service_s": 480}}}
    return c


def test_the_advisor_moves_only_windows_someone_is_at(qtbot: Any) -> None:
    wins = [window(14, ["GJJ"], staffed=True), window(15, ["GJJ"], staffed=False),
            window(17, ["SB"], staffed=True, tidal=True), window(18, ["SB"], staffed=False, tidal=True),
            window(19, ["SB"], staffed=True, tidal=True)]
    c = console(qtbot, wins)
    advice = c.advice()
    assert advice and {s.window for s in advice} <= {17, 19} and advice[0].to_category == "GJJ"
    assert advice[0].detail["c_before"] == 1  # window 15 serves GJJ but nobody is there
    assert c.serving_windows(c.windows()) == {"GJJ": 1, "SB": 2}
    effect = {r["code"]: r for r in c.switch_effect(18, ["GJJ"], [])}  # switching an empty window helps nobody
    assert effect["GJJ"]["windows_after"] == effect["GJJ"]["windows_before"] == 1
    nobody = console(qtbot, [{**w, "staffed": False, "state": "closed"} for w in wins])
    assert nobody.advice() == []  # no tidal window anybody is at: nothing to suggest


def test_open_windows_are_the_staffed_ones(qtbot: Any) -> None:
    c = console(qtbot, [window(1, ["SB"], staffed=True), window(2, ["SB"], staffed=True, paused=True),
                        window(3, ["GJJ"], staffed=False)])
    view = LiveHallView(c)
    qtbot.addWidget(view)
    view.refresh()
    assert "开放窗口 2/3" in view.totals.text()
    assert view.tiles[3].state.text() == "关闭" and "无人在岗" in view.tiles[3].clerk.text()
