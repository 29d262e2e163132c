"""The SQL that turns raw tickets and events into what the reports read, for PostgreSQL and SQLite alike.

Three steps, each one SQL statement run in the database:
1. `facts_query`: one row per ticket — its first category (by the number's prefix, as the daily report does),
   first call (time, window, clerk), wait = issue → first call and service = start → finish in exact
   microseconds, the green-channel wait, the rating and where it came from;
2. `report_day_query`: those facts, plus the call and transfer events, summed per day for the hall and per
   category, item, window and clerk (see `PARTS` for which ticket counts where);
3. `hist_sql`: waits counted in 3-second buckets.

Why 3-second buckets are exact: a P90 is printed in minutes to one decimal, rounded half up, so every wait in
[6k−3 s, 6k+3 s) prints as k/10 minutes; those edges are multiples of 3 s, so a bucket [3b, 3b+3) never
straddles one, and the bucket that holds the P90 ticket's wait fixes the printed P90: ⌈b/2⌉/10 minutes. An SLA
threshold or green-channel limit of whole minutes is a multiple of 3 s too, so "waited at least T minutes" is
"bucket ≥ 20·T" — exact for any thresholds chosen at report time.

On the central store these run per (hall, day) when a sync changed that day (`hallclient.central.refresh`);
on a hall node they run over the hall's own tables for the month asked for (`hallclient.central.hall_report`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

BUCKET_US = 3_000_000
RATING_SOURCES = ("evaluator", "phone", "paper")

MEASURES = ("issued", "transferred_in", "transferred_out", "transfers", "served", "no_show", "cancelled",
            "waiting", "at_window", "calls", "wait_n", "wait_sum_us", "wait_max_us", "service_n", "service_sum_us",
            "green_n", "green_called", "green_max_us", "rated", "r1", "r2", "r3", "r4", "r5")
MAX_MEASURES = ("wait_max_us", "green_max_us")


@dataclass(frozen=True)
class Sql:
    """Dialect differences, kept to a few expressions."""

    pg: bool

    def us(self, a: str, b: str) -> str:
        """Microseconds from timestamp `b` to `a`, exact (SQLite keeps times as 'YYYY-MM-DD HH:MM:SS.ffffff')."""
        if self.pg:
            return f"CAST(EXTRACT(EPOCH FROM ({a}) - ({b})) * 1000000 AS BIGINT)"
        return (f"((CAST(strftime('%s', {a}) AS INTEGER) - CAST(strftime('%s', {b}) AS INTEGER)) * 1000000 "
                f"+ CAST(substr({a} || '.000000', 21, 6) AS INTEGER) "
                f"- CAST(substr({b} || '.000000', 21, 6) AS INTEGER))")

    def greatest(self, a: str, b: str) -> str:
        return f"GREATEST({a}, {b})" if self.pg else f"max({a}, {b})"

    def local_hour(self, ts: str) -> str:
        """Hour of `ts` (naive UTC) shifted by :off seconds (the hall's UTC offset that day)."""
        if self.pg:
            return f"CAST(EXTRACT(HOUR FROM {ts} + make_interval(secs => :off)) AS SMALLINT)"
        return f"CAST(strftime('%H', {ts}, :offmod) AS INTEGER)"

    def json_text(self, col: str, key: str) -> str:
        return f"({col}->>'{key}')" if self.pg else f"json_extract({col}, '$.{key}')"

    def key_text(self, col: str) -> str:
        """A UUID column as 32 hex digits (SQLite's own storage form), for report_day.key."""
        return f"replace(CAST({col} AS TEXT), '-', '')" if self.pg else col


@dataclass(frozen=True)
class Query:
    """A SELECT with named steps. PostgreSQL runs it as one statement (WITH …); SQLite has no hash joins, so
    there each step becomes a temporary table with an index on its key first (a month of a hall joined step
    to step without one is quadratic)."""

    steps: tuple[tuple[str, str, str | None], ...]  # (name, SELECT, indexed column)
    body: str

    def sql(self) -> str:
        return "WITH " + ",\n".join(f"{n} AS ({q})" for n, q, _ix in self.steps) + "\n" + self.body


def run(conn: Any, query: Query, params: dict[str, Any], head: str = "") -> Any:
    """`head` + the query (e.g. "INSERT INTO ticket_fact (…)"), on either dialect."""
    from hallclient.central.refresh import sql

    if conn.dialect.name == "postgresql":
        return conn.execute(sql(f"{head} {query.sql()}"), params)
    try:
        for name, select, index in query.steps:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")
            conn.execute(sql(f"CREATE TEMP TABLE {name} AS {select}"), params)
            if index:
                conn.exec_driver_sql(f"CREATE INDEX temp.ix_step_{name} ON {name} ({index})")
        return conn.execute(sql(f"{head} {query.body}"), params)
    finally:
        for name, _select, _index in query.steps:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")


@dataclass(frozen=True)
class Source:
    """Where the raw rows are: the central store (hall directory tables, rating table) or a hall database."""

    categories: str  # table with hall_id, id, code, prefix
    rating_join: str  # SQL joined as `rs` on t, giving rs.source and rs.followup_state (or '' for none)
    rating_cols: tuple[str, str]  # expressions for the told source and follow-up state


CENTRAL = Source("hall_category",
                 # filtered first: with hash joins (see refresh) an unfiltered rating would be read whole
                 "LEFT JOIN (SELECT ticket_id, source, followup_state FROM rating WHERE hall_id = :hall "
                 "AND day >= :d0 AND day <= :d1) rs ON rs.ticket_id = t.id",
                 ("rs.source", "rs.followup_state"))


def hall_source(ticket_columns: set[str]) -> Source:
    """A hall database: no rating table (yet); a ticket column `rating_source` / `followup_state` counts when
    a later revision adds it."""
    return Source("category", "",
                  ("t.rating_source" if "rating_source" in ticket_columns else "NULL",
                   "t.followup_state" if "followup_state" in ticket_columns else "NULL"))


def _events(sq: Sql, kinds: str) -> str:
    return (f"SELECT e.ticket_id, e.kind, e.at, e.id, e.staff_id, e.window_no, e.from_status, e.detail "
            f"FROM ticket_event e WHERE e.hall_id = :hall AND e.at >= :ev_lo AND e.at < :ev_hi AND e.kind IN ({kinds}) "
            f"AND e.ticket_id IN (SELECT id FROM t)")


def facts_query(sq: Sql, src: Source) -> Query:
    """ticket_fact's columns for the tickets of hall :hall, days :d0..:d1; their events are looked for between
    :ev_lo and :ev_hi (a day either side, so partitions prune and the hall's UTC offset fits)."""
    us = sq.us
    told_source, told_followup = src.rating_cols
    sources = ", ".join(f"'{s}'" for s in RATING_SOURCES)
    steps = (
        ("t", "SELECT * FROM ticket WHERE hall_id = :hall AND day >= :d0 AND day <= :d1", "id"),
        ("ev", _events(sq, "'call', 'green_flag', 'rated'"), "ticket_id"),
        ("fc", """SELECT ticket_id, at, window_no, staff_id FROM (
         SELECT ticket_id, at, window_no, staff_id,
                row_number() OVER (PARTITION BY ticket_id ORDER BY at, id) AS rn
         FROM ev WHERE kind = 'call') x WHERE rn = 1""", "ticket_id"),
        ("gf", """SELECT ticket_id, max(CASE WHEN from_status IN ('called', 'serving') THEN 1 ELSE 0 END) AS at_window
       FROM ev WHERE kind = 'green_flag' GROUP BY ticket_id""", "ticket_id"),
        ("gc", """SELECT t.id AS ticket_id, min(ev.at) AS at FROM t JOIN ev ON ev.ticket_id = t.id AND ev.kind = 'call'
         AND ev.at >= coalesce(t.green_flagged_at, t.issued_at)
       WHERE t.green_reason IS NOT NULL GROUP BY t.id""", "ticket_id"),
        ("rv", f"""SELECT ticket_id, max({sq.json_text('detail', 'source')}) AS source FROM ev WHERE kind = 'rated'
       GROUP BY ticket_id""", "ticket_id"),
    )
    return Query(steps, f"""
SELECT t.hall_id, t.day, t.id AS ticket_id, coalesce(c.id, t.category_id) AS first_category_id,
       t.category_id, t.item_id, t.status, {sq.local_hour('t.issued_at')} AS hour,
       fc.window_no AS first_window, fc.staff_id AS first_clerk_id, t.window_no, t.clerk_id,
       CASE WHEN fc.at IS NOT NULL THEN {sq.greatest('0', us('fc.at', 't.issued_at'))} END AS wait_us,
       CASE WHEN t.status = 'finished' AND t.started_at IS NOT NULL AND t.finished_at IS NOT NULL
            THEN {us('t.finished_at', 't.started_at')} END AS service_us,
       t.green_reason,
       CASE WHEN t.green_reason IS NULL THEN NULL WHEN gf.at_window = 1 THEN 0
            WHEN gc.at IS NOT NULL THEN {sq.greatest('0', us('gc.at', 'coalesce(t.green_flagged_at, t.issued_at)'))}
       END AS green_wait_us,
       CASE WHEN t.green_reason IS NULL THEN NULL WHEN gf.at_window = 1 OR gc.at IS NOT NULL THEN 1 ELSE 0 END
            AS green_called,
       CASE WHEN t.status = 'finished' THEN t.rating END AS rating,
       CASE WHEN t.rating IS NULL THEN NULL
            ELSE coalesce({told_source}, CASE WHEN rv.source IN ({sources}) THEN rv.source END) END AS rating_source,
       CASE WHEN t.rating IS NULL THEN NULL ELSE {told_followup} END AS followup_state
FROM t
LEFT JOIN {src.categories} c ON c.hall_id = t.hall_id AND c.prefix = substr(t.number, 1, 1)
LEFT JOIN fc ON fc.ticket_id = t.id
LEFT JOIN gf ON gf.ticket_id = t.id
LEFT JOIN gc ON gc.ticket_id = t.id
LEFT JOIN rv ON rv.ticket_id = t.id
{src.rating_join}
""")


def facts_sql(sq: Sql, src: Source) -> str:
    return facts_query(sq, src).sql()


FACT_COLUMNS = ("hall_id", "day", "ticket_id", "first_category_id", "category_id", "item_id", "status", "hour",
                "first_window", "first_clerk_id", "window_no", "clerk_id", "wait_us", "service_us", "green_reason",
                "green_wait_us", "green_called", "rating", "rating_source", "followup_state")

# What a ticket adds to a summary row. Waits count where the ticket was first called (first category, first
# window, the clerk who called it); outcomes where it ended (category, window, clerk at the end).
_ISSUE = {"issued": "1"}
_WAIT = {"wait_n": "CASE WHEN f.wait_us IS NOT NULL THEN 1 ELSE 0 END", "wait_sum_us": "coalesce(f.wait_us, 0)",
         "wait_max_us": "coalesce(f.wait_us, 0)"}
_GREEN = {"green_n": "CASE WHEN f.green_reason IS NOT NULL THEN 1 ELSE 0 END",
          "green_called": "coalesce(f.green_called, 0)", "green_max_us": "coalesce(f.green_wait_us, 0)"}
_END = {"served": "CASE WHEN f.status = 'finished' THEN 1 ELSE 0 END",
        "no_show": "CASE WHEN f.status = 'no_show' THEN 1 ELSE 0 END",
        "cancelled": "CASE WHEN f.status = 'cancelled' THEN 1 ELSE 0 END",
        "waiting": "CASE WHEN f.status = 'waiting' THEN 1 ELSE 0 END",
        "at_window": "CASE WHEN f.status IN ('called', 'serving') THEN 1 ELSE 0 END",
        "service_n": "CASE WHEN f.service_us IS NOT NULL THEN 1 ELSE 0 END",
        "service_sum_us": "coalesce(f.service_us, 0)",
        "rated": "CASE WHEN f.rating IS NOT NULL THEN 1 ELSE 0 END",
        **{f"r{i}": f"CASE WHEN f.rating = {i} THEN 1 ELSE 0 END" for i in range(1, 6)}}
_NO_SHOW_ONLY = {k: v for k, v in _END.items() if k in ("served", "no_show", "service_n", "service_sum_us", "rated",
                                                       "r1", "r2", "r3", "r4", "r5")}

# (dim, key column of ticket_fact or None for the hall, uuid key?, measures)
PARTS: tuple[tuple[str, str | None, bool, dict[str, str]], ...] = (
    ("hall", None, False, {**_ISSUE, **_WAIT, **_GREEN, **_END}),
    ("category", "first_category_id", True, {**_ISSUE, **_WAIT, **_GREEN}),
    ("category", "category_id", True, _END),
    ("item", "item_id", True, {**_ISSUE, **_WAIT, **_GREEN, **_END}),
    ("window", "first_window", False, _WAIT),
    ("window", "window_no", False, _NO_SHOW_ONLY),
    ("clerk", "first_clerk_id", True, _WAIT),
    ("clerk", "clerk_id", True, _NO_SHOW_ONLY),
    ("hour", "hour", False, _ISSUE),  # arrivals per hour of the day (hall time)
)


def _select(dim: str, key: str, values: dict[str, str], rel: str, where: str = "") -> str:
    cols = ", ".join(f"{values.get(m, '0')} AS {m}" for m in MEASURES)
    return f"SELECT f.hall_id, f.day, '{dim}' AS dim, {key} AS key, {cols} FROM {rel} f {where}"


def report_day_sql(sq: Sql, src: Source, facts: str = "ticket_fact") -> str:
    return report_day_query(sq, src, facts).sql()


def report_day_query(sq: Sql, src: Source, facts: str = "ticket_fact") -> Query:
    """report_day's rows for hall :hall, days :d0..:d1, from `facts` (a table or temp table of ticket_fact's
    shape) and the call and transfer events (range :ev_lo..:ev_hi, as in `facts_query`)."""
    parts = []
    for dim, col, is_uuid, values in PARTS:
        if col is None:
            parts.append(_select(dim, "''", values, "f0"))
            continue
        key = sq.key_text(f"f.{col}") if is_uuid else f"CAST(f.{col} AS TEXT)"
        parts.append(_select(dim, key, values, "f0", f"WHERE f.{col} IS NOT NULL"))
    calls = {"calls": "1"}
    parts.append(_select("hall", "''", calls, "cv"))
    parts.append(_select("window", "CAST(f.window_no AS TEXT)", calls, "cv", "WHERE f.window_no IS NOT NULL"))
    parts.append(_select("clerk", sq.key_text("f.staff_id"), calls, "cv", "WHERE f.staff_id IS NOT NULL"))
    parts.append(_select("hall", "''", {"transfers": "1"}, "tr"))
    parts.append(_select("category", sq.key_text("f.from_cat"), {"transferred_out": "1"}, "mv",
                         "WHERE f.to_cat <> f.from_cat"))
    parts.append(_select("category", sq.key_text("f.to_cat"), {"transferred_in": "1"}, "mv",
                         "WHERE f.to_cat <> f.from_cat"))
    outer = ", ".join(f"{'max' if m in MAX_MEASURES else 'sum'}({m}) AS {m}" for m in MEASURES)
    union = "\nUNION ALL\n".join(parts)
    to_cat = sq.json_text("e.detail", "to_category")
    steps = (
        ("f0", f"SELECT * FROM {facts} WHERE hall_id = :hall AND day >= :d0 AND day <= :d1", "ticket_id"),
        ("cv", """SELECT f0.hall_id, f0.day, e.window_no, e.staff_id FROM ticket_event e
       JOIN f0 ON f0.ticket_id = e.ticket_id
       WHERE e.hall_id = :hall AND e.at >= :ev_lo AND e.at < :ev_hi AND e.kind = 'call'""", None),
        ("tr", f"""SELECT f0.hall_id, f0.day, e.ticket_id, e.at, e.id, f0.first_category_id, c.id AS to_cat
       FROM ticket_event e JOIN f0 ON f0.ticket_id = e.ticket_id
       LEFT JOIN {src.categories} c ON c.hall_id = e.hall_id AND c.code = {to_cat}
       WHERE e.hall_id = :hall AND e.at >= :ev_lo AND e.at < :ev_hi AND e.kind = 'transfer'""", None),
        ("mv", """SELECT hall_id, day, to_cat,
              coalesce(lag(to_cat) OVER (PARTITION BY ticket_id ORDER BY at, id), first_category_id) AS from_cat
       FROM tr WHERE to_cat IS NOT NULL""", None),
    )
    return Query(steps, f"""
SELECT hall_id, day, dim, key, {outer} FROM (
{union}
) u GROUP BY hall_id, day, dim, key
""")


def rating_day_sql(facts: str = "ticket_fact") -> str:
    return (f"SELECT hall_id, day, coalesce(rating_source, '') AS source, coalesce(followup_state, '') "
            f"AS followup_state, rating AS level, count(*) AS n FROM {facts} "
            f"WHERE hall_id = :hall AND day >= :d0 AND day <= :d1 AND rating IS NOT NULL "
            f"GROUP BY hall_id, day, coalesce(rating_source, ''), coalesce(followup_state, ''), rating")


def hist_sql(facts: str = "ticket_fact", where: str = "hall_id = :hall AND day >= :d0 AND day <= :d1",
             month: str = ":month") -> str:
    """Waits and green waits of `facts` per first category and 3-second bucket (n: how many)."""
    return (f"SELECT hall_id, {month} AS month, first_category_id AS category_id, 'wait' AS kind, "
            f"wait_us / {BUCKET_US} AS bucket, count(*) AS n FROM {facts} WHERE {where} AND wait_us IS NOT NULL "
            f"GROUP BY hall_id, first_category_id, wait_us / {BUCKET_US} "
            f"UNION ALL "
            f"SELECT hall_id, {month} AS month, first_category_id AS category_id, 'green' AS kind, "
            f"green_wait_us / {BUCKET_US} AS bucket, count(*) AS n FROM {facts} WHERE {where} "
            f"AND green_called = 1 GROUP BY hall_id, first_category_id, green_wait_us / {BUCKET_US}")
