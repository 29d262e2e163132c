"""`hallclient guides …`: PDFs from the hall database or a catalogue file, clean failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_probe import extracted_text, page_count, view_pages

from hallclient.catalogue.demo import demo_catalogue
from hallclient.catalogue.formats import write_catalogue
from hallclient.printing import cli
from tests.conftest import run_subcommand


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    return run_subcommand(capsys, cli, db, *argv)


def test_poster_by_name_or_code(capsys, demo_db: Path, tmp_path: Path) -> None:
    for key in ("社保", "SB", "sb"):
        out_pdf = tmp_path / f"poster-{key}.pdf"
        code, out, err = run(capsys, demo_db, "guides", "poster", "--category", key, "-o", str(out_pdf),
                             "--date", "2026-11-23")
        assert (code, err) == (0, ""), err
        assert "poster of 社保" in out
        text = extracted_text(out_pdf.read_bytes(), 1)
        assert "社保办事二维码" in text and "云岭高新区政务服务中心" in text and "2026年11月23日" in text


def test_item_and_booklet(capsys, demo_db: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, demo_db, "guides", "item", "SSDJ-001", "-o", str(tmp_path / "sub" / "item.pdf"))
    assert code == 0, err
    (page,) = view_pages((tmp_path / "sub" / "item.pdf").read_bytes())
    assert page.qr_texts == ["https://zwfw.example.com/guide/SSDJ-001"]
    code, out, err = run(capsys, demo_db, "guides", "booklet", "-o", str(tmp_path / "booklet.pdf"))
    assert code == 0, err
    assert page_count((tmp_path / "booklet.pdf").read_bytes()) == int(out.split(", ")[-1].split()[0])


def test_from_a_catalogue_file_without_a_database(capsys, tmp_path: Path) -> None:
    write_catalogue(demo_catalogue(), tmp_path / "c.json")
    code, _out, err = run(capsys, tmp_path / "none.sqlite", "guides", "poster", "--category", "医保",
                         "--catalogue", str(tmp_path / "c.json"), "--hall-name", "测试大厅", "-o",
                         str(tmp_path / "p.pdf"))
    assert code == 0, err
    assert "测试大厅" in extracted_text((tmp_path / "p.pdf").read_bytes(), 1)


@pytest.mark.parametrize(("argv", "message"), [
    (("guides", "poster", "--category", "不存在"), "unknown category '不存在'; the hall has: SSDJ 商事登记"),
    (("guides", "item", "NOPE-1"), "no active service item with code 'NOPE-1'"),
    (("guides", "booklet", "--catalogue", "missing.json"), "cannot read the file"),
])
def test_bad_input_fails_cleanly(capsys, demo_db: Path, tmp_path: Path, monkeypatch, argv, message) -> None:
    monkeypatch.chdir(tmp_path)
    code, _out, err = run(capsys, demo_db, *argv, "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and message in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_no_database_and_no_file(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, tmp_path / "none.sqlite", "guides", "booklet", "-o", str(tmp_path / "b.pdf"))
    assert code == 2 and "no such hall database" in err
