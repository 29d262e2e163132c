"""Shape and consistency of the demo hall's seed data (db/seed/demo_hall.json).

The file is plain JSON read with the stdlib; each category and service item is also built as the domain
type, whose constructors validate prefixes, codes and SLA thresholds.

Time limits are whole working days and never null: 0 means 即办 (settled on the spot). A legal limit of 0
is a 即办件 by law, so its promised limit is 0 too; an item may have a legal limit and promise 0
(承诺即办), but the promise never exceeds the legal limit.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

import pytest

from hallclient.domain.catalogue import Category, Guide, Material, MaterialForm, ServiceItem
from hallclient.domain.sla import SlaThresholds

SEED = Path(__file__).resolve().parents[2] / "db" / "seed" / "demo_hall.json"

HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
CJK = re.compile(r"[\u4e00-\u9fff]")
ITEM_CODE = re.compile(r"^([A-Z]+)-(\d{3})$")
PHONE = re.compile(r"^0\d{2,3}-555\d{5}$")
LOCATION_PART = re.compile(r"([A-Z])区 (\d+)(?:–(\d+))? 号窗口")
MASKED = re.compile(r"^[\u4e00-\u9fff]{1,2}\*$")
PERSON_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
ASCII_PUNCT = re.compile(r"[(),;:?!\"]")
DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
REQUIRED_CATEGORIES = ("商事登记", "社保", "医保", "公积金", "不动产", "税务", "工程建设", "综合咨询")
MAX_TEXT = 200


def minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


@pytest.fixture(scope="module")
def seed() -> dict:
    with SEED.open(encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def categories(seed) -> dict[str, dict]:
    return {c["code"]: c for c in seed["categories"]}


@pytest.fixture(scope="module")
def items(seed) -> dict[str, dict]:
    return {i["code"]: i for i in seed["items"]}


@pytest.fixture(scope="module")
def windows(seed) -> dict[int, dict]:
    return {w["no"]: w for w in seed["windows"]}


def chinese_texts(seed) -> list[tuple[str, str]]:
    """(where, text) for every Chinese text a guide, kiosk or display shows."""
    out = [("hall.name", seed["hall"]["name"]), ("hall.address", seed["hall"]["address"])]
    out += [(f"category {c['code']}", c["name"]) for c in seed["categories"]]
    for it in seed["items"]:
        where = f"item {it['code']}"
        out += [(where, it["name"]), (where, it["fee"]), (where, it["location"])]
        out += [(where, t) for t in it["conditions"] + it["steps"]]
        out += [(where, m["name"]) for m in it["materials"]] + [(where, m["note"]) for m in it["materials"]]
    out += [(f"window {w['no']}", w["name"]) for w in seed["windows"]]
    out += [(f"plan {p['name']}", p["name"]) for p in seed["tidal_plans"]]
    return out


def test_file_is_utf8_pretty_printed_without_ascii_escapes():
    raw = SEED.read_bytes().decode("utf-8")
    assert "\\u" not in raw, "write with ensure_ascii=False"
    assert raw.startswith('{\n  "'), "pretty-printed with indent 2"


def test_top_level_shape(seed):
    assert set(seed) == {"hall", "categories", "items", "windows", "staff", "tidal_plans", "appointments"}


def test_hall(seed):
    hall = seed["hall"]
    assert set(hall) == {"code", "name", "name_en", "timezone", "opens_at", "closes_at", "lunch", "address", "phone"}
    assert re.fullmatch(r"[A-Z]+", hall["code"])
    assert hall["name"].endswith("政务服务中心") and CJK.search(hall["name"])
    assert hall["name_en"].isascii() and hall["name_en"]
    assert hall["timezone"] == "Asia/Shanghai"
    assert HHMM.match(hall["opens_at"]) and HHMM.match(hall["closes_at"])
    assert minutes(hall["opens_at"]) < minutes(hall["closes_at"])
    assert hall["lunch"] is None
    assert hall["address"] and PHONE.match(hall["phone"])


def test_categories(seed, categories):
    cats = seed["categories"]
    assert len(cats) >= 10
    assert len(categories) == len(cats), "category codes unique"
    prefixes = [c["prefix"] for c in cats]
    assert len(set(prefixes)) == len(prefixes), "prefixes unique"
    assert len({c["sort_order"] for c in cats}) == len(cats)
    for c in cats:
        assert set(c) == {"code", "name", "name_en", "prefix", "yellow_after_min", "red_after_min", "sort_order",
                          "guide_url"}
        assert c["guide_url"] == f"https://zwfw.example.com/guide/{c['code']}"
        assert re.fullmatch(r"[A-Z]+", c["code"]), c["code"]
        assert re.fullmatch(r"[A-Z]", c["prefix"])
        assert 0 < c["yellow_after_min"] < c["red_after_min"] <= 120
        assert c["name_en"].isascii() and c["name_en"]
        built = Category(
            code=c["code"],
            name=c["name"],
            prefix=c["prefix"],
            name_en=c["name_en"],
            sla=SlaThresholds(c["yellow_after_min"], c["red_after_min"]),
            sort_order=c["sort_order"],
        )
        assert built.sla.red_after_min == c["red_after_min"]
    names = [c["name"] for c in cats]
    for wanted in REQUIRED_CATEGORIES:
        assert any(wanted in n for n in names), f"no category for {wanted}"


def test_item_counts_and_codes(seed, categories, items):
    assert len(seed["items"]) >= 96
    assert len(items) == len(seed["items"]), "item codes unique"
    per_cat = Counter(i["category"] for i in seed["items"])
    assert set(per_cat) == set(categories), "every category has items"
    for cat, n in per_cat.items():
        assert 8 <= n <= 14, f"{cat} has {n} items"
    for it in seed["items"]:
        m = ITEM_CODE.match(it["code"])
        assert m and m.group(1) == it["category"], it["code"]
    names = [i["name"] for i in seed["items"]]
    assert len(set(names)) == len(names), "item names unique"
    assert all(len(n) <= 60 for n in names)
    assert sum(len(n) > 20 for n in names) >= 5, "some long names to exercise wrapping"


def test_item_guides(seed, categories):
    forms_used = Counter()
    notes = 0
    copies = Counter()
    for it in seed["items"]:
        code = it["code"]
        assert set(it) == {
            "code",
            "category",
            "name",
            "conditions",
            "materials",
            "steps",
            "legal_limit_days",
            "promised_limit_days",
            "fee",
            "location",
            "phone",
            "online_url",
        }, code
        assert it["category"] in categories
        assert 2 <= len(it["conditions"]) <= 4, code
        assert 3 <= len(it["materials"]) <= 7, code
        assert 3 <= len(it["steps"]) <= 6, code
        assert all(t.strip() for t in it["conditions"] + it["steps"]), code
        legal, promised = it["legal_limit_days"], it["promised_limit_days"]
        assert isinstance(legal, int) and isinstance(promised, int), f"{code}: limits are whole days, never null"
        assert 0 <= promised <= legal, f"{code}: promised {promised} > legal {legal}"
        assert it["fee"].strip()
        assert PHONE.match(it["phone"]), code
        assert it["online_url"] == f"https://zwfw.example.com/guide/{code}"
        materials = []
        for m in it["materials"]:
            assert set(m) == {"name", "form", "copies", "note"}, code
            assert m["name"].strip()
            assert 1 <= m["copies"] <= 3
            forms_used[m["form"]] += 1
            notes += bool(m["note"])
            copies[m["copies"]] += 1
            materials.append(Material(name=m["name"], form=MaterialForm(m["form"]), copies=m["copies"], note=m["note"]))
        guide = Guide(
            online_url=it["online_url"],
            conditions=tuple(it["conditions"]),
            materials=tuple(materials),
            steps=tuple(it["steps"]),
            legal_limit_days=legal,
            promised_limit_days=promised,
            fee=it["fee"],
            location=it["location"],
            phone=it["phone"],
        )
        ServiceItem(code=code, name=it["name"], category_code=it["category"], guide=guide)
    assert set(forms_used) == {f.value for f in MaterialForm}, "every material form appears"
    assert notes >= len(seed["items"]) // 2, "many materials carry a note"
    assert len(copies) >= 2, "some materials need more than one copy"
    assert sum(i["promised_limit_days"] == 0 for i in seed["items"]) >= 10, "some 即办件"
    assert sum(i["fee"] != "不收费" for i in seed["items"]) >= 5, "some items charge a fee"


def test_texts_are_short_and_use_chinese_punctuation(seed):
    for where, text in chinese_texts(seed):
        assert len(text) <= MAX_TEXT, f"{where}: {len(text)} chars"
        if CJK.search(text):
            assert not ASCII_PUNCT.search(text), f"{where}: ASCII punctuation in {text!r}"
            assert text.count("（") == text.count("）"), f"{where}: unbalanced （） in {text!r}"
            assert text.count("“") == text.count("”"), f"{where}: unbalanced “” in {text!r}"
            assert not text.endswith(("。", "；", "，")), f"{where}: list entries carry no end punctuation"


def test_item_locations_name_windows_that_serve_the_category(seed, windows):
    for it in seed["items"]:
        parts = LOCATION_PART.findall(it["location"])
        assert parts, f"{it['code']}: location {it['location']!r} names no window"
        for zone, first, last in parts:
            for no in range(int(first), int(last or first) + 1):
                w = windows.get(no)
                assert w is not None, f"{it['code']}: window {no} does not exist"
                assert w["zone"] == f"{zone}区", f"{it['code']}: window {no} is in {w['zone']}, not {zone}区"
                assert it["category"] in w["primary"] + w["secondary"], f"{it['code']}: window {no} does not serve it"


def test_windows(seed, categories, windows):
    ws = seed["windows"]
    assert len(ws) >= 24
    assert sorted(windows) == list(range(1, len(ws) + 1)), "windows numbered 1..N, unique"
    for w in ws:
        assert set(w) == {"no", "name", "zone", "tidal", "primary", "secondary"}
        assert w["name"].startswith(f"{w['no']}号窗口")
        assert re.fullmatch(r"[A-Z]区", w["zone"])
        assert w["primary"], f"window {w['no']} has no primary category"
        assert not set(w["primary"]) & set(w["secondary"])
        assert set(w["primary"] + w["secondary"]) <= set(categories)
    assert len({w["zone"] for w in ws}) >= 3
    assert sum(w["tidal"] for w in ws) >= 6
    assert sum(bool(w["secondary"]) for w in ws) >= 5
    consult = [w for w in ws if "帮办代办" in w["name"]]
    assert len(consult) == 1 and consult[0]["primary"] == ["ZHZX"]
    green = [w for w in ws if "绿色通道" in w["name"]]
    assert len(green) == 1
    assert green[0]["primary"] == ["ZHZX"] and len(green[0]["secondary"]) >= 3
    served = Counter(c for w in ws for c in set(w["primary"] + w["secondary"]))
    for code in categories:
        assert served[code] >= 2, f"category {code} served by {served[code]} window(s)"


def test_staff(seed, windows):
    staff = seed["staff"]
    assert len(staff) >= 26
    numbers = [s["staff_no"] for s in staff]
    assert len(set(numbers)) == len(numbers)
    assert len({s["name"] for s in staff}) == len(staff)
    for s in staff:
        assert set(s) == {"staff_no", "name", "role", "window"}
        assert re.fullmatch(r"\d{4}", s["staff_no"])
        assert PERSON_NAME.match(s["name"])
        assert s["role"] in {"clerk", "supervisor", "admin"}
    clerks = [s for s in staff if s["role"] == "clerk"]
    assert len(clerks) >= 22
    assigned = [s["window"] for s in clerks if s["window"] is not None]
    assert len(set(assigned)) == len(assigned), "one clerk per window"
    assert set(assigned) <= set(windows)
    supervisors = [s for s in staff if s["role"] == "supervisor"]
    assert len(supervisors) >= 3 and all(s["window"] is None for s in supervisors)
    admins = [s for s in staff if s["role"] == "admin"]
    assert [(a["staff_no"], a["window"]) for a in admins] == [("9001", None)]
    assert min(numbers) == "1001"


def test_tidal_plans(seed, categories, windows):
    plans = seed["tidal_plans"]
    assert len(plans) >= 3
    opens, closes = minutes(seed["hall"]["opens_at"]), minutes(seed["hall"]["closes_at"])
    busy: dict[tuple[int, str], list[tuple[int, int, str]]] = defaultdict(list)
    for p in plans:
        assert set(p) == {"name", "days", "start", "end", "windows", "primary", "secondary"}
        assert p["days"] and set(p["days"]) <= DAYS
        assert HHMM.match(p["start"]) and HHMM.match(p["end"])
        start, end = minutes(p["start"]), minutes(p["end"])
        assert opens <= start < end <= closes, p["name"]
        assert p["windows"] and p["primary"]
        assert set(p["primary"] + p["secondary"]) <= set(categories)
        assert not set(p["primary"]) & set(p["secondary"])
        for no in p["windows"]:
            assert windows[no]["tidal"], f"plan {p['name']} switches non-tidal window {no}"
            for day in p["days"]:
                busy[(no, day)].append((start, end, p["name"]))
    for (no, day), spans in busy.items():
        spans.sort()
        for (_, end_a, a), (start_b, _, b) in pairwise(spans):
            assert end_a <= start_b, f"window {no} on {day}: {a} overlaps {b}"
    assert len({p["name"] for p in plans}) == len(plans)


def test_appointments(seed, categories, items):
    appts = seed["appointments"]
    assert len(appts) >= 8
    codes = [a["code"] for a in appts]
    assert len(set(codes)) == len(codes)
    day_length = minutes(seed["hall"]["closes_at"]) - minutes(seed["hall"]["opens_at"])
    for a in appts:
        assert set(a) == {"code", "category", "item", "slot_offset_min", "slot_length_min", "masked_name"}
        assert re.fullmatch(r"YY\d{4}", a["code"])
        assert a["category"] in categories
        assert items[a["item"]]["category"] == a["category"]
        assert a["slot_offset_min"] >= 0 and a["slot_length_min"] > 0
        assert a["slot_offset_min"] + a["slot_length_min"] <= day_length
        assert MASKED.match(a["masked_name"]), a["masked_name"]
    assert len({a["category"] for a in appts}) >= 6
