"""Staff administration in the store: add, edit, deactivate, photos, and a person setting their own password.

Every change is audited (who, when, before, after) and announced as `config_changed` {"what": "staff"}.
Passwords never appear in the audit log or an event. Rules a hall relies on:

* nobody deactivates themselves or changes their own role, and the last active admin stays an active admin
  (or nobody could administer the hall any more);
* a role change or a deactivation revokes the person's logins at once (a token carries its role), and a
  deactivated clerk leaves their window (the ticket in hand stays with the window);
* a new account's password is one-time (`must_change_password`); so is a reset one.
"""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from hallclient.domain.staff import MAX_NAME, Role, one_time_password, password_problem, staff_no_problem
from hallclient.hallsetup.model import StaffSpec
from hallclient.passwords import hash_password, verify_password
from hallclient.store import journal, seats
from hallclient.store.errors import ConflictError, NotFoundError
from hallclient.store.hall_repo import insert_staff
from hallclient.store.store import Store
from hallclient.store.tables import AuthSessionRow, StaffPhotoRow, StaffRow, WindowRow

STAFF = StaffRow.__table__
PHOTO = StaffPhotoRow.__table__
SESSION = AuthSessionRow.__table__
WIN = WindowRow.__table__
PHOTO_MAX_BYTES = 256 * 1024
PHOTO_MIN_PX, PHOTO_MAX_PX = 64, 2048
PHOTO_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png"}


@dataclass(frozen=True)
class Actor:
    """Who makes a change, as the audit log names them."""

    staff_id: uuid.UUID | None
    name: str


@dataclass(frozen=True)
class StaffChange:
    """What an edit did: the row after it, whether logins were revoked, the windows the person left."""

    staff: dict[str, Any]
    revoked: bool
    left_windows: tuple[int, ...]


def staff_out(row: Any, has_photo: bool, now: datetime) -> dict[str, Any]:
    return {"staff_no": row.staff_no, "name": row.name, "role": row.role, "default_window": row.default_window,
            "active": bool(row.active), "locked": row.locked_until is not None and row.locked_until > now,
            "must_change_password": bool(row.must_change_password), "has_photo": has_photo}


def list_staff(store: Store, now: datetime) -> list[dict[str, Any]]:
    with store.read() as conn:
        rows = conn.execute(select(STAFF).order_by(STAFF.c.staff_no)).all()
        photos = set(conn.execute(select(PHOTO.c.staff_id)).scalars())
    return [staff_out(r, r.id in photos, now) for r in rows]


def _staff(conn: Connection, staff_no: str) -> Any:
    row = conn.execute(select(STAFF).where(STAFF.c.staff_no == staff_no)).first()
    if row is None:
        raise NotFoundError(f"no staff member {staff_no}")
    return row


def _check_window(conn: Connection, window_no: int | None) -> None:
    if window_no is None:
        return
    row = conn.execute(select(WIN.c.retired).where(WIN.c.no == window_no)).first()
    if row is None or row.retired:
        raise ValueError(f"default_window: no window {window_no} in service")


def _check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise ValueError(f"name: must be 1-{MAX_NAME} characters")
    return name


def _audit(conn: Connection, store: Store, actor: Actor, action: str, detail: dict[str, Any], now: datetime) -> None:
    journal.audit(conn, hall_id=store.hall_id, at=now, actor_id=actor.staff_id, actor=actor.name, action=action,
                  detail=detail)
    journal.hall_event(conn, "config_changed", {"what": "staff", "staff_no": detail.get("staff_no")}, now)


def add_staff(store: Store, staff_no: str, name: str, role: Role, default_window: int | None,
              password: str | None, actor: Actor, now: datetime) -> tuple[dict[str, Any], str]:
    """A new account with a one-time password (`password`, or a generated one), returned once."""
    bad = staff_no_problem(staff_no)
    if bad:
        raise ValueError(f"staff_no: {bad}")
    name = _check_name(name)
    password = password or one_time_password()
    problem = password_problem(password, staff_no)
    if problem:
        raise ValueError(f"password: {problem}")
    pw_hash = hash_password(password)  # slow on purpose: outside the write lock
    with store.write() as conn:
        if conn.execute(select(STAFF.c.id).where(func.lower(STAFF.c.staff_no) == staff_no.lower())).first():
            raise ConflictError(f"staff number {staff_no} exists already (deactivated ones too: reactivate it)")
        _check_window(conn, default_window)
        insert_staff(conn, store.hall_id, StaffSpec(staff_no, name, role, default_window), pw_hash, now,
                     must_change=True)
        _audit(conn, store, actor, "staff_add", {"staff_no": staff_no, "name": name, "role": role.value,
                                                 "window": default_window}, now)
        row = _staff(conn, staff_no)
    return staff_out(row, False, now), password


def _active_admins(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(STAFF)
                        .where(STAFF.c.role == Role.ADMIN.value, STAFF.c.active.is_(True))).scalar_one()


def edit_staff(store: Store, staff_no: str, changes: dict[str, Any], actor: Actor, now: datetime) -> StaffChange:
    """Change name, role, default_window and/or active (keys present in `changes`)."""
    with store.write() as conn:
        row = _staff(conn, staff_no)
        before = {"name": row.name, "role": row.role, "default_window": row.default_window, "active": row.active}
        after = dict(before)
        if "name" in changes:
            after["name"] = _check_name(changes["name"])
        if "role" in changes:
            after["role"] = Role(changes["role"]).value
        if "default_window" in changes:
            _check_window(conn, changes["default_window"])
            after["default_window"] = changes["default_window"]
        if "active" in changes:
            after["active"] = bool(changes["active"])
        myself = actor.staff_id == row.id
        if myself and (after["role"] != before["role"] or not after["active"]):
            raise ConflictError("you cannot change your own role or deactivate yourself; ask another admin")
        was_admin = before["role"] == Role.ADMIN.value and before["active"]
        if was_admin and not (after["role"] == Role.ADMIN.value and after["active"]) and _active_admins(conn) <= 1:
            raise ConflictError(f"{staff_no} is the hall's last active admin; make someone else admin first")
        diff = {k: v for k, v in after.items() if v != before[k]}
        if not diff:
            return StaffChange(_out(conn, row, now), False, ())
        conn.execute(update(STAFF).where(STAFF.c.id == row.id).values(**diff, updated_at=now))
        revoke = "role" in diff or diff.get("active") is False
        left: list[int] = []
        if revoke:
            conn.execute(update(SESSION).where(SESSION.c.staff_id == row.id).values(revoked=True))
            left = seats.unseat(conn, row.id, now, revoke=True)
        action = {True: "staff_reactivate", False: "staff_deactivate"}.get(bool(diff["active"]), "staff_edit") \
            if "active" in diff else "staff_edit"
        _audit(conn, store, actor, action, {"staff_no": staff_no, "before": {k: before[k] for k in diff},
                                            "after": diff}, now)
        return StaffChange(_out(conn, _staff(conn, staff_no), now), revoke, tuple(left))


def _out(conn: Connection, row: Any, now: datetime) -> dict[str, Any]:
    has_photo = conn.execute(select(PHOTO.c.staff_id).where(PHOTO.c.staff_id == row.id)).first() is not None
    return staff_out(row, has_photo, now)


def check_photo(data: bytes) -> str:
    """The photo's MIME type if it is a JPEG or PNG within the limits; ValueError naming what is wrong."""
    from PIL import Image, UnidentifiedImageError

    if len(data) > PHOTO_MAX_BYTES:
        raise ValueError(f"photo: {-(-len(data) // 1024)} KiB is too large; at most {PHOTO_MAX_BYTES // 1024} KiB "
                         "(scale it down, e.g. to 480 × 640)")
    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt, (w, h) = img.format, img.size
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValueError(f"photo: not a readable JPEG or PNG image ({exc})") from None
    if fmt not in PHOTO_FORMATS:
        raise ValueError(f"photo: {fmt} images are not taken; use JPEG or PNG")
    if not (PHOTO_MIN_PX <= w <= PHOTO_MAX_PX and PHOTO_MIN_PX <= h <= PHOTO_MAX_PX):
        raise ValueError(f"photo: {w} × {h} pixels; each side must be {PHOTO_MIN_PX}-{PHOTO_MAX_PX}")
    return PHOTO_FORMATS[fmt]


def set_photo(store: Store, staff_no: str, data: bytes, actor: Actor, now: datetime) -> dict[str, Any]:
    mime = check_photo(data)
    with store.write() as conn:
        row = _staff(conn, staff_no)
        conn.execute(delete(PHOTO).where(PHOTO.c.staff_id == row.id))
        conn.execute(insert(PHOTO).values(staff_id=row.id, mime=mime, data=data, updated_at=now))
        _audit(conn, store, actor, "staff_photo", {"staff_no": staff_no, "bytes": len(data), "mime": mime}, now)
        return _out(conn, row, now)


def delete_photo(store: Store, staff_no: str, actor: Actor, now: datetime) -> None:
    with store.write() as conn:
        row = _staff(conn, staff_no)
        if conn.execute(delete(PHOTO).where(PHOTO.c.staff_id == row.id)).rowcount:
            _audit(conn, store, actor, "staff_photo", {"staff_no": staff_no, "bytes": 0}, now)


def get_photo(store: Store, staff_no: str) -> tuple[str, bytes]:
    with store.read() as conn:
        row = conn.execute(select(PHOTO.c.mime, PHOTO.c.data).join(STAFF, STAFF.c.id == PHOTO.c.staff_id)
                           .where(STAFF.c.staff_no == staff_no)).first()
    if row is None:
        raise NotFoundError(f"no photo of staff member {staff_no}")
    return row.mime, bytes(row.data)


class WrongPassword(Exception):
    """The current password given to change one's own password was wrong."""


def change_own_password(store: Store, staff_id: uuid.UUID, current: str, new: str, now: datetime) -> None:
    """A person replaces their password (after a one-time one, or any time): the rules of
    `domain.staff.password_problem`, and not the password they have now."""
    with store.read() as conn:
        row = conn.execute(select(STAFF).where(STAFF.c.id == staff_id)).first()
    if row is None or not row.active:
        raise NotFoundError("this staff member no longer exists or was deactivated")
    if not verify_password(row.password_hash, current):  # slow on purpose: outside the write lock
        raise WrongPassword("the current password is wrong")
    problem = password_problem(new, row.staff_no)
    if problem is None and new == current:
        problem = "the new password must differ from the current one"
    if problem:
        raise ValueError(f"new_password: {problem}")
    pw_hash = hash_password(new)
    with store.write() as conn:
        conn.execute(update(STAFF).where(STAFF.c.id == staff_id).values(
            password_hash=pw_hash, must_change_password=False, failed_logins=0, updated_at=now))
        journal.audit(conn, hall_id=store.hall_id, at=now, actor_id=staff_id, actor=f"{row.role}:{row.staff_no}",
                      action="password_change", detail={"staff_no": row.staff_no,
                                                         "was_one_time": bool(row.must_change_password)})


def reset_to_one_time(store: Store, staff_no: str, actor: Actor, now: datetime,
                      password: str | None = None) -> str:
    """Give someone a one-time password (an admin on the hall node's PC: `hallclient hall password`); their
    logins end, a lock-out is lifted. Returns the password, shown once."""
    password = password or one_time_password()
    problem = password_problem(password, staff_no)
    if problem:
        raise ValueError(problem)
    pw_hash = hash_password(password)
    with store.write() as conn:
        row = _staff(conn, staff_no)
        conn.execute(update(STAFF).where(STAFF.c.id == row.id).values(
            password_hash=pw_hash, must_change_password=True, failed_logins=0, locked_until=None, updated_at=now))
        conn.execute(update(SESSION).where(SESSION.c.staff_id == row.id).values(revoked=True))
        journal.audit(conn, hall_id=store.hall_id, at=now, actor_id=actor.staff_id, actor=actor.name,
                      action="password_reset", detail={"staff_no": staff_no, "one_time": True})
    return password
