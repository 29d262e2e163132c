"""Ticket slip (取号小票) for 58/80 mm thermal rolls or A6: one layout, two renderers.

`layout_slip()` measures and places everything once (reportlab font metrics of the embedded CJK font), in
PDF points with the origin at the top left. `render_slip_pdf()` draws that layout with reportlab (PDF bytes,
no Qt); the kiosk's printer backend draws the very same layout with QPainter onto a QPrinter, so the paper
slip and the PDF never drift apart (Qt has no PDF renderer in PySide6-Essentials/Addons here, and going
through the layout keeps thermal output crisp instead of a rasterised PDF).

No personal data on the slip: number, category, item, people ahead, time, hall name, guide QR.
On a roll the page is exactly as long as the content, so the cutter does not waste paper.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from hallclient.printing.fonts import register_fonts
from hallclient.printing.qr import guide_qr
from hallclient.printing.text import split_lines


class Paper(StrEnum):
    """Supported slip papers; thermal rolls print about 48/72 mm of their 58/80 mm width."""

    THERMAL_58 = "58mm"
    THERMAL_80 = "80mm"
    A6 = "A6"


@dataclass(frozen=True)
class PaperSpec:
    width: float  # points
    margin: float  # left/right and top/bottom margin in points
    fixed_height: float | None  # None: a roll, as long as the content
    scale: float  # text size factor against the 58 mm design


PAPERS: dict[Paper, PaperSpec] = {
    Paper.THERMAL_58: PaperSpec(58 * mm, 5 * mm, None, 1.0),
    Paper.THERMAL_80: PaperSpec(80 * mm, 4 * mm, None, 1.3),
    Paper.A6: PaperSpec(105 * mm, 7 * mm, 148 * mm, 1.2),
}


@dataclass(frozen=True)
class SlipData:
    """What goes on a slip; deliberately nothing about the visitor."""

    hall_name: str
    number: str
    category_name: str
    issued_at: datetime
    people_ahead: int
    guide_url: str | None = None
    item_name: str | None = None
    green: bool = False
    appointment: bool = False
    reprint: bool = False


@dataclass(frozen=True)
class TextOp:
    x: float  # anchor x (left, centre or right per `align`)
    baseline: float  # from the top of the page
    text: str
    size: float
    align: str = "centre"
    bold: bool = False
    colour: str = "#000000"


@dataclass(frozen=True)
class RuleOp:
    y: float
    x0: float
    x1: float
    dashed: bool = True


@dataclass(frozen=True)
class BoxOp:
    """A filled/outlined rectangle (the green-channel badge); y is the top edge."""

    x: float
    y: float
    w: float
    h: float
    outline: bool = True


@dataclass(frozen=True)
class QrOp:
    x: float
    y: float  # top edge
    side: float  # quiet zone included
    url: str


@dataclass
class SlipLayout:
    width: float
    height: float
    font: str
    ops: list[TextOp | RuleOp | BoxOp | QrOp] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [op.text for op in self.ops if isinstance(op, TextOp)]


TIME_FORMAT = "%Y-%m-%d %H:%M"
FOOTNOTE = "请留意叫号屏及语音提示，过号请重新取号"


def layout_slip(data: SlipData, paper: Paper | str = Paper.THERMAL_58) -> SlipLayout:
    """Place every element top-down; wrap names rather than cutting them."""
    spec = PAPERS[Paper(paper)]
    font = register_fonts()
    s = spec.scale
    inner = spec.width - 2 * spec.margin
    cx = spec.width / 2
    ops: list[TextOp | RuleOp | BoxOp | QrOp] = []
    y = spec.margin

    def lines(text: str, size: float, *, gap: float = 1.25, colour: str = "#000000") -> None:
        nonlocal y
        for _, line in split_lines(text, font, size, inner):
            y += size
            ops.append(TextOp(cx, y, line, size, colour=colour))
            y += size * (gap - 1)

    def rule() -> None:
        nonlocal y
        y += 2.5 * mm
        ops.append(RuleOp(y, spec.margin, spec.width - spec.margin))
        y += 2.5 * mm

    lines(data.hall_name, 9 * s)
    if data.reprint:
        lines("（补打）", 8 * s)
    rule()
    lines("您的排队号", 9 * s)
    y += 1 * mm
    number_size = _fit_size(data.number, font, 40 * s, inner)
    lines(data.number, number_size, gap=1.05)
    if data.green:
        badge = "绿色通道"
        size = 10 * s
        w = stringWidth(badge, font, size) + 4 * mm
        h = size + 2.5 * mm
        y += 1.5 * mm
        ops.append(BoxOp(cx - w / 2, y, w, h))
        ops.append(TextOp(cx, y + h / 2 + size * 0.36, badge, size))
        y += h + 1 * mm
    if data.appointment:
        lines("预约签到", 9 * s)
    y += 1 * mm
    lines(data.category_name, 11 * s)
    if data.item_name:
        lines(data.item_name, 9 * s)
    y += 1 * mm
    ahead = f"您前面还有 {data.people_ahead} 人等候" if data.people_ahead > 0 else "您前面暂无等候，请留意叫号"
    lines(ahead, 10 * s)
    lines(f"取号时间 {data.issued_at.strftime(TIME_FORMAT)}", 8 * s, colour="#333333")
    if data.guide_url:
        rule()
        # big enough for a phone at arm's length (symbol ≥ 22 mm), never wider than the printable width
        side = min(inner, max(34 * mm * s, guide_qr(data.guide_url).side_for_symbol(22 * mm)))
        ops.append(QrOp(cx - side / 2, y, side, data.guide_url))
        y += side + 1 * mm
        lines("手机扫码查看办事指南", 8 * s)
    rule()
    lines(FOOTNOTE, 7 * s, colour="#333333")
    y += spec.margin
    height = spec.fixed_height if spec.fixed_height is not None else y
    if spec.fixed_height is not None and y > spec.fixed_height:
        height = y  # never cut content; the printer scales the page to the sheet
    return SlipLayout(spec.width, height, font, ops)


def _fit_size(text: str, font: str, size: float, width: float) -> float:
    """The largest size up to `size` at which the number fits on one line."""
    while size > 8 and stringWidth(text, font, size) > width:
        size -= 1
    return size


def render_slip_pdf(data: SlipData, paper: Paper | str = Paper.THERMAL_58) -> bytes:
    """The slip as a one-page PDF with the font embedded."""
    layout = layout_slip(data, paper)
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(layout.width, layout.height), pageCompression=1)
    canvas.setTitle(f"排队号 {data.number}")
    canvas.setCreator("hallclient kiosk")
    draw_layout(canvas, layout)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def draw_layout(canvas: Canvas, layout: SlipLayout) -> None:
    """Draw a layout on a reportlab canvas (flipping y: layouts measure from the top)."""
    h = layout.height
    for op in layout.ops:
        if isinstance(op, TextOp):
            canvas.setFillColor(colors.HexColor(op.colour))
            canvas.setFont(layout.font, op.size)
            draw = {"centre": canvas.drawCentredString, "left": canvas.drawString,
                    "right": canvas.drawRightString}[op.align]
            draw(op.x, h - op.baseline, op.text)
        elif isinstance(op, RuleOp):
            canvas.saveState()
            canvas.setLineWidth(0.6)
            if op.dashed:
                canvas.setDash(2, 2)
            canvas.line(op.x0, h - op.y, op.x1, h - op.y)
            canvas.restoreState()
        elif isinstance(op, BoxOp):
            canvas.saveState()
            canvas.setLineWidth(1.2)
            canvas.roundRect(op.x, h - op.y - op.h, op.w, op.h, 2 * mm, stroke=1, fill=0)
            canvas.restoreState()
        elif isinstance(op, QrOp):
            guide_qr(op.url).draw(canvas, op.x, h - op.y - op.side, op.side)
