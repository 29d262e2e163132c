"""Who is calling: staff logins (argon2 passwords, lock-out) and device tokens, as bearer tokens.

Tokens are 32 random bytes (url-safe base64). Only their sha256 is stored, in `auth_session` for staff
logins and in `device` for kiosk/display devices. sha256 rather than argon2 for tokens: a token has 256
bits of entropy, so a slow KDF adds no protection against guessing, while an indexed sha256 lookup keeps
every request cheap (argon2 costs ~50 ms and 64 MiB per check). Passwords, which people choose, do get
argon2 (`hallclient.passwords`).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select, update

from hallclient.domain.staff import DEMO_PASSWORD, DEVICE_ROLES
from hallclient.hallnode.schemas import Role
from hallclient.ids import new_id
from hallclient.passwords import hash_password, needs_rehash, verify_password
from hallclient.store import journal, seats
from hallclient.store.errors import ConflictError, NotFoundError
from hallclient.store.hall_repo import is_demo
from hallclient.store.store import Store
from hallclient.store.tables import AuthSessionRow, DeviceRow, StaffRow

SESSION = AuthSessionRow.__table__
DEVICE = DeviceRow.__table__
STAFF = StaffRow.__table__

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
SESSION_MARGIN = timedelta(hours=2)  # a login lasts to the end of the hall day plus this (extended hours)
_DUMMY_HASH = hash_password("no such staff member")  # equal timing for unknown staff numbers


class AuthError(Exception):
    """Login refused; `status` is 401 (bad credentials) or 423 (locked out)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Principal:
    """The caller of one request."""

    role: Role
    name: str
    staff_id: uuid.UUID | None = None
    staff_no: str | None = None
    device_id: uuid.UUID | None = None
    window_no: int | None = None
    must_change_password: bool = False  # a one-time password: only /auth/password, /auth/me and logout work

    @property
    def actor(self) -> str:
        """How the audit log names this caller."""
        return f"{self.role.value}:{self.staff_no or self.name}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def session_expiry(store: Store, now: datetime) -> datetime:
    """End of the hall's local day plus a margin, as naive UTC."""
    tz = store.tz
    local = now.replace(tzinfo=UTC).astimezone(tz)
    end = datetime.combine(local.date() + timedelta(days=1), time(0), tz) + SESSION_MARGIN
    return end.astimezone(UTC).replace(tzinfo=None)


def login(store: Store, staff_no: str, password: str, window_no: int | None, now: datetime, *,
          handover: bool = False, is_present: Callable[[int, uuid.UUID], bool] | None = None) -> tuple[str, Any]:
    """Check a staff password (with lock-out) and open a session; returns (token, (staff row, role, window,
    expiry, seats.Seated or None)).

    A clerk is seated at the window (see `store.seats`). If another clerk sits there and `is_present` says
    they are at work, the login is refused unless it is a `handover` (交接班), which takes the window over."""
    with store.read() as conn:
        staff = conn.execute(select(STAFF).where(STAFF.c.staff_no == staff_no)).first()
    if staff is None or not staff.active:
        verify_password(_DUMMY_HASH, password)
        raise AuthError(401, "wrong staff number or password")
    if password == DEMO_PASSWORD and not is_demo(store):
        verify_password(_DUMMY_HASH, password)
        raise AuthError(401, "the demo password is not accepted in this hall; ask an admin for a one-time password")
    if staff.locked_until is not None and staff.locked_until > now:
        mins = max(1, int((staff.locked_until - now).total_seconds() // 60) + 1)
        raise AuthError(423, f"too many failed logins; staff {staff_no} is locked for {mins} more minutes")
    ok = verify_password(staff.password_hash, password)  # slow on purpose: outside the write lock
    with store.write() as conn:
        fresh = conn.execute(select(STAFF.c.failed_logins).where(STAFF.c.id == staff.id)).scalar_one()
        if not ok:
            failed = fresh + 1
            values: dict[str, Any] = {"failed_logins": failed}
            if failed >= MAX_FAILED_LOGINS:
                values = {"failed_logins": 0, "locked_until": now + LOCKOUT}
            conn.execute(update(STAFF).where(STAFF.c.id == staff.id).values(**values))
            journal.audit(conn, hall_id=staff.hall_id, at=now, actor_id=staff.id, actor=f"staff:{staff_no}",
                          action="login_failed", detail={"locked": failed >= MAX_FAILED_LOGINS})
    if not ok:
        raise AuthError(401, "wrong staff number or password")
    role = Role(staff.role)
    if window_no is None and role is Role.CLERK:
        window_no = staff.default_window
    token = new_token()
    expires = session_expiry(store, now)
    seated = None
    with store.write() as conn:
        if window_no is not None:
            win = seats.seated_window(conn, window_no)
            if (role is Role.CLERK and win.clerk_id not in (None, staff.id) and not handover
                    and is_present is not None and is_present(window_no, win.clerk_id)):
                raise ConflictError(f"window {window_no} is staffed by {win.clerk_name} ({win.clerk_no}); they log "
                                    "out first, or log in with handover (交接班) to take the window over")
        values = {"failed_logins": 0, "locked_until": None}
        if needs_rehash(staff.password_hash):
            values["password_hash"] = hash_password(password)
        conn.execute(update(STAFF).where(STAFF.c.id == staff.id).values(**values))
        conn.execute(insert(SESSION).values(id=new_id(), token_hash=hash_token(token), staff_id=staff.id,
                                            role=role.value, window_no=window_no, created_at=now, expires_at=expires,
                                            revoked=False))
        if role is Role.CLERK and window_no is not None:
            seated = seats.seat_clerk(conn, staff, window_no, now)
    return token, (staff, role, window_no, expires, seated)


def logout(store: Store, token: str, principal: Principal, now: datetime) -> str | None:
    """End a login; a clerk leaves their window (the ticket in hand, if any, stays with it: its number is
    returned)."""
    with store.write() as conn:
        conn.execute(update(SESSION).where(SESSION.c.token_hash == hash_token(token)).values(revoked=True))
        if principal.role is Role.CLERK and principal.window_no is not None and principal.staff_id is not None:
            ticket = seats.ticket_in_hand(conn, principal.window_no)
            seats.unseat(conn, principal.staff_id, now, only=principal.window_no)
            return ticket
    return None


def resolve(store: Store, token: str, now: datetime) -> Principal | None:
    """The principal behind a bearer token, or None if unknown, expired or revoked."""
    if not token or len(token) > 200:
        return None
    digest = hash_token(token)
    with store.read() as conn:
        s = conn.execute(select(SESSION).where(SESSION.c.token_hash == digest)).first()
        if s is not None:
            if s.revoked or s.expires_at <= now:
                return None
            staff = conn.execute(select(STAFF.c.name, STAFF.c.staff_no, STAFF.c.active,
                                        STAFF.c.must_change_password).where(STAFF.c.id == s.staff_id)).first()
            if staff is None or not staff.active:
                return None
            return Principal(role=Role(s.role), name=staff.name, staff_id=s.staff_id, staff_no=staff.staff_no,
                             window_no=s.window_no, must_change_password=bool(staff.must_change_password))
        d = conn.execute(select(DEVICE).where(DEVICE.c.token_hash == digest)).first()
        if d is not None and not d.revoked:
            return Principal(role=Role(d.role), name=d.name, device_id=d.id)
    return None


# -- device tokens (used by the CLI) -----------------------------------------------------------------


def add_device(store: Store, name: str, role: str, now: datetime) -> str:
    """Register a kiosk or display; returns its token (shown once, stored only as a hash)."""
    r = Role(role)
    if r not in DEVICE_ROLES:
        raise ValueError(f"device role must be kiosk or display, got {role!r}")
    name = name.strip()
    if not name or len(name) > 60:
        raise ValueError("device name must be 1-60 characters")
    token = new_token()
    with store.write() as conn:
        if conn.execute(select(DEVICE.c.id).where(DEVICE.c.name == name)).first() is not None:
            raise ConflictError(f"a device named {name!r} exists; revoke it or pick another name")
        conn.execute(insert(DEVICE).values(id=new_id(), hall_id=store.hall_id, name=name, role=r.value,
                                           token_hash=hash_token(token), created_at=now, revoked=False))
        journal.audit(conn, hall_id=store.hall_id, at=now, actor_id=None, actor="cli", action="device_add",
                      detail={"name": name, "role": r.value})
    return token


def list_devices(store: Store) -> list[Any]:
    with store.read() as conn:
        return list(conn.execute(select(DEVICE).order_by(DEVICE.c.name, DEVICE.c.created_at)))


def revoke_device(store: Store, name: str, now: datetime) -> None:
    with store.write() as conn:
        done = conn.execute(update(DEVICE).where(DEVICE.c.name == name, DEVICE.c.revoked.is_(False))
                            .values(revoked=True, name=f"{name[:36]}#revoked-{now:%Y%m%d%H%M%S%f}"))
        if done.rowcount == 0:
            raise NotFoundError(f"no active device named {name!r}")
        journal.audit(conn, hall_id=store.hall_id, at=now, actor_id=None, actor="cli", action="device_revoke",
                      detail={"name": name})


ClockFn = Callable[[], datetime]
