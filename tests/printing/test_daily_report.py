"""The daily report PDF: real text in the embedded CJK font, the scripted day's figures on the page, charts
drawn, nothing printed over something else or outside the page, and an empty day still prints."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pdf_probe import colliding_glyphs, extracted_text, fonts_of, page_count, view_pages

from hallclient.printing.daily_report import render_daily_report
from hallclient.printing.fonts import missing_glyphs
from hallclient.printing.styles import PAGE_H, PAGE_W
from hallclient.store import Store, open_store
from hallclient.store.backup import backup_database
from hallclient.store.reports import daily_report
from tests.store.conftest import small_hall_template as small_hall_template  # a fixture, shared
from tests.store.test_reports import DAY, scripted_day


@pytest.fixture
def report(tmp_path: Path, small_hall_template: Path) -> dict:
    store: Store = open_store(backup_database(small_hall_template, tmp_path / "hall.sqlite"))
    try:
        _, clock = scripted_day(store)
        return daily_report(store, DAY, clock())
    finally:
        store.close()


def render(report: dict) -> bytes:
    out = io.BytesIO()
    render_daily_report(report, "测试大厅", out, printed_on=date(2026, 11, 24))
    return out.getvalue()


def test_headings_and_figures_are_real_text(report: dict) -> None:
    data = render(report)
    assert data.startswith(b"%PDF")
    text = "".join(extracted_text(data, p) for p in range(1, page_count(data) + 1))
    for heading in ("测试大厅日报", "营业日2026年11月23日（星期一）", "叫号等候的预警颜色", "每小时取号人数",
                    "各业务类别等候时间", "好差评", "绿色通道", "各业务类别明细", "各窗口明细", "好差评明细"):
        assert heading in text, heading
    # SB row: 5 issued, 0 in, 0 out, 3 served, 1 no-show, 0 cancelled, 1 open, waits 13.5 / 31.0 / 31.0, service 5.7
    assert "A社保5003101" in text and "13.531.031.05.7" in text
    assert "B医保" in text and "C税务" in text
    assert "绿色通道人数4" in text and "5分钟内叫号2（50.0%）" in text and "8.0分钟（A004）" in text
    assert "满意率（满意、非常满意）66.7%" in text and "差评（不满意、非常不满意）1" in text
    assert "打印日期2026年11月24日" in text
    assert not missing_glyphs(text)


def test_only_the_embedded_font_subset(report: dict) -> None:
    fonts = fonts_of(render(report))
    assert fonts
    for name, font in fonts.items():
        assert "+WenQuanYiMicroHei" in name, f"{name} is not the embedded font"
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), f"{name} is not embedded"


def test_nothing_overlaps_or_leaves_the_page(report: dict) -> None:
    data = render(report)
    for page in view_pages(data, dpi=72):
        assert page.glyphs
        assert colliding_glyphs(page.glyphs) == [], f"page {page.number}"
        for ch, (left, bottom, right, top) in page.glyphs:
            assert left > 0 and right < PAGE_W and bottom > 0 and top < PAGE_H, (page.number, ch)


def test_charts_are_drawn(report: dict) -> None:
    """Bars are vector paths: the first page carries the three charts' value labels as text."""
    first = view_pages(render(report), dpi=72, pages=[1])[0]
    assert "9时" in first.text and "16时" in first.text  # arrivals axis, opening to closing hour
    assert "非常满意" in first.text and "P90 等候（分钟）" in first.text


def test_empty_day_prints(tmp_path: Path, small_hall_template: Path) -> None:
    store = open_store(backup_database(small_hall_template, tmp_path / "hall.sqlite"))
    try:
        rep = daily_report(store, date(2026, 11, 24))
    finally:
        store.close()
    data = render(rep)
    text = extracted_text(data, 1)
    assert "当日无叫号" in text and page_count(data) >= 1


def test_cli_writes_the_report(tmp_path: Path, small_hall_template: Path) -> None:
    db = backup_database(small_hall_template, tmp_path / "hall.sqlite")
    out = tmp_path / "out" / "daily.pdf"
    run = subprocess.run([sys.executable, "-m", "hallclient", "--db", str(db), "report", "daily", "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes().startswith(b"%PDF") and "daily report of" in run.stdout
    bad = subprocess.run([sys.executable, "-m", "hallclient", "--db", str(db), "report", "daily", "--day",
                          "2999-01-01", "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "--day 2999-01-01 is after today" in bad.stderr
