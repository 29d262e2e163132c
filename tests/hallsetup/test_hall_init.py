"""`hallclient hall init` from a file and from the terminal's questions, `hall export`, `hall password`, and
`serve` on a database without a hall: as a new hall's admin meets them."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from hallclient.cli import main
from hallclient.hallsetup.hallfile import load_hall_file, setup_records
from hallclient.hallsetup.sample import sample_setup
from hallclient.passwords import verify_password
from hallclient.paths import resource_path
from hallclient.store import open_store
from hallclient.store.tables import SettingRow, StaffRow, WindowRow

ADMIN_PW = "admin-chosen-1"


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, stdin: str,
        *argv: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def template(fmt: str) -> Path:
    return resource_path("hall-templates", f"hall-template.{fmt}")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_the_templates_hold_the_sample_hall(fmt: str) -> None:
    assert setup_records(load_hall_file(template(fmt))) == setup_records(sample_setup())


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_init_from_a_file_then_export_round_trips(capsys, monkeypatch, tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "hall.sqlite"
    code, out, err = run(capsys, monkeypatch, ADMIN_PW + "\n", "--db", str(db), "hall", "init", "--from",
                         str(template(fmt)))
    assert code == 0, err
    assert "hall 示例区政务服务中心 set up: 3 categories, 6 items, 6 windows, 7 staff" in out
    one_time = {line.split()[0]: line.split()[-1] for line in out.splitlines() if line.startswith("  ")}
    assert set(one_time) == {"1001", "1002", "1003", "1004", "2001", "3001"}
    with open_store(db) as store:
        assert store.hall().code == "SAMPLE" and store.tz.key == "Asia/Shanghai"
        with store.read() as conn:
            staff = {r.staff_no: r for r in conn.execute(select(StaffRow.__table__))}
            windows = {r.no: r for r in conn.execute(select(WindowRow.__table__))}
            settings = {r.key: r.value for r in conn.execute(select(SettingRow.__table__))}
    assert verify_password(staff["9001"].password_hash, ADMIN_PW) and not staff["9001"].must_change_password
    assert all(staff[n].must_change_password and verify_password(staff[n].password_hash, pw)
               for n, pw in one_time.items())
    assert staff["2001"].role == "reception" and staff["1003"].default_window == 3
    assert windows[5].tidal and windows[5].default_secondary == ["SB", "YB"] and windows[5].zone == "西区"
    assert settings["hall_hours"] == {"weekdays": [1, 2, 3, 4, 5], "opens_at": "09:00", "closes_at": "17:00"}
    assert "demo_hall" not in settings and settings["unserved"]["issue"] is True
    exported = tmp_path / f"export.{fmt}"
    assert run(capsys, monkeypatch, "", "--db", str(db), "hall", "export", "-o", str(exported))[0] == 0
    assert setup_records(load_hall_file(exported)) == setup_records(sample_setup())


ANSWERS = ["测试大厅", "TEST", "", "08:30", "17:30", "1-6", str(template("json")),
           "1", "", "东区", "y", "SB,医保", "",
           "2", "综合窗口", "西区", "n", "BDC", "社保",
           "", "9001", "周管理", ADMIN_PW]


def test_init_by_answering_the_questions(capsys, monkeypatch, tmp_path: Path) -> None:
    db = tmp_path / "hall.sqlite"
    code, out, err = run(capsys, monkeypatch, "\n".join(ANSWERS) + "\n", "--db", str(db), "hall", "init")
    assert code == 0, err
    assert "大厅名称 hall name" in err and "窗口号 window number" in err  # the questions (piped: on stderr)
    assert "hall 测试大厅 set up" in out
    exported = tmp_path / "e.json"
    run(capsys, monkeypatch, "", "--db", str(db), "hall", "export", "-o", str(exported))
    doc = json.loads(exported.read_text(encoding="utf-8"))
    assert doc["hall"]["code"] == "TEST" and doc["hall"]["opens_at"] == "08:30"
    assert doc["hall"]["weekdays"] == [1, 2, 3, 4, 5, 6] and doc["hall"]["admin_name"] == "周管理"
    assert doc["windows"] == [
        {"no": 1, "name": "1号窗口", "zone": "东区", "tidal": True, "primary": ["SB", "YB"], "secondary": []},
        {"no": 2, "name": "综合窗口", "zone": "西区", "tidal": False, "primary": ["BDC"], "secondary": ["SB"]}]


@pytest.mark.parametrize(("index", "answer", "message"), [
    (1, "测 试", "大厅编码 hall code (letters, digits): 1-20 letters"),
    (4, "08:00", "closes at"),  # closes before it opens
    (11, "SB,不存在", "unknown 不存在"),
    (22, "1234", "password: the password needs at least 8 characters"),
])
def test_a_bad_answer_stops_a_script_and_sets_up_nothing(capsys, monkeypatch, tmp_path: Path, index: int,
                                                         answer: str, message: str) -> None:
    db = tmp_path / "hall.sqlite"
    answers = [*ANSWERS]
    answers[index] = answer
    code, out, err = run(capsys, monkeypatch, "\n".join(answers) + "\n", "--db", str(db), "hall", "init")
    assert code == 2 and "set up" not in out
    last = err.strip().splitlines()[-1]
    assert last.startswith("hallclient: error:") and message in last and "nothing was set up" in last
    assert not db.exists()
    code, _, err = run(capsys, monkeypatch, "\n".join(ANSWERS[:5]), "--db", str(db), "hall", "init")
    assert code == 2 and "input ended" in err and not db.exists()


def _json_case(doc: dict[str, Any], change: str) -> None:
    {
        "unknown category": lambda: doc["windows"][1].__setitem__("primary", ["SB", "GJJ"]),
        "duplicate window": lambda: doc["windows"][3].__setitem__("no", 2),
        "staff window": lambda: doc["staff"][2].__setitem__("window", 42),
        "role": lambda: doc["staff"][4].__setitem__("role", "boss"),
        "hours": lambda: doc["hall"].__setitem__("closes_at", "08:00"),
        "timezone": lambda: doc["hall"].__setitem__("timezone", "Mars/Olympus"),
        "no admin": lambda: doc["hall"].pop("admin_staff_no"),
        "typo": lambda: doc["windows"][0].__setitem__("primery", ["SB"]),
        "both": lambda: doc["windows"][5].__setitem__("secondary", ["SB"]),
        "admin twice": lambda: doc["staff"][0].__setitem__("staff_no", "9001"),
        "catalogue": lambda: doc["items"][1].__setitem__("online_url", "http://x.example.com"),
    }[change]()


@pytest.mark.parametrize(("change", "expected"), [
    ("unknown category", "hall.json, windows row 2, field primary: unknown category GJJ"),
    ("duplicate window", "hall.json, windows row 4, field no: duplicate window number 2 (first at row 2)"),
    ("staff window", "hall.json, staff row 3, field window: window 42 is not among the hall's windows"),
    ("role", "hall.json, staff row 5, field role: unknown role 'boss'"),
    ("hours", "hall.json, hall, field closes_at: hall opens at 09:00 but closes at 08:00"),
    ("timezone", "hall.json, hall, field timezone: unknown time zone 'Mars/Olympus'"),
    ("no admin", "hall.json, hall, field admin_staff_no: is missing"),
    ("typo", "hall.json, windows row 1, field primery: unknown field 'primery'"),
    ("both", "hall.json, windows row 6, field secondary: categories both primary and secondary: SB"),
    ("admin twice", "hall.json, staff row 1, field staff_no: duplicate staff number '9001'"),
    ("catalogue", "hall.json, items row 2, field online_url: must be an https:// link"),
])
def test_each_bad_hall_file_names_row_and_field_and_changes_nothing(capsys, monkeypatch, tmp_path: Path,
                                                                     change: str, expected: str) -> None:
    doc = json.loads(template("json").read_text(encoding="utf-8"))
    _json_case(doc, change)
    path = tmp_path / "hall.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "hall.sqlite"
    code, out, err = run(capsys, monkeypatch, ADMIN_PW + "\n", "--db", str(db), "hall", "init", "--from", str(path))
    assert code == 2 and out == ""
    assert "nothing was set up" in err and expected in err and "Traceback" not in err
    assert not db.exists()


@pytest.mark.parametrize(("sheet", "cell", "value", "expected"), [
    ("windows", "D3", "也许", "hall.xlsx, windows row 3, field tidal: expected yes or no"),
    ("windows", "E7", "SB、外星业务", "hall.xlsx, windows row 7, field primary: unknown category 外星业务"),
    ("hall", "B8", "周一到周五", "hall.xlsx, hall row 8, field weekdays: weekdays are numbers 1 (Monday) to 7"),
    ("staff", "A4", "10 03", "hall.xlsx, staff row 4, field staff_no: staff number '10 03' must be"),
    ("items", "D2", "ftp://x.example.com", "hall.xlsx, items row 2, field online_url: must be an https:// link"),
])
def test_bad_spreadsheet_cells_are_named(capsys, monkeypatch, tmp_path: Path, sheet: str, cell: str, value: str,
                                         expected: str) -> None:
    book = load_workbook(template("xlsx"))
    book[sheet][cell] = value
    path = tmp_path / "hall.xlsx"
    book.save(path)
    db = tmp_path / "hall.sqlite"
    code, _, err = run(capsys, monkeypatch, ADMIN_PW + "\n", "--db", str(db), "hall", "init", "--from", str(path))
    assert code == 2 and expected in err and "nothing was set up" in err and not db.exists()


def test_a_database_with_a_hall_is_left_alone(capsys, monkeypatch, demo_db: Path) -> None:
    before = digest(demo_db)
    code, _, err = run(capsys, monkeypatch, ADMIN_PW + "\n", "--db", str(demo_db), "hall", "init", "--from",
                       str(template("json")))
    assert code == 2 and "already holds hall '云岭高新区政务服务中心'" in err
    assert digest(demo_db) == before


def test_the_admin_password_is_checked_before_anything_is_written(capsys, monkeypatch, tmp_path: Path) -> None:
    db = tmp_path / "hall.sqlite"
    for bad in ("demo1234", "9001", "short"):
        code, _, err = run(capsys, monkeypatch, bad + "\n", "--db", str(db), "hall", "init", "--from",
                           str(template("json")))
        assert code == 2 and "password:" in err and not db.exists()


def test_hall_password_hands_out_a_one_time_password(capsys, monkeypatch, tmp_path: Path) -> None:
    db = tmp_path / "hall.sqlite"
    run(capsys, monkeypatch, ADMIN_PW + "\n", "--db", str(db), "hall", "init", "--from", str(template("json")))
    code, out, _ = run(capsys, monkeypatch, "", "--db", str(db), "hall", "password", "9001")
    assert code == 0
    password = out.strip().splitlines()[-1]
    with open_store(db) as store, store.read() as conn:
        row = conn.execute(select(StaffRow.__table__).where(StaffRow.__table__.c.staff_no == "9001")).one()
    assert row.must_change_password and verify_password(row.password_hash, password)
    code, _, err = run(capsys, monkeypatch, "", "--db", str(db), "hall", "password", "nobody")
    assert code == 2 and "no staff member nobody" in err


def test_serve_without_a_hall_says_so_in_one_line(capsys, monkeypatch, tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite"
    assert main(["--db", str(db), "db", "upgrade"]) == 0
    done = subprocess.run([sys.executable, "-m", "hallclient", "--db", str(db), "serve", "--port", "0"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no hall configured yet" in lines[0] and "hallclient hall init" in lines[0]
    # the empty database takes a hall
    code, out, _ = run(capsys, monkeypatch, ADMIN_PW + "\n", "--db", str(db), "hall", "init", "--from",
                       str(template("json")))
    assert code == 0 and "set up" in out
