"""The command line: --db before or after the command, clear errors, every feature listed."""

from pathlib import Path

import pytest

from hallclient.cli import build_parser, main


def test_db_flag_before_or_after_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "h.sqlite"
    assert main(["db", "--db", str(db), "upgrade"]) == 0
    assert db.exists()
    assert main(["--db", str(db), "db", "check"]) == 0
    assert build_parser().parse_args(["serve", "--db", str(db)]).db == db


def test_help_lists_every_feature() -> None:
    text = build_parser().format_help()
    for command in ("db", "catalog", "guides", "serve", "device", "sync", "central"):
        assert command in text


def test_missing_database_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "none.sqlite"), "db", "check"]) == 2
    assert "no such database" in capsys.readouterr().out
