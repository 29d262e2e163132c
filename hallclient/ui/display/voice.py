"""Spoken calls (语音叫号) through QTextToSpeech, queued so a new call never cuts off the one being spoken.

* Text: "请 A 零 一 二 号到 3 号窗口办理". The ticket number is read digit by digit with Chinese digits, so
  no engine reads "012" as "twelve"; the window number is read as a number (3 号, 12 号 = 十二号), as halls do.
* Each announcement is said `repeats` times (2 by default) with a short pause; a recall is announced again.
* Voice: a configured voice name first, then any voice whose locale is Chinese, then a voice whose *name*
  says Mandarin/Chinese (speech-dispatcher + espeak-ng list every voice under locale "C"), preferring the
  plain voice over its "+variant" ones. With no usable engine/voice the display plays a chime per call and
  says so once in the log.
* Engines that never report "ready" again do not stall the queue: a watchdog moves on. A burst of calls
  faster than speech (only seen in the soak test) drops the oldest pending utterances beyond `max_pending`.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, QUrl, Signal

from hallclient.paths import resource_path

log = logging.getLogger(__name__)

DIGITS = "零一二三四五六七八九"
MANDARIN_HINTS = ("mandarin", "chinese", "cmn", "普通话", "中文", "zh")


def spoken_number(number: str) -> str:
    """"A012" → "A 零 一 二": letters kept, digits one by one in Chinese."""
    return " ".join(DIGITS[int(ch)] if ch.isdigit() else ch.upper() for ch in number if not ch.isspace())


def call_text(number: str, window_no: int | str) -> str:
    """The sentence for one call."""
    return f"请 {spoken_number(number)} 号到 {window_no} 号窗口办理"


@dataclass(frozen=True)
class Choice:
    engine: str
    voice: str | None  # None: the engine's default voice


def choose_voice(voices: list[tuple[str, str]], wanted: str | None = None) -> str | None:
    """Pick a voice name from (name, locale name) pairs: wanted name, Chinese locale, Mandarin-ish name."""
    if wanted:
        for name, _ in voices:
            if name == wanted:
                return name
        for name, _ in voices:
            if wanted.lower() in name.lower():
                return name
    by_locale = [n for n, loc in voices if loc.lower().startswith("zh")]
    if by_locale:
        return sorted(by_locale, key=lambda n: ("+" in n, "cn" not in n.lower(), len(n)))[0]
    by_name = [n for n, _ in voices if any(h in n.lower() for h in MANDARIN_HINTS if h != "zh")
               or n.lower().startswith("zh")]
    if by_name:
        # "Chinese (Mandarin, latin as English)" plain beats its "+Adam" variants and beats Cantonese
        return sorted(by_name, key=lambda n: ("+" in n, "mandarin" not in n.lower(), len(n)))[0]
    return None


class VoiceAnnouncer(QObject):
    """Queue of call announcements; emits `speaking(text)` as each utterance starts (tests and the log use it)."""

    speaking = Signal(str)
    chimed = Signal(str)  # the text a chime stood in for
    idle = Signal()

    def __init__(self, engine: str | None = None, voice: str | None = None, *, repeats: int = 2,
                 gap_ms: int = 700, any_voice: bool = False, watchdog_ms: int = 20000, chime: bool = True,
                 max_pending: int = 24, parent: QObject | None = None) -> None:
        """`engine`: a QTextToSpeech engine name, None = try the platform's (never "mock" unless named).
        `any_voice`: accept a non-Chinese voice (the mock engine in tests only offers English voices)."""
        super().__init__(parent)
        self.repeats, self.gap_ms, self.watchdog_ms = max(1, repeats), gap_ms, watchdog_ms
        self.max_pending = max(self.repeats, max_pending)
        self.dropped = 0
        self.queue: deque[str] = deque()
        self.busy = False
        self._saw_speaking = False
        self.tts = None
        self.choice: Choice | None = None
        self._gap = QTimer(self, singleShot=True, timeout=self._next)
        self._watchdog = QTimer(self, singleShot=True, timeout=self._utterance_done)
        self._sound = None
        self.problem = ""  # why there is no voice (engines tried), for the board's status and the hall node
        self._setup(engine, voice, any_voice)
        if self.tts is None and chime:
            self._setup_chime()

    # -- set-up -------------------------------------------------------------------------------------

    def _setup(self, engine: str | None, voice: str | None, any_voice: bool) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        engines = [engine] if engine else [e for e in QTextToSpeech.availableEngines() if e != "mock"]
        problems = []
        for name in engines:
            tts = QTextToSpeech(name, self)
            if tts.state() == QTextToSpeech.State.Error:
                problems.append(f"{name}: {tts.errorString() or 'error'}")
                tts.deleteLater()
                continue
            voices = tts.availableVoices()
            picked = choose_voice([(v.name(), v.locale().name()) for v in voices], voice)
            if picked is None and not any_voice:
                problems.append(f"{name}: no Mandarin voice among {len(voices)}")
                tts.deleteLater()
                continue
            if picked is not None:
                tts.setVoice(next(v for v in voices if v.name() == picked))
            tts.setRate(-0.1)  # a touch slower than default: large halls echo
            tts.stateChanged.connect(self._on_state)
            self.tts, self.choice = tts, Choice(name, picked)
            log.info("voice calls: engine %s, voice %s", name, picked or "(default)")
            return
        self.problem = "; ".join(problems) or "no engines installed"
        log.warning("voice calls: no usable speech engine (%s); calls will play a chime only", self.problem)

    def _setup_chime(self) -> None:
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:  # pragma: no cover - QtMultimedia is part of PySide6-Essentials
            return
        self._sound = QSoundEffect(self)
        self._sound.setSource(QUrl.fromLocalFile(str(resource_path("sounds", "chime.wav"))))
        self._sound.setVolume(0.8)

    @property
    def has_voice(self) -> bool:
        return self.tts is not None

    def describe(self) -> str:
        """The engine and voice in use, or why there is none (one line, for the log and the hall node)."""
        if self.choice is not None:
            return f"{self.choice.engine}: {self.choice.voice or '(default voice)'}"
        return f"no Chinese voice ({self.problem})"

    # -- queue --------------------------------------------------------------------------------------

    def announce_call(self, number: str, window_no: int | str) -> None:
        """Queue one call (said `repeats` times); a recall is simply announced again."""
        self.say(call_text(number, window_no))

    def say(self, text: str) -> None:
        for _ in range(self.repeats):
            self.queue.append(text)
        while len(self.queue) > self.max_pending:  # a burst faster than speech: the oldest is stale by now
            self.queue.popleft()
            self.dropped += 1
        if not self.busy and not self._gap.isActive():
            self._next()

    def clear(self) -> None:
        self.queue.clear()

    def _next(self) -> None:
        if not self.queue:
            self.busy = False
            self.idle.emit()
            return
        text = self.queue.popleft()
        self.busy = True
        self._saw_speaking = False
        if self.tts is not None:
            self.speaking.emit(text)
            self._watchdog.start(self.watchdog_ms)
            self.tts.say(text)
        else:
            self.chimed.emit(text)
            if self._sound is not None:
                self._sound.play()
            self._watchdog.start(1600)  # the chime's length

    def _on_state(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing):
            self._saw_speaking = True
        elif state == QTextToSpeech.State.Error:
            log.warning("speech engine error: %s", self.tts.errorString() if self.tts else "")
            self._utterance_done()
        elif state == QTextToSpeech.State.Ready and self._saw_speaking and self.busy:
            self._utterance_done()

    def _utterance_done(self) -> None:
        if not self.busy:
            return
        self._watchdog.stop()
        self._saw_speaking = False
        if self.queue:
            self._gap.start(self.gap_ms)
        else:
            self.busy = False
            self.idle.emit()

    def shutdown(self) -> None:
        self.queue.clear()
        self._gap.stop()
        self._watchdog.stop()
        if self.tts is not None:
            self.tts.stop()
