"""Load the demo hall (`db/seed/demo_hall.json`) into an empty hall database.

Every demo staff member's password is `DEMO_PASSWORD`, hashed like any other; the README says so and an
admin changes them before real use.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select

from hallclient.domain.catalogue import Category
from hallclient.domain.sla import SlaThresholds
from hallclient.domain.staff import DEMO_PASSWORD, Role
from hallclient.domain.windows import Subscription
from hallclient.hallsetup.model import StaffSpec, WindowSpec
from hallclient.ids import new_id
from hallclient.passwords import hash_password
from hallclient.paths import db_path
from hallclient.store.errors import ConflictError, StoreError
from hallclient.store.hall_day_repo import HOURS_KEY, always_open_hours
from hallclient.store.hall_repo import DEMO_KEY, NEW_HALL_SETTINGS, insert_staff, insert_window
from hallclient.store.store import Store, utc_now
from hallclient.store.tables import (
    AppointmentRow,
    CategoryRow,
    HallRow,
    ServiceItemRow,
    SettingRow,
    TidalPlanRow,
)


def demo_seed_path() -> Path:
    return db_path("seed", "demo_hall.json")


def load_seed(path: Path | None = None) -> dict[str, Any]:
    p = path or demo_seed_path()
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"{p}: seed file not found") from None
    except json.JSONDecodeError as exc:
        raise StoreError(f"{p}: line {exc.lineno} column {exc.colno}: {exc.msg}") from None


def seed_hall(
    store: Store, data: dict[str, Any] | None = None, *, today: datetime | None = None, password: str = DEMO_PASSWORD
) -> dict[str, int]:
    """Create the hall, its catalogue, windows, staff, tidal plans and today's appointments.

    Refuses a database that already holds a hall, so a real hall is never overwritten by demo data.
    """
    data = data or load_seed()
    now = utc_now()
    with store.read() as conn:
        existing = conn.execute(select(HallRow.__table__.c.name)).first()
    if existing is not None:
        raise ConflictError(f"{store.path} already holds hall {existing.name!r}; seed a new file instead")
    h = data["hall"]
    hall_id = new_id()
    tz = ZoneInfo(h.get("timezone", "Asia/Shanghai"))
    pw_hash = hash_password(password)  # one hash: argon2 is slow on purpose, and the demo password is shared
    counts: dict[str, int] = {}
    with store.write() as conn:
        conn.execute(
            insert(HallRow.__table__).values(
                id=hall_id,
                code=h["code"],
                name=h["name"],
                name_en=h.get("name_en", ""),
                timezone=str(tz.key),
                opens_at=h.get("opens_at", "09:00"),
                closes_at=h.get("closes_at", "17:00"),
                address=h.get("address", ""),
                phone=h.get("phone", ""),
            )
        )
        cat_ids: dict[str, Any] = {}
        for c in data["categories"]:
            Category(
                code=c["code"],
                name=c["name"],
                prefix=c["prefix"],
                sla=SlaThresholds(c["yellow_after_min"], c["red_after_min"]),
                guide_url=c.get("guide_url", ""),
            )  # validates
            cat_ids[c["code"]] = new_id()
            conn.execute(
                insert(CategoryRow.__table__).values(
                    id=cat_ids[c["code"]],
                    hall_id=hall_id,
                    code=c["code"],
                    name=c["name"],
                    name_en=c.get("name_en", ""),
                    prefix=c["prefix"],
                    yellow_after_min=c["yellow_after_min"],
                    red_after_min=c["red_after_min"],
                    sort_order=c.get("sort_order", 0),
                    guide_url=c.get("guide_url", ""),
                    active=True,
                    updated_at=now,
                )
            )
        item_ids: dict[str, Any] = {}
        for it in data["items"]:
            item_ids[it["code"]] = new_id()
            conn.execute(
                insert(ServiceItemRow.__table__).values(
                    id=item_ids[it["code"]],
                    hall_id=hall_id,
                    code=it["code"],
                    category_id=cat_ids[it["category"]],
                    name=it["name"],
                    conditions=it.get("conditions", []),
                    materials=it.get("materials", []),
                    steps=it.get("steps", []),
                    legal_limit_days=it.get("legal_limit_days"),
                    promised_limit_days=it.get("promised_limit_days"),
                    fee=it.get("fee", ""),
                    location=it.get("location", ""),
                    phone=it.get("phone", ""),
                    online_url=it["online_url"],
                    active=True,
                    updated_at=now,
                )
            )
        for w in data["windows"]:
            sub = Subscription(tuple(w["primary"]), tuple(w.get("secondary", [])))
            sub.validate_against(set(cat_ids))
            insert_window(conn, hall_id, WindowSpec(w["no"], w.get("name", f"{w['no']}号窗口"), w.get("zone", ""),
                                                    bool(w.get("tidal")), sub.primary, sub.secondary), now)
        for s in data["staff"]:
            insert_staff(conn, hall_id, StaffSpec(s["staff_no"], s["name"], Role(s["role"]), s.get("window")),
                         pw_hash, now, must_change=False)
        for p in data.get("tidal_plans", []):
            conn.execute(
                insert(TidalPlanRow.__table__).values(
                    id=new_id(),
                    hall_id=hall_id,
                    name=p["name"],
                    days=p["days"],
                    start=p["start"],
                    end=p["end"],
                    windows=p["windows"],
                    primary_categories=p["primary"],
                    secondary_categories=p.get("secondary", []),
                    active=True,
                    updated_at=now,
                )
            )
        local_today = (today or datetime.now(tz)).astimezone(tz).date()
        opens = time.fromisoformat(h.get("opens_at", "09:00"))
        for a in data.get("appointments", []):
            start_local = datetime.combine(local_today, opens, tz) + timedelta(minutes=a["slot_offset_min"])
            start = start_local.astimezone(UTC).replace(tzinfo=None)
            conn.execute(
                insert(AppointmentRow.__table__).values(
                    id=new_id(),
                    hall_id=hall_id,
                    code=a["code"],
                    category_id=cat_ids[a["category"]],
                    item_id=item_ids.get(a.get("item", "")),
                    slot_start=start,
                    slot_end=start + timedelta(minutes=a.get("slot_length_min", 30)),
                    masked_name=a.get("masked_name", ""),
                    status="booked",
                )
            )
        existing_keys = {r.key for r in conn.execute(select(SettingRow.__table__.c.key))}
        # A seeded hall is a demo or test hall: it takes tickets at any hour on any day, so a newcomer can try it
        # at night or on a Sunday. A seed's "settings" (e.g. real "hall_hours") win; see store.hall_day_repo.
        # and it is the demo: its shared password works (a real hall refuses it, see `hall_repo.is_demo`)
        settings = {**NEW_HALL_SETTINGS, HOURS_KEY: always_open_hours(), DEMO_KEY: {"demo": True},
                    **data.get("settings", {})}
        for key, value in settings.items():
            if key not in existing_keys:
                conn.execute(insert(SettingRow.__table__).values(key=key, value=value, updated_at=now))
        counts = {
            "categories": len(data["categories"]),
            "items": len(data["items"]),
            "windows": len(data["windows"]),
            "staff": len(data["staff"]),
            "tidal_plans": len(data.get("tidal_plans", [])),
            "appointments": len(data.get("appointments", [])),
        }
    store.hall(refresh=True)
    return counts
