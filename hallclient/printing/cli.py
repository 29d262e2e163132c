"""`hallclient guides …`: print the QR guide sheets (category poster, item guide, catalogue booklet) to PDF."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from hallclient.catalogue.model import Catalogue
from hallclient.catalogue.validate import CatalogueInvalid


def add_parser(sub: argparse._SubParsersAction) -> None:
    guides = sub.add_parser("guides", help="print QR guide sheets to PDF: category posters, item guides, booklet")
    gsub = guides.add_subparsers(dest="guides_command", metavar="SHEET", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
        p.add_argument("--catalogue", type=Path, default=None, metavar="FILE",
                       help="print from a catalogue file (JSON/XLSX; checked like an import) instead of the hall "
                            "database, e.g. to proof a file before importing it")
        p.add_argument("--hall-name", default=None, help="hall name printed on the sheets (default: the hall's)")
        p.add_argument("--date", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                       help="print date shown on the sheets (default: today)")

    poster = gsub.add_parser("poster", help="one category's QR codes in a grid (分类二维码海报)")
    poster.add_argument("--category", required=True, help="category code or name, e.g. SB or 社保")
    common(poster)
    poster.set_defaults(func=cmd_poster)

    item = gsub.add_parser("item", help="one item's one-page guide with its QR (办事指南)")
    item.add_argument("code", help="service item code")
    common(item)
    item.set_defaults(func=cmd_item)

    booklet = gsub.add_parser("booklet", help="the whole catalogue: contents by category, one page per item")
    common(booklet)
    booklet.set_defaults(func=cmd_booklet)


class _Failure(Exception):
    """A message for the user, printed without a traceback."""


def _source(args: argparse.Namespace) -> tuple[Catalogue, str]:
    """The catalogue and hall name to print, from --catalogue or from the hall database."""
    from hallclient.store import StoreError, open_store
    from hallclient.store.catalogue_repo import read_catalogue

    db = Path(args.db) if args.db is not None and Path(args.db).is_file() else None
    hall_name = args.hall_name
    catalogue: Catalogue | None = None
    if db is not None:
        try:
            with open_store(db) as store:
                hall_name = hall_name or store.hall().name
                if args.catalogue is None:
                    with store.read() as conn:
                        catalogue = read_catalogue(conn, store.hall_id)
        except StoreError as exc:
            if args.catalogue is None:
                raise _Failure(str(exc)) from None
    if args.catalogue is not None:
        from hallclient.catalogue.formats import load_catalogue

        try:
            catalogue = load_catalogue(args.catalogue)
        except CatalogueInvalid as exc:
            lines = "\n".join(f"  {p}" for p in exc.problems)
            raise _Failure(f"{args.catalogue.name}: {len(exc.problems)} problem(s); fix them first:\n{lines}") from None
        if not catalogue.categories_in_file:
            raise _Failure(f"{args.catalogue.name}: a CSV file has no categories; use the JSON or XLSX form")
    if catalogue is None:
        raise _Failure(f"{args.db}: no such hall database; pass --db or --catalogue")
    return catalogue, hall_name or "政务服务大厅"


def _run(args: argparse.Namespace, render: Callable[[Catalogue, str], str]) -> int:
    try:
        catalogue, hall_name = _source(args)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        message = render(catalogue, hall_name)
    except _Failure as exc:
        print(f"hallclient: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"hallclient: error: {args.output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 2
    print(f"{args.output}: {message}")
    return 0


def cmd_poster(args: argparse.Namespace) -> int:
    from hallclient.printing.guide_sheets import render_category_poster

    def render(catalogue: Catalogue, hall_name: str) -> str:
        category = catalogue.find_category(args.category)
        if category is None:
            known = ", ".join(f"{c.code} {c.name}" for c in catalogue.sorted_categories())
            raise _Failure(f"unknown category {args.category!r}; the hall has: {known}")
        items = catalogue.items_of(category.code)
        pages = render_category_poster(args.output, category, items, hall_name, args.date)
        return f"poster of {category.name} ({len(items)} codes, {pages} page{'s' if pages > 1 else ''})"

    return _run(args, render)


def cmd_item(args: argparse.Namespace) -> int:
    from hallclient.printing.guide_sheets import render_item_guide

    def render(catalogue: Catalogue, hall_name: str) -> str:
        item = catalogue.find_item(args.code)
        if item is None:
            raise _Failure(f"no active service item with code {args.code!r}")
        render_item_guide(args.output, item, catalogue.category_of(item), hall_name, args.date)
        return f"guide of {item.code} {item.name}"

    return _run(args, render)


def cmd_booklet(args: argparse.Namespace) -> int:
    from hallclient.printing.guide_sheets import render_booklet

    def render(catalogue: Catalogue, hall_name: str) -> str:
        pages = render_booklet(args.output, catalogue, hall_name, args.date)
        return f"booklet of {len(catalogue.items)} items, {pages} pages"

    return _run(args, render)
