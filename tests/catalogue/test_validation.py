"""Every kind of bad input is reported with file, row and field, all at once, and nothing is accepted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hallclient.catalogue.demo import demo_catalogue
from hallclient.catalogue.formats import FORMATS, load_catalogue
from hallclient.catalogue.validate import ITEM_FIELDS, LIMITS, CatalogueInvalid, Problem

KNOWN = demo_catalogue().categories


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(CatalogueInvalid) as info:
        load_catalogue(path, KNOWN)
    assert info.value.problems, "an invalid file must name its problems"
    assert all(p.file == path.name for p in info.value.problems)
    return list(info.value.problems)


def row_of(fmt: str, index: int) -> int:
    """Where the item at `index` lands: spreadsheet row (heading = 1) or 1-based JSON position."""
    return index + 1 if fmt == "json" else index + 2


def one_problem(path: Path, fmt: str, index: int, field: str, text: str) -> Problem:
    found = problems_of(path)
    assert len(found) == 1, "\n".join(map(str, found))
    (problem,) = found
    assert (problem.row, problem.field) == (row_of(fmt, index), field), str(problem)
    assert text in problem.message, str(problem)
    return problem


BAD_ITEM_CELLS: list[tuple[str, str, Any, str]] = [
    ("missing name", "name", "", "is missing"),
    ("blank name", "name", "   ", "is missing"),
    ("unknown category", "category", "不存在", "unknown category '不存在'"),
    ("non-https url", "online_url", "http://zwfw.example.com/guide/1", "must be an https:// link"),
    ("not a url", "online_url", "zwfw.example.com/guide", "must be an https:// link"),
    ("url with spaces", "online_url", "https://zwfw.example.com/my guide", "must not contain spaces"),
    ("url without host", "online_url", "https:///guide", "no valid host"),
    ("url with password", "online_url", "https://u:p@zwfw.example.com/g", "user name, password"),
    ("missing url", "online_url", "", "is missing"),
    ("url with an ID number", "online_url", "https://zwfw.example.com/g?id=11010519491231002X", "personal ID"),
    ("over-long url", "online_url", "https://zwfw.example.com/" + "a" * 300, "too long"),
    ("over-long name", "name", "长" * (LIMITS.item_name + 1), "too long (101 characters, at most 100)"),
    ("over-long fee", "fee", "元" * 101, "too long"),
    ("over-long phone", "phone", "1" * 41, "too long"),
    ("bad code", "code", "社保/01", "must be 1-40 letters"),
    ("bad days", "legal_limit_days", "二十", "expected a whole number"),
    ("negative days", "legal_limit_days", -1, "between 0 and 3650"),
    ("promise beyond law", "promised_limit_days", 99, "exceeds the legal one"),
    ("character the font lacks", "name", "社保卡申领😀", "cannot print: 😀"),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("case", "field", "value", "text"), BAD_ITEM_CELLS, ids=[c[0] for c in BAD_ITEM_CELLS])
def test_bad_item_cell(tmp_path: Path, raw_writer, records, fmt: str, case: str, field: str, value: Any,
                       text: str) -> None:
    categories, items = records
    items[1][field] = value
    path = raw_writer(tmp_path / f"bad.{fmt}", None if fmt == "csv" else categories, items)
    one_problem(path, fmt, 1, field, text)


@pytest.mark.parametrize("fmt", FORMATS)
def test_duplicate_item_code_names_both_rows(tmp_path: Path, raw_writer, records, fmt: str) -> None:
    categories, items = records
    items[4]["code"] = items[1]["code"].lower()  # codes differing only in case are the same code
    path = raw_writer(tmp_path / f"dup.{fmt}", None if fmt == "csv" else categories, items)
    problem = one_problem(path, fmt, 4, "code", "duplicate item code")
    assert f"first at row {row_of(fmt, 1)}" in problem.message


@pytest.mark.parametrize("fmt", FORMATS)
def test_over_long_lines_and_too_many_entries(tmp_path: Path, raw_writer, records, fmt: str) -> None:
    categories, items = records
    items[0]["steps"] = ["步" * (LIMITS.line + 1)]
    items[1]["conditions"] = [f"条件{n}" for n in range(LIMITS.lines + 1)]
    items[3]["materials"] = [{"name": "材" * (LIMITS.material_text + 1), "form": "原件", "copies": 1, "note": ""}]
    path = raw_writer(tmp_path / f"long.{fmt}", None if fmt == "csv" else categories, items)
    found = {(p.row, p.field): p.message for p in problems_of(path)}
    assert "entry 1 is too long (301 characters, at most 300)" in found[(row_of(fmt, 0), "steps")]
    assert "too many entries (31, at most 30)" in found[(row_of(fmt, 1), "conditions")]
    assert "material 1: name is too long" in found[(row_of(fmt, 3), "materials")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_guide_too_long_for_one_page(tmp_path: Path, raw_writer, records, fmt: str) -> None:
    categories, items = records
    items[0]["conditions"] = ["条" * 290] * 11
    path = raw_writer(tmp_path / f"page.{fmt}", None if fmt == "csv" else categories, items)
    one_problem(path, fmt, 0, "", "too long for one page")


@pytest.mark.parametrize("fmt", FORMATS)
def test_bad_materials(tmp_path: Path, raw_writer, records, fmt: str) -> None:
    categories, items = records
    items[1]["materials"] = ["申请表|手抄件|1", "身份证|原件|一份", "户口簿|原件|1|备注|多余"]
    path = raw_writer(tmp_path / f"mat.{fmt}", None if fmt == "csv" else categories, items)
    (problem,) = problems_of(path)  # the first bad material stops that cell
    assert problem.field == "materials" and "material 1: unknown form '手抄件'" in problem.message


@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_and_missing_columns(tmp_path: Path, raw_writer, records, fmt: str) -> None:
    categories, items = records
    for record in items:
        record["nmae"] = "typo"
        del record["online_url"]
    columns = [c for c in ITEM_FIELDS if c != "online_url"] + ["nmae"]
    path = raw_writer(tmp_path / f"cols.{fmt}", None if fmt == "csv" else categories, items, columns=columns)
    found = problems_of(path)
    assert any(p.field == "nmae" and "unknown field 'nmae'" in p.message for p in found)
    if fmt != "json":  # a spreadsheet says it once, in the heading row
        assert any(p.row == 1 and p.field == "online_url" and "required column is missing" in p.message
                   for p in found)
    else:
        assert sum(p.field == "online_url" for p in found) == len(items)


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_bad_categories(tmp_path: Path, raw_writer, records, fmt: str) -> None:
    categories, items = records
    categories[1]["prefix"] = "A"  # same letter as the first
    categories[2]["red_after_min"] = 5  # below yellow
    categories.append({"code": "SB", "name": "", "prefix": "Z"})
    path = raw_writer(tmp_path / f"cats.{fmt}", categories, items)
    found = {(p.sheet, p.row, p.field): p.message for p in problems_of(path)}
    first = 1 if fmt == "json" else 2
    assert "duplicate category prefix 'A'" in found[("categories", first + 1, "prefix")]
    assert "must be above yellow_after_min" in found[("categories", first + 2, "red_after_min")]
    assert "is missing" in found[("categories", first + 3, "name")]
    assert "duplicate category code 'SB'" in found[("categories", first + 3, "code")]


def test_every_problem_is_reported_at_once(tmp_path: Path, raw_writer, records) -> None:
    categories, items = records
    items[0]["name"] = ""
    items[1]["online_url"] = "http://x.example.com"
    items[3]["category"] = "nope"
    items[5]["code"] = items[4]["code"]
    path = raw_writer(tmp_path / "many.xlsx", categories, items)
    found = problems_of(path)
    assert [(p.row, p.field) for p in found] == [(2, "name"), (3, "online_url"), (5, "category"), (7, "code")]
    text = str(CatalogueInvalid(found))
    assert "many.xlsx, items row 3, field online_url: must be an https:// link" in text


def test_json_syntax_error_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "items": [\n    {"code": "A1",}\n  ]\n}', encoding="utf-8")
    (problem,) = problems_of(path)
    assert problem.row == 3 and "not valid JSON" in problem.message


@pytest.mark.parametrize(("name", "content", "text"), [
    ("empty.csv", b"", "is empty"),
    ("headers.csv", b"code,category,name,online_url\r\n", "holds no service items"),
    ("list.json", b"[]", "must be a JSON object"),
    ("noitems.json", b'{"categories": []}', 'needs an "items" list'),
    ("garbage.xlsx", b"not a zip", "not a readable .xlsx"),
    ("catalogue.txt", b"x", "unknown catalogue format"),
    ("binary.csv", b"\xff\xfe\x00\x81\x00", "neither UTF-8 nor GB18030"),
])
def test_unusable_files(tmp_path: Path, name: str, content: bytes, text: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    found = problems_of(path)
    assert any(text in p.message for p in found), found


def test_missing_file(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path / "nowhere.json")
    assert "cannot read the file" in problem.message


def test_csv_items_must_use_the_halls_categories(tmp_path: Path, raw_writer, records) -> None:
    _, items = records
    path = raw_writer(tmp_path / "items.csv", None, items)
    with pytest.raises(CatalogueInvalid) as info:
        load_catalogue(path, known_categories=())
    assert {p.field for p in info.value.problems} == {"category"}
    assert "the hall's active categories" in info.value.problems[0].message


@pytest.mark.parametrize("fmt", FORMATS)
def test_guide_that_would_not_fit_one_page_even_in_small_print(tmp_path: Path, raw_writer, records, fmt: str) -> None:
    categories, items = records
    items[1]["materials"] = [{"name": f"材料{n}：参保缴费凭证或参保缴费历史明细（加盖经办机构业务章）",
                              "form": "原件及复印件", "copies": 2, "note": "已实现信息共享的免于提交纸质材料"}
                             for n in range(LIMITS.materials)]
    path = raw_writer(tmp_path / f"fat.{fmt}", None if fmt == "csv" else categories, items)
    one_problem(path, fmt, 1, "", "does not fit one A4 page")
    # without the print checks (e.g. a tool that only converts formats) the same file reads
    assert load_catalogue(path, KNOWN, check_print=False).find_item(items[1]["code"]) is not None


BAD_CATEGORY_URLS: list[tuple[str, Any, str]] = [
    ("non-https", "http://zwfw.example.com/guide/SB", "must be an https:// link"),
    ("spaces", "https://zwfw.example.com/my guide", "must not contain spaces"),
    ("ID number", "https://zwfw.example.com/g?id=11010519491231002X", "personal ID"),
    ("over-long", "https://zwfw.example.com/" + "a" * LIMITS.url, f"at most {LIMITS.url}"),
    ("not text", True, "expected text"),
]


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
@pytest.mark.parametrize(("case", "value", "text"), BAD_CATEGORY_URLS, ids=[c[0] for c in BAD_CATEGORY_URLS])
def test_bad_category_guide_url(tmp_path: Path, raw_writer, records, fmt: str, case: str, value: Any,
                                text: str) -> None:
    """A category's guide_url follows the same rules as an item's online_url, reported at file/row/field."""
    categories, items = records
    categories[1]["guide_url"] = value
    path = raw_writer(tmp_path / f"caturl.{fmt}", categories, items)
    (problem,) = problems_of(path)
    assert (problem.file, problem.sheet, problem.row, problem.field) == (path.name, "categories",
                                                                         row_of(fmt, 1), "guide_url"), str(problem)
    assert text in problem.message, str(problem)
    assert f"{path.name}, categories row {row_of(fmt, 1)}, field guide_url:" in str(problem)


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_category_guide_url_is_optional(tmp_path: Path, raw_writer, records, fmt: str) -> None:
    categories, items = records
    for record in categories:
        del record["guide_url"]  # a file from before the column existed
    path = raw_writer(tmp_path / f"nourl.{fmt}", categories, items)
    assert {c.guide_url for c in load_catalogue(path).categories} == {""}
