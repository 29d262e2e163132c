"""The clerk window's 退出, 交接班, closing, heartbeat and first-login password, against a real hall node: the
ticket in hand stays with the window, and the window is staffed exactly while someone is logged in there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from hallclient.hallnode import supervisor_api as api
from hallclient.store.seed import DEMO_PASSWORD
from hallclient.ui.clerk.views.main_window import ClerkWindow
from hallclient.ui.common.password import ChangePasswordDialog
from tests.ui.clerk.conftest import login


def node_window(node: Any, no: int) -> dict:
    sup = node.client(node.token("1031"))
    return next(w for w in sup.windows() if w["no"] == no)


def call_and_start(w: ClerkWindow, kiosk: Any, qtbot: Any) -> str:
    number = kiosk.issue("SSDJ")["number"]
    qtbot.waitUntil(lambda: "call_next" in w.ctl.enabled_actions(), timeout=5000)
    qtbot.mouseClick(w.buttons["call_next"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.number.text() == number and "start" in w.ctl.enabled_actions(), timeout=5000)
    qtbot.mouseClick(w.buttons["start"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (w.ctl.current or {}).get("status") == "serving" and w.ctl.busy_action is None,
                    timeout=5000)
    return number


def test_logout_asks_while_serving_and_leaves_the_ticket_with_the_window(clerk: ClerkWindow, kiosk: Any,
                                                                           node: Any, qtbot: Any) -> None:
    w = clerk
    assert node_window(node, 1)["staffed"]
    number = call_and_start(w, kiosk, qtbot)
    qtbot.mouseClick(w.logout_button, Qt.MouseButton.LeftButton)
    assert w.confirm is not None and w.confirm.isVisible() and number in w.confirm.text()
    w.confirm.button(QMessageBox.StandardButton.No).click()  # 取消: still at work
    assert w.stack.currentIndex() == 1 and w.ctl.session is not None
    qtbot.mouseClick(w.logout_button, Qt.MouseButton.LeftButton)
    w.confirm.button(QMessageBox.StandardButton.Yes).click()
    assert w.stack.currentIndex() == 0
    qtbot.waitUntil(lambda: not node_window(node, 1)["staffed"], timeout=5000)
    left = node_window(node, 1)
    assert left["clerk"] is None and left["current_ticket"] == number  # the ticket stays at the window
    login(w, qtbot, "1002", 1)  # the next clerk at window 1 carries on with it
    qtbot.waitUntil(lambda: w.number.text() == number and "finish" in w.ctl.enabled_actions(), timeout=5000)
    qtbot.mouseClick(w.buttons["finish"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (w.ctl.current or {}).get("status") == "finished", timeout=5000)


def test_handover_on_the_same_pc_keeps_the_ticket(clerk: ClerkWindow, kiosk: Any, node: Any, qtbot: Any) -> None:
    w = clerk
    number = call_and_start(w, kiosk, qtbot)
    qtbot.mouseClick(w.handover_button, Qt.MouseButton.LeftButton)
    lv = w.login_view
    assert w.stack.currentIndex() == 0 and lv.handover and not lv.window_no.isEnabled()
    assert number in lv.note.text()
    qtbot.keyClick(w, Qt.Key.Key_F1)  # the keypad does nothing while the login page shows
    assert w.ctl.busy_action is None
    qtbot.mouseClick(lv.cancel, Qt.MouseButton.LeftButton)  # changed their mind
    assert w.stack.currentIndex() == 1 and w.ctl.session["staff_no"] == "1001"
    qtbot.mouseClick(w.handover_button, Qt.MouseButton.LeftButton)
    lv.staff_no.setText("1002")
    lv.password.setText(DEMO_PASSWORD)
    qtbot.mouseClick(lv.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.stack.currentIndex() == 1 and w.ctl.session["staff_no"] == "1002", timeout=10000)
    qtbot.waitUntil(lambda: w.number.text() == number and (w.ctl.current or {}).get("status") == "serving",
                    timeout=5000)
    assert node_window(node, 1)["clerk"] == w.ctl.session["name"] and node_window(node, 1)["staffed"]
    sup = node.client(node.token("1031"))
    [h] = api.audit(sup, kind="handover")
    assert h["detail"] == {"window": 1, "from": "1001", "to": "1002", "ticket": number}


def test_a_login_at_a_staffed_window_offers_the_takeover(window: ClerkWindow, node: Any, qtbot: Any) -> None:
    node.token("1003", 3)  # 1003 is at work at window 3
    lv = window.login_view
    lv.staff_no.setText("1004")
    lv.password.setText(DEMO_PASSWORD)
    lv.window_no.setValue(3)
    qtbot.mouseClick(lv.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lv.takeover.isVisible(), timeout=10000)
    assert "接班登录" in lv.error.text() and window.stack.currentIndex() == 0
    qtbot.mouseClick(lv.takeover, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentIndex() == 1, timeout=10000)
    assert node_window(node, 3)["clerk"] == window.ctl.session["name"]


def test_closing_logs_out(clerk: ClerkWindow, node: Any, qtbot: Any) -> None:
    assert node_window(node, 1)["staffed"]
    clerk.close()  # no ticket in hand: no question
    assert not clerk.isVisible()
    qtbot.waitUntil(lambda: not node_window(node, 1)["staffed"], timeout=5000)


def test_closing_with_a_ticket_in_hand_asks_first(clerk: ClerkWindow, kiosk: Any, node: Any, qtbot: Any) -> None:
    number = call_and_start(clerk, kiosk, qtbot)
    clerk.close()
    assert clerk.isVisible() and clerk.confirm.isVisible() and number in clerk.confirm.text()
    clerk.confirm.button(QMessageBox.StandardButton.No).click()
    assert clerk.isVisible() and node_window(node, 1)["staffed"]
    clerk.close()
    clerk.confirm.button(QMessageBox.StandardButton.Yes).click()
    assert not clerk.isVisible()
    qtbot.waitUntil(lambda: not node_window(node, 1)["staffed"], timeout=5000)
    assert node_window(node, 1)["current_ticket"] == number


def test_heartbeat_keeps_the_window_staffed_and_notices_a_cleared_window(clerk: ClerkWindow, node: Any,
                                                                         qtbot: Any) -> None:
    assert clerk.ctl.beat.isActive() and clerk.ctl.beat.interval() == 15000
    sup = node.client(node.token("1031"))
    api.assign_clerk(sup, 1, None)  # the supervisor takes 1001 off window 1
    clerk.ctl.heartbeat()  # the next beat (every 15 s) learns it
    qtbot.waitUntil(lambda: clerk.stack.currentIndex() == 0, timeout=5000)
    assert "重新登录" in clerk.login_view.error.text() and not clerk.ctl.beat.isActive()


def test_a_one_time_password_is_replaced_before_work(window: ClerkWindow, node: Any, qtbot: Any) -> None:
    admin = node.client(node.token("9001"))
    otp = api.add_staff(admin, "1088", "新同事", "clerk", default_window=8)["one_time_password"]
    lv = window.login_view
    lv.staff_no.setText("1088")
    lv.password.setText(otp)
    lv.window_no.setValue(8)
    qtbot.mouseClick(lv.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.dialog, ChangePasswordDialog), timeout=10000)
    dlg = window.dialog
    assert window.stack.currentIndex() == 0  # not at work yet
    for new, again, why in (("short", "short", "至少 8 位"), ("1088", "1088", "至少 8 位"), ("demo1234", "demo1234",
                            "演示大厅"), ("new-secret-9", "other-secret", "不一致"), (otp, otp, "不能与当前密码相同")):
        dlg.new.setText(new)
        dlg.again.setText(again)
        dlg.submit()
        assert why in dlg.error.text()
    dlg.new.setText("new-secret-9")
    dlg.again.setText("new-secret-9")
    dlg.submit()
    qtbot.waitUntil(lambda: window.stack.currentIndex() == 1 and window.ctl.snapshots > 0, timeout=10000)
    assert node_window(node, 8)["staffed"]
    assert node.client().login("1088", "new-secret-9")["must_change_password"] is False
