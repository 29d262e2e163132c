"""Page size, colours and small text helpers shared by the guide sheets."""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from hallclient.domain.catalogue import Material
from hallclient.printing.fonts import register_fonts

PAGE_W, PAGE_H = A4
MARGIN = 12 * mm
FOOTER_H = 9 * mm
CONTENT_W = PAGE_W - 2 * MARGIN

INK = colors.HexColor("#1a1a1a")
ACCENT = colors.HexColor("#1f4e79")  # 政务蓝; prints as a dark grey on mono printers
MUTED = colors.HexColor("#5a5a5a")
RULE = colors.HexColor("#b8c4d0")
SHADE = colors.HexColor("#eef2f6")


def days_text(days: int | None) -> str:
    """A time limit as printed: 即办 (done on the spot), N 个工作日, or a dash when none is set."""
    if days is None:
        return "—"
    if days == 0:
        return "即办"
    return f"{days} 个工作日"


def copies_text(material: Material) -> str:
    return f"{material.copies} 份" if material.copies else "—"


def date_text(on: date) -> str:
    return f"{on.year} 年 {on.month} 月 {on.day} 日"


def fit_line(text: str, font: str, size: float, width: float) -> str:
    """Text cut with an ellipsis to one line of `width`; only for running heads and footers, never for names."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def draw_footer(canvas: Canvas, hall_name: str, on: date, page_label: str) -> None:
    """Hall name, print date and page label along the bottom margin."""
    font = register_fonts()
    y = MARGIN - 1 * mm
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, y + 4 * mm, PAGE_W - MARGIN, y + 4 * mm)
    canvas.setFillColor(MUTED)
    canvas.setFont(font, 8)
    canvas.drawString(MARGIN, y, fit_line(hall_name, font, 8, CONTENT_W * 0.4))
    canvas.drawCentredString(PAGE_W / 2 + CONTENT_W * 0.05, y, f"打印日期 {date_text(on)}")
    canvas.drawRightString(PAGE_W - MARGIN, y, page_label)
    canvas.restoreState()
