"""Where the central store is and how to log in: the URL (without password) in the hall's `setting`
table, the password in the OS keyring via `hallclient.secret_store` (on a PC without a keyring: its
owner-only secrets file, and the caller says so), never in the database, a config file or a log.

Every message that might carry the URL or a driver error goes through `mask()` first.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import URL, insert, make_url, select, update

from hallclient import secret_store
from hallclient.store.store import Store, utc_now
from hallclient.store.tables import SettingRow

KEYRING_SERVICE = "hallclient-central"
SETTING_KEY = "central"
S = SettingRow.__table__

_URL_PASSWORD = re.compile(r"(://[^:/@\s]+:)([^@\s]+)(@)")
_DSN_PASSWORD = re.compile(r"(password\s*=\s*)(\S+)", re.IGNORECASE)


def mask(text: str, *secrets: str | None) -> str:
    """`text` with every known secret and any password inside a URL or DSN replaced by ***."""
    out = str(text)
    for s in secrets:
        if s:
            out = out.replace(s, "***")
    out = _URL_PASSWORD.sub(r"\1***\3", out)
    return _DSN_PASSWORD.sub(r"\1***", out)


def check_url(url: str) -> URL:
    """Parse a central-store URL; refuse one that carries a password (that goes to the keyring)."""
    try:
        u = make_url(url)
    except Exception as exc:  # sqlalchemy.exc.ArgumentError and friends
        raise ValueError(f"not a database URL: {mask(url)} ({type(exc).__name__})") from None
    if u.password:
        raise ValueError("the URL must not contain a password; store it with `hallclient central set-credentials`")
    backend = u.get_backend_name()
    if backend not in ("postgresql", "sqlite"):
        raise ValueError(f"unsupported central store {backend!r}: use postgresql://user@host:port/db")
    return u


def keyring_user(url: URL) -> str:
    """The keyring entry name of one central store: user@host:port/db (no password)."""
    return f"{url.username or ''}@{url.host or ''}:{url.port or ''}/{url.database or ''}"


def display(url: URL | str) -> str:
    u = make_url(url) if isinstance(url, str) else url
    return u.render_as_string(hide_password=True)


def get_url(store: Store) -> URL | None:
    with store.read() as conn:
        value = conn.execute(select(S.c.value).where(S.c.key == SETTING_KEY)).scalar()
    if not value or not value.get("url"):
        return None
    return make_url(value["url"])


def set_url(store: Store, url: str) -> URL:
    u = check_url(url)
    value = {"url": u.render_as_string(hide_password=False)}
    with store.write() as conn:
        done = conn.execute(update(S).where(S.c.key == SETTING_KEY).values(value=value, updated_at=utc_now()))
        if done.rowcount == 0:
            conn.execute(insert(S).values(key=SETTING_KEY, value=value, updated_at=utc_now()))
    return u


def set_password(url: URL, password: str) -> secret_store.Saved:
    """Keep the password; the answer says where (the keyring, or the fallback file when there is none)."""
    if not password:
        raise ValueError("empty password")
    try:
        return secret_store.save(KEYRING_SERVICE, keyring_user(url), password)
    except secret_store.SecretStoreError as exc:
        raise ValueError(str(exc)) from None


def get_password(url: URL) -> str | None:
    """The stored password, or None (none stored: trust/peer auth setups)."""
    return secret_store.load(KEYRING_SERVICE, keyring_user(url))


def default_central_url(hall_db: Path) -> URL:
    """The embedded stand-in: central.sqlite beside the hall database."""
    return make_url(f"sqlite:///{Path(hall_db).resolve().parent / 'central.sqlite'}")


def resolve(store: Store, override: str | URL | None = None) -> tuple[URL, str | None]:
    """The URL to connect with (password filled in from the keyring) and the secret to mask in messages."""
    u = make_url(override) if override is not None else get_url(store)
    if u is None:
        return default_central_url(store.path), None
    if u.get_backend_name() == "sqlite":
        return u, None
    password = u.password or get_password(u)
    return (u.set(password=password) if password else u), password
