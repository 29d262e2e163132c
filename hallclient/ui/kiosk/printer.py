"""Printing ticket slips from the kiosk, off the GUI thread.

The slip layout (`printing.ticket_slip.layout_slip`) is drawn with QPainter straight onto a QPrinter whose
page is the slip's own size (58/80 mm roll, or A6): the same placement as the PDF, vector text at the
printer's resolution. Qt for Python here has no PDF renderer (no QtPdf), and rasterising a PDF would blur a
203-dpi thermal head anyway. Target from settings `kiosk/printer`:

* "" → the system's default printer; a name → that printer (QPrinterInfo);
* "pdf:DIR" → no printer, each slip saved as DIR/<number>.pdf with reportlab (demo PCs, tests, archiving);
* "none" → a kiosk without a printer: every ticket is shown on screen (number, people ahead, guide QR).

A missing printer, a printer in error state (out of paper, cover open: CUPS/Windows report these as the
printer's error state) or a job that ends in error raises `SlipPrintError`; the ticket already exists, the
kiosk tells the visitor their number and offers a re-print.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from hallclient.paths import resource_path
from hallclient.printing.qr import guide_qr
from hallclient.printing.ticket_slip import BoxOp, Paper, QrOp, RuleOp, SlipData, SlipLayout, TextOp, layout_slip
from hallclient.printing.ticket_slip import render_slip_pdf as _render_pdf

log = logging.getLogger(__name__)


class SlipPrintError(Exception):
    """The slip did not print; `kind` is "not_found", "error" (paper out, offline, job failed) or "none" (the
    kiosk has no printer)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


_family: str | None = None


def slip_font_family() -> str:
    """The slip's font (the one the layout was measured with) loaded into Qt, so metrics match the PDF."""
    global _family
    if _family is None:
        fid = QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
        families = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        _family = families[0] if families else "WenQuanYi Micro Hei"
    return _family


def qr_image(url: str) -> QImage:
    """The guide QR (quiet zone included, `qr.BOX` pixels a module) as a QImage; scale it by whole multiples
    without smoothing to keep the edges sharp."""
    pixels = guide_qr(url).pixels
    return QImage(pixels.tobytes(), pixels.width, pixels.height, pixels.width, QImage.Format.Format_Grayscale8).copy()


def paint_layout(painter: QPainter, layout: SlipLayout, scale: float) -> None:
    """Draw a slip layout with QPainter; `scale` = device pixels per PDF point."""
    family = slip_font_family()
    for op in layout.ops:
        if isinstance(op, TextOp):
            font = QFont(family)
            font.setPixelSize(max(1, round(op.size * scale)))
            painter.setFont(font)
            painter.setPen(QColor(op.colour))
            flags = {"centre": Qt.AlignmentFlag.AlignHCenter, "left": Qt.AlignmentFlag.AlignLeft,
                     "right": Qt.AlignmentFlag.AlignRight}[op.align]
            width = layout.width * scale
            box = QRectF(0, 0, width, op.size * scale * 1.5)
            if op.align == "centre":
                box.moveCenter(QPointF(op.x * scale, 0))
            elif op.align == "right":
                box.moveRight(op.x * scale)
            else:
                box.moveLeft(op.x * scale)
            ascent = painter.fontMetrics().ascent()
            box.moveTop(op.baseline * scale - ascent)
            painter.drawText(box, int(flags | Qt.AlignmentFlag.AlignTop), op.text)
        elif isinstance(op, RuleOp):
            pen = QPen(QColor("#000000"), max(1.0, 0.6 * scale))
            if op.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(op.x0 * scale, op.y * scale), QPointF(op.x1 * scale, op.y * scale))
        elif isinstance(op, BoxOp):
            painter.setPen(QPen(QColor("#000000"), max(1.0, 1.2 * scale)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(op.x * scale, op.y * scale, op.w * scale, op.h * scale),
                                    5.67 * scale, 5.67 * scale)
        elif isinstance(op, QrOp):
            image = qr_image(op.url)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.drawImage(QRectF(op.x * scale, op.y * scale, op.side * scale, op.side * scale), image)


class SlipPrinter:
    """Prints one slip per call; safe to call from a worker thread (QPrinter/QPainter are thread-safe)."""

    def __init__(self, target: str = "", paper: str = Paper.THERMAL_58.value) -> None:
        self.target = target.strip()
        self.paper = Paper(paper) if paper in {p.value for p in Paper} else Paper.THERMAL_58

    @property
    def enabled(self) -> bool:
        """False for "none": a kiosk without a printer, which shows every ticket on screen instead."""
        return self.target.lower() != "none"

    def describe(self) -> str:
        return self.target or "default printer"

    def is_ready(self) -> bool:
        """Would a slip print now (the printer is there and reports no error)? Blocking (it asks CUPS or
        Windows): call it off the GUI thread. The kiosk asks every few seconds after a failed print, to offer
        the re-print as soon as the printer is back."""
        if not self.enabled:
            return False
        if self.target.startswith("pdf:"):
            folder = Path(self.target[4:]).expanduser()
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                return False
            return os.access(folder, os.W_OK)
        info = QPrinterInfo.printerInfo(self.target) if self.target else QPrinterInfo.defaultPrinter()
        return not info.isNull() and info.state() != QPrinter.PrinterState.Error

    def print_slip(self, data: SlipData) -> str:
        """Print (or save) the slip; returns where it went. Raises SlipPrintError."""
        if not self.enabled:
            raise SlipPrintError("none", "this kiosk has no slip printer (kiosk/printer = none)")
        if self.target.startswith("pdf:"):
            folder = Path(self.target[4:]).expanduser()
            try:
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / f"{data.number}{'-reprint' if data.reprint else ''}.pdf"
                path.write_bytes(_render_pdf(data, self.paper))
            except OSError as exc:
                raise SlipPrintError("error", str(exc)) from exc
            return str(path)
        info = QPrinterInfo.printerInfo(self.target) if self.target else QPrinterInfo.defaultPrinter()
        if info.isNull():
            raise SlipPrintError("not_found", f"printer {self.target or '(default)'} not found")
        if info.state() == QPrinter.PrinterState.Error:
            raise SlipPrintError("error", f"printer {info.printerName()} reports an error (paper out / offline)")
        layout = layout_slip(data, self.paper)
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"ticket {data.number}")
        size = QPageSize(QSizeF(layout.width, layout.height), QPageSize.Unit.Point, "slip",
                         QPageSize.SizeMatchPolicy.ExactMatch)
        printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        painter = QPainter()
        if not painter.begin(printer):
            raise SlipPrintError("error", f"printer {info.printerName()} refused the job")
        try:
            paint_layout(painter, layout, printer.resolution() / 72.0)
        finally:
            painter.end()
        if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            raise SlipPrintError("error", f"printer {info.printerName()}: job failed")
        return info.printerName()
