"""The console's other tabs: green-channel watch and alerts, tidal plans, advisor, charts, audit, admin."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hallclient.domain.tidal_plans import DAYS, TidalPlan, validate_plans
from hallclient.ui.common.widgets import green_reason_label
from hallclient.ui.supervisor.controllers.console import ConsoleController
from hallclient.ui.supervisor.views.live_hall import fmt_wait, parse_utc


def table(headers: list[str], parent: QWidget) -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def fill(t: QTableWidget, rows: list[list[Any]]) -> None:
    t.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            t.setItem(i, j, QTableWidgetItem("" if v is None else str(v)))


def local_hm(text: str | None) -> str:
    dt = parse_utc(text)
    return dt.astimezone().strftime("%H:%M:%S") if dt else ""


class GreenWatch(QWidget):
    """绿色通道 tickets still waiting, with their waits, and the open alerts to acknowledge."""

    def __init__(self, console: ConsoleController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.console = console
        lay = QVBoxLayout(self)
        self.limit = QLabel(self)
        lay.addWidget(self.limit)
        self.greens = table([self.tr("号码"), self.tr("业务类别"), self.tr("原因"), self.tr("已等候")], self)
        lay.addWidget(self.greens, 1)
        title = QLabel(self.tr("未确认预警"), self)
        title.setObjectName("sectionTitle")
        lay.addWidget(title)
        self.alerts = table([self.tr("时间"), self.tr("类型"), self.tr("内容")], self)
        lay.addWidget(self.alerts, 1)
        self.ack_btn = QPushButton(self.tr("确认所选预警"), self)
        self.ack_btn.clicked.connect(self.ack_selected)
        lay.addWidget(self.ack_btn, 0, Qt.AlignmentFlag.AlignRight)
        console.changed.connect(self.refresh)
        console.admin_loaded.connect(self.refresh)

    def refresh(self) -> None:
        now = datetime.now(UTC)
        self.limit.setText(self.tr("绿色通道等候超过 {0} 分钟即预警").format(self.console.green_limit_min))
        rows = []
        for t in self.console.green_tickets():
            since = parse_utc(t.get("issued_at"))
            rows.append([t["number"], t["category_name"], green_reason_label(t.get("green_reason")),
                         fmt_wait((now - since).total_seconds()) if since else ""])
        fill(self.greens, rows)
        kinds = {"green_wait": self.tr("绿色通道超时"), "red_wait": self.tr("红色预警")}
        fill(self.alerts, [[local_hm(a["at"]), kinds.get(a["kind"], a["kind"]), a["message"]]
                           for a in self.console.alerts])

    def ack_selected(self) -> None:
        rows = sorted({i.row() for i in self.alerts.selectedIndexes()}) or ([0] if self.console.alerts else [])
        for r in rows:
            if r < len(self.console.alerts):
                self.console.ack(str(self.console.alerts[r]["id"]))


class PlansPanel(QWidget):
    """潮汐方案: list, edit form, validation before saving (here and again on the hall node)."""

    def __init__(self, console: ConsoleController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.console = console
        self.editing: str | None = None
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = table([self.tr("方案"), self.tr("星期"), self.tr("时间"), self.tr("窗口"), self.tr("主类别"),
                           self.tr("启用")], self)
        self.list.itemSelectionChanged.connect(self._load_selected)
        left.addWidget(self.list, 1)
        self.active_now = QLabel(self)
        self.active_now.setWordWrap(True)
        left.addWidget(self.active_now)
        lay.addLayout(left, 3)
        form_host = QFrame(self)
        form = QFormLayout(form_host)
        self.name = QLineEdit(form_host)
        self.days = {d: QCheckBox(self._day(d), form_host) for d in DAYS}
        days_row = QHBoxLayout()
        for cb in self.days.values():
            days_row.addWidget(cb)
        self.start, self.end = QTimeEdit(QTime(9, 0), form_host), QTimeEdit(QTime(11, 0), form_host)
        for te in (self.start, self.end):
            te.setDisplayFormat("HH:mm")
        self.windows = QLineEdit(form_host)
        self.windows.setPlaceholderText("17, 18, 19")
        self.primary, self.secondary = QLineEdit(form_host), QLineEdit(form_host)
        self.primary.setPlaceholderText("SB")
        self.secondary.setPlaceholderText("YB")
        self.enabled = QCheckBox(self.tr("启用"), form_host)
        self.enabled.setChecked(True)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("星期"), days_row)
        form.addRow(self.tr("开始"), self.start)
        form.addRow(self.tr("结束"), self.end)
        form.addRow(self.tr("窗口"), self.windows)
        form.addRow(self.tr("主类别（代码）"), self.primary)
        form.addRow(self.tr("次类别（代码）"), self.secondary)
        form.addRow("", self.enabled)
        self.problems = QLabel(form_host)
        self.problems.setObjectName("error")
        self.problems.setWordWrap(True)
        form.addRow(self.problems)
        buttons = QHBoxLayout()
        self.new_btn, self.save_btn, self.del_btn = (QPushButton(t, form_host) for t in (
            self.tr("新建"), self.tr("保存"), self.tr("删除")))
        self.save_btn.setProperty("primary", True)
        for btn in (self.new_btn, self.save_btn, self.del_btn):
            buttons.addWidget(btn)
        self.new_btn.clicked.connect(self.clear)
        self.save_btn.clicked.connect(self.save)
        self.del_btn.clicked.connect(self.delete)
        form.addRow(buttons)
        lay.addWidget(form_host, 2)
        console.plans_changed.connect(self.refresh)

    def _day(self, d: str) -> str:
        return {"mon": self.tr("一"), "tue": self.tr("二"), "wed": self.tr("三"), "thu": self.tr("四"),
                "fri": self.tr("五"), "sat": self.tr("六"), "sun": self.tr("日")}[d]

    def refresh(self) -> None:
        plans = self.console.plans
        fill(self.list, [[p["name"], "".join(self._day(d) for d in p["days"]), f"{p['start']}–{p['end']}",
                          ",".join(map(str, p["windows"])), "、".join(self.console.name(c) for c in p["primary"]),
                          self.tr("是") if p["active"] else self.tr("否")] for p in plans])
        now = datetime.now().strftime("%H:%M")
        running = [p["name"] for p in plans if p["active"] and p["start"] <= now < p["end"]
                   and DAYS[datetime.now().weekday()] in p["days"]]
        self.active_now.setText(self.tr("正在执行：{0}。方案由大厅服务按时自动执行；期间手动切换优先，直到方案下一个起止时间。")
                                .format("、".join(running) or self.tr("无")))

    def _load_selected(self) -> None:
        rows = {i.row() for i in self.list.selectedIndexes()}
        if not rows:
            return
        p = self.console.plans[min(rows)]
        self.editing = str(p["id"])
        self.name.setText(p["name"])
        for d, cb in self.days.items():
            cb.setChecked(d in p["days"])
        self.start.setTime(QTime.fromString(p["start"], "HH:mm"))
        self.end.setTime(QTime.fromString(p["end"], "HH:mm"))
        self.windows.setText(", ".join(map(str, p["windows"])))
        self.primary.setText(", ".join(p["primary"]))
        self.secondary.setText(", ".join(p["secondary"]))
        self.enabled.setChecked(bool(p["active"]))
        self.problems.clear()

    def clear(self) -> None:
        self.editing = None
        self.list.clearSelection()
        for w in (self.name, self.windows, self.primary, self.secondary):
            w.clear()
        self.problems.clear()

    def form_plan(self) -> dict[str, Any]:
        def codes(text: str) -> list[str]:
            return [c.strip().upper() for c in text.replace("，", ",").replace("、", ",").split(",") if c.strip()]

        wins = []
        for part in self.windows.text().replace("，", ",").replace("、", ",").split(","):
            part = part.strip()
            if "-" in part and all(x.strip().isdigit() for x in part.split("-", 1)):
                a, z = (int(x) for x in part.split("-", 1))
                wins += list(range(a, z + 1))
            elif part.isdigit():
                wins.append(int(part))
        return {"name": self.name.text().strip(), "days": [d for d, cb in self.days.items() if cb.isChecked()],
                "start": self.start.time().toString("HH:mm"), "end": self.end.time().toString("HH:mm"),
                "windows": wins, "primary": codes(self.primary.text()), "secondary": codes(self.secondary.text()),
                "active": self.enabled.isChecked()}

    def check(self, plan: dict[str, Any]) -> list[str]:
        """The domain's validation, before the round trip (the node checks again)."""
        others = [TidalPlan(str(p["id"]), p["name"], tuple(p["days"]), p["start"], p["end"], tuple(p["windows"]),
                            tuple(p["primary"]), tuple(p["secondary"]), p["active"])
                  for p in self.console.plans if str(p["id"]) != self.editing]
        mine = TidalPlan(self.editing or "new", plan["name"], tuple(plan["days"]), plan["start"], plan["end"],
                         tuple(plan["windows"]), tuple(plan["primary"]), tuple(plan["secondary"]), plan["active"])
        known_w = {w["no"] for w in self.console.windows()}
        return validate_plans([*others, mine], known_w, set(self.console.categories))

    def save(self) -> None:
        plan = self.form_plan()
        problems = self.check(plan)
        self.problems.setText("\n".join(problems))
        if not problems:
            self.console.save_plan(self.editing, plan)

    def delete(self) -> None:
        if self.editing:
            self.console.delete_plan(self.editing)
            self.clear()


class AdvisorPanel(QWidget):
    """Suggestions from the queueing estimate; the supervisor accepts (switch, audited) or ignores them."""

    def __init__(self, console: ConsoleController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.console = console
        self.lay = QVBoxLayout(self)
        top = QHBoxLayout()
        intro = QLabel(self.tr("根据当前排队人数和近一小时的到达与办理时间（M/M/c 排队模型）估算，"
                               "建议调整哪些潮汐窗口。只有您点“采纳”才会切换。"), self)
        intro.setWordWrap(True)
        top.addWidget(intro, 1)
        self.recalc = QPushButton(self.tr("重新计算"), self)
        self.recalc.clicked.connect(self.refresh)
        top.addWidget(self.recalc)
        self.lay.addLayout(top)
        self.body = QVBoxLayout()
        self.lay.addLayout(self.body)
        self.lay.addStretch(1)
        self.suggestions: list[Any] = []
        self._ignored: set[tuple[int, str]] = set()
        console.stats_changed.connect(self.refresh)

    def refresh(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        names = {c: self.console.name(c) for c in self.console.categories}
        english = self.tr("zh") == "en"
        self.suggestions = [s for s in self.console.advice() if (s.window, s.to_category) not in self._ignored]
        if not self.suggestions:
            self.body.addWidget(QLabel(self.tr("目前无需调整潮汐窗口。"), self))
        for s in self.suggestions:
            card = QFrame(self)
            card.setFrameShape(QFrame.Shape.StyledPanel)
            row = QHBoxLayout(card)
            text = QLabel(s.text_en(names) if english else s.text_zh(names), card)
            text.setWordWrap(True)
            row.addWidget(text, 1)
            accept, ignore = QPushButton(self.tr("采纳"), card), QPushButton(self.tr("忽略"), card)
            accept.setProperty("primary", True)
            accept.clicked.connect(lambda _c=False, s=s: self.accept(s))
            ignore.clicked.connect(lambda _c=False, s=s: self.ignore(s))
            row.addWidget(accept)
            row.addWidget(ignore)
            self.body.addWidget(card)

    def accept(self, s: Any) -> None:
        self.console.switch(s.window, list(s.to_primary), list(s.to_secondary),
                            self.tr("采纳调度建议：{0} 预计等候缩短").format(self.console.name(s.to_category)))
        self._ignored.add((s.window, s.to_category))

    def ignore(self, s: Any) -> None:
        self._ignored.add((s.window, s.to_category))
        self.refresh()


class ChartsPanel(QWidget):
    """QtCharts: waiting per category through the day, served per hour."""

    def __init__(self, console: ConsoleController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtCharts import QChart, QChartView

        self.console = console
        lay = QHBoxLayout(self)
        self.wait_chart, self.served_chart = QChart(), QChart()
        self.wait_chart.setTitle(self.tr("各类别等候人数（全天）"))
        self.served_chart.setTitle(self.tr("每小时办结量"))
        for chart in (self.wait_chart, self.served_chart):
            view = QChartView(chart, self)
            view.setMinimumSize(360, 260)
            lay.addWidget(view)
        console.stats_changed.connect(self.refresh)

    def refresh(self) -> None:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QLineSeries, QValueAxis

        st = self.console.stats
        if not st:
            return
        for chart in (self.wait_chart, self.served_chart):
            chart.removeAllSeries()
            for axis in chart.axes():
                chart.removeAxis(axis)
        samples = st.get("samples", [])
        hours = [int(t[:2]) + int(t[3:]) / 60 for t in samples] or [9.0]
        ax_x, ax_y = QValueAxis(), QValueAxis()
        ax_x.setRange(int(hours[0]), max(int(hours[0]) + 1, int(hours[-1] + 0.999)))
        ax_x.setTickCount(int(ax_x.max() - ax_x.min()) + 1)
        ax_x.setLabelFormat("%d")
        ax_x.setTitleText(self.tr("时"))
        peak = 1
        self.wait_chart.addAxis(ax_x, Qt.AlignmentFlag.AlignBottom)
        self.wait_chart.addAxis(ax_y, Qt.AlignmentFlag.AlignLeft)
        for code, values in st.get("waiting", {}).items():
            if not any(values):
                continue
            series = QLineSeries()
            series.setName(st.get("categories", {}).get(code, code))
            for h, v in zip(hours, values, strict=False):
                series.append(h, v)
                peak = max(peak, v)
            self.wait_chart.addSeries(series)
            series.attachAxis(ax_x)
            series.attachAxis(ax_y)
        ax_y.setRange(0, peak)
        ax_y.applyNiceNumbers()
        ax_y.setLabelFormat("%d")
        served = st.get("served_per_hour", {})
        hours = [str(h) for h in range(8, 19)]
        bars = QBarSet(self.tr("办结"))
        for h in hours:
            bars.append(served.get(h, 0))
        series = QBarSeries()
        series.append(bars)
        self.served_chart.addSeries(series)
        bx, by = QBarCategoryAxis(), QValueAxis()
        bx.append(hours)
        bx.setTitleText(self.tr("时"))
        by.setRange(0, max([1, *served.values()]))
        by.applyNiceNumbers()
        by.setLabelFormat("%d")
        self.served_chart.addAxis(bx, Qt.AlignmentFlag.AlignBottom)
        self.served_chart.addAxis(by, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(bx)
        series.attachAxis(by)


class AuditPanel(QWidget):
    """审计日志: tidal switches, green flags, pauses, config changes; filter, export CSV."""

    KINDS = ("tidal_switch", "green_flag", "pause,resume", "plan_change,sla_change,config_change,window_open,"
             "window_close,assign_clerk,password_reset")

    def __init__(self, console: ConsoleController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.console = console
        self.rows: list[dict[str, Any]] = []
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.kind = QComboBox(self)
        for label, value in ((self.tr("全部"), ""), (self.tr("潮汐切换"), self.KINDS[0]),
                             (self.tr("绿色通道"), self.KINDS[1]), (self.tr("暂停/恢复"), self.KINDS[2]),
                             (self.tr("配置变更"), self.KINDS[3])):
            self.kind.addItem(label, value)
        self.since = QDateEdit(QDate.currentDate(), self)
        self.since.setCalendarPopup(True)
        load, export = QPushButton(self.tr("查询"), self), QPushButton(self.tr("导出 CSV"), self)
        load.clicked.connect(self.load)
        export.clicked.connect(self._export_dialog)
        for w in (QLabel(self.tr("类型"), self), self.kind, QLabel(self.tr("起始日期"), self), self.since, load):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(export)
        lay.addLayout(bar)
        heads = [self.tr("序号"), self.tr("时间"), self.tr("操作人"), self.tr("操作"), self.tr("内容")]
        self.table = table(heads, self)
        lay.addWidget(self.table, 1)
        console.audit_loaded.connect(self._loaded)

    def load(self) -> None:
        day = self.since.date()
        since = datetime(day.year(), day.month(), day.day()).astimezone(UTC)
        self.console.load_audit(self.kind.currentData() or None, since)

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        fill(self.table, [[r["seq"], local_hm(r["at"]), r["actor"], r["action"], self.describe(r)] for r in rows])

    @staticmethod
    def describe(r: dict[str, Any]) -> str:
        d = r.get("detail") or {}
        if r["action"] == "tidal_switch":
            b, a = d.get("before") or {}, d.get("after") or {}
            return (f"{d.get('window')}号: {','.join(b.get('primary', []))}/{','.join(b.get('secondary', []))} → "
                    f"{','.join(a.get('primary', []))}/{','.join(a.get('secondary', []))}  {d.get('reason', '')}")
        return ", ".join(f"{k}={v}" for k, v in d.items())

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出审计日志"), "audit.csv", "CSV (*.csv)")
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
        """UTF-8 with BOM, so Excel on a Chinese Windows opens it without mojibake."""
        with path.open("w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f)
            w.writerow(["seq", "at_utc", "actor", "action", "summary", "detail"])
            for r in self.rows:
                w.writerow([r["seq"], r["at"], r["actor"], r["action"], self.describe(r), r.get("detail")])


class AdminPanel(QWidget):
    """值班设置: windows open/close and who sits where, SLA thresholds, green-channel minutes, and what the kiosk
    does for a category no staffed window serves (暂无窗口办理). Staff accounts are in the 人员与窗口 tab."""

    def __init__(self, console: ConsoleController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.console = console
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        self.wins = table([self.tr("窗口"), self.tr("状态"), self.tr("人员")], self)
        left.addWidget(self.wins, 1)
        row = QHBoxLayout()
        self.open_btn, self.close_btn = QPushButton(self.tr("开启窗口"), self), QPushButton(self.tr("关闭窗口"), self)
        self.clerk = QComboBox(self)
        self.assign_btn = QPushButton(self.tr("安排人员"), self)
        self.open_btn.clicked.connect(lambda: self._win_action(True))
        self.close_btn.clicked.connect(lambda: self._win_action(False))
        self.assign_btn.clicked.connect(self._assign)
        for w in (self.open_btn, self.close_btn, self.clerk, self.assign_btn):
            row.addWidget(w)
        left.addLayout(row)
        lay.addLayout(left, 2)
        right = QVBoxLayout()
        self.sla = QTableWidget(0, 3, self)
        self.sla.setHorizontalHeaderLabels([self.tr("业务类别"), self.tr("黄色（分钟）"), self.tr("红色（分钟）")])
        self.sla.verticalHeader().setVisible(False)
        self.sla.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        right.addWidget(self.sla, 1)
        save_row = QHBoxLayout()
        self.green = QSpinBox(self)
        self.green.setRange(1, 240)
        self.green.setSuffix(self.tr(" 分钟"))
        save_sla, save_green = QPushButton(self.tr("保存阈值"), self), QPushButton(self.tr("保存"), self)
        save_sla.clicked.connect(self._save_sla)
        save_green.clicked.connect(lambda: console.set_green_limit(self.green.value()))
        save_row.addWidget(save_sla)
        save_row.addStretch(1)
        save_row.addWidget(QLabel(self.tr("绿色通道预警"), self))
        save_row.addWidget(self.green)
        save_row.addWidget(save_green)
        right.addLayout(save_row)
        unserved_row = QHBoxLayout()
        self.issue_unserved = QCheckBox(self.tr("无在岗窗口办理的业务仍可取号"), self)
        self.unserved_min = QSpinBox(self)
        self.unserved_min.setRange(0, 240)
        self.unserved_min.setSuffix(self.tr(" 分钟"))
        save_unserved = QPushButton(self.tr("保存"), self)
        save_unserved.clicked.connect(lambda: console.set_unserved(self.issue_unserved.isChecked(),
                                                                   self.unserved_min.value()))
        unserved_row.addWidget(self.issue_unserved)
        unserved_row.addStretch(1)
        unserved_row.addWidget(QLabel(self.tr("有人等候但无窗口办理时预警"), self))
        unserved_row.addWidget(self.unserved_min)
        unserved_row.addWidget(save_unserved)
        right.addLayout(unserved_row)
        lay.addLayout(right, 3)
        console.changed.connect(self.refresh)
        console.admin_loaded.connect(self.refresh_staff)

    def refresh(self) -> None:
        fill(self.wins, [[w["no"], w["state"], w.get("clerk") or ""] for w in self.console.windows()])
        cats = list(self.console.categories.values())
        if self.sla.rowCount() != len(cats):
            self.sla.setRowCount(len(cats))
            for i, c in enumerate(cats):
                self.sla.setItem(i, 0, QTableWidgetItem(c["name"]))
                for j, key in ((1, "yellow_after_min"), (2, "red_after_min")):
                    spin = QSpinBox(self.sla)
                    spin.setRange(1, 600)
                    spin.setValue(int(c[key]))
                    self.sla.setCellWidget(i, j, spin)

    def refresh_staff(self) -> None:
        self.clerk.clear()
        self.clerk.addItem(self.tr("（无人）"), None)
        for s in self.console.staff:
            if s["role"] == "clerk" and s["active"]:
                self.clerk.addItem(f"{s['staff_no']} {s['name']}", s["staff_no"])
        self.green.setValue(self.console.green_limit_min)
        self.issue_unserved.setChecked(bool(self.console.unserved.get("issue", True)))
        self.unserved_min.setValue(int(self.console.unserved.get("alert_after_min", 2)))

    def _selected_window(self) -> int | None:
        rows = sorted({i.row() for i in self.wins.selectedIndexes()})
        wins = self.console.windows()
        return wins[rows[0]]["no"] if rows and rows[0] < len(wins) else None

    def _win_action(self, is_open: bool) -> None:
        no = self._selected_window()
        if no is not None:
            self.console.set_open(no, is_open)

    def _assign(self) -> None:
        no = self._selected_window()
        if no is not None:
            self.console.assign_clerk(no, self.clerk.currentData())

    def _save_sla(self) -> None:
        for i, c in enumerate(self.console.categories.values()):
            y, r = self.sla.cellWidget(i, 1), self.sla.cellWidget(i, 2)
            if (y.value(), r.value()) != (c["yellow_after_min"], c["red_after_min"]):
                self.console.set_sla(c["code"], y.value(), r.value())
