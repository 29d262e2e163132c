"""Plain-text flowables for the guide sheets: wrapped text blocks and ruled grids.

A 1,300-page booklet spends most of its time in reportlab's Paragraph (it parses markup) and Table (it
resolves style commands per cell). Guide text is plain, so these blocks break lines with reportlab's own
CJK splitter (`textsplit.wordSplit`: breaks between any two Han characters, keeps 。，）etc. off the start
of a line) and draw with the canvas directly; several times faster, same result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.textsplit import ALL_CANNOT_END, wordSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from hallclient.printing.fonts import register_fonts
from hallclient.printing.styles import INK

LEFT, CENTRE, RIGHT = "left", "centre", "right"


def split_lines(text: str, font: str, size: float, width: float) -> list[tuple[float, str]]:
    """(free space, line) pairs for text wrapped to `width`; explicit newlines are kept.

    The splitter may hang one closing mark (。）」) past the limit rather than start a line with it; such a
    paragraph is split again one character narrower, so no line ever crosses `width`. An opening mark
    (（《“) left at a line's end moves down to the next line.
    """
    out: list[tuple[float, str]] = []
    for part in text.split("\n"):
        part = part.rstrip()
        lines = _split(part, font, size, width)
        if _overflows(lines, font, size, width):
            lines = _split(part, font, size, max(width - size, size))
            if _overflows(lines, font, size, width):
                lines = _hard_split(part, font, size, width)
        out += [(width - stringWidth(line, font, size), line) for line in lines]
    return out


def _overflows(lines: list[str], font: str, size: float, width: float) -> bool:
    return any(stringWidth(line, font, size) > width + 0.01 for line in lines)


def _hard_split(part: str, font: str, size: float, width: float) -> list[str]:
    """Last resort: as many characters per line as fit, no typographic rules."""
    lines, line = [], ""
    for ch in part:
        if line and stringWidth(line + ch, font, size) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]


def _split(part: str, font: str, size: float, width: float) -> list[str]:
    if stringWidth(part, font, size) <= width:
        return [part]
    lines = [line for _, line in wordSplit(part, width, font, size)]
    for i in range(len(lines) - 1):
        line = lines[i]
        if len(line) > 1 and line[-1] in ALL_CANNOT_END:
            lines[i], lines[i + 1] = line[:-1], line[-1] + lines[i + 1]
    return lines


class TextBlock(Flowable):
    """Wrapped plain text in the embedded font, optionally with a hanging bullet ("1.")."""

    def __init__(self, text: str, size: float, *, colour: colors.Color = INK, leading: float = 1.3,
                 align: str = LEFT, bullet: str = "", indent: float = 0, space_before: float = 0,
                 space_after: float = 0) -> None:
        super().__init__()
        self.text, self.size, self.colour, self.align = text, size, colour, align
        self.leading = size * leading
        self.bullet = bullet
        self.indent = indent or (size * 1.8 if bullet else 0)
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self.font = register_fonts()
        self.lines: list[tuple[float, str]] = []
        self.width = self.height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.lines = split_lines(self.text, self.font, self.size, available_width - self.indent)
        self.height = len(self.lines) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        text = canvas.beginText()
        text.setFont(self.font, self.size, self.leading)
        text.setFillColor(self.colour)
        # the first baseline sits one font size below the top, like reportlab's paragraphs
        y = self.height - self.size
        if self.bullet:
            text.setTextOrigin(0, y)
            text.textOut(self.bullet)
        for extra, line in self.lines:
            x = self.indent + {LEFT: 0, CENTRE: extra / 2, RIGHT: extra}.get(self.align, 0)
            text.setTextOrigin(x, y)
            text.textOut(line)
            y -= self.leading
        canvas.drawText(text)

    def last_baseline(self) -> float:
        """Height of the last line's baseline above the block's bottom (after wrap)."""
        return self.leading - self.size


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    width: float
    size: float
    colour: colors.Color = INK
    shade: colors.Color | None = None


class Grid(Flowable):
    """A ruled table: rows of cells, each cell wraps its text; row height follows the tallest cell."""

    def __init__(self, rows: Sequence[Sequence[Cell]], *, rule: colors.Color, padding: float,
                 space_before: float = 0, space_after: float = 0) -> None:
        super().__init__()
        self.rows = [list(r) for r in rows]
        self.rule, self.padding = rule, padding
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self.blocks: list[list[TextBlock]] = []
        self.row_heights: list[float] = []
        self.width = self.height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        pad = self.padding
        self.blocks, self.row_heights = [], []
        for row in self.rows:
            blocks = [TextBlock(c.text, c.size, colour=c.colour) for c in row]
            heights = [b.wrap(c.width - 2 * pad, available_height)[1] for b, c in zip(blocks, row, strict=True)]
            self.blocks.append(blocks)
            self.row_heights.append(max(heights) + 2 * pad + 1)
        self.width = max((sum(c.width for c in row) for row in self.rows), default=0.0)
        self.height = sum(self.row_heights)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        pad = self.padding
        canvas.saveState()
        canvas.setStrokeColor(self.rule)
        canvas.setLineWidth(0.5)
        top = self.height
        for row, blocks, h in zip(self.rows, self.blocks, self.row_heights, strict=True):
            x = 0.0
            for cell, block in zip(row, blocks, strict=True):
                if cell.shade is not None:
                    canvas.setFillColor(cell.shade)
                    canvas.rect(x, top - h, cell.width, h, stroke=1, fill=1)
                else:
                    canvas.rect(x, top - h, cell.width, h, stroke=1, fill=0)
                block.drawOn(canvas, x + pad, top - pad - block.height)
                x += cell.width
            top -= h
        canvas.restoreState()
