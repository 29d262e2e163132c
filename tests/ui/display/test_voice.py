"""Voice calls with QTextToSpeech's mock engine: exact texts, order, repeats, no cut-off, voice choice."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from hallclient.ui.display.voice import VoiceAnnouncer, call_text, choose_voice, spoken_number


def test_texts_read_the_number_digit_by_digit() -> None:
    assert spoken_number("A012") == "A 零 一 二"
    assert call_text("A012", 3) == "请 A 零 一 二 号到 3 号窗口办理"
    assert call_text("b100", 12) == "请 B 一 零 零 号到 12 号窗口办理"


def test_voice_choice_prefers_chinese_locale_then_mandarin_name() -> None:
    espeak = [("English (Great Britain)", "C"), ("Chinese (Cantonese)", "C"),
              ("Chinese (Mandarin, latin as English)+Adam", "C"), ("Chinese (Mandarin, latin as English)", "C")]
    assert choose_voice(espeak) == "Chinese (Mandarin, latin as English)"
    assert choose_voice([("Tingting", "zh_CN"), ("Alex", "en_US")]) == "Tingting"
    assert choose_voice([("Alex", "en_US")]) is None
    assert choose_voice(espeak, "Cantonese") == "Chinese (Cantonese)"


@pytest.fixture
def announcer(qtbot: QtBot) -> VoiceAnnouncer:
    a = VoiceAnnouncer("mock", any_voice=True, gap_ms=10)
    assert a.has_voice
    yield a
    a.shutdown()


def test_calls_queue_twice_each_in_order_without_cutting_off(qtbot: QtBot, announcer: VoiceAnnouncer) -> None:
    said: list[str] = []
    announcer.speaking.connect(said.append)
    announcer.announce_call("A012", 3)
    announcer.announce_call("C007", 15)  # arrives while the first is being spoken
    assert said == [call_text("A012", 3)]  # not interrupted
    announcer.announce_call("A012", 3)  # a recall is spoken again
    with qtbot.waitSignal(announcer.idle, timeout=20000):
        pass
    a, c = call_text("A012", 3), call_text("C007", 15)
    assert said == [a, a, c, c, a, a]


def test_without_engine_a_chime_plays_and_the_log_says_so_once(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        a = VoiceAnnouncer("no-such-engine", repeats=1, gap_ms=10)
    assert not a.has_voice
    chimes: list[str] = []
    a.chimed.connect(chimes.append)
    a.announce_call("A001", 1)
    a.announce_call("A002", 2)
    qtbot.waitUntil(lambda: len(chimes) == 2 and not a.busy, timeout=6000)
    assert chimes == [call_text("A001", 1), call_text("A002", 2)]
    assert sum("chime" in r.getMessage() for r in caplog.records) == 1
    a.shutdown()
