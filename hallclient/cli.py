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
    "hallclient.hallnode.cli",
    "hallclient.sync.cli",
)


class CliError(Exception):
    """Bad input on the command line; printed without a traceback."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hallclient",
        description="hallclient: queue calls, tidal windows, green channel and QR guides for a service hall. "
        "Run without a command to open the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"hallclient {__version__}")
    parser.add_argument("--db", type=Path, default=None, help=f"hall database file (default: {default_db_path()})")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in FEATURES:
        importlib.import_module(name).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db is None:
        args.db = default_db_path()
    func = getattr(args, "func", None)
    if func is None:
        app = importlib.util.find_spec("hallclient.ui.app")
        if app is None:
            parser.print_help()
            return 0
        return importlib.import_module("hallclient.ui.app").run(args)
    try:
        return int(func(args) or 0)
    except (StoreError, CliError, ValueError) as exc:
        print(f"hallclient: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
