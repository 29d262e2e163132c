"""One item's guide (办事指南) on one A4 page: used alone and as a page of the booklet.

The page always holds the whole guide: the body is laid out at the largest text size (10.5 pt down to
7 pt) at which everything fits; only beyond that (validation keeps guides short enough never to get
there) is the body scaled down as a whole. Names wrap; nothing is cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, Spacer

from hallclient.domain.catalogue import Category, ServiceItem
from hallclient.printing.fonts import register_fonts
from hallclient.printing.qr import guide_qr
from hallclient.printing.styles import (
    ACCENT,
    CONTENT_W,
    FOOTER_H,
    MARGIN,
    MUTED,
    PAGE_H,
    PAGE_W,
    RULE,
    SHADE,
    copies_text,
    days_text,
    draw_footer,
    fit_line,
)
from hallclient.printing.text import CENTRE, Cell, Grid, TextBlock

QR_SIDE = 38 * mm  # symbol ≈ 30 mm for typical links
QR_BLOCK_W = 44 * mm
BODY_SIZES = (10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7)
TOP_LINE_H = 7 * mm


def draw_item_page(canvas: Canvas, item: ServiceItem, category: Category, hall_name: str, on: date,
                   page_label: str = "") -> None:
    """Draw the item's guide on the current page (the caller starts and ends pages)."""
    font = register_fonts()
    top = PAGE_H - MARGIN
    canvas.saveState()
    canvas.setFillColor(MUTED)
    canvas.setFont(font, 8.5)
    canvas.drawString(MARGIN, top - 3.5 * mm, fit_line(f"{category.name} · 办事指南", font, 8.5, CONTENT_W * 0.45))
    canvas.drawRightString(PAGE_W - MARGIN, top - 3.5 * mm, fit_line(hall_name, font, 8.5, CONTENT_W * 0.5))
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1.2)
    canvas.line(MARGIN, top - TOP_LINE_H + 1 * mm, PAGE_W - MARGIN, top - TOP_LINE_H + 1 * mm)
    canvas.restoreState()

    header = _Header(item, category)
    header_top = top - TOP_LINE_H - 2 * mm
    header.draw(canvas, header_top)
    body_h = body_height(header)
    body_top = MARGIN + FOOTER_H + body_h
    body = fitted_body(item, CONTENT_W, body_h)
    _, h = body.wrapOn(canvas, CONTENT_W, body_h)
    body.drawOn(canvas, MARGIN, body_top - h)
    draw_footer(canvas, hall_name, on, page_label)


class _Header:
    """Title and codes on the left, the guide QR with its caption and link on the right; measured on creation."""

    def __init__(self, item: ServiceItem, category: Category) -> None:
        self.item = item
        url = item.guide.online_url
        url_size = next((size for size in (6.5, 6, 5.5) if stringWidth(url, register_fonts(), size) <= QR_BLOCK_W),
                        5.5)  # one line if it can be; a long link wraps
        self.qr_blocks = [(TextBlock("手机扫一扫　查看在线指南", 8, colour=ACCENT, align=CENTRE), 0.0),
                          (TextBlock(url, url_size, colour=MUTED, align=CENTRE, leading=1.2), 0.0)]
        title_size = 18 if len(item.name) <= 40 else 15
        self.title_blocks = [
            (TextBlock(item.name, title_size, colour=ACCENT, leading=1.25), 2.5 * mm),
            (TextBlock(f"事项编码　{item.code}　　业务类别　{category.name}（{category.prefix} 字头取号）", 9,
                       colour=MUTED), 0.0),
        ]
        qr_h = QR_SIDE + sum(b.wrap(QR_BLOCK_W, PAGE_H)[1] + gap for b, gap in self.qr_blocks)
        title_w = CONTENT_W - QR_BLOCK_W - 4 * mm
        title_h = 2 * mm + sum(b.wrap(title_w, PAGE_H)[1] + gap for b, gap in self.title_blocks)
        self.height = max(qr_h, title_h)

    def draw(self, canvas: Canvas, top: float) -> None:
        qr = guide_qr(self.item.guide.online_url)
        qr.draw(canvas, PAGE_W - MARGIN - QR_BLOCK_W + (QR_BLOCK_W - QR_SIDE) / 2, top - QR_SIDE, QR_SIDE)
        y = top - QR_SIDE
        for block, gap in self.qr_blocks:
            block.drawOn(canvas, PAGE_W - MARGIN - QR_BLOCK_W, y - block.height)
            y -= block.height + gap
        y = top - 2 * mm
        for block, gap in self.title_blocks:
            block.drawOn(canvas, MARGIN, y - block.height)
            y -= block.height + gap


def body_height(header: _Header) -> float:
    """Room left for the body below the running head and the header, above the footer."""
    return PAGE_H - 2 * MARGIN - TOP_LINE_H - 2 * mm - header.height - 3 * mm - FOOTER_H


def page_fill(item: ServiceItem, category: Category) -> float:
    """How much of the page the guide needs at the smallest text size: above 1.0 it cannot fit one page.

    Catalogue validation uses this, so a guide that would have to be shrunk below 7 pt never gets in.
    """
    height = body_height(_Header(item, category))
    return _Stack(body_story(item, BODY_SIZES[-1], CONTENT_W), CONTENT_W, height).height / height


def fitted_body(item: ServiceItem, width: float, height: float) -> Flowable:
    """The body at the largest text size that fits `height`."""
    for size in BODY_SIZES:
        stack = _Stack(body_story(item, size, width), width, height)
        if stack.height <= height:
            return stack
    return KeepInFrame(width, height, body_story(item, BODY_SIZES[-1], width), mode="shrink")


class _Stack(Flowable):
    """Flowables measured once and drawn top to bottom as one block (never split, never re-wrapped)."""

    def __init__(self, story: Sequence[Flowable], width: float, height: float) -> None:
        super().__init__()
        self.story = list(story)
        self.width = width
        self.heights = [f.wrap(width, height)[1] for f in self.story]
        self.height = sum(h + f.getSpaceBefore() + f.getSpaceAfter()
                          for f, h in zip(self.story, self.heights, strict=True))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for flowable, h in zip(self.story, self.heights, strict=True):
            y -= flowable.getSpaceBefore() + h
            flowable.drawOn(self.canv, 0, y)
            y -= flowable.getSpaceAfter()


def body_story(item: ServiceItem, size: float, width: float) -> list[Flowable]:
    """Facts grid, conditions, materials and steps at body text size `size`."""
    g = item.guide
    pad = size * 0.25 + 1
    small = size - 0.5

    def heading(text: str) -> TextBlock:
        return TextBlock(f"■ {text}", size + 2, colour=ACCENT, space_before=size * 0.9, space_after=size * 0.35)

    def numbered(lines: Sequence[str], empty: str) -> list[Flowable]:
        if not lines:
            return [TextBlock(empty, size)]
        return [TextBlock(line, size, bullet=f"{n}.", space_after=size * 0.15) for n, line in enumerate(lines, 1)]

    label_w = size * 7
    value_w = width / 2 - label_w

    def label(text: str) -> Cell:
        return Cell(text, label_w, size, MUTED, SHADE)

    facts = Grid([
        [label("法定办结时限"), Cell(days_text(g.legal_limit_days), value_w, size),
         label("承诺办结时限"), Cell(days_text(g.promised_limit_days), value_w, size)],
        [label("收费标准"), Cell(g.fee or "不收费", width - label_w, size)],
        [label("办理地点"), Cell(g.location or "—", width - label_w, size)],
        [label("咨询电话"), Cell(g.phone or "—", width - label_w, size)],
    ], rule=RULE, padding=pad)
    story: list[Flowable] = [facts, heading("申办条件"), *numbered(g.conditions, "无特殊条件。"), heading("申请材料")]

    if g.materials:
        rest = width - size * (3 + 7.4 + 3.6)  # name and note share what number, form and copies leave
        widths = [size * 3, rest * 0.56, size * 7.4, size * 3.6, rest * 0.44]
        rows = [[Cell(text, w, size, MUTED, SHADE) for text, w in zip(("序号", "材料名称", "形式", "份数", "备注"),
                                                                      widths, strict=True)]]
        for n, m in enumerate(g.materials, start=1):
            texts = (str(n), m.name, m.form.value, copies_text(m), m.note)
            rows.append([Cell(text, w, small) for text, w in zip(texts, widths, strict=True)])
        story.append(Grid(rows, rule=RULE, padding=pad))
    else:
        story.append(TextBlock("无需提交材料。", size))

    story += [heading("办理流程"), *numbered(g.steps, "当场办理。"), Spacer(1, size * 0.8),
              TextBlock("温馨提示：以上内容以在线办事指南为准；扫描右上角二维码可查看最新要求或在线申报。", size - 1.5,
                        colour=MUTED)]
    return story
