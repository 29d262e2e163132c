"""`hallclient` command line: one entry point for the app, the hall node and the admin's tools.

Each feature module adds its own sub-command through `add_parser(subparsers)` and sets `func`, a callable
taking the parsed args and returning the exit code. Expected failures print one clear line to stderr
and exit non-zero; only a bug shows a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from hallclient import __version__
from hallclient.store import StoreError, default_db_path

FEATURES = (
    "hallclient.store.cli",
    "hallclient.hallsetup.cli",
    "hallclient.catalogue.cli",
    "hallclient.printing.cli",
    "hallclient.printing.report_cli",
    "hallclient.hallnode.cli",
    "hallclient.sync.cli",
    "hallclient.doctor.cli",
    "hallclient.deploy",
)


class CliError(Exception):
    """Bad input on the command line; printed without a traceback."""


def version_text() -> str:
    """`hallclient --version`: the program's version (hallclient/__init__.py, the one place that holds it)
    and the newest schema revisions it knows (Alembic heads), so an admin can tell which databases it opens."""
    from hallclient.store.schema import head_revision
    from hallclient.sync.central_schema import head_revision as central_head

    return f"hallclient {__version__} (hall database schema {head_revision()}, central store schema {central_head()})"


class _VersionAction(argparse.Action):
    """Like argparse's "version", but reads the schema heads only when asked (they cost an Alembic import)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show the version and the database schema versions it knows, then exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(version_text())
        parser.exit()


def _top_level(add_help: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hallclient",
        add_help=add_help,
        description="hallclient: queue calls, tidal windows, green channel and QR guides for a service hall. "
        "Run without a command to open the desktop app.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--db", type=Path, default=None, help=f"hall database file (default: {default_db_path()})")
    app = parser.add_argument_group("desktop app (no COMMAND)")
    app.add_argument("--role", choices=("clerk", "supervisor", "kiosk", "display"), help="open this role directly")
    app.add_argument("--node", metavar="URL", help="hall node address, e.g. http://192.168.1.10:8620 "
                     "(empty: start the embedded hall node on this PC)")
    app.add_argument("--window", type=int, metavar="NO", help="window number (clerk role)")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _top_level()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in FEATURES:
        importlib.import_module(name).add_parser(sub)
    for command in sub.choices.values():  # `hallclient serve --db PATH` works as well as `hallclient --db PATH serve`
        command.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="hall database file")
    return parser


def _run_app(args: argparse.Namespace) -> int:
    """The desktop app; --role/--node/--window override the stored settings for this run only."""
    return importlib.import_module("hallclient.ui.app").run(args)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # No command: open the app without importing every feature (the hall node, sync …) first.
    quick, rest = _top_level(add_help=False).parse_known_args(argv)
    if not rest:
        quick.db = quick.db or default_db_path()
        return _run_app(quick)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db is None:
        args.db = default_db_path()
    func = getattr(args, "func", None)
    if func is None:
        return _run_app(args)
    try:
        return int(func(args) or 0)
    except (StoreError, CliError, ValueError) as exc:
        print(f"hallclient: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
