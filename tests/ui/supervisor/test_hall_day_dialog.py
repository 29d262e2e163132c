"""延时服务 from the supervisor console: the dialog extends today through the node (audited) and ends it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hallnode_util import LiveNode
from PySide6.QtCore import QTime

from hallclient.store import hall_day_repo
from tests.ui.supervisor.conftest import login


def test_extend_and_end_from_the_console(fake_node: LiveNode, make_console: Any, qtbot: Any, clock: Any) -> None:
    hall_day_repo.set_hall_hours(fake_node.node.store, "09:00", "17:00", [1, 2, 3, 4, 5], None, "admin:t", clock())
    clock.now = datetime(2026, 11, 23, 9, 10)  # Monday 17:10 local: closed
    w = make_console(fake_node)
    login(w, qtbot)
    qtbot.waitUntil(lambda: (w.console.status.get("day") or {}).get("state") == "closed", timeout=10000)
    dlg = w.hall_day.open_dialog()
    assert dlg.until.minimumTime() == QTime(17, 1) and dlg.until.time() == QTime(18, 0)
    assert not dlg.end.isEnabled()
    dlg.submit()  # no reason: refused in the dialog, nothing sent
    assert "原因" in dlg.error.text() and dlg.isVisible()
    dlg.until.setTime(QTime(18, 30))
    dlg.reason.setText("排队人数多")
    dlg.submit()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: w.hall_day.text() == "延时服务（至 18:30）", timeout=10000)
    assert "18:30" in w.status.text()
    audit = fake_node.client(fake_node.token("9001")).request("GET", "/audit")
    assert any(a["action"] == "extend_hours" and a["detail"]["reason"] == "排队人数多" for a in audit)

    dlg = w.hall_day.open_dialog()
    assert dlg.end.isEnabled() and dlg.until.time() == QTime(18, 30)
    dlg.end_extension()
    qtbot.waitUntil(lambda: w.hall_day.text() == "延时服务", timeout=10000)
    assert (w.console.status.get("day") or {}).get("state") == "closed"
