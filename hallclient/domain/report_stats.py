"""Statistics for the daily report (日报), kept generic so the report's figures can be checked by hand.

Percentiles use the nearest-rank method (the value of a real ticket, never an interpolated one), so a
printed "p90 = 23.0 分钟" is a wait some visitor actually had.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import timedelta

from hallclient.domain.ratings import Rating
from hallclient.domain.sla import SlaColour, SlaThresholds


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def percentile(values: Sequence[float], p: float) -> float | None:
    """Nearest-rank percentile (p in 0..100) of `values`; None for no values."""
    if not 0 <= p <= 100:
        raise ValueError(f"percentile must be within 0..100, got {p}")
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def minutes(seconds: float | None) -> float | None:
    """Seconds as minutes to 0.1, rounded half up (3 s → 0.1), the way every report prints a time."""
    return None if seconds is None else math.floor(seconds / 6 + 0.5) / 10


def minutes_from_us(total_us: int, n: int = 1) -> float | None:
    """The mean of `n` times totalling `total_us` microseconds, as minutes to 0.1 rounded half up, in exact
    integer arithmetic (None for n = 0)."""
    if n <= 0:
        return None
    return (2 * total_us + n * 6_000_000) // (2 * n * 6_000_000) / 10


def sla_counts(waits_s: Iterable[float], thresholds: SlaThresholds) -> dict[str, int]:
    """How many waits (seconds) ended blue (within yellow), yellow (within red) and red (over red)."""
    counts = {c.value: 0 for c in SlaColour}
    for w in waits_s:
        counts[thresholds.colour(timedelta(seconds=w)).value] += 1
    return counts


def shares(counts: dict[str, int]) -> dict[str, float | None]:
    """Each count as a fraction of their total (None when the total is 0, so 0 % is never invented)."""
    total = sum(counts.values())
    return {k: (v / total if total else None) for k, v in counts.items()}


def satisfaction(levels: dict[int, int]) -> float | None:
    """满意率: 满意 or 非常满意 (levels 4–5) among all rated tickets; None when nothing was rated."""
    rated = sum(levels.values())
    good = sum(n for lvl, n in levels.items() if lvl >= Rating.SATISFIED)
    return good / rated if rated else None


def negative_count(levels: dict[int, int]) -> int:
    """差评: 不满意 and 非常不满意."""
    return sum(n for lvl, n in levels.items() if Rating(lvl).is_negative)
