"""HTML of the city view, rendered on the server (no template engine, no script): every value escaped."""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import quote

from hallclient.central import charts
from hallclient.central.accounts import ROLE_LABEL, CityUser
from hallclient.domain.report_labels import local_time, short_name

CSS = """
body{font-family:'Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif;margin:0;color:#1a1a1a;background:#f4f6f9}
header{background:#1f4e79;color:#fff;padding:10px 24px;display:flex;align-items:center;gap:16px}
header h1{font-size:20px;margin:0;flex:1} header form{margin:0}
main{padding:16px 24px;max-width:1280px}
section{background:#fff;border:1px solid #d5dde6;border-radius:6px;padding:12px 16px;margin:0 0 16px}
h2{font-size:16px;color:#1f4e79;margin:4px 0 10px}
table{border-collapse:collapse;width:100%;font-size:13px}
th{background:#1f4e79;color:#fff;font-weight:normal;padding:5px 6px;text-align:center}
td{border-bottom:1px solid #e3e8ee;padding:4px 6px;text-align:right;white-space:nowrap}
td:first-child,td.name{text-align:left}
.ok{color:#1e7b34}.bad{color:#c42b1c;font-weight:bold}.warn{color:#a66b00}
.figures{display:grid;grid-template-columns:repeat(6,1fr);gap:8px}
.figure{background:#eef2f6;border-radius:4px;padding:8px;text-align:center}
.figure b{display:block;font-size:22px}.figure span{font-size:12px;color:#5a5a5a}
.note{font-size:12px;color:#5a5a5a} .error{color:#c42b1c}
button,input{font-size:14px;padding:4px 10px}
.login{max-width:360px;margin:80px auto;background:#fff;padding:24px;border:1px solid #d5dde6;border-radius:6px}
.login label{display:block;margin:10px 0 4px}.login input{width:100%;box-sizing:border-box}
.flag{color:#c42b1c;font-weight:bold}
a{color:#1f4e79}
"""


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def _min(v: float | None) -> str:
    return "—" if v is None else f"{v:.1f}"


def _e(v: Any) -> str:
    return escape(str(v))


def page(title: str, body: str, user: CityUser | None = None) -> str:
    who = ""
    if user is not None:
        who = (f'<span>{_e(user.display_name)}（{_e(ROLE_LABEL[user.role])}）</span>'
               '<form method="post" action="/logout"><button id="logout" type="submit">退出</button></form>')
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head>'
            f'<body><header><h1>{_e(title)}</h1>{who}</header><main>{body}</main></body></html>')


def login_page(error: str = "") -> str:
    err = f'<p class="error" id="error">{_e(error)}</p>' if error else ""
    return page("政务服务大厅 · 全市视图", f"""
<form class="login" method="post" action="/login">
<h2>登录</h2>{err}
<label for="username">用户名</label><input id="username" name="username" autocomplete="username" required>
<label for="password">密码</label><input id="password" name="password" type="password"
 autocomplete="current-password" required>
<p><button id="submit" type="submit">登录</button></p>
<p class="note">全市视图只读，账户由管理员用 hallclient central user add 创建。</p>
</form>""")


def _figures(t: dict[str, Any]) -> str:
    items = [(t["issued"], "取号（办件量）"), (t["served"], "办结"), (_min(t["wait_mean_min"]), "平均等候（分钟）"),
             (_min(t["wait_p90_min"]), "P90 等候（分钟）"), (_min(t["service_mean_min"]), "平均办理（分钟）"),
             (_pct(t["satisfaction"]), "满意率"), (t["negative"], "差评"), (_pct(t["rated_share"]), "参评率"),
             (_pct(t["sla_share"]["red"]), "红色预警占比"), (t["green"]["count"], "绿色通道"),
             (_pct(t["green"]["compliance"]), "绿色通道限时内叫号"), (t["no_show"], "过号")]
    return '<div class="figures">' + "".join(
        f'<div class="figure"><b>{_e(v)}</b><span>{_e(label)}</span></div>' for v, label in items) + "</div>"


HEAD = ("取号", "办结", "过号", "未办结", "平均等候", "P90 等候", "平均办理", "红色预警", "绿色通道限时", "评价数",
        "差评", "满意率")


def _row(name: str, f: dict[str, Any], cls: str = "") -> str:
    red = "—" if f["sla_share"]["red"] is None else f"{f['sla']['red']}（{_pct(f['sla_share']['red'])}）"
    cells = [f["issued"], f["served"], f["no_show"], f["unfinished"], _min(f["wait_mean_min"]),
             _min(f["wait_p90_min"]), _min(f["service_mean_min"]), red, _pct(f["green"]["compliance"]), f["rated"],
             f["negative"], _pct(f["satisfaction"])]
    return f'<tr{cls}><td class="name">{name}</td>' + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>"


def _table(first: str, rows: list[str], table_id: str) -> str:
    if not rows:
        return '<p class="note">本期无数据。</p>'
    head = "".join(f"<th>{h}</th>" for h in (first, *HEAD))
    return f'<table id="{table_id}"><tr>{head}</tr>{"".join(rows)}</table>'


def _status(h: dict[str, Any]) -> str:
    s = h["sync"]
    checks = {True: '<span class="ok">通过</span>', False: '<span class="bad">不一致</span>',
              None: "—"}[s["checks_passed"]]
    pending = s["pending_days"]
    pend = "—" if pending is None else (f'<span class="ok">{pending}</span>' if pending <= 1
                                        else f'<span class="bad">{pending}</span>')
    last_ok = {True: "成功", False: '<span class="bad">失败</span>', None: "—"}[s["last_ok"]]
    name = f'{_e(h["name"])}（{_e(h["code"])}）'
    return (f'<tr><td class="name">{name}</td><td>{local_time(s["last_sync_at"], s["timezone"])}'
            f'</td><td>{last_ok}</td><td>{local_time(s["last_ok_at"], s["timezone"])}</td><td>{pend}</td>'
            f'<td>{checks}</td></tr>')


def _month_form(month: str, action: str) -> str:
    return (f'<form method="get" action="{_e(action)}"><label for="month">月份 </label>'
            f'<input id="month" type="month" name="month" value="{_e(month)}"> <button type="submit">查看</button>'
            "</form>")


def _ranking(flags: dict[str, Any], key: str, city: bool) -> str:
    rows = flags[key]
    if not rows:
        return '<p class="note">本期没有达到参评条件的窗口（工作人员）。</p>'
    head = ["名次", *(["大厅"] if city else []), "窗口" if key == "windows" else "工作人员", "办结", "评价数",
            "满意率", "差评率", "平均办理"]
    out = [f'<table id="rank-{key}"><tr>' + "".join(f"<th>{h}</th>" for h in head) + "</tr>"]
    for r in rows:
        flag = ' <span class="flag">红旗</span>' if r["red_flag"] else ""
        cells = [f'{r["rank"]}{flag}', *([_e(r["hall"])] if city else []), _e(r["name"]), r["served"], r["rated"],
                 _pct(r["satisfaction"]), _pct(r["negative_rate"]), _min(r["service_mean_min"])]
        out.append("<tr>" + "".join(f'<td class="name">{c}</td>' if i < 3 else f"<td>{c}</td>"
                                    for i, c in enumerate(cells)) + "</tr>")
    return "".join(out) + "</table>"


def _ratings(r: dict[str, Any]) -> str:
    src = "".join(f'<tr><td class="name">{_e(s["label"])}</td><td>{s["rated"]}</td><td>{s["negative"]}</td>'
                  f'<td>{_pct(s["satisfaction"])}</td></tr>' for s in r["by_source"])
    fol = "".join(f'<tr><td class="name">{_e(f["label"])}</td><td>{f["count"]}</td></tr>'
                  for f in r["negative_followup"]) or '<tr><td class="name">本期无差评</td><td>0</td></tr>'
    return (f'<table id="by-source"><tr><th>评价来源</th><th>评价数</th><th>差评</th><th>满意率</th></tr>{src}</table>'
            f'<p></p><table id="followup"><tr><th>差评整改状态</th><th>件数</th></tr>{fol}</table>'
            '<p class="note">大厅未报送评价来源或整改状态的，记为“未区分”。</p>')


STATUS_NOTE = ("待同步天数：最近一次成功同步之后的营业日数（每晚同步的大厅为 0）；"
               "核对：最近一次同步逐日比对行数，全部一致为通过。")


def city_page(report: dict[str, Any], user: CityUser, month: str) -> str:
    halls = report["halls"]
    trend = report["trend"]
    flags = report["red_flags"]
    notes = "".join(f'<p class="note">{_e(n)}</p>' for n in report["notes"])
    status = "".join(_status(h) for h in halls)
    rows = [_row(f'<a href="/hall/{quote(h["code"])}?month={_e(month)}">{_e(h["name"])}</a>', h) for h in halls]
    rows.append(_row("合计", report["totals"], ' class="total"'))
    names = [short_name(h["name"]) for h in halls]
    months = [t["label"] for t in trend]
    volume = charts.bars("各大厅办件量", names, [[h["issued"] for h in halls], [h["served"] for h in halls]],
                         ["取号", "办结"])
    waits = charts.bars("各大厅等候时间", names, [[h["wait_mean_min"] or 0 for h in halls],
                                           [h["wait_p90_min"] or 0 for h in halls]], ["平均等候", "P90 等候"])
    trend_volume = charts.lines("近12个月办件量", months, [[t["issued"] for t in trend], [t["served"] for t in trend]],
                                ["取号", "办结"])
    trend_rating = charts.lines("近12个月满意率", months, [[None if t["satisfaction"] is None
                                                         else round(t["satisfaction"] * 100, 1) for t in trend]],
                                ["满意率（%）"], height=200)
    status_head = "".join(f"<th>{h}</th>" for h in ("大厅", "最近同步", "结果", "最近成功", "待同步天数", "核对"))
    body = f"""
<section>{_month_form(month, "/")}{notes}</section>
<section id="status"><h2>各大厅同步状态（截至各自最近一次同步）</h2>
<table id="status-table"><tr>{status_head}</tr>{status}</table><p class="note">{STATUS_NOTE}</p></section>
<section><h2>{_e(report["period"]["label"])} 全市汇总</h2>{_figures(report["totals"])}</section>
<section><h2>各大厅办件量</h2>{volume}<h2>各大厅等候时间（分钟）</h2>{waits}</section>
<section><h2>近 12 个月趋势</h2>{trend_volume}{trend_rating}</section>
<section><h2>各大厅明细</h2>{_table("大厅", rows, "halls")}</section>
<section><h2>好差评</h2>{_ratings(report["ratings"])}</section>
<section><h2>红旗窗口</h2><p class="note" id="rule">{_e(flags["rule"])}</p>{_ranking(flags, "windows", True)}
<h2>工作人员</h2>{_ranking(flags, "clerks", True)}</section>
"""
    return page("政务服务大厅 · 全市视图", body, user)


def hall_page(report: dict[str, Any], user: CityUser, month: str) -> str:
    h = report["hall"]
    trend = report["trend"]
    cats = [_row(f'{_e(c["prefix"])} {_e(c["name"])}', c) for c in report["categories"]]
    cats.append(_row("合计", report["totals"], ' class="total"'))
    body = f"""
<section><a href="/?month={_e(month)}">← 全市</a> {_month_form(month, "/hall/" + quote(h["code"]))}</section>
<section><h2>{_e(h["name"])} {_e(report["period"]["label"])}</h2>{_figures(report["totals"])}</section>
<section><h2>每日办件量</h2>{charts.bars("每日办件量", [t["label"][5:] for t in trend],
                                          [[t["issued"] for t in trend]], ["取号"])}</section>
<section><h2>各业务类别</h2>{_table("业务类别", cats, "categories")}</section>
<section><h2>各窗口</h2>{_table("窗口", [_row(_e(w["name"]), w) for w in report["windows"]], "windows")}</section>
<section><h2>各工作人员</h2>{_table("工作人员", [_row(f'{_e(c["staff_no"])} {_e(c["name"])}', c)
                                               for c in report["clerks"]], "clerks")}</section>
<section><h2>好差评</h2>{_ratings(report["ratings"])}</section>
<section><h2>红旗窗口</h2><p class="note">{_e(report["red_flags"]["rule"])}</p>
{_ranking(report["red_flags"], "windows", False)}</section>
"""
    return page(f"{h['name']} · 月报", body, user)


def error_page(status: int, message: str, user: CityUser | None) -> str:
    return page("政务服务大厅 · 全市视图", f'<section><h2>{status}</h2><p class="error" id="error">{_e(message)}</p>'
                '<p><a href="/">返回全市视图</a></p></section>', user)
