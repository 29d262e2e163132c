"""Render sample guide sheets of the demo hall and save their first pages as PNG in resources/screenshots.

Not a test: run it after changing the sheets' layout, then look at the pictures.

    python tests/printing/render_samples.py [--out DIR] [--pdf-dir DIR]
"""

from __future__ import annotations

import argparse
import io
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium

from hallclient.catalogue.formats import load_catalogue
from hallclient.paths import db_path, resource_path
from hallclient.printing.guide_sheets import render_booklet, render_category_poster, render_item_guide

HALL = "云岭高新区政务服务中心"
ON = date(2026, 11, 23)


def save_page(pdf_data: bytes, page_number: int, png: Path, dpi: int = 110) -> None:
    pdf = pdfium.PdfDocument(pdf_data)
    try:
        page = pdf[page_number - 1]
        bitmap = page.render(scale=dpi / 72)
        # a 64-colour palette keeps the anti-aliased text and a PNG a fraction of the size
        bitmap.to_pil().convert("RGB").quantize(colors=64).save(png, optimize=True)
        bitmap.close()
        page.close()
    finally:
        pdf.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=resource_path("screenshots"))
    parser.add_argument("--pdf-dir", type=Path, default=None, help="also keep the PDFs here")
    args = parser.parse_args()
    catalogue = load_catalogue(db_path("seed", "demo_hall.json"))
    category = catalogue.find_category("社保")
    assert category is not None
    item = max(catalogue.items, key=lambda i: len(i.guide.materials) + len(i.name))  # a full page
    sheets = {
        "guide-poster": lambda out: render_category_poster(out, category, catalogue.items_of(category.code), HALL, ON),
        "guide-item": lambda out: render_item_guide(out, item, catalogue.category_of(item), HALL, ON),
        "guide-booklet-toc": lambda out: render_booklet(out, catalogue, HALL, ON),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    for name, render in sheets.items():
        buffer = io.BytesIO()
        render(buffer)
        if args.pdf_dir:
            args.pdf_dir.mkdir(parents=True, exist_ok=True)
            (args.pdf_dir / f"{name}.pdf").write_bytes(buffer.getvalue())
        save_page(buffer.getvalue(), 2 if name == "guide-booklet-toc" else 1, args.out / f"{name}.png")
        print(args.out / f"{name}.png")


if __name__ == "__main__":
    main()
