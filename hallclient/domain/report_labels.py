"""How a report names halls and times for people: shared by the city view, the monthly PDF and the console,
so it lives below all of them (no SQL, no Qt)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


def short_name(name: str) -> str:
    """A hall's name for a chart axis: without the common 政务服务中心 / 政务服务大厅 ending."""
    for tail in ("政务服务中心", "政务服务大厅", "服务中心"):
        if name.endswith(tail) and len(name) > len(tail):
            return name[: -len(tail)]
    return name


def local_time(iso: str | None, tz: str) -> str:
    """An ISO instant of a report as the hall's local date and time, for people ("—" for none)."""
    if not iso:
        return "—"
    try:
        return datetime.fromisoformat(iso).astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")
    except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        return iso[:16]
