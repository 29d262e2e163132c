"""Small non-blocking dialogs for transfer, pause, green channel and rating (opened with `open()`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from hallclient.ui.common.widgets import GREEN_REASONS, FormDialog, green_reason_label


class TransferDialog(FormDialog):
    """转办: to another category queue, or to one window; the original issue time is kept."""

    def __init__(self, categories: dict[str, dict[str, Any]], own_window: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("转办"), parent)
        self.to_category = QRadioButton(self.tr("转到业务类别"))
        self.to_window = QRadioButton(self.tr("转到窗口"))
        self.to_category.setChecked(True)
        self.category = QComboBox()
        for code, c in categories.items():
            self.category.addItem(c.get("name", code), code)
        self.window = QSpinBox()
        self.window.setRange(1, 9999)
        self.window.setValue(own_window + 1 if own_window < 9999 else 1)
        self.reason = QLineEdit()
        self.form.addRow(self.to_category, self.category)
        self.form.addRow(self.to_window, self.window)
        self.form.addRow(self.tr("原因"), self.reason)

    def values(self) -> dict[str, Any]:
        if self.to_category.isChecked():
            return {"to_category": self.category.currentData(), "reason": self.reason.text()}
        return {"to_window": self.window.value(), "reason": self.reason.text()}


class PauseDialog(FormDialog):
    """暂停 with a reason (the supervisor sees it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("暂停叫号"), parent)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems([self.tr("临时离开"), self.tr("业务咨询"), self.tr("系统故障"), self.tr("交接班"),
                              self.tr("会议")])
        self.form.addRow(self.tr("暂停原因"), self.reason)

    def problem(self) -> str:
        return "" if self.reason.currentText().strip() else self.tr("请填写暂停原因")

    def values(self) -> dict[str, Any]:
        return {"reason": self.reason.currentText().strip()}


class GreenDialog(FormDialog):
    """标记绿色通道: reason from the fixed list; "other" needs a note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("标记绿色通道"), parent)
        self.reason = QComboBox()
        for code in GREEN_REASONS:
            self.reason.addItem(green_reason_label(code), code)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.form.addRow(self.tr("原因"), self.reason)
        self.form.addRow(self.tr("说明"), self.note)

    def problem(self) -> str:
        if self.reason.currentData() == "other" and not self.note.text().strip():
            return self.tr("选择“其他”时请填写说明")
        return ""

    def values(self) -> dict[str, Any]:
        return {"reason": self.reason.currentData(), "note": self.note.text().strip()}


RATING_LEVELS = (5, 4, 3, 2, 1)


class RatingDialog(FormDialog):
    """好差评: five levels; 不满意 and 非常不满意 need a reason (followed up by the supervisor)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("记录评价"), parent)
        labels = {5: self.tr("非常满意"), 4: self.tr("满意"), 3: self.tr("基本满意"), 2: self.tr("不满意"),
                  1: self.tr("非常不满意")}
        self.group = QButtonGroup(self)
        grid = QGridLayout()
        self.level_buttons: dict[int, QPushButton] = {}
        for i, level in enumerate(RATING_LEVELS):
            btn = QPushButton(f"{labels[level]}\n({i + 1})")
            btn.setCheckable(True)
            btn.setShortcut(str(i + 1))
            self.group.addButton(btn, level)
            self.level_buttons[level] = btn
            grid.addWidget(btn, 0, i)
        self.level_buttons[5].setChecked(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("差评必须填写原因"))
        self.form.addRow(grid)
        self.form.addRow(self.tr("原因"), self.reason)
        self.group.idToggled.connect(self._sync)
        self._sync()

    def _sync(self, *_: Any) -> None:
        self.reason.setEnabled(self.group.checkedId() in (1, 2))

    def problem(self) -> str:
        if self.group.checkedId() in (1, 2) and not self.reason.text().strip():
            return self.tr("不满意或非常不满意时请填写原因")
        return ""

    def values(self) -> dict[str, Any]:
        level = self.group.checkedId()
        return {"level": level, "reason": self.reason.text().strip() if level in (1, 2) else ""}
