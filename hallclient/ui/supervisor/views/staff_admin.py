"""The console's 人员与窗口 tab: staff (add, edit, deactivate, photo, one-time password) and windows (add, edit,
retire, restore). Admins change; a supervisor sees the lists and may reset the passwords the hall node lets them.

Dialogs open with `open()` (never blocking the event loop); every change goes to the node through
`StaffAdminController` and the lists follow the node's answer and events.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallclient.domain.staff import STAFF_ROLE_ORDER
from hallclient.ui.common.widgets import FormDialog
from hallclient.ui.common.window_dialog import WindowDialog
from hallclient.ui.supervisor.controllers.console import ConsoleController
from hallclient.ui.supervisor.controllers.staff_admin import StaffAdminController
from hallclient.ui.supervisor.views.panels import fill, table


def role_label(role: str) -> str:
    """The translated name of a staff role (the role list itself is `domain.staff`)."""
    return {"clerk": QCoreApplication.translate("StaffAdmin", "窗口人员"),
            "reception": QCoreApplication.translate("StaffAdmin", "导服"),
            "supervisor": QCoreApplication.translate("StaffAdmin", "值班长"),
            "admin": QCoreApplication.translate("StaffAdmin", "管理员")}.get(role, role)


class StaffDialog(FormDialog):
    """新增人员 / 编辑人员: staff number (new only), name, role, default window."""

    def __init__(self, windows: list[int], staff: dict[str, Any] | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("编辑人员") if staff else self.tr("新增人员"), parent)
        self.staff_no, self.name = QLineEdit(), QLineEdit()
        self.staff_no.setMaxLength(20)
        self.name.setMaxLength(40)
        self.role = QComboBox()
        for role in STAFF_ROLE_ORDER:
            self.role.addItem(role_label(role.value), role.value)
        self.window = QComboBox()
        self.window.addItem(self.tr("（无）"), None)
        for no in windows:
            self.window.addItem(self.tr("{0} 号窗口").format(no), no)
        self.form.addRow(self.tr("工号"), self.staff_no)
        self.form.addRow(self.tr("姓名"), self.name)
        self.form.addRow(self.tr("角色"), self.role)
        self.form.addRow(self.tr("默认窗口"), self.window)
        if staff:
            self.staff_no.setText(staff["staff_no"])
            self.staff_no.setEnabled(False)
            self.name.setText(staff["name"])
            self.role.setCurrentIndex(max(0, self.role.findData(staff["role"])))
            self.window.setCurrentIndex(max(0, self.window.findData(staff.get("default_window"))))
        else:
            note = QLabel(self.tr("保存后系统生成一次性密码，请转告本人；首次登录时须设置自己的密码。"))
            note.setWordWrap(True)
            note.setObjectName("notice")
            self.lay.insertWidget(1, note)
        self.setMinimumWidth(420)

    def problem(self) -> str:
        if not self.staff_no.text().strip():
            return self.tr("请填写工号")
        if not self.name.text().strip():
            return self.tr("请填写姓名")
        return ""

    def values(self) -> dict[str, Any]:
        return {"staff_no": self.staff_no.text().strip(), "name": self.name.text().strip(),
                "role": self.role.currentData(), "default_window": self.window.currentData()}


class StaffAdminPanel(QWidget):
    def __init__(self, console: ConsoleController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.console = console
        self.ctl = StaffAdminController(console.bridge, self)
        self.dialog: QDialog | None = None
        self.last_password: tuple[str, str, str] | None = None
        lay = QHBoxLayout(self)
        staff_box = QGroupBox(self.tr("人员"), self)
        sl = QVBoxLayout(staff_box)
        self.staff = table([self.tr("工号"), self.tr("姓名"), self.tr("角色"), self.tr("默认窗口"), self.tr("状态"),
                            self.tr("照片"), self.tr("密码")], staff_box)
        self.staff.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        sl.addWidget(self.staff, 1)
        row = QHBoxLayout()
        self.add_staff_btn, self.edit_staff_btn, self.active_btn = (QPushButton(staff_box) for _ in range(3))
        self.photo_btn, self.no_photo_btn, self.reset_btn = (QPushButton(staff_box) for _ in range(3))
        for b, text in ((self.add_staff_btn, self.tr("新增人员…")), (self.edit_staff_btn, self.tr("编辑…")),
                        (self.active_btn, self.tr("停用")), (self.photo_btn, self.tr("照片…")),
                        (self.no_photo_btn, self.tr("删除照片")), (self.reset_btn, self.tr("重置密码"))):
            b.setText(text)
            row.addWidget(b)
        sl.addLayout(row)
        self.photo = QLabel(staff_box)
        self.photo.setFixedSize(96, 128)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("border:1px solid #c8c8c8; background:#fafafa;")
        self.photo_note = QLabel(self.tr("窗口评价器上显示的照片（JPEG/PNG，自动缩小到 480×640 以内）"), staff_box)
        self.photo_note.setWordWrap(True)
        prow = QHBoxLayout()
        prow.addWidget(self.photo)
        prow.addWidget(self.photo_note, 1)
        sl.addLayout(prow)
        lay.addWidget(staff_box, 5)

        win_box = QGroupBox(self.tr("窗口"), self)
        wl = QVBoxLayout(win_box)
        self.wins = table([self.tr("窗口"), self.tr("名称"), self.tr("区域"), self.tr("潮汐"), self.tr("状态"),
                           self.tr("默认主办"), self.tr("默认协办")], win_box)
        self.wins.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.wins.setColumnWidth(1, 130)  # long names (…（综合咨询·帮办代办）) are elided, not the categories
        self.wins.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        wl.addWidget(self.wins, 1)
        wrow = QHBoxLayout()
        self.add_win_btn, self.edit_win_btn, self.retire_btn = (QPushButton(win_box) for _ in range(3))
        for b, text in ((self.add_win_btn, self.tr("新增窗口…")), (self.edit_win_btn, self.tr("编辑…")),
                        (self.retire_btn, self.tr("停用窗口"))):
            b.setText(text)
            wrow.addWidget(b)
        wrow.addStretch(1)
        wl.addLayout(wrow)
        self.hint = QLabel(self.tr("停用的窗口保留其办件记录，可随时恢复使用。窗口有人员在岗、有正在办理的号"
                                   "或被潮汐方案使用时不能停用。"), win_box)
        self.hint.setWordWrap(True)
        wl.addWidget(self.hint)
        lay.addWidget(win_box, 6)

        self.add_staff_btn.clicked.connect(self.new_staff)
        self.edit_staff_btn.clicked.connect(self.edit_selected_staff)
        self.active_btn.clicked.connect(self.toggle_active)
        self.photo_btn.clicked.connect(self.choose_photo)
        self.no_photo_btn.clicked.connect(self.remove_photo)
        self.reset_btn.clicked.connect(self.reset_password)
        self.add_win_btn.clicked.connect(self.new_window)
        self.edit_win_btn.clicked.connect(self.edit_selected_window)
        self.retire_btn.clicked.connect(self.retire_or_restore)
        self.staff.itemSelectionChanged.connect(self._staff_selected)
        self.wins.itemSelectionChanged.connect(self._update_buttons)
        self.ctl.loaded.connect(self.refresh)
        self.ctl.one_time.connect(self.show_one_time)
        self.ctl.photo_loaded.connect(self._show_photo)
        self.ctl.done.connect(console.message)
        self.ctl.failed.connect(console.error)
        self._update_buttons()

    # -- lists ------------------------------------------------------------------------------------------

    def load(self) -> None:
        self.ctl.refresh()

    def refresh(self) -> None:
        keep_staff, keep_win = self.selected_staff(), self.selected_window()
        fill(self.staff, [[s["staff_no"], s["name"], role_label(s["role"]), s.get("default_window") or "",
                           self.state_label(s), self.tr("有") if s.get("has_photo") else "",
                           self.tr("待本人设置") if s.get("must_change_password") else ""] for s in self.ctl.staff])
        names = self.console.name
        fill(self.wins, [[w["no"], w["name"], w["zone"], self.tr("是") if w["tidal"] else "",
                          self.tr("已停用") if w["retired"] else (w.get("clerk") or self.tr("使用中")),
                          "、".join(map(names, w["default_primary"])), "、".join(map(names, w["default_secondary"]))]
                         for w in self.ctl.windows])
        for t, rows, key, keep in ((self.staff, self.ctl.staff, "staff_no", keep_staff),
                                   (self.wins, self.ctl.windows, "no", keep_win)):
            for i, r in enumerate(rows):
                if keep is not None and r[key] == keep[key]:
                    t.selectRow(i)
        self._update_buttons()

    def state_label(self, s: dict[str, Any]) -> str:
        if not s["active"]:
            return self.tr("已停用")
        return self.tr("锁定中") if s.get("locked") else self.tr("在用")

    def selected_staff(self) -> dict[str, Any] | None:
        rows = sorted({i.row() for i in self.staff.selectedIndexes()})
        return self.ctl.staff[rows[0]] if rows and rows[0] < len(self.ctl.staff) else None

    def selected_window(self) -> dict[str, Any] | None:
        rows = sorted({i.row() for i in self.wins.selectedIndexes()})
        return self.ctl.windows[rows[0]] if rows and rows[0] < len(self.ctl.windows) else None

    def _staff_selected(self) -> None:
        s = self.selected_staff()
        self.photo.clear()
        self.photo.setText(self.tr("无照片") if s is not None and not s.get("has_photo") else "")
        if s is not None and s.get("has_photo"):
            self.ctl.load_photo(s["staff_no"])
        self._update_buttons()

    def _show_photo(self, staff_no: str, data: bytes) -> None:
        s = self.selected_staff()
        if s is None or s["staff_no"] != staff_no:
            return
        pix = QPixmap()
        if data and pix.loadFromData(data):
            self.photo.setPixmap(pix.scaled(self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))

    def _update_buttons(self) -> None:
        admin = self.console.is_admin
        s, w = self.selected_staff(), self.selected_window()
        self.add_staff_btn.setEnabled(admin)
        self.add_win_btn.setEnabled(admin)
        for b in (self.edit_staff_btn, self.active_btn, self.photo_btn):
            b.setEnabled(admin and s is not None)
        self.no_photo_btn.setEnabled(admin and s is not None and bool(s.get("has_photo")))
        self.reset_btn.setEnabled(s is not None and s["active"])
        self.active_btn.setText(self.tr("启用") if s is not None and not s["active"] else self.tr("停用"))
        self.edit_win_btn.setEnabled(admin and w is not None and not w["retired"])
        self.retire_btn.setEnabled(admin and w is not None)
        self.retire_btn.setText(self.tr("恢复使用") if w is not None and w["retired"] else self.tr("停用窗口"))

    # -- staff ------------------------------------------------------------------------------------------

    def _window_numbers(self) -> list[int]:
        return [w["no"] for w in self.ctl.windows if not w["retired"]]

    def _open(self, dlg: QDialog, on_ok: Any) -> QDialog:
        dlg.accepted.connect(on_ok)
        self.dialog = dlg
        dlg.open()
        return dlg

    def new_staff(self) -> QDialog:
        dlg = StaffDialog(self._window_numbers(), None, self)
        return self._open(dlg, lambda: self.ctl.add_staff(**dlg.values()))

    def edit_selected_staff(self) -> QDialog | None:
        s = self.selected_staff()
        if s is None:
            return None
        dlg = StaffDialog(self._window_numbers(), s, self)

        def save() -> None:
            v = dlg.values()
            changes = {k: v[k] for k in ("name", "role", "default_window") if v[k] != s.get(k)}
            if changes:
                self.ctl.edit_staff(s["staff_no"], **changes)

        return self._open(dlg, save)

    def toggle_active(self) -> None:
        s = self.selected_staff()
        if s is None:
            return
        if s["active"]:
            text = self.tr("停用 {0} {1}？其登录立即结束；如在窗口在岗，将离开窗口（正在办理的号留在窗口）。")
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("停用人员"), text.format(s["staff_no"], s["name"]),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.accepted.connect(lambda: self.ctl.set_active(s["staff_no"], False))
            self.dialog = box
            box.open()
        else:
            self.ctl.set_active(s["staff_no"], True)

    def choose_photo(self) -> None:
        s = self.selected_staff()
        if s is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择照片"), "", self.tr("图片 (*.jpg *.jpeg *.png)"))
        if path:
            self.ctl.upload_photo(s["staff_no"], path)

    def remove_photo(self) -> None:
        s = self.selected_staff()
        if s is not None:
            self.ctl.delete_photo(s["staff_no"])

    def reset_password(self) -> None:
        s = self.selected_staff()
        if s is not None:
            self.ctl.reset_password(s["staff_no"], s["name"])

    def show_one_time(self, staff_no: str, name: str, password: str) -> QMessageBox:
        """The one-time password, shown once, in a box the admin can read out or copy."""
        self.last_password = (staff_no, name, password)
        text = self.tr("{0} {1} 的一次性密码：\n\n{2}\n\n仅显示这一次，请转告本人。首次登录时须设置自己的新密码。")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("一次性密码"), text.format(staff_no, name, password),
                          QMessageBox.StandardButton.Ok, self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dialog = box
        box.open()
        return box

    # -- windows ----------------------------------------------------------------------------------------

    def new_window(self) -> QDialog:
        dlg = WindowDialog(self.console.categories, None, {w["no"] for w in self.ctl.windows}, self)
        return self._open(dlg, lambda: self.ctl.add_window(**dlg.values()))

    def edit_selected_window(self) -> QDialog | None:
        w = self.selected_window()
        if w is None or w["retired"]:
            return None
        dlg = WindowDialog(self.console.categories, w, set(), self)

        def save() -> None:
            v = dlg.values()
            old = {"name": w["name"], "zone": w["zone"], "tidal": w["tidal"], "primary": w["default_primary"],
                   "secondary": w["default_secondary"]}
            changes = {k: v[k] for k in old if v[k] != old[k]}
            if "primary" in changes or "secondary" in changes:
                changes["primary"], changes["secondary"] = v["primary"], v["secondary"]
            if changes:
                self.ctl.edit_window(w["no"], **changes)

        return self._open(dlg, save)

    def retire_or_restore(self) -> None:
        w = self.selected_window()
        if w is None:
            return
        if w["retired"]:
            self.ctl.restore_window(w["no"])
            return
        text = self.tr("停用 {0} 号窗口？停用后不再显示、不能登录和叫号，办件记录保留，可随时恢复使用。")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("停用窗口"), text.format(w["no"]),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.accepted.connect(lambda: self.ctl.retire_window(w["no"], self.tr("管理员停用")))
        self.dialog = box
        box.open()
