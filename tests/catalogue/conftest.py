"""Helpers that write catalogue files from plain records, so a test can break exactly one cell."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from hallclient.catalogue.demo import demo_catalogue
from hallclient.catalogue.formats import category_record, item_record, material_line
from hallclient.catalogue.validate import CATEGORY_FIELDS, ITEM_FIELDS

Records = list[dict[str, Any]]
WriteRaw = Callable[..., Path]


def demo_records() -> tuple[Records, Records]:
    catalogue = demo_catalogue()
    return ([category_record(c) for c in catalogue.categories], [item_record(i) for i in catalogue.items])


def _cell(key: str, value: Any) -> Any:
    """A record value as a spreadsheet cell: lists become one entry per line."""
    if isinstance(value, list):
        if key == "materials":
            return "\n".join(v if isinstance(v, str) else material_line_of(v) for v in value)
        return "\n".join(str(v) for v in value)
    return value


def material_line_of(record: dict[str, Any]) -> str:
    from hallclient.domain.catalogue import Material, MaterialForm

    try:
        return material_line(Material(record["name"], MaterialForm(record["form"]), record["copies"], record["note"]))
    except (KeyError, ValueError):
        return "|".join(str(record.get(k, "")) for k in ("name", "form", "copies", "note"))


def write_raw(path: Path, categories: Records | None, items: Records, *, columns: list[str] | None = None,
              encoding: str = "utf-8-sig") -> Path:
    """Write records as JSON, CSV (items only) or XLSX, taken from the suffix; keys outside the standard
    columns become extra columns, so tests can add unknown ones."""
    fmt = path.suffix.lstrip(".")
    if fmt == "json":
        doc: dict[str, Any] = {"items": items}
        if categories is not None:
            doc["categories"] = categories
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        return path
    item_columns = columns or [*ITEM_FIELDS, *sorted({k for r in items for k in r} - set(ITEM_FIELDS))]
    if fmt == "csv":
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(item_columns)
        for record in items:
            writer.writerow(["" if record.get(k) is None else _cell(k, record.get(k)) for k in item_columns])
        path.write_bytes(buffer.getvalue().encode(encoding))
        return path
    book = Workbook()
    sheet = book.active
    sheet.title = "items"
    sheet.append(item_columns)
    for record in items:
        sheet.append([_cell(k, record.get(k)) for k in item_columns])
    if categories is not None:
        cats = book.create_sheet("categories")
        cat_columns = [*CATEGORY_FIELDS, *sorted({k for r in categories for k in r} - set(CATEGORY_FIELDS))]
        cats.append(cat_columns)
        for record in categories:
            cats.append([record.get(k) for k in cat_columns])
    book.save(path)
    return path


@pytest.fixture
def records() -> tuple[Records, Records]:
    return demo_records()


@pytest.fixture
def raw_writer() -> Callable[..., Path]:
    return write_raw
