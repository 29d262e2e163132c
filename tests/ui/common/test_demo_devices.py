"""The embedded demo hall: the kiosk and the board register themselves (through `hallclient device add` in a
child process) and open with no question; their tokens are kept like typed ones and used again next time; a
real hall keeps the token screen. HALLCLIENT_SCREENSHOTS=1 saves kiosk-first.png and display-first.png."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hallclient import secret_store
from hallclient.hallnode import auth
from hallclient.paths import resource_path
from hallclient.store import open_store
from hallclient.store.hall_repo import DEMO_KEY
from hallclient.store.tables import SettingRow
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.demo_devices import DemoDevices, NotDemoHall
from hallclient.ui.common.device import KEYRING_SERVICE, stored_token, token_name
from hallclient.ui.common.embedded import hallclient_command
from hallclient.ui.common.i18n import install_language
from hallclient.ui.common.settings import HallSettings
from hallclient.ui.display.voice import VoiceAnnouncer
from hallclient.ui.display.window import DisplayWindow
from hallclient.ui.kiosk.printer import SlipPrinter
from hallclient.ui.kiosk.window import KioskWindow


@pytest.fixture(autouse=True)
def _no_env_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HALLCLIENT_DEVICE_TOKEN", raising=False)


def _demo_bridge(node, db: Path) -> HallBridge:
    bridge = HallBridge(node.url)
    bridge.demo_devices = DemoDevices(db)
    bridge.wait_ready()
    return bridge


def _shot(qtbot: QtBot, win: QWidget, name: str, tmp_path: Path) -> None:
    """What a newcomer sees first (HALLCLIENT_SCREENSHOTS=1 keeps it in resources/screenshots)."""
    qtbot.wait(300)
    image = win.grab().toImage()
    image.save(str(tmp_path / name))
    if os.environ.get("HALLCLIENT_SCREENSHOTS"):
        image.save(str(resource_path("screenshots", name)))


def _active_devices(node) -> list[tuple[str, str]]:
    return [(d.name, d.role) for d in auth.list_devices(node.node.store) if not d.revoked]


def test_demo_kiosk_and_board_register_themselves(qtbot: QtBot, node, demo_db: Path, settings: HallSettings,
                                                  tmp_path: Path) -> None:
    install_language("zh_CN")  # as the app does at start (the board's weekday)
    bridge = _demo_bridge(node, demo_db)
    kiosk = KioskWindow(bridge, settings, printer=SlipPrinter(f"pdf:{tmp_path}"))
    qtbot.addWidget(kiosk)
    kiosk.resize(1920, 1080)
    kiosk.show()
    assert kiosk.pages.currentWidget() is kiosk.device_setup and "演示" in kiosk.device_setup.title.text()
    qtbot.waitUntil(lambda: bool(kiosk.categories) and bool(kiosk.status), timeout=30000)
    assert kiosk.pages.currentWidget() is kiosk.home  # no token asked for
    assert kiosk.device_setup.notice is None  # and no message box about where it went
    _shot(qtbot, kiosk, "kiosk-first.png", tmp_path)
    kiosk_token = stored_token("kiosk", demo=True)
    assert kiosk_token and stored_token("kiosk") is None  # kept under the demo name only
    assert [r for _, r in _active_devices(node)] == ["kiosk"]
    assert auth.resolve(node.node.store, kiosk_token, node.node.clock()).role.value == "kiosk"
    board_bridge = _demo_bridge(node, demo_db)
    board = DisplayWindow(board_bridge, settings, announcer=VoiceAnnouncer("mock", any_voice=True, repeats=1))
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    board.show()
    qtbot.waitUntil(lambda: board.model.hall_name != "" and board.stack.currentWidget() is board.board,
                    timeout=30000)
    _shot(qtbot, board, "display-first.png", tmp_path)
    assert sorted(r for _, r in _active_devices(node)) == ["display", "kiosk"]
    for win in (kiosk, board):
        win.close()
        win.bridge.shutdown()

    # the next start uses the kept token: no new device
    again = _demo_bridge(node, demo_db)
    kiosk2 = KioskWindow(again, settings, printer=SlipPrinter(f"pdf:{tmp_path}"))
    qtbot.addWidget(kiosk2)
    qtbot.waitUntil(lambda: bool(kiosk2.categories), timeout=30000)
    assert again.client.token == kiosk_token and len(_active_devices(node)) == 2
    kiosk2.close()
    again.shutdown()


def test_a_revoked_demo_token_is_replaced(qtbot: QtBot, node, demo_db: Path, settings: HallSettings,
                                          tmp_path: Path) -> None:
    """The demo database was made anew (or the device revoked): the kept token is refused, a new one is made."""
    old = auth.add_device(node.node.store, "old demo kiosk", "kiosk", node.node.clock())
    secret_store.save(KEYRING_SERVICE, token_name("kiosk", demo=True), old)
    auth.revoke_device(node.node.store, "old demo kiosk", node.node.clock())
    bridge = _demo_bridge(node, demo_db)
    kiosk = KioskWindow(bridge, settings, printer=SlipPrinter(f"pdf:{tmp_path}"))
    qtbot.addWidget(kiosk)
    qtbot.waitUntil(lambda: bool(kiosk.categories), timeout=30000)
    assert bridge.client.token not in (None, old) and stored_token("kiosk", demo=True) == bridge.client.token
    kiosk.close()
    bridge.shutdown()


def test_a_real_hall_keeps_the_token_screen(qtbot: QtBot, node, demo_db: Path, settings: HallSettings) -> None:
    with open_store(demo_db) as store, store.write() as conn:
        conn.execute(SettingRow.__table__.update().where(SettingRow.__table__.c.key == DEMO_KEY)
                     .values(value={"demo": False}))
    with pytest.raises(NotDemoHall):
        DemoDevices(demo_db).register("kiosk")
    bridge = _demo_bridge(node, demo_db)
    kiosk = KioskWindow(bridge, settings)
    qtbot.addWidget(kiosk)
    setup = kiosk.device_setup
    qtbot.waitUntil(lambda: setup.keyboard.isVisibleTo(kiosk), timeout=30000)  # the form is back: asking
    assert kiosk.pages.currentWidget() is setup and setup.error.text() == ""
    assert _active_devices(node) == [] and stored_token("kiosk", demo=True) is None
    kiosk.close()
    bridge.shutdown()


def test_device_add_json_and_demo_only(demo_db: Path) -> None:
    out = subprocess.run([*hallclient_command(), "--db", str(demo_db), "device", "add", "入口取号机", "--role", "kiosk",
                          "--json", "--demo-only"], capture_output=True, text=True, check=True)
    answer = json.loads(out.stdout)
    assert answer["name"] == "入口取号机" and answer["role"] == "kiosk" and len(answer["token"]) >= 40
