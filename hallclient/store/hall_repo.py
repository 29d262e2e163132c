"""The hall itself in the store: creating a new hall from its set-up (`hallclient hall init`), reading the
set-up back (`hall export`), the demo marker and the hall settings this issue added.

Creating a hall is one transaction: hall, hours, settings, catalogue, windows, the first admin and further
staff exist together or not at all. The first admin's password is the one they chose; every other account
gets a one-time password, returned once, which its owner replaces at first login.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, insert, select

from hallclient.catalogue.model import Catalogue
from hallclient.domain.hall_day import format_hhmm
from hallclient.domain.staff import Role, one_time_password, password_problem
from hallclient.hallsetup.model import HallInfo, HallSettings, HallSetup, StaffSpec, WindowSpec
from hallclient.ids import new_id
from hallclient.passwords import hash_password
from hallclient.store import journal
from hallclient.store.catalogue_repo import read_catalogue, write_catalogue_in
from hallclient.store.errors import ConflictError
from hallclient.store.hall_day_repo import HOURS_KEY, load_calendar
from hallclient.store.store import Store, utc_now
from hallclient.store.tables import HallRow, SettingRow, StaffRow, WindowRow

HALL = HallRow.__table__
SET = SettingRow.__table__
STAFF = StaffRow.__table__
WIN = WindowRow.__table__
DEMO_KEY = "demo_hall"  # {"demo": true} only in the demo hall (`db seed-demo`): its shared password works there
UNSERVED_KEY = "unserved"  # categories no staffed window serves: does the kiosk issue, when to alert
UNSERVED_DEFAULTS: dict[str, Any] = {"issue": True, "alert_after_min": 2}
NEW_HALL_SETTINGS: dict[str, dict[str, Any]] = {
    "green_channel": {"alert_after_min": 5},
    "appointments": {"early_min": 5, "late_min": 15},
    "sync": {"nightly_at": "02:00", "keep_backups": 7},
}


def setting(conn: Connection, key: str) -> dict[str, Any] | None:
    value = conn.execute(select(SET.c.value).where(SET.c.key == key)).scalar()
    return value if isinstance(value, dict) else None


def put_setting(conn: Connection, key: str, value: dict[str, Any], now: datetime) -> None:
    if conn.execute(select(SET.c.key).where(SET.c.key == key)).first() is None:
        conn.execute(insert(SET).values(key=key, value=value, updated_at=now))
    else:
        conn.execute(SET.update().where(SET.c.key == key).values(value=value, updated_at=now))


def is_demo(store: Store) -> bool:
    with store.read() as conn:
        return bool((setting(conn, DEMO_KEY) or {}).get("demo"))


def unserved_setting(conn: Connection) -> dict[str, Any]:
    """{"issue": bool, "alert_after_min": int} with the defaults filled in."""
    value = {**UNSERVED_DEFAULTS, **(setting(conn, UNSERVED_KEY) or {})}
    try:
        value["alert_after_min"] = max(0, int(value["alert_after_min"]))
    except (TypeError, ValueError):
        value["alert_after_min"] = UNSERVED_DEFAULTS["alert_after_min"]
    value["issue"] = bool(value["issue"])
    return value


@dataclass(frozen=True)
class InitReport:
    hall: str
    counts: dict[str, int]
    one_time_passwords: tuple[tuple[str, str, str], ...]  # (staff number, name, password), shown once


def create_hall(store: Store, setup: HallSetup, admin_password: str, *, now: datetime | None = None,
                actor: str = "cli") -> InitReport:
    """Set up a new hall in an empty database, all or nothing; refuses a database that already holds one."""
    problem = password_problem(admin_password, setup.admin.staff_no)
    if problem:
        raise ValueError(f"admin password: {problem}")
    if setup.catalogue is None:
        raise ValueError("a new hall needs its service catalogue")
    with store.read() as conn:
        existing = conn.execute(select(HALL.c.name)).first()
    if existing is not None:
        raise ConflictError(f"{store.path} already holds hall {existing.name!r}; `hall init` sets up a new "
                            "database only (use another --db)")
    passwords = tuple((s.staff_no, s.name, one_time_password()) for s in setup.staff)
    # argon2 is slow on purpose: hash before taking the write lock
    hashes = [hash_password(admin_password), *(hash_password(p) for _, _, p in passwords)]
    now = now or utc_now()
    h = setup.hall
    hall_id = new_id()
    with store.write() as conn:
        if conn.execute(select(HALL.c.id)).first() is not None:
            raise ConflictError(f"{store.path} already holds a hall")
        conn.execute(insert(HALL).values(id=hall_id, code=h.code, name=h.name, name_en=h.name_en,
                                         timezone=str(ZoneInfo(h.timezone).key), opens_at=h.opens_at,
                                         closes_at=h.closes_at, address=h.address, phone=h.phone))
        settings = {**NEW_HALL_SETTINGS,
                    HOURS_KEY: {"weekdays": list(h.weekdays), "opens_at": h.opens_at, "closes_at": h.closes_at},
                    UNSERVED_KEY: {**UNSERVED_DEFAULTS, "issue": setup.settings.issue_when_unserved}}
        for key, value in settings.items():
            put_setting(conn, key, value, now)
        report = write_catalogue_in(conn, hall_id, setup.catalogue, now)
        for w in setup.windows:
            insert_window(conn, hall_id, w, now)
        insert_staff(conn, hall_id, setup.admin, hashes[0], now, must_change=False)
        for spec, pw_hash in zip(setup.staff, hashes[1:], strict=True):
            insert_staff(conn, hall_id, spec, pw_hash, now, must_change=True)
        counts = {"categories": len(report.categories.added) if report.categories else 0,
                  "items": len(report.items.added), "windows": len(setup.windows), "staff": 1 + len(setup.staff)}
        journal.audit(conn, hall_id=hall_id, at=now, actor_id=None, actor=actor, action="hall_init",
                      detail={"hall": h.code, "name": h.name, "admin": setup.admin.staff_no, **counts})
    store.hall(refresh=True)
    return InitReport(h.name, counts, passwords)


def insert_window(conn: Connection, hall_id: Any, w: WindowSpec, now: datetime) -> None:
    conn.execute(insert(WIN).values(
        id=new_id(), hall_id=hall_id, no=w.no, name=w.name, zone=w.zone, tidal=w.tidal, is_open=True, paused=False,
        pause_reason="", primary_categories=list(w.primary), secondary_categories=list(w.secondary),
        default_primary=list(w.primary), default_secondary=list(w.secondary), retired=False, updated_at=now))


def insert_staff(conn: Connection, hall_id: Any, s: StaffSpec, password_hash: str, now: datetime, *,
                 must_change: bool) -> Any:
    staff_id = new_id()
    conn.execute(insert(STAFF).values(
        id=staff_id, hall_id=hall_id, staff_no=s.staff_no, name=s.name, role=s.role.value, default_window=s.window,
        password_hash=password_hash, active=True, failed_logins=0, must_change_password=must_change,
        updated_at=now))
    return staff_id


def read_setup(store: Store) -> HallSetup:
    """The hall's set-up as a hall file holds it: windows in service with their default categories, active
    staff (the first active admin, by staff number, as the file's admin), the active catalogue."""
    hall = store.hall(refresh=True)
    with store.read() as conn:
        hours = load_calendar(conn).hours
        unserved = unserved_setting(conn)
        catalogue: Catalogue = read_catalogue(conn, hall.id)
        windows = conn.execute(select(WIN).where(WIN.c.retired.is_(False)).order_by(WIN.c.no)).all()
        staff = conn.execute(select(STAFF).where(STAFF.c.active.is_(True)).order_by(STAFF.c.staff_no)).all()
    info = HallInfo(code=hall.code, name=hall.name, name_en=hall.name_en, timezone=hall.timezone,
                    opens_at=format_hhmm(hours.opens_at), closes_at=format_hhmm(hours.closes_at),
                    weekdays=tuple(sorted(hours.weekdays)), address=hall.address, phone=hall.phone)
    specs = [StaffSpec(s.staff_no, s.name, Role(s.role), s.default_window) for s in staff]
    admin = next((s for s in specs if s.role is Role.ADMIN), None)
    if admin is None:
        raise ConflictError("the hall has no active admin; a hall file needs one")
    wins = tuple(WindowSpec(w.no, w.name, w.zone, bool(w.tidal), tuple(w.default_primary or w.primary_categories),
                            tuple(w.default_secondary or ())) for w in windows)
    return HallSetup(info, admin, wins, tuple(s for s in specs if s is not admin), catalogue,
                     HallSettings(unserved["issue"]))

