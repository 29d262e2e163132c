"""`hallclient hall init` in a terminal: the questions a new hall's admin answers.

Each answer is checked at once with the same rules as a hall file (`hallfile`); at a terminal a bad answer is
explained and asked again, while piped answers (a script, a test) stop at the first bad one, so a script never
goes on with its answers out of step. The answers are then checked as a whole by `hallfile.validate`.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeVar

from hallclient.catalogue.model import Catalogue
from hallclient.catalogue.validate import BadValue, CatalogueInvalid, RawRecord, text_value, whole_number
from hallclient.domain.hall_day import HallHours
from hallclient.domain.staff import MAX_NAME, password_problem, staff_no_problem
from hallclient.domain.windows import Subscription, SubscriptionError
from hallclient.hallsetup import hallfile
from hallclient.hallsetup.hallfile import RawHallFile
from hallclient.hallsetup.model import DEFAULT_CLOSES, DEFAULT_OPENS, DEFAULT_TIMEZONE, HallSetup
from hallclient.paths import resource_path

T = TypeVar("T")
SOURCE = "(answers)"


class InputEnded(Exception):
    """The answers ran out (end of input) before the set-up was complete."""


class Prompter:
    """Asks on `out`, reads from `inp`; `interactive` (a terminal) re-asks after a bad answer."""

    def __init__(self, inp: TextIO, out: TextIO, interactive: bool) -> None:
        self.inp, self.out, self.interactive = inp, out, interactive

    def _line(self, prompt: str) -> str:
        self.out.write(prompt)
        self.out.flush()
        line = self.inp.readline()
        if not line:
            raise InputEnded(f"input ended at: {prompt.strip()}")
        if not self.interactive:
            self.out.write("\n")
        return line.rstrip("\r\n")

    def ask(self, label: str, check: Callable[[str], T], default: str = "") -> T:
        hint = f" [{default}]" if default else ""
        while True:
            answer = self._line(f"{label}{hint}: ").strip() or default
            try:
                return check(answer)
            except (BadValue, ValueError) as exc:
                if not self.interactive:
                    raise BadValue(f"{label}: {exc}") from None
                self.out.write(f"  ✗ {exc}\n")

    def secret(self, label: str) -> str:
        if self.interactive:
            return getpass.getpass(f"{label}: ", stream=self.out)
        return self._line(f"{label}: ")

    def yes(self, label: str, default: bool) -> bool:
        return self.ask(f"{label} ({'Y/n' if default else 'y/N'})", lambda a: hallfile.parse_bool(a, default))


def _required(limit: int) -> Callable[[str], str]:
    def check(answer: str) -> str:
        text = text_value(answer)
        if not text:
            raise BadValue("an answer is needed")
        if len(text) > limit:
            raise BadValue(f"at most {limit} characters")
        return text
    return check


def _optional(limit: int) -> Callable[[str], str]:
    def check(answer: str) -> str:
        text = text_value(answer)
        if len(text) > limit:
            raise BadValue(f"at most {limit} characters")
        return text
    return check


def _hall_code(answer: str) -> str:
    code = _required(20)(answer)
    if not hallfile.HALL_CODE_RE.match(code):
        raise BadValue("1-20 letters, digits, '_' or '-'")
    return code


def _staff_no(answer: str) -> str:
    problem = staff_no_problem(answer.strip())
    if problem:
        raise BadValue(problem)
    return answer.strip()


def sample_catalogue_path() -> Path:
    return resource_path("catalogue-templates", "catalogue-template.json")


def ask_setup(p: Prompter, catalogue_path: Path | None = None) -> HallSetup:
    """Ask every question; returns the checked set-up (HallFileInvalid if, as a whole, it does not hold)."""
    raw = RawHallFile(file=SOURCE)
    p.out.write("新建大厅 · set up a new hall (answers in [brackets] are the defaults)\n")
    raw.hall["name"] = (None, p.ask("大厅名称 hall name", _required(100)))
    raw.hall["code"] = (None, p.ask("大厅编码 hall code (letters, digits)", _hall_code))
    raw.hall["timezone"] = (None, p.ask("时区 time zone", hallfile.parse_timezone, DEFAULT_TIMEZONE))
    opens = p.ask("开门时间 opens at (HH:MM)", lambda a: hallfile.parse_time(a, DEFAULT_OPENS), DEFAULT_OPENS)
    closes = p.ask("关门时间 closes at (HH:MM, 24:00 = midnight)",
                   lambda a: _after(hallfile.parse_time(a, DEFAULT_CLOSES), opens), DEFAULT_CLOSES)
    raw.hall["opens_at"], raw.hall["closes_at"] = (None, opens), (None, closes)
    raw.hall["weekdays"] = (None, list(p.ask("开放日 weekdays (1 = Monday … 7 = Sunday, e.g. 1-5 or 1-6)",
                                             hallfile.parse_weekdays, "1-5")))
    catalogue = p.ask("业务目录文件 catalogue file (JSON or XLSX)", _catalogue,
                      str(catalogue_path or sample_catalogue_path()))
    names = "、".join(f"{c.code} {c.name}" for c in catalogue.sorted_categories())
    p.out.write(f"  {len(catalogue.categories)} 个业务类别 categories: {names}\n")
    p.out.write("窗口 windows: one after another; leave the number empty when done\n")
    used: set[int] = set()
    row = 0
    while True:
        suggestion = str(max(used) + 1 if used else 1)
        no = p.ask("  窗口号 window number" + (" (empty: done)" if used else ""),
                   lambda a, used=used: _window_no(a, used, required=not used), suggestion if not used else "")
        if no is None:
            break
        used.add(no)
        row += 1
        name = p.ask("    名称 name", _optional(40), f"{no}号窗口")
        zone = p.ask("    区域 zone (e.g. 东区)", _optional(20))
        tidal = p.yes("    潮汐窗口 tidal window", False)
        primary = p.ask("    主办业务 primary categories (codes or names, comma-separated)",
                        lambda a: _categories(a, catalogue, required=True))
        secondary = p.ask("    协办业务 secondary categories", lambda a, prim=primary: _secondary(a, catalogue, prim))
        raw.windows.append(RawRecord(row, {"no": no, "name": name, "zone": zone, "tidal": tidal, "primary": primary,
                                           "secondary": secondary}))
    p.out.write("第一位管理员 the first admin (chooses the password now)\n")
    raw.hall["admin_staff_no"] = (None, p.ask("  工号 staff number", _staff_no))
    raw.hall["admin_name"] = (None, p.ask("  姓名 name", _required(MAX_NAME)))
    return hallfile.validate(raw, catalogue)


def ask_password(p: Prompter, staff_no: str) -> str:
    """The first admin's password, typed twice (once when piped); re-asked at a terminal when refused."""
    while True:
        password = p.secret("  密码 password (at least 8 characters)")
        problem = password_problem(password, staff_no)
        if problem is None and p.interactive and p.secret("  再次输入 again") != password:
            problem = "the two entries differ"
        if problem is None:
            return password
        if not p.interactive:
            raise BadValue(f"password: {problem}")
        p.out.write(f"  ✗ {problem}\n")


def _after(closes: str, opens: str) -> str:
    HallHours.parse(opens, closes)  # ValueError: opens after closing
    return closes


def _catalogue(answer: str) -> Catalogue:
    path = Path(answer).expanduser()
    try:
        return hallfile.load_catalogue_for_hall(path)
    except CatalogueInvalid as exc:
        lines = [str(problem) for problem in exc.problems[:10]]
        more = f"\n    … and {len(exc.problems) - 10} more" if len(exc.problems) > 10 else ""
        raise BadValue("the catalogue has problems:\n    " + "\n    ".join(lines) + more) from None


def _window_no(answer: str, used: set[int], *, required: bool) -> int | None:
    if not answer.strip():
        if required:
            raise BadValue("the hall needs at least one window")
        return None
    no = whole_number(answer, 1, hallfile.MAX_WINDOW_NO)
    if no in used:
        raise BadValue(f"window {no} is already set up")
    return no


def _categories(answer: str, catalogue: Catalogue, *, required: bool) -> list[str]:
    keys = hallfile.split_codes(answer)
    if required and not keys:
        raise BadValue("a window serves at least one category as primary")
    codes, unknown = hallfile.resolve_categories(keys, catalogue.categories)
    if unknown:
        known = ", ".join(f"{c.code} ({c.name})" for c in catalogue.sorted_categories())
        raise BadValue(f"unknown {', '.join(unknown)}; the catalogue has: {known}")
    return codes


def _secondary(answer: str, catalogue: Catalogue, primary: list[str]) -> list[str]:
    codes = _categories(answer, catalogue, required=False)
    try:
        Subscription(tuple(primary), tuple(codes))
    except SubscriptionError as exc:
        raise BadValue(str(exc)) from None
    return codes

