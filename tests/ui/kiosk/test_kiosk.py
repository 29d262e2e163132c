"""Kiosk against a real hall node: issue → slip PDF with the number and a decodable guide QR; double tap;
printer failure and re-print; reception green channel; appointment check-in."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from hallclient.printing.ticket_slip import SlipData
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.settings import HallSettings
from hallclient.ui.kiosk.printer import SlipPrinter, SlipPrintError
from hallclient.ui.kiosk.window import KioskWindow, estimate_wait_min

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "printing"))
from pdf_probe import extracted_text, view_pages


class FlakyPrinter(SlipPrinter):
    """Out of paper for the first `fail` jobs, then prints to PDF."""

    def __init__(self, folder: Path, fail: int) -> None:
        super().__init__(f"pdf:{folder}")
        self.fail = fail
        self.jobs: list[SlipData] = []

    def print_slip(self, data: SlipData) -> str:
        self.jobs.append(data)
        if self.fail > 0:
            self.fail -= 1
            raise SlipPrintError("error", "media-empty")
        return super().print_slip(data)


def make_kiosk(qtbot: QtBot, node, settings: HallSettings, printer: SlipPrinter, **kw: Any) -> KioskWindow:
    bridge = HallBridge(node.url)
    bridge.client.token = node.device_token("kiosk")
    win = KioskWindow(bridge, settings, printer=printer, **kw)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    bridge.wait_ready()
    qtbot.waitUntil(lambda: bool(win.categories) and bool(win.status) and bool(win.items), timeout=10000)
    return win


@pytest.fixture
def kiosk(qtbot: QtBot, node, settings: HallSettings, tmp_path: Path) -> Iterator[KioskWindow]:
    win = make_kiosk(qtbot, node, settings, SlipPrinter(f"pdf:{tmp_path / 'slips'}"))
    yield win
    win.close()
    win.bridge.shutdown()


def _tap(qtbot: QtBot, win: KioskWindow, name: str) -> None:
    btn = win.findChild(QPushButton, name)
    assert btn is not None, name
    qtbot.mouseClick(btn, Qt.MouseButton.LeftButton)


def test_issue_prints_slip_with_number_and_guide_qr(qtbot: QtBot, node, kiosk: KioskWindow, tmp_path: Path) -> None:
    with qtbot.waitSignal(kiosk.slip_printed, timeout=10000) as printed:
        _tap(qtbot, kiosk, "cat-SSDJ")
        _tap(qtbot, kiosk, "item-SSDJ-001")
    pdf = Path(printed.args[0]).read_bytes()
    number = kiosk.last_ticket["number"]
    assert number == "A001"
    assert number in extracted_text(pdf, 1)
    assert view_pages(pdf, dpi=203)[0].qr_texts == ["https://zwfw.example.com/guide/SSDJ-001"]
    assert kiosk.result_number.text() == number


def test_category_ticket_slip_opens_the_categorys_guide(qtbot: QtBot, node, kiosk: KioskWindow) -> None:
    """A ticket for a whole category carries the category's own guide link (catalogue column guide_url)."""
    with qtbot.waitSignal(kiosk.slip_printed, timeout=10000) as printed:
        assert kiosk.issue("SB")
    pdf = Path(printed.args[0]).read_bytes()
    assert view_pages(pdf, dpi=203)[0].qr_texts == ["https://zwfw.example.com/guide/SB"]


def test_double_tap_makes_one_ticket(qtbot: QtBot, node, kiosk: KioskWindow) -> None:
    kiosk.choose_category("SB")
    assert kiosk.issue("SB")
    assert not kiosk.issue("SB")  # the second tap while the first is in flight
    _tap(qtbot, kiosk, "item-SB-001")  # buttons are disabled: nothing happens
    qtbot.waitUntil(lambda: not kiosk.issuing, timeout=5000)
    assert [t["number"] for t in node.client(node.token("1031")).tickets(category="SB")] == ["C001"]


def test_waiting_and_estimate_shown_before_taking(qtbot: QtBot, node, kiosk: KioskWindow) -> None:
    other = node.client(node.device_token("kiosk"))
    for _ in range(3):
        other.issue("GJJ")
    qtbot.waitUntil(lambda: kiosk.waiting_of("GJJ")[0] == 3, timeout=5000)
    tile = kiosk.findChild(QPushButton, "cat-GJJ")
    assert "暂无窗口办理" in tile.text() and "分钟" not in tile.text()  # nobody at 14, 15 or 22: no promise
    assert tile.isEnabled()  # the demo hall still issues (a clerk may come)
    node.token("1014", 14)  # a clerk logs in at window 14
    qtbot.waitUntil(lambda: kiosk.serving_windows("GJJ") == 1, timeout=5000)
    assert "3" in tile.text() and "约 24 分钟" in tile.text()  # 3 × 8 min on one window
    node.token("1015", 15)
    qtbot.waitUntil(lambda: "约 12 分钟" in tile.text(), timeout=5000)
    assert estimate_wait_min(3, 2, 8) == 12 and estimate_wait_min(0, 0, 8) == 0 and estimate_wait_min(3, 0, 8) == 0


def test_unserved_category_issues_nothing_when_the_hall_says_so(qtbot: QtBot, node, kiosk: KioskWindow) -> None:
    from hallclient.hallnode import supervisor_api as api

    api.set_unserved_setting(node.client(node.token("1031")), False, 2)
    node.client(node.token("1014", 14))  # windows 14 serves GJJ; RCFW (16, 22, 30) has nobody
    qtbot.waitUntil(lambda: kiosk.serving_windows("GJJ") == 1 and not kiosk.takes_tickets("RCFW"), timeout=5000)
    rc = kiosk.findChild(QPushButton, "cat-RCFW")
    assert not rc.isEnabled() and "暂停取号" in rc.text()
    assert kiosk.findChild(QPushButton, "cat-GJJ").isEnabled()
    kiosk.choose_category("RCFW")  # a tap on the disabled tile does nothing
    assert kiosk.pages.currentWidget() is kiosk.home


def test_printer_out_of_paper_keeps_ticket_and_reprints(qtbot: QtBot, node, settings: HallSettings,
                                                        tmp_path: Path) -> None:
    printer = FlakyPrinter(tmp_path / "slips", fail=1)
    win = make_kiosk(qtbot, node, settings, printer)
    with qtbot.waitSignal(win.slip_failed, timeout=10000):
        win.issue("SW")
    number = win.last_ticket["number"]
    assert number in win.print_status.text() and win.printer_alert.isVisible()
    with qtbot.waitSignal(win.slip_printed, timeout=10000) as printed:
        qtbot.mouseClick(win.reprint_button, Qt.MouseButton.LeftButton)
    assert "补打" in extracted_text(Path(printed.args[0]).read_bytes(), 1)
    assert not win.printer_alert.isVisible()
    assert len(node.client(node.token("1031")).tickets(category="SW")) == 1  # re-print, not a new ticket
    win.close()
    win.bridge.shutdown()


def test_reception_issues_green_ticket_and_appointment_checks_in(qtbot: QtBot, node, kiosk: KioskWindow) -> None:
    staff = node.client(node.token("1031"))
    kiosk.enter_reception(staff, "段丽萍")
    assert kiosk.mode_label.isVisible()
    kiosk.choose_category("YB")
    _tap(qtbot, kiosk, "item-YB-001")
    assert kiosk.pages.currentWidget() is kiosk.green_page
    with qtbot.waitSignal(kiosk.slip_printed, timeout=10000):
        qtbot.mouseClick(kiosk.reason_buttons["elderly"], Qt.MouseButton.LeftButton)
    assert kiosk.last_ticket["ticket"]["green_reason"] == "elderly" and kiosk.last_slip.green
    kiosk.reception = None  # leave without logging the shared test token out
    kiosk.go_home()
    with qtbot.waitSignal(kiosk.slip_printed, timeout=10000):
        kiosk.issue(None, appointment_code="YY0003")
    assert kiosk.last_ticket["ticket"]["category"] == "GJJ" and kiosk.last_slip.appointment


