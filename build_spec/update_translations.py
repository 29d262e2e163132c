"""Update the English translations from the sources, and refuse to lose any.

Each role package `hallclient/ui/<role>/` has `resources/translations/<role>_en.ts`; `hallclient/ui/common/`
and the modules directly in `hallclient/ui/` share `common_en.ts`. The script runs lupdate over each role's
sources, then fails (exit 1) when a translated message would be dropped (lupdate no longer finds its
source: usually a string lupdate cannot see, such as a context held in a variable) or when a message is
left unfinished, naming each one. It never deletes a message, so a translator loses nothing.

    python build_spec/update_translations.py          # update .ts (new messages added unfinished) and .qm
    python build_spec/update_translations.py --check  # change nothing; exit 1 if an update would change anything
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "hallclient" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"


@dataclass
class Findings:
    """What lupdate's result says about one .ts file."""

    dropped: list[str] = field(default_factory=list)
    unfinished: list[str] = field(default_factory=list)


def sources_by_catalogue() -> dict[str, list[Path]]:
    """`<role>_en.ts` → the Python files whose strings it holds."""
    catalogues = {"common": sorted([*UI.glob("*.py"), *(UI / "common").rglob("*.py")])}
    for package in sorted(p for p in UI.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        if package.name != "common":
            catalogues[package.name] = sorted(package.rglob("*.py"))
    return catalogues


def qt_tool(name: str) -> str:
    """PySide6's own lupdate/lrelease, beside the running Python first (a venv), then on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 in this Python ({sys.executable})")
    return found


def read_findings(ts: Path) -> Findings:
    found = Findings()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            label = f"{name}: {message.findtext('source', '')!r}"
            if kind in ("vanished", "obsolete"):
                found.dropped.append(label)
            elif kind == "unfinished":
                found.unfinished.append(label)
    return found


def messages(ts: Path) -> set[tuple[str, str, str, str]]:
    """(context, source, translation, state) of each message: what a translator sees, not where it sits."""
    found = set()
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            text = (translation.text or "") if translation is not None else ""
            state = (translation.get("type") or "") if translation is not None else "unfinished"
            found.add((context.findtext("name", ""), message.findtext("source", ""), text, state))
    return found


def run(check: bool) -> int:
    lupdate, lrelease = qt_tool("lupdate"), qt_tool("lrelease")
    problems: list[str] = []
    # lupdate writes source locations relative to the .ts file, so the scratch copy lives beside it.
    with tempfile.TemporaryDirectory(dir=TRANSLATIONS.parent, prefix=".translations-") as scratch:
        for catalogue, sources in sources_by_catalogue().items():
            ts = TRANSLATIONS / f"{catalogue}_en.ts"
            work = Path(scratch) / ts.name
            if ts.exists():
                shutil.copy2(ts, work)
            subprocess.run([lupdate, *map(str, sources), "-ts", str(work)], check=True, capture_output=True)
            found = read_findings(work)
            problems += [f"{ts.name}: would drop {m}" for m in found.dropped]
            problems += [f"{ts.name}: unfinished {m}" for m in found.unfinished]
            qm = work.with_suffix(".qm")
            subprocess.run([lrelease, str(work), "-qm", str(qm)], check=True, capture_output=True)
            changed = not ts.exists() or messages(ts) != messages(work)
            stale = not ts.with_suffix(".qm").exists() or not filecmp.cmp(ts.with_suffix(".qm"), qm, shallow=False)
            if check:
                problems += [f"{ts.name}: not up to date with the sources"] if changed else []
                problems += [f"{ts.with_suffix('.qm').name}: not compiled from {ts.name}"] if stale else []
            else:
                shutil.copy2(work, ts)
                shutil.copy2(qm, ts.with_suffix(".qm"))
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} problem(s); translate the unfinished messages in the .ts files (pyside6-linguist), "
              "and make dropped ones visible to lupdate (a literal context in QT_TRANSLATE_NOOP/translate).")
    return 1 if problems else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if an update would change files")
    sys.exit(run(parser.parse_args().check))


if __name__ == "__main__":
    main()
