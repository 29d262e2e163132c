"""The supervisor's daily report (日报) as an A4 PDF: key figures, charts, tables per category and window.

Input is the plain dict of `hallclient.store.reports.daily_report` (or the same JSON from the LAN API), so
the console can render it on a worker thread and the CLI straight from the hall database. Every text,
chart labels included, is in the embedded CJK font; tables wrap their cells, so nothing leaves its box.
Only ticket numbers appear, never a visitor's name.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from hallclient.printing.fonts import register_fonts
from hallclient.printing.styles import (
    A4,
    ACCENT,
    FOOTER_H,
    INK,
    MARGIN,
    MUTED,
    RULE,
    SHADE,
    date_text,
    draw_footer,
)

PdfTarget = str | os.PathLike[str] | BinaryIO
FRAME_PAD = 6  # reportlab's default frame padding, on each side
CONTENT_W = A4[0] - 2 * MARGIN - 2 * FRAME_PAD  # what a flowable may use without leaving its frame

SLA_INK = {"blue": colors.HexColor("#2b6cb0"), "yellow": colors.HexColor("#d69e00"), "red": colors.HexColor("#c42b1c")}
SLA_BACK = {"blue": colors.HexColor("#e8f0fb"), "yellow": colors.HexColor("#fff4ce"), "red": colors.HexColor("#fde7e9")}
SLA_LABEL = {"blue": "蓝（黄色阈值内）", "yellow": "黄（红色阈值内）", "red": "红（超过红色阈值）"}
WEEKDAYS = "一二三四五六日"
RATING_INK = {5: "#1e8e3e", 4: "#6aa84f", 3: "#b0b0b0", 2: "#e69138", 1: "#c42b1c"}


def fmt_min(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def fmt_pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class _Styles:
    def __init__(self, font: str) -> None:
        self.font = font
        self.title = ParagraphStyle("title", fontName=font, fontSize=17, leading=22, textColor=ACCENT)
        self.sub = ParagraphStyle("sub", fontName=font, fontSize=9.5, leading=13, textColor=MUTED)
        self.h2 = ParagraphStyle("h2", fontName=font, fontSize=12, leading=16, textColor=ACCENT, spaceBefore=8,
                                 spaceAfter=4, keepWithNext=1)
        self.cell = ParagraphStyle("cell", fontName=font, fontSize=8, leading=10, textColor=INK, wordWrap="CJK")
        self.head = ParagraphStyle("head", parent=self.cell, textColor=colors.white, alignment=TA_CENTER)
        self.note = ParagraphStyle("note", fontName=font, fontSize=8, leading=11, textColor=MUTED, wordWrap="CJK")
        self.body = ParagraphStyle("body", fontName=font, fontSize=9, leading=13, textColor=INK, wordWrap="CJK")
        self.big = ParagraphStyle("big", fontName=font, fontSize=15, leading=18, textColor=INK, alignment=TA_CENTER)
        self.small = ParagraphStyle("small", fontName=font, fontSize=8, leading=10, textColor=MUTED,
                                    alignment=TA_CENTER)


def _esc(text: Any) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _grid(rows: list[list[Any]], widths: list[float], st: _Styles, *, shades: Sequence[tuple] = ()) -> Table:
    """A ruled table with a header row; every cell a wrapping Paragraph so long names stay inside."""
    data = [[Paragraph(_esc(c), st.head) for c in rows[0]]]
    for row in rows[1:]:
        data.append([Paragraph(_esc(c), st.cell) for c in row])
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), st.font),  # the cell default, else Helvetica gets named on the page
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    style += [("BACKGROUND", (0, r), (-1, r), SHADE) for r in range(2, len(data), 2)]
    style += list(shades)
    table.setStyle(TableStyle(style))
    return table


def _key_figures(report: dict[str, Any], st: _Styles) -> Table:
    t, g, r = report["totals"], report["green"], report["ratings"]
    figures = [
        (str(t["issued"]), "取号"), (str(t["served"]), "办结"), (str(t["no_show"]), "过号"),
        (str(t["waiting"] + t["at_window"]), "未办结"),
        (fmt_min(t["wait_mean_min"]), "平均等候（分钟）"), (fmt_min(t["wait_p90_min"]), "P90 等候（分钟）"),
        (fmt_min(t["service_mean_min"]), "平均办理（分钟）"), (fmt_pct(r["satisfaction"]), "满意率"),
        (str(g["count"]), "绿色通道"), (fmt_pct(g["compliance"]), f"绿色通道 {g['alert_after_min']} 分钟内叫号"),
        (str(r["negative"]), "差评"), (fmt_pct(t["sla_share"]["red"]), "红色预警占比"),
    ]
    cols = 6
    cells = [[Paragraph(_esc(v), st.big), Paragraph(_esc(lbl), st.small)] for v, lbl in figures]
    rows = [cells[i:i + cols] for i in range(0, len(cells), cols)]
    width = CONTENT_W / cols
    table = Table([[c for c in row] for row in rows], colWidths=[width] * cols)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), st.font),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, -1), SHADE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _drawing(width: float, height: float, font: str) -> Drawing:
    """A chart canvas whose default font is the embedded one (reportlab's default would add Helvetica)."""
    return Drawing(width, height, initialFontName=font, initialFontSize=8)


def _sla_strip(report: dict[str, Any], font: str) -> Drawing:
    """The day's calls split by the SLA colour of their wait, as one stacked bar with a legend below."""
    t = report["totals"]
    w, bar_h = CONTENT_W, 12
    d = _drawing(w, bar_h + 16, font)
    total = sum(t["sla"].values())
    x = 0.0
    if total == 0:
        d.add(Rect(0, 16, w, bar_h, fillColor=SHADE, strokeColor=RULE, strokeWidth=0.4))
        d.add(String(w / 2, 19, "当日无叫号", fontName=font, fontSize=8, fillColor=MUTED, textAnchor="middle"))
    for colour in ("blue", "yellow", "red"):
        n = t["sla"][colour]
        if total and n:
            part = w * n / total
            d.add(Rect(x, 16, part, bar_h, fillColor=SLA_INK[colour], strokeColor=None))
            x += part
    lx = 0.0
    for colour in ("blue", "yellow", "red"):
        d.add(Rect(lx, 3, 8, 8, fillColor=SLA_INK[colour], strokeColor=None))
        text = f"{SLA_LABEL[colour]} {t['sla'][colour]} 次 {fmt_pct(t['sla_share'][colour])}"
        d.add(String(lx + 11, 4, text, fontName=font, fontSize=8, fillColor=INK))
        lx += w / 3
    return d


def _arrivals_chart(report: dict[str, Any], font: str) -> Drawing:
    hours = report["arrivals_by_hour"]
    w, h = CONTENT_W, 115
    d = _drawing(w, h, font)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 22, w - 40, h - 32
    chart.data = [[x["count"] for x in hours] or [0]]
    chart.categoryAxis.categoryNames = [f"{x['hour']}时" for x in hours] or ["—"]
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    peak = max([1, *chart.data[0]])
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = peak * 1.15
    chart.valueAxis.valueStep = _nice_step(peak)
    chart.valueAxis.labelTextFormat = "%d"
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels, chart.barLabels):
        labels.fontName, labels.fontSize = font, 7.5
    chart.barLabelFormat = lambda v: str(int(v)) if v else ""
    chart.barLabels.nudge = 6
    d.add(chart)
    return d


def _nice_step(peak: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if peak / step <= 6:
            return step
    return max(1.0, round(peak / 5))


def _wait_chart(report: dict[str, Any], font: str) -> Drawing:
    """Mean and P90 wait per category (categories with calls), names on the left so long names fit."""
    cats = [c for c in report["categories"] if c["calls"]]
    w = CONTENT_W
    if not cats:
        d = _drawing(w, 24, font)
        d.add(String(w / 2, 8, "当日无叫号，无等候数据", fontName=font, fontSize=9, fillColor=MUTED,
                     textAnchor="middle"))
        return d
    row_h = 20
    h = len(cats) * row_h + 40
    d = _drawing(w, h, font)
    label_w = 100
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = label_w, 30, w - label_w - 30, h - 36
    # the chart draws the first category at the bottom: reverse, so the page reads top-down like the table
    cats = cats[::-1]
    chart.data = [[c["wait_mean_min"] or 0 for c in cats], [c["wait_p90_min"] or 0 for c in cats]]
    chart.categoryAxis.categoryNames = [_short(c["name"], 8) for c in cats]
    chart.bars[0].fillColor, chart.bars[1].fillColor = ACCENT, colors.HexColor("#9fb7cf")
    chart.bars.strokeColor = None
    _value_axis(chart, font, max([1.0, *chart.data[0], *chart.data[1]]), 1.18, "%.1f")
    chart.barLabels.fontSize = 6.5  # two labels per row: small enough not to touch
    chart.barSpacing, chart.groupSpacing = 1, 4
    d.add(chart)
    legend = Legend()
    legend.fontName, legend.fontSize = font, 8
    legend.alignment = "right"
    legend.x, legend.y = label_w, 10
    legend.columnMaximum, legend.deltax, legend.dx, legend.dy = 1, 90, 8, 8
    legend.colorNamePairs = [(ACCENT, "平均等候（分钟）"), (colors.HexColor("#9fb7cf"), "P90 等候（分钟）")]
    d.add(legend)
    return d


def _value_axis(chart: HorizontalBarChart, font: str, peak: float, headroom: float, bar_format: str) -> None:
    """Value axis from 0 with room for the bar labels (written beside each bar), all in the embedded font."""
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, peak * headroom
    chart.valueAxis.valueStep = _nice_step(peak)
    chart.valueAxis.labelTextFormat = "%d"
    chart.barLabelFormat = bar_format
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels, chart.barLabels):
        labels.fontName, labels.fontSize = font, 7.5


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _ratings_chart(report: dict[str, Any], font: str, width: float) -> Drawing:
    levels = report["ratings"]["levels"]
    h = 118
    d = _drawing(width, h, font)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 62, 18, width - 62 - 28, h - 24
    ordered = sorted(levels, key=lambda x: x["level"])  # 非常不满意 at the bottom, 非常满意 on top
    chart.data = [[x["count"] for x in ordered]]
    chart.categoryAxis.categoryNames = [x["label"] for x in ordered]
    for i, x in enumerate(ordered):
        chart.bars[(0, i)].fillColor = colors.HexColor(RATING_INK[x["level"]])
    chart.bars.strokeColor = None
    _value_axis(chart, font, max([1, *chart.data[0]]), 1.2, "%d")
    d.add(chart)
    return d


def _green_block(report: dict[str, Any], st: _Styles, width: float) -> Table:
    g = report["green"]
    reasons = "、".join(f"{r['label']} {r['count']}" for r in g["by_reason"]) or "—"
    longest = f"{fmt_min(g['longest_wait_min'])} 分钟（{g['longest_number']}）" if g["longest_number"] else "—"
    rows = [["项目", "数值"],
            ["绿色通道人数", str(g["count"])],
            ["按原因", reasons],
            [f"{g['alert_after_min']} 分钟内叫号", f"{g['called_within_limit']}（{fmt_pct(g['compliance'])}）"],
            ["超时叫号", str(g["called_late"])],
            ["未叫号（取消或仍在等候）", str(g["not_called"])],
            ["最长等候", longest]]
    return _grid(rows, [width * 0.5, width * 0.5], st)


def _category_table(report: dict[str, Any], st: _Styles) -> Table:
    head = ["业务类别", "取号", "转入", "转出", "办结", "过号", "取消", "未办结", "平均等候", "P90 等候", "最长等候",
            "平均办理", "蓝", "黄", "红"]
    rows: list[list[Any]] = [head]
    for c in report["categories"]:
        rows.append([f"{c['prefix']} {c['name']}", c["issued"], c["transferred_in"], c["transferred_out"],
                     c["served"], c["no_show"], c["cancelled"], c["waiting"] + c["at_window"],
                     fmt_min(c["wait_mean_min"]), fmt_min(c["wait_p90_min"]), fmt_min(c["wait_max_min"]),
                     fmt_min(c["service_mean_min"]), *(_sla_cell(c, k) for k in ("blue", "yellow", "red"))])
    t = report["totals"]
    rows.append(["合计", t["issued"], "", "", t["served"], t["no_show"], t["cancelled"], t["waiting"] + t["at_window"],
                 fmt_min(t["wait_mean_min"]), fmt_min(t["wait_p90_min"]), fmt_min(t["wait_max_min"]),
                 fmt_min(t["service_mean_min"]), *(_sla_cell(t, k) for k in ("blue", "yellow", "red"))])
    name_w = 88
    num_w = (CONTENT_W - name_w - 3 * 40) / 11
    widths = [name_w] + [num_w] * 11 + [40] * 3
    shades: list[tuple] = [("BACKGROUND", (12 + i, 1), (12 + i, -1), SLA_BACK[k])
                           for i, k in enumerate(("blue", "yellow", "red"))]
    shades.append(("LINEABOVE", (0, -1), (-1, -1), 0.9, ACCENT))
    return _grid(rows, widths, st, shades=shades)


def _sla_cell(row: dict[str, Any], colour: str) -> str:
    n, share = row["sla"][colour], row["sla_share"][colour]
    return "—" if share is None else f"{n} {share * 100:.0f}%"


def _window_table(report: dict[str, Any], st: _Styles) -> Table | Paragraph:
    if not report["windows"]:
        return Paragraph("当日没有窗口叫号。", st.body)
    head = ["窗口", "叫号", "办结", "过号", "平均办理（分钟）", "评价数", "差评", "满意率"]
    rows: list[list[Any]] = [head]
    for w in report["windows"]:
        name = w["name"] if w["name"].startswith(str(w["no"])) else f"{w['no']} {w['name']}"
        rows.append([name, w["calls"], w["served"], w["no_show"], fmt_min(w["service_mean_min"]),
                     w["rated"], w["negative"], fmt_pct(w["satisfaction"])])
    name_w = 110
    return _grid(rows, [name_w] + [(CONTENT_W - name_w) / 7] * 7, st)


def _ratings_table(report: dict[str, Any], st: _Styles, width: float) -> Table:
    r = report["ratings"]
    rows = [["评价", "人数"]] + [[x["label"], x["count"]] for x in sorted(r["levels"], key=lambda x: -x["level"])]
    rows += [["差评（不满意、非常不满意）", r["negative"]], ["满意率（满意、非常满意）", fmt_pct(r["satisfaction"])],
             ["参评率（评价数 / 办结数）", fmt_pct(r["rated_share"])]]
    return _grid(rows, [width * 0.62, width * 0.38], st)


def _side_by_side(left: Any, right: Any, left_w: float, right_w: float) -> Table:
    t = Table([[left, right]], colWidths=[left_w, right_w])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts()), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return t


def render_daily_report(report: dict[str, Any], hall_name: str, path_or_file: PdfTarget,
                        printed_on: date | None = None) -> None:
    """Write the daily report of `report` (from `daily_report` or the LAN API) as A4 pages."""
    font = register_fonts()
    st = _Styles(font)
    day = date.fromisoformat(str(report["day"])[:10])
    printed = printed_on or date.today()
    target = os.fspath(path_or_file) if isinstance(path_or_file, str | os.PathLike) else path_or_file
    doc = SimpleDocTemplate(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN + FOOTER_H, title=f"{hall_name} 日报 {day.isoformat()}",
                            author=hall_name, subject="政务服务大厅日报", creator="hallclient", lang="zh-CN",
                            initialFontName=font, initialFontSize=10)  # else every page names Helvetica

    def footer(canvas: Canvas, _doc: Any) -> None:
        draw_footer(canvas, hall_name, printed, f"日报 {day.isoformat()} · 第 {canvas.getPageNumber()} 页")

    generated = str(report.get("generated_at", ""))
    hall = report.get("hall", {})
    try:
        at = datetime.fromisoformat(generated)
        gen_local = at.astimezone(ZoneInfo(hall.get("timezone") or "Asia/Shanghai")).strftime("%Y-%m-%d %H:%M")
    except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        gen_local = "—"

    half = (CONTENT_W - 6 * mm) / 2
    story: list[Any] = [
        Paragraph(_esc(f"{hall_name} 日报"), st.title),
        Paragraph(_esc(f"营业日 {date_text(day)}（星期{WEEKDAYS[day.weekday()]}）　营业时间 "
                       f"{hall.get('opens_at', '')}–{hall.get('closes_at', '')}　数据截至 {gen_local}"), st.sub),
        Spacer(1, 4 * mm),
        _key_figures(report, st),
        Paragraph("叫号等候的预警颜色", st.h2),
        _sla_strip(report, font),
        Paragraph("每小时取号人数", st.h2),
        _arrivals_chart(report, font),
        KeepTogether([Paragraph("各业务类别等候时间（分钟）", st.h2), _wait_chart(report, font)]),
        KeepTogether([
            _side_by_side(Paragraph("好差评", st.h2), Paragraph("绿色通道", st.h2), half + 6 * mm, half),
            _side_by_side(_ratings_chart(report, font, half), _green_block(report, st, half), half + 6 * mm, half),
        ]),
        Paragraph("各业务类别明细", st.h2),
        _category_table(report, st),
        Paragraph("等候：取号至首次叫号；办理：开始办理至办结；未办结：仍在等候或在窗口。颜色按各类别的黄色、红色阈值"
                  "（分钟）计算首次叫号时的等候；转入、转出只计业务类别之间的转办。", st.note),
        KeepTogether([Paragraph("各窗口明细", st.h2), _window_table(report, st)]),
        KeepTogether([Paragraph("好差评明细", st.h2), _ratings_table(report, st, half)]),
    ]
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
