"""What a hall tells the central store about itself besides its rows: names (categories, items, windows,
staff numbers and names — never password hashes), SLA thresholds, time zone, green-channel limit, and how
its last sync went. The city's reports and view need these to label figures and to show each hall's state.

The directory goes up at the start of every sync, but only when its checksum changed (one small SELECT on an
ordinary night); the run's outcome goes up at the end, best effort (a run that cannot reach the central
store cannot report there either — the city view then shows the older last sync and counts pending days).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update

from hallclient.central.tables import hall_category, hall_info, hall_item, hall_staff, hall_window
from hallclient.store.reports import green_limit
from hallclient.store.store import Store
from hallclient.store.tables import CategoryRow, ServiceItemRow, StaffRow, WindowRow

CAT, ITEM, WIN, STAFF = (CategoryRow.__table__, ServiceItemRow.__table__, WindowRow.__table__,
                         StaffRow.__table__)


def read_directory(store: Store) -> dict[str, Any]:
    """The hall's labels as plain data (ids as hex), in a stable order for the checksum."""
    hall = store.hall()
    with store.read() as conn:
        cats = [dict(id=r.id.hex, code=r.code, name=r.name, prefix=r.prefix, yellow_after_min=r.yellow_after_min,
                     red_after_min=r.red_after_min, sort_order=r.sort_order, active=bool(r.active))
                for r in conn.execute(select(CAT.c.id, CAT.c.code, CAT.c.name, CAT.c.prefix, CAT.c.yellow_after_min,
                                             CAT.c.red_after_min, CAT.c.sort_order, CAT.c.active)
                                      .order_by(CAT.c.code))]
        items = [dict(id=r.id.hex, code=r.code, name=r.name, category_id=r.category_id.hex, active=bool(r.active))
                 for r in conn.execute(select(ITEM.c.id, ITEM.c.code, ITEM.c.name, ITEM.c.category_id, ITEM.c.active)
                                       .order_by(ITEM.c.code))]
        windows = [dict(no=r.no, name=r.name) for r in conn.execute(select(WIN.c.no, WIN.c.name).order_by(WIN.c.no))]
        staff = [dict(id=r.id.hex, staff_no=r.staff_no, name=r.name, role=r.role, active=bool(r.active))
                 for r in conn.execute(select(STAFF.c.id, STAFF.c.staff_no, STAFF.c.name, STAFF.c.role, STAFF.c.active)
                                       .order_by(STAFF.c.staff_no))]
        limit = green_limit(conn)
    return {"hall": {"code": hall.code, "name": hall.name, "timezone": hall.timezone, "green_alert_min": limit},
            "categories": cats, "items": items, "windows": windows, "staff": staff}


def checksum(directory: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(directory, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def publish(store: Store, engine: Engine, now: datetime) -> bool:
    """Send the directory up if it changed since the last time; True when it was sent."""
    directory = read_directory(store)
    digest = checksum(directory)
    hall_id = store.hall_id
    with engine.begin() as conn:
        known = conn.execute(select(hall_info.c.directory_checksum).where(hall_info.c.hall_id == hall_id)).scalar()
        if known == digest:
            return False
        h = directory["hall"]
        values = dict(code=h["code"], name=h["name"], timezone=h["timezone"], green_alert_min=h["green_alert_min"],
                      directory_checksum=digest, directory_at=now)
        if known is None:
            conn.execute(insert(hall_info).values(hall_id=hall_id, **values))
        else:
            conn.execute(update(hall_info).where(hall_info.c.hall_id == hall_id).values(**values))
        _replace(conn, hall_category, hall_id, [dict(c, id=uuid.UUID(hex=c["id"])) for c in directory["categories"]])
        _replace(conn, hall_item, hall_id, [dict(i, id=uuid.UUID(hex=i["id"]),
                                                 category_id=uuid.UUID(hex=i["category_id"]))
                                            for i in directory["items"]])
        _replace(conn, hall_window, hall_id, directory["windows"])
        _replace(conn, hall_staff, hall_id, [dict(s, id=uuid.UUID(hex=s["id"])) for s in directory["staff"]])
    return True


def _replace(conn: Connection, table: Any, hall_id: uuid.UUID, rows: list[dict[str, Any]]) -> None:
    conn.execute(delete(table).where(table.c.hall_id == hall_id))
    if rows:
        conn.execute(insert(table), [dict(r, hall_id=hall_id) for r in rows])


def record_run(engine: Engine, hall_id: uuid.UUID, *, at: datetime, ok: bool, error: str | None,
               compared: int, healed: int, mismatch: int, rows_up: int) -> None:
    """The run's outcome, for the city view (last sync, checks passed); the hall's row exists by now."""
    values: dict[str, Any] = dict(last_run_at=at, last_run_ok=ok, last_error=(error or "")[:300] or None,
                                  checks_compared=compared, checks_healed=healed, checks_mismatch=mismatch,
                                  rows_up=rows_up)
    if ok:
        values["last_ok_at"] = at
    with engine.begin() as conn:
        conn.execute(update(hall_info).where(hall_info.c.hall_id == hall_id).values(**values))
