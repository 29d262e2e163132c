"""Worker processes for the multi-process store tests: each prints one JSON line per committed action."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from hallclient.store import open_store
from hallclient.store.queue import HallQueue


def issuer(db: str, count: int, cats: str) -> None:
    store = open_store(Path(db), migrate=False)
    q = HallQueue(store)
    codes = cats.split(",")
    for i in range(count):
        t = q.issue(codes[i % len(codes)]).ticket
        print(json.dumps({"issued": str(t.id), "number": t.number}), flush=True)


def caller(db: str, window: int, done_flag: str) -> None:
    store = open_store(Path(db), migrate=False)
    q = HallQueue(store)
    idle_since = None
    while True:
        t = q.call_next(window)
        if t is None:
            if Path(done_flag).exists():
                if idle_since and time.monotonic() - idle_since > 0.5:
                    return
                idle_since = idle_since or time.monotonic()
            time.sleep(0.01)
            continue
        idle_since = None
        print(json.dumps({"called": str(t.id), "window": window}), flush=True)
        q.no_show(t.id, window)


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "issuer":
        issuer(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        caller(sys.argv[2], int(sys.argv[3]), sys.argv[4])
