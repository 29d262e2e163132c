"""The 日报 tab against a real hall node: generate the figures off the GUI thread, show them, save the PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hallnode_util import LiveNode
from PySide6.QtCore import QDate

from tests.ui.supervisor.conftest import login


def test_generate_and_save_pdf(fake_node: LiveNode, make_console: Any, qtbot: Any, clock: Any,
                               tmp_path: Path) -> None:
    kiosk = fake_node.client(fake_node.device_token("kiosk"))
    clerk = fake_node.client(fake_node.token("1001", 1))
    kiosk.issue("SSDJ")
    kiosk.issue("SSDJ", green_reason="elderly")
    clock.advance(minutes=4)
    t = clerk.call_next(1)
    clerk.start(t["id"])
    clock.advance(minutes=5)
    clerk.finish(t["id"])
    clerk.rate(t["id"], 2, "等候太久")
    w = make_console(fake_node)
    login(w, qtbot)
    panel = w.reports
    assert w.tabs.tabText(w.tabs.indexOf(panel)) == "日报"
    assert not panel.save_btn.isEnabled()
    w.tabs.setCurrentWidget(panel)
    panel.day.setDate(QDate(2026, 11, 23))
    with qtbot.waitSignal(panel.loaded, timeout=15000) as got:
        panel.generate_btn.click()
        assert not panel.generate_btn.isEnabled()  # the call runs in the background
    assert got.args[0]["day"] == "2026-11-23"
    figures = {k: v.text() for k, v in panel.figures.items()}
    assert figures["issued"] == "2" and figures["served"] == "1" and figures["wait_mean"] == "4.0"
    assert figures["green"] == "1" and figures["green_ok"] == "100.0%" and figures["negative"] == "1"
    assert figures["satisfaction"] == "0.0%"
    row = next(r for r in range(panel.categories.rowCount()) if panel.categories.item(r, 0).text() == "A 商事登记")
    assert [panel.categories.item(row, c).text() for c in range(1, 8)] == ["2", "1", "0", "1", "4.0", "4.0", "5.0"]
    assert panel.windows.rowCount() == 1 and panel.windows.item(0, 2).text() == "1"
    assert panel.save_btn.isEnabled()
    assert panel.print_btn.isEnabled()

    out = tmp_path / "日报.pdf"
    with qtbot.waitSignal(panel.saved, timeout=30000) as saved:
        panel.save_pdf(out)
    assert saved.args[0] == str(out)
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 5000
    assert str(out) in panel.state.text()


def test_future_day_shows_the_nodes_refusal(fake_node: LiveNode, make_console: Any, qtbot: Any) -> None:
    w = make_console(fake_node)
    login(w, qtbot)
    panel = w.reports
    panel.day.setDate(QDate(2026, 11, 30))
    with qtbot.waitSignal(panel.failed, timeout=15000) as failed:
        panel.generate()
    assert "2026-11-30 is after today" in failed.args[0] and "填写的内容有误" in failed.args[0]
    assert panel.generate_btn.isEnabled() and panel.report is None and not panel.save_btn.isEnabled()


def loaded_panel(node: LiveNode, make_console: Any, qtbot: Any) -> Any:
    """The 日报 tab of a logged-in console with 2026-11-23's report generated."""
    w = make_console(node)
    login(w, qtbot)
    panel = w.reports
    panel.day.setDate(QDate(2026, 11, 23))
    with qtbot.waitSignal(panel.loaded, timeout=15000):
        panel.generate_btn.click()
    return panel


def test_unwritable_file_is_an_error_not_a_crash(fake_node: LiveNode, make_console: Any, qtbot: Any,
                                                 tmp_path: Path) -> None:
    panel = loaded_panel(fake_node, make_console, qtbot)
    with qtbot.waitSignal(panel.failed, timeout=30000) as failed:
        panel.save_pdf(tmp_path / "missing-dir" / "r.pdf")
    assert "PDF 保存失败" in failed.args[0] and panel.save_btn.isEnabled()


def test_print_rasterises_off_the_gui_thread_and_paints_every_page(fake_node: LiveNode, make_console: Any,
                                                                  qtbot: Any, tmp_path: Path,
                                                                  monkeypatch: Any) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    panel = loaded_panel(fake_node, make_console, qtbot)
    pages: list[Any] = []
    monkeypatch.setattr(panel, "_choose_printer", pages.extend)  # instead of the modal print dialog
    panel.print_btn.click()
    qtbot.waitUntil(lambda: bool(pages), timeout=30000)
    assert abs(pages[0].width() - 210 / 25.4 * 300) <= 1  # A4 at 300 dpi
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert panel.print_pages(pages, printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == len(pages) >= 2
    assert f"{len(pages)} 页" in panel.state.text()
