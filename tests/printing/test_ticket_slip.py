"""The ticket slip PDF: number, texts and a QR that decodes to the guide URL, on every paper size."""

from __future__ import annotations

from datetime import datetime

import pytest
from pdf_probe import colliding_glyphs, extracted_text, fonts_of, page_count, view_pages

from hallclient.printing.fonts import missing_glyphs
from hallclient.printing.ticket_slip import PAPERS, Paper, SlipData, layout_slip, render_slip_pdf

URL = "https://zwfw.example.com/guide/SSDJ-001"


def _slip(**kw: object) -> SlipData:
    base = dict(hall_name="云岭高新区政务服务中心", number="A012", category_name="商事登记",
                item_name="有限责任公司设立登记", issued_at=datetime(2026, 11, 23, 9, 31), people_ahead=7,
                guide_url=URL)
    base.update(kw)
    return SlipData(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("paper", list(Paper))
def test_slip_has_number_texts_and_decodable_qr(paper: Paper) -> None:
    pdf = render_slip_pdf(_slip(), paper)
    assert page_count(pdf) == 1
    text = extracted_text(pdf, 1)
    for part in ("A012", "商事登记", "有限责任公司设立登记", "云岭高新区政务服务中心", "7人等候", "2026-11-2309:31"):
        assert part in text, (part, text)
    (page,) = view_pages(pdf, dpi=203)  # a thermal head's resolution
    assert page.qr_texts == [URL]
    assert not colliding_glyphs(page.glyphs)
    assert any("WenQuanYi" in name for name in fonts_of(pdf))


def test_roll_is_as_long_as_content_and_width_matches_paper() -> None:
    for paper in (Paper.THERMAL_58, Paper.THERMAL_80):
        layout = layout_slip(_slip(), paper)
        assert layout.width == pytest.approx(PAPERS[paper].width)
        assert 200 < layout.height < 700
    assert layout_slip(_slip(), Paper.A6).height == pytest.approx(PAPERS[Paper.A6].fixed_height)


def test_green_channel_and_reprint_marks_and_no_qr_without_url() -> None:
    pdf = render_slip_pdf(_slip(green=True, reprint=True, guide_url=None, people_ahead=0))
    text = extracted_text(pdf, 1)
    assert "绿色通道" in text and "补打" in text and "暂无等候" in text
    assert view_pages(pdf)[0].qr_texts == []


def test_long_names_wrap_within_the_paper() -> None:
    long_item = "建设工程规划许可证核发（建筑类、市政类、交通类、管线类项目）及变更、延续"
    layout = layout_slip(_slip(item_name=long_item), Paper.THERMAL_58)
    joined = "".join(layout.texts)
    assert long_item.replace(" ", "") in joined.replace(" ", "")
    assert not missing_glyphs(joined)
