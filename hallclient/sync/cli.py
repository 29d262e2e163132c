"""`hallclient sync` and `hallclient central …`: run the nightly sync by hand, and say where the central
store is and how to log in (the password goes to the OS keyring, never to a file or the screen)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import Any

from hallclient import secret_store
from hallclient.central.cli import add_central_commands
from hallclient.store import open_store
from hallclient.sync import central_schema, credentials, pull, push
from hallclient.sync.report import SyncReport
from hallclient.sync.run import run_sync
from hallclient.sync.scheduler import NightlyScheduler, last_success, plan_for


def add_parser(sub: argparse._SubParsersAction) -> None:
    sync = sub.add_parser("sync", help="nightly sync with the central store (backs up first)")
    sync.add_argument("--now", action="store_true", help="run now even if tonight's sync already ran")
    sync.add_argument("--full-check", action="store_true", help="compare every day, not just the days sent")
    sync.add_argument("--wait", action="store_true",
                      help="stay in the foreground and run every night (for halls without a hall node service)")
    sync.add_argument("--json", action="store_true", help="print the report as JSON")
    sync.add_argument("--batch-size", type=int, default=push.DEFAULT_BATCH, help=argparse.SUPPRESS)
    sync.set_defaults(func=cmd_sync)

    central = sub.add_parser("central", help="the central store: URL, credentials, status, releases")
    csub = central.add_subparsers(dest="central_command", metavar="ACTION", required=True)
    url = csub.add_parser("set-url", help="where the central store is, WITHOUT the password "
                                          "(postgresql://user@host:5432/db)")
    url.add_argument("url")
    url.set_defaults(func=cmd_set_url)
    cred = csub.add_parser("set-credentials", help="store the central store's password in the OS keyring "
                                                   "(prompted; or piped on stdin)")
    cred.add_argument("--url", default=None, help="for this central store URL instead of this hall's "
                                                  "(on the city's server)")
    cred.set_defaults(func=cmd_set_credentials)
    status = csub.add_parser("status", help="URL (masked), credentials, watermark, pending rows, last run")
    status.set_defaults(func=cmd_status)
    pub = csub.add_parser("publish", help="publish a reference-data release for this hall (central admin)")
    pub.add_argument("file", type=Path, help="release JSON (see `central export-release`)")
    pub.add_argument("--note", default="")
    pub.set_defaults(func=cmd_publish)
    exp = csub.add_parser("export-release", help="write this hall's reference data as a release JSON")
    exp.add_argument("file", type=Path)
    exp.set_defaults(func=cmd_export)
    add_central_commands(csub)  # the city's side: reports, the city view, partitions


def cmd_sync(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        if args.wait:
            sched = NightlyScheduler(store, job=lambda: _print(run_sync(store), args.json))
            print(f"waiting for the nightly sync at {plan_for(store).at:%H:%M} hall time; Ctrl+C stops",
                  flush=True)
            sched.run()
            return 0
        plan = plan_for(store)
        if not args.now and not plan.due(push.utc_now(), last_success(store)):
            nxt = plan.next_slot(push.utc_now())
            print(f"tonight's sync already ran; next at {plan.at:%H:%M} hall time ({nxt:%Y-%m-%d %H:%M} UTC). "
                  "Use --now to run anyway.")
            return 0
        report = _print(run_sync(store, full_check=args.full_check, batch_size=args.batch_size), args.json)
        return 0 if report.ok else 1


def _print(report: SyncReport, as_json: bool) -> SyncReport:
    print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2, default=str) if as_json else report.format(),
          flush=True)
    return report


def cmd_set_url(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        u = credentials.set_url(store, args.url)
    print(f"central store: {credentials.display(u)}")
    if u.get_backend_name() != "sqlite":
        print("store its password with: hallclient central set-credentials")
    return 0


def cmd_set_credentials(args: argparse.Namespace) -> int:
    if getattr(args, "url", None):
        u: Any = credentials.check_url(args.url)
    else:
        with open_store(args.db) as store:
            u = credentials.get_url(store)
    if u is None:
        raise ValueError("set the central store's URL first: hallclient central set-url postgresql://user@host/db")
    if sys.stdin.isatty():
        password = getpass.getpass(f"password for {credentials.display(u)}: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    saved = credentials.set_password(u, password)
    print(f"password for {credentials.display(u)} {saved.describe()}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    secret = None
    try:
        configured = credentials.get_url(store)
        url, secret = credentials.resolve(store)
        print(f"central store: {credentials.display(url)}" + ("" if configured else " (embedded default)"))
        if configured is not None and url.get_backend_name() != "sqlite":
            print(f"credentials: {'stored' if secret else 'none stored'}; {secret_store.describe_storage()[1]}")
        with store.read() as conn:
            pending = conn.exec_driver_sql("SELECT count(*), max(seq) FROM outbox WHERE seq > ?",
                                           (int(push.get_state(store, "push").get("acked_seq", 0)),)).one()
        print(f"outbox: {pending[0]} entries not yet acknowledged")
        last = push.get_state(store, "last_run")
        if last:
            print("last run: " + ", ".join(f"{k} {v}" for k, v in last.items() if v is not None))
        print(f"reference release in force: {pull.applied_version(store)}")
        plan = plan_for(store)
        print(f"nightly at {plan.at:%H:%M} hall time; next {plan.next_slot(push.utc_now()):%Y-%m-%d %H:%M} UTC")
        engine = central_schema.make_central_engine(url)
        try:
            with engine.connect() as conn:
                wm = push.read_watermark(conn, store.hall_id) \
                    if central_schema.current_revision(engine) is not None else None
                offset = (push.central_now(conn) - push.utc_now()).total_seconds()
                conn.rollback()
            print(f"central reachable; watermark {wm.last_seq if wm else 0}; clock offset {offset:+.1f} s")
        except Exception as exc:
            print(f"central NOT reachable: {credentials.mask(str(exc).splitlines()[0], secret)}")
            return 1
        finally:
            engine.dispose()
    finally:
        store.close()
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    data = json.loads(Path(args.file).read_text(encoding="utf-8"))
    with open_store(args.db) as store:
        url, _secret = credentials.resolve(store)
        engine = central_schema.make_central_engine(url)
        try:
            central_schema.upgrade(engine)
            version = pull.publish_release(engine, store.hall_id, data, note=args.note)
        finally:
            engine.dispose()
    print(f"published reference release {version} for this hall; halls apply it at their next sync")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        data = pull.export_release(store)
    Path(args.file).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {args.file}")
    return 0
