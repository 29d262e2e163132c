"""The kiosk (取号机): touch UI for visitors, reception mode for staff, ticket slips.

Pages: categories (with people waiting and the estimated wait, counting only staffed windows; a category no
staffed window serves says 暂无窗口办理 and, if the hall says so, issues nothing) → the category's items →
ticket issued (slip printing, re-print; with no printer or a failed print the ticket on screen, `screen_ticket`) ;
appointment check-in (booking code → its slot, service and masked name, `appointment` → ticket) ; reception
login (on-screen keyboard: passwords have letters) →
green-channel reason ; closed (outside the hall day: hours and next opening, no tiles; reception staff may
still log in and issue by hand).
The closed page follows the hall status `day`: re-fetched on "hall_day_changed" and at the next opening or
closing time (a single-shot timer), and shown instead of an error when an issue is refused because the hall
has just closed.
Every hall node call and every print job runs on the bridge's thread pool. A tap while a ticket is being
issued is ignored (the buttons are disabled and `issuing` is checked), so a double tap never makes two
tickets; a print failure leaves the ticket as it is and offers a re-print.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hallclient.domain.hall_day import parse_hhmm
from hallclient.hallnode.client import HallClient
from hallclient.printing.ticket_slip import SlipData
from hallclient.ui.common import bridge as b
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.device import DeviceSetup, start_when_ready
from hallclient.ui.common.errors import describe
from hallclient.ui.common.keyboard import OnScreenKeyboard
from hallclient.ui.common.none_guard import immortalize_none
from hallclient.ui.common.settings import HallSettings
from hallclient.ui.common.widgets import GREEN_REASONS, ConnectionBadge, green_reason_label
from hallclient.ui.kiosk.appointment import AppointmentDetails
from hallclient.ui.kiosk.printer import SlipPrinter, slip_font_family
from hallclient.ui.kiosk.screen_ticket import PrinterWatch, ScreenTicket

log = logging.getLogger(__name__)
KIOSK_QSS = """
#kiosk { background: #f3f6fb; }
#kioskHeader { background: #1f4e79; }
QLabel#kioskHall, QLabel#kioskClock { color: white; }
QPushButton[tile="true"] { background: white; border: 2px solid #c6d4e6; border-radius: 18px; color: #1a1a1a;
  padding: 12px; text-align: center; }
QPushButton[tile="true"]:pressed { background: #dce8f7; }
QPushButton[tile="true"]:disabled { color: #8a8a8a; }
QPushButton[big="true"] { background: #1f4e79; color: white; border-radius: 14px; padding: 14px 28px; }
QPushButton[big="true"]:disabled { background: #8aa2bb; }
QPushButton[ghost="true"] { background: transparent; color: #1f4e79; border: 2px solid #1f4e79; border-radius: 14px;
  padding: 12px 24px; }
QLabel#kioskNumber { color: #1f4e79; }
QLabel#kioskError { color: #b3261e; }
QLabel#kioskGreen { background: #1e8e3e; color: white; border-radius: 10px; padding: 6px 18px; }
QLabel#printerAlert { background: #b3261e; color: white; border-radius: 8px; padding: 4px 12px; }
QLabel#kioskClosedTitle { color: #1f4e79; }
QLabel#kioskClosedHours { color: #1a1a1a; }
QLabel#kioskClosedNext { color: #1e8e3e; }
"""
DAY_RECHECK_MIN_MS, DAY_RECHECK_MAX_MS = 10_000, 3_600_000
HOME_AFTER_MS = 30_000  # back to the categories after this long untouched


def hall_local(value: Any) -> datetime:
    """An ISO time from the node ("2026-11-24T09:00:00+08:00") as the hall's wall time: the kiosk's own clock
    is taken as hall time, so the offset is dropped, not converted."""
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")).replace(tzinfo=None)


def boundary_delay_ms(day: dict[str, Any], now: datetime) -> int | None:
    """Milliseconds from `now` (hall wall time) to the next change of the hall day: closing (or the end of
    延时服务) while open, the next opening while closed; None when no change is known."""
    if day.get("accepts_tickets"):
        end = day.get("extended_until") or day.get("closes_at")
        if not end:
            return None
        at = datetime.combine(now.date(), parse_hhmm(str(end)))  # "24:00": the end of the day
    elif day.get("next_open"):
        at = hall_local(day["next_open"])
    else:
        return None
    return max(0, round((at - now).total_seconds() * 1000))


def estimate_wait_min(waiting: int, windows_serving: int, minutes_per_visitor: float) -> int:
    """Rough wait: people ahead × minutes per visitor ÷ staffed windows serving the category (rounded up).
    With no such window there is no estimate to give (the tile says 暂无窗口办理); 0 is returned then."""
    if waiting <= 0 or windows_serving <= 0:
        return 0
    return math.ceil(waiting * minutes_per_visitor / windows_serving)


class KioskWindow(QWidget):
    """Top-level kiosk window. `printer` defaults to one built from settings (kiosk/printer, kiosk/paper)."""

    ticket_issued = Signal(dict)
    slip_printed = Signal(str)
    slip_failed = Signal(str)

    def __init__(self, bridge: HallBridge, settings: HallSettings, *, printer: SlipPrinter | None = None,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        immortalize_none()  # PySide6 6.12 + CPython 3.11 refcount bug, see none_guard
        super().__init__()
        self.bridge, self.settings, self.clock = bridge, settings, clock
        self.setObjectName("kiosk")
        self.setStyleSheet(KIOSK_QSS)
        self.setWindowTitle(self.tr("自助取号"))
        target = os.environ.get("HALLCLIENT_KIOSK_PRINTER", str(settings.value("kiosk/printer", "") or ""))
        self.printer = printer or SlipPrinter(target, str(settings.value("kiosk/paper", "58mm")))
        try:
            self.minutes_per_visitor = float(settings.value("kiosk/minutes_per_visitor", 8))
        except (TypeError, ValueError):
            self.minutes_per_visitor = 8.0
        try:
            self.screen_ticket_s = max(10, int(settings.value("kiosk/screen_ticket_s", 90)))
        except (TypeError, ValueError):
            self.screen_ticket_s = 90
        slip_font_family()  # load the slip font on the GUI thread; print jobs only use it
        self.hall_name = ""
        self.categories: list[dict[str, Any]] = []
        self.items: dict[str, list[dict[str, Any]]] = {}
        self.status: dict[str, Any] = {}
        self.issuing = False
        self.last_ticket: dict[str, Any] | None = None
        self.last_slip: SlipData | None = None
        self.reception: HallClient | None = None
        self.reception_name = ""
        self._pending_green: tuple[str, str | None] | None = None
        self._fetching = self._dirty = False
        self._started = False
        self._build()
        bridge.event.connect(self._on_event)
        bridge.connection_state.connect(self._on_link)
        self.device_setup.authorised.connect(self._authorised)
        self._clock_timer = QTimer(self, interval=1000, timeout=self._tick)
        self._clock_timer.start()
        self._tick()
        self._home_timer = QTimer(self, singleShot=True, interval=HOME_AFTER_MS, timeout=self.go_home)
        self._day_timer = QTimer(self, singleShot=True, timeout=self.refresh_status)
        self._reception_timer = QTimer(self, singleShot=True, interval=5 * 60000, timeout=self.leave_reception)
        if not self.device_setup.begin():
            self.pages.setCurrentWidget(self.device_setup)

    # -- building -----------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        header = QWidget(objectName="kioskHeader")
        hl = QHBoxLayout(header)
        hl.setContentsMargins(32, 14, 32, 14)
        self.hall_label = QLabel(objectName="kioskHall")
        self.hall_label.setStyleSheet("font-size: 30px; font-weight: 600;")
        self.mode_label = QLabel()
        self.mode_label.setStyleSheet("font-size: 20px; background: #1e8e3e; border-radius: 8px; padding: 4px 12px;")
        self.mode_label.hide()
        self.printer_alert = QLabel(objectName="printerAlert")
        self.printer_alert.setStyleSheet("font-size: 20px;")
        self.printer_alert.hide()
        self.conn = ConnectionBadge()
        self.clock_label = QLabel(objectName="kioskClock")
        self.clock_label.setStyleSheet("font-size: 24px;")
        hl.addWidget(self.hall_label)
        hl.addStretch(1)
        for w in (self.mode_label, self.printer_alert, self.conn, self.clock_label):
            hl.addWidget(w)
        outer.addWidget(header)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)

        # home: categories
        self.home = QWidget()
        hv = QVBoxLayout(self.home)
        hv.setContentsMargins(40, 24, 40, 24)
        self.home_title = QLabel()
        self.home_title.setStyleSheet("font-size: 34px; font-weight: 600; color: #1f4e79;")
        self.home_hint = QLabel()
        self.home_hint.setStyleSheet("font-size: 20px; color: #555;")
        hv.addWidget(self.home_title)
        hv.addWidget(self.home_hint)
        self.cat_grid = QGridLayout()
        self._cat_buttons: dict[str, QPushButton] = {}
        self.cat_grid.setSpacing(18)
        hv.addLayout(self.cat_grid, 1)
        bar = QHBoxLayout()
        self.appt_button = self._button("big", self._show_appointment)
        self.staff_button = self._button("ghost", self._show_login)
        bar.addWidget(self.appt_button)
        bar.addStretch(1)
        bar.addWidget(self.staff_button)
        hv.addLayout(bar)
        self.pages.addWidget(self.home)

        # items of one category
        self.items_page = QWidget()
        iv = QVBoxLayout(self.items_page)
        iv.setContentsMargins(40, 24, 40, 24)
        self.items_title = QLabel()
        self.items_title.setStyleSheet("font-size: 34px; font-weight: 600; color: #1f4e79;")
        self.items_info = QLabel()
        self.items_info.setStyleSheet("font-size: 22px; color: #333;")
        iv.addWidget(self.items_title)
        iv.addWidget(self.items_info)
        self.item_grid = QGridLayout()
        self.item_grid.setSpacing(14)
        iv.addLayout(self.item_grid, 1)
        ib = QHBoxLayout()
        self.back_button = self._button("ghost", self.go_home)
        self.whole_category = self._button("big", lambda: self._chosen(self._category, None))
        ib.addWidget(self.back_button)
        ib.addStretch(1)
        ib.addWidget(self.whole_category)
        iv.addLayout(ib)
        self.pages.addWidget(self.items_page)

        # green-channel reason (reception mode)
        self.green_page = QWidget()
        gv = QVBoxLayout(self.green_page)
        gv.setContentsMargins(40, 24, 40, 24)
        self.green_title = QLabel()
        self.green_title.setStyleSheet("font-size: 32px; font-weight: 600; color: #1e8e3e;")
        gv.addWidget(self.green_title)
        gg = QGridLayout()
        self.reason_buttons: dict[str, QPushButton] = {}
        for i, reason in enumerate(GREEN_REASONS):
            btn = self._button("tile", lambda r=reason: self._issue_green(r))
            btn.setMinimumHeight(110)
            self.reason_buttons[reason] = btn
            gg.addWidget(btn, i // 3, i % 3)
        gv.addLayout(gg)
        self.green_note = QLineEdit()
        self.green_note.setMaxLength(200)
        self.green_note.setStyleSheet("font-size: 22px; padding: 8px;")
        gv.addWidget(self.green_note)
        gb = QHBoxLayout()
        self.normal_ticket = self._button("ghost", lambda: self._issue_green(None))
        self.green_back = self._button("ghost", self.go_home)
        gb.addWidget(self.green_back)
        gb.addStretch(1)
        gb.addWidget(self.normal_ticket)
        gv.addLayout(gb)
        gv.addStretch(1)
        self.pages.addWidget(self.green_page)

        # result
        self.result = QWidget()
        rv = QVBoxLayout(self.result)
        rv.setContentsMargins(40, 30, 40, 30)
        rv.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.result_title = QLabel()
        self.result_title.setStyleSheet("font-size: 34px; color: #333;")
        self.result_number = QLabel(objectName="kioskNumber")
        self.result_number.setStyleSheet("font-size: 160px; font-weight: 700;")
        self.result_green = QLabel(objectName="kioskGreen")
        self.result_green.setStyleSheet("font-size: 28px;")
        self.result_info = QLabel()
        self.result_info.setStyleSheet("font-size: 30px; color: #1a1a1a;")
        self.print_status = QLabel()
        self.print_status.setWordWrap(True)
        self.print_status.setStyleSheet("font-size: 26px; color: #1f4e79;")
        for w in (self.result_title, self.result_number, self.result_green, self.result_info, self.print_status):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            rv.addWidget(w)
        rb = QHBoxLayout()
        self.reprint_button = self._button("ghost", self.reprint)
        self.done_button = self._button("big", self.go_home)
        rb.addStretch(1)
        rb.addWidget(self.reprint_button)
        rb.addWidget(self.done_button)
        rb.addStretch(1)
        rv.addStretch(1)
        rv.addLayout(rb)
        self.pages.addWidget(self.result)

        # appointment check-in and reception login: one form page, two uses
        self.form = QWidget()
        fv = QVBoxLayout(self.form)
        fv.setContentsMargins(200, 40, 200, 40)
        self.form_title = QLabel()
        self.form_title.setStyleSheet("font-size: 34px; font-weight: 600; color: #1f4e79;")
        self.form_hint = QLabel()
        self.form_hint.setWordWrap(True)
        self.form_hint.setStyleSheet("font-size: 22px; color: #555;")
        self.field1 = QLineEdit()
        self.field2 = QLineEdit()
        self.field2.setEchoMode(QLineEdit.EchoMode.Password)
        for f in (self.field1, self.field2):
            f.setStyleSheet("font-size: 32px; padding: 10px;")
        self.form_error = QLabel(objectName="kioskError")
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet("font-size: 22px;")
        self.keyboard = OnScreenKeyboard()  # letters too: passwords (demo1234) and appointment codes
        self.keyboard.follow(self.field1, self.field2)
        fb = QHBoxLayout()
        self.form_back = self._button("ghost", self.go_home)
        self.form_ok = self._button("big", self._form_submit)
        fb.addWidget(self.form_back)
        fb.addStretch(1)
        fb.addWidget(self.form_ok)
        for w in (self.form_title, self.form_hint, self.field1, self.field2):
            fv.addWidget(w)
        fv.addWidget(self.keyboard, 1)  # as large as it may be (its shape caps it); what is left goes below
        fv.addWidget(self.form_error)
        fv.addLayout(fb)
        fv.addStretch(0)
        self.field1.returnPressed.connect(self._form_submit)
        self.field2.returnPressed.connect(self._form_submit)
        self.pages.addWidget(self.form)
        self._form_mode = "appointment"

        # closed: outside the hall day
        self.closed_page = QWidget()
        cv = QVBoxLayout(self.closed_page)
        cv.setContentsMargins(40, 80, 40, 40)
        self.closed_title = QLabel(objectName="kioskClosedTitle")
        self.closed_title.setStyleSheet("font-size: 64px; font-weight: 700;")
        self.closed_hours = QLabel(objectName="kioskClosedHours")
        self.closed_hours.setStyleSheet("font-size: 36px;")
        self.closed_next = QLabel(objectName="kioskClosedNext")
        self.closed_next.setStyleSheet("font-size: 36px; font-weight: 600;")
        self.closed_hint = QLabel()
        self.closed_hint.setStyleSheet("font-size: 24px; color: #555;")
        cv.addStretch(1)
        for w in (self.closed_title, self.closed_hours, self.closed_next, self.closed_hint):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            w.setWordWrap(True)
            cv.addWidget(w)
            cv.addSpacing(16)
        cv.addStretch(2)
        cb = QHBoxLayout()
        self.closed_staff = self._button("ghost", self._show_login)
        cb.addStretch(1)
        cb.addWidget(self.closed_staff)
        cv.addLayout(cb)
        self.pages.addWidget(self.closed_page)

        self.device_setup = DeviceSetup(self.bridge, "kiosk")
        self.pages.addWidget(self.device_setup)
        self.appointment_page = AppointmentDetails()
        self.appointment_page.confirmed.connect(lambda code: self.issue(None, appointment_code=code))
        self.appointment_page.back.connect(self._show_appointment)
        self.pages.addWidget(self.appointment_page)
        self.screen_ticket = ScreenTicket()
        self.screen_ticket.reprint_requested.connect(self.reprint)
        self.screen_ticket.finished.connect(self.go_home)
        self.pages.addWidget(self.screen_ticket)
        self.printer_watch = PrinterWatch(self.printer, self.bridge.submit, parent=self)
        self.printer_watch.back.connect(self.screen_ticket.offer_reprint)
        self.printer_watch.back.connect(self.printer_alert.hide)
        self._category = ""
        self._retranslate()

    def _button(self, kind: str, slot: Callable[[], None]) -> QPushButton:
        btn = QPushButton()
        btn.setProperty(kind, True)
        btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        btn.setStyleSheet("font-size: 26px;")
        btn.clicked.connect(lambda _checked=False: slot())
        return btn

    def _retranslate(self) -> None:
        self.home_title.setText(self.tr("请选择办理业务"))
        self.home_hint.setText(self.tr("点击业务类别取号；号码将显示在叫号屏并语音提示"))
        self.appt_button.setText(self.tr("预约签到"))
        self.staff_button.setText(self.tr("工作人员"))
        self.back_button.setText(self.tr("返回"))
        self.whole_category.setText(self.tr("不选事项，直接取号"))
        self.green_title.setText(self.tr("绿色通道取号：请选择原因"))
        self.green_note.setPlaceholderText(self.tr("备注（选“其他”时必填，勿填写个人信息）"))
        self.normal_ticket.setText(self.tr("普通取号"))
        self.green_back.setText(self.tr("返回"))
        for reason, btn in self.reason_buttons.items():
            btn.setText(green_reason_label(reason))
        self.result_title.setText(self.tr("取号成功，您的号码是"))
        self.reprint_button.setText(self.tr("补打小票"))
        self.done_button.setText(self.tr("完成"))
        self.form_back.setText(self.tr("返回"))
        self.form_ok.setText(self.tr("确定"))
        self.result_green.setText(self.tr("绿色通道"))
        self.closed_staff.setText(self.tr("工作人员"))
        self._render_categories()
        self._update_mode()
        self._render_day()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- data ---------------------------------------------------------------------------------------

    def _authorised(self, token: str) -> None:
        self.pages.setCurrentWidget(self.home)
        start_when_ready(self.bridge, token, self._start)

    def _start(self) -> None:
        if self._started:
            return
        self._started = True
        client = self.bridge.client

        def load() -> tuple[str, list, list]:
            return client.health()["hall"], client.categories(), client.items()

        self.bridge.submit(load, on_done=self._catalogue, on_error=lambda e: log.warning("kiosk: %s", e),
                           name="kiosk_catalogue")
        self.bridge.start_events()
        self.refresh_status()

    def _catalogue(self, result: tuple[str, list, list]) -> None:
        self.hall_name, self.categories, items = result
        self.items = {}
        for item in items:
            self.items.setdefault(item["category"], []).append(item)
        self.hall_label.setText(self.hall_name)
        self._render_categories()

    def refresh_status(self) -> None:
        if self._fetching:
            self._dirty = True
            return
        self._fetching, self._dirty = True, False
        self.bridge.call("hall_status", on_done=self._status, on_error=self._status_failed)

    def _status(self, status: dict[str, Any]) -> None:
        self._fetching = False
        self._take_status(status)
        if self._dirty:
            self.refresh_status()

    def _take_status(self, status: dict[str, Any]) -> None:
        self.status = status
        self._render_categories()
        if self.pages.currentWidget() is self.items_page:
            self._render_items_info()
        self._render_day()
        self._schedule_day_check()

    def _status_failed(self, _exc: BaseException) -> None:
        self._fetching = False

    # -- the hall day ---------------------------------------------------------------------------------

    @property
    def accepts_tickets(self) -> bool:
        """From the last status; True until one has arrived (or from a node without the `day` object)."""
        return bool((self.status.get("day") or {}).get("accepts_tickets", True))

    def is_closed_for_visitors(self) -> bool:
        return not self.accepts_tickets and self.reception is None

    def _render_day(self) -> None:
        """The closed page's texts, and the page itself: shown over the visitor pages while the hall does not
        take tickets, left again (to home) once it does."""
        day = self.status.get("day") or {}
        if day.get("state") == "before_open":
            self.closed_title.setText(self.tr("本厅尚未开始取号"))
        else:
            self.closed_title.setText(self.tr("本厅今日已停止取号"))
        if day.get("opens_at") and day.get("closes_at"):
            hours = self.tr("开放时间 {0}–{1}").format(day["opens_at"], day["closes_at"])
            if day.get("extended_until"):
                hours += self.tr("（今日延时至 {0}）").format(day["extended_until"])
        else:
            hours = self.tr("今日不开放")
        self.closed_hours.setText(hours)
        self.closed_next.setText(self._next_open_text(day.get("next_open")))
        self.closed_hint.setText(self.tr("如需帮助，请联系工作人员"))
        current = self.pages.currentWidget()
        visitor_pages = (self.home, self.items_page, self.green_page)
        if self.is_closed_for_visitors() and current in visitor_pages and not self.issuing:
            self._home_timer.stop()
            self.pages.setCurrentWidget(self.closed_page)
        elif not self.is_closed_for_visitors() and current is self.closed_page:
            self.pages.setCurrentWidget(self.home)
        self.appt_button.setEnabled(not self.issuing and not self.is_closed_for_visitors())

    def _next_open_text(self, next_open: Any) -> str:
        if not next_open:
            return ""
        at = hall_local(next_open)
        today: date = self.clock().date()
        hhmm = at.strftime("%H:%M")
        if at.date() == today:
            when = self.tr("今天 {0}").format(hhmm)
        elif at.date() == today + timedelta(days=1):
            when = self.tr("明天 {0}").format(hhmm)
        else:
            when = self.tr("{0}月{1}日 {2}").format(at.month, at.day, hhmm)
        return self.tr("下次开放：{0}").format(when)

    def _schedule_day_check(self) -> None:
        """Re-fetch the status when the hall day should change (opening, closing), so the kiosk opens and closes
        by itself; at least every hour, never more often than every 10 s (clocks may disagree a little)."""
        delay = boundary_delay_ms(self.status.get("day") or {}, self.clock())
        if delay is None:
            self._day_timer.stop()
            return
        self._day_timer.start(min(max(delay + 1000, DAY_RECHECK_MIN_MS), DAY_RECHECK_MAX_MS))

    @Slot(object)
    def _on_event(self, ev: dict) -> None:
        if ev.get("kind") in ("issued", "called", "transferred", "window_changed", "cancelled", "reinstated",
                              "no_show", "hall_day_changed", "config_changed"):
            self.refresh_status()
        elif ev.get("kind") == "catalogue_changed":
            self._started = False
            self._start()

    @Slot(str)
    def _on_link(self, state: str) -> None:
        self.conn.set_state(state)
        if state == b.CONNECTED and self._started:
            self.refresh_status()

    def _category_status(self, code: str) -> dict[str, Any]:
        return next((c for c in self.status.get("categories", []) if c["code"] == code), {})

    def serving_windows(self, code: str) -> int:
        """Windows someone is at that take calls for the category now (the node counts them: 在岗)."""
        return int(self._category_status(code).get("windows", 0))

    def takes_tickets(self, code: str) -> bool:
        """False for a category no window serves now, when the hall issues no tickets for it then."""
        return bool(self._category_status(code).get("takes_tickets", True))

    def waiting_of(self, code: str) -> tuple[int, int]:
        """(people waiting, estimated minutes) for a category from the last status; the estimate counts only
        staffed windows (none: no estimate, see `_wait_text`)."""
        waiting = int(self._category_status(code).get("waiting", 0))
        return waiting, estimate_wait_min(waiting, self.serving_windows(code), self.minutes_per_visitor)

    def _wait_text(self, code: str) -> str:
        waiting, minutes = self.waiting_of(code)
        if not self.status:
            return self.tr("正在获取排队情况…")
        if self.serving_windows(code) == 0:  # nobody would call them: promise nothing
            if not self.takes_tickets(code):
                return self.tr("暂无窗口办理 · 暂停取号")
            return self.tr("暂无窗口办理 · 等候 {0} 人").format(waiting) if waiting else self.tr("暂无窗口办理")
        if waiting == 0:
            return self.tr("无需等候")
        return self.tr("等候 {0} 人 · 约 {1} 分钟").format(waiting, minutes)

    # -- rendering ----------------------------------------------------------------------------------

    def _render_categories(self) -> None:
        """Tiles are rebuilt only when the categories change; a status update just rewrites their text, so
        every issued ticket doesn't tear down and recreate the grid."""
        codes = [c["code"] for c in self.categories]
        if codes != list(self._cat_buttons):
            grid = self.cat_grid
            while grid.count():
                w = grid.takeAt(0).widget()
                if w is not None:
                    w.deleteLater()
            self._cat_buttons = {}
            cols = 4 if len(codes) > 9 else 3
            for i, cat in enumerate(self.categories):
                btn = self._button("tile", lambda c=cat["code"]: self.choose_category(c))
                btn.setObjectName(f"cat-{cat['code']}")
                btn.setStyleSheet("font-size: 28px;")
                btn.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                btn.setMinimumHeight(120)
                grid.addWidget(btn, i // cols, i % cols)
                self._cat_buttons[cat["code"]] = btn
        for cat in self.categories:
            btn = self._cat_buttons[cat["code"]]
            btn.setText(f"{cat['name']}\n{self._wait_text(cat['code'])}")
            btn.setEnabled(not self.issuing and not self.is_closed_for_visitors() and self._open_for(cat["code"]))

    def _open_for(self, code: str) -> bool:
        """Reception staff may issue for any category; visitors only where the hall takes tickets now."""
        return self.reception is not None or self.takes_tickets(code)

    def choose_category(self, code: str) -> None:
        if self.issuing or self.is_closed_for_visitors() or not self._open_for(code):
            return
        self._category = code
        items = self.items.get(code, [])
        cat = next((c for c in self.categories if c["code"] == code), {"name": code})
        self.items_title.setText(cat["name"])
        self._render_items_info()
        grid = self.item_grid
        while grid.count():
            w = grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        cols = 3 if len(items) > 8 else 2
        for i, item in enumerate(items):
            btn = self._button("tile", lambda it=item["code"]: self._chosen(code, it))
            btn.setObjectName(f"item-{item['code']}")
            btn.setText(item["name"])
            btn.setStyleSheet("font-size: 22px;")
            btn.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            btn.setMinimumHeight(72)
            grid.addWidget(btn, i // cols, i % cols)
        self.pages.setCurrentWidget(self.items_page)
        self._home_timer.start()

    def _render_items_info(self) -> None:
        self.items_info.setText(self.tr("请选择具体事项（用于打印办事指南二维码）　{0}").format(
            self._wait_text(self._category)))

    def _chosen(self, code: str, item: str | None) -> None:
        if self.reception is not None:
            self._pending_green = (code, item)
            self.green_note.clear()
            self.pages.setCurrentWidget(self.green_page)
            return
        self.issue(code, item)

    def _issue_green(self, reason: str | None) -> None:
        if self._pending_green is None:
            return
        code, item = self._pending_green
        note = self.green_note.text().strip()
        if reason == "other" and not note:
            self.green_note.setFocus()
            self.green_note.setPlaceholderText(self.tr("选择“其他”时请填写备注"))
            return
        self._pending_green = None
        self.issue(code, item, green_reason=reason, green_note=note)

    # -- issuing ------------------------------------------------------------------------------------

    def issue(self, category: str | None, item: str | None = None, *, green_reason: str | None = None,
              green_note: str = "", appointment_code: str | None = None) -> bool:
        """Issue one ticket in the background; False (and nothing sent) while another issue is running."""
        if self.issuing:
            return False
        self.issuing = True
        self._set_busy(True)
        # reception issues green tickets, and any ticket after hours, with the staff session (the node allows it)
        by_staff = self.reception is not None and (green_reason or not self.accepts_tickets)
        client = self.reception if by_staff else self.bridge.client
        self.bridge.submit(client.issue, category, item, green_reason, green_note, appointment_code,
                           on_done=lambda out: self._issued(out, item, appointment_code is not None),
                           on_error=self._issue_failed, name="issue")
        if self.reception is not None:
            self._reception_timer.start()
        return True

    def _set_busy(self, busy: bool) -> None:
        for page in (self.home, self.items_page, self.green_page, self.form, self.appointment_page):
            for btn in page.findChildren(QPushButton):
                btn.setEnabled(not busy)
        if not busy:
            self._render_categories()  # tiles stay off while the hall is closed
            self.appt_button.setEnabled(not self.is_closed_for_visitors())

    def _issued(self, out: dict[str, Any], item: str | None, appointment: bool) -> None:
        self.issuing = False
        self._set_busy(False)
        ticket = out["ticket"]
        self.last_ticket = out
        code = ticket["category"]
        item_code = ticket.get("item") or item
        item_row = next((i for i in self.items.get(code, []) if i["code"] == item_code), None)
        category = next((c for c in self.categories if c["code"] == code), {})
        url = item_row["online_url"] if item_row else category.get("guide_url")  # none: the slip has no QR
        issued = datetime.fromisoformat(str(out["issued_at"]).replace("Z", "+00:00")).astimezone()
        self.last_slip = SlipData(
            hall_name=self.hall_name, number=out["number"], category_name=ticket["category_name"],
            issued_at=issued.replace(tzinfo=None), people_ahead=int(out["people_ahead"]), guide_url=url or None,
            item_name=ticket.get("item_name") or (item_row["name"] if item_row else None),
            green=bool(ticket.get("green_reason")), appointment=appointment)
        self.result_title.setText(self.tr("取号成功，您的号码是"))
        self.result_number.setText(out["number"])
        self.result_green.setVisible(self.last_slip.green)
        what = " · ".join(x for x in (ticket["category_name"], self.last_slip.item_name) if x)
        info = self.tr("{0}　您前面还有 {1} 人").format(what, out["people_ahead"])
        self.result_info.setText(info)
        self.pages.setCurrentWidget(self.result)
        self.ticket_issued.emit(out)
        self.print_slip(self.last_slip)
        self._home_timer.start()

    def _issue_failed(self, exc: BaseException) -> None:
        self.issuing = False
        self._set_busy(False)
        if getattr(exc, "status", None) == 409:  # maybe the hall closed meanwhile: ask before showing an error
            self.bridge.call("hall_status", on_done=lambda st: self._refused(st, exc),
                             on_error=lambda _e: self._show_issue_error(exc))
            return
        self._show_issue_error(exc)

    def _refused(self, status: dict[str, Any], exc: BaseException) -> None:
        self._take_status(status)
        if self.is_closed_for_visitors():
            self._home_timer.stop()
            self.pages.setCurrentWidget(self.closed_page)
        else:
            self._show_issue_error(exc)

    def _show_issue_error(self, exc: BaseException) -> None:
        if self.pages.currentWidget() in (self.form, self.appointment_page):
            self.pages.setCurrentWidget(self.form)
            self.form_error.setText(self.tr("未能签到：{0}").format(describe(exc)))
            return
        self.result_number.setText("")
        self.result_green.hide()
        self.result_info.setText("")
        self.result_title.setText(self.tr("暂时无法取号"))
        unknown = getattr(exc, "status", None) == 0
        self.print_status.setStyleSheet("font-size: 26px; color: #b3261e;")
        self.print_status.setText(
            self.tr("网络连接中断，请稍后重试或联系工作人员。") if unknown else self.tr("取号失败：{0}").format(exc))
        self.reprint_button.hide()
        self.pages.setCurrentWidget(self.result)
        self._home_timer.start()

    # -- printing -----------------------------------------------------------------------------------

    def print_slip(self, slip: SlipData) -> None:
        if not self.printer.enabled:  # a kiosk without a printer: the ticket on screen, no alarm
            self._show_on_screen("none")
            return
        self.reprint_button.setVisible(True)
        self.reprint_button.setEnabled(False)
        self.print_status.setStyleSheet("font-size: 26px; color: #1f4e79;")
        self.print_status.setText(self.tr("正在打印小票…"))
        self.bridge.submit(self.printer.print_slip, slip, on_done=self._printed, on_error=self._print_failed,
                           name="print_slip")

    def _printed(self, where: str) -> None:
        self.reprint_button.setEnabled(True)
        self.printer_alert.hide()
        self.printer_watch.stop()
        if self.pages.currentWidget() is self.screen_ticket:  # the re-print it offered came out
            self.pages.setCurrentWidget(self.result)
        self.print_status.setText(self.tr("请取走小票，留意叫号屏和语音提示"))
        self.slip_printed.emit(where)

    def _print_failed(self, exc: BaseException) -> None:
        kind = getattr(exc, "kind", "error")
        log.error("kiosk: slip for %s did not print (%s): %s", self.last_slip.number if self.last_slip else "?",
                  kind, exc)
        self.reprint_button.setEnabled(True)
        number = self.last_slip.number if self.last_slip else ""
        self.print_status.setStyleSheet("font-size: 26px; color: #b3261e;")
        if kind == "not_found":
            msg = self.tr("未连接小票打印机。您的号码 {0} 已有效，请记下号码或联系工作人员补打。")
        else:
            msg = self.tr("小票打印失败（可能缺纸）。您的号码 {0} 已有效，请记下号码或联系工作人员补打。")
        self.print_status.setText(msg.format(number))
        self.printer_alert.setText(self.tr("打印机异常，请工作人员检查"))
        self.printer_alert.show()
        self.slip_failed.emit(str(exc))
        self._show_on_screen(kind)
        self.printer_watch.start()

    def _show_on_screen(self, reason: str) -> None:
        """The ticket, its people ahead and guide QR large on screen, for a while (every touch extends it)."""
        if self.last_slip is None or self.pages.currentWidget() not in (self.result, self.screen_ticket):
            return
        self.screen_ticket.show_ticket(self.last_slip, reason)
        self.pages.setCurrentWidget(self.screen_ticket)
        self._home_timer.start(self.screen_ticket_s * 1000)

    def reprint(self) -> None:
        if self.last_slip is None:
            return
        from dataclasses import replace

        self.print_slip(replace(self.last_slip, reprint=True))

    # -- appointment and reception --------------------------------------------------------------------

    def _show_appointment(self) -> None:
        self._form_mode = "appointment"
        self.form_title.setText(self.tr("预约签到"))
        self.form_hint.setText(self.tr("请输入预约码（如 YY0001）"))
        self.field1.setPlaceholderText(self.tr("预约码"))
        self.field1.setText("YY")
        self.field2.hide()
        self.form_error.clear()
        self.pages.setCurrentWidget(self.form)
        self.field1.setFocus()
        self.field1.end(False)
        self._home_timer.start()

    def _show_login(self) -> None:
        if self.reception is not None:
            self.leave_reception()
            return
        self._form_mode = "login"
        self.form_title.setText(self.tr("工作人员登录（前台导办）"))
        self.form_hint.setText(self.tr("登录后可为老年人、残疾人等群体办理绿色通道取号。"))
        self.field1.setPlaceholderText(self.tr("工号"))
        self.field1.clear()
        self.field2.setPlaceholderText(self.tr("密码"))
        self.field2.clear()
        self.field2.show()
        self.form_error.clear()
        self.pages.setCurrentWidget(self.form)
        self.field1.setFocus()
        self._home_timer.start()

    def _form_submit(self) -> None:
        if self._form_mode == "appointment":
            code = self.field1.text().strip().upper()
            if len(code) < 3 or not self.form_ok.isEnabled():
                return
            self.form_ok.setEnabled(False)
            self.form_error.clear()
            self.bridge.call("appointment", code, on_done=self._appointment_found, on_error=self._appointment_failed)
            return
        staff_no, password = self.field1.text().strip(), self.field2.text()
        if not staff_no or not password:
            return
        client = HallClient(self.bridge.base_url, get_retries=0)
        self.form_ok.setEnabled(False)

        def ok(out: dict[str, Any]) -> None:
            self.form_ok.setEnabled(True)
            self.field2.clear()
            self.enter_reception(client, out.get("name", staff_no))

        def failed(exc: BaseException) -> None:
            self.form_ok.setEnabled(True)
            self.field2.clear()
            client.close()
            self.form_error.setText(self.tr("登录失败：{0}").format(exc))

        self.bridge.submit(client.login, staff_no, password, on_done=ok, on_error=failed, name="reception_login")

    def _appointment_found(self, appointment: dict[str, Any]) -> None:
        """Show the slot, service and masked name before issuing (签到 is the next tap)."""
        self.form_ok.setEnabled(True)
        if self.pages.currentWidget() is not self.form:
            return
        self.appointment_page.show_appointment(appointment, self.clock().date())
        self.pages.setCurrentWidget(self.appointment_page)
        self._home_timer.start()

    def _appointment_failed(self, exc: BaseException) -> None:
        self.form_ok.setEnabled(True)
        self.form_error.setText(self.tr("未能签到：{0}").format(describe(exc)))

    def enter_reception(self, client: HallClient, name: str) -> None:
        """Reception mode: tickets are issued with this staff session, and may be green-channel."""
        self.reception, self.reception_name = client, name
        self._reception_timer.start()
        self._update_mode()
        self.go_home()

    def leave_reception(self) -> None:
        client, self.reception = self.reception, None
        if client is not None:
            self.bridge.submit(client.logout, on_done=lambda _r: client.close(), on_error=lambda _e: client.close())
        self._reception_timer.stop()
        self._update_mode()
        self.go_home()

    def _update_mode(self) -> None:
        if self.reception is not None:
            self.mode_label.setText(self.tr("前台导办：{0}").format(self.reception_name))
            self.mode_label.show()
            self.staff_button.setText(self.tr("退出导办"))
        else:
            self.mode_label.hide()
            self.staff_button.setText(self.tr("工作人员"))

    # -- navigation ---------------------------------------------------------------------------------

    def go_home(self) -> None:
        if self.issuing:
            return
        self._home_timer.stop()
        self._home_timer.setInterval(HOME_AFTER_MS)  # a long page (the ticket on screen) set it longer
        self._pending_green = None
        self.result_title.setText(self.tr("取号成功，您的号码是"))
        if self.pages.currentWidget() is not self.device_setup:
            self.pages.setCurrentWidget(self.closed_page if self.is_closed_for_visitors() else self.home)
        self._render_categories()
        self.appt_button.setEnabled(not self.is_closed_for_visitors())

    def _tick(self) -> None:
        self.clock_label.setText(self.clock().strftime("%H:%M"))

    def mousePressEvent(self, event: Any) -> None:
        if self._home_timer.isActive():
            self._home_timer.start()  # a visitor still reading: do not snap back under their finger
        super().mousePressEvent(event)

    def closeEvent(self, event: QEvent) -> None:
        if self.reception is not None:
            self.reception.close()
        super().closeEvent(event)
