"""The supervisor's daily report (日报): one business day's figures as plain JSON-able data.

A busy hall issues ~3,000 tickets a day, so the figures come from four queries (categories, windows, the
day's tickets, and their call / transfer / green-flag events) and are counted in Python.

How the figures are meant (the printed report and the API say the same):
* a ticket belongs to the hall's business day it was issued on (`ticket.day`, local date);
* wait = issue → *first* call (a recall or a later call after a transfer does not restart it). Every
  transfer needs a call first, so the first call always happens in the category the ticket was issued
  in; waits, their SLA colours and `issued` count there, with that category's current thresholds;
* served / no-show / cancelled / still waiting / at a window count where the ticket ended up (its current
  category); `transferred_out` / `transferred_in` count moves between categories (a transfer to one
  window keeps the category and is only in the hall's `transfers` total);
* service time = start → finish of the last service (a transfer restarts it);
* green channel: the wait runs from the flag to the next call; a visitor flagged while already at a
  window waited 0. "Within the limit" means called before `green_channel.alert_after_min` had passed,
  the same moment the node raises its alert;
* hours are local hours of the hall's time zone.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from hallclient.domain import report_stats as rs
from hallclient.domain.green_channel import GreenReason
from hallclient.domain.ratings import Rating
from hallclient.domain.sla import SlaThresholds
from hallclient.domain.tickets import TicketStatus
from hallclient.store.store import Store, utc_now
from hallclient.store.tables import CategoryRow, SettingRow, TicketEventRow, TicketRow, WindowRow

T, EV, CAT, WIN, SET = (TicketRow.__table__, TicketEventRow.__table__, CategoryRow.__table__, WindowRow.__table__,
                        SettingRow.__table__)
S = TicketStatus
DEFAULT_GREEN_LIMIT_MIN = 5


def _minutes(seconds: float | None) -> float | None:
    return rs.minutes(seconds)


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _wait_figures(waits_s: list[float]) -> dict[str, Any]:
    return {"calls": len(waits_s), "wait_mean_min": _minutes(rs.mean(waits_s)),
            "wait_p90_min": _minutes(rs.percentile(waits_s, 90)), "wait_max_min": _minutes(max(waits_s, default=None))}


def _sla_figures(counts: dict[str, int]) -> dict[str, Any]:
    return {"sla": counts, "sla_share": {k: _rate(v) for k, v in rs.shares(counts).items()}}


def _rating_figures(levels: Counter[int]) -> dict[str, Any]:
    return {"rated": sum(levels.values()), "negative": rs.negative_count(dict(levels)),
            "satisfaction": _rate(rs.satisfaction(dict(levels)))}


def green_limit(conn: Any) -> int:
    """The hall's green-channel limit in minutes (setting `green_channel.alert_after_min`)."""
    value = conn.execute(select(SET.c.value).where(SET.c.key == "green_channel")).scalar()
    try:
        return max(1, int((value or {}).get("alert_after_min", DEFAULT_GREEN_LIMIT_MIN)))
    except (TypeError, ValueError, AttributeError):
        return DEFAULT_GREEN_LIMIT_MIN


def daily_report(store: Store, day: date, now: datetime | None = None) -> dict[str, Any]:
    """The figures of business day `day`; `now` (naive UTC, default the wall clock) bounds the waits of
    green tickets never called."""
    now = now or utc_now()
    hall = store.hall()
    tz = store.tz
    day_end_utc = datetime.combine(day + timedelta(days=1), time(0), tz).astimezone(UTC).replace(tzinfo=None)
    horizon = min(now, day_end_utc)
    with store.read() as conn:
        # named columns only: other features add columns to `category` in their own migrations
        cats = conn.execute(select(CAT.c.id, CAT.c.code, CAT.c.name, CAT.c.prefix, CAT.c.yellow_after_min,
                                   CAT.c.red_after_min, CAT.c.active)
                            .order_by(CAT.c.sort_order, CAT.c.prefix)).all()
        windows = {w.no: w.name for w in conn.execute(select(WIN.c.no, WIN.c.name))}
        green_limit_min = green_limit(conn)
        tickets = conn.execute(
            select(T.c.id, T.c.number, T.c.category_id, T.c.status, T.c.issued_at, T.c.started_at, T.c.finished_at,
                   T.c.window_no, T.c.rating, T.c.green_reason, T.c.green_flagged_at)
            .where(T.c.hall_id == hall.id, T.c.day == day)).all()
        events = conn.execute(
            select(EV.c.ticket_id, EV.c.kind, EV.c.at, EV.c.from_status, EV.c.window_no, EV.c.detail)
            .join(T, T.c.id == EV.c.ticket_id)
            .where(T.c.hall_id == hall.id, T.c.day == day, EV.c.kind.in_(("call", "transfer", "green_flag")))
            .order_by(EV.c.at, EV.c.id)).all()

    by_prefix = {c.prefix: c.id for c in cats}
    by_code = {c.code: c.id for c in cats}
    calls: dict[uuid.UUID, list[datetime]] = defaultdict(list)
    transfers: dict[uuid.UUID, list[Any]] = defaultdict(list)
    flagged_at_window: set[uuid.UUID] = set()
    calls_per_window: Counter[int] = Counter()
    for e in events:
        if e.kind == "call":
            calls[e.ticket_id].append(e.at)
            if e.window_no is not None:
                calls_per_window[e.window_no] += 1
        elif e.kind == "transfer":
            transfers[e.ticket_id].append(e)
        elif e.from_status in (S.CALLED.value, S.SERVING.value):
            flagged_at_window.add(e.ticket_id)

    cat_stats: dict[uuid.UUID, dict[str, Any]] = defaultdict(lambda: defaultdict(int))
    waits: dict[uuid.UUID, list[float]] = defaultdict(list)
    services: dict[uuid.UUID, list[float]] = defaultdict(list)
    win_served: Counter[int] = Counter()
    win_no_show: Counter[int] = Counter()
    win_services: dict[int, list[float]] = defaultdict(list)
    win_levels: dict[int, Counter[int]] = defaultdict(Counter)
    levels: Counter[int] = Counter()
    hours: Counter[int] = Counter()
    green_waits: list[tuple[float, str, bool]] = []  # (wait s, number, called)
    green_reasons: Counter[str] = Counter()
    all_waits: list[float] = []
    all_services: list[float] = []
    moved = 0

    for t in tickets:
        first_cat = by_prefix.get(t.number[:1], t.category_id)
        cat_stats[first_cat]["issued"] += 1
        hours[t.issued_at.replace(tzinfo=UTC).astimezone(tz).hour] += 1
        first_call = calls[t.id][0] if calls.get(t.id) else None
        if first_call is not None:
            w = (first_call - t.issued_at).total_seconds()
            waits[first_cat].append(w)
            all_waits.append(w)
        current = first_cat
        for e in transfers.get(t.id, ()):
            moved += 1
            target = by_code.get((e.detail or {}).get("to_category"))
            if target is not None and target != current:
                cat_stats[current]["transferred_out"] += 1
                cat_stats[target]["transferred_in"] += 1
                current = target
        end = {S.FINISHED.value: "served", S.NO_SHOW.value: "no_show", S.CANCELLED.value: "cancelled",
               S.WAITING.value: "waiting"}.get(t.status, "at_window")
        cat_stats[t.category_id][end] += 1
        if t.status == S.FINISHED.value:
            service = (t.finished_at - t.started_at).total_seconds() if t.started_at and t.finished_at else None
            if service is not None:
                services[t.category_id].append(service)
                all_services.append(service)
            if t.window_no is not None:
                win_served[t.window_no] += 1
                if service is not None:
                    win_services[t.window_no].append(service)
                if t.rating is not None:
                    win_levels[t.window_no][t.rating] += 1
            if t.rating is not None:
                levels[t.rating] += 1
        elif t.status == S.NO_SHOW.value and t.window_no is not None:
            win_no_show[t.window_no] += 1
        if t.green_reason is not None:
            green_reasons[t.green_reason] += 1
            flagged = t.green_flagged_at or t.issued_at
            if t.id in flagged_at_window:
                green_waits.append((0.0, t.number, True))
            else:
                later = next((c for c in calls.get(t.id, ()) if c >= flagged), None)
                if later is not None:
                    green_waits.append(((later - flagged).total_seconds(), t.number, True))
                else:
                    stop = t.finished_at if t.finished_at is not None else horizon
                    green_waits.append((max(0.0, (stop - flagged).total_seconds()), t.number, False))

    categories = []
    for c in cats:
        st = cat_stats.get(c.id)
        if st is None and not c.active:
            continue
        st = st or {}
        th = SlaThresholds(c.yellow_after_min, c.red_after_min)
        row = {"code": c.code, "name": c.name, "prefix": c.prefix, "yellow_after_min": c.yellow_after_min,
               "red_after_min": c.red_after_min}
        for key in ("issued", "transferred_in", "transferred_out", "served", "no_show", "cancelled", "waiting",
                    "at_window"):
            row[key] = st.get(key, 0)
        row |= _wait_figures(waits[c.id])
        row["service_mean_min"] = _minutes(rs.mean(services[c.id]))
        row |= _sla_figures(rs.sla_counts(waits[c.id], th))
        categories.append(row)

    sla_total = {k: sum(c["sla"][k] for c in categories) for k in ("blue", "yellow", "red")}
    totals = {key: sum(c[key] for c in categories)
              for key in ("issued", "served", "no_show", "cancelled", "waiting", "at_window")}
    totals |= {"transfers": moved, **_wait_figures(all_waits), "service_mean_min": _minutes(rs.mean(all_services)),
               **_sla_figures(sla_total)}

    window_rows = []
    for no in sorted(set(win_served) | set(win_no_show) | set(calls_per_window)):
        window_rows.append({"no": no, "name": windows.get(no, f"{no}号窗口"), "calls": calls_per_window[no],
                            "served": win_served[no], "no_show": win_no_show[no],
                            "service_mean_min": _minutes(rs.mean(win_services[no])),
                            **_rating_figures(win_levels[no])})

    called_waits = [w for w, _n, called in green_waits if called]
    longest = max(green_waits, default=None)
    green: dict[str, Any] = {
        "alert_after_min": green_limit_min,
        "count": len(green_waits),
        "by_reason": [{"reason": r.value, "label": r.label_zh, "count": green_reasons[r.value]}
                      for r in GreenReason if green_reasons[r.value]],
        "called_within_limit": sum(1 for w in called_waits if w < green_limit_min * 60),
        "called_late": sum(1 for w in called_waits if w >= green_limit_min * 60),
        "not_called": len(green_waits) - len(called_waits),
        "longest_wait_min": _minutes(longest[0]) if longest else None,
        "longest_number": longest[1] if longest else None,
    }
    green["compliance"] = _rate(green["called_within_limit"] / green["count"]) if green["count"] else None

    ratings = {"levels": [{"level": int(r), "label": r.label_zh, "count": levels[int(r)]} for r in Rating],
               **_rating_figures(levels)}
    ratings["rated_share"] = _rate(ratings["rated"] / totals["served"]) if totals["served"] else None

    open_h, close_h = int(hall.opens_at[:2]), int(hall.closes_at[:2])
    if hall.closes_at[3:] == "00":
        close_h -= 1
    span = range(min([open_h, *hours]), max([close_h, *hours]) + 1)
    return {
        "day": day.isoformat(),
        "hall": {"code": hall.code, "name": hall.name, "timezone": hall.timezone, "opens_at": hall.opens_at,
                 "closes_at": hall.closes_at},
        "generated_at": now.replace(tzinfo=UTC).isoformat(),
        "totals": totals,
        "categories": categories,
        "windows": window_rows,
        "green": green,
        "ratings": ratings,
        "arrivals_by_hour": [{"hour": h, "count": hours[h]} for h in span],
    }
