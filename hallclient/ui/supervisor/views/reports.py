"""日报 tab: pick a business day, fetch its figures from the hall node, show the key ones, save or print the PDF.

The figures come over the LAN (`bridge.call("daily_report", …)`) and the PDF is rendered on a worker thread
(`bridge.submit`), so a 3,000-ticket day never freezes the console. To print, the same worker renders the PDF
and rasterises its pages with pdfium (pypdfium2; Qt's own QtPdf is missing from some PySide6 wheels), and the
GUI thread only paints the finished images onto the printer the supervisor chose.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallclient.ui.common.errors import describe
from hallclient.ui.supervisor.controllers.console import ConsoleController
from hallclient.ui.supervisor.views.panels import fill, table


def fmt_min(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def fmt_pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


PRINT_DPI = 300  # plenty for a report, far lighter than a printer's own resolution


def report_pages(report: dict[str, Any], hall_name: str, dpi: int = PRINT_DPI) -> list[QImage]:
    """Worker-thread job: the report's PDF, in memory, as one image per page for the printer."""
    import pypdfium2

    from hallclient.printing.daily_report import render_daily_report

    buf = io.BytesIO()
    render_daily_report(report, hall_name, buf)
    pdf = pypdfium2.PdfDocument(buf.getvalue())
    try:
        pages = []
        for page in pdf:
            rgb = page.render(scale=dpi / 72).to_pil().convert("RGB")
            image = QImage(rgb.tobytes(), rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
            pages.append(image.copy())  # own the pixels: `rgb` goes away with this frame
            page.close()
        return pages
    finally:
        pdf.close()


def render_pdf(report: dict[str, Any], hall_name: str, path: str) -> str:
    """Worker-thread job: reportlab is imported here, not when the console opens."""
    from hallclient.printing.daily_report import render_daily_report

    render_daily_report(report, hall_name, path)
    return path


class ReportsPanel(QWidget):
    """日报: date, generate, key figures, per-category and per-window tables, save PDF, print."""

    loaded = Signal(dict)  # the figures arrived
    saved = Signal(str)  # a PDF was written (its path)
    failed = Signal(str)

    def __init__(self, console: ConsoleController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.console = console
        self.bridge = console.bridge
        self.report: dict[str, Any] | None = None
        self._busy = False
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.day = QDateEdit(QDate.currentDate(), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.generate_btn = QPushButton(self.tr("生成日报…"), self)
        self.generate_btn.setProperty("primary", True)
        self.save_btn = QPushButton(self.tr("保存PDF…"), self)
        self.print_btn = QPushButton(self.tr("打印…"), self)
        self.generate_btn.clicked.connect(self.generate)
        self.save_btn.clicked.connect(lambda: self.save_pdf())
        self.print_btn.clicked.connect(self.print_report)
        for w in (QLabel(self.tr("营业日"), self), self.day, self.generate_btn):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.save_btn)
        bar.addWidget(self.print_btn)
        lay.addLayout(bar)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        lay.addWidget(self.state)
        grid = QGridLayout()
        self.figures: dict[str, QLabel] = {}
        for i, (key, label) in enumerate(self._figure_labels()):
            value = QLabel("—", self)
            value.setObjectName("figure")
            grid.addWidget(value, (i // 6) * 2, i % 6)
            grid.addWidget(QLabel(label, self), (i // 6) * 2 + 1, i % 6)
            self.figures[key] = value
        lay.addLayout(grid)
        self.categories = table([self.tr("业务类别"), self.tr("取号"), self.tr("办结"), self.tr("过号"),
                                 self.tr("未办结"), self.tr("平均等候"), self.tr("P90 等候"), self.tr("平均办理"),
                                 self.tr("红色预警")], self)
        lay.addWidget(self.categories, 2)
        self.windows = table([self.tr("窗口"), self.tr("叫号"), self.tr("办结"), self.tr("平均办理"),
                              self.tr("评价数"), self.tr("差评"), self.tr("满意率")], self)
        lay.addWidget(self.windows, 1)
        self.save_btn.setEnabled(False)
        self.print_btn.setEnabled(False)

    def _figure_labels(self) -> list[tuple[str, str]]:
        return [("issued", self.tr("取号")), ("served", self.tr("办结")), ("no_show", self.tr("过号")),
                ("wait_mean", self.tr("平均等候（分钟）")), ("wait_p90", self.tr("P90 等候（分钟）")),
                ("service_mean", self.tr("平均办理（分钟）")), ("red_share", self.tr("红色预警占比")),
                ("green", self.tr("绿色通道")), ("green_ok", self.tr("绿色通道限时内叫号")),
                ("rated", self.tr("评价数")), ("negative", self.tr("差评")), ("satisfaction", self.tr("满意率"))]

    # -- figures ----------------------------------------------------------------------------------

    def selected_day(self) -> str:
        return self.day.date().toString("yyyy-MM-dd")

    def generate(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.generate_btn.setEnabled(False)
        self.state.setObjectName("")
        self.state.setText(self.tr("正在生成 {0} 的日报…").format(self.selected_day()))
        self.bridge.call("daily_report", self.selected_day(), on_done=self._loaded, on_error=self._load_failed)

    def _loaded(self, report: dict[str, Any]) -> None:
        self._busy = False
        self.generate_btn.setEnabled(True)
        self.report = report
        t, g, r = report["totals"], report["green"], report["ratings"]
        values = {"issued": t["issued"], "served": t["served"], "no_show": t["no_show"],
                  "wait_mean": fmt_min(t["wait_mean_min"]), "wait_p90": fmt_min(t["wait_p90_min"]),
                  "service_mean": fmt_min(t["service_mean_min"]), "red_share": fmt_pct(t["sla_share"]["red"]),
                  "green": g["count"], "green_ok": fmt_pct(g["compliance"]), "rated": r["rated"],
                  "negative": r["negative"], "satisfaction": fmt_pct(r["satisfaction"])}
        for key, label in self.figures.items():
            label.setText(str(values[key]))
        fill(self.categories, [[f"{c['prefix']} {c['name']}", c["issued"], c["served"], c["no_show"],
                                c["waiting"] + c["at_window"], fmt_min(c["wait_mean_min"]),
                                fmt_min(c["wait_p90_min"]), fmt_min(c["service_mean_min"]),
                                fmt_pct(c["sla_share"]["red"])] for c in report["categories"]])
        fill(self.windows, [[w["name"], w["calls"], w["served"], fmt_min(w["service_mean_min"]), w["rated"],
                             w["negative"], fmt_pct(w["satisfaction"])] for w in report["windows"]])
        self.state.setText(self.tr("{0} 的日报：取号 {1}，办结 {2}，绿色通道 {3} 人（限时内叫号 {4}）。").format(
            report["day"], t["issued"], t["served"], g["count"], g["called_within_limit"]))
        self.save_btn.setEnabled(True)
        self.print_btn.setEnabled(True)
        self.loaded.emit(report)

    def _load_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.generate_btn.setEnabled(True)
        self._show_error(self.tr("日报生成失败：{0}").format(describe(exc)))

    def _show_error(self, text: str) -> None:
        self.state.setObjectName("error")
        self.state.setStyleSheet("color:#c42b1c;")
        self.state.setText(text)
        self.failed.emit(text)

    # -- PDF --------------------------------------------------------------------------------------

    def _hall_name(self) -> str:
        return str((self.report or {}).get("hall", {}).get("name") or self.tr("政务服务大厅"))

    def save_pdf(self, path: Path | str | None = None) -> None:
        """Ask for a file (unless `path` is given) and render the PDF there on a worker thread."""
        if self.report is None:
            return
        if path is None:
            suggested = f"日报-{self.report['day']}.pdf"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("保存日报"), suggested, self.tr("PDF 文件 (*.pdf)"))
            if not chosen:
                return
            path = chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"
        self.save_btn.setEnabled(False)
        self.state.setStyleSheet("")
        self.state.setText(self.tr("正在保存PDF…"))
        self.bridge.submit(render_pdf, self.report, self._hall_name(), str(path), on_done=self._saved,
                           on_error=self._save_failed, name="render_daily_report")

    def _saved(self, path: str) -> None:
        self.save_btn.setEnabled(True)
        self.state.setText(self.tr("日报已保存：{0}").format(path))
        self.saved.emit(path)

    def _save_failed(self, exc: BaseException) -> None:
        self.save_btn.setEnabled(True)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self._show_error(self.tr("PDF 保存失败：{0}").format(reason))

    def print_report(self) -> None:
        """Render and rasterise off the GUI thread, then ask for the printer and paint the pages."""
        if self.report is None:
            return
        self.print_btn.setEnabled(False)
        self.state.setText(self.tr("正在准备打印…"))
        self.bridge.submit(report_pages, self.report, self._hall_name(), on_done=self._choose_printer,
                           on_error=self._print_failed, name="render_daily_report")

    def _choose_printer(self, pages: list[QImage]) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        self.print_btn.setEnabled(True)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            self.state.setText(self.tr("已取消打印。"))
            return
        self.print_pages(pages, printer)

    def print_pages(self, pages: list[QImage], printer: Any) -> bool:
        """Each page image scaled into the printable area, aspect kept; the GUI thread only paints."""
        painter = QPainter()
        if not painter.begin(printer):
            self._show_error(self.tr("无法打开打印机"))
            return False
        try:
            area = printer.pageRect(printer.Unit.DevicePixel).toRect()
            for i, image in enumerate(pages):
                if i:
                    printer.newPage()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(QPoint(0, 0), size), image)
        finally:
            painter.end()
        self.state.setText(self.tr("日报已送打印机（{0} 页）。").format(len(pages)))
        return True

    def _print_failed(self, exc: BaseException) -> None:
        self.print_btn.setEnabled(True)
        self._show_error(self.tr("打印失败：{0}").format(describe(exc)))
