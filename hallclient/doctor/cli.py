"""`hallclient doctor`: check this PC and explain each problem with its fix (exit 1 if any check failed)."""

from __future__ import annotations

import argparse
import json

from hallclient.doctor import checks
from hallclient.doctor.probe import PROBES

MARKS = {checks.OK: "[ok]  ", checks.WARN: "[warn]", checks.FAIL: "[FAIL]"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    doctor = sub.add_parser("doctor", help="check this PC (Qt, fonts, keyring, voice, printers, hall node, "
                                           "database) and say how to fix each problem")
    doctor.add_argument("--node", metavar="URL", default=None,
                        help="hall node to check (default: the one configured in the launcher, else this PC's)")
    doctor.add_argument("--json", action="store_true", help="print the checks as JSON")
    doctor.add_argument("--probe", choices=sorted(PROBES), help=argparse.SUPPRESS)  # the child-process half
    doctor.set_defaults(func=cmd_doctor)


def cmd_doctor(args: argparse.Namespace) -> int:
    if args.probe:
        return PROBES[args.probe]()
    node = args.node if args.node is not None else checks.configured_node_url()
    results = checks.run_all(args.db, node or None)
    if args.json:
        print(json.dumps([c.as_dict() for c in results], ensure_ascii=False, indent=2))
    else:
        from hallclient.cli import version_text

        print(version_text())
        for c in results:
            print(f"{MARKS[c.status]} {c.name}: {c.detail}")
            if c.fix and c.status != checks.OK:
                print(f"       fix: {c.fix}")
        failed = sum(c.status == checks.FAIL for c in results)
        warned = sum(c.status == checks.WARN for c in results)
        print(f"{failed} problem(s), {warned} warning(s)" if failed or warned else "all checks passed")
    return 1 if any(c.status == checks.FAIL for c in results) else 0
