"""The display board (叫号屏) painted with QPainter from a `BoardModel`, scaled to any screen.

One unit `u` = the screen's size against a 1920×1080 (or, portrait, 1080×1920) design, so 1080p, 4K and
portrait screens get the same proportions. Text is fitted into its box (shrunk, never clipped); the newest
call is highlighted for `model.highlight_for`; green-channel calls carry a 绿色通道 badge. Painting only
reads the model, so a repaint costs the same after 10,000 calls as after one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from hallclient.ui.display.model import BoardModel, Call

BG = QColor("#06204a")
HEADER = QColor("#0b3473")
PANEL = QColor("#0d2d5e")
TEXT = QColor("#ffffff")
MUTED = QColor("#a9c1e8")
NUMBER = QColor("#ffd54a")
HIGHLIGHT = QColor("#f5b400")
HIGHLIGHT_TEXT = QColor("#1a1a1a")
GREEN = QColor("#1e9e4a")
WARN = QColor("#c42b1c")
VOICE_BADGE = QColor("#a34a00")


class DisplayBoard(QWidget):
    """Full-screen board; call `refresh()` after changing the model (cheap: it only schedules a paint)."""

    painted = Signal(int)  # the model revision a paint showed (the soak benchmark times event → repaint)

    def __init__(self, model: BoardModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(480, 270)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self._family = self.font().family()
        self._families = self.font().families()
        self.link_text = ""  # set by the controller when the link is down
        self.voice_state = "on"  # "off" (switched off) or "chime" (no Chinese voice): a small badge says so
        self.voice_badge: QRectF | None = None  # where the last paint put it (None: not shown)
        self._retranslate()

    def _retranslate(self) -> None:
        self.t_latest = self.tr("最新叫号")
        self.t_windows = self.tr("窗口服务")
        self.t_waiting = self.tr("等候人数")
        self.t_please = self.tr("请到 {0} 号窗口")
        self.t_window = self.tr("{0}号窗口")
        self.t_people = self.tr("{0} 人")
        self.t_green = self.tr("绿色通道")
        self.t_paused = self.tr("暂停服务")
        self.t_closed = self.tr("未开放")
        self.t_idle = self.tr("—")
        self.t_no_calls = self.tr("请留意叫号")
        self.t_stale = self.tr("网络连接中断，正在重新连接…")
        self.t_voice = {"off": self.tr("语音播报已关闭"), "chime": self.tr("未找到中文语音 · 仅提示音")}

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.update()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.update()

    # -- helpers ------------------------------------------------------------------------------------

    def _font(self, px: float) -> QFont:
        f = QFont(self.font())
        f.setFamilies(self._families)
        f.setPixelSize(max(6, int(px)))
        return f

    def _fit(self, text: str, width: float, px: float) -> float:
        """The largest pixel size up to `px` at which `text` fits `width`."""
        w = QFontMetricsF(self._font(px)).horizontalAdvance(text)
        return px if w <= width or w <= 0 else max(6.0, px * width / w * 0.98)

    def _text(self, p: QPainter, rect: QRectF, text: str, px: float,
              align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter, colour: QColor = TEXT) -> None:
        """Draw one line fitted into `rect`: shrink the font until it fits (never clip)."""
        size = min(px, rect.height() * 0.92)
        font = self._font(size)
        width = QFontMetricsF(font).horizontalAdvance(text)
        if width > rect.width() > 0:
            size = max(6.0, size * rect.width() / width * 0.98)
            font = self._font(size)
        p.setFont(font)
        p.setPen(colour)
        p.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)

    # -- painting -----------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        w, h = float(self.width()), float(self.height())
        portrait = h > w
        u = min(w / 1080, h / 1920) if portrait else min(w / 1920, h / 1080)
        p.fillRect(self.rect(), BG)
        stale = self.model.is_stale() or bool(self.link_text)
        header = QRectF(0, 0, w, 120 * u)
        self._header(p, header, u, stale)
        gap = 20 * u
        body = QRectF(gap, header.bottom() + gap, w - 2 * gap, h - header.height() - 2 * gap)
        if portrait:
            calls_h = body.height() * 0.40
            waits_h = body.height() * 0.17
            calls = QRectF(body.left(), body.top(), body.width(), calls_h)
            wins = QRectF(body.left(), calls.bottom() + gap, body.width(), body.height() - calls_h - waits_h - 2 * gap)
            waits = QRectF(body.left(), wins.bottom() + gap, body.width(), waits_h)
        else:
            waits_h = body.height() * 0.22
            calls = QRectF(body.left(), body.top(), body.width() * 0.42, body.height() - waits_h - gap)
            wins = QRectF(calls.right() + gap, body.top(), body.width() - calls.width() - gap, calls.height())
            waits = QRectF(body.left(), calls.bottom() + gap, body.width(), waits_h)
        if stale:
            p.setOpacity(0.55)
        self._calls(p, calls, u, portrait)
        self._windows(p, wins, u)
        self._waiting(p, waits, u)
        p.setOpacity(1.0)
        p.end()
        self.painted.emit(self.model.revision)

    def _header(self, p: QPainter, r: QRectF, u: float, stale: bool) -> None:
        p.fillRect(r, HEADER)
        pad = 30 * u
        now = self.model.clock().astimezone(self.model.local_tz)
        weekday = QLocale().dayName(now.isoweekday(), QLocale.FormatType.LongFormat)  # 星期一 / Monday
        clock = f"{now:%Y-%m-%d} {weekday} {now:%H:%M:%S}"
        clock_w = r.width() * 0.36
        name_w = r.width() - clock_w - 3 * pad
        if stale:
            name_w = r.width() * 0.34
            banner = QRectF(r.left() + pad + name_w + pad, r.top() + 22 * u, r.width() - clock_w - name_w - 4 * pad,
                            r.height() - 44 * u)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(WARN)
            p.drawRoundedRect(banner, 10 * u, 10 * u)
            self._text(p, banner.adjusted(10 * u, 0, -10 * u, 0), self.link_text or self.t_stale, 34 * u)
        self._text(p, QRectF(r.left() + pad, r.top(), name_w, r.height()), self.model.hall_name, 56 * u,
                   Qt.AlignmentFlag.AlignLeft)
        self._text(p, QRectF(r.right() - pad - clock_w, r.top(), clock_w, r.height()), clock, 40 * u,
                   Qt.AlignmentFlag.AlignRight, MUTED)

    def _panel(self, p: QPainter, r: QRectF, u: float, title: str) -> QRectF:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(PANEL)
        p.drawRoundedRect(r, 16 * u, 16 * u)
        self._text(p, QRectF(r.left() + 24 * u, r.top() + 8 * u, r.width() - 48 * u, 56 * u), title, 40 * u,
                   Qt.AlignmentFlag.AlignLeft, MUTED)
        return r.adjusted(20 * u, 72 * u, -20 * u, -20 * u)

    def voice_badge_text(self) -> str:
        """The badge's text; "" while calls are spoken."""
        return self.t_voice.get(self.voice_state, "")

    def voice_badge_rect(self, r: QRectF, u: float) -> QRectF:
        """Where the voice badge goes: the right end of the calls panel's title row (`r` = the panel)."""
        text = self.voice_badge_text()
        px = 28 * u
        width = min(r.width() * 0.6, QFontMetricsF(self._font(px)).horizontalAdvance(text) + 78 * u)
        return QRectF(r.right() - 20 * u - width, r.top() + 14 * u, width, 46 * u)

    def _voice_badge(self, p: QPainter, r: QRectF, u: float) -> None:
        """Small and calm, but legible across the hall: a struck-through speaker and one line of text."""
        text = self.voice_badge_text()
        self.voice_badge = None
        if not text:
            return
        badge = self.voice_badge = self.voice_badge_rect(r, u)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(VOICE_BADGE)
        p.drawRoundedRect(badge, 10 * u, 10 * u)
        icon = QRectF(badge.left() + 12 * u, badge.top() + 9 * u, 28 * u, badge.height() - 18 * u)
        p.setBrush(TEXT)
        p.drawRect(QRectF(icon.left(), icon.center().y() - icon.height() * 0.2, icon.width() * 0.3,
                          icon.height() * 0.4))
        p.drawPolygon([QPointF(icon.left() + icon.width() * 0.3, icon.center().y() - icon.height() * 0.2),
                       QPointF(icon.left() + icon.width() * 0.62, icon.top()),
                       QPointF(icon.left() + icon.width() * 0.62, icon.bottom()),
                       QPointF(icon.left() + icon.width() * 0.3, icon.center().y() + icon.height() * 0.2)])
        p.setPen(QPen(TEXT, max(1.0, 3 * u)))
        p.drawLine(QPointF(icon.left() + icon.width() * 0.72, icon.top() + icon.height() * 0.3),
                   QPointF(icon.right(), icon.bottom() - icon.height() * 0.3))
        p.drawLine(QPointF(icon.left() + icon.width() * 0.72, icon.bottom() - icon.height() * 0.3),
                   QPointF(icon.right(), icon.top() + icon.height() * 0.3))
        self._text(p, QRectF(icon.right() + 10 * u, badge.top(), badge.right() - icon.right() - 22 * u,
                             badge.height()), text, 28 * u, Qt.AlignmentFlag.AlignLeft)

    def _calls(self, p: QPainter, r: QRectF, u: float, portrait: bool) -> None:
        inner = self._panel(p, r, u, self.t_latest)
        self._voice_badge(p, r, u)
        calls = list(self.model.calls)
        if not calls:
            self._text(p, inner, self.t_no_calls, 64 * u, colour=MUTED)
            return
        top_h = inner.height() * (0.5 if portrait else 0.46)
        self._newest(p, QRectF(inner.left(), inner.top(), inner.width(), top_h), u, calls[0])
        rest = calls[1:]
        rows = max(1, min(len(rest), 5 if not portrait else 4))
        row_h = min(90 * u, (inner.height() - top_h - 16 * u) / rows)
        y = inner.top() + top_h + 16 * u
        for call in rest[:rows]:
            row = QRectF(inner.left(), y, inner.width(), row_h - 8 * u)
            self._call_row(p, row, u, call)
            y += row_h

    def _newest(self, p: QPainter, r: QRectF, u: float, call: Call) -> None:
        lit = self.model.highlighted(call)
        if lit:
            # blink gently at 1 Hz so the eye finds it; solid colour the second half of each second
            solid = self.model.clock().microsecond < 700_000
            p.setBrush(HIGHLIGHT if solid else HIGHLIGHT.darker(115))
        else:
            p.setBrush(QColor("#123a78"))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(r, 14 * u, 14 * u)
        fg = HIGHLIGHT_TEXT if lit else NUMBER
        sub = HIGHLIGHT_TEXT if lit else TEXT
        number_r = QRectF(r.left() + 20 * u, r.top() + 6 * u, r.width() - 40 * u, r.height() * 0.58)
        self._text(p, number_r, call.number, 170 * u, colour=fg)
        line_r = QRectF(r.left() + 20 * u, number_r.bottom(), r.width() - 40 * u, r.height() * 0.36)
        if call.green:
            badge_w = min(r.width() * 0.34, 230 * u)
            badge = QRectF(line_r.left(), line_r.top() + line_r.height() * 0.15, badge_w, line_r.height() * 0.7)
            p.setBrush(GREEN)
            p.drawRoundedRect(badge, 10 * u, 10 * u)
            self._text(p, badge.adjusted(8 * u, 0, -8 * u, 0), self.t_green, 40 * u)
            line_r = line_r.adjusted(badge_w + 12 * u, 0, 0, 0)
        self._text(p, line_r, self.t_please.format(call.window_no), 64 * u, colour=sub)

    def _call_row(self, p: QPainter, r: QRectF, u: float, call: Call) -> None:
        p.setBrush(QColor("#123a78"))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(r, 10 * u, 10 * u)
        num_w = r.width() * 0.40
        self._text(p, QRectF(r.left() + 16 * u, r.top(), num_w, r.height()), call.number, 56 * u,
                   Qt.AlignmentFlag.AlignLeft, NUMBER)
        right = QRectF(r.left() + num_w + 24 * u, r.top(), r.width() - num_w - 40 * u, r.height())
        if call.green:
            badge = QRectF(right.left(), r.top() + r.height() * 0.2, min(150 * u, right.width() * 0.4),
                           r.height() * 0.6)
            p.setBrush(GREEN)
            p.drawRoundedRect(badge, 8 * u, 8 * u)
            self._text(p, badge.adjusted(6 * u, 0, -6 * u, 0), self.t_green, 28 * u)
            right = right.adjusted(badge.width() + 10 * u, 0, 0, 0)
        self._text(p, right, self.t_please.format(call.window_no), 46 * u, Qt.AlignmentFlag.AlignRight)

    def _windows(self, p: QPainter, r: QRectF, u: float) -> None:
        inner = self._panel(p, r, u, self.t_windows)
        wins = list(self.model.windows.values())  # every window; those nobody is at say 未开放
        if not wins:
            return
        n = len(wins)
        best = None
        for cols in range(1, n + 1):  # the grid whose cells are closest to 2:1 and largest
            rows = -(-n // cols)
            cw, ch = inner.width() / cols, inner.height() / rows
            score = min(cw, ch * 2.2)
            if best is None or score > best[0]:
                best = (score, cols, rows)
        _, cols, rows = best
        cw, ch = inner.width() / cols, inner.height() / rows
        g = 8 * u
        for i, win in enumerate(wins):
            cell = QRectF(inner.left() + (i % cols) * cw, inner.top() + (i // cols) * ch, cw - g, ch - g)
            serving = bool(win.current)
            closed = not win.is_open and not serving
            p.setPen(Qt.PenStyle.NoPen)
            if closed:
                p.setBrush(QColor("#0a1d3d"))
            else:
                p.setBrush(GREEN.darker(130) if win.green and serving else QColor("#163f80" if serving else "#0f2a57"))
            p.drawRoundedRect(cell, 8 * u, 8 * u)
            label = QRectF(cell.left() + 8 * u, cell.top(), cell.width() * 0.48 - 8 * u, cell.height())
            value = QRectF(cell.left() + cell.width() * 0.48, cell.top(), cell.width() * 0.52 - 10 * u, cell.height())
            self._text(p, label, self.t_window.format(win.no), min(40 * u, ch * 0.42), Qt.AlignmentFlag.AlignLeft,
                       MUTED)
            if closed:
                self._text(p, value, self.t_closed, min(34 * u, ch * 0.38), Qt.AlignmentFlag.AlignRight, MUTED)
            elif win.paused and not serving:
                self._text(p, value, self.t_paused, min(34 * u, ch * 0.38), Qt.AlignmentFlag.AlignRight, MUTED)
            else:
                self._text(p, value, win.current or self.t_idle, min(52 * u, ch * 0.55), Qt.AlignmentFlag.AlignRight,
                           NUMBER if serving else MUTED)

    def _waiting(self, p: QPainter, r: QRectF, u: float) -> None:
        inner = self._panel(p, r, u, self.t_waiting)
        cats = list(self.model.categories.values())
        if not cats:
            return
        n = len(cats)
        portrait = self.height() > self.width()
        cols = min(n, 4 if portrait else 6)
        rows = -(-n // cols)
        cw, ch = inner.width() / cols, inner.height() / rows
        g = 8 * u
        # one text size for every name, so a long name does not make its neighbours look odd
        name_px = min([min(34 * u, ch * 0.5)] + [self._fit(c.name, cw * 0.64 - 20 * u, 34 * u) for c in cats])
        for i, cat in enumerate(cats):
            cell = QRectF(inner.left() + (i % cols) * cw, inner.top() + (i // cols) * ch, cw - g, ch - g)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#123a78"))
            p.drawRoundedRect(cell, 8 * u, 8 * u)
            name = QRectF(cell.left() + 10 * u, cell.top(), cell.width() * 0.64 - 10 * u, cell.height())
            count = QRectF(cell.left() + cell.width() * 0.64, cell.top(), cell.width() * 0.36 - 10 * u, cell.height())
            self._text(p, name, cat.name, name_px, Qt.AlignmentFlag.AlignLeft)
            self._text(p, count, self.t_people.format(cat.waiting), min(38 * u, ch * 0.55), Qt.AlignmentFlag.AlignRight,
                       NUMBER)
