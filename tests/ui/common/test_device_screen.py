"""The device/login screen (kiosk and display before they have a token) at 1280×800 up to 4K, landscape and
portrait: no text on it is clipped, text grows with the screen, and the on-screen keyboard types the
password. HALLCLIENT_SCREENSHOTS=1 saves resources/screenshots/device-setup.png (the kiosk at 1280×800) and
device-setup-portrait.png (1080×1920)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hallclient.hallnode.client import HallNodeError
from hallclient.paths import resource_path
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.device import DeviceSetup
from hallclient.ui.common.i18n import install_language
from hallclient.ui.common.settings import HallSettings
from hallclient.ui.display.voice import VoiceAnnouncer
from hallclient.ui.display.window import DisplayWindow
from hallclient.ui.kiosk.window import KioskWindow
from tests.ui.clipping import clipped_texts

SIZES = [(1280, 800), (800, 1280), (1920, 1080), (1080, 1920), (3840, 2160), (2160, 3840)]


@pytest.fixture
def nowhere(monkeypatch: pytest.MonkeyPatch) -> HallBridge:
    """A bridge to no node and no stored token: the screen stays up."""
    monkeypatch.delenv("HALLCLIENT_DEVICE_TOKEN", raising=False)
    bridge = HallBridge("http://127.0.0.1:9")
    yield bridge
    bridge.shutdown()


def _shown(qtbot: QtBot, widget: QWidget, size: tuple[int, int]) -> None:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(50)  # the resize sets the text size, which lays the screen out once more


@pytest.mark.parametrize("size", SIZES)
def test_kiosk_device_screen_has_no_clipped_text(qtbot: QtBot, nowhere: HallBridge, settings: HallSettings,
                                                 tmp_path: Path, size: tuple[int, int]) -> None:
    win = KioskWindow(nowhere, settings)
    _shown(qtbot, win, size)
    setup = win.device_setup
    assert win.pages.currentWidget() is setup
    assert clipped_texts(win) == []
    # the failure line is long and wraps: still whole
    setup._failed(HallNodeError(401, "token unknown, expired or revoked; log in again"))
    qtbot.wait(20)
    assert setup.error.text() and clipped_texts(win) == []
    # readable: 20 px on a 1280×800 kiosk, growing with the screen
    px = setup.hint.font().pixelSize()
    assert px >= 18 and (px >= 40 or min(size) < 2160)
    image = win.grab().toImage()
    image.save(str(tmp_path / "device.png"))
    if os.environ.get("HALLCLIENT_SCREENSHOTS") and size in ((1280, 800), (1080, 1920)):
        setup.error.clear()
        qtbot.wait(20)
        name = "device-setup.png" if size == (1280, 800) else "device-setup-portrait.png"
        win.grab().toImage().save(str(resource_path("screenshots", name)))
    win.close()


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920), (3840, 2160)])
def test_display_device_screen_has_no_clipped_text(qtbot: QtBot, nowhere: HallBridge, settings: HallSettings,
                                                   size: tuple[int, int]) -> None:
    win = DisplayWindow(nowhere, settings, announcer=VoiceAnnouncer("mock", any_voice=True, repeats=1, gap_ms=1))
    _shown(qtbot, win, size)
    assert win.stack.currentWidget() is win.setup
    assert clipped_texts(win) == []
    win.close()


def test_waiting_for_the_demo_device_is_whole_too(qtbot: QtBot, nowhere: HallBridge) -> None:
    setup = DeviceSetup(nowhere, "display")
    _shown(qtbot, setup, (1280, 800))
    setup._set_waiting(True)
    qtbot.wait(20)
    assert not setup.keyboard.isVisible() and "叫号屏" in setup.hint.text()
    assert clipped_texts(setup) == []


def test_the_keyboard_types_the_staff_login(qtbot: QtBot, nowhere: HallBridge) -> None:
    """A touch-only PC: tap the staff number, then the password (letters, a capital, digits), no keyboard."""
    setup = DeviceSetup(nowhere, "kiosk")
    _shown(qtbot, setup, (1280, 800))
    kb = setup.keyboard
    setup.staff_no.setFocus()
    for key in "1031":
        kb.findChild(QWidget, f"key-{key}").click()
    setup.password.setFocus()
    kb.shift.click()
    for key in "demo1234":
        kb.findChild(QWidget, f"key-{key}").click()
    kb.backspace.click()
    assert (setup.staff_no.text(), setup.password.text()) == ("1031", "Demo123")


@pytest.mark.parametrize("size", [(1280, 800), (800, 1280)])
def test_in_english_too(qtbot: QtBot, nowhere: HallBridge, settings: HallSettings, size: tuple[int, int]) -> None:
    """English lines are longer: still whole, and nothing left in Chinese."""
    try:
        install_language("en")
        win = KioskWindow(nowhere, settings)
        _shown(qtbot, win, size)
        setup = win.device_setup
        texts = [w.text() for w in setup.findChildren(QLabel) + setup.findChildren(QPushButton) if w.isVisible()]
        assert texts and not [t for t in texts if any("\u4e00" <= ch <= "\u9fff" for ch in t)]
        assert clipped_texts(win) == []
        win.close()
    finally:
        install_language("zh_CN")
