"""新建大厅: the first-run wizard for a real hall on this PC (the launcher offers it when the embedded hall node
has no database yet and the user does not choose the demo hall).

It asks what `hallclient hall init` asks (the hall's name and code, time zone, opening hours and weekdays, the
service catalogue, the windows with zone, tidal flag and default categories, the first admin and their
password) and then runs that very command in a child process with a hall file it writes, so the checks are the
same as for a hall file and the UI never opens the database itself. The child's refusal, if any, is shown on the
last page and nothing is created.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QProcess, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from hallclient.catalogue.model import Catalogue
from hallclient.catalogue.validate import CatalogueInvalid
from hallclient.domain.staff import staff_no_problem
from hallclient.hallsetup.hallfile import HALL_CODE_RE, JSON_FORMAT_TAG, JSON_VERSION, load_catalogue_for_hall
from hallclient.hallsetup.prompts import sample_catalogue_path
from hallclient.ui.common.bridge import run_in_background
from hallclient.ui.common.embedded import hallclient_command
from hallclient.ui.common.password import new_password_problem, rule_text
from hallclient.ui.common.window_dialog import WindowDialog

TIMEZONES = ("Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei")


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("error")
    label.setWordWrap(True)
    return label


class HallPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("大厅信息"))
        self.setSubTitle(self.tr("大厅的名称和编码、所在时区、开放时间和开放日。"))
        self.name, self.code = QLineEdit(self), QLineEdit(self)
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(self.tr("如：某某区政务服务中心"))
        self.code.setMaxLength(20)
        self.code.setPlaceholderText(self.tr("字母或数字，如 XHQ"))
        self.tz = QComboBox(self)
        self.tz.setEditable(True)
        self.tz.addItems(TIMEZONES)
        self.opens, self.closes = QTimeEdit(QTime(9, 0), self), QTimeEdit(QTime(17, 0), self)
        for t in (self.opens, self.closes):
            t.setDisplayFormat("HH:mm")
        hours = QHBoxLayout()
        hours.addWidget(self.opens)
        hours.addWidget(QLabel("—", self))
        hours.addWidget(self.closes)
        hours.addStretch(1)
        days = QHBoxLayout()
        self.days = [QCheckBox(text, self) for text in (self.tr("周一"), self.tr("周二"), self.tr("周三"),
                                                        self.tr("周四"), self.tr("周五"), self.tr("周六"),
                                                        self.tr("周日"))]
        for i, box in enumerate(self.days):
            box.setChecked(i < 5)
            days.addWidget(box)
        days.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("大厅名称"), self.name)
        form.addRow(self.tr("大厅编码"), self.code)
        form.addRow(self.tr("时区"), self.tz)
        form.addRow(self.tr("开放时间"), hours)
        form.addRow(self.tr("开放日"), days)
        self.error = _error_label(self)
        form.addRow(self.error)

    def problem(self) -> str:
        if not self.name.text().strip():
            return self.tr("请填写大厅名称")
        if not HALL_CODE_RE.match(self.code.text().strip()):
            return self.tr("大厅编码为 1-20 位字母、数字、下划线或连字符")
        try:
            ZoneInfo(self.tz.currentText().strip())
        except (ZoneInfoNotFoundError, ValueError):
            return self.tr("未知的时区：{0}").format(self.tz.currentText())
        if self.opens.time() >= self.closes.time():
            return self.tr("开门时间须早于关门时间")
        if not any(b.isChecked() for b in self.days):
            return self.tr("请至少选择一个开放日")
        return ""

    def validatePage(self) -> bool:
        self.error.setText(self.problem())
        return not self.error.text()

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "code": self.code.text().strip(),
                "timezone": self.tz.currentText().strip(), "opens_at": self.opens.time().toString("HH:mm"),
                "closes_at": self.closes.time().toString("HH:mm"),
                "weekdays": [i + 1 for i, b in enumerate(self.days) if b.isChecked()]}


class CataloguePage(QWizardPage):
    """The service catalogue (JSON or XLSX, as `catalog import` takes it): the windows' categories come from it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("业务目录"))
        self.setSubTitle(self.tr("选择本大厅的业务类别和事项文件（JSON 或 XLSX，格式同“事项导入”）。"
                                 "也可先用示例目录，之后用“hallclient catalog import”导入正式目录。"))
        self.catalogue: Catalogue | None = None
        self.path = QLineEdit(self)
        self.path.setReadOnly(True)
        self.browse, self.sample = QPushButton(self.tr("选择文件…"), self), QPushButton(self.tr("使用示例目录"), self)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        row.addWidget(self.sample)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.list = QListWidget(self)
        self.problems = QPlainTextEdit(self)
        self.problems.setReadOnly(True)
        self.problems.hide()
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.state)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.problems, 1)
        self.browse.clicked.connect(self._choose)
        self.sample.clicked.connect(lambda: self.load(sample_catalogue_path()))

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择业务目录"), "", self.tr("业务目录 (*.json *.xlsx)"))
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Read and check the file off the GUI thread; `completeChanged` when it is done."""
        self.catalogue = None
        self.path.setText(str(path))
        self.state.setText(self.tr("正在检查 {0} …").format(path.name))
        self.list.clear()
        self.problems.hide()
        self.completeChanged.emit()
        run_in_background(load_catalogue_for_hall, path, parent=self, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        text = self.tr("{0} 个业务类别，{1} 个事项")
        self.state.setText(text.format(len(catalogue.categories), len(catalogue.items)))
        for c in catalogue.sorted_categories():
            self.list.addItem(f"{c.code}　{c.name}")
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        problems = exc.problems if isinstance(exc, CatalogueInvalid) else [exc]
        self.state.setText(self.tr("文件有 {0} 处问题，请改正后重新选择：").format(len(problems)))
        self.problems.setPlainText("\n".join(str(p) for p in problems))
        self.problems.show()

    def isComplete(self) -> bool:
        return self.catalogue is not None

    def categories(self) -> dict[str, dict[str, Any]]:
        cats = self.catalogue.sorted_categories() if self.catalogue else []
        return {c.code: {"name": c.name} for c in cats}


class WindowsPage(QWizardPage):
    def __init__(self, catalogue: CataloguePage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("窗口"))
        self.setSubTitle(self.tr("每个窗口的编号、名称、区域，是否潮汐窗口，以及默认办理的业务（主办、协办）。"
                                 "可一次添加多个相同设置的窗口。"))
        self.catalogue = catalogue
        self.windows: list[dict[str, Any]] = []
        self.dialog: WindowDialog | None = None
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("窗口号"), self.tr("名称"), self.tr("区域"), self.tr("潮汐"),
                                              self.tr("主办业务"), self.tr("协办业务")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add, self.edit, self.remove = (QPushButton(t, self) for t in (self.tr("添加窗口…"), self.tr("编辑…"),
                                                                           self.tr("删除")))
        row = QHBoxLayout()
        for b in (self.add, self.edit, self.remove):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        self.add.clicked.connect(self.add_windows)
        self.edit.clicked.connect(self.edit_window)
        self.remove.clicked.connect(self.remove_window)
        self.table.doubleClicked.connect(lambda _i: self.edit_window())

    def _selected(self) -> int | None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return rows[0] if rows else None

    def add_windows(self) -> WindowDialog:
        dlg = WindowDialog(self.catalogue.categories(), None, {w["no"] for w in self.windows}, self, batch=True)
        dlg.accepted.connect(lambda: self._added(dlg))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _added(self, dlg: WindowDialog) -> None:
        v = dlg.values()
        for no in dlg.numbers():
            name = v["name"] if v["name"] and dlg.count.value() == 1 else self.tr("{0}号窗口").format(no)
            self.windows.append({**v, "no": no, "name": name})
        self.windows.sort(key=lambda w: w["no"])
        self.refresh()

    def edit_window(self) -> WindowDialog | None:
        row = self._selected()
        if row is None:
            return None
        w = self.windows[row]
        shown = {**w, "default_primary": w["primary"], "default_secondary": w["secondary"]}
        dlg = WindowDialog(self.catalogue.categories(), shown, set(), self, edit_note=False)
        dlg.accepted.connect(lambda: self._edited(row, dlg))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _edited(self, row: int, dlg: WindowDialog) -> None:
        self.windows[row] = {**dlg.values(), "no": self.windows[row]["no"]}
        self.refresh()

    def remove_window(self) -> None:
        row = self._selected()
        if row is not None:
            del self.windows[row]
            self.refresh()

    def refresh(self) -> None:
        names = self.catalogue.categories()

        def named(codes: list[str]) -> str:
            return "、".join(names.get(c, {}).get("name", c) for c in codes)

        self.table.setRowCount(len(self.windows))
        for i, w in enumerate(self.windows):
            cells = (str(w["no"]), w["name"] or self.tr("{0}号窗口").format(w["no"]), w["zone"],
                     self.tr("是") if w["tidal"] else "", named(w["primary"]), named(w["secondary"]))
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.windows)


class AdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("第一位管理员"))
        self.setSubTitle(self.tr("管理员登录值班长控制台，在“人员与窗口”中添加其他人员（他们首次登录时设置自己的密码）。"))
        self.staff_no, self.name, self.password, self.again = (QLineEdit(self) for _ in range(4))
        self.staff_no.setMaxLength(20)
        self.name.setMaxLength(40)
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(200)
        form = QFormLayout(self)
        form.addRow(self.tr("工号"), self.staff_no)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("再次输入"), self.again)
        note = QLabel(self.tr("密码至少 8 位，不能与工号相同，也不能使用演示大厅的密码。"), self)
        note.setWordWrap(True)
        form.addRow(note)
        self.error = _error_label(self)
        form.addRow(self.error)

    def problem(self) -> str:
        if staff_no_problem(self.staff_no.text().strip()):
            return self.tr("工号为 1-20 位字母、数字、下划线、点或连字符")
        if not self.name.text().strip():
            return self.tr("请填写姓名")
        rule = new_password_problem(self.password.text(), self.again.text(), self.staff_no.text().strip(), "")
        return rule_text(rule) if rule else ""

    def validatePage(self) -> bool:
        self.error.setText(self.problem())
        return not self.error.text()


class FinishPage(QWizardPage):
    """The summary, and the `hall init` run when 创建大厅 is pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("创建大厅"))
        self.setSubTitle(self.tr("确认后在本机创建大厅数据库，然后打开所选的角色。"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.output = QPlainTextEdit(self)
        self.output.setReadOnly(True)
        self.output.hide()
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.state)
        lay.addWidget(self.output, 1)
        self.setFinalPage(True)

    def initializePage(self) -> None:
        wiz: HallWizard = self.wizard()  # type: ignore[assignment]
        h = wiz.hall.values()
        days = "、".join(wiz.hall.days[d - 1].text() for d in h["weekdays"])
        text = self.tr("{0}（{1}），{2}，{3}–{4}，{5}\n{6} 个业务类别，{7} 个窗口；管理员 {8} {9}")
        self.summary.setText(text.format(
            h["name"], h["code"], h["timezone"], h["opens_at"], h["closes_at"], days,
            len(wiz.catalogue.categories()), len(wiz.windows.windows), wiz.admin.staff_no.text().strip(),
            wiz.admin.name.text().strip()))

    def validatePage(self) -> bool:
        wiz: HallWizard = self.wizard()  # type: ignore[assignment]
        if wiz.created:
            return True
        wiz.create()
        return False


class HallWizard(QWizard):
    """Accepted once `hallclient --db DB hall init` has created the hall; `created` says so."""

    def __init__(self, db: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = Path(db)
        self.created = False
        self.process: QProcess | None = None
        self.setWindowTitle(self.tr("政务服务大厅 · 新建大厅"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.hall = HallPage(self)
        self.catalogue = CataloguePage(self)
        self.windows = WindowsPage(self.catalogue, self)
        self.admin = AdminPage(self)
        self.finish = FinishPage(self)
        for page in (self.hall, self.catalogue, self.windows, self.admin, self.finish):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("创建大厅"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.resize(820, 600)

    def hall_document(self) -> dict[str, Any]:
        """The answers as a hall file (`hallsetup.hallfile`); the catalogue goes as --catalogue."""
        h = self.hall.values()
        return {"format": JSON_FORMAT_TAG, "version": JSON_VERSION,
                "hall": {**h, "admin_staff_no": self.admin.staff_no.text().strip(),
                         "admin_name": self.admin.name.text().strip()},
                "windows": [{k: w[k] for k in ("no", "name", "zone", "tidal", "primary", "secondary")}
                            for w in self.windows.windows],
                "staff": []}

    def command(self, hall_file: Path) -> list[str]:
        return [*hallclient_command(), "--db", str(self.db), "hall", "init", "--from", str(hall_file),
                "--catalogue", self.catalogue.path.text(), "--admin-password-stdin", "--yes"]

    def create(self) -> None:
        """Run `hall init` in a child process (the UI never opens the database); the answer comes back in
        `_done`. The admin's password goes through the child's standard input, never the command line."""
        if self.process is not None:
            return
        folder = Path(tempfile.mkdtemp(prefix="hallclient-setup-"))
        hall_file = folder / "hall.json"
        hall_file.write_text(json.dumps(self.hall_document(), ensure_ascii=False), encoding="utf-8")
        self.db.parent.mkdir(parents=True, exist_ok=True)
        cmd = self.command(hall_file)
        proc = QProcess(self)
        proc.finished.connect(lambda code, _status: self._done(code, hall_file))
        self.process = proc
        self.finish.state.setText(self.tr("正在创建大厅…"))
        self.finish.output.hide()
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        proc.start(cmd[0], cmd[1:])
        proc.write((self.admin.password.text() + "\n").encode("utf-8"))
        proc.closeWriteChannel()

    def _done(self, code: int, hall_file: Path) -> None:
        proc, self.process = self.process, None
        out = bytes(proc.readAllStandardOutput().data()).decode("utf-8", "replace") if proc else ""
        err = bytes(proc.readAllStandardError().data()).decode("utf-8", "replace") if proc else ""
        hall_file.unlink(missing_ok=True)
        hall_file.parent.rmdir()
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        if code == 0:
            self.created = True
            self.finish.state.setText(self.tr("大厅已创建。"))
            self.accept()
            return
        self.finish.state.setText(self.tr("未能创建大厅，什么也没有改变。原因："))
        self.finish.output.setPlainText((err or out).strip())
        self.finish.output.show()

    def done(self, result: int) -> None:
        if self.process is not None:  # still creating: wait for it
            return
        super().done(result)

