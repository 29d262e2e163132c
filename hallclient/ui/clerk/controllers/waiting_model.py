"""The waiting list of one window, in the order it will call them (domain `call_order`), with SLA colours.

A `QAbstractTableModel` fed whole snapshots by the controller (`set_snapshot`) after each re-fetch; between
fetches `tick()` only recolours the waited-time column as the minutes pass (local clock, no network).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from hallclient.domain.appointments import AppointmentPolicy
from hallclient.domain.call_order import QueuedTicket, call_order
from hallclient.domain.sla import SlaThresholds
from hallclient.domain.windows import Subscription, SubscriptionError
from hallclient.ui.clerk.controllers.figures import format_duration, parse_time
from hallclient.ui.common.theme import GREEN, SLA_BACKGROUNDS, SLA_COLOURS
from hallclient.ui.common.widgets import green_reason_label, sla_label

TICKET_ROLE = Qt.ItemDataRole.UserRole + 1
COLOUR_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


def thresholds_of(categories: dict[str, dict[str, Any]]) -> dict[str, SlaThresholds]:
    out = {}
    for code, c in categories.items():
        try:
            out[code] = SlaThresholds(c["yellow_after_min"], c["red_after_min"])
        except (KeyError, ValueError):
            out[code] = SlaThresholds()
    return out


def order_waiting(tickets: list[dict[str, Any]], window_no: int, primary: list[str], secondary: list[str],
                  categories: dict[str, dict[str, Any]], now: datetime) -> list[dict[str, Any]]:
    """Waiting tickets this window may serve, in call order (the same rule the node applies)."""
    try:
        sub = Subscription(tuple(primary), tuple(secondary))
    except SubscriptionError:
        return [t for t in tickets if t["status"] == "waiting" and t.get("target_window") == window_no]
    by_id = {}
    queued = []
    for t in tickets:
        if t["status"] != "waiting":
            continue
        q = QueuedTicket(id=str(t["id"]), number=t["number"], category=t["category"],
                         issued_at=parse_time(t["issued_at"]) or now, green=bool(t.get("green_reason")),
                         appointment_slot=parse_time(t.get("appointment_slot")), target_window=t.get("target_window"))
        by_id[q.id] = t
        queued.append(q)
    ordered = call_order(window_no, sub, queued, now, thresholds_of(categories), AppointmentPolicy())
    return [by_id[q.id] for q in ordered]


class WaitingModel(QAbstractTableModel):
    """Columns: 序号, 号码, 业务类别, 事项, 已等候, 预警, 绿色通道."""

    NUMBER, CATEGORY, ITEM, WAITED, SLA, GREEN = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._categories: dict[str, dict[str, Any]] = {}
        self._now = datetime.now(UTC)

    def headers(self) -> list[str]:
        return [self.tr("号码"), self.tr("业务类别"), self.tr("事项"), self.tr("已等候"), self.tr("预警"),
                self.tr("绿色通道")]

    # -- feeding ------------------------------------------------------------------------------------

    def set_snapshot(self, rows: list[dict[str, Any]], categories: dict[str, dict[str, Any]],
                     now: datetime | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._categories = categories
        self._now = now or datetime.now(UTC)
        self.endResetModel()

    def tick(self, now: datetime | None = None) -> None:
        """Time moved on: waited times and colours change, the rows do not."""
        self._now = now or datetime.now(UTC)
        if self._rows:
            self.dataChanged.emit(self.index(0, self.WAITED), self.index(len(self._rows) - 1, self.SLA))

    def ticket(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def numbers(self) -> list[str]:
        return [r["number"] for r in self._rows]

    # -- model --------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            h = self.headers()
            return h[section] if 0 <= section < len(h) else None
        return str(section + 1)

    def _colour(self, t: dict[str, Any]) -> str:
        cat = self._categories.get(t["category"], {})
        try:
            sla = SlaThresholds(cat.get("yellow_after_min", 15), cat.get("red_after_min", 30))
        except ValueError:
            sla = SlaThresholds()
        issued = parse_time(t["issued_at"]) or self._now
        return sla.colour(self._now - issued).value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < 6):
            return None
        t = self._rows[index.row()]
        col = index.column()
        if role == TICKET_ROLE:
            return t
        if role == COLOUR_ROLE:
            return self._colour(t)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NUMBER:
                return t["number"]
            if col == self.CATEGORY:
                return t.get("category_name") or t["category"]
            if col == self.ITEM:
                return t.get("item_name") or ""
            if col == self.WAITED:
                issued = parse_time(t["issued_at"]) or self._now
                return format_duration((self._now - issued).total_seconds())
            if col == self.SLA:
                return sla_label(self._colour(t))
            if col == self.GREEN:
                return green_reason_label(t.get("green_reason")) if t.get("green_reason") else ""
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.SLA:
                return QBrush(SLA_COLOURS[self._colour(t)])
            if col == self.GREEN and t.get("green_reason"):
                return QBrush(GREEN)
            return None
        if role == Qt.ItemDataRole.BackgroundRole and col in (self.WAITED, self.SLA):
            return QBrush(SLA_BACKGROUNDS[self._colour(t)])
        if role == Qt.ItemDataRole.FontRole and (col == self.NUMBER or (col == self.GREEN and t.get("green_reason"))):
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [t["number"], t.get("category_name") or t["category"]]
            if t.get("green_reason"):
                parts.append(self.tr("绿色通道：{0} {1}").format(green_reason_label(t["green_reason"]),
                                                              t.get("green_note") or ""))
            if t.get("transfer_count"):
                parts.append(self.tr("转办 {0} 次").format(t["transfer_count"]))
            return " · ".join(parts)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.NUMBER, self.WAITED, self.SLA):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
