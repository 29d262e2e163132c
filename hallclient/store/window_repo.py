"""Window administration in the store: add, edit, retire and restore windows.

A window's number is its identity: tickets, window sessions and reports refer to it. A retired window keeps
its row (and so its history) but leaves the hall: it is in no live list, takes no calls, transfers or
logins, and its number cannot be given to a new window (restore it instead). A window is retired only when
nobody sits at it, it holds no ticket, no ticket waits for it by number and no active tidal plan lists it.

`default_primary`/`default_secondary` are what the window serves when nobody has switched it; an admin's
edit of them applies at once (as an audited switch, through `HallQueue.switch_window`, done by the caller).
Every change is audited and announced as `window_changed` with `"config": true`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select, update

from hallclient.domain.tickets import TicketStatus
from hallclient.domain.windows import Subscription
from hallclient.hallsetup.model import WindowSpec
from hallclient.store import journal
from hallclient.store.errors import ConflictError, NotFoundError
from hallclient.store.hall_repo import insert_window
from hallclient.store.seats import ticket_in_hand
from hallclient.store.staff_repo import Actor
from hallclient.store.store import Store
from hallclient.store.tables import CategoryRow, StaffRow, TicketRow, TidalPlanRow, WindowRow

WIN = WindowRow.__table__
CAT = CategoryRow.__table__
T = TicketRow.__table__
PLAN = TidalPlanRow.__table__
STAFF = StaffRow.__table__
EDITABLE = ("name", "zone", "tidal", "primary", "secondary")


def window_out(row: Any, clerk: str | None = None) -> dict[str, Any]:
    return {"no": row.no, "name": row.name, "zone": row.zone, "tidal": bool(row.tidal), "retired": bool(row.retired),
            "is_open": bool(row.is_open), "clerk": clerk, "default_primary": list(row.default_primary or []),
            "default_secondary": list(row.default_secondary or []), "primary": list(row.primary_categories or []),
            "secondary": list(row.secondary_categories or [])}


def list_windows(store: Store) -> list[dict[str, Any]]:
    """Every window, retired ones too (for the admin)."""
    with store.read() as conn:
        rows = conn.execute(select(WIN, STAFF.c.name.label("clerk")).outerjoin(STAFF, STAFF.c.id == WIN.c.clerk_id)
                            .order_by(WIN.c.no)).all()
    return [window_out(r, r.clerk) for r in rows]


def _window(conn: Connection, no: int) -> Any:
    row = conn.execute(select(WIN).where(WIN.c.no == no)).first()
    if row is None:
        raise NotFoundError(f"no window number {no}")
    return row


def _subscription(conn: Connection, primary: list[str], secondary: list[str]) -> Subscription:
    sub = Subscription(tuple(primary), tuple(secondary))  # SubscriptionError (a ValueError) → 422
    known = {r.code for r in conn.execute(select(CAT.c.code).where(CAT.c.active.is_(True)))}
    sub.validate_against(known)
    return sub


def _text(value: str, field: str, limit: int, *, required: bool = False) -> str:
    text = " ".join(str(value).split())
    if required and not text:
        raise ValueError(f"{field}: is missing")
    if len(text) > limit:
        raise ValueError(f"{field}: at most {limit} characters")
    return text


def _announce(conn: Connection, store: Store, actor: Actor, action: str, no: int, detail: dict[str, Any],
              now: datetime) -> None:
    journal.audit(conn, hall_id=store.hall_id, at=now, actor_id=actor.staff_id, actor=actor.name, action=action,
                  detail={"window": no, **detail})
    journal.hall_event(conn, "window_changed", {"window_no": no, "config": True}, now)


def add_window(store: Store, spec: WindowSpec, actor: Actor, now: datetime) -> dict[str, Any]:
    name = _text(spec.name or f"{spec.no}号窗口", "name", 40, required=True)
    zone = _text(spec.zone, "zone", 20)
    with store.write() as conn:
        sub = _subscription(conn, list(spec.primary), list(spec.secondary))
        old = conn.execute(select(WIN.c.retired).where(WIN.c.no == spec.no)).first()
        if old is not None:
            raise ConflictError(f"window {spec.no} exists already" + (" (retired: restore it instead)"
                                                                      if old.retired else ""))
        insert_window(conn, store.hall_id, WindowSpec(spec.no, name, zone, spec.tidal, sub.primary, sub.secondary),
                      now)
        _announce(conn, store, actor, "window_add", spec.no, {"name": name, "zone": zone, "tidal": spec.tidal,
                                                              "primary": list(sub.primary),
                                                              "secondary": list(sub.secondary)}, now)
        return window_out(_window(conn, spec.no))


def edit_window(store: Store, no: int, changes: dict[str, Any], actor: Actor,
                now: datetime) -> tuple[dict[str, Any], Subscription | None]:
    """Change name, zone, tidal and/or the default categories; returns the window and, when the defaults
    changed, the subscription the caller switches the window to now."""
    with store.write() as conn:
        row = _window(conn, no)
        if row.retired:
            raise ConflictError(f"window {no} is retired; restore it first")
        before = {"name": row.name, "zone": row.zone, "tidal": bool(row.tidal),
                  "primary": list(row.default_primary or []), "secondary": list(row.default_secondary or [])}
        after = dict(before)
        if "name" in changes:
            after["name"] = _text(changes["name"] or f"{no}号窗口", "name", 40, required=True)
        if "zone" in changes:
            after["zone"] = _text(changes["zone"], "zone", 20)
        if "tidal" in changes:
            after["tidal"] = bool(changes["tidal"])
        sub = None
        if "primary" in changes or "secondary" in changes:
            sub = _subscription(conn, list(changes.get("primary", before["primary"])),
                                list(changes.get("secondary", before["secondary"])))
            after["primary"], after["secondary"] = list(sub.primary), list(sub.secondary)
        diff = {k: v for k, v in after.items() if v != before[k]}
        if not diff:
            return window_out(row), None
        values = {k: v for k, v in diff.items() if k in ("name", "zone", "tidal")}
        if "primary" in diff or "secondary" in diff:
            values |= {"default_primary": after["primary"], "default_secondary": after["secondary"]}
        conn.execute(update(WIN).where(WIN.c.no == no).values(**values, updated_at=now))
        _announce(conn, store, actor, "window_edit", no, {"before": {k: before[k] for k in diff}, "after": diff}, now)
        changed = "primary" in diff or "secondary" in diff
        return window_out(_window(conn, no)), sub if changed else None


def retire_window(store: Store, no: int, reason: str, actor: Actor, now: datetime) -> dict[str, Any]:
    with store.write() as conn:
        row = _window(conn, no)
        if row.retired:
            raise ConflictError(f"window {no} is retired already")
        if row.clerk_id is not None:
            name = conn.execute(select(STAFF.c.name).where(STAFF.c.id == row.clerk_id)).scalar()
            raise ConflictError(f"{name} is logged in at window {no}; they log out first")
        held = ticket_in_hand(conn, no)
        if held:
            raise ConflictError(f"window {no} still holds ticket {held}; finish or transfer it first")
        waiting = conn.execute(select(func.count()).select_from(T).where(
            T.c.target_window == no, T.c.status == TicketStatus.WAITING.value)).scalar_one()
        if waiting:
            raise ConflictError(f"{waiting} ticket(s) wait for window {no} by number; transfer them first")
        plans = [p.name for p in conn.execute(select(PLAN.c.name, PLAN.c.windows).where(PLAN.c.active.is_(True)))
                 if no in [int(w) for w in (p.windows or [])]]
        if plans:
            raise ConflictError(f"tidal plan(s) {', '.join(plans)} list window {no}; edit them first")
        conn.execute(update(WIN).where(WIN.c.no == no).values(retired=True, is_open=False, paused=False,
                                                              pause_reason="", updated_at=now))
        _announce(conn, store, actor, "window_retire", no, {"reason": reason}, now)
        return window_out(_window(conn, no))


def restore_window(store: Store, no: int, actor: Actor, now: datetime) -> dict[str, Any]:
    with store.write() as conn:
        row = _window(conn, no)
        if not row.retired:
            raise ConflictError(f"window {no} is in service")
        conn.execute(update(WIN).where(WIN.c.no == no).values(retired=False, is_open=True, updated_at=now))
        _announce(conn, store, actor, "window_restore", no, {}, now)
        return window_out(_window(conn, no))
