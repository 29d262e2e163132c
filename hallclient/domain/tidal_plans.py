"""潮汐方案: named timed schedules of tidal switches, their validation, and which plan holds a window when.

A plan says: on these weekdays, from `start` to `end` (hall local time, same day, start < end), these
windows serve these categories. Two active plans may not claim the same window on the same weekday at
overlapping times, since the hall node could not tell which one wins. Validation returns every problem
as a readable line instead of stopping at the first, so the supervisor can fix a plan in one go.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_ZH = {"mon": "周一", "tue": "周二", "wed": "周三", "thu": "周四", "fri": "周五", "sat": "周六", "sun": "周日"}


class PlanError(ValueError):
    """A plan (or a set of plans) that cannot be applied; `problems` lists every reason."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = list(problems)


def parse_hhmm(text: str) -> time:
    """'09:00' → time(9, 0); refuses anything but HH:MM so '9' or '09:00:30' are caught early."""
    if not isinstance(text, str) or len(text) != 5 or text[2] != ":" or not (text[:2] + text[3:]).isdigit():
        raise ValueError(f"time must be HH:MM, got {text!r}")
    h, m = int(text[:2]), int(text[3:])
    if h > 23 or m > 59:
        raise ValueError(f"time out of range: {text!r}")
    return time(h, m)


@dataclass(frozen=True, slots=True)
class TidalPlan:
    """One plan. `id` is a string so the domain stays free of storage types."""

    id: str
    name: str
    days: tuple[str, ...]
    start: str
    end: str
    windows: tuple[int, ...]
    primary: tuple[str, ...]
    secondary: tuple[str, ...] = ()
    active: bool = True

    @property
    def start_time(self) -> time:
        return parse_hhmm(self.start)

    @property
    def end_time(self) -> time:
        return parse_hhmm(self.end)

    def covers(self, local: datetime) -> bool:
        """Whether the plan holds its windows at a hall-local time (start inclusive, end exclusive)."""
        if not self.active or DAYS[local.weekday()] not in self.days:
            return False
        return self.start_time <= local.time().replace(tzinfo=None) < self.end_time

    def occurrence(self, day: date) -> tuple[datetime, datetime]:
        """Naive local start and end of the plan on `day`."""
        return datetime.combine(day, self.start_time), datetime.combine(day, self.end_time)

    def label(self) -> str:
        days = "、".join(DAY_ZH.get(d, d) for d in self.days)
        wins = "、".join(str(w) for w in self.windows)
        return f"{self.name}（{days} {self.start}–{self.end}，窗口 {wins}）"


def check_plan(plan: TidalPlan, known_windows: Iterable[int], known_categories: Iterable[str]) -> list[str]:
    """Problems of one plan on its own (times, days, windows, categories)."""
    problems: list[str] = []
    name = plan.name.strip() or "(unnamed)"
    if not plan.name.strip():
        problems.append("plan name is empty")
    elif len(plan.name) > 60:
        problems.append(f"plan {name}: name is longer than 60 characters")
    start = end = None
    try:
        start = parse_hhmm(plan.start)
    except ValueError as exc:
        problems.append(f"plan {name}: start {exc}")
    try:
        end = parse_hhmm(plan.end)
    except ValueError as exc:
        problems.append(f"plan {name}: end {exc}")
    if start is not None and end is not None and start >= end:
        problems.append(f"plan {name}: start {plan.start} must be before end {plan.end} (same day)")
    if not plan.days:
        problems.append(f"plan {name}: no weekdays chosen")
    bad_days = [d for d in plan.days if d not in DAYS]
    if bad_days:
        problems.append(f"plan {name}: unknown weekdays {', '.join(map(str, bad_days))} (use {', '.join(DAYS)})")
    if len(set(plan.days)) != len(plan.days):
        problems.append(f"plan {name}: a weekday is listed twice")
    if not plan.windows:
        problems.append(f"plan {name}: no windows chosen")
    wins = set(known_windows)
    unknown_w = sorted({w for w in plan.windows if w not in wins})
    if unknown_w:
        problems.append(f"plan {name}: unknown windows {', '.join(map(str, unknown_w))}")
    if len(set(plan.windows)) != len(plan.windows):
        problems.append(f"plan {name}: a window is listed twice")
    if not plan.primary:
        problems.append(f"plan {name}: needs at least one primary category")
    cats = set(known_categories)
    unknown_c = sorted({c for c in (*plan.primary, *plan.secondary) if c not in cats})
    if unknown_c:
        problems.append(f"plan {name}: unknown categories {', '.join(unknown_c)}")
    both = sorted(set(plan.primary) & set(plan.secondary))
    if both:
        problems.append(f"plan {name}: categories both primary and secondary: {', '.join(both)}")
    if len(set(plan.primary)) != len(plan.primary) or len(set(plan.secondary)) != len(plan.secondary):
        problems.append(f"plan {name}: a category is listed twice")
    return problems


def overlaps(plans: Iterable[TidalPlan]) -> list[str]:
    """Pairs of active plans that claim one window on one weekday at overlapping times."""
    ok = []
    for p in plans:
        try:
            if p.active and p.start_time < p.end_time:
                ok.append(p)
        except ValueError:
            continue  # reported by check_plan
    problems: list[str] = []
    for i, a in enumerate(ok):
        for b in ok[i + 1 :]:
            days = [d for d in DAYS if d in a.days and d in b.days]
            wins = sorted(set(a.windows) & set(b.windows))
            if days and wins and a.start_time < b.end_time and b.start_time < a.end_time:
                problems.append(
                    f"plans {a.name} and {b.name} overlap: window {', '.join(map(str, wins))} on "
                    f"{', '.join(days)} ({a.start}–{a.end} vs {b.start}–{b.end})"
                )
    return problems


def validate_plans(
    plans: Sequence[TidalPlan], known_windows: Iterable[int], known_categories: Iterable[str]
) -> list[str]:
    """Every problem of a set of plans: each plan's own, duplicate names, then overlaps between them."""
    wins, cats = set(known_windows), set(known_categories)
    problems: list[str] = []
    for p in plans:
        problems += check_plan(p, wins, cats)
    seen: set[str] = set()
    for p in plans:
        if p.name.strip() in seen:
            problems.append(f"two plans are named {p.name}")
        seen.add(p.name.strip())
    return problems + overlaps(plans)


def require_valid(plans: Sequence[TidalPlan], known_windows: Iterable[int], known_categories: Iterable[str]) -> None:
    problems = validate_plans(plans, known_windows, known_categories)
    if problems:
        raise PlanError(problems)


def active_at(plans: Iterable[TidalPlan], local: datetime) -> dict[int, TidalPlan]:
    """Window number → the plan holding it at hall-local time `local` (validated plans never collide;
    if unvalidated ones do, the first listed wins, so the answer is still deterministic)."""
    out: dict[int, TidalPlan] = {}
    for p in plans:
        try:
            covers = p.covers(local)
        except ValueError:
            continue
        if covers:
            for w in p.windows:
                out.setdefault(w, p)
    return out


def next_boundary(plans: Iterable[TidalPlan], local: datetime) -> datetime | None:
    """The next start or end of any active plan strictly after `local` (within a week), for the UI's
    'next change at …' and for schedulers that want to sleep until then."""
    best: datetime | None = None
    naive = local.replace(tzinfo=None)
    for p in plans:
        if not p.active:
            continue
        try:
            p.start_time, p.end_time  # noqa: B018  (validate)
        except ValueError:
            continue
        for k in range(8):
            day = naive.date() + timedelta(days=k)
            if DAYS[day.weekday()] not in p.days:
                continue
            for t in p.occurrence(day):
                if t > naive and (best is None or t < best):
                    best = t
    return best

