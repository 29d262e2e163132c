"""Translations: source strings are Chinese; English comes from resources/translations/*_en.qm.

Each role keeps its own `<role>_en.ts` (common_en.ts, launcher_en.ts, clerk_en.ts, kiosk_en.ts, …) so
engineers never edit the same file; `install_language` loads every `*_en.qm` it finds. Widgets that must
switch language live re-read their strings on `QEvent.LanguageChange` (see the clerk window).

Update: `python build_spec/update_translations.py` (lupdate + lrelease for every role; fails on a message it
would drop or that is left unfinished).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from hallclient.paths import resource_path

_installed: list[QTranslator] = []


def install_language(language: str, app: QCoreApplication | None = None) -> list[str]:
    """Switch the whole app to `language` ("zh_CN" or "en"); returns the .qm files loaded."""
    app = app or QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    loaded: list[str] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        for qm in sorted(resource_path("translations").glob("*_en.qm")):
            tr = QTranslator(app)
            if tr.load(str(qm)):
                app.installTranslator(tr)
                _installed.append(tr)
                loaded.append(qm.name)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return loaded


def tr(context: str, text: str) -> str:
    """Translate outside a QObject (lupdate picks up `QCoreApplication.translate` calls, so use that form)."""
    return QCoreApplication.translate(context, text)
