"""Benchmark of the city's reports on a synthetic city in the central PostgreSQL store (prints figures; not a test).

1. A city of `--halls` halls × `--days` days × `--per-day` tickets (default 50 × 365 × 3,000 ≈ 55 million
   tickets), each with its events (issued, call, start, finish/no-show/cancel), ratings for ~60 % of the
   finished ones, generated in the server with `generate_series` straight into the monthly partitions, plus
   each hall's directory (12 categories, 96 items, 30 windows and clerks). `--scale 0.01` shrinks tickets/day.
2. The summaries built from those rows by the same SQL the nightly push runs (`rebuild_month`, per hall and
   month, two at a time on the two cores).
3. Each report timed (best of `--repeat`, after a first run): the city's month, the city's year, one hall's
   month, one hall's year, a non-aligned two-week city range; the slowest statements' EXPLAIN (ANALYZE,
   BUFFERS); and the floor: a bare `SELECT count(*)` over the same partitions, in the same run.
4. The nightly push of one hall (3,000 tickets of one day, and its summaries) into this full store, against
   the same push into an empty store.

    .venv/bin/python tests/benchmarks/bench_central.py [--scale 0.01] [--keep] [--pg URL]

Needs about 1.5 KB of disk per ticket with all events (≈ 80 GB at full scale), about 0.9 KB with
`--keep-events-months 3` (older event partitions dropped once summarised, as an archive would): check `df -h`
first. The database is dropped at the end unless --keep.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, text

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hallclient.central import partitions, refresh, reports
from hallclient.central.reports import Period
from hallclient.store import open_store
from hallclient.store.seed import seed_hall
from hallclient.sync import central_schema
from hallclient.sync.run import run_sync
from tests.benchmarks.bench_sync import SEED, drop_database, generate, new_database

CATS, ITEMS_PER_CAT, WINDOWS = 12, 8, 30

TICKETS_SQL = f"""
INSERT INTO ticket (id, hall_id, day, number, seq, category_id, item_id, status, issued_at, called_at, started_at,
  finished_at, window_no, clerk_id, recall_count, transfer_count, target_window, green_reason, green_note,
  green_flagged_by, green_flagged_at, appointment_id, appointment_slot, rating, rating_reason, rated_at, version,
  synced_at)
SELECT gen_random_uuid(), md5('hall-' || h)::uuid, d::date,
       chr(65 + k) || lpad((i / {CATS} + 1)::text, 3, '0'), i / {CATS} + 1,
       md5('cat-' || h || '-' || k)::uuid, md5('item-' || h || '-' || k || '-' || (i % {ITEMS_PER_CAT}))::uuid,
       st, iss, CASE WHEN st <> 'cancelled' THEN called END,
       CASE WHEN st = 'finished' THEN called + interval '40 seconds' END,
       CASE WHEN st = 'finished' THEN called + interval '40 seconds' + svc
            WHEN st = 'no_show' THEN called + interval '5 minutes' ELSE called END,
       CASE WHEN st <> 'cancelled' THEN w END,
       CASE WHEN st <> 'cancelled' THEN md5('staff-' || h || '-' || w)::uuid END,
       0, 0, NULL, CASE WHEN i % 50 = 7 THEN 'elderly' END, '', NULL, CASE WHEN i % 50 = 7 THEN iss END, NULL, NULL,
       rating, '', CASE WHEN rating IS NOT NULL THEN called + interval '40 seconds' + svc END, 4, now()
FROM generate_series(CAST(:h0 AS int), CAST(:h1 AS int)) h
CROSS JOIN generate_series(CAST(:d0 AS date), CAST(:d1 AS date), interval '1 day') d
CROSS JOIN generate_series(0, :n - 1) i
CROSS JOIN LATERAL (
  SELECT i % {CATS} AS k, 1 + (i * 7 + h) % {WINDOWS} AS w,
         d + interval '1 hour' + make_interval(secs => i * 28800.0 / :n + random() * 5) AS iss,
         make_interval(secs => 60 + floor(-ln(1 - random()) * 420) + random()) AS svc,
         random() AS u3, random() AS u4, random() AS u5, random() AS u1
) r0
CROSS JOIN LATERAL (
  SELECT iss + make_interval(secs => least(7200, floor(-ln(1 - u1) * 600)) + random()) AS called,
         CASE WHEN u3 < 0.03 THEN 'no_show' WHEN u3 < 0.04 THEN 'cancelled' ELSE 'finished' END AS st,
         CASE WHEN u3 >= 0.04 AND u4 < 0.6 THEN
              CASE WHEN u5 < 0.02 THEN 1 WHEN u5 < 0.05 THEN 2 WHEN u5 < 0.10 THEN 3 WHEN u5 < 0.30 THEN 4 ELSE 5 END
         END AS rating
) r1
"""

EVENTS_SQL = """
INSERT INTO ticket_event (id, hall_id, ticket_id, kind, from_status, to_status, at, staff_id, window_no, detail,
  synced_at)
SELECT gen_random_uuid(), t.hall_id, t.id, e.kind, e.frm, e.too, e.at,
       CASE WHEN e.kind <> 'issued' THEN t.clerk_id END, CASE WHEN e.kind <> 'issued' THEN t.window_no END,
       NULL, now()
FROM ticket t CROSS JOIN LATERAL (VALUES
  ('issued', NULL, 'waiting', t.issued_at),
  ('call', 'waiting', 'called', t.called_at),
  ('start', 'called', 'serving', t.started_at),
  (CASE t.status WHEN 'finished' THEN 'finish' WHEN 'no_show' THEN 'no_show' ELSE 'cancel' END,
   CASE t.status WHEN 'finished' THEN 'serving' WHEN 'no_show' THEN 'called' ELSE 'waiting' END, t.status,
   t.finished_at)) AS e(kind, frm, too, at)
WHERE t.day >= :d0 AND t.day <= :d1 AND e.at IS NOT NULL
"""

RATING_SQL = """
INSERT INTO rating (hall_id, ticket_id, day, level, reason, rated_at, source, followup_state, version, synced_at)
SELECT hall_id, id, day, rating, rating_reason, rated_at,
       (ARRAY['evaluator', 'phone', 'paper', NULL])[1 + abs(hashtext(id::text)) % 4],
       CASE WHEN rating <= 2 THEN (ARRAY['closed', 'open'])[1 + abs(hashtext(id::text)) % 2] END, version, now()
FROM ticket WHERE day >= :d0 AND day <= :d1 AND rating IS NOT NULL
"""

DIRECTORY_SQL = [
    """INSERT INTO hall_info (hall_id, code, name, timezone, green_alert_min, directory_checksum, directory_at,
         last_run_at, last_run_ok, last_ok_at, checks_compared, checks_healed, checks_mismatch, rows_up)
       SELECT md5('hall-' || h)::uuid, 'BH' || lpad(h::text, 2, '0'), '基准大厅' || h, 'Asia/Shanghai', 5, '', now(),
              now(), true, now() - make_interval(days => CASE WHEN h % 17 = 0 THEN 3 ELSE 0 END), 15, 0,
              CASE WHEN h % 23 = 0 THEN 1 ELSE 0 END, 16000
       FROM generate_series(1, :halls) h""",
    """INSERT INTO hall_sync (hall_id, hall_code, hall_name, last_seq, updated_at)
       SELECT md5('hall-' || h)::uuid, 'BH' || lpad(h::text, 2, '0'), '基准大厅' || h, 1, now()
       FROM generate_series(1, :halls) h""",
    f"""INSERT INTO hall_category (hall_id, id, code, name, prefix, yellow_after_min, red_after_min, sort_order,
         active)
       SELECT md5('hall-' || h)::uuid, md5('cat-' || h || '-' || k)::uuid, 'C' || k, '类别' || k, chr(65 + k),
              10 + k % 3 * 5, 25 + k % 3 * 5, k, true
       FROM generate_series(1, :halls) h, generate_series(0, {CATS - 1}) k""",
    f"""INSERT INTO hall_item (hall_id, id, code, name, category_id, active)
       SELECT md5('hall-' || h)::uuid, md5('item-' || h || '-' || k || '-' || j)::uuid, 'I' || k || '-' || j,
              '事项' || k || '-' || j, md5('cat-' || h || '-' || k)::uuid, true
       FROM generate_series(1, :halls) h, generate_series(0, {CATS - 1}) k,
            generate_series(0, {ITEMS_PER_CAT - 1}) j""",
    f"""INSERT INTO hall_window (hall_id, no, name)
       SELECT md5('hall-' || h)::uuid, w, w || '号窗口' FROM generate_series(1, :halls) h,
              generate_series(1, {WINDOWS}) w""",
    f"""INSERT INTO hall_staff (hall_id, id, staff_no, name, role, active)
       SELECT md5('hall-' || h)::uuid, md5('staff-' || h || '-' || w)::uuid, (1000 + w)::text, '工作人员' || w,
              'clerk', true FROM generate_series(1, :halls) h, generate_series(1, {WINDOWS}) w""",
]


def months_between(first: date, last: date) -> list[date]:
    out, m = [], partitions.month_of(first)
    while m <= last:
        out.append(m)
        m = partitions.next_month(m)
    return out


def clock(label: str, fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    result = fn()
    took = time.perf_counter() - t0
    print(f"  {label}: {took:.2f} s", flush=True)
    return took, result


def hall_uuid(h: int) -> uuid.UUID:
    return uuid.UUID(hex=hashlib.md5(f"hall-{h}".encode()).hexdigest())


def load(engine: Engine, url: str, halls: int, first: date, last: date, per_day: int, keep_events: int,
         year_halls: int | None = None, recent_first: date | None = None) -> None:
    """Month by month: rows generated in the server, then that month's summaries by the push's SQL, then the
    event partitions older than `keep_events` months dropped (detached and dropped, as an archive would) so a
    full city fits the disk; tickets, facts and summaries of every month stay. With `year_halls`, only halls
    1..year_halls have every day from `first`; the others start at `recent_first`."""
    year_halls = halls if year_halls is None else year_halls
    recent_first = recent_first or first
    months = months_between(first, last)
    partitions.ensure(engine, months)
    with engine.begin() as conn:
        for stmt in DIRECTORY_SQL:
            conn.execute(text(stmt), {"halls": halls})
    spent = {"tickets": 0.0, "events": 0.0, "summaries": 0.0}
    for i, m in enumerate(months):
        d0 = max(m, first)
        d1 = min(partitions.next_month(m) - timedelta(days=1), last)
        p = {"halls": halls, "d0": d0, "d1": d1, "n": per_day}
        with engine.begin() as conn:
            t0 = time.perf_counter()
            conn.execute(text(TICKETS_SQL), p | {"h0": 1, "h1": year_halls})
            if year_halls < halls and d1 >= recent_first:
                conn.execute(text(TICKETS_SQL), p | {"h0": year_halls + 1, "h1": halls, "d0": max(d0, recent_first)})
            t1 = time.perf_counter()
            conn.execute(text(EVENTS_SQL), p)
            conn.execute(text(RATING_SQL), p)
            t2 = time.perf_counter()
        _vacuum(url, [partitions.partition_name(t, m) for t in ("ticket", "ticket_event", "rating")])
        t3 = time.perf_counter()
        build_summaries(engine, halls if d1 >= recent_first else year_halls, m)
        t4 = time.perf_counter()
        dropped = ""
        if keep_events and i >= keep_events:
            old = partitions.partition_name("ticket_event", months[i - keep_events])
            with engine.begin() as conn:
                conn.exec_driver_sql(f'ALTER TABLE ticket_event DETACH PARTITION "{old}"')
                conn.exec_driver_sql(f'DROP TABLE "{old}"')
            dropped = f", dropped {old}"
        spent["tickets"] += t1 - t0
        spent["events"] += t2 - t1
        spent["summaries"] += t4 - t3
        print(f"  {m:%Y-%m}: tickets {t1 - t0:.1f} s, events+ratings {t2 - t1:.1f} s, summaries {t4 - t3:.1f} s"
              f"{dropped}", flush=True)
    print("  total: " + ", ".join(f"{k} {v:.0f} s" for k, v in spent.items()), flush=True)


def build_summaries(engine: Engine, halls: int, month: date) -> None:
    """Every hall's summaries of `month`, by `rebuild_month`, two halls at a time (two cores)."""

    def one(h: int) -> None:
        with engine.begin() as conn:
            refresh.rebuild_month(conn, hall_uuid(h), month, "Asia/Shanghai")

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(one, range(1, halls + 1)))


class StatementLog:
    """Every statement a report sends, with its time, so the slowest can be EXPLAINed afterwards."""

    def __init__(self, engine: Engine) -> None:
        self.rows: list[tuple[float, str, Any]] = []
        self.on = False
        self._local = threading.local()
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        self._local.t0 = time.perf_counter()

    def _after(self, conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        if self.on:
            self.rows.append((time.perf_counter() - self._local.t0, statement, params))


def timed_reports(engine: Engine, month: date, hall: str, year: Period, repeat: int) -> dict[str, Any]:
    cases: dict[str, Callable[[], Any]] = {
        f"city month {month:%Y-%m}": lambda: reports.city_report(engine, Period.month(month)),
        f"city year {year.start}..{year.end}": lambda: reports.city_report(engine, year),
        f"city two weeks {month + timedelta(days=9)}..{month + timedelta(days=22)}":
            lambda: reports.city_report(engine, Period(month + timedelta(days=9), month + timedelta(days=22))),
        f"hall {hall} month {month:%Y-%m}": lambda: reports.central_hall_report(engine, hall, Period.month(month)),
        f"hall {hall} year": lambda: reports.central_hall_report(engine, hall, year),
    }
    log = StatementLog(engine)
    out = {}
    for label, fn in cases.items():
        fn()  # the first run also refreshes whatever is queued
        times = []
        for i in range(repeat):
            log.on, log.rows = i == repeat - 1, [] if i == repeat - 1 else log.rows
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
            log.on = False
        stmts = sorted(log.rows, key=lambda r: -r[0])
        out[label] = (min(times), statistics.median(times), stmts)
        print(f"  {label}: best {min(times):.3f} s, median {statistics.median(times):.3f} s "
              f"({len(stmts)} statements, slowest {stmts[0][0]:.3f} s)", flush=True)
    return out


def explain(engine: Engine, statement: str, params: Any) -> str:
    """The plan as the report ran it: the same session settings (`reports.tune`)."""
    with engine.connect() as conn:
        reports.tune(conn)
        cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cur.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + statement, params)
        plan = "\n".join(r[0] for r in cur.fetchall())
        conn.rollback()
    return plan


def floors(engine: Engine, month: date, year: Period, hall_uuid: uuid.UUID) -> None:
    last = partitions.next_month(month) - timedelta(days=1)
    cases = [
        ("count(*) ticket, the month's partition", "SELECT count(*) FROM ticket WHERE day >= :a AND day <= :b",
         {"a": month, "b": last}),
        ("count(*) ticket_fact, the month's partition",
         "SELECT count(*) FROM ticket_fact WHERE day >= :a AND day <= :b", {"a": month, "b": last}),
        ("count(*) ticket, the year, all halls", "SELECT count(*) FROM ticket WHERE day >= :a AND day <= :b",
         {"a": year.start, "b": year.end}),
        ("count(*) ticket_fact, one hall's year",
         "SELECT count(*) FROM ticket_fact WHERE hall_id = :h AND day >= :a AND day <= :b",
         {"h": hall_uuid, "a": year.start, "b": year.end}),
        ("count(*) ticket_event, the month's partition",
         "SELECT count(*) FROM ticket_event WHERE at >= :a AND at < :b",
         {"a": datetime.combine(month, datetime.min.time()),
          "b": datetime.combine(partitions.next_month(month), datetime.min.time())}),
    ]
    for label, sql, p in cases:
        times, n = [], 0
        for _ in range(3):
            with engine.connect() as conn:
                t0 = time.perf_counter()
                n = conn.execute(text(sql), p).scalar()
                times.append(time.perf_counter() - t0)
                conn.rollback()
        print(f"  floor {label}: {n:,} rows in {min(times):.3f} s")


def nightly_push(engine: Engine, work: Path, label: str) -> None:
    """One hall with 2 days already central, then its third day (3,000 tickets) pushed: the nightly sync."""
    db = work / f"push-{label}.sqlite"
    store = open_store(db)
    seed_hall(store, SEED | {"hall": {**SEED["hall"], "code": f"NIGHT{label[:3].upper()}"}},
              today=datetime(2026, 11, 2, 9, 0).astimezone())
    with store.read() as conn:
        cat_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM category ORDER BY code").all()]
    days = [date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27)]
    generate(db, store.hall_id.hex, cat_ids, days[:2], 3000)
    assert run_sync(store, engine=engine, backup=False).ok
    generate(db, store.hall_id.hex, cat_ids, days[2:], 3000, seq0=1)
    t0 = time.perf_counter()
    report = run_sync(store, engine=engine, backup=False)
    took = time.perf_counter() - t0
    assert report.ok, report.format()
    print(f"  nightly sync into the {label} store: {sum(report.rows_up.values()):,} rows, "
          f"{len(report.checks)} table-days checked, whole run {took:.2f} s", flush=True)
    store.close()


def sizes(engine: Engine) -> None:
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT relname, pg_total_relation_size(oid) FROM pg_class WHERE relkind = 'p' OR relname IN "
            "('report_day', 'rating_day', 'wait_hist') ORDER BY 2 DESC")).all()
        db = conn.execute(text("SELECT pg_database_size(current_database())")).scalar()
        conn.rollback()
    for name, size in rows:
        parts = 0
        with engine.connect() as conn:
            parts = conn.execute(text("SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits "
                                      "WHERE inhparent = CAST(:n AS regclass)"), {"n": name}).scalar()
            conn.rollback()
        print(f"  {name}: {(size + parts) / 2**30:.2f} GiB")
    print(f"  database: {db / 2**30:.2f} GiB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--halls", type=int, default=50)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--per-day", type=int, default=3000)
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of --per-day (0.01 for a quick run)")
    ap.add_argument("--last", type=date.fromisoformat, default=date(2026, 11, 30), help="last day of data")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pg", default=os.environ.get("HALLCLIENT_TEST_PG",
                                                   "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    ap.add_argument("--year-halls", type=int, default=None,
                    help="only this many halls get every day; the others only the last --recent-days (a quicker "
                         "load that still has a full city month and full hall years)")
    ap.add_argument("--recent-days", type=int, default=30)
    ap.add_argument("--keep-events-months", type=int, default=0,
                    help="drop event partitions older than N months once summarised, to fit the disk (0: keep all)")
    ap.add_argument("--keep", action="store_true", help="keep the database (its URL is printed)")
    ap.add_argument("--reuse", default=None, help="URL of a database a --keep run left: skip loading")
    args = ap.parse_args()

    per_day = max(1, round(args.per_day * args.scale))
    first = args.last - timedelta(days=args.days - 1)
    month = partitions.month_of(args.last)
    year = Period(first, args.last)
    url = args.reuse or new_database(args.pg)
    engine = central_schema.make_central_engine(url)
    work = Path(tempfile.mkdtemp(prefix="hc-bench-central-"))
    try:
        central_schema.upgrade(engine)
        if args.year_halls is None:
            print(f"city: {args.halls} halls × {args.days} days × {per_day:,} tickets = "
                  f"{args.halls * args.days * per_day:,} tickets, {first} .. {args.last}; database {url}", flush=True)
        else:
            n = (args.year_halls * args.days + (args.halls - args.year_halls) * args.recent_days) * per_day
            print(f"city: {args.year_halls} halls × {args.days} days and {args.halls - args.year_halls} halls × "
                  f"the last {args.recent_days} days, × {per_day:,} tickets = {n:,} tickets, {first} .. {args.last}; "
                  f"database {url}", flush=True)
        if not args.reuse:
            print("loading month by month (generate_series in the server), each month's summaries built by the "
                  "push's SQL (rebuild_month, 2 halls at a time):", flush=True)
            load(engine, url, args.halls, first, args.last, per_day, args.keep_events_months, args.year_halls,
                 args.last - timedelta(days=args.recent_days - 1))
            clock("VACUUM ANALYZE", lambda: _vacuum(url))
        sizes(engine)
        print("reports (best of the runs after the first):", flush=True)
        got = timed_reports(engine, month, "BH01", year, args.repeat)
        with engine.connect() as conn:
            hall_uuid = reports.halls_for(conn, ["BH01"])[0]
            conn.rollback()
        floors(engine, month, year, hall_uuid)
        slow = sorted(((t, s, p, label) for label, (_b, _m, stmts) in got.items() for t, s, p in stmts[:2]
                       if label.startswith(("city month", "hall BH01 year"))), key=lambda x: -x[0])[:3]
        for t, statement, params, label in slow:
            print(f"\n--- plan of a slowest statement of '{label}' ({t:.3f} s):\n{explain(engine, statement, params)}")
        print("\nnightly push of one hall (3,000 tickets, one day), summaries included:", flush=True)
        nightly_push(engine, work, "full")
        empty_url = new_database(args.pg)
        empty = central_schema.make_central_engine(empty_url)
        try:
            central_schema.upgrade(empty)
            nightly_push(empty, work, "empty")
        finally:
            empty.dispose()
            drop_database(empty_url)
    finally:
        engine.dispose()
        if not args.keep and not args.reuse:
            drop_database(url)
            print("database dropped")
    return 0


def _vacuum(url: str, tables: list[str] | None = None) -> None:
    import psycopg
    from sqlalchemy import make_url

    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as c:
        c.execute("VACUUM ANALYZE " + ", ".join(f'"{t}"' for t in tables or []))


if __name__ == "__main__":
    sys.exit(main())
