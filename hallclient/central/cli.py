"""`hallclient central report|serve|user|partitions|refresh`: the city's side of the central store.

Which central store: `--url` (no password in it; the password comes from the OS keyring, stored with
`hallclient central set-credentials` on a hall PC, or `hallclient central set-credentials --url URL` here),
else the environment variable HALLCLIENT_CENTRAL_URL, else the one this hall database syncs with (`--db`),
which is the embedded `central.sqlite` when none is configured.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, make_url

from hallclient.sync import central_schema, credentials

URL_ENV = "HALLCLIENT_CENTRAL_URL"


def _month(value: str) -> date:
    try:
        y, m = value.split("-")
        return date(int(y), int(m), 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a month (YYYY-MM)") from None


def add_central_commands(csub: argparse._SubParsersAction) -> None:
    def with_url(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--url", default=None, help=f"central store URL without password (default: ${URL_ENV}, "
                                                   "else this hall's central store)")
        return p

    rep = with_url(csub.add_parser("report", help="monthly report of the city (every hall) or of one hall, "
                                                  "as PDF or XLSX"))
    when = rep.add_mutually_exclusive_group(required=True)
    when.add_argument("--month", type=_month, metavar="YYYY-MM")
    when.add_argument("--from", dest="start", type=date.fromisoformat, metavar="YYYY-MM-DD")
    rep.add_argument("--to", dest="end", type=date.fromisoformat, metavar="YYYY-MM-DD",
                     help="last day of a --from range (default: --from's month end)")
    rep.add_argument("--hall", action="append", metavar="CODE",
                     help="one hall's report (per category, item, window, clerk); twice or more: only those halls")
    rep.add_argument("-o", "--output", type=Path, required=True, metavar="月报.pdf|.xlsx")
    rep.set_defaults(func=cmd_report)

    serve = with_url(csub.add_parser("serve", help="the read-only city view for the city's officials (web)"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8480)
    serve.set_defaults(func=cmd_serve)

    user = csub.add_parser("user", help="accounts of the city view")
    usub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = with_url(usub.add_parser("add", help="a new account; the password is asked for (or read from stdin)"))
    add.add_argument("username")
    add.add_argument("--role", choices=("official", "viewer"), required=True,
                     help="official: every hall; viewer: only the halls of --halls")
    add.add_argument("--halls", default="", help="hall codes a viewer may see, comma-separated")
    add.add_argument("--name", default="", help="display name")
    add.set_defaults(func=cmd_user_add)
    lst = with_url(usub.add_parser("list", help="the accounts"))
    lst.set_defaults(func=cmd_user_list)
    for action, active in (("disable", False), ("enable", True)):
        p = with_url(usub.add_parser(action, help=f"{action} an account" + (" (ends its sessions)" if not active
                                                                              else "")))
        p.add_argument("username")
        p.set_defaults(func=cmd_user_active, active=active)

    part = csub.add_parser("partitions", help="monthly partitions of the central store (PostgreSQL)")
    psub = part.add_subparsers(dest="partitions_command", metavar="ACTION", required=True)
    with_url(psub.add_parser("list", help="partitions, attached and archived")).set_defaults(func=cmd_part_list)
    ahead = with_url(psub.add_parser("create", help="create this month's partitions and the next months'"))
    ahead.add_argument("--ahead", type=int, default=3, help="months ahead (default 3)")
    ahead.set_defaults(func=cmd_part_create)
    det = with_url(psub.add_parser("detach", help="detach the months before --before for archiving "
                                                  "(then pg_dump -t each table and drop it)"))
    det.add_argument("--before", type=_month, required=True, metavar="YYYY-MM")
    det.set_defaults(func=cmd_part_detach)
    att = with_url(psub.add_parser("attach", help="attach an archived month back"))
    att.add_argument("month", type=_month, metavar="YYYY-MM")
    att.set_defaults(func=cmd_part_attach)
    ref = with_url(csub.add_parser("refresh", help="rebuild the report summaries of days changed since the last "
                                                   "sync (normally done by each sync)"))
    ref.add_argument("--rebuild", type=_month, metavar="YYYY-MM",
                     help="rebuild every hall's summaries of this month from the rows (e.g. after an attach)")
    ref.set_defaults(func=cmd_refresh)


@contextmanager
def central_engine(args: argparse.Namespace) -> Iterator[tuple[Engine, str | None]]:
    """The central store of the command (migrated to head), and the secret to mask in messages."""
    raw = args.url or os.environ.get(URL_ENV)
    if raw:
        u = credentials.check_url(raw)
        secret = None
        if u.get_backend_name() != "sqlite":
            secret = credentials.get_password(u)
            u = u.set(password=secret) if secret else u
    else:
        from hallclient.store import open_store

        with open_store(args.db) as store:
            u, secret = credentials.resolve(store)
    engine = central_schema.make_central_engine(u)
    try:
        central_schema.upgrade(engine)
        yield engine, secret
    finally:
        engine.dispose()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def cmd_report(args: argparse.Namespace) -> int:
    from hallclient.central import reports
    from hallclient.printing.monthly_report import render_monthly

    if args.output.suffix.lower() not in (".pdf", ".xlsx"):
        raise ValueError(f"{args.output}: write the report as .pdf or .xlsx")
    if args.month:
        period = reports.Period.month(args.month)
    else:
        period = reports.Period(args.start, args.end or reports.Period.month(args.start).end)
    with central_engine(args) as (engine, _secret):
        if args.hall and len(args.hall) == 1:
            report: dict[str, Any] = reports.central_hall_report(engine, args.hall[0], period)
        else:
            report = reports.city_report(engine, period, args.hall)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    try:
        render_monthly(report, args.output)
    except OSError as exc:
        print(f"hallclient: error: {args.output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 2
    t = report["totals"]
    what = report["hall"]["name"] if report["kind"] == "hall" else f"{len(report['halls'])} halls"
    print(f"{args.output}: report of {period.label()} for {what} ({t['issued']} issued, {t['served']} served)")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from hallclient.central.web import create_app

    with central_engine(args) as (engine, _secret):
        print(f"city view on http://{args.host}:{args.port}/ (central store {credentials.display(engine.url)})",
              flush=True)
        uvicorn.run(create_app(engine), host=args.host, port=args.port, log_level="info")
    return 0


def _password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("password: ")
        if getpass.getpass("again: ") != first:
            raise ValueError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def cmd_user_add(args: argparse.Namespace) -> int:
    from hallclient.central import accounts

    halls = [h.strip() for h in args.halls.split(",") if h.strip()]
    with central_engine(args) as (engine, _secret):
        user = accounts.add_user(engine, args.username, _password(), args.role, halls, args.name, _now())
    scope = "every hall" if user.role == "official" else ", ".join(user.halls)
    print(f"city view account {user.username} ({user.role}: {scope}) created")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from hallclient.central import accounts

    with central_engine(args) as (engine, _secret):
        for user, active in accounts.list_users(engine):
            scope = "all halls" if user.role == "official" else ",".join(user.halls)
            print(f"{user.username:20} {user.role:9} {scope:30} {'active' if active else 'disabled'}")
    return 0


def cmd_user_active(args: argparse.Namespace) -> int:
    from hallclient.central import accounts

    with central_engine(args) as (engine, _secret):
        accounts.set_active(engine, args.username, args.active)
    print(f"{args.username}: {'enabled' if args.active else 'disabled, sessions ended'}")
    return 0


def cmd_part_list(args: argparse.Namespace) -> int:
    from hallclient.central import partitions

    with central_engine(args) as (engine, _secret):
        rows = partitions.listing(engine)
    if not rows:
        print("no partitions: the embedded SQLite central store is not partitioned")
    for p in rows:
        print(f"{p.month:%Y-%m}  {p.table:13} {p.name:26} {'attached' if p.attached else 'ARCHIVED (detached)':20}"
              f" ~{max(p.rows, 0):,} rows")
    return 0


def cmd_part_create(args: argparse.Namespace) -> int:
    from hallclient.central import partitions

    with central_engine(args) as (engine, _secret):
        made = partitions.ensure_ahead(engine, _now().date(), args.ahead)
    print(f"created {len(made)} partitions" + (": " + ", ".join(made) if made else " (all there already)"))
    return 0


def cmd_part_detach(args: argparse.Namespace) -> int:
    from hallclient.central import partitions

    with central_engine(args) as (engine, _secret):
        done = partitions.detach(engine, args.before, now=_now())
        db = make_url(engine.url).database
    if not done:
        print(f"nothing to detach before {args.before:%Y-%m}")
        return 0
    print(f"detached {len(done)} partitions; their months' summaries stay in the reports.")
    print("archive each, then drop it, e.g.:")
    for name in done:
        print(f"  pg_dump -Fc -t {name} -f {name}.dump {db} && psql {db} -c 'DROP TABLE {name}'")
    return 0


def cmd_part_attach(args: argparse.Namespace) -> int:
    from hallclient.central import partitions

    with central_engine(args) as (engine, _secret):
        done = partitions.attach(engine, args.month)
    print(f"attached {', '.join(done)}")
    return 0


def cmd_refresh(args: argparse.Namespace) -> int:
    from hallclient.central import refresh, reports

    with central_engine(args) as (engine, _secret):
        if args.rebuild:
            with engine.begin() as conn:
                halls = reports.known_halls(conn)
                zones = {h: reports.Names.load(conn, [h]).halls.get(h, {}).get("timezone") for h in halls.values()}
                for _code, hall_id in sorted(halls.items()):
                    refresh.rebuild_month(conn, hall_id, args.rebuild, zones[hall_id] or "Asia/Shanghai")
            print(f"rebuilt {args.rebuild:%Y-%m} for {len(halls)} halls")
            return 0
        n = refresh.refresh(engine)
    print(f"rebuilt the summaries of {n} hall-days")
    return 0
