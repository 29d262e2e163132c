"""The monthly report (月报) as an A4 PDF or an XLSX workbook, for the city or for one hall.

Input is the plain dict of `hallclient.central.reports` (`city_report`, `hall_report`), so the CLI, the hall
node's API and the supervisor console all render the same thing. The PDF follows the daily report's rules
(`printing/daily_report.py`): every text in the embedded CJK font, chart labels included, cells that wrap.
The workbook has one sheet per table and native Excel charts, for offices that keep their own figures.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from hallclient.domain.report_labels import local_time, short_name
from hallclient.printing.daily_report import (
    CONTENT_W,
    SLA_BACK,
    _drawing,
    _esc,
    _grid,
    _short,
    _side_by_side,
    _Styles,
    fmt_min,
    fmt_pct,
)
from hallclient.printing.fonts import register_fonts
from hallclient.printing.styles import A4, ACCENT, FOOTER_H, MARGIN, MUTED, RULE, SHADE, draw_footer

PdfTarget = str | os.PathLike[str] | BinaryIO
SECOND = colors.HexColor("#9fb7cf")
FLAG = colors.HexColor("#c42b1c")


def _step(peak: float) -> float:
    """An axis step of 1, 2 or 5 × 10^k giving at most 6 steps (cities count in tens of thousands)."""
    step = 1.0
    while peak / step > 6:
        step *= 2 if str(int(step))[0] in "15" else 2.5
    return step


def _title(report: dict[str, Any]) -> str:
    period = report["period"]["label"]
    if report["kind"] == "city":
        return f"政务服务大厅月报（全市） {period}"
    return f"{report['hall']['name']} 月报 {period}"


def _generated(report: dict[str, Any]) -> str:
    return local_time(report.get("generated_at"), (report.get("hall") or {}).get("timezone") or "Asia/Shanghai")


def _key_figures(t: dict[str, Any], st: _Styles) -> Table:
    figures = [
        (str(t["issued"]), "取号（办件量）"), (str(t["served"]), "办结"), (str(t["no_show"]), "过号"),
        (fmt_min(t["wait_mean_min"]), "平均等候（分钟）"), (fmt_min(t["wait_p90_min"]), "P90 等候（分钟）"),
        (fmt_min(t["service_mean_min"]), "平均办理（分钟）"),
        (fmt_pct(t["satisfaction"]), "满意率"), (str(t["negative"]), "差评"), (fmt_pct(t["rated_share"]), "参评率"),
        (fmt_pct(t["sla_share"]["red"]), "红色预警占比"), (str(t["green"]["count"]), "绿色通道"),
        (fmt_pct(t["green"]["compliance"]), "绿色通道限时内叫号"),
    ]
    cols = 6
    cells = [[Paragraph(_esc(v), st.big), Paragraph(_esc(lbl), st.small)] for v, lbl in figures]
    table = Table([cells[i:i + cols] for i in range(0, len(cells), cols)], colWidths=[CONTENT_W / cols] * cols)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), st.font), ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE), ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return table


def _bars(labels: list[str], series: list[list[float]], names: list[str], font: str, height: float = 150,
          fmt: str = "%d") -> Any:
    """Vertical bars, one group per label (halls side by side, or days/months)."""
    w = CONTENT_W
    d = _drawing(w, height, font)
    if not labels:
        d.add(String(w / 2, height / 2, "无数据", fontName=font, fontSize=9, fillColor=MUTED, textAnchor="middle"))
        return d
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 34, 34, w - 44, height - 52
    chart.data = series
    chart.categoryAxis.categoryNames = labels
    for i, c in enumerate((ACCENT, SECOND)[:len(series)]):
        chart.bars[i].fillColor = c
    chart.bars.strokeColor = None
    peak = max([1.0, *[v for s in series for v in s]])
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, peak * 1.15
    chart.valueAxis.valueStep = _step(peak)
    chart.valueAxis.labelTextFormat = "%d"
    for lab in (chart.categoryAxis.labels, chart.valueAxis.labels, chart.barLabels):
        lab.fontName, lab.fontSize = font, 6.5
    if len(labels) > 12:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.barLabelFormat = fmt if len(labels) * len(series) <= 24 else None
    chart.barLabels.nudge = 5
    d.add(chart)
    _legend(d, names, font, height)
    return d


def _legend(d: Any, names: list[str], font: str, height: float) -> None:
    legend = Legend()
    legend.fontName, legend.fontSize = font, 7.5
    legend.alignment = "right"
    legend.x, legend.y = 40, height - 6
    legend.columnMaximum, legend.deltax, legend.dx, legend.dy = 1, 110, 7, 7
    legend.colorNamePairs = list(zip((ACCENT, SECOND), names, strict=False))
    d.add(legend)


def _lines(labels: list[str], series: list[list[float | None]], names: list[str], font: str,
           height: float = 140) -> Any:
    """Months (or days) as a trend: one line per series, gaps where a month has no data."""
    w = CONTENT_W
    d = _drawing(w, height, font)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 34, 30, w - 44, height - 48
    chart.data = [[v if v is not None else None for v in s] for s in series]
    chart.categoryAxis.categoryNames = labels
    chart.lines[0].strokeColor, chart.lines[0].strokeWidth = ACCENT, 1.5
    if len(series) > 1:
        chart.lines[1].strokeColor, chart.lines[1].strokeWidth = FLAG, 1.2
    peak = max([1.0, *[v for s in series for v in s if v is not None]])
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, peak * 1.15
    chart.valueAxis.valueStep = _step(peak)
    chart.valueAxis.labelTextFormat = "%d"
    for lab in (chart.categoryAxis.labels, chart.valueAxis.labels):
        lab.fontName, lab.fontSize = font, 6.5
    if len(labels) > 12:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.joinedLines = 1
    for i in range(len(series)):  # a month alone (no neighbour to join) still shows
        chart.lines[i].symbol = makeMarker("FilledCircle", size=3)
    d.add(chart)
    legend = Legend()
    legend.fontName, legend.fontSize = font, 7.5
    legend.alignment = "right"
    legend.x, legend.y = 40, height - 6
    legend.columnMaximum, legend.deltax, legend.dx, legend.dy = 1, 120, 7, 7
    legend.colorNamePairs = list(zip((ACCENT, FLAG), names, strict=False))
    d.add(legend)
    return d


def _figure_row(name: str, f: dict[str, Any]) -> list[Any]:
    return [name, f["issued"], f["served"], f["no_show"], f["unfinished"], fmt_min(f["wait_mean_min"]),
            fmt_min(f["wait_p90_min"]), fmt_min(f["service_mean_min"]), _sla(f, "red"),
            fmt_pct(f["green"]["compliance"]),
            f["rated"], f["negative"], fmt_pct(f["satisfaction"])]


FIGURE_HEAD = ["名称", "取号", "办结", "过号", "未办结", "平均等候", "P90 等候", "平均办理", "红色预警", "绿色通道限时",
               "评价数", "差评", "满意率"]


def _sla(f: dict[str, Any], colour: str) -> str:
    share = f["sla_share"][colour]
    return "—" if share is None else f"{f['sla'][colour]} {share * 100:.0f}%"


def _figure_table(head0: str, rows: list[tuple[str, dict[str, Any]]], st: _Styles,
                  total: dict[str, Any] | None = None) -> Table | Paragraph:
    if not rows:
        return Paragraph("本期无数据。", st.body)
    data: list[list[Any]] = [[head0, *FIGURE_HEAD[1:]]] + [_figure_row(n, f) for n, f in rows]
    if total is not None:
        data.append(_figure_row("合计", total))
    name_w = 96
    widths = [name_w] + [(CONTENT_W - name_w) / 12] * 12
    return _grid(data, widths, st, shades=[("BACKGROUND", (8, 1), (8, -1), SLA_BACK["red"])])


def _ranking(flags: dict[str, Any], key: str, st: _Styles, city: bool) -> Table | Paragraph:
    rows = flags[key]
    if not rows:
        return Paragraph("本期没有达到参评条件的窗口（工作人员）。", st.body)
    head = ["名次", *(["大厅"] if city else []), "窗口" if key == "windows" else "工作人员", "办结", "评价数", "满意率",
            "差评率", "平均办理", "红旗"]
    data: list[list[Any]] = [head]
    for r in rows:
        data.append([r["rank"], *([r["hall"]] if city else []), r["name"], r["served"], r["rated"],
                     fmt_pct(r["satisfaction"]), fmt_pct(r["negative_rate"]), fmt_min(r["service_mean_min"]),
                     "红旗" if r["red_flag"] else ""])
    first = 34
    rest = (CONTENT_W - first) / (len(head) - 1)
    return _grid(data, [first] + [rest] * (len(head) - 1), st)


def _ratings(report: dict[str, Any], st: _Styles) -> list[Any]:
    r = report["ratings"]
    half = (CONTENT_W - 6 * mm) / 2
    src: list[list[Any]] = [["评价来源", "评价数", "差评", "满意率"]] + [
        [s["label"], s["rated"], s["negative"], fmt_pct(s["satisfaction"])] for s in r["by_source"]]
    fol: list[list[Any]] = [["差评整改状态", "件数"]] + [[f["label"], f["count"]] for f in r["negative_followup"]]
    if len(src) == 1:
        src.append(["—", 0, 0, "—"])
    if len(fol) == 1:
        fol.append(["本期无差评", 0])
    return [_side_by_side(_grid(src, [half * 0.4, half * 0.2, half * 0.2, half * 0.2], st),
                          _grid(fol, [half * 0.7, half * 0.3], st), half + 6 * mm, half),
            Paragraph("评价来源：窗口评价器、扫码评价、纸质代录；大厅未报送来源或整改状态的评价记为“未区分”。",
                      st.note)]


def _story(report: dict[str, Any], st: _Styles) -> list[Any]:
    font = st.font
    t = report["totals"]
    city = report["kind"] == "city"
    story: list[Any] = [
        Paragraph(_esc(_title(report)), st.title),
        Paragraph(_esc(f"统计期 {report['period']['start']} 至 {report['period']['end']}　数据截至 {_generated(report)}"
                       + "　按取号所在营业日统计"), st.sub),
        Spacer(1, 4 * mm), _key_figures(t, st),
    ]
    for note in report.get("notes", []):
        story.append(Paragraph(_esc(note), st.note))
    trend = report["trend"]
    labels = [x["label"][5:] if len(x["label"]) == 10 else x["label"] for x in trend]
    if city:
        halls = report["halls"]
        names = [_short(short_name(h["name"]), 6) for h in halls]
        story += [
            KeepTogether([Paragraph("各大厅办件量（取号、办结）", st.h2),
                          _bars(names, [[h["issued"] for h in halls], [h["served"] for h in halls]],
                                ["取号", "办结"], font)]),
            KeepTogether([Paragraph("各大厅平均等候与 P90 等候（分钟）", st.h2),
                          _bars(names, [[h["wait_mean_min"] or 0 for h in halls],
                                        [h["wait_p90_min"] or 0 for h in halls]],
                                ["平均等候", "P90 等候"], font, fmt="%.1f")]),
            KeepTogether([Paragraph("近 12 个月趋势：办件量", st.h2),
                          _lines(labels, [[x["issued"] for x in trend], [x["served"] for x in trend]],
                                 ["取号", "办结"], font)]),
            KeepTogether([Paragraph("近 12 个月趋势：平均等候（分钟）与满意率（%）", st.h2),
                          _lines(labels, [[x["wait_mean_min"] for x in trend],
                                          [None if x["satisfaction"] is None else x["satisfaction"] * 100
                                           for x in trend]], ["平均等候", "满意率 %"], font)]),
            Paragraph("各大厅明细", st.h2),
            _figure_table("大厅", [(h["name"], h) for h in halls], st, t),
            Paragraph("各大厅同步状态", st.h2), _sync_table(halls, st),
        ]
    else:
        by_day = bool(trend) and len(trend[0]["label"]) == 10
        story += [
            KeepTogether([Paragraph("每日办件量" if by_day else "各月办件量", st.h2),
                          _bars(labels, [[x["issued"] for x in trend], [x["served"] for x in trend]],
                                ["取号", "办结"], font)]),
            KeepTogether([Paragraph("平均等候（分钟）与满意率（%）", st.h2),
                          _lines(labels, [[x["wait_mean_min"] for x in trend],
                                          [None if x["satisfaction"] is None else x["satisfaction"] * 100
                                           for x in trend]], ["平均等候", "满意率 %"], font)]),
            KeepTogether([Paragraph("各时段取号人数（本期合计）", st.h2),
                          _bars([f"{x['hour']}时" for x in report["arrivals_by_hour"]],
                                [[x["count"] for x in report["arrivals_by_hour"]]], ["取号"], font, 120)]),
            Paragraph("各业务类别", st.h2),
            _figure_table("业务类别", [(f"{c['prefix']} {c['name']}", c) for c in report["categories"]], st, t),
            Paragraph("各窗口", st.h2),
            _figure_table("窗口", [(w["name"], w) for w in report["windows"]], st),
            Paragraph("各工作人员", st.h2),
            _figure_table("工作人员", [(f"{c['staff_no']} {c['name']}", c) for c in report["clerks"]], st),
            Paragraph("各事项（按取号量，前 30 项）", st.h2),
            _figure_table("事项", [(f"{i['code']} {i['name']}", i) for i in report["items"][:30]], st),
        ]
    story += [Paragraph("好差评", st.h2), *_ratings(report, st)]
    flags = report["red_flags"]
    story += [
        Paragraph("红旗窗口排名", st.h2), Paragraph(_esc(flags["rule"]), st.note),
        _ranking(flags, "windows", st, city),
        Paragraph(f"参评窗口 {flags['windows_eligible']} 个。", st.note),
        Paragraph("工作人员排名", st.h2), _ranking(flags, "clerks", st, city),
        Paragraph(f"参评工作人员 {flags['clerks_eligible']} 人。", st.note),
        Paragraph("口径：等候为取号至首次叫号，计入首次叫号的业务类别、窗口和工作人员；办理为开始办理至办结；"
                  "预警颜色按各类别当前的黄色、红色阈值；绿色通道限时内叫号按大厅当前的提醒分钟数；"
                  "时间以分钟计，保留一位小数（四舍五入）；P90 为第 90 百分位（最近秩）的等候。", st.note),
    ]
    return story


def _sync_table(halls: list[dict[str, Any]], st: _Styles) -> Table:
    data: list[list[Any]] = [["大厅", "最近同步", "最近成功", "待同步天数", "核对"]]
    for h in halls:
        s = h["sync"]
        data.append([h["name"], local_time(s["last_sync_at"], s["timezone"]),
                     local_time(s["last_ok_at"], s["timezone"]),
                     "—" if s["pending_days"] is None else s["pending_days"],
                     {True: "通过", False: "不一致", None: "—"}[s["checks_passed"]]])
    return _grid(data, [CONTENT_W * 0.3, CONTENT_W * 0.2, CONTENT_W * 0.2, CONTENT_W * 0.15, CONTENT_W * 0.15], st)


def render_monthly_pdf(report: dict[str, Any], path_or_file: PdfTarget, printed_on: date | None = None) -> None:
    font = register_fonts()
    st = _Styles(font)
    title = _title(report)
    author = report["hall"]["name"] if report["kind"] == "hall" else "政务服务管理局"
    target = os.fspath(path_or_file) if isinstance(path_or_file, str | os.PathLike) else path_or_file
    doc = SimpleDocTemplate(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN + FOOTER_H, title=title, author=author, subject="政务服务大厅月报",
                            creator="hallclient", lang="zh-CN", initialFontName=font, initialFontSize=10)
    printed = printed_on or date.today()

    def footer(canvas: Canvas, _doc: Any) -> None:
        draw_footer(canvas, author, printed, f"月报 {report['period']['label']} · 第 {canvas.getPageNumber()} 页")

    doc.build(_story(report, st), onFirstPage=footer, onLaterPages=footer)


# -- XLSX ------------------------------------------------------------------------------------------


def _sheet_rows(ws: Any, head: list[str], rows: list[list[Any]]) -> None:
    from openpyxl.styles import Font, PatternFill

    ws.append(head)
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
    for r in rows:
        ws.append([_cell(v) for v in r])
    for i, h in enumerate(head, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = max(10, min(40, len(str(h)) * 2 + 4))
    ws.freeze_panes = "B2"


def _cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula is kept as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


XLSX_HEAD = ["名称", "取号", "办结", "过号", "未办结", "转办", "叫号次数", "平均等候（分钟）", "P90等候（分钟）",
             "最长等候（分钟）", "平均办理（分钟）", "蓝", "黄", "红", "红色预警占比", "绿色通道", "限时内叫号",
             "绿色通道合规率", "评价数", "差评", "满意率", "参评率"]


def _xlsx_row(name: str, f: dict[str, Any]) -> list[Any]:
    g = f["green"]
    return [name, f["issued"], f["served"], f["no_show"], f["unfinished"], f["transfers"], f["calls"],
            f["wait_mean_min"], f["wait_p90_min"], f["wait_max_min"], f["service_mean_min"], f["sla"]["blue"],
            f["sla"]["yellow"], f["sla"]["red"], f["sla_share"]["red"], g["count"], g["within_limit"],
            g["compliance"], f["rated"], f["negative"], f["satisfaction"], f["rated_share"]]


def render_monthly_xlsx(report: dict[str, Any], path: str | os.PathLike[str] | BinaryIO) -> None:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, LineChart, Reference

    wb = Workbook()
    ws = wb.active
    ws.title = "概览"
    ws.append([_title(report)])
    ws.append([f"统计期 {report['period']['start']} 至 {report['period']['end']}", f"数据截至 {_generated(report)}"])
    ws.append([])
    _sheet_rows_at(ws, XLSX_HEAD, [_xlsx_row("合计", report["totals"])])
    for note in report.get("notes", []):
        ws.append([note])
    city = report["kind"] == "city"
    tables: list[tuple[str, list[tuple[str, dict[str, Any]]]]] = (
        [("各大厅", [(h["name"], h) for h in report["halls"]])] if city else [
            ("业务类别", [(f"{c['prefix']} {c['name']}", c) for c in report["categories"]]),
            ("事项", [(f"{i['code']} {i['name']}", i) for i in report["items"]]),
            ("窗口", [(w["name"], w) for w in report["windows"]]),
            ("工作人员", [(f"{c['staff_no']} {c['name']}", c) for c in report["clerks"]])])
    for title, rows in tables:
        sheet = wb.create_sheet(title)
        _sheet_rows(sheet, XLSX_HEAD, [_xlsx_row(n, f) for n, f in rows])
        if rows:
            chart = BarChart()
            chart.title = f"{title}：取号与办结"
            chart.add_data(Reference(sheet, min_col=2, max_col=3, min_row=1, max_row=len(rows) + 1),
                           titles_from_data=True)
            chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(rows) + 1))
            chart.width, chart.height = 24, 10
            sheet.add_chart(chart, f"A{len(rows) + 4}")
    trend = wb.create_sheet("趋势")
    _sheet_rows(trend, ["期间", "取号", "办结", "平均等候（分钟）", "平均办理（分钟）", "满意率", "差评", "评价数"],
                [[x["label"], x["issued"], x["served"], x["wait_mean_min"], x["service_mean_min"], x["satisfaction"],
                  x["negative"], x["rated"]] for x in report["trend"]])
    if report["trend"]:
        n = len(report["trend"]) + 1
        line = LineChart()
        line.title = "办件量趋势"
        line.add_data(Reference(trend, min_col=2, max_col=3, min_row=1, max_row=n), titles_from_data=True)
        line.set_categories(Reference(trend, min_col=1, min_row=2, max_row=n))
        line.width, line.height = 24, 10
        trend.add_chart(line, f"A{n + 3}")
    if city:
        sync = wb.create_sheet("同步状态")
        _sheet_rows(sync, ["大厅编码", "大厅", "最近同步", "最近成功", "待同步天数", "核对通过"],
                    [[h["code"], h["name"], h["sync"]["last_sync_at"], h["sync"]["last_ok_at"],
                      h["sync"]["pending_days"], h["sync"]["checks_passed"]] for h in report["halls"]])
    r = report["ratings"]
    rating = wb.create_sheet("好差评")
    _sheet_rows(rating, ["评价来源", "评价数", "差评", "满意率"],
                [[s["label"], s["rated"], s["negative"], s["satisfaction"]] for s in r["by_source"]])
    rating.append([])
    rating.append(["差评整改状态", "件数"])
    for f in r["negative_followup"]:
        rating.append([f["label"], f["count"]])
    flags = report["red_flags"]
    red = wb.create_sheet("红旗窗口")
    red.append([flags["rule"]])
    for key, label in (("windows", "窗口"), ("clerks", "工作人员")):
        red.append([])
        red.append(["名次", "大厅", label, "办结", "评价数", "满意率", "差评率", "平均办理（分钟）", "红旗"])
        for x in flags[key]:
            red.append([x["rank"], x.get("hall") or (report.get("hall") or {}).get("name"), x["name"], x["served"],
                        x["rated"], x["satisfaction"], x["negative_rate"], x["service_mean_min"],
                        "红旗" if x["red_flag"] else ""])
    wb.save(path)


def _sheet_rows_at(ws: Any, head: list[str], rows: list[list[Any]]) -> None:
    ws.append(head)
    for r in rows:
        ws.append([_cell(v) for v in r])


def render_monthly(report: dict[str, Any], path: Path) -> None:
    """PDF or XLSX by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        render_monthly_pdf(report, path)
    elif suffix == ".xlsx":
        render_monthly_xlsx(report, path)
    else:
        raise ValueError(f"{path}: write the report as .pdf or .xlsx, not {suffix or 'no suffix'}")
