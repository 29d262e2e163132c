"""The display role: hall node events → `BoardModel` → `DisplayBoard` repaint + `VoiceAnnouncer`.

Network work goes through `HallBridge` (QThreadPool); the GUI thread only applies events and paints.
Snapshots (`/hall/status`) are fetched at start, after each (re)connect, when an event asks for one, on a new
hall day, and when a heartbeat shows we are behind; one at a time, with a "dirty" re-fetch. No polling.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtWidgets import QStackedLayout, QWidget

from hallclient.hallnode.displays import REPORT_EVERY_S
from hallclient.ui.common import bridge as b
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.device import DeviceSetup, start_when_ready
from hallclient.ui.common.none_guard import immortalize_none
from hallclient.ui.common.settings import HallSettings
from hallclient.ui.display.board import DisplayBoard
from hallclient.ui.display.model import BoardModel, utc_now
from hallclient.ui.display.voice import VoiceAnnouncer

log = logging.getLogger(__name__)


def voice_status(announcer: VoiceAnnouncer | None) -> tuple[str, str]:
    """("on" | "off" | "chime", detail): switched off in the settings, no Chinese voice (a chime stands in for
    each call), or spoken; the detail names the engine and voice, or why there is none."""
    if announcer is None:
        return "off", "display/voice is off in this PC's settings"
    detail = " ".join(announcer.describe().split())[:200]  # one line, as the node takes it
    return ("on" if announcer.has_voice else "chime"), detail


class DisplayWindow(QWidget):
    """Top-level display window; `announcer=None` builds one from settings (display/voice_* keys)."""

    def __init__(self, bridge: HallBridge, settings: HallSettings, *, announcer: VoiceAnnouncer | None = None,
                 clock: Callable[[], datetime] = utc_now, tick_ms: int = 500) -> None:
        immortalize_none()  # PySide6 6.12 + CPython 3.11 refcount bug, see none_guard
        super().__init__()
        self.bridge, self.settings = bridge, settings
        self.setWindowTitle(self.tr("叫号屏"))
        self.model = BoardModel(clock=clock)
        self.board = DisplayBoard(self.model)
        self.setup = DeviceSetup(bridge, "display")
        self.stack = QStackedLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.board)
        self.stack.addWidget(self.setup)
        self.announcer = announcer if announcer is not None else self._announcer_from(settings)
        self.voice_state, self.voice_detail = voice_status(self.announcer)
        self.board.voice_state = self.voice_state
        self._voice_logged_on: date | None = None
        self._log_voice()
        self._voice_timer = QTimer(self, interval=REPORT_EVERY_S * 1000, timeout=self.report_voice)
        self._fetching = False
        self._dirty = False
        self._started = False
        bridge.event.connect(self._on_event)
        bridge.connection_state.connect(self._on_link)
        bridge.heartbeat.connect(self._on_heartbeat)
        self.setup.authorised.connect(self._authorised)
        self._timer = QTimer(self, interval=tick_ms, timeout=self._tick)
        self._timer.start()
        if not self.setup.begin():
            self.stack.setCurrentWidget(self.setup)

    @staticmethod
    def _announcer_from(settings: HallSettings) -> VoiceAnnouncer | None:
        if not settings.switch("display/voice"):
            return None
        engine = str(settings.value("display/voice_engine", "") or "") or None
        voice = str(settings.value("display/voice_name", "") or "") or None
        try:
            repeats = int(settings.value("display/voice_repeats", 2))
        except (TypeError, ValueError):
            repeats = 2
        return VoiceAnnouncer(engine, voice, repeats=repeats)

    # -- start --------------------------------------------------------------------------------------

    def _authorised(self, token: str) -> None:
        self.stack.setCurrentWidget(self.board)
        start_when_ready(self.bridge, token, self._start)

    def _start(self) -> None:
        if self._started:
            return
        self._started = True
        self.bridge.start_events()
        self.fetch_snapshot()
        self.report_voice()
        self._voice_timer.start()

    # -- voice status -------------------------------------------------------------------------------

    def report_voice(self) -> None:
        """Tell the hall node whether calls are spoken (the supervisor's live hall shows it). A staff login
        standing in for the device token may not report (403): the board's own badge still says it."""
        if self._started:
            self.bridge.call("report_voice", self.voice_state, self.voice_detail, on_error=self._report_failed)

    def _report_failed(self, exc: BaseException) -> None:
        log.debug("voice state not reported: %s", exc)

    def _log_voice(self) -> None:
        """One line a day in the log: whether the board speaks, and with what (or why not)."""
        today = datetime.now().date()
        if self._voice_logged_on == today:
            return
        self._voice_logged_on = today
        if self.voice_state == "on":
            log.info("display voice: on (%s)", self.voice_detail)
        else:
            log.warning("display voice: %s (%s); the board shows it and the live hall lists it", self.voice_state,
                        self.voice_detail)

    def fetch_snapshot(self) -> None:
        """One `/health` + `/hall/status` in the background; a second request while one runs is folded."""
        if self._fetching:
            self._dirty = True
            return
        self._fetching = True
        self._dirty = False
        client = self.bridge.client

        def work() -> tuple[str, dict[str, Any]]:
            return client.health()["hall"], client.hall_status()

        self.bridge.submit(work, on_done=self._snapshot, on_error=self._snapshot_failed, name="display_snapshot")

    def _snapshot(self, result: tuple[str, dict[str, Any]]) -> None:
        self._fetching = False
        hall, status = result
        self.model.load_status(status, hall)
        self.board.refresh()
        if self._dirty:
            self.fetch_snapshot()

    def _snapshot_failed(self, exc: BaseException) -> None:
        self._fetching = False
        log.info("display snapshot failed (%s); retried on the next tick/reconnect", exc)
        self.model.needs_snapshot = True

    # -- live ---------------------------------------------------------------------------------------

    @Slot(object)
    def _on_event(self, ev: dict) -> None:
        call = self.model.apply(ev)
        if call is not None and self.announcer is not None:
            self.announcer.announce_call(call.number, call.window_no)
        if self.model.needs_snapshot:
            self.fetch_snapshot()
        self.board.refresh()

    @Slot(str)
    def _on_link(self, state: str) -> None:
        self.board.link_text = "" if state == b.CONNECTED else self.board.t_stale
        if state == b.CONNECTED:
            self.model.touch()
            if self._started:
                self.fetch_snapshot()  # after a reconnect: catch up counts (events catch up by seq)
                self.report_voice()  # the node may have restarted and forgotten it
        elif state == b.UNAUTHORIZED:
            self.board.link_text = self.tr("设备令牌无效或已吊销，请联系管理员")
        self.board.refresh()

    @Slot(object)
    def _on_heartbeat(self, seq: Any) -> None:
        self.model.heartbeat(seq if isinstance(seq, int) else None)
        if self.board.link_text and self.bridge.state == b.CONNECTED:
            self.board.link_text = ""

    def _tick(self) -> None:
        self._log_voice()
        self.model.tick()
        if self.model.needs_snapshot and self._started and self.bridge.state == b.CONNECTED:
            self.fetch_snapshot()
        self.board.refresh()  # the clock, the highlight's blink and end, the stale banner

    # -- life ---------------------------------------------------------------------------------------

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_F11:
            self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)
        super().keyPressEvent(event)

    def closeEvent(self, event: QEvent) -> None:
        self._timer.stop()
        self._voice_timer.stop()
        if self.announcer is not None:
            self.announcer.shutdown()
        super().closeEvent(event)
