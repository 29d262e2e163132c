"""The monthly report (月报) as PDF and XLSX, from the scripted halls through the real central store: text
that is real and in the embedded font, nothing overlapping, charts drawn, the workbook's sheets and charts;
and the two commands that write them (`central report`, `report monthly`)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pdf_probe import colliding_glyphs, extracted_text, fonts_of, page_count, view_pages

from hallclient.central import cli as central_cli
from hallclient.central import reports
from hallclient.printing import report_cli
from hallclient.printing.fonts import missing_glyphs
from hallclient.printing.monthly_report import render_monthly_pdf, render_monthly_xlsx
from hallclient.printing.styles import PAGE_H, PAGE_W
from hallclient.store import Store, open_store
from hallclient.store.backup import backup_database
from hallclient.sync import central_schema
from hallclient.sync.run import run_sync
from tests.central.conftest import memory_keyring as memory_keyring
from tests.central.conftest import scripted as scripted
from tests.central.conftest import scripted_templates as scripted_templates
from tests.conftest import run_subcommand

NOW = datetime(2026, 12, 2, 2, 0)
NOV = reports.Period.month(date(2026, 11, 1))


@pytest.fixture
def central_url(tmp_path: Path, scripted: tuple[Store, Store]) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'central.sqlite'}"
    engine = central_schema.make_central_engine(url)
    for s in scripted:
        assert run_sync(s, engine=engine, backup=False).ok
    engine.dispose()
    yield url


def _reports(url: str) -> tuple[dict, dict]:
    engine = central_schema.make_central_engine(url)
    try:
        return (reports.city_report(engine, NOV, now=NOW),
                reports.central_hall_report(engine, "H1", reports.Period(date(2026, 10, 1), date(2026, 11, 30)),
                                            now=NOW))
    finally:
        engine.dispose()


def _pdf(report: dict) -> bytes:
    out = io.BytesIO()
    render_monthly_pdf(report, out, printed_on=date(2026, 12, 2))
    return out.getvalue()


def test_pdf_text_fonts_and_layout(central_url: str) -> None:
    city, hall = _reports(central_url)
    for report, must in (
        (city, ["政务服务大厅月报（全市）2026年11月", "各大厅办件量", "近12个月趋势", "测试大厅H1", "测试大厅H2",
                "各大厅同步状态", "红旗窗口评选规则", "未区分", "口径：等候为取号至首次叫号"]),
        (hall, ["测试大厅H1月报2026-10-01至2026-11-30", "各业务类别", "A社保", "B医保", "1号窗口", "1001张三",
                "SB-1养老保险关系转移", "各时段取号人数"]),
    ):
        data = _pdf(report)
        text = "".join(extracted_text(data, p) for p in range(1, page_count(data) + 1))
        for piece in must:
            assert piece in text, piece
        assert not missing_glyphs(text)
        fonts = fonts_of(data)
        assert fonts and all("+WenQuanYiMicroHei" in n for n in fonts), fonts.keys()
        assert all("/FontFile2" in f["/FontDescriptor"].get_object() for f in fonts.values())
        for page in view_pages(data, dpi=72):
            assert colliding_glyphs(page.glyphs) == [], f"page {page.number}"
            for ch, (left, bottom, right, top) in page.glyphs:
                assert left > 0 and right < PAGE_W and bottom > 0 and top < PAGE_H, (page.number, ch)
    # city totals row: 5 issued, 3 served, 1 no-show, 1 open, waits 16.8 / 26.0, service 7.3
    text = "".join(extracted_text(_pdf(city), p) for p in range(1, 3))
    assert "合计53111" in text and "16.826.07.3" in text


def test_xlsx_sheets_and_charts(central_url: str, tmp_path: Path) -> None:
    city, hall = _reports(central_url)
    render_monthly_xlsx(city, tmp_path / "city.xlsx")
    wb = load_workbook(tmp_path / "city.xlsx")
    assert wb.sheetnames == ["概览", "各大厅", "趋势", "同步状态", "好差评", "红旗窗口"]
    halls = wb["各大厅"]
    assert [c.value for c in halls[2]][:3] == ["测试大厅H1", 3, 1] and halls["I3"].value == 26.0
    assert halls._charts and wb["趋势"]._charts
    render_monthly_xlsx(hall, tmp_path / "hall.xlsx")
    wb = load_workbook(tmp_path / "hall.xlsx")
    assert wb.sheetnames[:5] == ["概览", "业务类别", "事项", "窗口", "工作人员"]
    assert wb["业务类别"]["A2"].value == "A 社保" and wb["业务类别"]["H2"].value == 8.8


def test_central_report_command(central_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "none.sqlite"
    code, out, _ = run_subcommand(capsys, _Central, db, "central", "report", "--url", central_url, "--month",
                                  "2026-11", "-o", str(tmp_path / "月报.pdf"))
    assert code == 0 and "2 halls (5 issued, 3 served)" in out
    assert (tmp_path / "月报.pdf").read_bytes().startswith(b"%PDF")
    code, out, _ = run_subcommand(capsys, _Central, db, "central", "report", "--url", central_url, "--month",
                                  "2026-11", "--hall", "H2", "-o", str(tmp_path / "h2.xlsx"))
    assert code == 0 and "测试大厅H2 (2 issued, 2 served)" in out
    with pytest.raises(ValueError, match="no hall with code 'H7'"):
        run_subcommand(capsys, _Central, db, "central", "report", "--url", central_url, "--month", "2026-11",
                       "--hall", "H7", "-o", str(tmp_path / "x.pdf"))
    with pytest.raises(ValueError, match=r"\.pdf or \.xlsx"):
        run_subcommand(capsys, _Central, db, "central", "report", "--url", central_url, "--month", "2026-11",
                       "-o", str(tmp_path / "x.docx"))


def test_hall_monthly_command(scripted: tuple[Store, Store], tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    db = backup_database(scripted[0].path, tmp_path / "hall.sqlite")
    code, out, _ = run_subcommand(capsys, report_cli, db, "report", "monthly", "--month", "2026-10", "-o",
                                  str(tmp_path / "十月.xlsx"))
    assert code == 0 and "2026 年 10 月 (3 issued, 3 served)" in out
    assert load_workbook(tmp_path / "十月.xlsx")["概览"]["B5"].value == 3
    code, _, err = run_subcommand(capsys, report_cli, db, "report", "monthly", "--month", "2031-01", "-o",
                                  str(tmp_path / "x.pdf"))
    assert code == 2 and "starts after today" in err
    with open_store(db) as store:
        assert store.hall().code == "H1"


class _Central:
    """`hallclient central …` as the main parser wires it (the sync feature owns the `central` command)."""

    @staticmethod
    def add_parser(sub):  # type: ignore[no-untyped-def]
        from hallclient.sync import cli

        cli.add_parser(sub)


assert central_cli.add_central_commands  # the commands under test live there
