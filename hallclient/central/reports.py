"""Monthly (or any range's) reports, computed in SQL in the database, for the city and for one hall.

The same figures as the daily report (日报), per hall and per category, item, window and clerk: volumes,
waits (mean, P90, longest), service times, SLA colours, green-channel compliance, ratings by level, source and
follow-up state, and the 红旗窗口 ranking. Sums come from `report_day`; P90s, SLA colours and green-channel
limits from 3-second wait buckets (`wait_hist` for whole months of the city, the per-ticket facts otherwise),
which is exact for what is printed — see `hallclient.central.summary`. Python only divides and labels the
few rows the queries return.

How each figure is meant:
* a ticket counts in the month of the business day it was issued on;
* wait = issue → first call, counted for the first category (the number's prefix), the window and the clerk
  that first called it; served / no-show / service time / ratings count where the ticket ended;
* SLA colours use each category's current thresholds (as in the daily report); green-channel compliance the
  hall's current limit: called within it, counted among all green-channel tickets;
* times are minutes to 0.1, rounded half up; shares are fractions (None when there is nothing to divide).
* 红旗窗口 (`RED_FLAG_RULE`): windows (and clerks) with at least `MIN_SERVED` served and `MIN_RATED` rated in
  the period, by satisfaction, then fewer 差评 per rating, then more served.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Date, Engine, Uuid, bindparam, select

from hallclient.central import refresh, summary
from hallclient.central.partitions import add_months, archived, month_of, next_month
from hallclient.central.tables import hall_category, hall_info, hall_item, hall_staff, hall_window
from hallclient.domain import report_stats as rs
from hallclient.domain.ratings import Rating
from hallclient.sync.central_tables import hall_sync

MIN_SERVED = 30
MIN_RATED = 10
TOP = 10
TREND_MONTHS = 12
RED_FLAG_RULE = (f"红旗窗口评选规则：统计期内办结不少于 {MIN_SERVED} 件、评价不少于 {MIN_RATED} 件的"
                 "窗口（工作人员）参评；按满意率（满意、非常满意占评价数）从高到低排序，满意率相同者差评率（不满意、非常不满意占评价数）低者在前，"
                 "再相同者办结量多者在前；前三名为红旗窗口（红旗标兵）。")
SOURCE_LABEL = {"evaluator": "窗口评价器", "phone": "扫码评价", "paper": "纸质代录", "": "未区分"}
FOLLOWUP_LABEL = {"": "未区分"}
GREEN_DIMS = ("hall", "category", "item")  # where green-channel figures are counted (as in report_day)
_SUMS = ", ".join(f"{'max' if m in summary.MAX_MEASURES else 'sum'}({m}) AS {m}" for m in summary.MEASURES)


@dataclass(frozen=True)
class Period:
    """Business days `start`..`end`, both included."""

    start: date
    end: date

    @classmethod
    def month(cls, month: date) -> Period:
        first = month_of(month)
        return cls(first, next_month(first) - timedelta(days=1))

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")

    def whole_months(self) -> list[date]:
        out, m = [], month_of(self.start)
        if m < self.start:
            m = next_month(m)
        while next_month(m) - timedelta(days=1) <= self.end:
            out.append(m)
            m = next_month(m)
        return out

    def label(self) -> str:
        if self.whole_months() == [self.start] and next_month(self.start) - timedelta(days=1) == self.end:
            return f"{self.start.year} 年 {self.start.month} 月"
        return f"{self.start.isoformat()} 至 {self.end.isoformat()}"


def _sql(statement: str) -> Any:
    """`refresh.sql` plus the two list parameters: :halls (UUIDs) and :months (first days)."""
    q = refresh.sql(statement)
    lists = [bindparam("halls", expanding=True, type_=Uuid())] if ":halls" in statement else []
    lists += [bindparam("months", expanding=True, type_=Date())] if ":months" in statement else []
    return q.bindparams(*lists) if lists else q


def _hex(value: Any) -> str:
    return value.hex if isinstance(value, uuid.UUID) else str(value).replace("-", "")


def _uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(hex=str(value))


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


# -- assembling figures ----------------------------------------------------------------------------


def figures(s: dict[str, int], d: dict[str, Any] | None = None) -> dict[str, Any]:
    """One row's figures from its sums `s` (report_day) and its bucket results `d` (P90, SLA, green)."""
    d = d or {}
    levels = {i: int(s.get(f"r{i}", 0)) for i in range(1, 6)}
    rated = sum(levels.values())
    negative = levels[1] + levels[2]
    sla = {k: int(d.get(k) or 0) for k in ("blue", "yellow", "red")}
    called = int(s.get("wait_n", 0))
    green_n, green_called = int(s.get("green_n", 0)), int(s.get("green_called", 0))
    within = int(d.get("within") or 0)
    served = int(s.get("served", 0))
    p90 = d.get("p90")
    return {
        "issued": int(s.get("issued", 0)), "served": served, "no_show": int(s.get("no_show", 0)),
        "cancelled": int(s.get("cancelled", 0)),
        "unfinished": int(s.get("waiting", 0)) + int(s.get("at_window", 0)),
        "transfers": int(s.get("transfers", 0)), "transferred_in": int(s.get("transferred_in", 0)),
        "transferred_out": int(s.get("transferred_out", 0)), "calls": int(s.get("calls", 0)), "called": called,
        "wait_mean_min": rs.minutes_from_us(int(s.get("wait_sum_us", 0)), called),
        "wait_p90_min": None if p90 is None or not called else ((int(p90) + 1) // 2) / 10,
        "wait_max_min": rs.minutes_from_us(int(s.get("wait_max_us", 0))) if called else None,
        "service_mean_min": rs.minutes_from_us(int(s.get("service_sum_us", 0)), int(s.get("service_n", 0))),
        "sla": sla, "sla_share": {k: _share(v, sum(sla.values())) for k, v in sla.items()},
        "green": {"count": green_n, "called": green_called, "within_limit": within, "late": green_called - within,
                  "not_called": green_n - green_called, "compliance": _share(within, green_n),
                  "longest_min": rs.minutes_from_us(int(s.get("green_max_us", 0))) if green_called else None},
        "rated": rated, "negative": negative, "levels": {str(k): v for k, v in levels.items()},
        "satisfaction": _share(levels[4] + levels[5], rated), "rated_share": _share(rated, served),
    }


def tune(conn: Connection) -> None:
    """For this transaction on PostgreSQL: no JIT (compiling a report's plan took longer than running it: 1.4 of
    a hall-year's 2 s), room to sort and hash a year of one hall in memory, and a dozen thresholds joined to a
    million facts by hash, not by sorting the million first."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL jit = off")
        conn.exec_driver_sql("SET LOCAL work_mem = '256MB'")
        conn.exec_driver_sql("SET LOCAL enable_mergejoin = off")


def _dist_sql(source: str) -> str:
    """P90 bucket, SLA counts and green calls within the limit per group `g` of bucket rows `source`
    (columns g, hall_id, category_id, kind, bucket, n)."""
    return f"""
WITH h AS ({source}),
hw AS (SELECT g, bucket, sum(n) AS n FROM h WHERE kind = 'wait' GROUP BY g, bucket),
c AS (SELECT g, bucket, sum(n) OVER (PARTITION BY g ORDER BY bucket ROWS UNBOUNDED PRECEDING) AS cum,
             sum(n) OVER (PARTITION BY g) AS tot FROM hw),
p AS (SELECT g, min(bucket) AS p90 FROM c WHERE cum * 10 >= tot * 9 GROUP BY g),
s AS (SELECT h.g,
        sum(CASE WHEN h.bucket < 20 * coalesce(c.yellow_after_min, 15) THEN h.n ELSE 0 END) AS blue,
        sum(CASE WHEN h.bucket >= 20 * coalesce(c.yellow_after_min, 15)
                  AND h.bucket < 20 * coalesce(c.red_after_min, 30) THEN h.n ELSE 0 END) AS yellow,
        sum(CASE WHEN h.bucket >= 20 * coalesce(c.red_after_min, 30) THEN h.n ELSE 0 END) AS red
      FROM h LEFT JOIN hall_category c ON c.hall_id = h.hall_id AND c.id = h.category_id
      WHERE h.kind = 'wait' GROUP BY h.g),
gr AS (SELECT h.g, sum(CASE WHEN h.bucket < 20 * coalesce(i.green_alert_min, 5) THEN h.n ELSE 0 END) AS within
       FROM h LEFT JOIN hall_info i ON i.hall_id = h.hall_id WHERE h.kind = 'green' GROUP BY h.g),
gs AS (SELECT DISTINCT g FROM h)
SELECT gs.g, p.p90, s.blue, s.yellow, s.red, gr.within
FROM gs LEFT JOIN p ON p.g = gs.g LEFT JOIN s ON s.g = gs.g LEFT JOIN gr ON gr.g = gs.g
"""


def _dists(conn: Connection, source: str, params: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(r.g): dict(r._mapping) for r in conn.execute(_sql(_dist_sql(source)), params)}


def _bucket_rows(sq: summary.Sql, groups: Iterable[tuple[str, str | None]], facts: str = "f") -> str:
    """Bucket rows of per-ticket facts `facts` for each (group label, key column or None for the whole)."""
    parts = []
    for label, col in groups:
        if col is None:
            g, extra, where = f"'{label}'", "", ""
        else:
            key = sq.key_text(col) if col.endswith("_id") else f"CAST({col} AS TEXT)"
            g, extra, where = f"'{label}|' || {key}", f", {col}", f" AND {col} IS NOT NULL"
        for kind, value, cond in (("wait", "wait_us", "wait_us IS NOT NULL"),
                                  ("green", "green_wait_us", "green_called = 1")):
            if kind == "green" and label not in GREEN_DIMS:
                continue
            parts.append(f"SELECT {g} AS g, hall_id, first_category_id AS category_id, '{kind}' AS kind, "
                         f"{value} / {summary.BUCKET_US} AS bucket, count(*) AS n FROM {facts} "
                         f"WHERE {cond}{where} "
                         f"GROUP BY hall_id, first_category_id{extra}, {value} / {summary.BUCKET_US}")
    return "\nUNION ALL\n".join(parts)


_GROUP_BY = "first_category_id, item_id, first_window, first_clerk_id"
_DIM_COLUMN = {"hall": None, "category": "first_category_id", "item": "item_id", "window": "first_window",
               "clerk": "first_clerk_id"}


def _grouping(dims: tuple[str, ...]) -> tuple[str, str, str]:
    """For one grouping set per dim: the expression naming each row's dim, the select list of the four key
    columns (NULL for those not grouped), and the sets."""
    cols = [c for d in dims if (c := _DIM_COLUMN[d])]
    which = "CASE " + " ".join(f"WHEN GROUPING(f.{_DIM_COLUMN[d]}) = 0 THEN '{d}'" for d in dims
                               if _DIM_COLUMN[d]) + " ELSE 'hall' END" if cols else "'hall'"
    select = ", ".join(f"f.{c}" if c in cols else f"NULL AS {c}" for c in _GROUP_BY.split(", "))
    return which, select, ", ".join(f"(f.{_DIM_COLUMN[d]})" if _DIM_COLUMN[d] else "()" for d in dims)


ALL_DIMS = ("hall", "category", "item", "window", "clerk")


def _fact_dists_pg(conn: Connection, params: dict[str, Any], dims: tuple[str, ...] = ALL_DIMS
                   ) -> dict[str, dict[str, Any]]:
    """`_dists` of one hall's per-ticket facts on PostgreSQL (a hall's year is a million rows), one grouping
    set per dim in one pass: percentile_disc(0.9) is the nearest-rank P90 exactly (PostgreSQL takes row
    ⌈0.9·n⌉) and its exact wait falls in the 3-second bucket `figures` prints; the SLA colours and the
    green-channel calls within the limit are counted against the ticket's first category's thresholds and the
    hall's limit, joined by hash (see `tune`)."""
    which, select, sets = _grouping(dims)
    rows = conn.execute(_sql(f"""
SELECT {which} AS dim, {select},
       percentile_disc(0.9) WITHIN GROUP (ORDER BY f.wait_us) FILTER (WHERE f.wait_us IS NOT NULL) AS p90_us,
       count(*) FILTER (WHERE f.wait_us < 60000000 * coalesce(c.yellow_after_min, 15)) AS blue,
       count(*) FILTER (WHERE f.wait_us >= 60000000 * coalesce(c.yellow_after_min, 15)
                          AND f.wait_us < 60000000 * coalesce(c.red_after_min, 30)) AS yellow,
       count(*) FILTER (WHERE f.wait_us >= 60000000 * coalesce(c.red_after_min, 30)) AS red,
       count(*) FILTER (WHERE f.green_called = 1 AND f.green_wait_us < 60000000 * coalesce(i.green_alert_min, 5))
         AS within
FROM ticket_fact f LEFT JOIN hall_category c ON c.hall_id = f.hall_id AND c.id = f.first_category_id
LEFT JOIN hall_info i ON i.hall_id = f.hall_id
WHERE f.hall_id = :hall AND f.day >= :d0 AND f.day <= :d1
GROUP BY GROUPING SETS ({sets})"""), params).all()
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        key = {"hall": None, "category": r.first_category_id, "item": r.item_id, "window": r.first_window,
               "clerk": r.first_clerk_id}[r.dim]
        if r.dim != "hall" and key is None:
            continue
        g = r.dim if key is None else f"{r.dim}|{_hex(key) if r.dim != 'window' else key}"
        out[g] = {"p90": None if r.p90_us is None else int(r.p90_us) // summary.BUCKET_US, "blue": r.blue,
                  "yellow": r.yellow, "red": r.red, "within": r.within if r.dim in GREEN_DIMS else None}
    return out


def _sums(conn: Connection, where: str, params: dict[str, Any], group: str, alias: str = "") -> list[dict[str, Any]]:
    label = f"{group} AS {alias}" if alias else group
    rows = conn.execute(_sql(f"SELECT {label}, {_SUMS} FROM report_day WHERE {where} GROUP BY {group}"), params)
    return [dict(r._mapping) for r in rows]


def _trend_row(label: str, f: dict[str, Any]) -> dict[str, Any]:
    return {"label": label, "issued": f["issued"], "served": f["served"], "wait_mean_min": f["wait_mean_min"],
            "service_mean_min": f["service_mean_min"], "satisfaction": f["satisfaction"], "negative": f["negative"],
            "rated": f["rated"]}


def _trend(conn: Connection, sq: summary.Sql, halls_where: str, params: dict[str, Any], first: date,
           last: date) -> list[dict]:
    """One row per month from `first`'s to `last`'s (additive figures only)."""
    month = "to_char(day, 'YYYY-MM')" if sq.pg else "substr(day, 1, 7)"
    got = {r["m"]: r for r in _sums(conn, f"dim = 'hall' AND {halls_where} AND day >= :t0 AND day <= :t1",
                                    params | {"t0": month_of(first), "t1": next_month(month_of(last))
                                              - timedelta(days=1)}, month, "m")}
    out = []
    m = month_of(first)
    while m <= month_of(last):
        key = f"{m.year:04d}-{m.month:02d}"
        out.append(_trend_row(key, figures(got.get(key, {}))))
        m = next_month(m)
    return out


def _daily_trend(conn: Connection, halls_where: str, params: dict[str, Any], period: Period) -> list[dict]:
    """One row per day of `period`."""
    got = {str(r["day"])[:10]: r for r in _sums(
        conn, f"dim = 'hall' AND {halls_where} AND day >= :d0 AND day <= :d1", params, "day")}
    out, d = [], period.start
    while d <= period.end:
        out.append(_trend_row(d.isoformat(), figures(got.get(d.isoformat(), {}))))
        d += timedelta(days=1)
    return out


def _ratings(conn: Connection, halls_where: str, params: dict[str, Any]) -> dict[str, Any]:
    rows = conn.execute(_sql(
        f"SELECT source, followup_state, level, sum(n) AS n FROM rating_day WHERE {halls_where} "
        "AND day >= :d0 AND day <= :d1 GROUP BY source, followup_state, level"), params).all()
    by_source: dict[str, dict[str, int]] = {}
    by_followup: dict[str, int] = {}
    for r in rows:
        src = by_source.setdefault(r.source or "", {"rated": 0, "negative": 0, "good": 0})
        src["rated"] += int(r.n)
        src["negative"] += int(r.n) if int(r.level) <= 2 else 0
        src["good"] += int(r.n) if int(r.level) >= 4 else 0
        if int(r.level) <= 2:
            by_followup[r.followup_state or ""] = by_followup.get(r.followup_state or "", 0) + int(r.n)
    order = ["evaluator", "phone", "paper", ""]
    sources = sorted(by_source, key=lambda s: (order.index(s) if s in order else 3.5, s))
    return {
        "by_source": [{"source": s, "label": SOURCE_LABEL.get(s, s), "rated": v["rated"], "negative": v["negative"],
                       "satisfaction": _share(v["good"], v["rated"])} for s, v in ((s, by_source[s]) for s in sources)],
        "negative_followup": [{"state": s, "label": FOLLOWUP_LABEL.get(s, s), "count": n}
                              for s, n in sorted(by_followup.items())],
        "levels": [{"level": int(r), "label": r.label_zh} for r in Rating],
    }


def _ranking(conn: Connection, dim: str, halls_where: str, params: dict[str, Any]) -> tuple[list[dict], int]:
    rows = conn.execute(_sql(f"""
SELECT hall_id, key, sum(served) AS served, sum(rated) AS rated, sum(r4) + sum(r5) AS good,
       sum(r1) + sum(r2) AS negative, sum(calls) AS calls, sum(no_show) AS no_show,
       sum(service_sum_us) AS service_sum_us, sum(service_n) AS service_n, count(*) OVER () AS eligible
FROM report_day WHERE dim = '{dim}' AND {halls_where} AND day >= :d0 AND day <= :d1
GROUP BY hall_id, key HAVING sum(served) >= {MIN_SERVED} AND sum(rated) >= {MIN_RATED}
ORDER BY (sum(r4) + sum(r5)) * 1.0 / sum(rated) DESC, (sum(r1) + sum(r2)) * 1.0 / sum(rated), sum(served) DESC,
         hall_id, key
LIMIT {TOP}"""), params).all()
    out = [{"rank": i + 1, "hall_id": _uuid(r.hall_id), "key": r.key, "served": int(r.served), "rated": int(r.rated),
            "negative": int(r.negative), "calls": int(r.calls), "no_show": int(r.no_show),
            "satisfaction": _share(int(r.good), int(r.rated)), "negative_rate": _share(int(r.negative), int(r.rated)),
            "service_mean_min": rs.minutes_from_us(int(r.service_sum_us), int(r.service_n)),
            "red_flag": i < 3} for i, r in enumerate(rows)]
    return out, int(rows[0].eligible) if rows else 0


# -- names -------------------------------------------------------------------------------------------


@dataclass
class Names:
    halls: dict[uuid.UUID, dict[str, Any]]
    categories: dict[tuple[uuid.UUID, str], dict[str, Any]]
    items: dict[tuple[uuid.UUID, str], dict[str, Any]]
    windows: dict[tuple[uuid.UUID, str], str]
    staff: dict[tuple[uuid.UUID, str], dict[str, Any]]

    @classmethod
    def load(cls, conn: Connection, hall_ids: list[uuid.UUID]) -> Names:
        def rows(table: Any) -> list[Any]:
            return list(conn.execute(select(table).where(table.c.hall_id.in_(hall_ids))))

        return cls(
            {r.hall_id: dict(r._mapping) for r in rows(hall_info)},
            {(r.hall_id, _hex(r.id)): dict(r._mapping) for r in rows(hall_category)},
            {(r.hall_id, _hex(r.id)): dict(r._mapping) for r in rows(hall_item)},
            {(r.hall_id, str(r.no)): r.name for r in rows(hall_window)},
            {(r.hall_id, _hex(r.id)): dict(r._mapping) for r in rows(hall_staff)},
        )

    def window(self, hall_id: uuid.UUID, key: str) -> str:
        return self.windows.get((hall_id, key)) or f"{key}号窗口"

    def clerk(self, hall_id: uuid.UUID, key: str) -> str:
        s = self.staff.get((hall_id, key))
        return f"{s['staff_no']} {s['name']}" if s else "（未知工作人员）"


def known_halls(conn: Connection) -> dict[str, uuid.UUID]:
    """Code → id of every hall that has sent anything (its directory, or rows)."""
    known = {r.code: r.hall_id for r in conn.execute(select(hall_info.c.code, hall_info.c.hall_id))}
    for r in conn.execute(select(hall_sync.c.hall_code, hall_sync.c.hall_id)):
        known.setdefault(r.hall_code, r.hall_id)
    return known


def halls_for(conn: Connection, codes: Iterable[str] | None) -> list[uuid.UUID]:
    """The hall ids of `codes` (None: every hall that has sent data); an unknown code is an error."""
    known = known_halls(conn)
    if codes is None:
        return [known[c] for c in sorted(known)]
    out = []
    for code in codes:
        if code not in known:
            raise ValueError(f"no hall with code {code!r} in the central store (known: {', '.join(sorted(known))})")
        out.append(known[code])
    return out


def _archived_note(conn: Connection, period: Period) -> str | None:
    gone = sorted(m for m in archived(conn) if period.start <= next_month(m) - timedelta(days=1)
                  and m <= period.end)
    if not gone:
        return None
    return ("已归档（分区已分离）的月份：" + "、".join(f"{m:%Y-%m}" for m in gone) +
            "；这些月份的汇总数仍在，按事项、窗口、人员的 P90 等候需先恢复分区"
            "（hallclient central partitions attach）。")


# -- the reports -------------------------------------------------------------------------------------


def city_report(engine: Engine, period: Period, hall_codes: Iterable[str] | None = None,
                now: datetime | None = None) -> dict[str, Any]:
    """Every hall (or those of `hall_codes`) side by side for `period`, the city's totals, the months' trend,
    ratings by source and follow-up, and the 红旗窗口 ranking across the halls."""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    with engine.connect() as conn:
        halls = halls_for(conn, None if hall_codes is None else list(hall_codes))
        conn.rollback()
    refresh.refresh(engine, halls, (period.start, period.end))
    if not halls:
        return empty_city(period, now)
    sq = summary.Sql(engine.dialect.name == "postgresql")
    params: dict[str, Any] = {"halls": halls, "d0": period.start, "d1": period.end}
    hw = "hall_id IN :halls"
    with engine.connect() as conn:
        tune(conn)
        names = Names.load(conn, halls)
        sums = {_uuid(r["hall_id"]): r for r in _sums(conn, f"dim = 'hall' AND {hw} AND day >= :d0 AND day <= :d1",
                                                       params, "hall_id")}
        total = _sums(conn, f"dim = 'hall' AND {hw} AND day >= :d0 AND day <= :d1", params, "dim")
        dists = _city_dists(conn, sq, period, params | _partial_params(period))
        trend = _trend(conn, sq, hw, params, add_months(month_of(period.end), 1 - TREND_MONTHS), period.end)
        ratings = _ratings(conn, hw, params)
        windows, win_eligible = _ranking(conn, "window", hw, params)
        clerks, clerk_eligible = _ranking(conn, "clerk", hw, params)
        note = _archived_note(conn, period)
        sync_rows = {r.hall_id: r for r in conn.execute(select(hall_sync).where(hall_sync.c.hall_id.in_(halls)))}
        conn.rollback()
    hall_rows = []
    for h in halls:
        info = names.halls.get(h, {})
        row = {"hall_id": str(h), "code": info.get("code") or getattr(sync_rows.get(h), "hall_code", "?"),
               "name": info.get("name") or getattr(sync_rows.get(h), "hall_name", "?"),
               **figures(sums.get(h, {}), dists.get(_hex(h))),
               "sync": hall_status(info, sync_rows.get(h), now)}
        hall_rows.append(row)
    for r in windows:
        r |= {"hall": names.halls.get(r["hall_id"], {}).get("name", "?"), "name": names.window(r["hall_id"], r["key"])}
    for r in clerks:
        r |= {"hall": names.halls.get(r["hall_id"], {}).get("name", "?"), "name": names.clerk(r["hall_id"], r["key"])}
    return {
        "kind": "city", "period": {"start": period.start.isoformat(), "end": period.end.isoformat(),
                                   "label": period.label()},
        "generated_at": now.replace(tzinfo=UTC).isoformat(),
        "halls": hall_rows,
        "totals": figures(total[0] if total else {}, dists.get("*")),
        "trend": trend,
        "ratings": ratings,
        "red_flags": {"rule": RED_FLAG_RULE, "windows": [_public(r) for r in windows], "windows_eligible": win_eligible,
                      "clerks": [_public(r) for r in clerks], "clerks_eligible": clerk_eligible},
        "notes": [note] if note else [],
    }


def _public(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["hall_id"] = str(out["hall_id"])
    return out


def empty_city(period: Period, now: datetime) -> dict[str, Any]:
    return {"kind": "city", "period": {"start": period.start.isoformat(), "end": period.end.isoformat(),
                                       "label": period.label()},
            "generated_at": now.replace(tzinfo=UTC).isoformat(), "halls": [], "totals": figures({}), "trend": [],
            "ratings": {"by_source": [], "negative_followup": [], "levels": []},
            "red_flags": {"rule": RED_FLAG_RULE, "windows": [], "windows_eligible": 0, "clerks": [],
                          "clerks_eligible": 0}, "notes": ["中心库中还没有任何大厅的数据。"]}


def _partial_params(period: Period) -> dict[str, Any]:
    whole = period.whole_months()
    if not whole:
        return {"a0": period.start, "a1": period.end, "b0": period.end, "b1": period.start, "months": [period.start]}
    return {"a0": period.start, "a1": whole[0] - timedelta(days=1),
            "b0": next_month(whole[-1]), "b1": period.end, "months": whole}


def _city_buckets(period: Period) -> str:
    """Bucket rows (hall_id, category_id, kind, bucket, n) of the period: whole months from `wait_hist`, the
    days before and after them from the facts. One whole month is read as it is stored."""
    whole = period.whole_months()
    hist = "SELECT hall_id, category_id, kind, bucket, n FROM wait_hist WHERE hall_id IN :halls AND month IN :months"
    if len(whole) == 1 and whole[0] == period.start and next_month(whole[0]) - timedelta(days=1) == period.end:
        return hist
    if not whole:
        hist = "SELECT hall_id, category_id, kind, bucket, n FROM wait_hist WHERE 1 = 0"
    partial = summary.hist_sql(
        where="hall_id IN :halls AND ((day >= :a0 AND day <= :a1) OR (day >= :b0 AND day <= :b1))", month="NULL")
    partial = f"SELECT hall_id, category_id, kind, bucket, n FROM ({partial}) x"
    return (f"SELECT hall_id, category_id, kind, bucket, sum(n) AS n FROM ({hist} UNION ALL {partial}) y "
            "GROUP BY hall_id, category_id, kind, bucket")


def _city_dists(conn: Connection, sq: summary.Sql, period: Period, params: dict[str, Any]) -> dict[str, dict]:
    """P90 bucket, SLA counts and green calls within the limit per hall (keyed by its hex id) and for the city
    ('*'): the city's P90 from the halls' merged buckets, its counts as the halls' sums."""
    rows = conn.execute(_sql(f"""
WITH b AS ({_city_buckets(period)}),
hb AS (SELECT hall_id, bucket, sum(n) AS n FROM b WHERE kind = 'wait' GROUP BY hall_id, bucket),
hc AS (SELECT hall_id, bucket, sum(n) OVER (PARTITION BY hall_id ORDER BY bucket ROWS UNBOUNDED PRECEDING) AS cum,
              sum(n) OVER (PARTITION BY hall_id) AS tot FROM hb),
hp AS (SELECT hall_id, min(bucket) AS p90 FROM hc WHERE cum * 10 >= tot * 9 GROUP BY hall_id),
cb AS (SELECT bucket, sum(n) AS n FROM hb GROUP BY bucket),
cc AS (SELECT bucket, sum(n) OVER (ORDER BY bucket ROWS UNBOUNDED PRECEDING) AS cum, sum(n) OVER () AS tot FROM cb),
s AS (SELECT b.hall_id,
        sum(CASE WHEN b.kind = 'wait' AND b.bucket < 20 * coalesce(c.yellow_after_min, 15) THEN b.n ELSE 0 END)
          AS blue,
        sum(CASE WHEN b.kind = 'wait' AND b.bucket >= 20 * coalesce(c.yellow_after_min, 15)
                  AND b.bucket < 20 * coalesce(c.red_after_min, 30) THEN b.n ELSE 0 END) AS yellow,
        sum(CASE WHEN b.kind = 'wait' AND b.bucket >= 20 * coalesce(c.red_after_min, 30) THEN b.n ELSE 0 END) AS red,
        sum(CASE WHEN b.kind = 'green' AND b.bucket < 20 * coalesce(i.green_alert_min, 5) THEN b.n ELSE 0 END)
          AS within
      FROM b LEFT JOIN hall_category c ON c.hall_id = b.hall_id AND c.id = b.category_id
      LEFT JOIN hall_info i ON i.hall_id = b.hall_id GROUP BY b.hall_id)
SELECT {sq.key_text('s.hall_id')} AS g, hp.p90, s.blue, s.yellow, s.red, s.within
FROM s LEFT JOIN hp ON hp.hall_id = s.hall_id
UNION ALL
SELECT '*', (SELECT min(bucket) FROM cc WHERE cum * 10 >= tot * 9), sum(blue), sum(yellow), sum(red), sum(within)
FROM s"""), params).all()
    return {str(r.g): dict(r._mapping) for r in rows}


def hall_status(info: dict[str, Any], sync_row: Any, now: datetime) -> dict[str, Any]:
    """A hall's state as of its last sync: when, whether its checks passed, and how many days it is behind."""
    tz_name = info.get("timezone") or "Asia/Shanghai"
    try:
        tz = ZoneInfo(tz_name)
    except (KeyError, ValueError):
        tz = ZoneInfo("Asia/Shanghai")
    last_ok = info.get("last_ok_at") or (sync_row.updated_at if sync_row is not None else None)
    today = now.replace(tzinfo=UTC).astimezone(tz).date()
    pending = None if last_ok is None else max(0, (today - last_ok.replace(tzinfo=UTC).astimezone(tz).date()).days)
    mismatch = info.get("checks_mismatch")
    return {
        "last_sync_at": _iso(info.get("last_run_at") or (sync_row.updated_at if sync_row is not None else None)),
        "last_ok_at": _iso(last_ok),
        "last_ok": info.get("last_run_ok"),
        "pending_days": pending,
        "checks_compared": info.get("checks_compared"),
        "checks_healed": info.get("checks_healed"),
        "checks_passed": None if mismatch is None else mismatch == 0,
        "error": info.get("last_error"),
        "timezone": tz_name,
    }


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.replace(tzinfo=UTC).isoformat()


HALL_GROUPS = (("hall", None), ("category", "first_category_id"), ("item", "item_id"), ("window", "first_window"),
               ("clerk", "first_clerk_id"))


def hall_report(conn: Connection, hall_id: uuid.UUID, period: Period, now: datetime, *,
                central: bool = True) -> dict[str, Any]:
    """One hall's figures per category, item, window and clerk, its trend, ratings and ranking, read from
    ticket_fact / report_day / rating_day and the hall_* directories on `conn` (the central store, or the
    temporary tables `hallclient.central.hall_report` builds on a hall database)."""
    sq = summary.Sql(conn.dialect.name == "postgresql")
    tune(conn)
    params: dict[str, Any] = {"halls": [hall_id], "hall": hall_id, "d0": period.start, "d1": period.end}
    hw = "hall_id IN :halls"
    names = Names.load(conn, [hall_id])
    rng = f"{hw} AND day >= :d0 AND day <= :d1"
    sums: dict[tuple[str, str], dict[str, Any]] = {
        (r["dim"], r["key"]): r for r in _sums(conn, rng, params, "dim, key")}
    whole = period.whole_months()
    if sq.pg and whole and whole[0] == period.start and next_month(whole[-1]) - timedelta(days=1) == period.end:
        # whole months: the hall and its categories from the month histograms, the rest from the facts
        hist = ("SELECT {g}, hall_id, category_id, kind, bucket, n FROM wait_hist "
                "WHERE hall_id = :hall AND month IN :months")
        source = (hist.format(g="'hall' AS g") + " UNION ALL " +
                  hist.format(g=f"'category|' || {sq.key_text('category_id')} AS g"))
        dists = _dists(conn, source, params | {"months": whole})
        dists |= _fact_dists_pg(conn, params, ("item", "window", "clerk"))
    elif sq.pg:
        dists = _fact_dists_pg(conn, params)
    else:
        source = ("WITH f AS (SELECT * FROM ticket_fact WHERE hall_id = :hall AND day >= :d0 AND day <= :d1) "
                  + _bucket_rows(sq, HALL_GROUPS, "f"))
        dists = _dists(conn, source, params)
    info = names.halls.get(hall_id, {})

    def rows(dim: str) -> list[tuple[str, dict[str, Any]]]:
        return [(k, figures(v, dists.get(f"{dim}|{k}"))) for (d, k), v in sums.items() if d == dim]

    categories = []
    for key, f in rows("category"):
        c = names.categories.get((hall_id, key), {})
        categories.append({"key": key, "code": c.get("code", "?"), "name": c.get("name", "（已删除的类别）"),
                           "prefix": c.get("prefix", ""), "yellow_after_min": c.get("yellow_after_min"),
                           "red_after_min": c.get("red_after_min"),
                           "sort": (c.get("sort_order", 999), c.get("prefix", "")), **f})
    categories.sort(key=lambda c: c.pop("sort"))
    items = []
    for key, f in rows("item"):
        it = names.items.get((hall_id, key), {})
        items.append({"key": key, "code": it.get("code", "?"), "name": it.get("name", "（未知事项）"), **f})
    items.sort(key=lambda i: (-i["issued"], i["code"]))
    windows = sorted(({"key": k, "no": int(k), "name": names.window(hall_id, k), **f} for k, f in rows("window")),
                     key=lambda w: w["no"])
    clerks = []
    for key, f in rows("clerk"):
        s = names.staff.get((hall_id, key), {})
        clerks.append({"key": key, "staff_no": s.get("staff_no", "?"), "name": s.get("name", "（未知工作人员）"), **f})
    clerks.sort(key=lambda c: c["staff_no"])
    hours = sorted((int(k), int(v.get("issued", 0))) for (d, k), v in sums.items() if d == "hour")
    days = (period.end - period.start).days + 1
    win_rank, win_eligible = _ranking(conn, "window", hw, params)
    clerk_rank, clerk_eligible = _ranking(conn, "clerk", hw, params)
    for r in win_rank:
        r |= {"name": names.window(hall_id, r["key"])}
    for r in clerk_rank:
        r |= {"name": names.clerk(hall_id, r["key"])}
    note = _archived_note(conn, period) if central else None
    return {
        "kind": "hall", "period": {"start": period.start.isoformat(), "end": period.end.isoformat(),
                                   "label": period.label(), "days": days},
        "generated_at": now.replace(tzinfo=UTC).isoformat(),
        "hall": {"code": info.get("code", "?"), "name": info.get("name", "?"),
                 "timezone": info.get("timezone", "Asia/Shanghai"), "green_alert_min": info.get("green_alert_min", 5)},
        "totals": figures(sums.get(("hall", ""), {}), dists.get("hall")),
        "categories": categories, "items": items, "windows": windows, "clerks": clerks,
        "arrivals_by_hour": [{"hour": h, "count": n} for h, n in hours],
        "trend": (_daily_trend(conn, hw, params, period) if days <= 31
                  else _trend(conn, sq, hw, params, period.start, period.end)),
        "ratings": _ratings(conn, hw, params),
        "red_flags": {"rule": RED_FLAG_RULE, "windows": [_public(r) for r in win_rank],
                      "windows_eligible": win_eligible, "clerks": [_public(r) for r in clerk_rank],
                      "clerks_eligible": clerk_eligible},
        "notes": [note] if note else [],
    }


def central_hall_report(engine: Engine, hall_code: str, period: Period, now: datetime | None = None) -> dict[str, Any]:
    """`hall_report` on the central store for the hall with `hall_code` (queued days refreshed first)."""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    with engine.connect() as conn:
        hall_id = halls_for(conn, [hall_code])[0]
        conn.rollback()
    refresh.refresh(engine, [hall_id], (period.start, period.end))
    with engine.connect() as conn:
        out = hall_report(conn, hall_id, period, now)
        conn.rollback()
    return out


def explain(engine: Engine, statement: str, params: dict[str, Any]) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of a report statement on PostgreSQL, for the benchmark and the tests."""
    with engine.connect() as conn:
        plan = conn.execute(_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement), params).all()
        conn.rollback()
    return "\n".join(r[0] for r in plan)
