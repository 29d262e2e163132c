"""Turn the raw rows of an import file into domain categories and items, naming every problem found.

Validation never stops at the first problem: a hall admin fixing a 1,223-row spreadsheet wants the whole
list at once, each with file, sheet, row and field. Nothing is imported while any problem remains.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlsplit

from hallclient.catalogue.model import Catalogue
from hallclient.domain.catalogue import CODE_RE, Category, Guide, Material, MaterialForm, ServiceItem
from hallclient.domain.sla import SlaThresholds

CATEGORY_FIELDS: tuple[str, ...] = (
    "code",
    "name",
    "name_en",
    "prefix",
    "yellow_after_min",
    "red_after_min",
    "sort_order",
    "guide_url",
)
ITEM_FIELDS: tuple[str, ...] = (
    "code",
    "category",
    "name",
    "online_url",
    "conditions",
    "materials",
    "steps",
    "legal_limit_days",
    "promised_limit_days",
    "fee",
    "location",
    "phone",
)
REQUIRED_CATEGORY_FIELDS = frozenset({"code", "name", "prefix"})
REQUIRED_ITEM_FIELDS = frozenset({"code", "category", "name", "online_url"})


@dataclass(frozen=True, slots=True)
class Limits:
    """Longest texts a guide may hold, so that a category label fits a poster cell and a guide one page."""

    category_name: int = 20
    name_en: int = 60
    item_name: int = 100
    line: int = 300  # one condition or one step
    lines: int = 30  # conditions or steps per item
    materials: int = 40
    material_text: int = 100  # a material's name or note
    short_text: int = 100  # fee, location
    phone: int = 40
    url: int = 256  # keeps the QR version low enough to scan at poster size
    guide_chars: int = 3000  # all text of one guide together: one A4 page
    days: int = 3650
    copies: int = 99


LIMITS = Limits()
DEFAULT_FEE = "不收费"

# 18-digit resident ID numbers (17 digits + check digit): never in a QR code.
_ID_NUMBER = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
# "1. ", "2、", "3）" at the start of a pasted step or condition; printing numbers them itself.
_LEADING_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.、)）](?!\d)\s*")
_FORM_ALIASES: dict[str, MaterialForm] = {
    **{form.value: form for form in MaterialForm},
    **{form.name.casefold(): form for form in MaterialForm},
    "原件和复印件": MaterialForm.ORIGINAL_AND_COPY,
    "原件及复印": MaterialForm.ORIGINAL_AND_COPY,
    "复印": MaterialForm.COPY,
    "电子": MaterialForm.ELECTRONIC,
    "original and copy": MaterialForm.ORIGINAL_AND_COPY,
}
MATERIAL_SEPARATORS = re.compile(r"[|｜]")
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class PrintChecks:
    """How the printing layer judges a guide: the characters its font lacks, and how much of one A4 page
    the guide needs at the smallest text size (above 1.0 it does not fit). Passed in, so this module
    stays free of reportlab."""

    missing_glyphs: Callable[[str], str]
    page_fill: Callable[[ServiceItem, Category], float]
_CODE_RULE = "{code!r} must be 1-40 letters, digits, '_', '.' or '-', starting with a letter or digit"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an import file, located as precisely as the format allows.

    `row` is the spreadsheet row number (the header is row 1) for CSV and XLSX, and the 1-based position
    in the list for JSON; None when the problem concerns the whole file or sheet.
    """

    file: str
    sheet: str
    row: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.sheet:
            where += f", {self.sheet}"
        if self.row is not None:
            where += f" row {self.row}"
        if self.field:
            where += f", field {self.field}"
        return f"{where}: {self.message}"


class CatalogueInvalid(ValueError):
    """Raised with every problem of a file; the import applies nothing."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One category or item as read from a file, before any checking: values keyed by field name."""

    row: int
    values: dict[str, object]


@dataclass(slots=True)
class RawCatalogue:
    """What a reader found in a file; `categories` is None when the file carries none (CSV)."""

    file: str
    items: list[RawRecord]
    categories: list[RawRecord] | None = None
    problems: list[Problem] = field(default_factory=list)
    items_sheet: str = "items"
    categories_sheet: str = "categories"


class BadValue(ValueError):
    """A value that cannot be used; its message becomes a Problem."""


def text_value(value: object, *, multiline: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        raise BadValue(f"expected text, got {value!r}")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if not isinstance(value, str):
        raise BadValue(f"expected text, got {type(value).__name__}")
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return text if multiline else " ".join(text.split())


def whole_number(value: object, low: int, high: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise BadValue(f"expected a whole number, got {value!r}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        text = value.strip()
        if not re.fullmatch(r"[+-]?\d+", text):
            raise BadValue(f"expected a whole number, got {value!r}")
        value = int(text)
    if not isinstance(value, int):
        raise BadValue(f"expected a whole number, got {value!r}")
    if not low <= value <= high:
        raise BadValue(f"must be between {low} and {high}, got {value}")
    return value


def _lines(value: object) -> list[str]:
    """A list field: a JSON list of strings, or one spreadsheet cell with one entry per line."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        raw = [text_value(v) for v in value]
    else:
        raw = text_value(value, multiline=True).split("\n")
    out = []
    for line in raw:
        line = _LEADING_NUMBER.sub("", " ".join(line.split()))
        if line:
            out.append(line)
    return out


def parse_form(text: str) -> MaterialForm:
    form = _FORM_ALIASES.get(text.strip()) or _FORM_ALIASES.get(text.strip().casefold())
    if form is None:
        allowed = ", ".join(f.value for f in MaterialForm)
        raise BadValue(f"unknown form {text!r} (use {allowed})")
    return form


def _material(value: object) -> Material:
    """A JSON object {name, form, copies, note}, or a line `name|form|copies|note` (form, copies, note optional)."""
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"name", "form", "copies", "note"})
        if unknown:
            raise BadValue(f"unknown key(s) {', '.join(unknown)} (use name, form, copies, note)")
        name, form, copies, note = value.get("name"), value.get("form"), value.get("copies"), value.get("note")
    elif isinstance(value, str):
        parts = [p.strip() for p in MATERIAL_SEPARATORS.split(value)]
        if len(parts) > 4:
            raise BadValue("has more than 4 parts; write name|form|copies|note")
        name, form, copies, note = [*parts, "", "", ""][:4]
    else:
        raise BadValue(f"expected an object or text, got {type(value).__name__}")
    name_text = text_value(name)
    if not name_text:
        raise BadValue("has no name")
    note_text = text_value(note)
    for label, text in (("name", name_text), ("note", note_text)):
        if len(text) > LIMITS.material_text:
            raise BadValue(f"{label} is too long ({len(text)} characters, at most {LIMITS.material_text})")
        if MATERIAL_SEPARATORS.search(text):
            raise BadValue(f"{label} must not contain '|'")
    form_text = text_value(form)
    parsed_copies = whole_number(copies, 0, LIMITS.copies)
    return Material(
        name=name_text,
        form=parse_form(form_text) if form_text else MaterialForm.ORIGINAL,
        copies=1 if parsed_copies is None else parsed_copies,
        note=note_text,
    )


def _materials(value: object) -> list[Material]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        entries: list[object] = list(value)
    else:
        entries = [line for line in text_value(value, multiline=True).split("\n") if line.strip()]
    out = []
    for n, entry in enumerate(entries, start=1):
        try:
            out.append(_material(entry))
        except BadValue as exc:
            raise BadValue(f"material {n}: {exc}") from None
    return out


def check_url(url: str) -> None:
    """The guide QR's target: an https link with no personal data, short enough to stay scannable."""
    if not url:
        raise BadValue("is missing: every item needs its online guide link for the QR code")
    if len(url) > LIMITS.url:
        raise BadValue(f"is too long ({len(url)} characters, at most {LIMITS.url})")
    if any(ch.isspace() for ch in url):
        raise BadValue(f"must not contain spaces: {url!r}")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BadValue(f"is not a valid link ({exc}): {url!r}") from None
    if parts.scheme.lower() != "https":
        raise BadValue(f"must be an https:// link, got {url!r}")
    host = parts.hostname or ""
    if "." not in host.strip(".") and host != "localhost":
        raise BadValue(f"has no valid host name: {url!r}")
    if port == 0 or parts.username is not None or parts.password is not None:
        raise BadValue(f"must not carry a user name, password or port 0: {url!r}")
    if _ID_NUMBER.search(url):
        raise BadValue("looks like it carries a personal ID number; guide QR codes must hold no personal data")


def _url(value: object) -> str:
    url = text_value(value)
    check_url(url)
    return url


def _optional_url(value: object) -> str:
    """A link that may be left empty (a category's guide); when given, the same rules as an item's."""
    url = text_value(value)
    if url:
        check_url(url)
    return url


class RowChecker:
    """Collects the problems of one record, field by field."""

    def __init__(self, problems: list[Problem], file: str, sheet: str, record: RawRecord) -> None:
        self.problems, self.file, self.sheet, self.record = problems, file, sheet, record
        self.bad_fields: set[str] = set()

    @property
    def ok(self) -> bool:
        return not self.bad_fields

    def add(self, field_name: str, message: str) -> None:
        self.bad_fields.add(field_name)
        self.problems.append(Problem(self.file, self.sheet, self.record.row, field_name, message))

    def get(self, field_name: str, parse: Callable[[object], _T], default: _T) -> _T:
        try:
            return parse(self.record.values.get(field_name))
        except BadValue as exc:
            self.add(field_name, str(exc))
            return default

    def text(self, field_name: str, limit: int, *, required: bool = False) -> str:
        value = self.get(field_name, text_value, "")
        if field_name in self.bad_fields:
            return ""
        if required and not value:
            self.add(field_name, "is missing")
        elif len(value) > limit:
            self.add(field_name, f"is too long ({len(value)} characters, at most {limit})")
        return value


def _categories(raw: RawCatalogue, problems: list[Problem], checks: PrintChecks | None) -> list[Category]:
    out: list[Category] = []
    seen_code: dict[str, int] = {}
    seen_prefix: dict[str, int] = {}
    seen_name: dict[str, int] = {}
    for position, record in enumerate(raw.categories or [], start=1):
        check = RowChecker(problems, raw.file, raw.categories_sheet, record)
        code = check.text("code", 40, required=True)
        if code and not CODE_RE.match(code):
            check.add("code", _CODE_RULE.format(code=code))
        name = check.text("name", LIMITS.category_name, required=True)
        name_en = check.text("name_en", LIMITS.name_en)
        prefix = check.text("prefix", 1, required=True).upper()
        if prefix and not re.fullmatch(r"[A-Z]", prefix):
            check.add("prefix", f"must be one letter A-Z (the ticket number prefix), got {prefix!r}")
        yellow = check.get("yellow_after_min", lambda v: whole_number(v, 1, 1440), None)
        red = check.get("red_after_min", lambda v: whole_number(v, 1, 1440), None)
        sort_order = check.get("sort_order", lambda v: whole_number(v, -99999, 99999), None)
        guide_url = check.get("guide_url", _optional_url, "")
        defaults = SlaThresholds()
        yellow = defaults.yellow_after_min if yellow is None else yellow
        red = defaults.red_after_min if red is None else red
        if check.ok and yellow >= red:
            check.add("red_after_min", f"must be above yellow_after_min ({yellow}), got {red}")
        for key, seen, label in ((code, seen_code, "code"), (prefix, seen_prefix, "prefix"), (name, seen_name, "name")):
            if not key:
                continue
            first = seen.setdefault(key.casefold(), record.row)
            if first != record.row:
                check.add(label, f"duplicate category {label} {key!r} (first at row {first})")
        if checks is not None:
            _check_glyphs(check, checks, {"name": [name]})
        if not check.ok:
            continue
        try:
            out.append(Category(code=code, name=name, prefix=prefix, name_en=name_en,
                                sla=SlaThresholds(yellow, red),
                                sort_order=position if sort_order is None else sort_order, guide_url=guide_url))
        except ValueError as exc:
            check.add("", str(exc))
    return out


def _resolve_category(key: str, categories: Sequence[Category]) -> Category | None:
    folded = key.casefold()
    return next((c for c in categories if c.code.casefold() == folded), None) or next(
        (c for c in categories if c.name == key), None
    )


def _items(raw: RawCatalogue, categories: Sequence[Category], problems: list[Problem],
           checks: PrintChecks | None) -> list[ServiceItem]:
    out: list[ServiceItem] = []
    seen_code: dict[str, int] = {}
    known = ", ".join(f"{c.code} ({c.name})" for c in categories[:12]) + (" …" if len(categories) > 12 else "")
    for record in raw.items:
        check = RowChecker(problems, raw.file, raw.items_sheet, record)
        code = check.text("code", 40, required=True)
        if code and not CODE_RE.match(code):
            check.add("code", _CODE_RULE.format(code=code))
        if code:
            first = seen_code.setdefault(code.casefold(), record.row)
            if first != record.row:
                check.add("code", f"duplicate item code {code!r} (first at row {first})")
        category_key = check.text("category", 40, required=True)
        category = _resolve_category(category_key, categories) if category_key else None
        if category_key and category is None:
            where = "this file's categories" if raw.categories is not None else "the hall's active categories"
            check.add("category", f"unknown category {category_key!r}; it is not among {where}: {known or 'none'}")
        name = check.text("name", LIMITS.item_name, required=True)
        url = check.get("online_url", _url, "")
        conditions = check.get("conditions", _lines, [])
        steps = check.get("steps", _lines, [])
        for field_name, lines in (("conditions", conditions), ("steps", steps)):
            if len(lines) > LIMITS.lines:
                check.add(field_name, f"has too many entries ({len(lines)}, at most {LIMITS.lines})")
            for n, line in enumerate(lines, start=1):
                if len(line) > LIMITS.line:
                    check.add(field_name, f"entry {n} is too long ({len(line)} characters, at most {LIMITS.line})")
        materials = check.get("materials", _materials, [])
        if len(materials) > LIMITS.materials:
            check.add("materials", f"has too many entries ({len(materials)}, at most {LIMITS.materials})")
        legal = check.get("legal_limit_days", lambda v: whole_number(v, 0, LIMITS.days), None)
        promised = check.get("promised_limit_days", lambda v: whole_number(v, 0, LIMITS.days), None)
        if legal is not None and promised is not None and promised > legal:
            check.add("promised_limit_days",
                      f"promised time limit ({promised} days) exceeds the legal one ({legal} days)")
        fee = check.text("fee", LIMITS.short_text) or DEFAULT_FEE
        location = check.text("location", LIMITS.short_text)
        phone = check.text("phone", LIMITS.phone)
        total = sum(map(len, (name, fee, location, phone, *conditions, *steps))) + sum(
            len(m.name) + len(m.note) for m in materials
        )
        if total > LIMITS.guide_chars:
            check.add("", f"guide text is too long for one page ({total} characters, at most {LIMITS.guide_chars})")
        if checks is not None:
            _check_glyphs(check, checks, {
                "name": [name], "conditions": conditions, "steps": steps, "fee": [fee], "location": [location],
                "phone": [phone], "materials": [m.name + m.note for m in materials]})
        if not check.ok or category is None:
            continue
        guide = Guide(online_url=url, conditions=tuple(conditions), materials=tuple(materials), steps=tuple(steps),
                      legal_limit_days=legal, promised_limit_days=promised, fee=fee, location=location, phone=phone)
        item = ServiceItem(code=code, name=name, category_code=category.code, guide=guide)
        if checks is not None:
            fill = checks.page_fill(item, category)
            if fill > 1:
                check.add("", f"guide does not fit one A4 page even in the smallest print (it needs {fill:.0%} of "
                              "the page); shorten the conditions, materials or steps")
                continue
        out.append(item)
    return out


def _check_glyphs(check: RowChecker, checks: PrintChecks, fields: dict[str, list[str]]) -> None:
    for field_name, texts in fields.items():
        missing = checks.missing_glyphs("".join(texts))
        if missing and field_name not in check.bad_fields:
            check.add(field_name, f"has characters the guide font cannot print: {' '.join(missing)} "
                                  "(they would print as empty boxes); use another wording")


def validate(raw: RawCatalogue, known_categories: Sequence[Category] = (),
             checks: PrintChecks | None = None) -> Catalogue:
    """Check every record; return the catalogue, or raise CatalogueInvalid listing all problems.

    When the file carries no categories, items refer to `known_categories` (the hall's active ones).
    `checks` also refuses what would not print well (missing glyphs, a guide longer than a page).
    """
    problems = list(raw.problems)
    if raw.categories is not None:
        categories = _categories(raw, problems, checks)
        if not raw.categories and not problems:
            problems.append(Problem(raw.file, raw.categories_sheet, None, "", "the file holds no categories"))
        lookup: Sequence[Category] = categories
        if len(categories) != len(raw.categories):
            # Items of a broken category are still checked against its code, so one bad category does
            # not bury the report in "unknown category" lines.
            lookup = [*categories, *_placeholders(raw, categories)]
    else:
        categories = list(known_categories)
        lookup = categories
    items = _items(raw, lookup, problems, checks)
    if not raw.items and not raw.problems:
        problems.append(Problem(raw.file, raw.items_sheet, None, "",
                                "the file holds no service items (importing it would deactivate them all)"))
    if problems:
        raise CatalogueInvalid(problems)
    return Catalogue(categories=tuple(categories), items=tuple(items), categories_in_file=raw.categories is not None)


def _placeholders(raw: RawCatalogue, good: Sequence[Category]) -> list[Category]:
    have = {c.code.casefold() for c in good}
    out = []
    for record in raw.categories or []:
        try:
            code = text_value(record.values.get("code"))
            name = text_value(record.values.get("name")) or code
        except BadValue:
            continue
        if code and CODE_RE.match(code) and code.casefold() not in have:
            have.add(code.casefold())
            out.append(Category(code=code, name=name, prefix="Z"))
    return out
