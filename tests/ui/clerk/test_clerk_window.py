"""The clerk window driven through its real widgets against a real hall node (offscreen)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from hallclient.ui.clerk.views.main_window import ClerkWindow


def press(w: ClerkWindow, qtbot: Any, action: str) -> None:
    btn = w.buttons[action]
    assert btn.isEnabled(), f"{action} disabled; enabled: {w.ctl.enabled_actions()}"
    qtbot.mouseClick(btn, Qt.MouseButton.LeftButton)


def settle(w: ClerkWindow, qtbot: Any, cond: Any, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: w.ctl.busy_action is None and cond(), timeout=timeout)


def ok(w: ClerkWindow, qtbot: Any) -> None:
    qtbot.mouseClick(w.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_login_refused_with_bad_password(window: ClerkWindow, qtbot: Any) -> None:
    lv = window.login_view
    lv.staff_no.setText("1001")
    lv.password.setText("wrong")
    qtbot.mouseClick(lv.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lv.error.text() != "", timeout=10000)
    assert "密码" in lv.error.text()
    assert window.stack.currentIndex() == 0


def test_call_recall_transfer_finish_rate_green(clerk: ClerkWindow, kiosk: Any, node: Any, qtbot: Any) -> None:
    w = clerk
    a1 = kiosk.issue("SSDJ")["number"]
    a2 = kiosk.issue("SSDJ")["number"]
    b1 = kiosk.issue("QYKB")["number"]
    qtbot.waitUntil(lambda: w.ctl.model.numbers() == [a1, a2, b1], timeout=5000)  # live, via events

    press(w, qtbot, "call_next")
    settle(w, qtbot, lambda: w.number.text() == a1)
    assert w.ctl.model.numbers() == [a2, b1]
    press(w, qtbot, "recall")
    settle(w, qtbot, lambda: (w.ctl.current or {}).get("recall_count") == 1)

    # 绿色通道: reason from the list + note
    qtbot.keyClick(w, Qt.Key.Key_F8)
    assert w.dialog is not None and w.dialog.isVisible()
    w.dialog.reason.setCurrentIndex(w.dialog.reason.findData("elderly"))
    w.dialog.note.setText("八十岁")
    ok(w, qtbot)
    settle(w, qtbot, lambda: w.green.isVisible())
    assert "老年人" in w.green.text()

    # transfer to another category: the ticket leaves this window, still waiting
    press(w, qtbot, "transfer")
    d = w.dialog
    d.category.setCurrentIndex(d.category.findData("SB"))
    ok(w, qtbot)
    settle(w, qtbot, lambda: w.ctl.current is None)
    moved = next(t for t in node.client(node.token("1031")).tickets() if t["number"] == a1)
    assert moved["status"] == "waiting" and moved["category"] == "SB" and moved["green_reason"] == "elderly"

    # next visitor: call (F1), start (F4), finish (F5), rate 不满意 needs a reason
    qtbot.keyClick(w, Qt.Key.Key_F1)
    settle(w, qtbot, lambda: w.number.text() == a2)
    qtbot.keyClick(w, Qt.Key.Key_F4)
    settle(w, qtbot, lambda: (w.ctl.current or {}).get("status") == "serving")
    press(w, qtbot, "finish")
    settle(w, qtbot, lambda: (w.ctl.current or {}).get("status") == "finished")
    assert w.buttons["rate"].isEnabled() and w.buttons["call_next"].isEnabled()
    press(w, qtbot, "rate")
    d = w.dialog
    d.level_buttons[2].click()
    ok(w, qtbot)
    assert d.isVisible() and d.error.isVisible()  # 差评 without a reason is refused in the dialog
    d.reason.setText("等候时间太长")
    ok(w, qtbot)
    settle(w, qtbot, lambda: w.ctl.figures.rated == 1)
    assert w.ctl.figures.served == 1 and w.ctl.figures.ratings[2] == 1
    assert w.fig_values[0].text() == "1"
    assert w.ctl.current is None


def test_pause_with_reason_and_resume(clerk: ClerkWindow, qtbot: Any) -> None:
    w = clerk
    qtbot.keyClick(w, Qt.Key.Key_F7)
    w.dialog.reason.setEditText("临时离开")
    ok(w, qtbot)
    settle(w, qtbot, lambda: w.ctl.paused)
    assert not w.buttons["call_next"].isEnabled()
    assert "临时离开" in w.paused_label.text()
    assert w.buttons["pause"].text().startswith("恢复叫号")
    qtbot.keyClick(w, Qt.Key.Key_F7)
    settle(w, qtbot, lambda: not w.ctl.paused)


def test_tidal_switch_through_api_shows_at_once(clerk: ClerkWindow, kiosk: Any, node: Any, qtbot: Any) -> None:
    w = clerk
    c1 = kiosk.issue("SB")["number"]
    kiosk.issue("SSDJ")
    qtbot.waitUntil(lambda: len(w.ctl.model.numbers()) == 1, timeout=5000)
    assert c1 not in w.ctl.model.numbers()
    supervisor = node.client(node.token("1031"))
    supervisor.switch_window(1, ["SB"], ["SSDJ"], reason="社保高峰")
    qtbot.waitUntil(lambda: w.notice.isVisible() and w.ctl.model.numbers()[:1] == [c1], timeout=5000)
    assert "社保" in w.notice.text()
    assert "社保" in w.subscription.text()


def test_node_restart_keeps_session_and_failed_action_is_retried_by_hand(clerk: ClerkWindow, kiosk: Any,
                                                                          node: Any, qtbot: Any) -> None:
    w = clerk
    a1 = kiosk.issue("SSDJ")["number"]
    qtbot.waitUntil(lambda: w.ctl.model.numbers() == [a1], timeout=5000)
    node.stop()
    qtbot.waitUntil(lambda: w.conn.state == "disconnected", timeout=10000)
    assert "重连" in w.conn.text()
    press(w, qtbot, "call_next")
    qtbot.waitUntil(lambda: w.failure_box.isVisible(), timeout=10000)
    assert "网络" in w.failure.text() and w.retry_button.isVisible()
    assert w.ctl.current is None  # nothing was retried on its own
    node.start()
    qtbot.waitUntil(lambda: w.conn.state == "connected", timeout=15000)
    assert w.failure_box.isVisible()  # still waiting for the clerk's decision
    qtbot.mouseClick(w.retry_button, Qt.MouseButton.LeftButton)
    settle(w, qtbot, lambda: w.number.text() == a1, timeout=10000)
    assert not w.failure_box.isVisible()
    called = [t for t in node.client(node.token("1031")).tickets() if t["status"] == "called"]
    assert [t["number"] for t in called] == [a1]


def test_language_switch_to_english(clerk: ClerkWindow, qtbot: Any) -> None:
    from hallclient.ui.common.i18n import install_language

    w = clerk
    try:
        qtbot.mouseClick(w.lang_button, Qt.MouseButton.LeftButton)
        assert w.settings.language == "en"
        qtbot.waitUntil(lambda: w.buttons["call_next"].text().startswith("Call next"), timeout=3000)
        assert w.ctl.model.headerData(0, Qt.Orientation.Horizontal) == "Number"
    finally:
        install_language("zh_CN")
