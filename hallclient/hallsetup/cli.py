"""`hallclient hall …`: set up a new hall (prompts or a file), export it, write a template, hand out a password.

    hallclient --db hall.sqlite hall init                      # questions in the terminal
    hallclient --db hall.sqlite hall init --from 大厅.xlsx      # a hall file (JSON/XLSX), checked first
    hallclient --db hall.sqlite hall export -o 大厅.xlsx
    hallclient hall template -o 大厅模板.xlsx
    hallclient --db hall.sqlite hall password 1001             # a one-time password, e.g. a locked-out admin

`init` changes nothing unless everything checks out: a bad file (or answer) is reported with file, sheet, row
and field, and the database is not even created. The first admin's password is asked (twice at a terminal;
one line from standard input when piped, or with --admin-password-stdin); further staff in the file get
one-time passwords, printed once.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from hallclient.catalogue.validate import BadValue
from hallclient.hallsetup.hallfile import HallFileInvalid
from hallclient.hallsetup.model import HallSetup

EXIT_BAD_INPUT = 2


def add_parser(sub: argparse._SubParsersAction) -> None:
    hall = sub.add_parser("hall", help="set up a new hall, export its set-up, or hand out a one-time password")
    hsub = hall.add_subparsers(dest="hall_command", metavar="ACTION", required=True)
    init = hsub.add_parser("init", help="set up a new hall in an empty database (questions, or --from FILE)",
                           description="Create the hall, its hours, windows, service catalogue and first admin. "
                                       "Without --from, asks in the terminal. Nothing is written unless every "
                                       "value checks out.")
    init.add_argument("--from", dest="source", type=Path, metavar="FILE", help="hall file (.json or .xlsx)")
    init.add_argument("--catalogue", type=Path, metavar="FILE",
                      help="the service catalogue (.json or .xlsx), when the hall file does not carry one")
    init.add_argument("--admin-password-stdin", action="store_true",
                      help="read the first admin's password as one line from standard input")
    init.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    init.set_defaults(func=cmd_init)
    exp = hsub.add_parser("export", help="write the hall's set-up (hall, windows, staff, catalogue) to a file")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help=".json or .xlsx")
    exp.set_defaults(func=cmd_export)
    tpl = hsub.add_parser("template", help="write a hall file template (a small sample hall) to fill in")
    tpl.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help=".json or .xlsx")
    tpl.set_defaults(func=cmd_template)
    pw = hsub.add_parser("password", help="give a staff member a one-time password (printed once)")
    pw.add_argument("staff_no", metavar="STAFF_NO")
    pw.set_defaults(func=cmd_password)


def _fail(message: str) -> int:
    print(f"hallclient: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def existing_hall(db: Path) -> str | None:
    """The name of the hall a database file holds, read without changing the file (None: no hall yet)."""
    if not db.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT name FROM hall LIMIT 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # no hall table yet (an empty or fresh file); `open_store` judges the rest
    return row[0] if row else None


def _report_problems(source: str, exc: HallFileInvalid) -> int:
    count = len(exc.problems)
    print(f"hallclient: error: {source}: {count} problem{'s' if count != 1 else ''}; nothing was set up",
          file=sys.stderr)
    for problem in exc.problems:
        print(f"  {problem}", file=sys.stderr)
    return EXIT_BAD_INPUT


def cmd_init(args: argparse.Namespace) -> int:
    from hallclient.hallsetup import prompts
    from hallclient.hallsetup.hallfile import load_hall_file

    db = Path(args.db)
    name = existing_hall(db)
    if name is not None:
        return _fail(f"{db} already holds hall {name!r}; `hall init` sets up a new database (use another --db)")
    interactive = sys.stdin.isatty() and not args.admin_password_stdin
    p = prompts.Prompter(sys.stdin, sys.stderr if not sys.stdin.isatty() else sys.stdout, interactive)
    try:
        if args.source is not None:
            setup = load_hall_file(args.source, args.catalogue)
            print(f"{args.source.name}: checked: {setup.hall.name}, {len(setup.windows)} windows, "
                  f"{1 + len(setup.staff)} staff, {len(setup.catalogue.categories) if setup.catalogue else 0} "
                  "categories")
        else:
            setup = prompts.ask_setup(p, args.catalogue)
        print(f"第一位管理员 first admin: {setup.admin.staff_no} {setup.admin.name}", file=p.out)
        password = prompts.ask_password(p, setup.admin.staff_no)
        if interactive and not args.yes and not p.yes(f"创建大厅 {setup.hall.name} create the hall now?", True):
            print("nothing was set up")
            return 1
    except HallFileInvalid as exc:
        return _report_problems(args.source.name if args.source else "the answers", exc)
    except (BadValue, prompts.InputEnded) as exc:
        return _fail(f"{exc}; nothing was set up")
    return _create(db, setup, password)


def _create(db: Path, setup: HallSetup, password: str) -> int:
    from hallclient.store import open_store
    from hallclient.store.hall_repo import create_hall

    with open_store(db) as store:
        report = create_hall(store, setup, password)
    counts = ", ".join(f"{n} {what}" for what, n in report.counts.items())
    print(f"{db}: hall {report.hall} set up: {counts}")
    if report.one_time_passwords:
        print("one-time passwords (each person sets their own at the first login; shown only now):")
        for staff_no, name, pw in report.one_time_passwords:
            print(f"  {staff_no:<10} {name:<10} {pw}")
    print(f"start it: hallclient --db {db} serve --host 0.0.0.0")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from hallclient.hallsetup.hallfile import format_of, write_hall_file
    from hallclient.store import open_store
    from hallclient.store.hall_repo import read_setup

    try:
        format_of(args.output)
    except ValueError as exc:
        return _fail(str(exc))
    if not Path(args.db).is_file():
        return _fail(f"{args.db}: no such hall database")
    with open_store(args.db) as store:
        setup = read_setup(store)
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        write_hall_file(setup, args.output)
    except OSError as exc:
        return _fail(f"{args.output}: cannot write ({exc.strerror or exc})")
    cats = len(setup.catalogue.categories) if setup.catalogue else 0
    print(f"{args.output}: {setup.hall.name}: {len(setup.windows)} windows, {1 + len(setup.staff)} staff, "
          f"{cats} categories (no passwords)")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from hallclient.hallsetup.hallfile import format_of, write_hall_file
    from hallclient.hallsetup.sample import sample_setup

    try:
        format_of(args.output)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        write_hall_file(sample_setup(), args.output)
    except ValueError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.output}: cannot write ({exc.strerror or exc})")
    print(f"{args.output}: template written; fill it in and run `hallclient hall init --from {args.output.name}`")
    return 0


def cmd_password(args: argparse.Namespace) -> int:
    from hallclient.store import open_store, utc_now
    from hallclient.store.staff_repo import Actor, reset_to_one_time

    if not Path(args.db).is_file():
        return _fail(f"{args.db}: no such hall database")
    with open_store(args.db) as store:
        password = reset_to_one_time(store, args.staff_no, Actor(None, "cli"), utc_now())
    print(f"one-time password for {args.staff_no} (shown only now; they set their own at the next login):")
    print(password)
    return 0
