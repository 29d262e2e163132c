"""Live hall: a tile per window, a row per category with its SLA colour, hall totals; tidal switch by
context menu (two clicks) or by dragging a category onto a window, always through a confirmation that
shows the effect."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QDrag, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallclient.ui.common.theme import SLA_BACKGROUNDS, SLA_COLOURS
from hallclient.ui.common.widgets import sla_label
from hallclient.ui.supervisor.controllers.console import ConsoleController

MIME = "application/x-hallclient-category"
STATE_COLOURS = {"idle": "#2b6cb0", "calling": "#d69e00", "serving": "#1e8e3e", "paused": "#8a8a8a",
                 "closed": "#b0b0b0"}


def fmt_wait(seconds: float) -> str:
    s = max(0, int(seconds))
    return f"{s // 60}:{s % 60:02d}" if s < 3600 else f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def parse_utc(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


class WindowTile(QFrame):
    """One window: number, state, clerk, current ticket and its time, categories, tidal marker."""

    switch_requested = Signal(int, list, list)

    def __init__(self, no: int, console: ConsoleController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.no, self.console = no, console
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumSize(168, 112)
        self.title, self.state, self.clerk, self.ticket, self.cats = (QLabel(self) for _ in range(5))
        self.tidal = QLabel(self.tr("潮汐"), self)
        self.tidal.setStyleSheet("color:#8a5a00; background:#fff4ce; border:1px solid #d69e00; border-radius:6px;"
                                 "padding:0 4px;")
        self.title.setStyleSheet("font-weight:bold; font-size:12pt;")
        self.cats.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.state)
        lay.addLayout(top)
        second = QHBoxLayout()
        second.addWidget(self.clerk)
        second.addStretch(1)
        second.addWidget(self.tidal)
        lay.addLayout(second)
        for w in (self.ticket, self.cats):
            lay.addWidget(w)
        self.data: dict[str, Any] = {}
        self.since: datetime | None = None
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def set_data(self, w: dict[str, Any], at_window: dict[str, Any] | None) -> None:
        self.data = w
        self.tidal.setVisible(bool(w.get("tidal")))
        self.title.setText(self.tr("{0} 号窗口").format(w["no"]))
        names = {"idle": self.tr("空闲"), "calling": self.tr("呼叫中"), "serving": self.tr("办理中"),
                 "paused": self.tr("暂停"), "closed": self.tr("关闭")}
        colour = STATE_COLOURS.get(w["state"], "#444")
        self.state.setText(names.get(w["state"], w["state"]))
        self.state.setStyleSheet(f"color:white; background:{colour}; border-radius:6px; padding:0 6px;")
        if not w.get("clerk"):
            who = self.tr("（无人在岗）")
        elif w.get("staffed"):
            who = w["clerk"]
        else:  # logged in there, but the app went silent for a minute
            who = self.tr("{0}（离线）").format(w["clerk"])
        self.clerk.setText(self.tr("人员：{0}").format(who))
        self.since = None
        if at_window is not None and w.get("current_ticket"):
            self.since = parse_utc(at_window.get("called_at"))
        self.cats.setText(
            self.tr("主：{0}").format("、".join(self.console.name(c) for c in w["primary"]))
            + ("\n" + self.tr("次：{0}").format("、".join(self.console.name(c) for c in w["secondary"]))
               if w["secondary"] else ""))
        border = "#d69e00" if w.get("tidal") else "#c8c8c8"
        self.setStyleSheet(f"WindowTile {{ border:2px solid {border}; border-radius:8px; background:white; }}")
        self.tick()

    def tick(self) -> None:
        w = self.data
        if w.get("current_ticket"):
            spent = (datetime.now(UTC) - self.since).total_seconds() if self.since else 0
            self.ticket.setText(self.tr("当前：{0}  {1}").format(w["current_ticket"], fmt_wait(spent)))
        else:
            self.ticket.setText(self.tr("当前：—") if w.get("state") != "paused"
                                else self.tr("暂停：{0}").format(w.get("pause_reason") or "—"))

    def _menu(self, pos: Any) -> None:
        menu = self.build_menu()
        menu.exec(self.mapToGlobal(pos))

    def build_menu(self) -> QMenu:
        """Click 1 opens this; click 2 on a category asks to make it this window's primary."""
        menu = QMenu(self)
        sub = menu.addMenu(self.tr("切换主类别为"))
        for code in self.console.categories:
            act = QAction(self.console.name(code), sub)
            act.setData(code)
            act.triggered.connect(lambda _c=False, code=code: self.request(code))
            if code in self.data.get("primary", []):
                act.setEnabled(False)
            sub.addAction(act)
        return menu

    def request(self, code: str) -> None:
        cur = self.data
        secondary = [c for c in (*cur.get("primary", []), *cur.get("secondary", [])) if c != code]
        self.switch_requested.emit(self.no, [code], secondary)

    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        code = bytes(event.mimeData().data(MIME).data()).decode()
        event.acceptProposedAction()
        self.request(code)


class CategoryTable(QTableWidget):
    """Waiting count, longest wait and SLA colour per category; rows can be dragged onto a window tile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setDragEnabled(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.codes: list[str] = []

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("业务类别"), self.tr("等候"), self.tr("最长等候"), self.tr("预警")])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self.currentRow() >= 0:
            mime = QMimeData()
            mime.setData(MIME, self.codes[self.currentRow()].encode())
            drag = QDrag(self)
            drag.setMimeData(mime)
            drag.exec(Qt.DropAction.CopyAction)
            return
        super().mouseMoveEvent(event)


class SwitchDialog(QDialog):
    """Confirmation of a tidal switch with its effect per category."""

    def __init__(self, console: ConsoleController, no: int, primary: list[str], secondary: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.no, self.primary, self.secondary = no, primary, secondary
        self.setWindowTitle(self.tr("确认潮汐切换"))
        cur = console.window(no) or {"primary": [], "secondary": []}
        lay = QVBoxLayout(self)
        names = console.name
        lay.addWidget(QLabel(self.tr("{0} 号窗口：主「{1}」次「{2}」 → 主「{3}」次「{4}」").format(
            no, "、".join(map(names, cur["primary"])) or "—", "、".join(map(names, cur["secondary"])) or "—",
            "、".join(map(names, primary)), "、".join(map(names, secondary)) or "—")))
        rows = console.switch_effect(no, primary, secondary)
        self.table = QTableWidget(len(rows), 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("业务类别"), self.tr("等候人数"), self.tr("窗口数（切换前）"),
                                              self.tr("窗口数（切换后）")])
        self.table.verticalHeader().setVisible(False)
        for i, r in enumerate(rows):
            for j, v in enumerate((r["name"], r["waiting"], r["windows_before"], r["windows_after"])):
                item = QTableWidgetItem(str(v))
                if j == 3 and r["windows_after"] != r["windows_before"]:
                    item.setForeground(QColor("#1e8e3e" if r["windows_after"] > r["windows_before"] else "#c42b1c"))
                self.table.setItem(i, j, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.effect = rows
        lay.addWidget(self.table)
        note = QLabel(self.tr(
            "不移动任何号票；窗口正在办理的业务不受影响，自下一次叫号起生效。本次切换将记入审计日志。"))
        note.setObjectName("notice")
        note.setWordWrap(True)
        lay.addWidget(note)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("切换原因（必填，如：社保排队过长）"))
        lay.addWidget(self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确认切换"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(560, 320)

    def _ok(self) -> None:
        if not self.reason.text().strip():
            self.reason.setFocus()
            self.reason.setPlaceholderText(self.tr("请填写切换原因"))
            return
        self.accept()


class LiveHallView(QWidget):
    """Tiles + category table + totals, refreshed from the controller's `changed` and a 1 s local clock."""

    def __init__(self, console: ConsoleController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.console = console
        self.tiles: dict[int, WindowTile] = {}
        self.last_dialog: SwitchDialog | None = None
        self.totals = QLabel(self)
        self.totals.setObjectName("sectionTitle")
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(8)
        for col in range(5):
            self.grid.setColumnStretch(col, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.table = CategoryTable(self)
        self.table.retranslate()
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(scroll)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1040, 360])
        self.boards = QLabel(self, objectName="notice")  # display boards whose calls go unspoken
        self.boards.setWordWrap(True)
        self.boards.hide()
        lay = QVBoxLayout(self)
        lay.addWidget(self.totals)
        lay.addWidget(self.boards)
        hint = QLabel(self.tr("右键窗口选择新的主类别，或把右侧类别拖到窗口上，即可潮汐切换。"), self)
        lay.addWidget(hint)
        lay.addWidget(split, 1)
        console.changed.connect(self.refresh)
        self._clock = QTimer(self)  # local display only (waits tick on), never polls the node
        self._clock.timeout.connect(self._tick)
        self._clock.start(1000)
        self.refresh()

    def refresh(self) -> None:
        wins = self.console.windows()
        cols = 5
        for i, w in enumerate(wins):
            tile = self.tiles.get(w["no"])
            if tile is None:
                tile = self.tiles[w["no"]] = WindowTile(w["no"], self.console, self.grid_host)
                tile.switch_requested.connect(self.ask_switch)
                self.grid.addWidget(tile, i // cols, i % cols)
            tile.set_data(w, self.console.at_window.get(w["no"]))
        self._fill_categories()
        self._fill_boards()

    def board_problems(self) -> list[str]:
        """One line per display board that does not speak the calls (voice off, no Chinese voice) or stopped
        answering; the board itself shows the same on its screen."""
        lines = []
        for d in self.console.status.get("displays", []):
            if d.get("stale"):
                lines.append(self.tr("叫号屏「{0}」：超过 3 分钟未响应（可能已关机或断网）").format(d["name"]))
            elif d.get("voice") == "off":
                lines.append(self.tr("叫号屏「{0}」：语音播报已关闭，叫号不会播报").format(d["name"]))
            elif d.get("voice") == "chime":
                lines.append(self.tr("叫号屏「{0}」：未找到中文语音，叫号只有提示音").format(d["name"]))
        return lines

    def _fill_boards(self) -> None:
        lines = self.board_problems()
        self.boards.setText("\n".join(lines))
        self.boards.setVisible(bool(lines))

    def _age(self) -> float:
        return time.monotonic() - self.console.fetched if self.console.fetched else 0.0

    def _fill_categories(self) -> None:
        cats = self.console.status.get("categories", [])
        self.table.setRowCount(len(cats))
        self.table.codes = [c["code"] for c in cats]
        age = self._age()
        waiting_total = 0
        for i, c in enumerate(cats):
            waiting_total += c["waiting"]
            wait = c["longest_wait_s"] + age if c["waiting"] else 0
            colour = self._colour(c["code"], wait) if c["waiting"] else "blue"
            values = (c["name"], str(c["waiting"]), fmt_wait(wait) if c["waiting"] else "—", sla_label(colour))
            for j, v in enumerate(values):
                item = self.table.item(i, j)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(i, j, item)
                item.setText(v)
                item.setBackground(SLA_BACKGROUNDS[colour])
                if j == 3:
                    item.setForeground(SLA_COLOURS[colour])
        wins = self.console.windows()
        busy = sum(1 for w in wins if w["state"] in ("calling", "serving"))
        open_n = sum(1 for w in wins if w.get("staffed") and w.get("is_open", True))  # someone is at it
        greens = len(self.console.green_tickets())
        self.totals.setText(self.tr("等候 {0} 人 · 开放窗口 {1}/{2} · 办理中 {3} · 绿色通道等候 {4} · 未确认预警 {5}")
                            .format(waiting_total, open_n, len(wins), busy, greens, len(self.console.alerts)))

    def _colour(self, code: str, wait_s: float) -> str:
        cat = self.console.categories.get(code, {})
        minutes = wait_s / 60
        if minutes >= cat.get("red_after_min", 30):
            return "red"
        if minutes >= cat.get("yellow_after_min", 15):
            return "yellow"
        return "blue"

    def _tick(self) -> None:
        for tile in self.tiles.values():
            tile.tick()
        self._fill_categories()

    def ask_switch(self, no: int, primary: list[str], secondary: list[str]) -> SwitchDialog:
        dlg = SwitchDialog(self.console, no, primary, secondary, self)
        dlg.accepted.connect(lambda: self.console.switch(no, primary, secondary, dlg.reason.text().strip()))
        self.last_dialog = dlg
        dlg.open()
        return dlg
