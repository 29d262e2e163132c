"""Hall set-up files (JSON or XLSX): read and check them like a catalogue import, and write them.

A hall file holds the hall (name, code, time zone, hours, weekdays, the first admin), its windows, optionally
more staff, and optionally the service catalogue in the catalogue import's own format (JSON keys or XLSX
sheets `categories` and `items`), so one file can set up a whole hall. Every problem is reported with file,
sheet, row and field, all at once; a file with any problem sets up nothing.

JSON: {"hall": {field: value}, "windows": [...], "staff": [...], "categories": [...], "items": [...]}; rows
are positions in the lists (first = 1). XLSX: sheet `hall` (or 大厅) with a field and a value column, one
field a row; sheets `windows` (窗口) and `staff` (人员) with a heading row; rows are spreadsheet rows.
"""

from __future__ import annotations

import io
import json
import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hallclient.catalogue.formats import (
    SheetWidths,
    add_catalogue_sheets,
    category_record,
    item_record,
    json_records,
    load_catalogue,
    sheet_records,
    unknown_field,
    workbook_bytes,
)
from hallclient.catalogue.model import Catalogue
from hallclient.catalogue.validate import (
    BadValue,
    CatalogueInvalid,
    Problem,
    RawRecord,
    RowChecker,
    text_value,
    whole_number,
)
from hallclient.domain.hall_day import HallHours, format_hhmm, parse_hhmm
from hallclient.domain.staff import MAX_NAME, Role, staff_no_problem, staff_role
from hallclient.domain.windows import Subscription, SubscriptionError
from hallclient.hallsetup.model import (
    DEFAULT_CLOSES,
    DEFAULT_OPENS,
    DEFAULT_TIMEZONE,
    WORKWEEK,
    HallInfo,
    HallSettings,
    HallSetup,
    StaffSpec,
    WindowSpec,
)

FORMATS = ("json", "xlsx")
JSON_FORMAT_TAG = "hallclient-hall"
JSON_VERSION = 1
HALL_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$")
MAX_WINDOW_NO = 9999

HALL_FIELDS: dict[str, str] = {  # field → Chinese label (accepted on import)
    "code": "大厅编码",
    "name": "大厅名称",
    "name_en": "英文名称",
    "timezone": "时区",
    "opens_at": "开门时间",
    "closes_at": "关门时间",
    "weekdays": "开放日",
    "address": "地址",
    "phone": "电话",
    "admin_staff_no": "管理员工号",
    "admin_name": "管理员姓名",
    "issue_when_unserved": "无窗口办理时仍可取号",
}
REQUIRED_HALL_FIELDS = ("code", "name", "admin_staff_no", "admin_name")
WINDOW_FIELDS: dict[str, str] = {"no": "窗口号", "name": "窗口名称", "zone": "区域", "tidal": "潮汐窗口",
                                 "primary": "主办业务", "secondary": "协办业务"}
STAFF_FIELDS: dict[str, str] = {"staff_no": "工号", "name": "姓名", "role": "角色", "window": "默认窗口"}
SHEETS = {"hall": ("hall", "大厅"), "windows": ("windows", "窗口"), "staff": ("staff", "人员")}
CATALOGUE_SHEETS = ("categories", "业务类别", "items", "事项")
TOP_LEVEL = {"format", "version", "hall", "windows", "staff", "categories", "items"}
_LIST_SPLIT = re.compile(r"[,，、;；\n]")
_TRUE = {"true", "yes", "y", "1", "是", "√", "✓", "x"}
_FALSE = {"false", "no", "n", "0", "否", ""}


class HallFileInvalid(ValueError):
    """Every problem of a hall file (or of the answers typed at `hall init`); nothing was set up."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(slots=True)
class RawHallFile:
    """What a reader found: the hall's fields with their row (None in JSON), the window and staff rows."""

    file: str
    hall: dict[str, tuple[int | None, object]] = field(default_factory=dict)
    windows: list[RawRecord] = field(default_factory=list)
    staff: list[RawRecord] = field(default_factory=list)
    has_catalogue: bool = False
    problems: list[Problem] = field(default_factory=list)
    hall_sheet: str = "hall"
    windows_sheet: str = "windows"
    staff_sheet: str = "staff"


def format_of(path: str | Path) -> str:
    fmt = Path(path).suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise ValueError(f"{Path(path).name}: unknown hall file format {fmt!r}; use a .json or .xlsx file")
    return fmt


# ---------------------------------------------------------------- reading


def read_raw(path: str | Path) -> RawHallFile:
    path = Path(path)
    raw = RawHallFile(file=path.name)
    try:
        fmt = format_of(path)
    except ValueError as exc:
        raw.problems.append(Problem(path.name, "", None, "", str(exc).split(": ", 1)[1]))
        return raw
    try:
        data = path.read_bytes()
    except OSError as exc:
        raw.problems.append(Problem(path.name, "", None, "", f"cannot read the file: {exc.strerror or exc}"))
        return raw
    (_read_json if fmt == "json" else _read_xlsx)(raw, data)
    return raw


def _read_json(raw: RawHallFile, data: bytes) -> None:
    name = raw.file
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raw.problems.append(Problem(name, "", None, "", f"is not UTF-8 text ({exc.reason} at byte {exc.start})"))
        return
    except json.JSONDecodeError as exc:
        raw.problems.append(Problem(name, "", exc.lineno, "", f"is not valid JSON: {exc.msg} (column {exc.colno})"))
        return
    if not isinstance(doc, dict):
        raw.problems.append(Problem(name, "", None, "", 'must be a JSON object with "hall" and "windows"'))
        return
    for key in sorted(set(doc) - TOP_LEVEL):
        if not key.startswith("_"):
            raw.problems.append(Problem(name, "", None, key, unknown_field(key, sorted(TOP_LEVEL))))
    raw.has_catalogue = "items" in doc or "categories" in doc
    hall = doc.get("hall")
    if not isinstance(hall, dict):
        raw.problems.append(Problem(name, "", None, "hall", "is missing or not an object"))
    else:
        for key, value in hall.items():
            if key.startswith("_"):
                continue
            if key not in HALL_FIELDS:
                raw.problems.append(Problem(name, "hall", None, key, unknown_field(key, list(HALL_FIELDS))))
            else:
                raw.hall[key] = (None, value)
    for sheet, fields in (("windows", WINDOW_FIELDS), ("staff", STAFF_FIELDS)):
        entries = doc.get(sheet, [] if sheet == "staff" else None)
        if not isinstance(entries, list):
            message = "is missing: the hall needs a list of windows" if entries is None else "must be a list"
            raw.problems.append(Problem(name, "", None, sheet, message))
            continue
        records = json_records(name, sheet, entries, list(fields), raw.problems)
        setattr(raw, sheet, records)


def _aliases(fields: dict[str, str]) -> dict[str, str]:
    return {label: key for key, label in fields.items()}


def _read_xlsx(raw: RawHallFile, data: bytes) -> None:
    from openpyxl import load_workbook

    name = raw.file
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # styles and data validation openpyxl drops do not matter here
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raw.problems.append(Problem(name, "", None, "", f"is not a readable .xlsx workbook ({exc})"))
        return
    try:
        sheets = {title.strip(): book[title] for title in book.sheetnames}
        found = {key: next((sheets[n] for n in names if n in sheets), None) for key, names in SHEETS.items()}
        raw.has_catalogue = any(n in sheets for n in CATALOGUE_SHEETS)
        for key in ("hall", "windows"):
            if found[key] is None:
                raw.problems.append(Problem(name, "", None, "", f"has no sheet named {SHEETS[key][0]!r} (or "
                                                                f"{SHEETS[key][1]}); sheets: {', '.join(sheets)}"))
        if found["hall"] is not None:
            raw.hall_sheet = found["hall"].title
            _hall_sheet(raw, found["hall"])
        for key, fields in (("windows", WINDOW_FIELDS), ("staff", STAFF_FIELDS)):
            sheet = found[key]
            if sheet is None:
                continue
            setattr(raw, f"{key}_sheet", sheet.title)
            required = frozenset({"no"} if key == "windows" else {"staff_no", "name"})
            setattr(raw, key, sheet_records(name, sheet, list(fields), _aliases(fields), required, raw.problems))
    finally:
        book.close()


def _hall_sheet(raw: RawHallFile, sheet: Any) -> None:
    """Two columns, field and value, one field a row; a heading row (field/value, 项目/内容) is optional."""
    aliases = _aliases(HALL_FIELDS)
    for row, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
        label = text_value(cells[0]) if cells and cells[0] is not None and not isinstance(cells[0], bool) else ""
        if not label or (row == 1 and label.casefold() in ("field", "项目", "字段")):
            continue
        key = label if label in HALL_FIELDS else aliases.get(label.split("（")[0].split("(")[0].strip())
        if key is None:
            raw.problems.append(Problem(raw.file, sheet.title, row, label, unknown_field(label, list(HALL_FIELDS))))
        elif key in raw.hall:
            first = raw.hall[key][0]
            raw.problems.append(Problem(raw.file, sheet.title, row, key, f"appears twice (first at row {first})"))
        else:
            raw.hall[key] = (row, cells[1] if len(cells) > 1 else None)


# ---------------------------------------------------------------- checking values


def parse_bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value).strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return default if text == "" else False
    raise BadValue(f"expected yes or no (true/false, 是/否), got {value!r}")


def parse_time(value: object, default: str) -> str:
    if value is None or value == "":
        return default
    if isinstance(value, time):  # a spreadsheet time cell
        return value.strftime("%H:%M")
    text = text_value(value)
    if re.fullmatch(r"\d:\d\d", text):
        text = "0" + text
    try:
        parse_hhmm(text)
    except ValueError:
        raise BadValue(f"expected a time of day HH:MM (00:00-24:00), got {text!r}") from None
    return text


def parse_weekdays(value: object) -> tuple[int, ...]:
    """A JSON list of ISO weekday numbers, or text such as "1-5" or "1,2,3,4,5,6" (1 = Monday, 7 = Sunday)."""
    if value is None or value == "":
        return WORKWEEK
    days: set[int] = set()
    parts: list[object] = list(value) if isinstance(value, list | tuple) else _LIST_SPLIT.split(text_value(value))
    for part in parts:
        text = str(part).strip() if not isinstance(part, bool) else "?"
        if isinstance(part, float) and part.is_integer():
            text = str(int(part))
        if not text:
            continue
        span = re.fullmatch(r"([1-7])\s*[-–~至]\s*([1-7])", text)
        if span:
            low, high = int(span[1]), int(span[2])
            if low > high:
                raise BadValue(f"range {text!r} runs backwards")
            days.update(range(low, high + 1))
        elif re.fullmatch(r"[1-7]", text):
            days.add(int(text))
        else:
            raise BadValue(f"weekdays are numbers 1 (Monday) to 7 (Sunday), e.g. 1-5 or 1,2,3,4,5,6; got {part!r}")
    if not days:
        raise BadValue("names no weekday; the hall would never open")
    return tuple(sorted(days))


def split_codes(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    parts = list(value) if isinstance(value, list | tuple) else _LIST_SPLIT.split(text_value(value, multiline=True))
    return tuple(t for t in (text_value(p) for p in parts) if t)


def parse_timezone(value: object) -> str:
    text = text_value(value) or DEFAULT_TIMEZONE
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise BadValue(f"unknown time zone {text!r} (e.g. Asia/Shanghai, Asia/Urumqi)") from None
    return text


def _window_no(value: object) -> int | None:
    return whole_number(value, 1, MAX_WINDOW_NO)


# ---------------------------------------------------------------- validating


def validate(raw: RawHallFile, catalogue: Catalogue | None, *, catalogue_failed: bool = False) -> HallSetup:
    """Check every field; return the set-up, or raise HallFileInvalid listing every problem.

    Window categories are checked against `catalogue`; when the catalogue itself had problems
    (`catalogue_failed`, reported already) they are not checked, so its problems are not buried."""
    problems = list(raw.problems)
    hall, admin, settings = _hall(raw, problems)
    if catalogue is None and not catalogue_failed:
        problems.append(Problem(raw.file, "", None, "", "the hall needs its service catalogue for the windows' "
                                                        "categories: add the sheets (or keys) categories and "
                                                        "items, or give the catalogue with --catalogue FILE"))
    windows = _windows(raw, catalogue.categories if catalogue is not None else None, problems)
    staff = _staff(raw, {w.no for w in windows} | _bad_window_numbers(raw), admin, problems)
    if problems:
        raise HallFileInvalid(problems)
    assert hall is not None and admin is not None
    return HallSetup(hall, admin, tuple(windows), tuple(staff), catalogue, settings)


def _hall(raw: RawHallFile, problems: list[Problem]) -> tuple[HallInfo | None, StaffSpec | None, HallSettings]:
    count = len(problems)

    def get(key: str, parse: Callable[[object], Any], default: Any) -> Any:
        row, value = raw.hall.get(key, (None, None))
        try:
            return parse(value)
        except BadValue as exc:
            problems.append(Problem(raw.file, raw.hall_sheet, row, key, str(exc)))
            return default

    def text(key: str, limit: int) -> str:
        value = get(key, text_value, "")
        row = raw.hall.get(key, (None, None))[0]
        if not value and key in REQUIRED_HALL_FIELDS:
            problems.append(Problem(raw.file, raw.hall_sheet, row, key, "is missing"))
        elif len(value) > limit:
            problems.append(Problem(raw.file, raw.hall_sheet, row, key,
                                    f"is too long ({len(value)} characters, at most {limit})"))
        return value

    def where(key: str) -> int | None:
        return raw.hall.get(key, (None, None))[0]

    code = text("code", 20)
    if code and not HALL_CODE_RE.match(code):
        problems.append(Problem(raw.file, raw.hall_sheet, where("code"), "code",
                                f"{code!r} must be 1-20 letters, digits, '_' or '-'"))
    name, name_en = text("name", 100), text("name_en", 200)
    tz = get("timezone", parse_timezone, DEFAULT_TIMEZONE)
    opens = get("opens_at", lambda v: parse_time(v, DEFAULT_OPENS), DEFAULT_OPENS)
    closes = get("closes_at", lambda v: parse_time(v, DEFAULT_CLOSES), DEFAULT_CLOSES)
    weekdays = get("weekdays", parse_weekdays, WORKWEEK)
    try:
        hours = HallHours.parse(opens, closes, weekdays)
        opens, closes = format_hhmm(hours.opens_at), format_hhmm(hours.closes_at)
    except ValueError as exc:
        problems.append(Problem(raw.file, raw.hall_sheet, where("closes_at"), "closes_at", str(exc)))
    address, phone = text("address", 200), text("phone", 40)
    admin_no, admin_name = text("admin_staff_no", 20), text("admin_name", MAX_NAME)
    bad_no = staff_no_problem(admin_no) if admin_no else None
    if bad_no:
        problems.append(Problem(raw.file, raw.hall_sheet, where("admin_staff_no"), "admin_staff_no", bad_no))
    issue = get("issue_when_unserved", lambda v: parse_bool(v, True), True)
    if len(problems) > count:
        return None, None, HallSettings(issue)
    info = HallInfo(code=code, name=name, name_en=name_en, timezone=tz, opens_at=opens, closes_at=closes,
                    weekdays=tuple(weekdays), address=address, phone=phone)
    return info, StaffSpec(admin_no, admin_name, Role.ADMIN), HallSettings(issue)


def resolve_categories(keys: tuple[str, ...], categories: Sequence[Any]) -> tuple[list[str], list[str]]:
    """Category codes for codes or names; and the keys that match nothing."""
    found, unknown = [], []
    for key in keys:
        cat = next((c for c in categories if c.code.casefold() == key.casefold()), None) or next(
            (c for c in categories if c.name == key), None)
        if cat is None:
            unknown.append(key)
        else:
            found.append(cat.code)
    return found, unknown


def _windows(raw: RawHallFile, categories: Sequence[Any] | None, problems: list[Problem]) -> list[WindowSpec]:
    """The windows; `categories` None: the catalogue is unusable, so their categories go unchecked."""
    out: list[WindowSpec] = []
    seen: dict[int, int] = {}
    cats = categories or ()
    known = ", ".join(f"{c.code} ({c.name})" for c in cats[:12]) + (" …" if len(cats) > 12 else "")
    if not raw.windows and not any(p.field == "windows" or "windows" in p.message for p in problems):
        problems.append(Problem(raw.file, raw.windows_sheet, None, "", "the hall needs at least one window"))
    for record in raw.windows:
        check = RowChecker(problems, raw.file, raw.windows_sheet, record)
        no = check.get("no", _window_no, None)
        if no is None and "no" not in check.bad_fields:
            check.add("no", "is missing")
        if no is not None:
            first = seen.setdefault(no, record.row)
            if first != record.row:
                check.add("no", f"duplicate window number {no} (first at row {first})")
        name = check.text("name", 40) or (f"{no}号窗口" if no is not None else "")
        zone = check.text("zone", 20)
        tidal = check.get("tidal", lambda v: parse_bool(v, False), False)
        subscription: list[tuple[str, ...]] = []
        for key in ("primary", "secondary"):
            keys = check.get(key, split_codes, ())
            codes, unknown = resolve_categories(keys, cats) if categories is not None else (list(keys), [])
            if unknown:
                check.add(key, f"unknown categor{'y' if len(unknown) == 1 else 'ies'} {', '.join(unknown)}; "
                               f"the catalogue has: {known or 'none'}")
            elif key == "primary" and not keys and key not in check.bad_fields:
                check.add(key, "is missing: a window serves at least one category as primary")
            subscription.append(tuple(codes))
        if check.ok and subscription[0]:
            try:
                Subscription(subscription[0], subscription[1])
            except SubscriptionError as exc:
                check.add("secondary", str(exc))
        if check.ok and no is not None:
            out.append(WindowSpec(no, name, zone, tidal, subscription[0], subscription[1]))
    return out


def _bad_window_numbers(raw: RawHallFile) -> set[int]:
    """Numbers of window rows that had other problems: staff referring to them are not reported twice."""
    out = set()
    for record in raw.windows:
        try:
            no = _window_no(record.values.get("no"))
        except BadValue:
            continue
        if no is not None:
            out.add(no)
    return out


def _staff(raw: RawHallFile, window_nos: set[int], admin: StaffSpec | None,
           problems: list[Problem]) -> list[StaffSpec]:
    out: list[StaffSpec] = []
    seen: dict[str, int | None] = {}
    if admin is not None:
        seen[admin.staff_no.casefold()] = raw.hall.get("admin_staff_no", (None, None))[0]
    for record in raw.staff:
        check = RowChecker(problems, raw.file, raw.staff_sheet, record)
        staff_no = check.text("staff_no", 20, required=True)
        if staff_no:
            bad = staff_no_problem(staff_no)
            if bad:
                check.add("staff_no", bad)
            elif staff_no.casefold() in seen:
                first = seen[staff_no.casefold()]
                where = f"first at row {first}" if first is not None else "the hall's admin"
                if admin is not None and staff_no.casefold() == admin.staff_no.casefold():
                    where = "the first admin's, in the hall sheet"
                check.add("staff_no", f"duplicate staff number {staff_no!r} ({where})")
            else:
                seen[staff_no.casefold()] = record.row
        name = check.text("name", MAX_NAME, required=True)
        role = check.get("role", _role_value, Role.CLERK)
        window = check.get("window", _window_no, None)
        if window is not None and window not in window_nos:
            check.add("window", f"window {window} is not among the hall's windows")
        if check.ok:
            out.append(StaffSpec(staff_no, name, role, window))
    return out


def _role_value(value: object) -> Role:
    try:
        return staff_role(text_value(value) or "clerk")
    except ValueError as exc:
        raise BadValue(str(exc)) from None


def load_hall_file(path: str | Path, catalogue_path: str | Path | None = None, *,
                   check_print: bool = True) -> HallSetup:
    """Read and check a hall file (and its catalogue: in the file itself, or `catalogue_path`).

    Raises HallFileInvalid with every problem of both; nothing is touched."""
    raw = read_raw(path)
    catalogue, problems = _catalogue(raw, Path(path), catalogue_path, check_print)
    try:
        setup = validate(raw, catalogue, catalogue_failed=bool(problems))
    except HallFileInvalid as exc:
        raise HallFileInvalid([*problems, *exc.problems]) from None
    if problems:
        raise HallFileInvalid(problems)
    return setup


def load_catalogue_for_hall(path: str | Path, *, check_print: bool = True) -> Catalogue:
    """A catalogue file for a new hall: JSON or XLSX, since the hall needs its categories (a CSV has none)."""
    name = Path(path).name
    if Path(path).suffix.lower() == ".csv":
        raise CatalogueInvalid([Problem(name, "", None, "", "a new hall needs its categories, which a CSV file "
                                                            "cannot hold: use the JSON or XLSX catalogue")])
    return load_catalogue(path, check_print=check_print)


def _catalogue(raw: RawHallFile, path: Path, catalogue_path: str | Path | None,
               check_print: bool) -> tuple[Catalogue | None, list[Problem]]:
    """The hall's catalogue and the problems found in it (besides those of the hall file's own sheets)."""
    if raw.has_catalogue and catalogue_path is not None:
        return None, [Problem(raw.file, "", None, "", f"carries a catalogue and --catalogue "
                                                      f"{Path(catalogue_path).name} was given too; use one")]
    source = path if raw.has_catalogue else catalogue_path
    if source is None or (raw.problems and source == path and not raw.hall):
        return None, []  # none given (validate says so), or the file itself is unreadable
    try:
        return load_catalogue_for_hall(source, check_print=check_print), []
    except CatalogueInvalid as exc:
        return None, list(exc.problems)


# ---------------------------------------------------------------- writing


def setup_records(setup: HallSetup) -> dict[str, Any]:
    """The set-up as the JSON file holds it."""
    h = setup.hall
    doc: dict[str, Any] = {
        "format": JSON_FORMAT_TAG,
        "version": JSON_VERSION,
        "hall": {"code": h.code, "name": h.name, "name_en": h.name_en, "timezone": h.timezone,
                 "opens_at": h.opens_at, "closes_at": h.closes_at, "weekdays": list(h.weekdays),
                 "address": h.address, "phone": h.phone, "admin_staff_no": setup.admin.staff_no,
                 "admin_name": setup.admin.name, "issue_when_unserved": setup.settings.issue_when_unserved},
        "windows": [{"no": w.no, "name": w.name, "zone": w.zone, "tidal": w.tidal, "primary": list(w.primary),
                     "secondary": list(w.secondary)} for w in setup.windows],
        "staff": [{"staff_no": s.staff_no, "name": s.name, "role": s.role.value, "window": s.window}
                  for s in setup.staff],
    }
    if setup.catalogue is not None:
        doc["categories"] = [category_record(c) for c in setup.catalogue.sorted_categories()]
        doc["items"] = [item_record(i) for c in setup.catalogue.sorted_categories()
                        for i in setup.catalogue.items_of(c.code)]
    return doc


def write_hall_file(setup: HallSetup, path: str | Path) -> None:
    fmt = format_of(path)
    data = _json_bytes(setup) if fmt == "json" else _xlsx_bytes(setup)
    Path(path).write_bytes(data)


def _json_bytes(setup: HallSetup) -> bytes:
    return (json.dumps(setup_records(setup), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _weekday_text(days: tuple[int, ...]) -> str:
    if len(days) > 1 and days == tuple(range(days[0], days[-1] + 1)):
        return f"{days[0]}-{days[-1]}"
    return ",".join(map(str, days))


def _xlsx_bytes(setup: HallSetup) -> bytes:
    from openpyxl import Workbook

    doc = setup_records(setup)
    book = Workbook()
    hall = book.active
    hall.title = "hall"
    hall.append(["field", "value", "说明"])
    for key, value in doc["hall"].items():
        if key == "weekdays":
            value = _weekday_text(setup.hall.weekdays)
        elif isinstance(value, bool):
            value = "是" if value else "否"
        hall.append([key, value, HALL_FIELDS[key]])
    windows = book.create_sheet("windows")
    windows.append(list(WINDOW_FIELDS))
    for w in doc["windows"]:
        windows.append([w["no"], w["name"], w["zone"], "是" if w["tidal"] else "否", "、".join(w["primary"]),
                        "、".join(w["secondary"])])
    staff = book.create_sheet("staff")
    staff.append(list(STAFF_FIELDS))
    for s in setup.staff:
        staff.append([s.staff_no, s.name, s.role.value, s.window])
    sheets: SheetWidths = [(hall, {"field": 22, "value": 40, "说明": 22}),
                           (windows, {"name": 16, "primary": 24, "secondary": 24}), (staff, {"name": 14})]
    if setup.catalogue is not None:
        sheets += add_catalogue_sheets(book, setup.catalogue)
    return workbook_bytes(book, sheets)
