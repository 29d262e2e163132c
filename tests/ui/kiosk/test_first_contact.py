"""The kiosk as a visitor and a reception clerk first meet it: the staff login typed on the on-screen keyboard
(letters and digits), appointment check-in showing the slot, service and masked name before issuing, and the
ticket on screen when no slip comes out. HALLCLIENT_SCREENSHOTS=1 saves kiosk-keyboard.png,
kiosk-appointment.png and kiosk-screen-ticket.png."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hallclient.paths import resource_path
from hallclient.printing.ticket_slip import SlipData
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.settings import HallSettings
from hallclient.ui.kiosk.printer import SlipPrinter, SlipPrintError
from hallclient.ui.kiosk.window import KioskWindow
from tests.ui.clipping import clipped_texts
from tests.ui.kiosk.test_kiosk import make_kiosk


def _shot(win: QWidget, name: str, tmp_path: Path) -> None:
    image = win.grab().toImage()
    image.save(str(tmp_path / name))
    if os.environ.get("HALLCLIENT_SCREENSHOTS"):
        image.save(str(resource_path("screenshots", name)))


def _tap_keys(win: KioskWindow, text: str) -> None:
    for ch in text:
        if ch.isupper() and not win.keyboard.shifted:
            win.keyboard.shift.click()
        win.keyboard.findChild(QWidget, f"key-{ch.lower()}").click()


class PaperOut(SlipPrinter):
    """A printer out of paper until `refill()`; then it prints to PDF."""

    def __init__(self, folder: Path) -> None:
        super().__init__(f"pdf:{folder}")
        self.loaded = False

    def refill(self) -> None:
        self.loaded = True

    def is_ready(self) -> bool:
        return self.loaded and super().is_ready()

    def print_slip(self, data: SlipData) -> str:
        if not self.loaded:
            raise SlipPrintError("error", "media-empty")
        return super().print_slip(data)


def test_staff_log_in_on_the_on_screen_keyboard(qtbot: QtBot, node, settings: HallSettings, tmp_path: Path) -> None:
    win = make_kiosk(qtbot, node, settings, SlipPrinter(f"pdf:{tmp_path}"))
    win.resize(1280, 800)
    qtbot.mouseClick(win.staff_button, Qt.MouseButton.LeftButton)
    assert win.pages.currentWidget() is win.form
    _tap_keys(win, "1031")  # the staff number field has the focus
    win.field2.setFocus()  # a tap on the password field
    _tap_keys(win, "demo1234")
    assert (win.field1.text(), win.field2.text()) == ("1031", "demo1234")
    qtbot.wait(50)
    assert clipped_texts(win) == []
    _shot(win, "kiosk-keyboard.png", tmp_path)
    qtbot.mouseClick(win.form_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.reception is not None, timeout=10000)
    assert win.mode_label.isVisible() and win.pages.currentWidget() is win.home
    win.reception.close()
    win.reception = None
    win.close()
    win.bridge.shutdown()


def test_appointment_shows_slot_service_and_masked_name_before_issuing(qtbot: QtBot, node, settings: HallSettings,
                                                                        tmp_path: Path) -> None:
    win = make_kiosk(qtbot, node, settings, SlipPrinter(f"pdf:{tmp_path}"),
                     clock=lambda: datetime(2026, 11, 23, 9, 40))  # the day the test hall's bookings are for
    win.resize(1280, 800)
    staff = node.client(node.token("1031"))
    qtbot.mouseClick(win.appt_button, Qt.MouseButton.LeftButton)
    _tap_keys(win, "0002")  # after the YY already there
    qtbot.mouseClick(win.form_ok, Qt.MouseButton.LeftButton)
    page = win.appointment_page
    qtbot.waitUntil(lambda: win.pages.currentWidget() is page, timeout=10000)
    assert page.code_value.text() == "YY0002" and page.name_value.text() == "王*"
    assert "社会保障" in page.service_value.text() or "社保" in page.service_value.text()
    assert page.slot_value.text() == "今天 09:30–10:00" and page.confirm.isVisible()  # hall time, any PC zone
    assert "优先" in page.note.text()
    assert staff.tickets(category="SB") == []  # nothing issued yet
    qtbot.wait(50)
    assert clipped_texts(win) == []
    _shot(win, "kiosk-appointment.png", tmp_path)
    with qtbot.waitSignal(win.slip_printed, timeout=10000):
        qtbot.mouseClick(page.confirm, Qt.MouseButton.LeftButton)
    number = win.last_ticket["number"]
    assert win.last_slip.appointment and [t["number"] for t in staff.tickets(category="SB")] == [number]

    # the same code again: already checked in, with its number, and nothing to confirm
    win.go_home()
    qtbot.mouseClick(win.appt_button, Qt.MouseButton.LeftButton)
    _tap_keys(win, "0002")
    qtbot.mouseClick(win.form_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is page, timeout=10000)
    assert number in page.note.text() and not page.confirm.isVisible()

    # an unknown code: said in the visitor's language, on the form
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    win.field1.setText("YY9999")
    qtbot.mouseClick(win.form_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "YY9999" in win.form_error.text(), timeout=10000)
    assert "未找到预约码" in win.form_error.text() and win.pages.currentWidget() is win.form
    win.close()
    win.bridge.shutdown()


def _decode(label: QWidget) -> list[str]:
    image = label.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    pil = Image.frombuffer("L", (image.width(), image.height()), bytes(image.constBits()), "raw", "L",
                           image.bytesPerLine(), 1)
    return [r.text for r in zxingcpp.read_barcodes(pil)]


def test_paper_out_shows_the_ticket_and_offers_a_reprint_when_back(qtbot: QtBot, node, settings: HallSettings,
                                                                    tmp_path: Path) -> None:
    printer = PaperOut(tmp_path / "slips")
    win = make_kiosk(qtbot, node, settings, printer)
    win.printer_watch.set_interval(50)
    node.client(node.device_token("kiosk")).issue("SB")
    with qtbot.waitSignal(win.slip_failed, timeout=10000):
        win.choose_category("SB")
        win._chosen("SB", "SB-001")
    screen = win.screen_ticket
    assert win.pages.currentWidget() is screen
    number = win.last_ticket["number"]
    assert screen.number.text() == number and "1" in screen.ahead.text()
    assert "缺纸" in screen.reason_label.text() and not screen.reprint.isVisible()
    qtbot.wait(100)
    assert _decode(screen.qr_labels[0]) == ["https://zwfw.example.com/guide/SB-001"]
    assert screen.qr_labels[0].pixmap().width() >= 300  # large enough to scan from arm's length
    assert clipped_texts(win) == []
    _shot(win, "kiosk-screen-ticket.png", tmp_path)
    assert win._home_timer.interval() == win.screen_ticket_s * 1000
    printer.refill()
    qtbot.waitUntil(screen.reprint.isVisible, timeout=5000)
    with qtbot.waitSignal(win.slip_printed, timeout=10000):
        qtbot.mouseClick(screen.reprint, Qt.MouseButton.LeftButton)
    assert win.pages.currentWidget() is win.result and not win.printer_alert.isVisible()
    win.go_home()
    assert win._home_timer.interval() == 30000
    win.close()
    win.bridge.shutdown()


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920), (3840, 2160)])
def test_kiosk_without_printer_shows_every_ticket_on_screen(qtbot: QtBot, node, settings: HallSettings,
                                                            size: tuple[int, int]) -> None:
    win = make_kiosk(qtbot, node, settings, SlipPrinter("none"))
    win.resize(*size)
    with qtbot.waitSignal(win.ticket_issued, timeout=10000):
        win.issue("GJJ")
    assert win.pages.currentWidget() is win.screen_ticket
    assert "不打印" in win.screen_ticket.reason_label.text()
    assert not win.printer_alert.isVisible() and not win.printer_watch.active
    qtbot.wait(100)
    assert _decode(win.screen_ticket.qr_labels[0]) == ["https://zwfw.example.com/guide/GJJ"]
    assert clipped_texts(win) == []
    win.close()
    win.bridge.shutdown()


@pytest.mark.parametrize("size", [(1280, 800), (800, 1280), (1080, 1920), (3840, 2160)])
def test_staff_login_page_fits_every_kiosk_screen(qtbot: QtBot, settings: HallSettings, size: tuple[int, int]) -> None:
    bridge = HallBridge("http://127.0.0.1:9")
    bridge.client.token = "no node needed to look at the page"
    win = KioskWindow(bridge, settings)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    win._show_login()
    qtbot.waitExposed(win)
    qtbot.wait(50)
    assert clipped_texts(win) == []
    key = win.keyboard.findChild(QWidget, "key-q")
    assert key.height() >= 40 and key.width() >= 40  # a finger's width
    win.close()
    bridge.shutdown()
