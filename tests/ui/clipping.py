"""Is any text on a screen cut off? Every visible label's text must fit the rectangle it is drawn in (for a
word-wrapped label: `QFontMetrics.boundingRect(contents rect, wrap flags, text)` no bigger than that rect), no
parent may cut a label, and every visible button's text must fit the button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QPushButton, QWidget


def clipped_texts(root: QWidget) -> list[str]:
    """One line per clipped text: which widget, its text, and the size it needs against the size it has."""
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text():  # a picture (QR) label has no text
            continue
        rect = label.contentsRect()
        fm = QFontMetrics(label.font())
        if label.wordWrap():
            need = fm.boundingRect(rect, int(label.alignment()) | int(Qt.TextFlag.TextWordWrap), label.text()).size()
        else:
            lines = label.text().split("\n")
            need = fm.boundingRect(0, 0, 100000, 100000, 0, label.text()).size()
            need.setWidth(max(fm.horizontalAdvance(line) for line in lines))
        if need.width() > rect.width() or need.height() > rect.height():
            problems.append(f"label {label.objectName() or ''} {label.text()!r}: needs {need.width()}×"
                            f"{need.height()}, has {rect.width()}×{rect.height()}")
        shown = label.visibleRegion().boundingRect()
        if shown.size() != label.size():
            problems.append(f"label {label.text()!r} is cut by its parent: {shown.width()}×{shown.height()} of "
                            f"{label.width()}×{label.height()} shown")
    for button in root.findChildren(QPushButton):
        if not button.isVisible() or not button.text():
            continue
        fm = QFontMetrics(button.font())
        lines = button.text().split("\n")
        width = max(fm.horizontalAdvance(line) for line in lines)
        height = fm.lineSpacing() * len(lines)
        if width > button.width() - 4 or height > button.height():
            problems.append(f"button {button.text()!r}: needs {width}×{height}, has {button.width()}×"
                            f"{button.height()}")
    return problems
