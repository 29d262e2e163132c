"""The kiosk outside the hall day: a closed screen with the hours and the next opening and no tiles; it reopens
on the "hall_day_changed" event (延时服务) and at the opening time, and a ticket refused because the hall has
just closed shows the closed screen, not an error. A hall node on a fake clock, the kiosk on the same time."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from hallclient.store import hall_day_repo
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.settings import HallSettings
from hallclient.ui.kiosk.printer import SlipPrinter
from hallclient.ui.kiosk.window import KioskWindow, boundary_delay_ms

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hallnode"))
from hallnode_util import LiveNode

UTC_MON_1710 = datetime(2026, 11, 23, 9, 10)  # 17:10 in Asia/Shanghai, a Monday


@pytest.fixture
def office_node(demo_db: Path, clock) -> Iterator[LiveNode]:
    """The demo hall with real hours: 09:00–17:00, Monday–Friday."""
    n = LiveNode(demo_db, clock, heartbeat_s=1.0).start()
    hall_day_repo.set_hall_hours(n.node.store, "09:00", "17:00", [1, 2, 3, 4, 5], None, "admin:test", clock())
    yield n
    n.close()


@pytest.fixture
def make_kiosk(qtbot: QtBot, office_node: LiveNode, settings: HallSettings, clock,
               tmp_path: Path) -> Iterator[callable]:
    made: list[KioskWindow] = []

    def make() -> KioskWindow:
        bridge = HallBridge(office_node.url)
        bridge.client.token = office_node.device_token("kiosk")
        win = KioskWindow(bridge, settings, printer=SlipPrinter(f"pdf:{tmp_path / 'slips'}"),
                          clock=lambda: clock() + timedelta(hours=8))  # the kiosk runs on hall time
        qtbot.addWidget(win)
        win.resize(1920, 1080)
        win.show()
        bridge.wait_ready()
        qtbot.waitUntil(lambda: bool(win.categories) and bool(win.status) and bool(win.items), timeout=10000)
        made.append(win)
        return win

    yield make
    for win in made:
        win.close()
        win.bridge.shutdown()


def tiles(win: KioskWindow) -> list[QPushButton]:
    return [b for b in win.findChildren(QPushButton) if b.objectName().startswith("cat-")]


def test_closed_screen_then_reopens_on_extension(qtbot: QtBot, office_node: LiveNode, clock, make_kiosk) -> None:
    clock.now = UTC_MON_1710
    win = make_kiosk()
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.closed_page, timeout=5000)
    assert win.closed_title.text() == "本厅今日已停止取号"
    assert win.closed_hours.text() == "开放时间 09:00–17:00"
    assert win.closed_next.text() == "下次开放：明天 09:00"
    assert tiles(win) and not any(b.isEnabled() for b in tiles(win))
    assert not win.appt_button.isEnabled()
    win.choose_category("SB")
    assert win.pages.currentWidget() is win.closed_page  # a tap that slips through does nothing
    win.go_home()
    assert win.pages.currentWidget() is win.closed_page
    # the next check is at the next opening, capped at an hour
    assert win._day_timer.isActive() and win._day_timer.interval() == 3_600_000

    supervisor = office_node.client(office_node.token("1031"))
    supervisor.extend_hours("18:00", "排队人数多")  # → hall_day_changed on the event stream
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.home, timeout=5000)
    assert all(b.isEnabled() for b in tiles(win)) and win.appt_button.isEnabled()
    assert win.status["day"]["extended_until"] == "18:00"
    assert win._day_timer.interval() == 50 * 60_000 + 1000  # re-check when the extension ends
    with qtbot.waitSignal(win.ticket_issued, timeout=10000):
        win.issue("SB")
    assert win.last_ticket["number"] == "C001"


def test_refused_because_just_closed_shows_closed_screen(qtbot: QtBot, office_node: LiveNode, clock,
                                                         make_kiosk) -> None:
    clock.now = UTC_MON_1710 - timedelta(minutes=20)  # 16:50: open
    win = make_kiosk()
    assert win.pages.currentWidget() is win.home and win.accepts_tickets
    assert win._day_timer.interval() == 10 * 60_000 + 1000  # closing is in 10 minutes
    clock.now = UTC_MON_1710  # the hall closes; the visitor taps before the kiosk's own check
    win.choose_category("SB")
    assert win.issue("SB")
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.closed_page, timeout=5000)
    assert win.closed_title.text() == "本厅今日已停止取号" and not win.issuing
    assert "取号失败" not in win.print_status.text()


def test_reopens_by_itself_at_opening_time(qtbot: QtBot, office_node: LiveNode, clock, make_kiosk) -> None:
    clock.now = datetime(2026, 11, 24, 0, 50)  # Tuesday 08:50
    win = make_kiosk()
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.closed_page, timeout=5000)
    assert win.closed_title.text() == "本厅尚未开始取号" and win.closed_next.text() == "下次开放：今天 09:00"
    assert win._day_timer.interval() == 10 * 60_000 + 1000
    qtbot.waitUntil(lambda: not win._fetching and not win._dirty, timeout=5000)  # no status on its way
    clock.now = datetime(2026, 11, 24, 1, 0, 1)  # 09:00:01: the timer fires (made to fire now)
    win._day_timer.start(0)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.home, timeout=5000)
    assert all(b.isEnabled() for b in tiles(win))


def test_boundary_delay() -> None:
    now = datetime(2026, 11, 23, 16, 0)
    assert boundary_delay_ms({"accepts_tickets": True, "closes_at": "17:00"}, now) == 3_600_000
    assert boundary_delay_ms({"accepts_tickets": True, "closes_at": "17:00", "extended_until": "18:30"},
                             now) == 9_000_000
    assert boundary_delay_ms({"accepts_tickets": True, "closes_at": "24:00"}, now) == 8 * 3_600_000
    assert boundary_delay_ms({"accepts_tickets": False, "next_open": "2026-11-23T16:30:00+08:00"},
                             now) == 1_800_000
    assert boundary_delay_ms({"accepts_tickets": False, "next_open": None}, now) is None
