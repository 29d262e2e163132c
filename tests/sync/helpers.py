"""Shared helpers of the sync tests: small halls, random hall activity, and row-level comparison."""

from __future__ import annotations

import copy
import random
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import keyring.backend
from sqlalchemy import Engine, select, text

from hallclient.domain.green_channel import GreenFlag, GreenReason
from hallclient.store import Store, open_store
from hallclient.store.errors import StoreError
from hallclient.store.queue import HallQueue
from hallclient.store.seed import seed_hall
from hallclient.store.tables import metadata as hall_metadata
from hallclient.sync.central_tables import UP, UP_TABLES, central_metadata

SMALL_SEED: dict[str, Any] = {
    "hall": {"code": "H1", "name": "测试大厅一", "timezone": "Asia/Shanghai"},
    "categories": [
        {"code": "SB", "name": "社保", "prefix": "A", "yellow_after_min": 10, "red_after_min": 20},
        {"code": "YB", "name": "医保", "prefix": "B", "yellow_after_min": 10, "red_after_min": 25},
    ],
    "items": [
        {"code": "SB-1", "category": "SB", "name": "养老保险关系转移", "online_url": "https://zwfw.example.com/g/SB-1"},
    ],
    "windows": [
        {"no": 1, "primary": ["SB"], "secondary": ["YB"]},
        {"no": 2, "primary": ["YB"], "secondary": ["SB"], "tidal": True},
    ],
    "staff": [{"staff_no": "1001", "name": "张三", "role": "clerk", "window": 1}],
    "tidal_plans": [],
    "appointments": [],
}


class MemoryKeyring(keyring.backend.KeyringBackend):
    """In-memory keyring for tests: nothing touches the OS keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def make_hall(path: Path, code: str) -> Path:
    seed = copy.deepcopy(SMALL_SEED)
    seed["hall"]["code"] = code
    seed["hall"]["name"] = f"测试大厅{code}"
    store = open_store(path)
    try:
        seed_hall(store, seed, today=datetime(2026, 11, 23, 9, 0).astimezone())
    finally:
        store.close()
    return path


def activity(store: Store, clock: Any, rng: random.Random, steps: int) -> int:
    """Random hall work through the real queue operations; returns how many succeeded."""
    q = HallQueue(store, clock)
    done = 0
    for _ in range(steps):
        clock.advance(seconds=rng.randint(5, 600))
        op = rng.choice(["issue", "issue", "issue", "call", "finish", "rate", "switch", "green"])
        try:
            if op == "issue":
                green = GreenFlag(GreenReason.ELDERLY, "") if rng.random() < 0.1 else None
                q.issue(rng.choice(["SB", "YB"]), green=green)
            elif op == "call":
                for w in (1, 2):
                    t = q.call_next(w)
                    if t is not None:
                        q.start(t.id, w)
                        break
            elif op in ("finish", "rate", "green"):
                with store.read() as conn:
                    rows = conn.execute(text("SELECT id, status, rating FROM ticket")).all()
                if not rows:
                    continue
                r = rng.choice(rows)
                tid = uuid.UUID(hex=r.id)
                if op == "finish" and r.status == "serving":
                    q.finish(tid)
                elif op == "rate" and r.status == "finished" and r.rating is None:
                    q.rate(tid, rng.choice([3, 4, 5]))
                elif op == "green" and r.status == "waiting":
                    q.flag_green(tid, GreenFlag(GreenReason.DISABLED, ""), actor="test")
                else:
                    continue
            else:
                q.switch_window(2, rng.choice([["YB"], ["SB"], ["SB", "YB"]]), actor="supervisor", reason="peak")
            done += 1
        except StoreError:
            continue
    return done


def hall_rows(store: Store) -> dict[str, dict[uuid.UUID, dict[str, Any]]]:
    out: dict[str, dict[uuid.UUID, dict[str, Any]]] = {}
    with store.read() as conn:
        for name in UP_TABLES:
            t = hall_metadata.tables[name]
            out[name] = {r.id: dict(r._mapping) for r in conn.execute(select(t))}
    return out


def central_rows(engine: Engine, hall_id: uuid.UUID | None = None) -> dict[str, dict[tuple, dict[str, Any]]]:
    """Central rows keyed by (hall_id, id), without the central-only synced_at column."""
    out: dict[str, dict[tuple, dict[str, Any]]] = {}
    with engine.connect() as conn:
        for name, t in UP.items():
            q = select(*[c for c in t.columns if c.name != "synced_at"])
            if hall_id is not None:
                q = q.where(t.c.hall_id == hall_id)
            rows = conn.execute(q).all()
            keyed = {(r.hall_id, r.id): dict(r._mapping) for r in rows}
            assert len(keyed) == len(rows), f"duplicate rows in central {name}"
            out[name] = keyed
        conn.rollback()
    return out


def union_of_halls(stores: list[Store]) -> dict[str, dict[tuple, dict[str, Any]]]:
    out: dict[str, dict[tuple, dict[str, Any]]] = {name: {} for name in UP_TABLES}
    for s in stores:
        for name, rows in hall_rows(s).items():
            for rid, row in rows.items():
                out[name][(row["hall_id"], rid)] = row
    return out


def assert_central_equals_union(engine: Engine, stores: list[Store]) -> None:
    want = union_of_halls(stores)
    got = central_rows(engine)
    for name in UP_TABLES:
        missing = set(want[name]) - set(got[name])
        extra = set(got[name]) - set(want[name])
        assert not missing, f"{name}: {len(missing)} rows lost"
        assert not extra, f"{name}: {len(extra)} rows central has that no hall has"
        for key, row in want[name].items():
            assert got[name][key] == row, f"{name} {key}: central differs\n{got[name][key]}\n{row}"


def truncate_central(engine: Engine) -> None:
    with engine.begin() as conn:
        for t in reversed(central_metadata.sorted_tables):
            conn.execute(t.delete())


def snapshot_central(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    with engine.connect() as conn:
        snap = {t.name: [dict(r._mapping) for r in conn.execute(select(t))] for t in central_metadata.sorted_tables}
        conn.rollback()
    return snap


def restore_central(engine: Engine, snap: dict[str, list[dict[str, Any]]]) -> None:
    """Put the central store back to an older snapshot (rows and watermarks), like restoring a backup."""
    truncate_central(engine)
    with engine.begin() as conn:
        for t in central_metadata.sorted_tables:
            if snap.get(t.name):
                conn.execute(t.insert(), snap[t.name])


class JumpyClock:
    """A hall clock that tests move forwards and backwards."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 23, 1, 30)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> datetime:
        self.now += timedelta(**kw)
        return self.now
