"""The console's 人员与窗口 tab and presence in the live hall, against a real hall node: an admin adds, edits and
deactivates staff and windows through the real dialogs; a supervisor only looks (and resets passwords); a
one-time password is replaced at the console's login; unstaffed windows are closed and not 开放窗口."""

from __future__ import annotations

from typing import Any

from hallnode_util import LiveNode
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from hallclient.hallnode import supervisor_api as api
from hallclient.ui.common.password import ChangePasswordDialog
from tests.ui.supervisor.conftest import login, staff_windows


def admin_console(node: LiveNode, make_console: Any, qtbot: Any) -> Any:
    w = make_console(node)
    login(w, qtbot, "9001")
    w.tabs.setCurrentWidget(w.people)
    qtbot.waitUntil(lambda: len(w.people.ctl.staff) == 34 and len(w.people.ctl.windows) == 31, timeout=10000)
    return w


def select(table: Any, rows: list[dict], key: str, value: Any) -> None:
    table.selectRow(next(i for i, r in enumerate(rows) if r[key] == value))


def test_admin_adds_edits_and_deactivates_staff(node: LiveNode, make_console: Any, qtbot: Any) -> None:
    w = admin_console(node, make_console, qtbot)
    p = w.people
    assert w.who.text().startswith("管理员")
    dlg = p.new_staff()
    dlg.staff_no.setText("1050")
    dlg.name.setText("新来的")
    dlg.role.setCurrentIndex(dlg.role.findData("reception"))
    dlg.buttons.accepted.emit()
    qtbot.waitUntil(lambda: p.last_password is not None, timeout=10000)
    staff_no, name, password = p.last_password
    assert (staff_no, name) == ("1050", "新来的") and password in p.dialog.text()
    qtbot.waitUntil(lambda: any(s["staff_no"] == "1050" for s in p.ctl.staff), timeout=10000)
    new = next(s for s in p.ctl.staff if s["staff_no"] == "1050")
    assert new["role"] == "reception" and new["must_change_password"]
    assert node.client().login("1050", password)["must_change_password"]
    # edit: a clerk moves to another default window
    select(p.staff, p.ctl.staff, "staff_no", "1005")
    dlg = p.edit_selected_staff()
    assert not dlg.staff_no.isEnabled()
    dlg.window.setCurrentIndex(dlg.window.findData(12))
    dlg.buttons.accepted.emit()
    qtbot.waitUntil(lambda: next(s for s in p.ctl.staff if s["staff_no"] == "1005")["default_window"] == 12,
                    timeout=10000)
    # deactivate after a confirmation
    select(p.staff, p.ctl.staff, "staff_no", "1005")
    p.toggle_active()
    p.dialog.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not next(s for s in p.ctl.staff if s["staff_no"] == "1005")["active"], timeout=10000)
    assert p.active_btn.text() == "启用"
    actions = [a["action"] for a in api.audit(node.client(node.token("9001")), kind="staff_add,staff_edit,"
                                                                                     "staff_deactivate")]
    assert actions == ["staff_deactivate", "staff_edit", "staff_add"]


def test_admin_adds_edits_and_retires_windows(node: LiveNode, make_console: Any, qtbot: Any) -> None:
    w = admin_console(node, make_console, qtbot)
    p = w.people
    dlg = p.new_window()
    assert dlg.no.value() == 32
    dlg.zone.setText("东区")
    dlg.tidal.setChecked(True)
    dlg.buttons.accepted.emit()  # no category yet: refused in the dialog
    assert "主办" in dlg.error.text() and dlg.isVisible()
    sb, yb = dlg.codes.index("SB"), dlg.codes.index("YB")
    dlg.cats.item(sb, 1).setCheckState(Qt.CheckState.Checked)
    dlg.cats.item(sb, 2).setCheckState(Qt.CheckState.Checked)
    dlg.buttons.accepted.emit()
    assert "既是主办又是协办" in dlg.error.text()
    dlg.cats.item(sb, 2).setCheckState(Qt.CheckState.Unchecked)
    dlg.cats.item(yb, 2).setCheckState(Qt.CheckState.Checked)
    dlg.buttons.accepted.emit()
    qtbot.waitUntil(lambda: any(x["no"] == 32 for x in p.ctl.windows), timeout=10000)
    new = next(x for x in p.ctl.windows if x["no"] == 32)
    assert (new["zone"], new["tidal"], new["default_primary"], new["default_secondary"]) == ("东区", True, ["SB"],
                                                                                            ["YB"])
    qtbot.waitUntil(lambda: 32 in w.live.tiles, timeout=10000)  # the live hall follows the node's event
    select(p.wins, p.ctl.windows, "no", 32)
    p.retire_or_restore()
    p.dialog.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: next(x for x in p.ctl.windows if x["no"] == 32)["retired"], timeout=10000)
    qtbot.waitUntil(lambda: w.console.window(32) is None, timeout=10000)
    assert p.retire_btn.text() == "恢复使用" and not p.edit_win_btn.isEnabled()


def test_a_supervisor_only_looks_and_resets(node: LiveNode, make_console: Any, qtbot: Any) -> None:
    w = make_console(node)
    login(w, qtbot, "1031")
    p = w.people
    qtbot.waitUntil(lambda: len(p.ctl.staff) == 34, timeout=10000)
    select(p.staff, p.ctl.staff, "staff_no", "1007")
    select(p.wins, p.ctl.windows, "no", 7)
    for b in (p.add_staff_btn, p.edit_staff_btn, p.active_btn, p.photo_btn, p.add_win_btn, p.edit_win_btn,
              p.retire_btn):
        assert not b.isEnabled()
    assert p.reset_btn.isEnabled()
    p.reset_password()
    qtbot.waitUntil(lambda: p.last_password is not None, timeout=10000)
    assert node.client().login("1007", p.last_password[2])["must_change_password"]


def test_console_login_with_a_one_time_password(node: LiveNode, make_console: Any, qtbot: Any) -> None:
    admin = node.client(node.token("9001"))
    otp = api.add_staff(admin, "1060", "新值班长", "supervisor")["one_time_password"]
    w = make_console(node)
    w.login.staff_no.setText("1060")
    w.login.password.setText(otp)
    w.login.button.click()
    qtbot.waitUntil(lambda: isinstance(w.login.dialog, ChangePasswordDialog) and w.login.dialog.isVisible(),
                    timeout=10000)
    assert w.stack.currentWidget() is w.login
    w.login.dialog.new.setText("duty-desk-2026")
    w.login.dialog.again.setText("duty-desk-2026")
    w.login.dialog.submit()
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.main and bool(w.console.windows()), timeout=10000)


def test_live_hall_shows_who_is_actually_there(fake_node: LiveNode, make_console: Any, qtbot: Any,
                                               clock: Any) -> None:
    staff_windows(fake_node, 9, 10, 11)
    w = make_console(fake_node)
    login(w, qtbot)
    qtbot.waitUntil(lambda: "开放窗口 3/31" in w.live.totals.text(), timeout=10000)
    assert w.live.tiles[9].state.text() == "空闲" and w.live.tiles[12].state.text() == "关闭"
    assert "无人在岗" in w.live.tiles[12].clerk.text()
    clock.advance(seconds=70)  # the apps at 9-11 fell silent
    fake_node.app.state.presence.check_once()
    qtbot.waitUntil(lambda: "开放窗口 0/31" in w.live.totals.text(), timeout=10000)
    assert w.live.tiles[9].state.text() == "关闭" and "离线" in w.live.tiles[9].clerk.text()


def test_unserved_category_alert_and_setting(fake_node: LiveNode, make_console: Any, qtbot: Any,
                                             clock: Any) -> None:
    w = make_console(fake_node)
    login(w, qtbot)
    fake_node.client(fake_node.device_token("kiosk")).issue("RCFW")
    fake_node.node.alerts.check_once()
    clock.advance(minutes=3)
    with qtbot.waitSignal(w.console.alert_raised, timeout=10000) as sig:
        fake_node.node.alerts.check_once()
    assert sig.args[0]["type"] == "unserved" and sig.args[0]["category"] == "RCFW"
    assert w.banner.isVisible() and "暂无在岗窗口办理" in w.banner.text.text()
    panel = w.admin
    qtbot.waitUntil(lambda: panel.issue_unserved.isChecked() and panel.unserved_min.value() == 2, timeout=10000)
    panel.issue_unserved.setChecked(False)
    panel.unserved_min.setValue(5)
    w.console.set_unserved(panel.issue_unserved.isChecked(), panel.unserved_min.value())
    sup = fake_node.client(fake_node.token("1031"))
    qtbot.waitUntil(lambda: api.unserved_setting(sup) == {"issue": False, "alert_after_min": 5}, timeout=10000)
