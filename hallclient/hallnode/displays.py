"""What each display board says about its voice (语音播报): on, switched off, or no Chinese voice (a chime only).

A board whose voice is off is silent for the whole hall, and nobody standing in it can tell why; so each board
reports its voice state (`PUT /displays/me/voice`, at start, after every reconnect and every minute) and the
hall status lists the boards, which the supervisor's live hall shows. Kept in the node's memory like presence:
it matters only while the node runs, and a board reports again after a node restart. A board not heard from
for `STALE_AFTER` is listed as not answering; one silent for `FORGET_AFTER` (switched off for the night,
replaced) is dropped.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

VOICE_STATES = ("on", "off", "chime")  # chime: no usable Chinese voice, calls play a chime only
REPORT_EVERY_S = 60
STALE_AFTER = timedelta(seconds=3 * REPORT_EVERY_S)
FORGET_AFTER = timedelta(hours=24)


@dataclass(frozen=True)
class DisplayState:
    name: str
    voice: str
    detail: str
    seen_at: datetime


class Displays:
    """The last report of each display device. Thread-safe; times are naive UTC from the node's clock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._states: dict[uuid.UUID, DisplayState] = {}

    def report(self, device_id: uuid.UUID, name: str, voice: str, detail: str, now: datetime) -> bool:
        """Keep a display's report; True when what the hall should know changed (its voice state, or it is
        back after being listed as not answering)."""
        if voice not in VOICE_STATES:
            raise ValueError(f"voice must be one of {', '.join(VOICE_STATES)}, got {voice!r}")
        with self._lock:
            before = self._states.get(device_id)
            self._states[device_id] = DisplayState(name, voice, detail, now)
        return before is None or before.voice != voice or now - before.seen_at > STALE_AFTER

    def listing(self, now: datetime) -> list[dict[str, Any]]:
        """Every display heard from within `FORGET_AFTER`, by name, with `stale` when it stopped reporting."""
        with self._lock:
            for key in [k for k, s in self._states.items() if now - s.seen_at > FORGET_AFTER]:
                del self._states[key]
            states = sorted(self._states.values(), key=lambda s: s.name)
        return [{"name": s.name, "voice": s.voice, "detail": s.detail, "seen_at": s.seen_at,
                 "stale": now - s.seen_at > STALE_AFTER} for s in states]
