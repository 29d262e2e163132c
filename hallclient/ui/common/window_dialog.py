"""新增窗口 / 编辑窗口: one window's number, name, zone, tidal flag and the categories it serves by default.

Used by the console's 人员与窗口 tab and by the first-run wizard (which may add a run of windows alike).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from hallclient.ui.common.widgets import FormDialog


class WindowDialog(FormDialog):
    """新增窗口 / 编辑窗口: number (new only), name, zone, tidal, and the categories it serves by default."""

    def __init__(self, categories: dict[str, dict[str, Any]], window: dict[str, Any] | None,
                 used: set[int], parent: QWidget | None = None, *, batch: bool = False,
                 edit_note: bool = True) -> None:
        super().__init__(self.tr("编辑窗口") if window else self.tr("新增窗口"), parent)
        self.used = used
        self.no = QSpinBox()
        self.no.setRange(1, 9999)
        self.no.setValue(max(used, default=0) + 1)
        self.count = QSpinBox()  # set-up: add a run of windows alike (1号 … 10号) in one go
        self.count.setRange(1, 99)
        self.name, self.zone = QLineEdit(), QLineEdit()
        self.name.setMaxLength(40)
        self.zone.setMaxLength(20)
        self.zone.setPlaceholderText(self.tr("如：东区、西区"))
        self.tidal = QCheckBox(self.tr("潮汐窗口（值班长可在高峰时切换其业务）"))
        self.form.addRow(self.tr("窗口号"), self.no)
        if batch and window is None:
            self.count.setSuffix(self.tr(" 个（连续编号）"))
            self.form.addRow(self.tr("数量"), self.count)
            self.name.setPlaceholderText(self.tr("留空则为“N号窗口”"))
        self.form.addRow(self.tr("名称"), self.name)
        self.form.addRow(self.tr("区域"), self.zone)
        self.form.addRow("", self.tidal)
        self.codes = list(categories)
        self.cats = QTableWidget(len(self.codes), 3, self)
        self.cats.setHorizontalHeaderLabels([self.tr("业务类别"), self.tr("主办"), self.tr("协办")])
        self.cats.verticalHeader().setVisible(False)
        self.cats.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cats.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        primary = set((window or {}).get("default_primary", []))
        secondary = set((window or {}).get("default_secondary", []))
        for i, code in enumerate(self.codes):
            self.cats.setItem(i, 0, QTableWidgetItem(f"{categories[code]['name']}（{code}）"))
            for j, chosen in ((1, primary), (2, secondary)):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)
                self.cats.setItem(i, j, item)
        self.form.addRow(self.tr("默认业务"), self.cats)
        if window:
            self.no.setValue(window["no"])
            self.no.setEnabled(False)
            self.name.setText(window["name"])
            self.zone.setText(window["zone"])
            self.tidal.setChecked(bool(window["tidal"]))
        if window and edit_note:
            note = QLabel(self.tr("修改默认业务后立即生效（自本窗口下一次叫号起），并记入审计日志。"))
            note.setWordWrap(True)
            note.setObjectName("notice")
            self.lay.insertWidget(1, note)
        self.editing = window is not None
        self.resize(520, 560)

    def chosen(self, column: int) -> list[str]:
        return [code for i, code in enumerate(self.codes)
                if self.cats.item(i, column).checkState() == Qt.CheckState.Checked]

    def numbers(self) -> list[int]:
        return list(range(self.no.value(), self.no.value() + self.count.value()))

    def problem(self) -> str:
        taken = [no for no in self.numbers() if no in self.used] if not self.editing else []
        if taken:
            return self.tr("{0} 号窗口已存在（已停用的窗口请“恢复使用”）").format(taken[0])
        if self.numbers()[-1] > 9999:
            return self.tr("窗口号最大为 9999")
        primary, secondary = self.chosen(1), self.chosen(2)
        if not primary:
            return self.tr("请至少选择一个主办业务")
        both = sorted(set(primary) & set(secondary))
        if both:
            return self.tr("同一业务不能既是主办又是协办：{0}").format("、".join(both))
        return ""

    def values(self) -> dict[str, Any]:
        return {"no": self.no.value(), "name": self.name.text().strip(), "zone": self.zone.text().strip(),
                "tidal": self.tidal.isChecked(), "primary": self.chosen(1), "secondary": self.chosen(2)}
