"""`hallclient catalog …` as a hall admin runs it: clear output, exit codes, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hallclient.catalogue import cli
from tests.conftest import run_subcommand


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    return run_subcommand(capsys, cli, db, *argv)


def test_export_import_round_trip_in_every_format(capsys, demo_db: Path, tmp_path: Path) -> None:
    for fmt in ("json", "csv", "xlsx"):
        path = tmp_path / f"hall.{fmt}"
        code, out, _ = run(capsys, demo_db, "catalog", "export", "-o", str(path))
        assert code == 0 and path.is_file() and "items" in out
        code, out, err = run(capsys, demo_db, "catalog", "import", str(path))
        assert (code, err) == (0, "")
        assert "no changes" in out and "0 added, 0 updated" in out and "0 deactivated" in out


def test_bad_file_lists_every_problem_and_imports_nothing(capsys, demo_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "hall.json"
    run(capsys, demo_db, "catalog", "export", "-o", str(path))
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["items"][0]["name"] = ""
    doc["items"][2]["online_url"] = "http://insecure.example.com"
    doc["items"][3]["code"] = doc["items"][4]["code"]
    doc["items"].pop(10)  # would be deactivated, if anything were imported
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, demo_db, "catalog", "import", str(path))
    assert code == 2 and out == ""
    assert "hall.json: 3 problems; nothing was imported" in err
    assert "hall.json, items row 1, field name: is missing" in err
    assert "items row 3, field online_url: must be an https:// link" in err
    assert "items row 5, field code: duplicate item code" in err
    assert "Traceback" not in err
    code, out, _ = run(capsys, demo_db, "catalog", "export", "-o", str(tmp_path / "after.json"))
    after = json.loads((tmp_path / "after.json").read_text(encoding="utf-8"))
    assert len(after["items"]) == len(doc["items"]) + 1  # nothing was deactivated


def test_dry_run_and_verbose(capsys, demo_db: Path, tmp_path: Path) -> None:
    template = tmp_path / "t.xlsx"
    assert run(capsys, demo_db, "catalog", "template", "-o", str(template))[0] == 0
    code, out, _ = run(capsys, demo_db, "catalog", "import", str(template), "--dry-run", "-v")
    assert code == 0 and "would change" in out and "item added: SB001" in out and "deactivated" in out
    # a partial import keeps the hall's other categories, so their letters are taken
    code, _, err = run(capsys, demo_db, "catalog", "import", str(template), "--partial")
    assert code == 2 and "takes prefix A, which category SSDJ" in err and "nothing was imported" in err
    # items only (CSV), into the hall's own categories, the others left alone
    csv_template = tmp_path / "t.csv"
    run(capsys, demo_db, "catalog", "template", "-o", str(csv_template))
    code, out, _ = run(capsys, demo_db, "catalog", "import", str(csv_template), "--partial")
    assert code == 0 and "items: 6 added, 0 updated, 0 unchanged, 0 deactivated" in out


@pytest.mark.parametrize(("argv", "message"), [
    (("catalog", "import", "nowhere.json"), "cannot read the file"),
    (("catalog", "import", "hall.txt"), "unknown catalogue format"),
    (("catalog", "export", "-o", "out.pdf"), "unknown catalogue format"),
])
def test_bad_arguments_fail_cleanly(capsys, demo_db: Path, tmp_path: Path, monkeypatch, argv, message) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hall.txt").write_text("x")
    code, _, err = run(capsys, demo_db, *argv)
    assert code == 2 and message in err and "Traceback" not in err


def test_missing_database(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, tmp_path / "none.sqlite", "catalog", "export", "-o", str(tmp_path / "x.json"))
    assert code == 2 and "no such hall database" in err
    assert not (tmp_path / "none.sqlite").exists()
