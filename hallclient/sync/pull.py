"""Down: reference data (categories with SLA thresholds, service items and guides, staff roster with
hashed passwords, appointments for the coming days, tidal plans, holidays) as versioned releases.

A release is one canonical JSON document with its sha256 and size, published centrally per hall. The hall
downloads the newest release above the one in force, verifies size, checksum and structure, and applies
it in ONE hall write transaction; anything wrong (corrupt, truncated, half-downloaded, malformed)
rejects the whole release and the old one stays in force. Rows are matched on their natural keys (codes,
staff numbers, plan names), so local ids that tickets point at never change; rows a release drops are
deactivated, never deleted (old tickets still reference them).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from hallclient.catalogue.validate import check_url
from hallclient.domain.staff import STAFF_ROLES
from hallclient.ids import new_id
from hallclient.store.store import Store, utc_now
from hallclient.store.sync_tables import HolidayRow, ReferenceReleaseRow
from hallclient.store.tables import AppointmentRow, CategoryRow, ServiceItemRow, StaffRow, TidalPlanRow
from hallclient.sync.central_tables import ref_release
from hallclient.sync.push import FaultHook, central_now, fault

FORMAT = 1
CAT = CategoryRow.__table__
ITEM = ServiceItemRow.__table__
STAFF = StaffRow.__table__
APPT = AppointmentRow.__table__
PLAN = TidalPlanRow.__table__
HOL = HolidayRow.__table__
REL = ReferenceReleaseRow.__table__
SECTIONS = ("categories", "items", "staff", "appointments", "tidal_plans", "holidays")


class ReleaseError(ValueError):
    """A release that must not be applied; the one in force stays."""


def canonical_json(data: Any) -> bytes:
    """The one byte form a release is hashed in: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def sha256(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


@dataclass(frozen=True)
class ReleaseBlob:
    version: int
    checksum: str
    size: int
    payload: bytes


# -- central side: publishing ---------------------------------------------------------------------


def publish_release(engine: Engine, hall_id: uuid.UUID, data: dict[str, Any], note: str = "") -> int:
    """Store `data` as the hall's next release (version = last + 1). Validated first, so a central admin
    cannot publish something every hall would reject."""
    body = dict(data)
    body.setdefault("format", FORMAT)
    body.pop("version", None)
    validate(body)
    payload = canonical_json(body)
    with engine.begin() as conn:
        last = conn.execute(select(func.max(ref_release.c.version)).where(ref_release.c.hall_id == hall_id)).scalar()
        version = int(last or 0) + 1
        conn.execute(insert(ref_release).values(
            hall_id=hall_id, version=version, created_at=central_now(conn), checksum=sha256(payload),
            size=len(payload), payload=payload.decode(), note=note[:200]))
    return version


# -- hall side: download, verify, apply ------------------------------------------------------------


def applied_version(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.max(REL.c.version))).scalar() or 0)


def fetch_latest(engine: Engine, hall_id: uuid.UUID, after: int) -> ReleaseBlob | None:
    with engine.connect() as conn:
        row = conn.execute(
            select(ref_release).where(ref_release.c.hall_id == hall_id, ref_release.c.version > after)
            .order_by(ref_release.c.version.desc()).limit(1)
        ).first()
        conn.rollback()
    if row is None:
        return None
    return ReleaseBlob(int(row.version), row.checksum, int(row.size), row.payload.encode())


def verify(blob: ReleaseBlob) -> dict[str, Any]:
    """The release's data, or ReleaseError: truncated, corrupted, not canonical, or malformed."""
    if len(blob.payload) != blob.size:
        raise ReleaseError(f"release {blob.version}: {len(blob.payload)} of {blob.size} bytes arrived "
                           "(incomplete download)")
    actual = sha256(blob.payload)
    if actual != blob.checksum:
        raise ReleaseError(f"release {blob.version}: checksum mismatch (got {actual[:12]}…, "
                           f"expected {blob.checksum[:12]}…); corrupted")
    try:
        data = json.loads(blob.payload)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReleaseError(f"release {blob.version}: not JSON ({exc})") from None
    if canonical_json(data) != blob.payload:
        raise ReleaseError(f"release {blob.version}: not in canonical form")
    validate(data)
    return data


def _need(cond: bool, msg: str) -> None:
    if not cond:
        raise ReleaseError(msg)


def validate(data: Any) -> None:
    """Structure and cross-references, so that applying cannot fail half-way on bad data."""
    _need(isinstance(data, dict), "release is not an object")
    _need(data.get("format") == FORMAT, f"release format {data.get('format')!r} is not {FORMAT}")
    for s in SECTIONS:
        _need(isinstance(data.get(s, []), list), f"release section {s} is not a list")
    cats = data.get("categories", [])
    _need(bool(cats), "release has no categories")
    codes: set[str] = set()
    prefixes: set[str] = set()
    for c in cats:
        for k in ("code", "name", "prefix", "yellow_after_min", "red_after_min"):
            _need(k in c, f"category {c.get('code', '?')}: missing {k}")
        _need(c["code"] not in codes, f"category {c['code']} twice")
        _need(len(str(c["prefix"])) == 1, f"category {c['code']}: prefix must be one letter")
        _need(0 < int(c["yellow_after_min"]) < int(c["red_after_min"]),
              f"category {c['code']}: need 0 < yellow_after_min < red_after_min")
        _check_guide_url(c)
        if c.get("active", True):
            _need(c["prefix"] not in prefixes, f"prefix {c['prefix']} used twice")
            prefixes.add(c["prefix"])
        codes.add(c["code"])
    items: set[str] = set()
    for it in data.get("items", []):
        for k in ("code", "category", "name", "online_url"):
            _need(k in it, f"service item {it.get('code', '?')}: missing {k}")
        _need(it["category"] in codes, f"service item {it['code']}: unknown category {it['category']}")
        _need(it["code"] not in items, f"service item {it['code']} twice")
        items.add(it["code"])
    staff_nos: set[str] = set()
    for s in data.get("staff", []):
        for k in ("staff_no", "name", "role", "password_hash"):
            _need(k in s, f"staff {s.get('staff_no', '?')}: missing {k}")
        _need(str(s["password_hash"]).startswith("$"), f"staff {s['staff_no']}: password is not a hash")
        _need(s["role"] in {r.value for r in STAFF_ROLES}, f"staff {s['staff_no']}: unknown role {s['role']}")
        _need(s["staff_no"] not in staff_nos, f"staff {s['staff_no']} twice")
        staff_nos.add(s["staff_no"])
    for a in data.get("appointments", []):
        for k in ("code", "category", "slot_start", "slot_end"):
            _need(k in a, f"appointment {a.get('code', '?')}: missing {k}")
        _need(a["category"] in codes, f"appointment {a['code']}: unknown category {a['category']}")
        _need(not a.get("item") or a["item"] in items, f"appointment {a['code']}: unknown item {a.get('item')}")
        try:
            _need(datetime.fromisoformat(a["slot_start"]) < datetime.fromisoformat(a["slot_end"]),
                  f"appointment {a['code']}: slot ends before it starts")
        except (TypeError, ValueError):
            raise ReleaseError(f"appointment {a['code']}: bad slot time") from None
    for p in data.get("tidal_plans", []):
        for k in ("name", "days", "start", "end", "windows", "primary"):
            _need(k in p, f"tidal plan {p.get('name', '?')}: missing {k}")
        for code in [*p["primary"], *p.get("secondary", [])]:
            _need(code in codes, f"tidal plan {p['name']}: unknown category {code}")
    for h in data.get("holidays", []):
        try:
            date.fromisoformat(h["day"])
        except (KeyError, TypeError, ValueError):
            raise ReleaseError(f"holiday {h!r}: bad day") from None
        _need(h.get("kind", "holiday") in ("holiday", "workday"), f"holiday {h['day']}: unknown kind")


def _check_guide_url(category: dict[str, Any]) -> None:
    """A category's optional guide link: the same rules as an item's guide link in a catalogue import."""
    url = category.get("guide_url", "")
    _need(isinstance(url, str), f"category {category['code']}: guide_url is not text")
    if url:
        try:
            check_url(url)
        except ValueError as exc:
            raise ReleaseError(f"category {category['code']}: guide_url {exc}") from None


def _category_values(c: dict[str, Any], now: datetime) -> dict[str, Any]:
    """A release category as row values; a release without `guide_url` (older central tooling) keeps the
    hall's link instead of clearing it."""
    values = dict(code=c["code"], name=c["name"], name_en=c.get("name_en", ""), prefix=c["prefix"],
                  yellow_after_min=int(c["yellow_after_min"]), red_after_min=int(c["red_after_min"]),
                  sort_order=int(c.get("sort_order", 0)), active=bool(c.get("active", True)), updated_at=now)
    if "guide_url" in c:
        values["guide_url"] = c["guide_url"]
    return values


def _naive(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=None)


def _upsert_by(conn: Connection, table: Any, key: str, rows: list[dict[str, Any]],
               existing: dict[Any, Any], insert_extra: dict[str, Any]) -> None:
    for values in rows:
        if values[key] in existing:
            conn.execute(update(table).where(table.c[key] == values[key]).values(**values))
        else:
            conn.execute(insert(table).values(id=new_id(), **insert_extra, **values))


def apply_release(store: Store, version: int, checksum: str, data: dict[str, Any],
                  clock: Callable[[], datetime] = utc_now, fault_hook: FaultHook | None = None) -> dict[str, int]:
    """Apply a verified release in one hall write transaction (all or nothing)."""
    now = clock()
    hall_id = store.hall_id
    counts = {s: len(data.get(s, [])) for s in SECTIONS}
    with store.write() as conn:
        current = int(conn.execute(select(func.max(REL.c.version))).scalar() or 0)
        if version <= current:
            return {}
        # categories (with SLA thresholds): park every prefix first, so swapped prefixes cannot collide
        cat_rows = {r.code: r for r in conn.execute(select(CAT))}
        moving = [c["code"] for c in data["categories"] if c["code"] in cat_rows
                  and cat_rows[c["code"]].prefix != c["prefix"]]
        for n, code in enumerate(moving):
            conn.execute(update(CAT).where(CAT.c.code == code).values(prefix=chr(0x2460 + n)))
        in_release = {c["code"] for c in data["categories"]}
        conn.execute(update(CAT).where(CAT.c.code.not_in(in_release)).values(active=False, updated_at=now))
        _upsert_by(conn, CAT, "code", [_category_values(c, now) for c in data["categories"]], cat_rows,
                   {"hall_id": hall_id})
        cat_id = {r.code: r.id for r in conn.execute(select(CAT.c.code, CAT.c.id))}
        fault("pull_mid_apply", fault_hook)
        # service items and guides
        items = data.get("items", [])
        item_rows = {r.code: r for r in conn.execute(select(ITEM.c.code, ITEM.c.id))}
        conn.execute(update(ITEM).where(ITEM.c.code.not_in({i["code"] for i in items})).values(active=False,
                                                                                               updated_at=now))
        _upsert_by(conn, ITEM, "code", [
            dict(code=i["code"], category_id=cat_id[i["category"]], name=i["name"],
                 conditions=i.get("conditions", []), materials=i.get("materials", []), steps=i.get("steps", []),
                 legal_limit_days=i.get("legal_limit_days"), promised_limit_days=i.get("promised_limit_days"),
                 fee=i.get("fee", ""), location=i.get("location", ""), phone=i.get("phone", ""),
                 online_url=i["online_url"], active=bool(i.get("active", True)), updated_at=now)
            for i in items], item_rows, {"hall_id": hall_id})
        item_id = {r.code: r.id for r in conn.execute(select(ITEM.c.code, ITEM.c.id))}
        # staff roster: hashes only; local lock-out state is kept
        staff = data.get("staff", [])
        staff_rows = {r.staff_no: r for r in conn.execute(select(STAFF.c.staff_no, STAFF.c.id))}
        conn.execute(update(STAFF).where(STAFF.c.staff_no.not_in({s["staff_no"] for s in staff}))
                     .values(active=False, updated_at=now))
        _upsert_by(conn, STAFF, "staff_no", [
            dict(staff_no=s["staff_no"], name=s["name"], role=s["role"], default_window=s.get("window"),
                 password_hash=s["password_hash"], active=bool(s.get("active", True)), updated_at=now)
            for s in staff], staff_rows, {"hall_id": hall_id, "failed_logins": 0})
        # appointments for the coming days: a booking already checked in here is left alone
        appts = {r.code: r for r in conn.execute(select(APPT.c.code, APPT.c.status))}
        for a in data.get("appointments", []):
            values = dict(category_id=cat_id[a["category"]], item_id=item_id.get(a.get("item") or ""),
                          slot_start=_naive(a["slot_start"]), slot_end=_naive(a["slot_end"]),
                          masked_name=a.get("masked_name", ""), status=a.get("status", "booked"))
            old = appts.get(a["code"])
            if old is None:
                conn.execute(insert(APPT).values(id=new_id(), hall_id=hall_id, code=a["code"], **values))
            elif old.status in ("booked", "cancelled"):
                conn.execute(update(APPT).where(APPT.c.code == a["code"]).values(**values))
        # tidal plans
        plans = data.get("tidal_plans", [])
        plan_rows = {r.name: r for r in conn.execute(select(PLAN.c.name, PLAN.c.id))}
        conn.execute(update(PLAN).where(PLAN.c.name.not_in({p["name"] for p in plans})).values(active=False,
                                                                                              updated_at=now))
        _upsert_by(conn, PLAN, "name", [
            dict(name=p["name"], days=p["days"], start=p["start"], end=p["end"], windows=p["windows"],
                 primary_categories=p["primary"], secondary_categories=p.get("secondary", []),
                 active=bool(p.get("active", True)), updated_at=now)
            for p in plans], plan_rows, {"hall_id": hall_id})
        # holiday calendar: replaced whole
        conn.execute(delete(HOL))
        for h in data.get("holidays", []):
            conn.execute(insert(HOL).values(day=date.fromisoformat(h["day"]), name=h.get("name", ""),
                                            kind=h.get("kind", "holiday")))
        conn.execute(insert(REL).values(version=version, checksum=checksum, applied_at=now, summary=counts))
    return counts


@dataclass
class PullResult:
    version_before: int
    version_after: int
    rows: dict[str, int]
    rejected: str | None = None


def pull(store: Store, engine: Engine, *, clock: Callable[[], datetime] = utc_now,
         fault_hook: FaultHook | None = None,
         download: Callable[[Engine, uuid.UUID, int], ReleaseBlob | None] = fetch_latest) -> PullResult:
    """Download, verify and apply the newest release, if there is one newer than the one in force."""
    before = applied_version(store)
    blob = download(engine, store.hall_id, before)
    if blob is None:
        return PullResult(before, before, {})
    try:
        data = verify(blob)
    except ReleaseError as exc:
        return PullResult(before, before, {}, rejected=str(exc))
    counts = apply_release(store, blob.version, blob.checksum, data, clock=clock, fault_hook=fault_hook)
    return PullResult(before, applied_version(store), counts)


def export_release(store: Store) -> dict[str, Any]:
    """The hall's current reference data in release form (a starting point for a central admin)."""
    with store.read() as conn:
        cats = list(conn.execute(select(CAT).order_by(CAT.c.sort_order, CAT.c.code)))
        code_of = {c.id: c.code for c in cats}
        items = list(conn.execute(select(ITEM).order_by(ITEM.c.code)))
        item_code = {i.id: i.code for i in items}
        return {
            "format": FORMAT,
            "categories": [dict(code=c.code, name=c.name, name_en=c.name_en, prefix=c.prefix,
                                yellow_after_min=c.yellow_after_min, red_after_min=c.red_after_min,
                                sort_order=c.sort_order, guide_url=c.guide_url, active=c.active) for c in cats],
            "items": [dict(code=i.code, category=code_of[i.category_id], name=i.name, conditions=i.conditions,
                           materials=i.materials, steps=i.steps, legal_limit_days=i.legal_limit_days,
                           promised_limit_days=i.promised_limit_days, fee=i.fee, location=i.location,
                           phone=i.phone, online_url=i.online_url, active=i.active) for i in items],
            "staff": [dict(staff_no=s.staff_no, name=s.name, role=s.role, window=s.default_window,
                           password_hash=s.password_hash, active=s.active)
                      for s in conn.execute(select(STAFF).order_by(STAFF.c.staff_no))],
            "appointments": [dict(code=a.code, category=code_of[a.category_id], item=item_code.get(a.item_id),
                                  slot_start=a.slot_start.isoformat(), slot_end=a.slot_end.isoformat(),
                                  masked_name=a.masked_name, status=a.status)
                             for a in conn.execute(select(APPT).where(APPT.c.slot_start >= utc_now()
                                                                      .replace(hour=0, minute=0, second=0,
                                                                               microsecond=0))
                                                   .order_by(APPT.c.code))],
            "tidal_plans": [dict(name=p.name, days=p.days, start=p.start, end=p.end, windows=p.windows,
                                 primary=p.primary_categories, secondary=p.secondary_categories, active=p.active)
                            for p in conn.execute(select(PLAN).order_by(PLAN.c.name))],
            "holidays": [dict(day=h.day.isoformat(), name=h.name, kind=h.kind)
                         for h in conn.execute(select(HOL).order_by(HOL.c.day))],
        }
