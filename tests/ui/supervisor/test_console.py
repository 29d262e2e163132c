"""The supervisor console against a real hall node (offscreen): login rights, tidal switch through the
confirmation, plan applied at its start time, green-channel alert banner and sound, audit CSV, advisor."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any

from hallnode_util import LiveNode

from hallclient.store.seed import DEMO_PASSWORD
from tests.ui.supervisor.conftest import login, staff_windows


def test_clerk_login_cannot_open_console(node: LiveNode, make_console: Any, qtbot: Any) -> None:
    w = make_console(node)
    w.login.staff_no.setText("1001")
    w.login.password.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(w.console.login_failed, timeout=15000):
        w.login.button.click()
    assert w.stack.currentWidget() is w.login
    assert "值班长" in w.login.error.text()
    assert w.bridge.client.token is None or w.console.me == {}


def test_switch_in_console_changes_next_call(node: LiveNode, make_console: Any, qtbot: Any) -> None:
    staff_windows(node, 9, 19, 23)  # the effect counts windows someone is at
    w = make_console(node)
    login(w, qtbot)
    tile = w.live.tiles[19]
    assert tile.data["primary"] == ["BDC"]
    menu = tile.build_menu()  # click 1: the tile's menu; click 2: 社保
    sub = menu.actions()[0].menu()
    next(a for a in sub.actions() if a.data() == "SB").trigger()
    dlg = w.live.last_dialog
    assert dlg is not None and dlg.primary == ["SB"] and dlg.secondary == ["BDC"]
    effect = {r["code"]: r for r in dlg.effect}
    assert effect["SB"]["windows_after"] == effect["SB"]["windows_before"] + 1
    assert effect["BDC"]["windows_after"] == effect["BDC"]["windows_before"] - 1
    dlg.reason.setText("社保排队过长")
    dlg.accept()
    qtbot.waitUntil(lambda: w.console.window(19)["primary"] == ["SB"], timeout=10000)
    qtbot.waitUntil(lambda: "社保" in tile.cats.text().split("\n")[0], timeout=5000)
    kiosk = node.client(node.device_token("kiosk"))
    kiosk.issue("BDC")
    kiosk.issue("SB")
    called = node.client(node.token("1019", 19)).call_next(19)
    assert called["category"] == "SB"
    audit = [a for a in node.client(node.token("1031")).request("GET", "/audit", params={"kind": "tidal_switch"})]
    assert audit[0]["detail"]["reason"] == "社保排队过长" and audit[0]["actor"] == "supervisor:1031"


def test_drop_a_category_on_a_tile_asks_to_switch(node: LiveNode, make_console: Any, qtbot: Any) -> None:
    w = make_console(node)
    login(w, qtbot)
    w.live.tiles[20].request("GJJ")  # what a drop of the 公积金 row does
    dlg = w.live.last_dialog
    assert dlg.primary == ["GJJ"] and dlg.secondary == ["BDC", "SW"]
    dlg.reject()


def test_plan_applied_at_its_start_time_shows_live(fake_node: LiveNode, make_console: Any, qtbot: Any,
                                                   clock: Any) -> None:
    clock.now = datetime(2026, 11, 23, 0, 59)  # Monday 08:59 local
    w = make_console(fake_node)
    login(w, qtbot)
    sched = fake_node.app.state.plans
    assert sched.tick() == []
    assert w.console.window(19)["primary"] == ["BDC"]
    clock.advance(minutes=1)
    assert len(sched.tick()) == 5
    qtbot.waitUntil(lambda: w.console.window(19)["primary"] == ["SB"], timeout=10000)
    assert w.live.tiles[19].data["primary"] == ["SB"]


def test_green_ticket_past_limit_raises_alert(fake_node: LiveNode, make_console: Any, qtbot: Any,
                                              clock: Any) -> None:
    w = make_console(fake_node)
    login(w, qtbot)
    kiosk = fake_node.client(fake_node.device_token("kiosk"))
    kiosk.issue("SB", green_reason="elderly")
    qtbot.waitUntil(lambda: len(w.console.green_tickets()) == 1, timeout=10000)
    assert w.green.greens.rowCount() == 1
    clock.advance(minutes=6)  # demo limit: 5 minutes
    with qtbot.waitSignal(w.console.alert_raised, timeout=10000) as sig:
        fake_node.node.alerts.check_once()
    assert sig.args[0]["type"] == "green_wait"
    assert w.banner.isVisible() and "绿色通道" in w.banner.text.text()
    assert w.sounds_played == 1
    qtbot.waitUntil(lambda: len(w.console.alerts) == 1, timeout=10000)
    w.banner.ack.click()
    qtbot.waitUntil(lambda: not w.console.alerts and not w.banner.isVisible(), timeout=10000)
    acked = fake_node.client(fake_node.token("1031")).alerts()
    assert acked[0]["acknowledged"] is True


def test_audit_filter_and_csv(node: LiveNode, make_console: Any, qtbot: Any, tmp_path: Path) -> None:
    w = make_console(node)
    login(w, qtbot)
    w.console.switch(20, ["SW"], ["BDC"], "税务加窗")
    qtbot.waitUntil(lambda: w.console.window(20)["primary"] == ["SW"], timeout=10000)
    w.audit.kind.setCurrentIndex(1)  # 潮汐切换
    with qtbot.waitSignal(w.console.audit_loaded, timeout=10000):
        w.audit.load()
    assert w.audit.table.rowCount() == 1
    out = tmp_path / "audit.csv"
    w.audit.export_csv(out)
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][:4] == ["seq", "at_utc", "actor", "action"] and rows[1][3] == "tidal_switch"
    assert "税务加窗" in rows[1][4]


def test_advisor_suggests_and_accepting_switches(node: LiveNode, make_console: Any, qtbot: Any) -> None:
    kiosk = node.client(node.device_token("kiosk"))
    for _ in range(25):
        kiosk.issue("GJJ")
    staff_windows(node, 14, 15, 17, 18, 19, 20)
    w = make_console(node)
    login(w, qtbot)
    qtbot.waitUntil(lambda: w.console.waiting_of("GJJ") == 25 and bool(w.console.stats), timeout=10000)
    w.advisor.refresh()
    assert w.advisor.suggestions, "a 25-visitor queue on 2 windows should get a tidal window"
    assert {s.window for s in w.advisor.suggestions} <= {17, 18, 19, 20}  # only windows someone is at
    s = w.advisor.suggestions[0]
    assert s.to_category == "GJJ" and s.gain_after < s.gain_before
    w.advisor.accept(s)
    qtbot.waitUntil(lambda: w.console.window(s.window)["primary"] == ["GJJ"], timeout=10000)


def test_plan_editor_shows_validation_errors(node: LiveNode, make_console: Any, qtbot: Any) -> None:
    w = make_console(node)
    login(w, qtbot)
    qtbot.waitUntil(lambda: len(w.console.plans) == 5, timeout=10000)
    p = w.plans
    p.clear()
    p.name.setText("冲突方案")
    p.days["mon"].setChecked(True)
    p.windows.setText("17-18, 99")
    p.primary.setText("SB")
    p.save()
    assert "unknown windows 99" in p.problems.text() and "overlap" in p.problems.text()
    p.windows.setText("23")
    p.start.setTime(p.start.time().fromString("12:00", "HH:mm"))
    p.end.setTime(p.end.time().fromString("13:00", "HH:mm"))
    p.save()
    assert p.problems.text() == ""
    qtbot.waitUntil(lambda: len(w.console.plans) == 6, timeout=10000)
