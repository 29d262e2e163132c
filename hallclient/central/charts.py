"""Small server-side SVG charts for the city view: grouped bars (halls side by side) and lines (months as a
trend). Plain SVG in the page, nothing fetched and no script: it prints and works with JavaScript off."""

from __future__ import annotations

from html import escape

COLOURS = ("#1f4e79", "#9fb7cf", "#c42b1c")
FONT = "font-family=\"'Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif\""


def _nice(peak: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000):
        if peak / step <= 5:
            return step
    return peak / 5


def _frame(width: int, height: int, title: str, peak: float, left: int, bottom: int) -> tuple[list[str], float]:
    step = _nice(max(peak, 1))
    top = step * (int(max(peak, 1) / step) + 1)
    plot_h = height - bottom - 28
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-label="{escape(title)}" {FONT} font-size="12">']
    v = 0.0
    while v <= top + 1e-9:
        y = height - bottom - plot_h * v / top
        out.append(f'<line x1="{left}" x2="{width - 8}" y1="{y:.1f}" y2="{y:.1f}" stroke="#dde3ea"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#5a5a5a">{v:g}</text>')
        v += step
    return out, top


def _legend(names: list[str], x: int) -> list[str]:
    out = []
    for i, name in enumerate(names):
        out.append(f'<rect x="{x + i * 130}" y="6" width="12" height="12" fill="{COLOURS[i]}"/>'
                   f'<text x="{x + i * 130 + 17}" y="16">{escape(name)}</text>')
    return out


def bars(title: str, labels: list[str], series: list[list[float]], names: list[str], width: int = 900,
         height: int = 300, fmt: str = "{:g}") -> str:
    """Grouped vertical bars; values printed over the bars while they fit."""
    if not labels:
        return f'<p class="empty">{escape(title)}：本期无数据</p>'
    left, bottom = 120, 70
    peak = max([0.0, *[v for s in series for v in s]])
    out, top = _frame(width, height, title, peak, left, bottom)
    plot_w = width - left - 16
    plot_h = height - bottom - 28
    group = plot_w / len(labels)
    bar = min(40.0, group * 0.8 / len(series))
    for i, label in enumerate(labels):
        x0 = left + group * i + (group - bar * len(series)) / 2
        for j, s in enumerate(series):
            h = plot_h * s[i] / top if top else 0
            y = height - bottom - h
            tip = f"{escape(label)} {escape(names[j])} {fmt.format(s[i])}"
            out.append(f'<rect x="{x0 + j * bar:.1f}" y="{y:.1f}" width="{bar - 2:.1f}" height="{h:.1f}" '
                       f'fill="{COLOURS[j]}"><title>{tip}</title></rect>')
            if len(labels) * len(series) <= 30 and s[i]:
                out.append(f'<text x="{x0 + j * bar + bar / 2 - 1:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                           f'font-size="10">{fmt.format(s[i])}</text>')
        cx = left + group * (i + 0.5)
        out.append(f'<text x="{cx:.1f}" y="{height - bottom + 16}" text-anchor="end" '
                   f'transform="rotate(-30 {cx:.1f} {height - bottom + 16})">{escape(label)}</text>')
    out += _legend(names, left)
    out.append("</svg>")
    return "".join(out)


def lines(title: str, labels: list[str], series: list[list[float | None]], names: list[str], width: int = 900,
          height: int = 260) -> str:
    """One line per series over the labels (months); a month without data leaves a gap."""
    if not labels:
        return f'<p class="empty">{escape(title)}：无数据</p>'
    left, bottom = 56, 48
    peak = max([0.0, *[v for s in series for v in s if v is not None]])
    out, top = _frame(width, height, title, peak, left, bottom)
    plot_w = width - left - 40
    plot_h = height - bottom - 28
    step = plot_w / max(1, len(labels) - 1) if len(labels) > 1 else 0
    for j, s in enumerate(series):
        path, pen = [], "M"
        for i, v in enumerate(s):
            if v is None:
                pen = "M"
                continue
            x, y = left + step * i, height - bottom - plot_h * v / top
            path.append(f"{pen}{x:.1f},{y:.1f}")
            pen = "L"
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{COLOURS[j]}">'
                       f'<title>{escape(labels[i])} {escape(names[j])} {v:g}</title></circle>')
        if path:
            out.append(f'<path d="{" ".join(path)}" fill="none" stroke="{COLOURS[j]}" stroke-width="2"/>')
    for i, label in enumerate(labels):
        out.append(f'<text x="{left + step * i:.1f}" y="{height - bottom + 18}" text-anchor="middle">'
                   f'{escape(label)}</text>')
    out += _legend(names, left)
    out.append("</svg>")
    return "".join(out)
