"""The hall look: Fusion style + resources/styles/hall.qss, and the SLA/green colours the widgets share."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from hallclient.paths import resource_path

SLA_COLOURS: dict[str, QColor] = {"blue": QColor("#2b6cb0"), "yellow": QColor("#d69e00"), "red": QColor("#c42b1c")}
SLA_BACKGROUNDS: dict[str, QColor] = {"blue": QColor("#e8f0fb"), "yellow": QColor("#fff4ce"),
                                      "red": QColor("#fde7e9")}
GREEN = QColor("#1e8e3e")


def style_sheet() -> str:
    path = resource_path("styles", "hall.qss")
    return path.read_text(encoding="utf-8") if path.exists() else ""


def apply_theme(app: QApplication) -> None:
    """Fusion looks the same on every OS; the style sheet adds size and colour."""
    app.setStyle("Fusion")
    app.setStyleSheet(style_sheet())
