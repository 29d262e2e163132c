"""Secrets with and without an OS keyring: nothing lost silently, the fallback file owner-only, never in
the database, Qt settings, a log or a backup, and no traceback from the CLI when there is no keyring."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail, null

from hallclient import secret_store

SECRET = "tok-中心库-S3cr3t-9f8e"
BACKENDS = ["keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"]


@pytest.fixture(params=[fail.Keyring, null.Keyring], ids=["fail", "null"])
def no_keyring(request: pytest.FixtureRequest) -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(request.param())
    yield
    keyring.set_keyring(before)


def test_without_keyring_the_secret_goes_to_an_owner_only_file(no_keyring: None, _secrets_file: Path,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    saved = secret_store.save("hallclient", "device-token-kiosk", SECRET)
    assert saved.in_file and saved.detail == str(_secrets_file)
    assert "readable only by this user" in saved.describe()
    assert stat.S_IMODE(_secrets_file.stat().st_mode) == 0o600
    assert secret_store.load("hallclient", "device-token-kiosk") == SECRET
    assert SECRET not in caplog.text  # the log names where it went, never the secret
    secret_store.delete("hallclient", "device-token-kiosk")
    assert secret_store.load("hallclient", "device-token-kiosk") is None


def test_a_working_keyring_is_used_and_the_file_entry_dropped(_secrets_file: Path) -> None:
    from tests.sync.helpers import MemoryKeyring

    before = keyring.get_keyring()
    try:
        keyring.set_keyring(fail.Keyring())
        secret_store.save("svc", "name", "old")
        kr = MemoryKeyring()
        keyring.set_keyring(kr)
        assert secret_store.save("svc", "name", SECRET).where == "keyring"
        assert list(kr.store.values()) == [SECRET]
        assert "svc/name" not in _secrets_file.read_text(encoding="utf-8")
        assert secret_store.load("svc", "name") == SECRET
    finally:
        keyring.set_keyring(before)


def test_file_readable_by_others_is_refused(no_keyring: None, _secrets_file: Path,
                                            caplog: pytest.LogCaptureFixture) -> None:
    secret_store.save("svc", "name", SECRET)
    os.chmod(_secrets_file, 0o644)
    assert secret_store.load("svc", "name") is None
    assert "chmod 600" in caplog.text


def test_nowhere_to_keep_it_is_a_clear_error(no_keyring: None, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv(secret_store.ENV_FILE, str(blocker / "secrets.json"))
    with pytest.raises(secret_store.SecretStoreError, match="cannot keep the secret"):
        secret_store.save("svc", "name", SECRET)


@pytest.mark.parametrize("backend", BACKENDS)
def test_cli_set_credentials_without_keyring(backend: str, demo_db: Path, tmp_path: Path) -> None:
    """`central set-credentials` with no keyring (env as a headless PC has it): no traceback, says where."""
    secrets = tmp_path / "cfg" / "secrets.json"
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": backend, secret_store.ENV_FILE: str(secrets)}

    def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "hallclient", "--db", str(demo_db), *args], input=stdin,
                              capture_output=True, text=True, env=env, timeout=120, check=False)

    assert cli("central", "set-url", "postgresql://hall@127.0.0.1:1/central").returncode == 0
    done = cli("central", "set-credentials", stdin=SECRET + "\n")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and SECRET not in done.stdout + done.stderr
    assert "no usable OS keyring" in done.stdout and str(secrets) in done.stdout
    assert stat.S_IMODE(secrets.stat().st_mode) == 0o600
    status = cli("central", "status")
    assert "credentials: stored" in status.stdout and SECRET not in status.stdout + status.stderr
    assert cli("db", "backup").returncode == 0
    for f in [demo_db, *demo_db.parent.rglob("*.sqlite*")]:
        assert SECRET.encode() not in f.read_bytes(), f  # not in the database, its WAL or a backup
    empty = cli("central", "set-credentials", stdin="\n")
    assert empty.returncode == 2 and "Traceback" not in empty.stderr and "empty password" in empty.stderr
