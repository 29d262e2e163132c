"""A board that does not speak the calls says so: a small badge on the board (voice switched off, or no Chinese
voice so only a chime), a line in the log each day, and a report to the hall node, which lists it in the hall
status for the supervisor's live hall. HALLCLIENT_SCREENSHOTS=1 saves resources/screenshots/display-voice-off.png.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFontMetricsF
from pytestqt.qtbot import QtBot

from hallclient.paths import resource_path
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.i18n import install_language
from hallclient.ui.common.settings import HallSettings
from hallclient.ui.display.board import VOICE_BADGE
from hallclient.ui.display.voice import VoiceAnnouncer
from hallclient.ui.display.window import DisplayWindow
from tests.ui.display.test_screenshot import busy_hall


def _board(qtbot: QtBot, node, settings: HallSettings, size: tuple[int, int],
           announcer: VoiceAnnouncer | None = None) -> DisplayWindow:
    bridge = HallBridge(node.url)
    bridge.client.token = node.device_token("display")
    win = DisplayWindow(bridge, settings, announcer=announcer)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    bridge.wait_ready()
    qtbot.waitUntil(lambda: bridge.state == "connected" and len(win.model.windows) > 0, timeout=10000)
    return win


def _listed(node, voice: str) -> bool:
    sup = node.client(node.token("1031"))
    return any(d["voice"] == voice for d in sup.hall_status()["displays"])


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (1080, 1920), (3840, 2160)])
def test_voice_off_shows_a_legible_badge_and_tells_the_node(qtbot: QtBot, node, settings: HallSettings,
                                                            tmp_path: Path, size: tuple[int, int],
                                                            caplog: pytest.LogCaptureFixture) -> None:
    install_language("zh_CN")
    busy_hall(node)
    settings.set_value("display/voice", "false")
    with caplog.at_level(logging.INFO, logger="hallclient.ui.display.window"):
        win = _board(qtbot, node, settings, size)
    assert win.announcer is None and win.voice_state == "off"
    assert any("display voice: off" in r.getMessage() for r in caplog.records)  # the day's log line
    qtbot.waitUntil(lambda: _listed(node, "off"), timeout=10000)
    qtbot.waitUntil(lambda: win.board.voice_badge is not None, timeout=5000)
    badge = win.board.voice_badge
    image = win.grab().toImage()
    assert image.pixelColor(int(badge.left() + 4), int(badge.center().y())) == QColor(VOICE_BADGE)
    u = min(size) / 1080 if size[0] > size[1] else min(size[0] / 1080, size[1] / 1920)
    text_px = 28 * u
    assert text_px >= 18  # legible from the hall
    title_end = QFontMetricsF(win.board._font(40 * u)).horizontalAdvance(win.board.t_latest)
    assert badge.left() > 44 * u + title_end and badge.right() <= win.width()  # beside 最新叫号, on screen
    needed = QFontMetricsF(win.board._font(text_px)).horizontalAdvance(win.board.voice_badge_text())
    assert needed <= badge.width() - 70 * u  # the text fits beside the icon unshrunk
    image.save(str(tmp_path / "voice-off.png"))
    if size == (1920, 1080) and os.environ.get("HALLCLIENT_SCREENSHOTS"):
        image.save(str(resource_path("screenshots", "display-voice-off.png")))
    win.close()
    win.bridge.shutdown()


def test_no_chinese_voice_says_chime_only(qtbot: QtBot, node, settings: HallSettings) -> None:
    announcer = VoiceAnnouncer("mock", repeats=1, gap_ms=1)  # the mock engine has no Mandarin voice
    assert not announcer.has_voice and "Mandarin" in announcer.describe()
    win = _board(qtbot, node, settings, (1920, 1080), announcer)
    assert win.voice_state == "chime" and win.board.voice_badge_text() == "未找到中文语音 · 仅提示音"
    qtbot.waitUntil(lambda: _listed(node, "chime"), timeout=10000)
    win.close()
    win.bridge.shutdown()


def test_a_speaking_board_shows_no_badge(qtbot: QtBot, node, settings: HallSettings) -> None:
    win = _board(qtbot, node, settings, (1920, 1080), VoiceAnnouncer("mock", any_voice=True, repeats=1, gap_ms=1))
    qtbot.waitUntil(lambda: _listed(node, "on"), timeout=10000)
    qtbot.wait(50)
    assert win.voice_state == "on" and win.board.voice_badge is None
    win.close()
    win.bridge.shutdown()
