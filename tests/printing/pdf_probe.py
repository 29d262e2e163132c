"""Looking at generated PDFs the way a printer and a phone would: rendered pixels, decoded QR codes,
extracted text, glyph boxes and embedded fonts."""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import zxingcpp
from pypdf import PdfReader

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points


@dataclass(frozen=True)
class PageView:
    number: int  # 1-based
    qr_texts: list[str]
    qr_ec_levels: list[str]
    text: str  # as pdfium extracts it
    glyphs: list[tuple[str, Box]]
    images: list[Box]


@contextmanager
def open_pdf(data: bytes) -> Iterator[pdfium.PdfDocument]:
    pdf = pdfium.PdfDocument(data)
    try:
        yield pdf
    finally:
        pdf.close()


def view_pages(data: bytes, *, dpi: int = 150, pages: list[int] | None = None) -> list[PageView]:
    """Render the pages (all, or the 1-based `pages`) and read what is on them."""
    out = []
    with open_pdf(data) as pdf:
        for index in [p - 1 for p in pages] if pages else range(len(pdf)):
            page = pdf[index]
            bitmap = page.render(scale=dpi / 72)
            image = bitmap.to_pil()
            found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
            textpage = page.get_textpage()
            glyphs = []
            for i in range(textpage.count_chars()):
                ch = textpage.get_text_range(i, 1)
                if ch.strip():
                    glyphs.append((ch, textpage.get_charbox(i)))
            text = textpage.get_text_range()
            images = [obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]
            textpage.close()
            bitmap.close()
            page.close()
            out.append(PageView(index + 1, [b.text for b in found], [b.ec_level for b in found], text, glyphs,
                                images))
    return out


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def extracted_text(data: bytes, page: int) -> str:
    """pypdf's text of a 1-based page, whitespace removed (wrapped names come out in pieces)."""
    return "".join(PdfReader(io.BytesIO(data)).pages[page - 1].extract_text().split())


def fonts_of(data: bytes) -> dict[str, dict]:
    """Every font used on any page: base name → its dictionary (resolved)."""
    reader = PdfReader(io.BytesIO(data))
    fonts: dict[str, dict] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources else None
        for ref in (font_dict.get_object().values() if font_dict else []):
            font = ref.get_object()
            fonts[str(font["/BaseFont"])] = font
    return fonts


def overlaps(a: Box, b: Box, tolerance: float = 0.3) -> bool:
    return (min(a[2], b[2]) - max(a[0], b[0]) > tolerance) and (min(a[3], b[3]) - max(a[1], b[1]) > tolerance)


def colliding_glyphs(glyphs: list[tuple[str, Box]]) -> list[tuple[str, str]]:
    """Pairs of glyphs whose boxes overlap: text printed over text."""
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, (_, box) in enumerate(glyphs):
        for gx in range(int(box[0] // 20), int(box[2] // 20) + 1):
            for gy in range(int(box[1] // 20), int(box[3] // 20) + 1):
                grid[(gx, gy)].append(i)
    pairs = set()
    for members in grid.values():
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                if overlaps(glyphs[i][1], glyphs[j][1]):
                    pairs.add((min(i, j), max(i, j)))
    return [(glyphs[i][0], glyphs[j][0]) for i, j in sorted(pairs)]
