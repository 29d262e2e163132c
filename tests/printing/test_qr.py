"""Guide QR codes: error correction M, the full quiet zone, and exactly the URL, nothing else."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image

from hallclient.printing.qr import BOX, MIN_SYMBOL, QUIET_ZONE, guide_qr, min_side

URLS = [
    "https://zwfw.example.com/guide/SB-001",
    "https://zwfw.example.com/guide/item?code=SB-0001&lang=zh-CN#materials",
    "https://zwfw.example.com/办事指南/社保?事项=退休",  # non-ASCII path: encoded as UTF-8 bytes
    "https://zwfw.example.com/" + "x" * 220,  # near the 256-character limit
]


@pytest.mark.parametrize("url", URLS)
def test_code_decodes_to_exactly_the_url_with_ecc_m(url: str) -> None:
    qr = guide_qr(url)
    image = qr.pixels
    (found,) = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert found.text == url
    assert found.ec_level == "M"


@pytest.mark.parametrize("url", URLS)
def test_quiet_zone_is_four_white_modules(url: str) -> None:
    qr = guide_qr(url)
    image: Image.Image = qr.pixels
    side = image.size[0]
    assert side == qr.total_modules * BOX
    border = QUIET_ZONE * BOX
    for x in range(side):
        for y in list(range(border)) + list(range(side - border, side)):
            assert image.getpixel((x, y)) == 255 and image.getpixel((y, x)) == 255
    # the symbol itself starts right inside: its top-left finder pattern is dark
    assert image.getpixel((border, border)) == 0


def test_minimum_printed_size_keeps_the_symbol_at_least_2_5_cm() -> None:
    for url in URLS:
        qr = guide_qr(url)
        assert qr.symbol_for_side(min_side(url)) == pytest.approx(MIN_SYMBOL)
        assert min_side(url) > MIN_SYMBOL  # the quiet zone comes on top


def test_codes_are_cached_per_url() -> None:
    assert guide_qr(URLS[0]) is guide_qr(URLS[0])
    with pytest.raises(ValueError):
        guide_qr("")
