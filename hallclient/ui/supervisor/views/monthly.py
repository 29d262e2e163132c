"""月报 tab: pick a month, fetch its figures from the hall node, show the key ones and the tables, save the
report as PDF or Excel.

Follows the 日报 tab (`views/reports.py`): the figures come over the LAN (`bridge.call("monthly_report", …)`,
computed by the hall node from its own database) and the files are written on a worker thread
(`bridge.submit`), so a busy month never freezes the console.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hallclient.ui.common.errors import describe
from hallclient.ui.supervisor.controllers.console import ConsoleController
from hallclient.ui.supervisor.views.panels import fill, table
from hallclient.ui.supervisor.views.reports import fmt_min, fmt_pct


def render_file(report: dict[str, Any], path: str) -> str:
    """Worker-thread job: PDF or XLSX by the suffix (reportlab and openpyxl load here, not with the console)."""
    from hallclient.printing.monthly_report import render_monthly

    render_monthly(report, Path(path))
    return path


class MonthlyPanel(QWidget):
    """月报: month, generate, key figures, tables per category / window / clerk and the 红旗窗口 ranking."""

    loaded = Signal(dict)
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, console: ConsoleController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.console = console
        self.bridge = console.bridge
        self.report: dict[str, Any] | None = None
        self._busy = False
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.month = QDateEdit(QDate.currentDate(), self)
        self.month.setDisplayFormat("yyyy-MM")
        self.generate_btn = QPushButton(self.tr("生成月报…"), self)
        self.generate_btn.setProperty("primary", True)
        self.pdf_btn = QPushButton(self.tr("保存PDF…"), self)
        self.xlsx_btn = QPushButton(self.tr("保存Excel…"), self)
        self.generate_btn.clicked.connect(self.generate)
        self.pdf_btn.clicked.connect(lambda: self.save(suffix=".pdf"))
        self.xlsx_btn.clicked.connect(lambda: self.save(suffix=".xlsx"))
        for w in (QLabel(self.tr("月份"), self), self.month, self.generate_btn):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.pdf_btn)
        bar.addWidget(self.xlsx_btn)
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
        heads = [self.tr("取号"), self.tr("办结"), self.tr("过号"), self.tr("平均等候"), self.tr("P90 等候"),
                 self.tr("平均办理"), self.tr("红色预警"), self.tr("评价数"), self.tr("差评"), self.tr("满意率")]
        self.tables = QTabWidget(self)
        self.categories = table([self.tr("业务类别"), *heads], self)
        self.windows = table([self.tr("窗口"), *heads], self)
        self.clerks = table([self.tr("工作人员"), *heads], self)
        self.ranking = table([self.tr("名次"), self.tr("窗口"), self.tr("办结"), self.tr("评价数"), self.tr("满意率"),
                              self.tr("差评率"), self.tr("红旗")], self)
        for w, label in ((self.categories, self.tr("业务类别")), (self.windows, self.tr("窗口")),
                         (self.clerks, self.tr("工作人员")), (self.ranking, self.tr("红旗窗口"))):
            self.tables.addTab(w, label)
        lay.addWidget(self.tables, 1)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        lay.addWidget(self.rule)
        self.pdf_btn.setEnabled(False)
        self.xlsx_btn.setEnabled(False)

    def _figure_labels(self) -> list[tuple[str, str]]:
        return [("issued", self.tr("取号")), ("served", self.tr("办结")), ("no_show", self.tr("过号")),
                ("wait_mean", self.tr("平均等候（分钟）")), ("wait_p90", self.tr("P90 等候（分钟）")),
                ("service_mean", self.tr("平均办理（分钟）")), ("red_share", self.tr("红色预警占比")),
                ("green_ok", self.tr("绿色通道限时内叫号")), ("rated", self.tr("评价数")),
                ("negative", self.tr("差评")), ("satisfaction", self.tr("满意率")), ("rated_share", self.tr("参评率"))]

    def selected_month(self) -> str:
        return self.month.date().toString("yyyy-MM")

    def generate(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.generate_btn.setEnabled(False)
        self.state.setStyleSheet("")
        self.state.setText(self.tr("正在生成 {0} 的月报…").format(self.selected_month()))
        self.bridge.call("monthly_report", self.selected_month(), on_done=self._loaded, on_error=self._load_failed)

    @staticmethod
    def _row(name: str, f: dict[str, Any]) -> list[Any]:
        return [name, f["issued"], f["served"], f["no_show"], fmt_min(f["wait_mean_min"]), fmt_min(f["wait_p90_min"]),
                fmt_min(f["service_mean_min"]), fmt_pct(f["sla_share"]["red"]), f["rated"], f["negative"],
                fmt_pct(f["satisfaction"])]

    def _loaded(self, report: dict[str, Any]) -> None:
        self._busy = False
        self.generate_btn.setEnabled(True)
        self.report = report
        t = report["totals"]
        values = {"issued": t["issued"], "served": t["served"], "no_show": t["no_show"],
                  "wait_mean": fmt_min(t["wait_mean_min"]), "wait_p90": fmt_min(t["wait_p90_min"]),
                  "service_mean": fmt_min(t["service_mean_min"]), "red_share": fmt_pct(t["sla_share"]["red"]),
                  "green_ok": fmt_pct(t["green"]["compliance"]), "rated": t["rated"], "negative": t["negative"],
                  "satisfaction": fmt_pct(t["satisfaction"]), "rated_share": fmt_pct(t["rated_share"])}
        for key, label in self.figures.items():
            label.setText(str(values[key]))
        fill(self.categories, [self._row(f"{c['prefix']} {c['name']}", c) for c in report["categories"]])
        fill(self.windows, [self._row(w["name"], w) for w in report["windows"]])
        fill(self.clerks, [self._row(f"{c['staff_no']} {c['name']}", c) for c in report["clerks"]])
        flags = report["red_flags"]
        fill(self.ranking, [[r["rank"], r["name"], r["served"], r["rated"], fmt_pct(r["satisfaction"]),
                             fmt_pct(r["negative_rate"]), self.tr("红旗") if r["red_flag"] else ""]
                            for r in flags["windows"]])
        self.rule.setText(flags["rule"])
        self.state.setText(self.tr("{0} 的月报：取号 {1}，办结 {2}，满意率 {3}。").format(
            report["period"]["label"], t["issued"], t["served"], fmt_pct(t["satisfaction"])))
        self.pdf_btn.setEnabled(True)
        self.xlsx_btn.setEnabled(True)
        self.loaded.emit(report)

    def _load_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.generate_btn.setEnabled(True)
        self._show_error(self.tr("月报生成失败：{0}").format(describe(exc)))

    def _show_error(self, text: str) -> None:
        self.state.setStyleSheet("color:#c42b1c;")
        self.state.setText(text)
        self.failed.emit(text)

    def save(self, path: Path | str | None = None, suffix: str = ".pdf") -> None:
        """Ask for a file (unless `path` is given) and write the report there on a worker thread."""
        if self.report is None:
            return
        if path is None:
            kind = self.tr("PDF 文件 (*.pdf)") if suffix == ".pdf" else self.tr("Excel 文件 (*.xlsx)")
            suggested = f"月报-{self.report['period']['start'][:7]}{suffix}"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("保存月报"), suggested, kind)
            if not chosen:
                return
            path = chosen if chosen.lower().endswith(suffix) else chosen + suffix
        self.pdf_btn.setEnabled(False)
        self.xlsx_btn.setEnabled(False)
        self.state.setStyleSheet("")
        self.state.setText(self.tr("正在保存…"))
        self.bridge.submit(render_file, self.report, str(path), on_done=self._saved, on_error=self._save_failed,
                           name="render_monthly_report")

    def _saved(self, path: str) -> None:
        self.pdf_btn.setEnabled(True)
        self.xlsx_btn.setEnabled(True)
        self.state.setText(self.tr("月报已保存：{0}").format(path))
        self.saved.emit(path)

    def _save_failed(self, exc: BaseException) -> None:
        self.pdf_btn.setEnabled(True)
        self.xlsx_btn.setEnabled(True)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self._show_error(self.tr("月报保存失败：{0}").format(reason))
