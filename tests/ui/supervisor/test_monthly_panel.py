"""The 月报 tab against a real hall node: the month's figures fetched off the GUI thread, shown, saved as PDF
and as Excel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hallnode_util import LiveNode
from openpyxl import load_workbook
from PySide6.QtCore import QDate

from tests.ui.supervisor.conftest import login


def test_generate_and_save(fake_node: LiveNode, make_console: Any, qtbot: Any, clock: Any, tmp_path: Path) -> None:
    kiosk = fake_node.client(fake_node.device_token("kiosk"))
    clerk = fake_node.client(fake_node.token("1001", 1))
    kiosk.issue("SSDJ")
    clock.advance(minutes=6)
    t = clerk.call_next(1)
    clerk.start(t["id"])
    clock.advance(minutes=4)
    clerk.finish(t["id"])
    clerk.rate(t["id"], 5)
    w = make_console(fake_node)
    login(w, qtbot)
    panel = w.monthly
    assert w.tabs.tabText(w.tabs.indexOf(panel)) == "月报"
    assert not panel.pdf_btn.isEnabled()
    w.tabs.setCurrentWidget(panel)
    panel.month.setDate(QDate(2026, 11, 1))
    with qtbot.waitSignal(panel.loaded, timeout=20000) as got:
        panel.generate_btn.click()
        assert not panel.generate_btn.isEnabled()  # the call runs in the background
    assert got.args[0]["period"]["start"] == "2026-11-01"
    figures = {k: v.text() for k, v in panel.figures.items()}
    assert (figures["issued"], figures["served"], figures["wait_mean"], figures["service_mean"],
            figures["satisfaction"]) == ("1", "1", "6.0", "4.0", "100.0%")
    row = next(r for r in range(panel.categories.rowCount()) if panel.categories.item(r, 0).text() == "A 商事登记")
    assert [panel.categories.item(row, c).text() for c in (1, 2, 4, 5)] == ["1", "1", "6.0", "6.0"]
    assert panel.windows.rowCount() == 1 and "满意率" in panel.rule.text()
    for name in ("月报.pdf", "月报.xlsx"):
        out = tmp_path / name
        with qtbot.waitSignal(panel.saved, timeout=30000):
            panel.save(out, suffix=out.suffix)
        assert out.stat().st_size > 3000
    assert load_workbook(tmp_path / "月报.xlsx")["业务类别"]["B1"].value == "取号"
    assert (tmp_path / "月报.pdf").read_bytes().startswith(b"%PDF")


def test_bad_month_shows_the_nodes_refusal(fake_node: LiveNode, make_console: Any, qtbot: Any) -> None:
    w = make_console(fake_node)
    login(w, qtbot)
    panel = w.monthly
    panel.month.setDate(QDate(2027, 3, 1))  # after today (2026-11-23 on the node's clock)
    with qtbot.waitSignal(panel.failed, timeout=15000) as failed:
        panel.generate_btn.click()
    assert "2027" in failed.args[0] and panel.generate_btn.isEnabled()
