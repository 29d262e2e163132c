"""Benchmark of the nightly sync's push (prints figures; not a test).

1. A year of a busy hall (default 750,000 tickets, each issued/called/started/finished, every third one
   rated) is generated straight into SQLite with executemany, outbox rows included, as the queue would
   have written them (one outbox entry per ticket change and per event).
2. Full push into an empty central PostgreSQL: rows/s.
3. Baseline: PostgreSQL COPY of the same rows into an identical empty schema, in the same run (read from
   SQLite the same way, and COPY alone), and the ratio (target: push >= 1/5 of COPY).
4. An incremental nightly sync of one more day (whole run: backup, push, checks, pull) - target <= 10 s.

    /work/venv/bin/python tests/benchmarks/bench_sync.py [--tickets 750000] [--pg URL]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import psycopg
from sqlalchemy import make_url

from hallclient.central import partitions
from hallclient.store import open_store
from hallclient.store.seed import seed_hall
from hallclient.sync import central_schema
from hallclient.sync.central_tables import UP_TABLES
from hallclient.sync.push import columns, push
from hallclient.sync.run import run_sync

SEED = {
    "hall": {"code": "BENCH", "name": "基准测试大厅", "timezone": "Asia/Shanghai"},
    "categories": [{"code": f"C{i}", "name": f"类别{i}", "prefix": chr(65 + i), "yellow_after_min": 15,
                    "red_after_min": 30} for i in range(8)],
    "items": [],
    "windows": [{"no": n, "primary": [f"C{n % 8}"], "secondary": []} for n in range(1, 31)],
    "staff": [{"staff_no": "9001", "name": "基准", "role": "clerk"}],
}


def _ts(d: datetime) -> str:
    return d.strftime("%Y-%m-%d %H:%M:%S.%f")


def _uuid7_hex(ms: int, rnd: random.Random) -> str:
    """A UUIDv7 in SQLite's storage form (32 hex digits), fast."""
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rnd.getrandbits(12) << 64 | 0b10 << 62 | rnd.getrandbits(62)
    return f"{value:032x}"


def generate(db: Path, hall_id: str, cat_ids: list[str], days: list[date], per_day: int, seq0: int = 0) -> int:
    """Tickets, events and outbox rows of `days`, `per_day` tickets each; returns the rows generated."""
    rnd = random.Random(7 + seq0)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    tcols = columns("ticket")
    ecols = columns("ticket_event")
    t_sql = f"INSERT INTO ticket ({', '.join(tcols)}) VALUES ({', '.join('?' * len(tcols))})"
    e_sql = f"INSERT INTO ticket_event ({', '.join(ecols)}) VALUES ({', '.join('?' * len(ecols))})"
    o_sql = "INSERT INTO outbox (table_name, row_id, at) VALUES (?, ?, ?)"
    total = 0
    for day in days:
        tickets, events, outbox = [], [], []
        base = datetime.combine(day, datetime.min.time()) + timedelta(hours=1)  # 09:00 Shanghai
        for n in range(per_day):
            issued = base + timedelta(seconds=n * 8 * 3600 // per_day)
            called = issued + timedelta(minutes=rnd.randint(1, 40))
            started = called + timedelta(seconds=rnd.randint(20, 120))
            finished = started + timedelta(minutes=rnd.randint(3, 25))
            cat = n % len(cat_ids)
            tid = _uuid7_hex(int(issued.timestamp() * 1000), rnd)
            rated = n % 3 == 0
            version = 5 if rated else 4
            row = {
                "id": tid, "hall_id": hall_id, "day": day.isoformat(), "number": f"{chr(65 + cat)}{n // 8 + 1:03d}",
                "seq": n // 8 + 1, "category_id": cat_ids[cat], "item_id": None, "status": "finished",
                "issued_at": _ts(issued), "called_at": _ts(called), "started_at": _ts(started),
                "finished_at": _ts(finished), "window_no": 1 + n % 30, "clerk_id": None, "recall_count": 0,
                "transfer_count": 0, "target_window": None, "green_reason": None, "green_note": "",
                "green_flagged_by": None, "green_flagged_at": None, "appointment_id": None,
                "appointment_slot": None, "rating": 5 if rated else None, "rating_reason": "",
                "rated_at": _ts(finished) if rated else None, "version": version,
            }
            tickets.append(tuple(row[c] for c in tcols))
            steps = [("issued", None, "waiting", issued), ("call", "waiting", "called", called),
                     ("start", "called", "serving", started), ("finish", "serving", "finished", finished)]
            if rated:
                steps.append(("rated", "finished", "finished", finished))
            for kind, frm, to, at in steps:
                eid = _uuid7_hex(int(at.timestamp() * 1000), rnd)
                ev = {"id": eid, "hall_id": hall_id, "ticket_id": tid, "kind": kind, "from_status": frm,
                      "to_status": to, "at": _ts(at), "staff_id": None, "window_no": row["window_no"],
                      "detail": '{"source": "kiosk"}' if kind == "issued" else "null"}
                events.append(tuple(ev[c] for c in ecols))
                outbox.append(("ticket", tid, _ts(at)))
                outbox.append(("ticket_event", eid, _ts(at)))
        con.executemany(t_sql, tickets)
        con.executemany(e_sql, events)
        con.executemany(o_sql, outbox)
        con.commit()
        total += len(tickets) + len(events)
    con.close()
    return total


def new_database(base: str) -> str:
    name = f"hc_bench_{uuid.uuid4().hex[:10]}"
    admin = make_url(base).set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return make_url(base).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    u = make_url(url)
    admin = u.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{u.database}" WITH (FORCE)')


def copy_baseline(db: Path, url: str) -> tuple[float, float, int]:
    """COPY the same rows into an identical empty schema: (read+COPY seconds, COPY-only seconds, rows)."""
    engine = central_schema.make_central_engine(url)
    central_schema.upgrade(engine)
    con = sqlite3.connect(db)
    months = {date.fromisoformat(f"{m}-01") for (m,) in con.execute(
        "SELECT DISTINCT substr(day, 1, 7) FROM ticket UNION SELECT DISTINCT substr(at, 1, 7) FROM ticket_event")}
    partitions.ensure(engine, months)  # the push makes its months' partitions itself
    engine.dispose()
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    t0 = time.perf_counter()
    copy_only = 0.0
    rows_total = 0
    with psycopg.connect(dsn) as pg, pg.cursor() as cur:
        for table in UP_TABLES:
            cols = columns(table)
            col_list = ", ".join(f'"{c}"' for c in cols)
            cursor = con.execute(f'SELECT {col_list} FROM "{table}"')
            while True:
                chunk = cursor.fetchmany(50_000)
                if not chunk:
                    break
                c0 = time.perf_counter()
                with cur.copy(f'COPY "{table}" ({col_list}) FROM STDIN') as cp:
                    for r in chunk:
                        cp.write_row(r)
                copy_only += time.perf_counter() - c0
                rows_total += len(chunk)
        c0 = time.perf_counter()
        pg.commit()
        copy_only += time.perf_counter() - c0
    con.close()
    return time.perf_counter() - t0, copy_only, rows_total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tickets", type=int, default=750_000)
    ap.add_argument("--days", type=int, default=250, help="working days in the year")
    ap.add_argument("--pg", default=os.environ.get("HALLCLIENT_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    ap.add_argument("--batch", type=int, default=20_000)
    ap.add_argument("--dir", type=Path, default=None, help="work folder (default: a temporary one)")
    args = ap.parse_args()

    work = args.dir or Path(tempfile.mkdtemp(prefix="hc-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "hall.sqlite"
    for p in work.glob("hall.sqlite*"):
        p.unlink()
    store = open_store(db)
    seed_hall(store, SEED, today=datetime(2026, 1, 2, 9, 0).astimezone())
    hall_id = store.hall_id.hex
    with store.read() as conn:
        cat_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM category ORDER BY code").all()]
    store.close()
    per_day = args.tickets // args.days
    days, d = [], date(2026, 1, 5)
    while len(days) < args.days:
        if d.weekday() < 5:
            days.append(d)
        d += timedelta(days=1)
    t0 = time.perf_counter()
    rows = generate(db, hall_id, cat_ids, days, per_day)
    print(f"generated {per_day * len(days):,} tickets, {rows:,} rows (tickets+events) over {len(days)} days "
          f"in {time.perf_counter() - t0:.1f} s; hall db {db.stat().st_size / 2**20:.0f} MiB")

    url_push, url_copy = new_database(args.pg), new_database(args.pg)
    try:
        engine = central_schema.make_central_engine(url_push)
        central_schema.upgrade(engine)
        store = open_store(db)
        t0 = time.perf_counter()
        res = push(store, engine, batch_size=args.batch)
        push_s = time.perf_counter() - t0
        print(f"full push: {res.total_rows:,} rows in {push_s:.1f} s = {res.total_rows / push_s:,.0f} rows/s "
              f"({res.batches} batches of {args.batch} outbox entries, {res.outbox_rows:,} entries)")

        copy_s, copy_only_s, copy_rows = copy_baseline(db, url_copy)
        print(f"COPY baseline: {copy_rows:,} rows: read from SQLite + COPY {copy_s:.1f} s = "
              f"{copy_rows / copy_s:,.0f} rows/s; "
              f"COPY alone {copy_only_s:.1f} s = {copy_rows / copy_only_s:,.0f} rows/s")
        print(f"push / COPY ratio: {copy_s / push_s:.2f} (vs read+COPY), {copy_only_s / push_s:.2f} (vs COPY alone);"
              f" target >= 0.20")

        next_day = days[-1] + timedelta(days=1)
        while next_day.weekday() >= 5:
            next_day += timedelta(days=1)
        generate(db, hall_id, cat_ids, [next_day], per_day, seq0=1)
        t0 = time.perf_counter()
        report = run_sync(store, engine=engine, backup=False)
        inc_s = time.perf_counter() - t0
        print(f"incremental nightly sync of one day ({sum(report.rows_up.values()):,} rows, "
              f"{len(report.checks)} table-days checked, ok={report.ok}): {inc_s:.2f} s without backup")
        generate(db, hall_id, cat_ids, [next_day + timedelta(days=1)], per_day, seq0=2)
        t0 = time.perf_counter()
        report = run_sync(store, engine=engine, backup=True)
        inc_b = time.perf_counter() - t0
        print(f"incremental nightly sync incl. the pre-sync backup of the {db.stat().st_size / 2**20:.0f} MiB db: "
              f"{inc_b:.2f} s (ok={report.ok}); target <= 10 s")
        store.close()
        engine.dispose()
    finally:
        drop_database(url_push)
        drop_database(url_copy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
