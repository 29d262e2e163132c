"""Read and write catalogue files: JSON (categories + items), XLSX (two sheets) and CSV (items only).

Readers only find rows and cells; `validate` checks them. Writers produce exactly what the readers take,
so an export imports back with no change.
"""

from __future__ import annotations

import csv
import io
import json
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from hallclient.catalogue.model import Catalogue, natural_key
from hallclient.catalogue.validate import (
    CATEGORY_FIELDS,
    ITEM_FIELDS,
    REQUIRED_CATEGORY_FIELDS,
    REQUIRED_ITEM_FIELDS,
    CatalogueInvalid,
    PrintChecks,
    Problem,
    RawCatalogue,
    RawRecord,
    validate,
)
from hallclient.domain.catalogue import Category, Material, MaterialForm, ServiceItem

FORMATS = ("json", "csv", "xlsx")
JSON_FORMAT_TAG = "hallclient-catalogue"
JSON_VERSION = 1

# Chinese column headings accepted on import (exports write the English field names).
CATEGORY_HEADINGS = {
    "类别编码": "code",
    "类别名称": "name",
    "英文名称": "name_en",
    "取号字母": "prefix",
    "黄色预警分钟": "yellow_after_min",
    "红色预警分钟": "red_after_min",
    "排序": "sort_order",
    "分类办事指南链接": "guide_url",
}
ITEM_HEADINGS = {
    "事项编码": "code",
    "业务类别": "category",
    "事项名称": "name",
    "办事指南链接": "online_url",
    "申办条件": "conditions",
    "申请材料": "materials",
    "办理流程": "steps",
    "法定时限": "legal_limit_days",
    "承诺时限": "promised_limit_days",
    "收费标准": "fee",
    "办理地点": "location",
    "咨询电话": "phone",
}
SHEET_NAMES = {"categories": ("categories", "业务类别"), "items": ("items", "事项")}


def format_of(path: str | Path, explicit: str | None = None) -> str:
    """The file format from an explicit choice or the file name's suffix."""
    fmt = (explicit or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValueError(f"{Path(path).name}: unknown catalogue format {fmt!r}; use a .json, .csv or .xlsx file")
    return fmt


# ---------------------------------------------------------------- reading


def load_catalogue(path: str | Path, known_categories: Sequence[Category] = (), *,
                   check_print: bool = True) -> Catalogue:
    """Read and validate a catalogue file; raises CatalogueInvalid listing every problem.

    `known_categories` are the hall's active categories, used when the file carries none (CSV).
    `check_print` also refuses what the guide sheets could not print well: characters their font lacks
    (they would come out as empty boxes) and guides that do not fit one page.
    """
    return validate(read_raw(path), known_categories, print_checks() if check_print else None)


def print_checks() -> PrintChecks:
    from hallclient.printing.fonts import missing_glyphs
    from hallclient.printing.item_page import page_fill

    return PrintChecks(missing_glyphs=missing_glyphs, page_fill=page_fill)


def read_raw(path: str | Path) -> RawCatalogue:
    """The rows of a catalogue file, with problems of its structure (unreadable, bad JSON, unknown columns)."""
    path = Path(path)
    name = path.name
    try:
        fmt = format_of(path)
    except ValueError as exc:
        raise CatalogueInvalid([Problem(name, "", None, "", str(exc).split(": ", 1)[1])]) from None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogueInvalid([Problem(name, "", None, "", f"cannot read the file: {exc.strerror or exc}")]) from None
    reader: Callable[[str, bytes], RawCatalogue] = {"json": _read_json, "csv": _read_csv, "xlsx": _read_xlsx}[fmt]
    return reader(name, data)


def _read_json(name: str, data: bytes) -> RawCatalogue:
    raw = RawCatalogue(file=name, items=[])
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raw.problems.append(Problem(name, "", None, "", f"is not UTF-8 text ({exc.reason} at byte {exc.start})"))
        return raw
    except json.JSONDecodeError as exc:
        raw.problems.append(Problem(name, "", exc.lineno, "", f"is not valid JSON: {exc.msg} (column {exc.colno})"))
        return raw
    if not isinstance(doc, dict):
        raw.problems.append(Problem(name, "", None, "", 'must be a JSON object with "categories" and "items" lists'))
        return raw
    for sheet, fields in (("categories", CATEGORY_FIELDS), ("items", ITEM_FIELDS)):
        if sheet not in doc:
            if sheet == "items":
                raw.problems.append(Problem(name, "", None, sheet, 'is missing: the file needs an "items" list'))
            continue
        entries = doc[sheet]
        if not isinstance(entries, list):
            raw.problems.append(Problem(name, "", None, sheet, "must be a list"))
            continue
        records = json_records(name, sheet, entries, fields, raw.problems)
        if sheet == "items":
            raw.items = records
        else:
            raw.categories = records
    return raw


def json_records(name: str, sheet: str, entries: list[Any], fields: Sequence[str],
                 problems: list[Problem]) -> list[RawRecord]:
    """The objects of a JSON list as records (row = position, first = 1), reporting non-objects and unknown
    keys; keys starting with "_" ("_comment") are allowed and dropped."""
    records = []
    for row, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(Problem(name, sheet, row, "", "must be an object"))
            continue
        for key in sorted(set(entry) - set(fields)):
            if not key.startswith("_"):
                problems.append(Problem(name, sheet, row, key, unknown_field(key, fields)))
        records.append(RawRecord(row, {k: v for k, v in entry.items() if k in fields}))
    return records


def unknown_field(key: str, fields: Sequence[str]) -> str:
    return f"unknown field {key!r} (known: {', '.join(fields)})"


def _header_map(
    name: str, sheet: str, header: Sequence[object], fields: Sequence[str], aliases: dict[str, str],
    required: frozenset[str], problems: list[Problem],
) -> dict[int, str]:
    """Column index → field name, reporting unknown, repeated and missing columns."""
    columns: dict[int, str] = {}
    for index, cell in enumerate(header):
        heading = "" if cell is None else str(cell).strip()
        if not heading:
            continue
        key = heading.lower() if heading.lower() in fields else aliases.get(_strip_unit(heading))
        if key is None:
            problems.append(Problem(name, sheet, 1, heading, unknown_field(heading, fields)))
        elif key in columns.values():
            problems.append(Problem(name, sheet, 1, heading, f"column {key} appears twice"))
        else:
            columns[index] = key
    for key in sorted(required - set(columns.values())):
        problems.append(Problem(name, sheet, 1, key, "required column is missing"))
    return columns


def _strip_unit(heading: str) -> str:
    """'法定时限（工作日）' → '法定时限'."""
    for opening in ("（", "("):
        heading = heading.split(opening, 1)[0]
    return heading.strip()


def _records(rows: Iterable[tuple[int, Sequence[object]]], columns: dict[int, str]) -> list[RawRecord]:
    out = []
    for row, cells in rows:
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue  # spreadsheets keep blank rows; they mean nothing
        values = {key: cells[i] for i, key in columns.items() if i < len(cells)}
        out.append(RawRecord(row, values))
    return out


def _read_csv(name: str, data: bytes) -> RawCatalogue:
    raw = RawCatalogue(file=name, items=[], items_sheet="")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # Excel on a Chinese Windows saves "CSV" in GB18030/GBK
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raw.problems.append(Problem(name, "", None, "", f"is neither UTF-8 nor GB18030 text ({exc.reason})"))
            return raw
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raw.problems.append(Problem(name, "", None, "", f"is not valid CSV: {exc}"))
        return raw
    if not rows:
        raw.problems.append(Problem(name, "", None, "", "is empty: the first row must name the columns"))
        return raw
    columns = _header_map(name, "", rows[0], ITEM_FIELDS, ITEM_HEADINGS, REQUIRED_ITEM_FIELDS, raw.problems)
    raw.items = _records(enumerate(rows[1:], start=2), columns)
    return raw


def _read_xlsx(name: str, data: bytes) -> RawCatalogue:
    from openpyxl import load_workbook  # only imports pay for it

    raw = RawCatalogue(file=name, items=[])
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and data validation it drops; they do not matter here
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raw.problems.append(Problem(name, "", None, "", f"is not a readable .xlsx workbook ({exc})"))
        return raw
    try:
        sheets = {title.strip(): book[title] for title in book.sheetnames}
        found = {key: next((sheets[n] for n in names if n in sheets), None) for key, names in SHEET_NAMES.items()}
        items_sheet = found["items"]
        if items_sheet is None:
            found_names = ", ".join(sheets)
            raw.problems.append(Problem(name, "", None, "", f"has no sheet named 'items' (sheets: {found_names})"))
            return raw
        raw.items_sheet = items_sheet.title
        raw.items = sheet_records(name, items_sheet, ITEM_FIELDS, ITEM_HEADINGS, REQUIRED_ITEM_FIELDS, raw.problems)
        if found["categories"] is not None:
            raw.categories_sheet = found["categories"].title
            raw.categories = sheet_records(name, found["categories"], CATEGORY_FIELDS, CATEGORY_HEADINGS,
                                            REQUIRED_CATEGORY_FIELDS, raw.problems)
    finally:
        book.close()
    return raw


def sheet_records(
    name: str, sheet: Any, fields: Sequence[str], aliases: dict[str, str], required: frozenset[str],
    problems: list[Problem],
) -> list[RawRecord]:
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        problems.append(Problem(name, sheet.title, None, "", "is empty: the first row must name the columns"))
        return []
    columns = _header_map(name, sheet.title, header, fields, aliases, required, problems)
    return _records(enumerate(rows, start=2), columns)


# ---------------------------------------------------------------- writing


def category_record(category: Category) -> dict[str, Any]:
    return {
        "code": category.code,
        "name": category.name,
        "name_en": category.name_en,
        "prefix": category.prefix,
        "yellow_after_min": category.sla.yellow_after_min,
        "red_after_min": category.sla.red_after_min,
        "sort_order": category.sort_order,
        "guide_url": category.guide_url,
    }


def material_record(material: Material) -> dict[str, Any]:
    return {"name": material.name, "form": material.form.value, "copies": material.copies, "note": material.note}


def item_record(item: ServiceItem) -> dict[str, Any]:
    """An item as the JSON import takes it (lists stay lists)."""
    g = item.guide
    return {
        "code": item.code,
        "category": item.category_code,
        "name": item.name,
        "online_url": g.online_url,
        "conditions": list(g.conditions),
        "materials": [material_record(m) for m in g.materials],
        "steps": list(g.steps),
        "legal_limit_days": g.legal_limit_days,
        "promised_limit_days": g.promised_limit_days,
        "fee": g.fee,
        "location": g.location,
        "phone": g.phone,
    }


def material_line(material: Material) -> str:
    """`name|form|copies|note`, the one-line form spreadsheet cells use; defaults are left out."""
    parts = [material.name, material.form.value, str(material.copies), material.note]
    if not material.note:
        parts.pop()
        if material.copies == 1:
            parts.pop()
            if material.form is MaterialForm.ORIGINAL:
                parts.pop()
    return "|".join(parts)


def item_cells(item: ServiceItem) -> list[Any]:
    """An item as one spreadsheet row, in ITEM_FIELDS order; lists become one line per entry."""
    record = item_record(item)
    record["conditions"] = "\n".join(item.guide.conditions)
    record["steps"] = "\n".join(item.guide.steps)
    record["materials"] = "\n".join(material_line(m) for m in item.guide.materials)
    return [record[f] for f in ITEM_FIELDS]


def _ordered(catalogue: Catalogue) -> tuple[list[Category], list[ServiceItem]]:
    categories = catalogue.sorted_categories()
    rank = {c.code: n for n, c in enumerate(categories)}
    items = sorted(catalogue.items, key=lambda i: (rank.get(i.category_code, len(rank)), natural_key(i.code)))
    return categories, items


def write_catalogue(catalogue: Catalogue, out: str | Path | IO[bytes], fmt: str | None = None) -> None:
    """Write the catalogue to a path (format from its suffix unless `fmt`) or a binary file object."""
    if fmt is None:
        if not isinstance(out, str | Path):
            raise ValueError("give fmt when writing to a file object")
        fmt = format_of(out)
    fmt = format_of("catalogue." + fmt)
    data = {"json": _json_bytes, "csv": _csv_bytes, "xlsx": _xlsx_bytes}[fmt](catalogue)
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    else:
        out.write(data)


def _json_bytes(catalogue: Catalogue) -> bytes:
    categories, items = _ordered(catalogue)
    doc = {
        "format": JSON_FORMAT_TAG,
        "version": JSON_VERSION,
        "categories": [category_record(c) for c in categories],
        "items": [item_record(i) for i in items],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _csv_bytes(catalogue: Catalogue) -> bytes:
    _, items = _ordered(catalogue)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(ITEM_FIELDS)
    for item in items:
        writer.writerow(["" if v is None else v for v in item_cells(item)])
    # The BOM makes Excel open the file as UTF-8 instead of the local code page.
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_bytes(catalogue: Catalogue) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    return workbook_bytes(book, add_catalogue_sheets(book, catalogue))


SheetWidths = list[tuple[Any, dict[str, int]]]


def add_catalogue_sheets(book: Any, catalogue: Catalogue) -> SheetWidths:
    """Append the sheets `categories` and `items` to an openpyxl workbook; returns them with column widths."""
    categories, items = _ordered(catalogue)
    cat_sheet = book.create_sheet("categories")
    cat_sheet.append(list(CATEGORY_FIELDS))
    for category in categories:
        record = category_record(category)
        cat_sheet.append([record[f] for f in CATEGORY_FIELDS])
    item_sheet = book.create_sheet("items")
    item_sheet.append(list(ITEM_FIELDS))
    for item in items:
        item_sheet.append(item_cells(item))
    return [(cat_sheet, {"name": 14, "name_en": 24, "guide_url": 44}),
            (item_sheet, {"name": 36, "online_url": 44, "conditions": 40, "materials": 40, "steps": 40,
                          "fee": 14, "location": 24, "phone": 16})]


def workbook_bytes(book: Any, sheets: SheetWidths) -> bytes:
    """Bold frozen heading rows, column widths by heading, wrapped cells kept as text; the .xlsx bytes."""
    from openpyxl.styles import Alignment, Font

    wrap = Alignment(wrap_text=True, vertical="top")
    for sheet, widths in sheets:
        sheet.freeze_panes = "A2"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            sheet.column_dimensions[cell.column_letter].width = widths.get(str(cell.value), 12)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = wrap
                cell.number_format = "@" if isinstance(cell.value, str) else "General"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
