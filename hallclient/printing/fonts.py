"""The one CJK font every sheet uses, embedded (subset) so a sheet prints the same on any PC.

WenQuanYi Micro Hei is a TrueType collection (reportlab cannot embed the CFF outlines of Noto Sans CJK);
it ships in resources/fonts with its licence (Apache-2.0 or GPL-3+ with font exception).
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from hallclient.paths import resource_path

FONT_FILE = "wqy-microhei.ttc"
FONT_NAME = "WenQuanYiMicroHei"
_SUBFONT = 0  # 0 = Micro Hei (proportional), 1 = Micro Hei Mono


@cache
def register_fonts() -> str:
    """Register the font with reportlab once per process; returns its name for setFont/ParagraphStyle."""
    path = resource_path("fonts", FONT_FILE)
    if not path.is_file():
        raise FileNotFoundError(f"guide sheet font is missing: {path}")
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=_SUBFONT))
    return FONT_NAME


def missing_glyphs(text: str) -> str:
    """Characters of `text` the font cannot draw (they would print as empty boxes)."""
    face = pdfmetrics.getFont(register_fonts()).face
    return "".join(sorted({ch for ch in text if not ch.isspace() and ord(ch) not in face.charToGlyph}))
