"""`hallclient db …`: create, upgrade, check, back up and seed the hall database."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from hallclient.store import open_store, schema
from hallclient.store.backup import backup_with_rotation
from hallclient.store.journal import verify_audit_chain
from hallclient.store.seed import DEMO_PASSWORD, load_seed, seed_hall


def add_parser(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="create, upgrade, check, back up or seed the hall database")
    dbsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dbsub.add_parser("upgrade", help="create the database or migrate it to the newest schema (backs up first)")
    up.set_defaults(func=cmd_upgrade)
    seed = dbsub.add_parser("seed-demo", help="fill an empty database with the demo hall")
    seed.add_argument("--seed-file", type=Path, default=None, help="seed JSON (default: the bundled demo hall)")
    seed.set_defaults(func=cmd_seed)
    check = dbsub.add_parser("check", help="integrity check, schema version and audit-chain check")
    check.set_defaults(func=cmd_check)
    backup = dbsub.add_parser("backup", help="online backup next to the database (keeps the newest N)")
    backup.add_argument("--keep", type=int, default=7)
    backup.add_argument("--dir", type=Path, default=None, help="backup folder (default: backups/ beside the db)")
    backup.set_defaults(func=cmd_backup)


def cmd_upgrade(args: argparse.Namespace) -> int:
    before = schema.inspect_database(args.db)
    store = open_store(args.db)
    store.close()
    if before.up_to_date:
        print(f"{args.db}: already at schema {before.head}")
    else:
        print(f"{args.db}: schema {before.revision or '(new)'} → {before.head}")
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        counts = seed_hall(store, load_seed(args.seed_file))
        hall = store.hall()
    print(f"{args.db}: seeded {hall.name}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    print(f"demo staff log in with their staff number and password {DEMO_PASSWORD!r}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    if not Path(args.db).exists():
        print(f"hallclient: error: {args.db}: no such database", flush=True)
        return 2
    state = schema.inspect_database(args.db)  # raises with a clear message if damaged or too new
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    ok = integrity == ["ok"] and not fk
    print(f"{args.db}: integrity {'ok' if integrity == ['ok'] else '; '.join(integrity[:5])}")
    print(f"foreign keys: {'ok' if not fk else f'{len(fk)} broken references'}")
    print(
        f"schema: {state.revision or '(empty)'} (this hallclient knows up to {state.head})"
        + ("" if state.up_to_date else " — run `hallclient db upgrade`")
    )
    if state.revision is not None and state.up_to_date:
        with open_store(args.db, migrate=False) as store, store.read() as c:
            problems = verify_audit_chain(c)
        print(f"audit chain: {'ok' if not problems else '; '.join(problems[:5])}")
        ok = ok and not problems
    return 0 if ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    if not Path(args.db).exists():
        print(f"hallclient: error: {args.db}: no such database")
        return 2
    dest = backup_with_rotation(Path(args.db), args.dir or Path(args.db).parent / "backups", "manual", keep=args.keep)
    print(f"backup written: {dest}")
    return 0
