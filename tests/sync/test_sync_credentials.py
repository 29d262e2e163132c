"""Credentials: the URL without password in the setting table, the password in the keyring, masked
everywhere; and the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from hallclient.cli import main
from hallclient.store import open_store
from hallclient.sync import credentials

from .helpers import MemoryKeyring

SECRET = "S3cr3t-中心库-pw"


def test_url_with_password_is_refused(hall_paths: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["--db", str(hall_paths[0]), "central", "set-url", f"postgresql://hall:{SECRET}@db.example:5432/c"])
    out = capsys.readouterr()
    assert rc == 2 and SECRET not in out.out + out.err


def test_set_credentials_goes_to_keyring_only(hall_paths: tuple[Path, Path], memory_keyring: MemoryKeyring,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    db = hall_paths[0]
    assert main(["--db", str(db), "central", "set-url", "postgresql://hall@127.0.0.1:1/central"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
    assert main(["--db", str(db), "central", "set-credentials"]) == 0
    assert list(memory_keyring.store.values()) == [SECRET]
    assert SECRET.encode() not in db.read_bytes()  # not in the hall database (the WAL is checked below too)
    wal = Path(str(db) + "-wal")
    assert not wal.exists() or SECRET.encode() not in wal.read_bytes()
    store = open_store(db)
    try:
        url, secret = credentials.resolve(store)
        assert url.password == SECRET and secret == SECRET
    finally:
        store.close()
    # the central store is unreachable (port 1): every message is masked
    rc_status = main(["--db", str(db), "central", "status"])
    rc_sync = main(["--db", str(db), "sync", "--now", "--json"])
    out = capsys.readouterr()
    assert rc_status == 1 and rc_sync == 1
    assert SECRET not in out.out + out.err
    report = json.loads(out.out[out.out.index("{"):])
    assert report["ok"] is False and report["error"]


def test_mask() -> None:
    text = f"connect failed: postgresql://u:{SECRET}@h/db password={SECRET} and {SECRET}"
    masked = credentials.mask(text, SECRET)
    assert SECRET not in masked and "***" in masked
    assert credentials.mask("postgresql://u:pw@h/db") == "postgresql://u:***@h/db"


def test_cli_embedded_default_sync_and_status(hall_paths: tuple[Path, Path],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    db = hall_paths[0]
    assert main(["--db", str(db), "sync", "--now"]) == 0
    out = capsys.readouterr().out
    assert "sync OK" in out and "central.sqlite" in out
    assert (db.parent / "central.sqlite").exists()
    assert main(["--db", str(db), "sync"]) == 0
    assert "already ran" in capsys.readouterr().out
    assert main(["--db", str(db), "central", "status"]) == 0
    assert "watermark" in capsys.readouterr().out
    rel = db.parent / "release.json"
    assert main(["--db", str(db), "central", "export-release", str(rel)]) == 0
    assert main(["--db", str(db), "central", "publish", str(rel)]) == 0
    assert main(["--db", str(db), "sync", "--now"]) == 0
    assert "reference release 0→1" in capsys.readouterr().out
