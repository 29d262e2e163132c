"""The doctor's Qt probes, run in a child process (`hallclient doctor --probe platform|qt`): a Qt abort
there costs one line in the report, not the doctor.

- `platform`: create a QGuiApplication on this PC's platform plugin (xcb, wayland, windows …), print "ok".
- `qt` (offscreen platform): CJK font families, text-to-speech engines and their Chinese voice, printers;
  printed as one JSON object.
"""

from __future__ import annotations

import json
import sys

PROBE_OK = "hallclient-probe-ok"


def probe_platform() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    print(f"{PROBE_OK} {app.platformName()}", flush=True)
    return 0


def probe_qt() -> int:
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    cjk = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    print(json.dumps({"platform": app.platformName(), "cjk_fonts": list(cjk), "voices": _voices(),
                      "printers": _printers()}, ensure_ascii=False), flush=True)
    return 0


def _voices() -> dict[str, object]:
    """Per engine (mock left out): the Chinese voice the display would pick, or why none."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    from hallclient.ui.display.voice import choose_voice

    out: dict[str, object] = {}
    for name in QTextToSpeech.availableEngines():
        if name == "mock":
            continue
        tts = QTextToSpeech(name)
        if tts.state() == QTextToSpeech.State.Error:
            out[name] = {"error": tts.errorString() or "engine error"}
            continue
        voices = [(v.name(), v.locale().name()) for v in tts.availableVoices()]
        out[name] = {"voice": choose_voice(voices), "count": len(voices)}
    return out


def _printers() -> dict[str, object]:
    from PySide6.QtPrintSupport import QPrinterInfo

    return {"names": list(QPrinterInfo.availablePrinterNames()), "default": QPrinterInfo.defaultPrinterName()}


PROBES = {"platform": probe_platform, "qt": probe_qt}
