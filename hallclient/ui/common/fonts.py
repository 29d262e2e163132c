"""CJK font fallback, so Chinese never renders as boxes (tofu) on a PC without Chinese fonts.

Order: a system Noto Sans CJK SC / Source Han Sans / Microsoft YaHei if present (best hinting), else the
bundled WenQuanYi Micro Hei (resources/fonts/wqy-microhei.ttc, Apache-2.0), loaded into the app only.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from hallclient.paths import resource_path

PREFERRED = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei")
BUNDLED = ("fonts", "wqy-microhei.ttc")


def cjk_families() -> list[str]:
    """Families to use, best first; loads the bundled font when no system CJK font is found."""
    present = set(QFontDatabase.families())
    chosen = [f for f in PREFERRED if f in present]
    if not chosen:
        font_file = resource_path(*BUNDLED)
        if font_file.exists():
            fid = QFontDatabase.addApplicationFont(str(font_file))
            if fid >= 0:
                chosen = list(QFontDatabase.applicationFontFamilies(fid))
    return chosen


def install_cjk_font(app: QApplication, point_size: float = 12.0) -> QFont:
    """Set the application font: the platform UI font first, CJK families as fallbacks."""
    font = QFont(app.font())
    families = cjk_families()
    if families:
        font.setFamilies([families[0], *families[1:], *font.families()])
    font.setPointSizeF(point_size)
    app.setFont(font)
    return font
