"""Secrets (the central store's password, kiosk/display device tokens): the OS keyring, or — on a PC without
one (headless Linux, many kiosks) — one documented fallback: a file readable by its owner only.

Why a fallback at all: with no keyring, `keyring` either raises (the "fail" backend) or silently drops the
secret (the "null" backend), and a kiosk then asks for its token after every restart. So every save is read
back; if the keyring did not keep it, the secret goes to `secrets.json` in the user's config folder
(`~/.config/hallclient/` on Linux, `%APPDATA%\\hallclient\\` on Windows; `HALLCLIENT_SECRETS_FILE` overrides),
written with mode 0600 in a 0700 folder, and the caller is told where it went so it can say so.
Never in Qt settings, the hall database, a log or a backup (backups hold only the database).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)
ENV_FILE = "HALLCLIENT_SECRETS_FILE"


class SecretStoreError(RuntimeError):
    """The secret could be kept neither in the keyring nor in the fallback file."""


@dataclass(frozen=True)
class Saved:
    """Where a secret was kept: `keyring` (with the backend's name) or `file` (with its path)."""

    where: str
    detail: str

    @property
    def in_file(self) -> bool:
        return self.where == "file"

    def describe(self) -> str:
        if self.in_file:
            return (f"no usable OS keyring on this PC; kept in {self.detail} (readable only by this user; "
                    "see the README, section Secrets)")
        return f"kept in the OS keyring ({self.detail})"


def fallback_file() -> Path:
    env = os.environ.get(ENV_FILE, "").strip()
    if env:
        return Path(env)
    return Path(platformdirs.user_config_dir("hallclient", appauthor=False)) / "secrets.json"


def keyring_backend() -> tuple[object | None, str]:
    """The usable keyring backend (or None) and its name or why there is none."""
    try:
        import keyring
        from keyring.backends import chainer, fail, null

        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring install or configuration
        return None, f"keyring unavailable ({type(exc).__name__}: {exc})"
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None, f"no OS keyring backend ({name})"
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return None, "no OS keyring backend (none found)"
    return backend, name


def _key(service: str, name: str) -> str:
    return f"{service}/{name}"


def _read_file(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise SecretStoreError(f"{path}: cannot read the secrets file ({type(exc).__name__}); "
                               "fix or delete it and store the secrets again") from exc
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_file(path: Path, data: dict[str, str]) -> None:
    """Atomically replace the file; created 0600 (never world-readable, not even for a moment)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=".secrets.", dir=path.parent)  # mkstemp creates it 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _file_problem(path: Path) -> str | None:
    """Why the fallback file must not be trusted (readable by others on POSIX), or None."""
    if os.name != "posix" or not path.exists():
        return None
    mode = path.stat().st_mode & 0o777
    return f"{path} is readable by other users (mode {mode:o}); run: chmod 600 {path}" if mode & 0o077 else None


def save(service: str, name: str, value: str) -> Saved:
    """Keep `value`; in the keyring when it really keeps it, else in the owner-only file."""
    if not value:
        raise ValueError("empty secret")
    backend, label = keyring_backend()
    reason = label
    if backend is not None:
        try:
            backend.set_password(service, name, value)  # type: ignore[attr-defined]
            if backend.get_password(service, name) == value:  # type: ignore[attr-defined]
                _forget_file_entry(service, name)
                return Saved("keyring", label)
            reason = f"{label} did not keep the secret"
        except Exception as exc:  # locked or unreachable keyring (no D-Bus session, …)
            reason = f"{label} failed: {type(exc).__name__}"
    path = fallback_file()
    try:
        data = _read_file(path)
        data[_key(service, name)] = value
        _write_file(path, data)
    except (OSError, SecretStoreError) as exc:
        why = (exc.strerror or type(exc).__name__) if isinstance(exc, OSError) else type(exc.__cause__ or exc).__name__
        raise SecretStoreError(f"cannot keep the secret: {reason}, and {path} cannot be used ({why})") from None
    log.warning("no usable OS keyring (%s); secret %s/%s kept in %s", reason, service, name, path)
    return Saved("file", str(path))


def load(service: str, name: str) -> str | None:
    """The secret from the keyring, else from the fallback file, else None. Never raises for a missing
    keyring; a fallback file readable by others is refused (with a warning naming the fix)."""
    backend, _label = keyring_backend()
    if backend is not None:
        try:
            value = backend.get_password(service, name)  # type: ignore[attr-defined]
            if value:
                return value
        except Exception as exc:
            log.warning("OS keyring read failed (%s); trying the secrets file", type(exc).__name__)
    path = fallback_file()
    problem = _file_problem(path)
    if problem:
        log.warning("secrets file ignored: %s", problem)
        return None
    try:
        return _read_file(path).get(_key(service, name))
    except SecretStoreError as exc:
        log.warning("%s", exc)
        return None


def delete(service: str, name: str) -> None:
    backend, _label = keyring_backend()
    if backend is not None:
        with contextlib.suppress(Exception):
            backend.delete_password(service, name)  # type: ignore[attr-defined]
    _forget_file_entry(service, name)


def _forget_file_entry(service: str, name: str) -> None:
    path = fallback_file()
    with contextlib.suppress(SecretStoreError, OSError):
        data = _read_file(path)
        if data.pop(_key(service, name), None) is not None:
            _write_file(path, data)


def describe_storage() -> tuple[bool, str]:
    """(OS keyring usable, one line saying where secrets go) for `hallclient doctor`."""
    backend, label = keyring_backend()
    if backend is not None:
        return True, f"OS keyring: {label}"
    path = fallback_file()
    problem = _file_problem(path)
    return False, f"{label}; secrets go to {path} (owner-only file)" + (f" — {problem}" if problem else "")
