"""Who works in the hall: the roles (the one list every layer uses), staff numbers, and the password rules.

Roles: people log in as clerk, reception, supervisor or admin; devices hold tokens as kiosk or display (an
`evaluator` device role comes with the window evaluator). Each staff member has one role.

Passwords an admin hands out (a new account, a reset) are one-time: the person sets their own at the next
login. A password someone chooses has at least 8 characters, is not their staff number and is not the demo
hall's shared password; a hall that is not the demo refuses the demo password at login too.
"""

from __future__ import annotations

import re
import secrets
from enum import StrEnum


class Role(StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    KIOSK = "kiosk"
    DISPLAY = "display"
    RECEPTION = "reception"


STAFF_ROLES: frozenset[Role] = frozenset({Role.CLERK, Role.RECEPTION, Role.SUPERVISOR, Role.ADMIN})
DEVICE_ROLES: frozenset[Role] = frozenset({Role.KIOSK, Role.DISPLAY})
# the order staff roles are listed in, in files and forms
STAFF_ROLE_ORDER: tuple[Role, ...] = (Role.CLERK, Role.RECEPTION, Role.SUPERVISOR, Role.ADMIN)
ROLE_NAMES_ZH: dict[Role, str] = {Role.CLERK: "窗口人员", Role.RECEPTION: "导服", Role.SUPERVISOR: "值班长",
                                  Role.ADMIN: "管理员"}

DEMO_PASSWORD = "demo1234"
MIN_PASSWORD = 8
MAX_PASSWORD = 200
STAFF_NO_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$")
MAX_NAME = 40
# one-time passwords: no 0/O, 1/l/I, so they can be read out over the phone
_OTP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789"


def staff_role(text: str) -> Role:
    """A staff role from its code or Chinese name ('clerk', '窗口人员', …); ValueError names the choices."""
    value = str(text).strip()
    for role in STAFF_ROLE_ORDER:
        if value.casefold() == role.value or value == ROLE_NAMES_ZH[role]:
            return role
    choices = ", ".join(f"{r.value} ({ROLE_NAMES_ZH[r]})" for r in STAFF_ROLE_ORDER)
    raise ValueError(f"unknown role {value!r}; one of: {choices}")


def staff_no_problem(staff_no: str) -> str | None:
    if not STAFF_NO_RE.match(staff_no or ""):
        return f"staff number {staff_no!r} must be 1-20 letters, digits, '_', '.' or '-'"
    return None


PASSWORD_RULES: dict[str, str] = {  # rule → why a password breaking it is refused (the UI translates the rule)
    "short": f"the password needs at least {MIN_PASSWORD} characters",
    "long": f"the password may have at most {MAX_PASSWORD} characters",
    "blank": "the password may not start or end with a space or hold control characters",
    "staff_no": "the password may not be the staff number",
    "demo": "the demo hall's password may not be used",
}


def password_rule(password: str, staff_no: str) -> str | None:
    """The rule (a key of PASSWORD_RULES) a password someone chooses or is handed breaks, or None."""
    if len(password) < MIN_PASSWORD:
        return "short"
    if len(password) > MAX_PASSWORD:
        return "long"
    if password.strip() != password or any(ord(c) < 32 for c in password):
        return "blank"
    if password.casefold() == staff_no.casefold():
        return "staff_no"
    if password == DEMO_PASSWORD:
        return "demo"
    return None


def password_problem(password: str, staff_no: str) -> str | None:
    """Why a password is refused, in words, or None when it is acceptable."""
    rule = password_rule(password, staff_no)
    return PASSWORD_RULES[rule] if rule else None


def one_time_password(length: int = 10) -> str:
    """A random password for a new or reset account, shown once; the person replaces it at first login."""
    return "".join(secrets.choice(_OTP_ALPHABET) for _ in range(length))
