"""Hall administration for supervisors and admins: audit log, staff, windows, SLA thresholds, day stats.

Every change here is audited (who, when, before, after) and announced as an event (`window_changed` or
`config_changed`), so open consoles update without a refresh. Passwords are never logged or returned.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field
from sqlalchemy import select, update

from hallclient.domain.sla import SlaThresholds
from hallclient.domain.staff import password_problem
from hallclient.domain.tickets import TicketStatus
from hallclient.hallnode.auth import SESSION, STAFF, Principal
from hallclient.hallnode.deps import MANAGERS, NodeDep, aware, require
from hallclient.hallnode.schemas import ErrorOut, Strict, WindowNo
from hallclient.passwords import hash_password
from hallclient.store import journal, staff_repo
from hallclient.store.errors import NotFoundError
from hallclient.store.tables import AuditLogRow, CategoryRow, SettingRow, TicketRow, WindowRow

router = APIRouter(prefix="/api/v1", tags=["admin"], responses={
    401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 422: {"model": ErrorOut}})
AUDIT, CAT, WIN, T, SET = (AuditLogRow.__table__, CategoryRow.__table__, WindowRow.__table__, TicketRow.__table__,
                           SettingRow.__table__)
Manager = Annotated[Principal, require(*MANAGERS)]


class AuditOut(BaseModel):
    seq: int
    at: datetime
    actor: str
    action: str
    detail: dict[str, Any]


@router.get("/audit", response_model=list[AuditOut])
def audit_log(node: NodeDep, _p: Manager,
              kind: Annotated[str | None, Query(max_length=200, description="actions, comma-separated")] = None,
              since: datetime | None = None, until: datetime | None = None,
              limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> list[dict[str, Any]]:
    """Newest first. `kind=tidal_switch,green_flag,pause` filters by action; times are UTC."""
    q = select(AUDIT)
    if kind:
        q = q.where(AUDIT.c.action.in_([k.strip() for k in kind.split(",") if k.strip()]))
    if since is not None:
        q = q.where(AUDIT.c.at >= _naive(since))
    if until is not None:
        q = q.where(AUDIT.c.at < _naive(until))
    with node.store.read() as conn:
        rows = conn.execute(q.order_by(AUDIT.c.seq.desc()).limit(limit)).all()
    return [{"seq": r.seq, "at": aware(r.at), "actor": r.actor, "action": r.action, "detail": r.detail or {}}
            for r in rows]


def _naive(dt: datetime) -> datetime:
    return dt.astimezone(UTC).replace(tzinfo=None) if dt.tzinfo is not None else dt


class StaffOut(BaseModel):
    staff_no: str
    name: str
    role: str
    default_window: int | None
    active: bool
    locked: bool
    must_change_password: bool = False  # a one-time password was handed out and not yet replaced
    has_photo: bool = False


@router.get("/admin/staff", response_model=list[StaffOut])
def staff(node: NodeDep, _p: Manager) -> list[dict[str, Any]]:
    return staff_repo.list_staff(node.store, node.clock())


def _audit(node: Any, conn: Any, p: Principal, action: str, detail: dict[str, Any]) -> None:
    journal.audit(conn, hall_id=node.store.hall_id, at=node.clock(), actor_id=p.staff_id, actor=p.actor,
                  action=action, detail=detail)


def _window(conn: Any, no: int) -> Any:
    row = conn.execute(select(WIN).where(WIN.c.no == no)).first()
    if row is None or row.retired:
        raise NotFoundError(f"no window number {no}" + (" in service (it is retired)" if row is not None else ""))
    return row


class OpenIn(Strict):
    reason: Annotated[str, Field(max_length=200)] = ""


@router.post("/admin/windows/{no}/open")
def open_window(no: WindowNo, node: NodeDep, p: Manager, body: OpenIn | None = None) -> dict[str, Any]:
    return _set_open(node, p, no, True, (body or OpenIn()).reason)


@router.post("/admin/windows/{no}/close")
def close_window(no: WindowNo, node: NodeDep, p: Manager, body: OpenIn | None = None) -> dict[str, Any]:
    """A closed window takes no calls; a visitor being served there is not affected."""
    return _set_open(node, p, no, False, (body or OpenIn()).reason)


def _set_open(node: Any, p: Principal, no: int, is_open: bool, reason: str) -> dict[str, Any]:
    now = node.clock()
    with node.store.write() as conn:
        win = _window(conn, no)
        conn.execute(update(WIN).where(WIN.c.no == no).values(is_open=is_open, updated_at=now))
        _audit(node, conn, p, "window_open" if is_open else "window_close",
               {"window": no, "before": win.is_open, "after": is_open, "reason": reason})
        payload = {"window_no": no, "is_open": is_open, "reason": reason}
        journal.hall_event(conn, "window_changed", payload, now)
    return payload


class ClerkIn(Strict):
    staff_no: Annotated[str, Field(min_length=1, max_length=20)] | None = None


@router.put("/admin/windows/{no}/clerk")
def assign_clerk(no: WindowNo, body: ClerkIn, node: NodeDep, p: Manager) -> dict[str, Any]:
    """Put a clerk at a window (their default window from now on), or `staff_no: null` to clear it."""
    now = node.clock()
    with node.store.write() as conn:
        win = _window(conn, no)
        clerk = None
        if body.staff_no is not None:
            clerk = conn.execute(select(STAFF).where(STAFF.c.staff_no == body.staff_no)).first()
            if clerk is None or not clerk.active:
                raise NotFoundError(f"no active staff member {body.staff_no}")
            conn.execute(update(STAFF).where(STAFF.c.id == clerk.id).values(default_window=no, updated_at=now))
        before = conn.execute(select(STAFF.c.staff_no).where(STAFF.c.id == win.clerk_id)).scalar() \
            if win.clerk_id else None
        conn.execute(update(WIN).where(WIN.c.no == no).values(clerk_id=clerk.id if clerk else None, updated_at=now))
        _audit(node, conn, p, "assign_clerk", {"window": no, "before": before, "after": body.staff_no})
        payload = {"window_no": no, "clerk": clerk.name if clerk else None, "staff_no": body.staff_no}
        journal.hall_event(conn, "window_changed", payload, now)
    return payload


class PasswordIn(Strict):
    new_password: Annotated[str, Field(min_length=8, max_length=200)]


@router.post("/admin/staff/{staff_no}/password", status_code=204)
def reset_password(staff_no: Annotated[str, Path(max_length=20)], body: PasswordIn, node: NodeDep,
                   p: Manager) -> None:
    """Set a new password, lift any lock-out and end the staff member's open sessions at once. The password
    is one-time: its owner sets their own at the next login."""
    problem = password_problem(body.new_password, staff_no)
    if problem:
        raise ValueError(f"new_password: {problem}")
    pw_hash = hash_password(body.new_password)  # slow on purpose: outside the write lock
    now = node.clock()
    with node.store.write() as conn:
        row = conn.execute(select(STAFF).where(STAFF.c.staff_no == staff_no)).first()
        if row is None:
            raise NotFoundError(f"no staff member {staff_no}")
        conn.execute(update(STAFF).where(STAFF.c.id == row.id).values(
            password_hash=pw_hash, failed_logins=0, locked_until=None, must_change_password=True, updated_at=now))
        conn.execute(update(SESSION).where(SESSION.c.staff_id == row.id).values(revoked=True))
        _audit(node, conn, p, "password_reset", {"staff_no": staff_no})
    node.tokens.drop_staff(row.id)


class SlaIn(Strict):
    yellow_after_min: Annotated[int, Field(ge=1, le=600)]
    red_after_min: Annotated[int, Field(ge=1, le=600)]


@router.put("/admin/categories/{code}/sla")
def set_sla(code: Annotated[str, Path(max_length=60)], body: SlaIn, node: NodeDep, p: Manager) -> dict[str, Any]:
    """蓝黄红预警 thresholds of one category; yellow must be below red."""
    SlaThresholds(body.yellow_after_min, body.red_after_min)  # ValueError → 422 with the reason
    now = node.clock()
    with node.store.write() as conn:
        cat = conn.execute(select(CAT).where(CAT.c.code == code)).first()
        if cat is None:
            raise NotFoundError(f"no category {code!r}")
        conn.execute(update(CAT).where(CAT.c.id == cat.id).values(
            yellow_after_min=body.yellow_after_min, red_after_min=body.red_after_min, updated_at=now))
        detail = {"category": code, "before": {"yellow": cat.yellow_after_min, "red": cat.red_after_min},
                  "after": {"yellow": body.yellow_after_min, "red": body.red_after_min}}
        _audit(node, conn, p, "sla_change", detail)
        journal.hall_event(conn, "config_changed", {"what": "sla", **detail}, now)
    return detail


class GreenSettingIn(Strict):
    alert_after_min: Annotated[int, Field(ge=1, le=240)]


@router.get("/admin/settings/green-channel")
def get_green(node: NodeDep, _p: Manager) -> dict[str, Any]:
    with node.store.read() as conn:
        value = conn.execute(select(SET.c.value).where(SET.c.key == "green_channel")).scalar()
    return {"alert_after_min": int((value or {}).get("alert_after_min", 5))}


@router.put("/admin/settings/green-channel")
def set_green(body: GreenSettingIn, node: NodeDep, p: Manager) -> dict[str, Any]:
    """Minutes a green-channel ticket may wait before the supervisor is alerted."""
    now = node.clock()
    with node.store.write() as conn:
        old = conn.execute(select(SET.c.value).where(SET.c.key == "green_channel")).scalar()
        value = {**(old or {}), "alert_after_min": body.alert_after_min}
        if old is None:
            conn.execute(SET.insert().values(key="green_channel", value=value, updated_at=now))
        else:
            conn.execute(update(SET).where(SET.c.key == "green_channel").values(value=value, updated_at=now))
        detail = {"setting": "green_channel", "before": old, "after": value}
        _audit(node, conn, p, "config_change", detail)
        journal.hall_event(conn, "config_changed", {"what": "green_channel", **detail}, now)
    return value


@router.get("/admin/stats")
def day_stats(node: NodeDep, _p: Manager, day: date | None = None,
              step_min: Annotated[int, Query(ge=5, le=120)] = 30,
              recent_min: Annotated[int, Query(ge=10, le=480)] = 60) -> dict[str, Any]:
    """For the charts and the advisor: served per hour, waiting per category through the day (sampled
    every `step_min`), and per category the recent arrival rate and mean service time."""
    now = node.clock()
    tz = node.store.tz
    day = day or node.store.local_day(now)
    with node.store.read() as conn:
        cats = {r.id: r for r in conn.execute(select(CAT.c.id, CAT.c.code, CAT.c.name).where(CAT.c.active.is_(True)))}
        rows = conn.execute(select(T.c.category_id, T.c.status, T.c.issued_at, T.c.called_at, T.c.started_at,
                                   T.c.finished_at).where(T.c.day == day)).all()

    def local(dt: datetime) -> datetime:
        return dt.replace(tzinfo=UTC).astimezone(tz).replace(tzinfo=None)

    served: dict[int, int] = defaultdict(int)
    for r in rows:
        if r.status == TicketStatus.FINISHED.value and r.finished_at is not None:
            served[local(r.finished_at).hour] += 1
    hall = node.store.hall()
    opens = datetime.combine(day, time.fromisoformat(hall.opens_at))
    closes = datetime.combine(day, time.fromisoformat(hall.closes_at))
    now_local = local(now)
    end = min(max(now_local, opens), closes + timedelta(hours=3)) if now_local.date() == day else closes
    samples: list[str] = []
    waiting: dict[str, list[int]] = {c.code: [] for c in cats.values()}
    t = opens
    while t <= end:
        samples.append(t.strftime("%H:%M"))
        counts: dict[str, int] = defaultdict(int)
        for r in rows:
            if r.category_id not in cats or local(r.issued_at) > t:
                continue
            left = r.called_at or r.finished_at
            if left is not None and local(left) <= t:
                continue
            if left is None and r.status not in (TicketStatus.WAITING.value,):
                continue
            counts[cats[r.category_id].code] += 1
        for code in waiting:
            waiting[code].append(counts.get(code, 0))
        t += timedelta(minutes=step_min)
    since = now - timedelta(minutes=recent_min)
    service: dict[str, dict[str, float]] = {}
    for cid, c in cats.items():
        mine = [r for r in rows if r.category_id == cid]
        arrivals = sum(1 for r in mine if r.issued_at >= since)
        done = [(r.finished_at - (r.started_at or r.called_at)).total_seconds() for r in mine
                if r.status == TicketStatus.FINISHED.value and r.finished_at is not None
                and (r.started_at or r.called_at) is not None and r.finished_at >= since - timedelta(hours=2)]
        service[c.code] = {"arrivals_per_min": arrivals / recent_min,
                           "mean_service_s": (sum(done) / len(done)) if done else 0.0, "served_n": len(done)}
    return {"day": day.isoformat(), "served_per_hour": {str(h): n for h, n in sorted(served.items())},
            "samples": samples, "waiting": waiting, "service": service,
            "categories": {c.code: c.name for c in cats.values()}}
