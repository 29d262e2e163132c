"""`hallclient service systemd|winsw`: the hall node as a service, filled in for this install.

The templates ship in resources/deploy/ (in the wheel and the bundle too); this command fills in the
hallclient executable of *this* install (a venv's, or the bundle's), the database and the log file, so an
admin does not have to find them by hand. `serve` itself stops cleanly on SIGTERM/Ctrl+C (hallnode.cli).
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from string import Template

from hallclient.paths import resource_path


def add_parser(sub: argparse._SubParsersAction) -> None:
    svc = sub.add_parser("service", help="print a systemd unit or a WinSW service file that runs the hall node")
    svc.add_argument("kind", choices=("systemd", "winsw"))
    svc.add_argument("--user", default="hallclient", help="account the service runs as (systemd)")
    svc.add_argument("--host", default="0.0.0.0", help="address the node listens on (default: the hall LAN)")
    svc.add_argument("--port", type=int, default=8470)
    svc.add_argument("--log-file", type=Path, default=None, help="default: hallnode.log beside the database")
    svc.set_defaults(func=cmd_service)


def executable() -> list[str]:
    """The command that runs this install's hallclient: the bundle, the venv's script, or python -m."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    beside = Path(sys.executable).with_name("hallclient.exe" if sys.platform.startswith("win") else "hallclient")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("hallclient")
    return [found] if found else [sys.executable, "-m", "hallclient"]


def serve_arguments(db: Path, host: str, port: int, log_file: Path) -> list[str]:
    return ["--db", str(db), "serve", "--host", host, "--port", str(port), "--log-file", str(log_file)]


def render(kind: str, db: Path, *, user: str, host: str, port: int, log_file: Path | None) -> str:
    db = Path(db).resolve()
    log = Path(log_file).resolve() if log_file else db.with_name("hallnode.log")
    exe = executable()
    args = serve_arguments(db, host, port, log)
    if kind == "systemd":
        text = resource_path("deploy", "hallclient-node.service").read_text(encoding="utf-8")
        return Template(text).substitute(user=user, command=shlex.join(exe + args), datadir=str(db.parent))
    text = resource_path("deploy", "hallclient-node.xml").read_text(encoding="utf-8")
    return Template(text).substitute(executable=exe[0], arguments=subprocess.list2cmdline(exe[1:] + args),
                                     datadir=str(db.parent))


def cmd_service(args: argparse.Namespace) -> int:
    print(render(args.kind, args.db, user=args.user, host=args.host, port=args.port, log_file=args.log_file),
          end="")
    return 0
