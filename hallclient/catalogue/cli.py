"""`hallclient catalog …`: import, export and template files of the hall's service catalogue."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hallclient.catalogue.formats import FORMATS, format_of, write_catalogue
from hallclient.catalogue.validate import CatalogueInvalid


def add_parser(sub: argparse._SubParsersAction) -> None:
    catalog = sub.add_parser("catalog", help="import or export the service catalogue (JSON, CSV, XLSX)")
    csub = catalog.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)

    imp = csub.add_parser("import", help="check a catalogue file and apply it (all or nothing)",
                          description="Check every row of FILE and, only if all are good, make the hall's "
                          "catalogue equal to it in one transaction. Items missing from the file are "
                          "deactivated, not deleted. The format follows the suffix: .json, .csv or .xlsx.")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="check and report what would change; change nothing")
    imp.add_argument("--partial", action="store_true",
                     help="the file holds only some items (e.g. one category's): leave the others as they are "
                          "instead of deactivating them")
    imp.add_argument("--verbose", "-v", action="store_true", help="list the codes added, updated and deactivated")
    imp.set_defaults(func=cmd_import)

    exp = csub.add_parser("export", help="write the hall's active catalogue to a file (format from the suffix)")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    exp.add_argument("--format", choices=FORMATS, default=None, help="override the format taken from the suffix")
    exp.set_defaults(func=cmd_export)

    tpl = csub.add_parser("template", help="write an import template with a few demo items (format from suffix)")
    tpl.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    tpl.set_defaults(func=cmd_template)


def _fail(message: str) -> int:
    print(f"hallclient: error: {message}", file=sys.stderr)
    return 2


def _existing_db(args: argparse.Namespace) -> Path | None:
    db = Path(args.db)
    return db if db.is_file() else None


def cmd_import(args: argparse.Namespace) -> int:
    from hallclient.store import StoreError, open_store
    from hallclient.store.catalogue_repo import import_file

    db = _existing_db(args)
    if db is None:
        return _fail(f"{args.db}: no such hall database; create one with `hallclient db upgrade` and "
                     "`hallclient db seed-demo`, or pass --db")
    try:
        store = open_store(db)
    except StoreError as exc:
        return _fail(str(exc))
    try:
        report = import_file(store, args.file, dry_run=args.dry_run, partial=args.partial)
    except CatalogueInvalid as exc:
        count = len(exc.problems)
        print(f"hallclient: error: {args.file.name}: {count} problem{'s' if count != 1 else ''}; nothing was imported",
              file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except StoreError as exc:
        return _fail(f"{args.file.name}: {exc}; nothing was imported")
    finally:
        store.close()
    verb = "would change" if args.dry_run else ("imported" if report.changed else "no changes")
    print(f"{args.file.name}: {verb} ({'dry run, nothing written' if args.dry_run else db})")
    for line in report.lines():
        print(f"  {line}")
    if args.verbose:
        for label, changes in (("category", report.categories), ("item", report.items)):
            if changes is None:
                continue
            for what in ("added", "updated", "deactivated"):
                codes = getattr(changes, what)
                if codes:
                    print(f"  {label} {what}: {', '.join(codes)}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from hallclient.store import StoreError, open_store
    from hallclient.store.catalogue_repo import load_store_catalogue

    try:
        fmt = format_of(args.output, args.format)
    except ValueError as exc:
        return _fail(str(exc))
    db = _existing_db(args)
    if db is None:
        return _fail(f"{args.db}: no such hall database")
    try:
        with open_store(db) as store:
            catalogue = load_store_catalogue(store)
    except StoreError as exc:
        return _fail(str(exc))
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        write_catalogue(catalogue, args.output, fmt)
    except OSError as exc:
        return _fail(f"{args.output}: cannot write ({exc.strerror or exc})")
    note = " (items only: CSV carries no categories)" if fmt == "csv" else ""
    print(f"{args.output}: {len(catalogue.categories)} categories, {len(catalogue.items)} items{note}")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from hallclient.catalogue.demo import demo_catalogue

    try:
        format_of(args.output)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        write_catalogue(demo_catalogue(), args.output)
    except ValueError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.output}: cannot write ({exc.strerror or exc})")
    print(f"{args.output}: template written; see the catalogue section of the README for the columns")
    return 0
