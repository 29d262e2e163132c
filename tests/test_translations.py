"""The English catalogues hold every message the UI can show, translated, and lose none on an update."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_translations_are_complete_and_current():
    result = subprocess.run([sys.executable, str(ROOT / "build_spec" / "update_translations.py"), "--check"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_fails_when_a_message_would_be_dropped(tmp_path, monkeypatch):
    """A context lupdate cannot read (held in a variable) is what dropped 12 English messages once."""
    sys.path.insert(0, str(ROOT / "build_spec"))
    try:
        import update_translations as tool
    finally:
        sys.path.remove(str(ROOT / "build_spec"))
    ui = tmp_path / "hallclient" / "ui"
    (ui / "common").mkdir(parents=True)
    (ui / "__init__.py").write_text("")
    (ui / "common" / "__init__.py").write_text("")
    (ui / "common" / "errors.py").write_text(
        "from PySide6.QtCore import QT_TRANSLATE_NOOP\n_CONTEXT = 'NodeErrors'\n"
        "A = QT_TRANSLATE_NOOP(_CONTEXT, '登录已失效')\nB = QT_TRANSLATE_NOOP('NodeErrors', '新的句子')\n")
    translations = tmp_path / "resources" / "translations"
    translations.mkdir(parents=True)
    (translations / "common_en.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="en_GB">\n'
        "<context><name>NodeErrors</name><message><source>登录已失效</source>"
        "<translation>Signed out</translation></message></context>\n</TS>\n", encoding="utf-8")
    monkeypatch.setattr(tool, "UI", ui)
    monkeypatch.setattr(tool, "TRANSLATIONS", translations)
    before = (translations / "common_en.ts").read_bytes()
    assert tool.run(check=True) == 1
    assert (translations / "common_en.ts").read_bytes() == before  # --check changes nothing
    assert tool.run(check=False) == 1  # the update writes, and still says what is wrong
    found = tool.read_findings(translations / "common_en.ts")
    assert found.dropped == ["NodeErrors: '登录已失效'"]  # kept (as vanished) for the translator, not deleted
    assert found.unfinished == ["NodeErrors: '新的句子'"]
