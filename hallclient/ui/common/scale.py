"""Touch screens from 1280×800 to 4K, landscape or portrait: one unit for text and spacing, and the layout's
direction, from a widget's size. A page designed at `design` (landscape) gets u = 1 there, 3 at 4K; turned
to portrait, the design is turned too."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QWidget


def screen_unit(widget: QWidget, box: QBoxLayout | None = None, design: tuple[int, int] = (1280, 800)) -> float:
    """The widget's size against `design` (the smaller ratio, so everything fits); with `box`, lay it out
    left to right in landscape and top to bottom in portrait."""
    w, h = max(1, widget.width()), max(1, widget.height())
    portrait = h > w
    if box is not None:
        box.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
    long, short = max(design), min(design)
    return min(w / short, h / long) if portrait else min(w / long, h / short)
