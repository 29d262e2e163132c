"""`hallclient report daily [--day YYYY-MM-DD] -o FILE.pdf`: the daily report (日报) straight from the hall
database, on the hall node's PC (no login needed there; the console fetches the same figures over the LAN)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser("report", help="print reports to PDF: the daily report (日报)")
    rsub = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    daily = rsub.add_parser("daily", help="one business day: volumes, waits, SLA colours, green channel, ratings")
    daily.add_argument("--day", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                       help="business day (default: today in the hall's time zone)")
    daily.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    daily.add_argument("--hall-name", default=None, help="hall name printed on the report (default: the hall's)")
    daily.set_defaults(func=cmd_daily)


def cmd_daily(args: argparse.Namespace) -> int:
    from hallclient.printing.daily_report import render_daily_report
    from hallclient.store import StoreError, open_store, utc_now
    from hallclient.store.reports import daily_report

    db = Path(args.db)
    if not db.is_file():
        print(f"hallclient: error: {db}: no such hall database; pass --db", file=sys.stderr)
        return 2
    try:
        with open_store(db) as store:
            now = utc_now()
            today = store.local_day(now)
            day = args.day or today
            if day > today:
                print(f"hallclient: error: --day {day.isoformat()} is after today ({today.isoformat()}, hall time)",
                      file=sys.stderr)
                return 2
            report = daily_report(store, day, now)
            hall_name = args.hall_name or store.hall().name
    except StoreError as exc:
        print(f"hallclient: error: {exc}", file=sys.stderr)
        return 2
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        render_daily_report(report, hall_name, args.output)
    except OSError as exc:
        print(f"hallclient: error: {args.output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 2
    t = report["totals"]
    print(f"{args.output}: daily report of {day.isoformat()} ({t['issued']} issued, {t['served']} served)")
    return 0
