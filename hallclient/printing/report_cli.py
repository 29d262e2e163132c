"""`hallclient report daily [--day YYYY-MM-DD] -o FILE.pdf` and `hallclient report monthly [--month YYYY-MM]
-o FILE.pdf|.xlsx`: the daily report (日报) and the monthly report (月报) straight from the hall database, on the
hall node's PC (no login needed there; the console fetches the same figures over the LAN)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any


def add_parser(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser("report", help="print reports to PDF: the daily report (日报)")
    rsub = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    daily = rsub.add_parser("daily", help="one business day: volumes, waits, SLA colours, green channel, ratings")
    daily.add_argument("--day", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                       help="business day (default: today in the hall's time zone)")
    daily.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    daily.add_argument("--hall-name", default=None, help="hall name printed on the report (default: the hall's)")
    daily.set_defaults(func=cmd_daily)
    monthly = rsub.add_parser("monthly", help="one month (or --from/--to): the daily report's figures per category, "
                                              "item, window and clerk, ratings, 红旗窗口 ranking")
    monthly.add_argument("--month", default=None, metavar="YYYY-MM", help="default: this month (hall time)")
    monthly.add_argument("--from", dest="start", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD")
    monthly.add_argument("--to", dest="end", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD")
    monthly.add_argument("-o", "--output", type=Path, required=True, metavar="月报.pdf|.xlsx")
    monthly.set_defaults(func=cmd_monthly)


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


def cmd_monthly(args: argparse.Namespace) -> int:
    from hallclient.central.hall_report import monthly_report
    from hallclient.printing.monthly_report import render_monthly
    from hallclient.store import StoreError, open_store, utc_now

    db = Path(args.db)
    if not db.is_file():
        print(f"hallclient: error: {db}: no such hall database; pass --db", file=sys.stderr)
        return 2
    if args.output.suffix.lower() not in (".pdf", ".xlsx"):
        print(f"hallclient: error: {args.output}: write the report as .pdf or .xlsx", file=sys.stderr)
        return 2
    try:
        with open_store(db) as store:
            now = utc_now()
            period = monthly_period(args.month, args.start, args.end, store.local_day(now))
            report = monthly_report(store, period, now)
    except (StoreError, ValueError) as exc:
        print(f"hallclient: error: {exc}", file=sys.stderr)
        return 2
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        render_monthly(report, args.output)
    except OSError as exc:
        print(f"hallclient: error: {args.output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 2
    t = report["totals"]
    print(f"{args.output}: monthly report of {period.label()} ({t['issued']} issued, {t['served']} served)")
    return 0


def monthly_period(month: str | None, start: date | None, end: date | None, today: date) -> Any:
    """The period of `--month` or `--from/--to` (default: this month), never one that starts after today."""
    from hallclient.central.reports import Period

    if month and (start or end):
        raise ValueError("give --month or --from/--to, not both")
    if start or end:
        if not (start and end):
            raise ValueError("--from and --to go together")
        period = Period(start, end)
    else:
        try:
            y, m = (month or f"{today:%Y-%m}").split("-")
            period = Period.month(date(int(y), int(m), 1))
        except ValueError:
            raise ValueError(f"--month {month!r}: not a month (YYYY-MM)") from None
    if period.start > today:
        raise ValueError(f"{period.label()} starts after today ({today.isoformat()}, hall time)")
    return period
