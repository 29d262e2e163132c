"""Accounts of the city view (`hallclient central serve`): the city's own people, not hall staff.

Roles: `official` (政务服务管理局: every hall) and `viewer` (limited to the halls listed by code, e.g. a district
office). Passwords are hashed with argon2id (`hallclient.passwords`); five wrong passwords lock an account for
15 minutes, and the answer to a failed login never tells whether the name exists. A login gets a random
session token, kept only as its sha256 (`hallclient.hallnode.auth.hash_token`), valid for 12 hours.
"""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert, select, update

from hallclient.central.tables import central_session, central_user
from hallclient.hallnode.auth import hash_token
from hallclient.ids import new_id
from hallclient.passwords import hash_password, verify_password

ROLES = ("official", "viewer")
ROLE_LABEL = {"official": "管理局", "viewer": "查看（限定大厅）"}
MAX_FAILED = 5
LOCK = timedelta(minutes=15)
SESSION_TTL = timedelta(hours=12)
_NAME = re.compile(r"^[A-Za-z0-9_.@-]{2,40}$")
_DUMMY_HASH = hash_password("not a password of anyone")  # equal work for unknown names


class LoginRefused(Exception):
    """Wrong name or password, or a locked or disabled account; one message for all of them."""


@dataclass(frozen=True)
class CityUser:
    id: uuid.UUID
    username: str
    display_name: str
    role: str
    halls: tuple[str, ...]  # hall codes a viewer may see; empty for an official (all)

    def may_see(self, hall_code: str) -> bool:
        return self.role == "official" or hall_code in self.halls


def _user(row: Any) -> CityUser:
    return CityUser(row.id, row.username, row.display_name, row.role, tuple(row.halls or ()))


def add_user(engine: Engine, username: str, password: str, role: str, halls: list[str], display_name: str,
             now: datetime) -> CityUser:
    if not _NAME.match(username):
        raise ValueError(f"user name {username!r}: 2–40 letters, digits or _ . @ -")
    if role not in ROLES:
        raise ValueError(f"role {role!r}: one of {', '.join(ROLES)}")
    if role == "viewer" and not halls:
        raise ValueError("a viewer needs --halls: the codes of the halls they may see")
    if len(password) < 10:
        raise ValueError("the password needs at least 10 characters")
    with engine.begin() as conn:
        if conn.execute(select(central_user.c.id).where(central_user.c.username == username)).first():
            raise ValueError(f"user {username!r} exists already")
        uid = new_id()
        conn.execute(insert(central_user).values(
            id=uid, username=username, display_name=display_name or username, role=role,
            halls=[] if role == "official" else sorted(set(halls)), password_hash=hash_password(password), active=True,
            failed_logins=0, locked_until=None, created_at=now))
        row = conn.execute(select(central_user).where(central_user.c.id == uid)).one()
    return _user(row)


def list_users(engine: Engine) -> list[tuple[CityUser, bool]]:
    with engine.connect() as conn:
        rows = conn.execute(select(central_user).order_by(central_user.c.username)).all()
        conn.rollback()
    return [(_user(r), bool(r.active)) for r in rows]


def set_active(engine: Engine, username: str, active: bool) -> None:
    with engine.begin() as conn:
        done = conn.execute(update(central_user).where(central_user.c.username == username)
                            .values(active=active, failed_logins=0, locked_until=None))
        if done.rowcount != 1:
            raise ValueError(f"no user {username!r}")
        if not active:
            uid = conn.execute(select(central_user.c.id).where(central_user.c.username == username)).scalar_one()
            conn.execute(update(central_session).where(central_session.c.user_id == uid).values(revoked=True))


def login(engine: Engine, username: str, password: str, now: datetime) -> tuple[str, CityUser]:
    """A new session token for a right name and password; LoginRefused otherwise (counted, locking)."""
    with engine.begin() as conn:  # the failure count commits with this block; the refusal is raised after it
        row = conn.execute(select(central_user).where(central_user.c.username == username)
                           .with_for_update()).first()
        token: str | None = None
        if row is None:
            verify_password(_DUMMY_HASH, password)
        else:
            locked = row.locked_until is not None and row.locked_until > now
            ok = verify_password(row.password_hash, password)
            if ok and not locked and row.active:
                token = secrets.token_urlsafe(32)
                conn.execute(update(central_user).where(central_user.c.id == row.id)
                             .values(failed_logins=0, locked_until=None))
                conn.execute(insert(central_session).values(
                    id=new_id(), token_hash=hash_token(token), user_id=row.id, created_at=now,
                    expires_at=now + SESSION_TTL, revoked=False))
            elif not ok and not locked:
                failed = row.failed_logins + 1
                conn.execute(update(central_user).where(central_user.c.id == row.id).values(
                    failed_logins=0 if failed >= MAX_FAILED else failed,
                    locked_until=now + LOCK if failed >= MAX_FAILED else row.locked_until))
    if token is None or row is None:
        raise LoginRefused
    return token, _user(row)


def session_user(engine: Engine, token: str | None, now: datetime) -> CityUser | None:
    if not token:
        return None
    with engine.connect() as conn:
        row = conn.execute(
            select(central_user).join(central_session, central_session.c.user_id == central_user.c.id)
            .where(central_session.c.token_hash == hash_token(token), central_session.c.revoked.is_(False),
                   central_session.c.expires_at > now, central_user.c.active.is_(True))).first()
        conn.rollback()
    return None if row is None else _user(row)


def logout(engine: Engine, token: str) -> None:
    with engine.begin() as conn:
        conn.execute(update(central_session).where(central_session.c.token_hash == hash_token(token))
                     .values(revoked=True))
