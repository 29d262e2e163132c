"""`hallclient serve` (the hall node) and `hallclient device add|list|revoke` (kiosk/display tokens).

`serve` stops cleanly on SIGTERM/SIGINT (systemd stop, Ctrl+C, a Windows service wrapper's Ctrl+C): uvicorn
stops accepting, lets requests in flight finish (their queued writes complete on the writer thread), then
the app's shutdown closes the store and checkpoints the WAL into the database file (`create_app`).
`--log-file` logs to a rotating file instead of the console (a service's log, `--log-max-mb` × `--log-keep`).
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import re
import sys
from pathlib import Path
from typing import Any

from hallclient.hallnode import auth
from hallclient.hallnode.schemas import Role
from hallclient.store import open_store, utc_now
from hallclient.store.hall_repo import is_demo

NOT_DEMO_EXIT = 4  # `device add --demo-only` on a real hall


def add_parser(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser("serve", help="run the hall node (HTTP + WebSocket LAN service) on this database")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0 for the hall LAN)")
    serve.add_argument("--port", type=int, default=8470)
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    serve.add_argument("--no-nightly-sync", action="store_true",
                       help="do not run the nightly sync with the central store in this process")
    serve.add_argument("--log-file", type=Path, default=None, metavar="PATH",
                       help="log to this file, rotated by size (default: the console)")
    serve.add_argument("--log-max-mb", type=float, default=10.0, help="rotate the log file at this size (MB)")
    serve.add_argument("--log-keep", type=int, default=5, help="rotated log files kept (hallnode.log.1 …)")
    serve.set_defaults(func=cmd_serve)

    dev = sub.add_parser("device", help="register, list or revoke kiosk and display devices")
    dsub = dev.add_subparsers(dest="device_command", metavar="ACTION", required=True)
    add = dsub.add_parser("add", help="register a device and print its token (shown once)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[Role.KIOSK.value, Role.DISPLAY.value])
    add.add_argument("--json", action="store_true", help='print {"name", "role", "token"} as one JSON line')
    add.add_argument("--demo-only", action="store_true",
                     help=f"register only in the demo hall (db seed-demo); elsewhere exit {NOT_DEMO_EXIT} and "
                          "register nothing (the desktop app registers its demo kiosk and display this way)")
    add.set_defaults(func=cmd_device_add)
    lst = dsub.add_parser("list", help="list registered devices")
    lst.set_defaults(func=cmd_device_list)
    rev = dsub.add_parser("revoke", help="revoke a device's token at once")
    rev.add_argument("name")
    rev.set_defaults(func=cmd_device_revoke)


class _RedactTokens(logging.Filter):
    """uvicorn logs WebSocket URLs with their query; a `token=` there must not reach the log (DESIGN §8)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.args = tuple(_TOKEN_RE.sub(r"\1***", a) if isinstance(a, str) else a
                                for a in (record.args if isinstance(record.args, tuple) else (record.args,)))
        if isinstance(record.msg, str):
            record.msg = _TOKEN_RE.sub(r"\1***", record.msg)
        return True


_TOKEN_RE = re.compile(r"(token=)[^&\s\"']+")


def file_log_config(path: Path, level: str, max_mb: float = 10.0, keep: int = 5) -> dict[str, Any]:
    """logging.config for `serve --log-file`: uvicorn's loggers and hallclient's into one rotating file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = {"class": "logging.handlers.RotatingFileHandler", "filename": str(path), "encoding": "utf-8",
               "maxBytes": int(max_mb * 1024 * 1024), "backupCount": keep, "formatter": "plain",
               "filters": ["redact"]}
    return {
        "version": 1, "disable_existing_loggers": False,
        "filters": {"redact": {"()": _RedactTokens}},
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"file": handler},
        "loggers": {"uvicorn": {"handlers": ["file"], "level": level.upper(), "propagate": False},
                    "uvicorn.access": {"handlers": ["file"], "level": level.upper(), "propagate": False}},
        "root": {"handlers": ["file"], "level": level.upper()},
    }


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from hallclient.hallnode.app import create_app

    with open_store(args.db) as store:  # a database without a hall: one clear line (and exit 2), not a traceback
        store.hall()
    for name in ("uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).addFilter(_RedactTokens())
    options: dict[str, Any] = {}
    if args.log_file is not None:
        options["log_config"] = file_log_config(args.log_file, args.log_level, args.log_max_mb, args.log_keep)

    app = create_app(args.db, nightly_sync=not args.no_nightly_sync)
    # Everything imported and built so far lives as long as the node: keep it out of the cyclic GC, whose
    # full collections had paused the node for ~70 ms under load (bench_hallnode; 6 ms after freezing).
    gc.freeze()
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level=args.log_level, ws="websockets-sansio",
                            timeout_graceful_shutdown=5, **options)
    _clean_stop_server_class()(config).run()
    return 0


def _clean_stop_server_class() -> type:
    import uvicorn

    class CleanStopServer(uvicorn.Server):
        """uvicorn re-raises the stop signal after its graceful shutdown, so the node would end "killed by
        SIGTERM"; after a clean stop a service manager or script should see exit code 0."""

        def handle_exit(self, sig: int, frame: object) -> None:
            super().handle_exit(sig, frame)  # type: ignore[arg-type]
            self._captured_signals.clear()

    return CleanStopServer


def cmd_device_add(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        if getattr(args, "demo_only", False) and not is_demo(store):
            print(f"hallclient: {args.db} holds a real hall, not the demo hall: no device registered "
                  "(register one with: hallclient device add NAME --role kiosk|display)", file=sys.stderr)
            return NOT_DEMO_EXIT
        token = auth.add_device(store, args.name, args.role, utc_now())
    if getattr(args, "json", False):
        print(json.dumps({"name": args.name.strip(), "role": args.role, "token": token}, ensure_ascii=False))
        return 0
    print(f"device {args.name!r} ({args.role}) registered. Its token, shown only now:")
    print(token)
    return 0


def cmd_device_list(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        rows = auth.list_devices(store)
    if not rows:
        print("no devices registered")
    for r in rows:
        state = "revoked" if r.revoked else "active"
        print(f"{r.name:<40} {r.role:<8} {state:<8} since {r.created_at:%Y-%m-%d %H:%M} UTC")
    return 0


def cmd_device_revoke(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        auth.revoke_device(store, args.name, utc_now())
    print(f"device {args.name!r} revoked")
    return 0
