"""Guide sheets as PDF: a category poster of QR codes, a one-page guide per item, and the whole booklet.

Each renderer is a plain function writing A4 pages to a path or a binary file object, for the command line
and (later) Qt's print dialog alike. Every text is in the embedded CJK font; every QR decodes to exactly
the item's `online_url` (a poster's header QR to the category's `guide_url`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from hallclient.catalogue.model import Catalogue, sort_items
from hallclient.domain.catalogue import Category, ServiceItem
from hallclient.printing.fonts import register_fonts
from hallclient.printing.item_page import draw_item_page
from hallclient.printing.qr import GuideQr, guide_qr, min_side
from hallclient.printing.styles import (
    A4,
    ACCENT,
    CONTENT_W,
    FOOTER_H,
    MARGIN,
    MUTED,
    PAGE_H,
    PAGE_W,
    RULE,
    date_text,
    draw_footer,
)
from hallclient.printing.text import CENTRE, TextBlock

PdfTarget = str | os.PathLike[str] | BinaryIO

POSTER_GAP = 3 * mm  # between cells
CELL_PAD = 1.5 * mm
MAX_QR_SIDE = 70 * mm
MAX_COLUMNS = 6
POSTER_HEADER_H = 31 * mm
CATEGORY_QR_GAP = 3 * mm  # between the header text and the category's own guide QR
CATEGORY_QR_CAPTION = "本类别办事指南"


def _canvas(out: PdfTarget, title: str, hall_name: str, subject: str) -> Canvas:
    font = register_fonts()
    target = os.fspath(out) if isinstance(out, str | os.PathLike) else out
    canvas = Canvas(target, pagesize=A4, pageCompression=1, lang="zh-CN", initialFontName=font, initialFontSize=10)
    canvas.setTitle(title)
    canvas.setAuthor(hall_name)
    canvas.setSubject(subject)
    canvas.setCreator("hallclient")
    return canvas


def _today(on: date | None) -> date:
    return on or date.today()


# ---------------------------------------------------------------- one item


def render_item_guide(out: PdfTarget, item: ServiceItem, category: Category, hall_name: str,
                      on: date | None = None) -> int:
    """One A4 page with the item's whole guide and its QR; returns the page count (1)."""
    canvas = _canvas(out, f"{item.name} 办事指南", hall_name, f"{item.code} {category.name}")
    draw_item_page(canvas, item, category, hall_name, _today(on), "第 1 页 / 共 1 页")
    canvas.showPage()
    canvas.save()
    return 1


# ---------------------------------------------------------------- category poster


@dataclass(frozen=True, slots=True)
class PosterGrid:
    """How a poster lays out its codes: `side` is each QR image's side (quiet zone included)."""

    columns: int
    side: float
    label_size: float
    pages: tuple[tuple[tuple[ServiceItem, ...], ...], ...]  # pages → rows → items
    row_heights: tuple[tuple[float, ...], ...]

    @property
    def cell_width(self) -> float:
        return (CONTENT_W - (self.columns - 1) * POSTER_GAP) / self.columns


def _label_blocks(item: ServiceItem, size: float) -> tuple[TextBlock, TextBlock]:
    return (TextBlock(item.name, size, align=CENTRE, leading=1.25),
            TextBlock(item.code, size - 1.5, colour=MUTED, align=CENTRE))


def _label_height(item: ServiceItem, size: float, width: float) -> float:
    return sum(b.wrap(width, PAGE_H)[1] for b in _label_blocks(item, size))


def plan_poster(items: Sequence[ServiceItem], grid_height: float = 0) -> PosterGrid:
    """The grid with the biggest codes that puts every code on one page; when no grid does (a big category),
    the one needing the fewest pages. Either way no code's symbol is below 2.5 cm (more for long links)."""
    grid_height = grid_height or (PAGE_H - 2 * MARGIN - FOOTER_H - POSTER_HEADER_H)
    need = max((min_side(i.guide.online_url) for i in items), default=0.0)
    best: tuple[tuple[int, float], PosterGrid] | None = None
    for columns in range(2, MAX_COLUMNS + 1):
        cell_w = (CONTENT_W - (columns - 1) * POSTER_GAP) / columns
        cell_side = min(cell_w - 2 * CELL_PAD, MAX_QR_SIDE)
        if cell_side < need and best is not None:
            break
        label_size = {2: 12.0, 3: 10.5, 4: 9.5}.get(columns, 8.5)
        rows = [tuple(items[i:i + columns]) for i in range(0, len(items), columns)]
        extras = [CELL_PAD * 2 + 1 * mm + max(_label_height(i, label_size, cell_w - 2 * CELL_PAD) for i in row)
                  for row in rows]
        # the side at which all rows share one page, if codes that size still scan
        fit_side = (grid_height - sum(extras) - (len(rows) - 1) * POSTER_GAP) / len(rows) if rows else cell_side
        side = min(cell_side, fit_side) if fit_side >= need else cell_side
        pages: list[list[tuple[ServiceItem, ...]]] = [[]]
        heights: list[list[float]] = [[]]
        used = 0.0
        for row, extra in zip(rows, extras, strict=True):
            height = side + extra
            if heights[-1] and used + height > grid_height + 0.01:
                pages.append([])
                heights.append([])
                used = 0.0
            pages[-1].append(row)
            heights[-1].append(height)
            used += height + POSTER_GAP
        grid = PosterGrid(columns, side, label_size, tuple(tuple(p) for p in pages), tuple(tuple(h) for h in heights))
        score = (len(pages), -side)
        if best is None or score < best[0]:
            best = (score, grid)
    assert best is not None
    return best[1]


def render_category_poster(out: PdfTarget, category: Category, items: Sequence[ServiceItem], hall_name: str,
                           on: date | None = None) -> int:
    """The category's QR codes in a grid, each labelled with item name and code; returns the page count."""
    on = _today(on)
    items = sort_items(items)
    canvas = _canvas(out, f"{category.name} 办事二维码", hall_name, f"{category.code} {len(items)} items")
    header = _plan_header(category, len(items), hall_name)
    grid = plan_poster(items, PAGE_H - 2 * MARGIN - FOOTER_H - header.height)
    total = len(grid.pages)
    for number, (rows, heights) in enumerate(zip(grid.pages, grid.row_heights, strict=True), start=1):
        y = _poster_header(canvas, header)
        if not items:
            block = TextBlock("本类别暂无事项。", 12, colour=MUTED, align=CENTRE)
            _, h = block.wrapOn(canvas, CONTENT_W, PAGE_H)
            block.drawOn(canvas, MARGIN, y - 20 * mm - h)
        for row, height in zip(rows, heights, strict=True):
            _poster_row(canvas, grid, row, y, height)
            y -= height + POSTER_GAP
        draw_footer(canvas, hall_name, on, f"第 {number} 页 / 共 {total} 页")
        canvas.showPage()
    canvas.save()
    return total


@dataclass(frozen=True, slots=True)
class _PosterHeader:
    """A poster's header measured before the grid is planned, so a taller header (long name, category QR)
    takes its room from the grid instead of overlapping it."""

    blocks: tuple[tuple[TextBlock, float], ...]  # wrapped to `text_width`, with their heights
    text_width: float
    qr: GuideQr | None  # the category's own guide QR, top right; None without a guide_url
    side: float
    caption: TextBlock | None
    rule_at: float  # below the top margin
    height: float  # below the top margin: where the grid starts


def _plan_header(category: Category, count: int, hall_name: str) -> _PosterHeader:
    """Hall, title and slogan centred; with a guide_url, the category's QR at the smallest side that still
    scans (same ECC and quiet zone as every guide QR) beside them, the text narrowed on both sides to stay
    centred on the page."""
    qr = guide_qr(category.guide_url) if category.guide_url else None
    side = min_side(category.guide_url) if qr is not None else 0.0
    text_width = CONTENT_W - 2 * (side + CATEGORY_QR_GAP) if qr is not None else CONTENT_W
    blocks = []
    text_h = 0.0
    for block in (
        TextBlock(hall_name, 10, colour=MUTED, align=CENTRE),
        TextBlock(f"{category.name}　办事二维码", 24, colour=ACCENT, align=CENTRE, leading=1.2),
        TextBlock(f"手机扫一扫　办事码上晓　·　共 {count} 项", 10.5, colour=MUTED, align=CENTRE),
    ):
        _, h = block.wrap(text_width, PAGE_H)
        blocks.append((block, h))
        text_h += h + 1.5 * mm
    caption = None
    qr_h = 0.0
    if qr is not None:
        caption = TextBlock(CATEGORY_QR_CAPTION, 7.5, colour=MUTED, align=CENTRE)
        qr_h = side + 1 * mm + caption.wrap(side, PAGE_H)[1] + 1.5 * mm
    rule_at = max(text_h, qr_h)
    return _PosterHeader(tuple(blocks), text_width, qr, side, caption, rule_at,
                         max(rule_at + 3 * mm, POSTER_HEADER_H))


def _poster_header(canvas: Canvas, header: _PosterHeader) -> float:
    """Draw the header at the top of a poster page; returns the y where the grid starts."""
    top = PAGE_H - MARGIN
    y = top
    x = MARGIN + (CONTENT_W - header.text_width) / 2
    for block, h in header.blocks:
        block.drawOn(canvas, x, y - h)
        y -= h + 1.5 * mm
    if header.qr is not None and header.caption is not None:
        qr_x = PAGE_W - MARGIN - header.side
        header.qr.draw(canvas, qr_x, top - header.side, header.side)
        header.caption.drawOn(canvas, qr_x, top - header.side - 1 * mm - header.caption.height)
    canvas.saveState()
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1.2)
    canvas.line(MARGIN, top - header.rule_at, PAGE_W - MARGIN, top - header.rule_at)
    canvas.restoreState()
    return top - header.height


def _poster_row(canvas: Canvas, grid: PosterGrid, row: Sequence[ServiceItem], top: float, height: float) -> None:
    cell_w = grid.cell_width
    row_w = len(row) * cell_w + (len(row) - 1) * POSTER_GAP
    x = MARGIN + (CONTENT_W - row_w) / 2  # a short last row stays centred
    for item in row:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.roundRect(x, top - height, cell_w, height, 2 * mm)
        canvas.restoreState()
        qr = guide_qr(item.guide.online_url)
        qr.draw(canvas, x + (cell_w - grid.side) / 2, top - CELL_PAD - grid.side, grid.side)
        y = top - CELL_PAD - grid.side - 1 * mm
        for block in _label_blocks(item, grid.label_size):
            _, h = block.wrapOn(canvas, cell_w - 2 * CELL_PAD, PAGE_H)
            block.drawOn(canvas, x + CELL_PAD, y - h)
            y -= h
        x += cell_w + POSTER_GAP


# ---------------------------------------------------------------- booklet

TOC_COLUMNS = 2
TOC_GAP = 8 * mm
TOC_NUMBER_W = 12 * mm
TOC_TITLE_H = 16 * mm


def render_booklet(out: PdfTarget, catalogue: Catalogue, hall_name: str, on: date | None = None) -> int:
    """Cover, table of contents by category (with links and PDF bookmarks), then one guide page per item.

    Returns the page count. Categories without items are left out.
    """
    on = _today(on)
    sections = [(c, catalogue.items_of(c.code)) for c in catalogue.sorted_categories()]
    sections = [(c, items) for c, items in sections if items]
    n_items = sum(len(items) for _, items in sections)
    canvas = _canvas(out, f"{hall_name} 办事指南汇编", hall_name, f"{n_items} service items")

    col_w = (CONTENT_W - (TOC_COLUMNS - 1) * TOC_GAP) / TOC_COLUMNS
    entries: list[tuple[str, str, int]] = []  # (text, key, level); pages filled in once the TOC is laid out
    for category, items in sections:
        entries.append((f"{category.name}（{len(items)} 项）", f"cat-{category.code}", 0))
        entries.extend((f"{i.code}\t{i.name}", f"item-{i.code}", 1) for i in items)
    toc_pages = _layout_toc(entries, col_w)
    first_item_page = 1 + len(toc_pages) + 1
    page_of: dict[str, int] = {}
    page = first_item_page
    for category, items in sections:
        page_of[f"cat-{category.code}"] = page
        for item in items:
            page_of[f"item-{item.code}"] = page
            page += 1
    total = page - 1

    _draw_cover(canvas, hall_name, on, len(sections), n_items)
    canvas.bookmarkPage("cover")
    canvas.addOutlineEntry("封面", "cover", 0)
    draw_footer(canvas, hall_name, on, f"第 1 页 / 共 {total} 页")
    canvas.showPage()
    for number, columns in enumerate(toc_pages, start=2):
        if number == 2:
            canvas.bookmarkPage("toc")
            canvas.addOutlineEntry("目录", "toc", 0)
        _draw_toc_page(canvas, columns, col_w, page_of, first=number == 2)
        draw_footer(canvas, hall_name, on, f"第 {number} 页 / 共 {total} 页")
        canvas.showPage()
    page = first_item_page
    for category, items in sections:
        for n, item in enumerate(items):
            if n == 0:
                canvas.bookmarkPage(f"cat-{category.code}")
                canvas.addOutlineEntry(f"{category.name}（{len(items)} 项）", f"cat-{category.code}", 0, closed=True)
            canvas.bookmarkPage(f"item-{item.code}")
            canvas.addOutlineEntry(f"{item.code} {item.name}", f"item-{item.code}", 1)
            draw_item_page(canvas, item, category, hall_name, on, f"第 {page} 页 / 共 {total} 页")
            canvas.showPage()
            page += 1
    canvas.showOutline()
    canvas.save()
    return total


def _toc_block(text: str, level: int, col_w: float) -> TextBlock:
    if level == 0:
        return TextBlock(text, 11, colour=ACCENT, space_before=4)
    code, _, name = text.partition("\t")
    indent = stringWidth(code, register_fonts(), 8.5) + 2 * mm
    if indent > col_w * 0.4:  # a very long code: no hanging column for it
        return TextBlock(f"{code} {name}", 8.5, leading=1.25)
    return TextBlock(name, 8.5, leading=1.25, bullet=code, indent=indent)


_TocColumn = list[tuple[TextBlock, str, float]]  # (block, key, height with spacing)
_TOC_ENTRY_GAP = 1.2  # points between entries


def _layout_toc(entries: Sequence[tuple[str, str, int]], col_w: float) -> list[list[_TocColumn]]:
    """Flow the entries into columns and pages; page numbers are not needed yet (their width is reserved)."""
    body_h = PAGE_H - 2 * MARGIN - FOOTER_H
    pages: list[list[_TocColumn]] = [[[]]]
    used = 0.0
    for text, key, level in entries:
        block = _toc_block(text, level, col_w)
        _, h = block.wrap(col_w - TOC_NUMBER_W, body_h)
        h += block.getSpaceBefore() + _TOC_ENTRY_GAP
        avail = body_h - (TOC_TITLE_H if len(pages) == 1 else 0)
        column = pages[-1][-1]
        if column and used + h > avail:
            if len(pages[-1]) < TOC_COLUMNS:
                pages[-1].append([])
            else:
                pages.append([[]])
            used = 0.0
        pages[-1][-1].append((block, key, h))
        used += h
    return pages


def _draw_toc_page(canvas: Canvas, columns: Sequence[_TocColumn], col_w: float, page_of: dict[str, int],
                   *, first: bool) -> None:
    font = register_fonts()
    top = PAGE_H - MARGIN
    if first:
        title = TextBlock("目　录", 20, colour=ACCENT, align=CENTRE)
        _, h = title.wrapOn(canvas, CONTENT_W, PAGE_H)
        title.drawOn(canvas, MARGIN, top - h)
        top -= TOC_TITLE_H
    for index, column in enumerate(columns):
        x = MARGIN + index * (col_w + TOC_GAP)
        y = top
        for block, key, h in column:
            bottom = y - h + _TOC_ENTRY_GAP
            block.drawOn(canvas, x, bottom)
            canvas.setFont(font, block.size)
            canvas.setFillColor(ACCENT if key.startswith("cat-") else MUTED)
            # the page number sits on the baseline of the entry's last line
            canvas.drawRightString(x + col_w, bottom + block.last_baseline(), str(page_of[key]))
            canvas.linkRect("", key, (x, y - h, x + col_w, y), relative=0, thickness=0)
            y -= h
    if len(columns) > 1:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        mid = MARGIN + col_w + TOC_GAP / 2
        canvas.line(mid, top, mid, MARGIN + FOOTER_H)
        canvas.restoreState()


def _draw_cover(canvas: Canvas, hall_name: str, on: date, n_categories: int, n_items: int) -> None:
    y = PAGE_H * 0.68
    for block, gap in (
        (TextBlock(hall_name, 20, colour=MUTED, align=CENTRE), 10 * mm),
        (TextBlock("办事指南汇编", 40, colour=ACCENT, align=CENTRE, leading=1.2), 8 * mm),
        (TextBlock(f"共 {n_categories} 个业务类别　{n_items} 个事项", 13, colour=MUTED, align=CENTRE), 40 * mm),
        (TextBlock("手机扫一扫　办事码上晓", 14, colour=ACCENT, align=CENTRE), 4 * mm),
        (TextBlock(f"编印日期　{date_text(on)}", 11, colour=MUTED, align=CENTRE), 0),
    ):
        _, h = block.wrapOn(canvas, CONTENT_W, PAGE_H)
        block.drawOn(canvas, MARGIN, y - h)
        y -= h + gap
