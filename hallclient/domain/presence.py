"""Presence (在岗): the rule that says whether anybody is at a window, shared by the hall node and the clerk app.

The clerk app sends a heartbeat every `HEARTBEAT_EVERY_S` while a clerk is logged in; a window whose seated
clerk has sent none for `STALE_AFTER` counts as unstaffed (the app crashed, the PC is off, the network is down).
Four missed heartbeats are tolerated, so a slow moment never closes a window.
"""

from __future__ import annotations

from datetime import datetime, timedelta

HEARTBEAT_EVERY_S = 15
STALE_AFTER = timedelta(seconds=60)


def is_fresh(last_beat: datetime | None, now: datetime, stale_after: timedelta = STALE_AFTER) -> bool:
    return last_beat is not None and now - last_beat <= stale_after
