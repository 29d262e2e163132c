"""The guide sheets as a visitor and a printer meet them: every QR decodes to its item's URL, the Chinese
text is real text in an embedded font, and nothing is cut off or printed over something else."""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from pathlib import Path

import pytest
from pdf_probe import colliding_glyphs, extracted_text, fonts_of, overlaps, page_count, view_pages

from hallclient.catalogue.demo import generated_catalogue
from hallclient.catalogue.model import Catalogue
from hallclient.catalogue.validate import LIMITS
from hallclient.domain.catalogue import Category, Guide, Material, MaterialForm, ServiceItem
from hallclient.printing.fonts import missing_glyphs
from hallclient.printing.guide_sheets import plan_poster, render_booklet, render_category_poster, render_item_guide
from hallclient.printing.item_page import page_fill
from hallclient.printing.qr import MIN_SYMBOL, guide_qr
from hallclient.printing.styles import MARGIN, PAGE_H, PAGE_W

HALL = "云岭高新区政务服务中心"
ON = date(2026, 11, 23)


def pdf_bytes(render, *args) -> bytes:
    buffer = io.BytesIO()
    render(buffer, *args)
    return buffer.getvalue()


def long_item(code: str, category: str = "SB") -> ServiceItem:
    """As long as validation allows in every field that is printed."""
    name = ("关于（粤港澳大湾区）Guangdong-Hong-Kong-Macao 跨境企业职工基本养老保险关系转移接续及个人账户"
            "一次性待遇申领“一件事”联办服务（含港澳台居民、外籍人员）")
    name = (name * 2)[: LIMITS.item_name]
    guide = Guide(
        online_url=f"https://zwfw.example.com/guide/item?code={code}&from=poster&lang=zh-CN",
        conditions=tuple(f"条件{n}：申请人已在本市参加职工基本养老保险且累计缴费满十五年，转出地已办结关系转出手续，"
                         "无重复参保、无欠缴，且不属于已领取基本养老金或已办理一次性待遇的人员。" for n in range(8)),
        materials=tuple(Material(f"材料{n}：基本养老保险参保缴费凭证或参保缴费历史明细（加盖经办机构业务章）",
                                 MaterialForm.ORIGINAL_AND_COPY, 2, "已实现信息共享、可在线核验的免于提交纸质材料")
                        for n in range(10)),
        steps=tuple(f"第{n}步：申请人通过政务服务网或到窗口提交申请材料，经办机构在规定时限内审核并出具结果。"
                    for n in range(8)),
        legal_limit_days=45, promised_limit_days=15, fee="按国家和省规定的收费标准收取，符合减免条件的免收",
        location="一楼 A区 1—8 号窗口、二楼 B区 12—18 号综合窗口（工作日 9:00—17:00，周六上午延时服务）",
        phone="0871-55501001 / 12345",
    )
    return ServiceItem(code, name, category, guide)


def all_within_margins(page) -> None:
    for ch, (left, bottom, right, top) in page.glyphs:
        assert left >= MARGIN - 1 and right <= PAGE_W - MARGIN + 1, f"page {page.number}: {ch!r} crosses a side"
        assert bottom >= MARGIN - 8 and top <= PAGE_H - MARGIN + 1, f"page {page.number}: {ch!r} off the page"


def nothing_overprinted(page) -> None:
    assert not colliding_glyphs(page.glyphs), f"page {page.number}: text printed over text"
    for ch, box in page.glyphs:
        for image in page.images:
            assert not overlaps(box, image), f"page {page.number}: {ch!r} printed over a QR code"


# ---------------------------------------------------------------- item guide


def test_item_guide_decodes_reads_and_fits(demo: Catalogue) -> None:
    for item in demo.items:
        data = pdf_bytes(render_item_guide, item, demo.category_of(item), HALL, ON)
        assert page_count(data) == 1
        (page,) = view_pages(data)
        assert page.qr_texts == [item.guide.online_url]
        assert page.qr_ec_levels == ["M"]
        text = extracted_text(data, 1)
        for expected in (item.name, item.code, HALL, *item.guide.conditions, *item.guide.steps,
                         *(m.name for m in item.guide.materials), item.guide.location):
            assert "".join(expected.split()) in text
        all_within_margins(page)
        nothing_overprinted(page)


def test_guide_beyond_one_page_is_scaled_down_never_cut() -> None:
    """Validation keeps such guides out of an import (see page_fill); data that got in some other way still
    prints on one page, scaled down as a whole, with nothing cut or overprinted."""
    item = long_item("LONG-1")
    item = dataclasses.replace(item, guide=dataclasses.replace(
        item.guide, conditions=item.guide.conditions * 2, materials=item.guide.materials * 2))
    category = Category("SB", "社会保险综合服务（跨省通办）", "A")
    assert page_fill(item, category) > 1
    data = pdf_bytes(render_item_guide, item, category, HALL * 3, ON)
    assert page_count(data) == 1
    (page,) = view_pages(data, dpi=200)
    assert page.qr_texts == [item.guide.online_url]
    all_within_margins(page)
    nothing_overprinted(page)
    assert "".join(item.name.split()) in extracted_text(data, 1)


# ---------------------------------------------------------------- category poster


@pytest.mark.parametrize("count", [1, 3, 16, 24, 70])
def test_poster_codes_decode_and_stay_scannable(count: int) -> None:
    catalogue = generated_catalogue(count * 2, n_categories=2)
    category = catalogue.categories[0]
    items = catalogue.items_of(category.code)[:count]
    data = pdf_bytes(render_category_poster, category, items, HALL, ON)
    grid = plan_poster(items)
    assert page_count(data) == len(grid.pages)
    pages = view_pages(data)
    decoded = [t for p in pages for t in p.qr_texts]
    assert sorted(decoded) == sorted(i.guide.online_url for i in items)  # each exactly once
    assert {lvl for p in pages for lvl in p.qr_ec_levels} == {"M"}
    for item in items:
        assert guide_qr(item.guide.online_url).symbol_for_side(grid.side) >= MIN_SYMBOL - 0.01
    for page in pages:
        for left, _, right, _ in page.images:
            assert right - left >= MIN_SYMBOL
        all_within_margins(page)
        nothing_overprinted(page)
    if count <= 16:
        assert len(grid.pages) == 1


def test_poster_text_has_the_chinese_names(seed_catalogue: Catalogue) -> None:
    category = seed_catalogue.find_category("社保")
    assert category is not None
    items = seed_catalogue.items_of(category.code)
    data = pdf_bytes(render_category_poster, category, items, HALL, ON)
    text = "".join(extracted_text(data, n) for n in range(1, page_count(data) + 1))
    assert "社保办事二维码" in text and HALL in text
    for item in items:
        assert "".join(item.name.split()) in text, item.name


def test_poster_long_names_wrap_inside_their_cells() -> None:
    items = [long_item(f"LONG-{n}") for n in range(7)]
    category = Category("SB", "社保", "A")
    data = pdf_bytes(render_category_poster, category, items, HALL, ON)
    pages = view_pages(data, dpi=200)
    assert sorted(t for p in pages for t in p.qr_texts) == sorted(i.guide.online_url for i in items)
    for page in pages:
        all_within_margins(page)
        nothing_overprinted(page)
    text = "".join(extracted_text(data, n) for n in range(1, len(pages) + 1))
    assert text.count("".join(items[0].name.split())) == len(items)  # every name whole, none cut


@pytest.mark.parametrize(("count", "url"), [
    (3, "https://zwfw.example.com/guide/SB"),
    (16, "https://zwfw.example.com/guide/category?code=SB&from=poster&lang=zh-CN&" + "x" * 160),
    (70, "https://zwfw.example.com/guide/SB"),
])
def test_poster_prints_the_category_guide_qr_beside_the_title(count: int, url: str) -> None:
    catalogue = generated_catalogue(count * 2, n_categories=2)
    category = dataclasses.replace(catalogue.categories[0], name="社会保险综合服务（跨省通办）", guide_url=url)
    items = catalogue.items_of(category.code)[:count]
    data = pdf_bytes(render_category_poster, category, items, HALL, ON)
    pages = view_pages(data, dpi=200)
    for page in pages:  # on every page, exactly once, beside the title (top right, above the grid)
        assert page.qr_texts.count(url) == 1
        assert set(page.qr_ec_levels) == {"M"}
        header_qr = max(page.images, key=lambda box: box[3])
        assert header_qr[3] <= PAGE_H - MARGIN + 0.5 and header_qr[2] <= PAGE_W - MARGIN + 0.5
        assert header_qr[2] - header_qr[0] >= MIN_SYMBOL  # small, but never below the scannable size
        assert abs((header_qr[2] - header_qr[0]) - guide_qr(url).side_for_symbol(MIN_SYMBOL)) < 0.5
        grid_tops = [box[3] for box in page.images if box is not header_qr]
        assert all(top < header_qr[1] for top in grid_tops), "the grid runs into the header"
        all_within_margins(page)
        nothing_overprinted(page)
    decoded = [t for p in pages for t in p.qr_texts if t != url]
    assert sorted(decoded) == sorted(i.guide.online_url for i in items)
    text = extracted_text(data, 1)
    assert "本类别办事指南" in text and "".join(category.name.split()) in text


def test_poster_without_category_guide_url_has_no_header_qr(demo: Catalogue) -> None:
    category = dataclasses.replace(demo.categories[0], guide_url="")
    items = demo.items_of(category.code)
    data = pdf_bytes(render_category_poster, category, items, HALL, ON)
    (page,) = view_pages(data)
    assert sorted(page.qr_texts) == sorted(i.guide.online_url for i in items)
    assert len(page.images) == len(items) and "本类别办事指南" not in extracted_text(data, 1)


def test_empty_category_poster_says_so() -> None:
    data = pdf_bytes(render_category_poster, Category("X", "空类别", "X"), [], HALL, ON)
    assert "本类别暂无事项" in extracted_text(data, 1)


# ---------------------------------------------------------------- booklet


def test_booklet_contents_pages_and_codes(seed_catalogue: Catalogue) -> None:
    data = pdf_bytes(render_booklet, seed_catalogue, HALL, ON)
    sections = [(c, seed_catalogue.items_of(c.code)) for c in seed_catalogue.sorted_categories()]
    items = [i for _, its in sections for i in its]
    total = page_count(data)
    toc_pages = total - 1 - len(items)
    assert toc_pages >= 1
    toc = "".join(extracted_text(data, n) for n in range(2, 2 + toc_pages))
    assert "目录" in toc
    for category, _ in sections:
        assert category.name in toc
    first_item_page = 2 + toc_pages
    # every item page carries that item's code, nothing else: check a spread of them
    sample = sorted({0, 1, len(items) // 2, len(items) - 1})
    pages = view_pages(data, pages=[first_item_page + n for n in sample])
    for n, page in zip(sample, pages, strict=True):
        assert page.qr_texts == [items[n].guide.online_url]
        assert "".join(items[n].name.split()) in extracted_text(data, page.number)
    # the TOC's page numbers point at the right pages
    assert f"{items[0].name}".replace(" ", "") in toc


def test_booklet_toc_pages_do_not_overflow() -> None:
    catalogue = generated_catalogue(300)
    long_ones = tuple(dataclasses.replace(long_item(f"L{n}", catalogue.categories[0].code)) for n in range(5))
    catalogue = Catalogue(catalogue.categories, catalogue.items + long_ones)
    data = pdf_bytes(render_booklet, catalogue, HALL, ON)
    assert page_count(data) > 1 + len(catalogue.items)
    for page in view_pages(data, dpi=72, pages=[2, 3, 4]):
        all_within_margins(page)
        nothing_overprinted(page)


# ---------------------------------------------------------------- fonts and targets


def test_every_font_is_the_embedded_cjk_subset(demo: Catalogue) -> None:
    for data in (pdf_bytes(render_booklet, demo, HALL, ON),
                 pdf_bytes(render_category_poster, demo.categories[0], demo.items_of("SB"), HALL, ON)):
        fonts = fonts_of(data)
        assert fonts
        for name, font in fonts.items():
            assert "+WenQuanYiMicroHei" in name, f"{name} is not the embedded font"
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{name} is not embedded"
            tag = name.lstrip("/").split("+")[0]
            assert tag.isalpha() and len(tag) == 6  # a subset, not the whole 5 MB font


def test_demo_and_seed_text_has_no_missing_glyphs(demo: Catalogue, seed_catalogue: Catalogue) -> None:
    for catalogue in (demo, seed_catalogue):
        text = "".join(
            i.name + "".join(i.guide.conditions + i.guide.steps) + i.guide.fee + i.guide.location + i.guide.phone
            + "".join(m.name + m.note + m.form.value for m in i.guide.materials) for i in catalogue.items)
        text += "".join(c.name for c in catalogue.categories) + "目录手机扫一扫办事码上晓—（）"
        assert missing_glyphs(text) == ""


def test_renderers_write_to_a_path(tmp_path: Path, demo: Catalogue) -> None:
    item = demo.items[0]
    assert render_item_guide(tmp_path / "i.pdf", item, demo.category_of(item), HALL, ON) == 1
    assert render_category_poster(str(tmp_path / "p.pdf"), demo.categories[0], demo.items_of("SB"), HALL) == 1
    pages = render_booklet(tmp_path / "b.pdf", demo, HALL, ON)
    assert page_count((tmp_path / "b.pdf").read_bytes()) == pages
    assert (tmp_path / "i.pdf").read_bytes().startswith(b"%PDF")


def test_item_guide_pdf_is_small(demo: Catalogue) -> None:
    item = demo.items[0]
    data = pdf_bytes(render_item_guide, item, demo.category_of(item), HALL, ON)
    assert len(data) < 150 * 1024  # a subset of the font, not the 5 MB file


def test_every_seed_guide_fits_one_page_in_readable_print(seed_catalogue: Catalogue) -> None:
    for item in seed_catalogue.items:
        assert page_fill(item, seed_catalogue.category_of(item)) <= 1, item.code
