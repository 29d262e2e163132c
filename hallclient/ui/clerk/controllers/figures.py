"""Today's figures for one window, computed from GET /api/v1/tickets (pure Python, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


def parse_time(value: str | None) -> datetime | None:
    """ISO time from the node (aware UTC); naive values are taken as UTC."""
    if not value:
        return None
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


@dataclass
class WindowFigures:
    served: int = 0
    no_show: int = 0
    avg_wait_s: float | None = None
    avg_service_s: float | None = None
    ratings: dict[int, int] = field(default_factory=lambda: dict.fromkeys(range(1, 6), 0))

    @property
    def rated(self) -> int:
        return sum(self.ratings.values())

    @property
    def satisfied_pct(self) -> float | None:
        """Share of ratings that are not 差评 (levels 3–5)."""
        return None if not self.rated else 100.0 * sum(self.ratings[k] for k in (3, 4, 5)) / self.rated

    @property
    def negative(self) -> int:
        return self.ratings[1] + self.ratings[2]


def window_figures(tickets: list[dict[str, Any]], window_no: int) -> WindowFigures:
    """Served = finished at this window today; wait = issue → call; service = start (or call) → finish."""
    f = WindowFigures()
    waits: list[float] = []
    services: list[float] = []
    for t in tickets:
        if t.get("window_no") != window_no:
            continue
        if t["status"] == "no_show":
            f.no_show += 1
        if t["status"] != "finished":
            continue
        f.served += 1
        issued, called = parse_time(t["issued_at"]), parse_time(t.get("called_at"))
        started, finished = parse_time(t.get("started_at")), parse_time(t.get("finished_at"))
        if issued and called:
            waits.append((called - issued).total_seconds())
        begin = started or called
        if begin and finished:
            services.append((finished - begin).total_seconds())
        if t.get("rating") in f.ratings:
            f.ratings[t["rating"]] += 1
    f.avg_wait_s = sum(waits) / len(waits) if waits else None
    f.avg_service_s = sum(services) / len(services) if services else None
    return f


def format_duration(seconds: float | None) -> str:
    """12:05 (m:ss) or 1:02:05; "—" when unknown."""
    if seconds is None:
        return "—"
    s = max(0, int(seconds))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"
