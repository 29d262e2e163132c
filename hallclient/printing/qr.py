"""Guide QR codes (办事二维码): the `qrcode` package encodes, reportlab draws the result as an image.

Error correction M (15 % of the code may be smudged or covered) and the standard 4-module quiet zone,
which is part of the image so no layout can eat into it. The image is 1 px = 1/`BOX` module, and PDF
images are not interpolated by default, so edges stay sharp at any print size.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white border, as ISO/IEC 18004 requires
BOX = 4  # image pixels per module
MIN_SYMBOL = 25 * mm  # the printed symbol (without quiet zone) stays at least 2.5 cm wide
# Data mask. qrcode picks the mask with the lowest ISO/IEC 18004 penalty by building all eight variants,
# ~9 ms per code in pure Python: 12 s for a 1,300-item booklet, over its whole time budget. Measured over
# 300 guide links, mask 2 was that lowest-penalty choice for 81 % of them and averaged within 1.1 % of the
# per-code optimum (834 vs 824), the best of the eight fixed choices; every code still decodes (tests
# decode every code on every test sheet). Set to None to have qrcode evaluate all eight again.
MASK_PATTERN: int | None = 2


@dataclass(frozen=True, slots=True)
class GuideQr:
    """One encoded URL, ready to draw: `modules` counts the symbol without its quiet zone."""

    url: str
    version: int
    modules: int
    pixels: Image.Image  # BOX pixels per module, quiet zone included
    image: ImageReader  # the same pixels, as reportlab draws them

    @property
    def total_modules(self) -> int:
        return self.modules + 2 * QUIET_ZONE

    def side_for_symbol(self, symbol: float) -> float:
        """The image side (quiet zone included) that prints the symbol `symbol` points wide."""
        return symbol * self.total_modules / self.modules

    def symbol_for_side(self, side: float) -> float:
        return side * self.modules / self.total_modules

    def draw(self, canvas: Canvas, x: float, y: float, side: float) -> None:
        """Draw with the lower-left corner of the quiet zone at (x, y)."""
        canvas.drawImage(self.image, x, y, side, side)


@lru_cache(maxsize=4096)
def guide_qr(url: str) -> GuideQr:
    """Encode a guide URL (byte mode, smallest version that fits, ECC M, mask `MASK_PATTERN`).

    Cached: a poster and a booklet of the same catalogue encode each URL once.
    """
    if not url:
        raise ValueError("a guide QR needs a URL")
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE, box_size=BOX, mask_pattern=MASK_PATTERN)
    code.add_data(url)
    code.make(fit=True)
    # The module matrix (quiet zone included) straight into a greyscale image: qrcode's own PIL factory draws
    # one rectangle per module, which costs more than the encoding.
    matrix = code.get_matrix()
    size = len(matrix)
    pixels = bytes(0 if dark else 255 for row in matrix for dark in row)
    image = Image.frombytes("L", (size, size), pixels).resize((size * BOX, size * BOX), Image.Resampling.NEAREST)
    return GuideQr(url=url, version=code.version, modules=code.modules_count, pixels=image, image=ImageReader(image))


def min_side(url: str) -> float:
    """The smallest image side (quiet zone included) that keeps this URL's code scannable."""
    return guide_qr(url).side_for_symbol(MIN_SYMBOL)
