"""Tidal advisor: which tidal windows to switch, and what that would do to the expected wait.

Each category is modelled as an M/M/c queue (Erlang C): visitors arrive at rate λ (recent arrivals per
minute), each window serves at rate μ = 1 / (recent mean service time), and c is the number of windows
serving the category as primary (a window with two primaries counts half for each). Two figures matter
to a visitor arriving now:

* the backlog: the people already waiting, shared over c windows: N / (c·μ) minutes;
* the steady-state queueing delay Wq from Erlang C. When λ ≥ c·μ there is no steady state (the queue
  grows by λ − c·μ a minute), so instead the average growth over the next hour is counted: someone
  arriving in that hour finds on average (λ − c·μ)·30 more people ahead, served at c·μ.

The expected wait is their sum, a deliberately simple estimate that a supervisor can check by hand. A
suggestion moves one tidal window from the category that loses least to the one that gains most, judged
by the worst wait relative to each category's yellow threshold; nothing is switched here, the console
shows the suggestion and the supervisor accepts or ignores it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

INF = math.inf
HORIZON_MIN = 60.0


def erlang_c(lam: float, mu: float, c: int) -> float:
    """P(wait > 0) in an M/M/c queue: the Erlang C formula, computed via the stable Erlang B recursion.
    1.0 when the queue is unstable (λ ≥ c·μ) or there is no server."""
    if lam < 0 or mu <= 0:
        raise ValueError("arrival rate must be ≥ 0 and service rate > 0")
    if c <= 0:
        return 1.0
    a = lam / mu
    rho = a / c
    if rho >= 1:
        return 1.0
    if lam == 0:
        return 0.0
    b = 1.0  # Erlang B with 0 servers
    for k in range(1, c + 1):
        b = a * b / (k + a * b)
    return b / (1 - rho * (1 - b))


def mmc_wq(lam: float, mu: float, c: int) -> float:
    """Mean time in queue (same time unit as 1/μ); ∞ when unstable."""
    if c <= 0 or lam >= c * mu:
        return INF
    if lam == 0:
        return 0.0
    return erlang_c(lam, mu, c) / (c * mu - lam)


def mmc_lq(lam: float, mu: float, c: int) -> float:
    """Mean number waiting (Little: Lq = λ·Wq)."""
    wq = mmc_wq(lam, mu, c)
    return INF if wq == INF else lam * wq


@dataclass(frozen=True, slots=True)
class CategoryLoad:
    """What the advisor knows of one category now."""

    code: str
    name: str
    waiting: int
    arrivals_per_min: float
    mean_service_min: float
    yellow_after_min: int = 15
    servers: float = 0.0

    @property
    def mu(self) -> float:
        return 1.0 / max(self.mean_service_min, 0.1)

    @property
    def c(self) -> int:
        """Whole windows for Erlang C; a half-share still counts as one window when it is all there is."""
        if self.servers <= 0:
            return 0
        return max(1, math.floor(self.servers + 1e-9))

    def backlog_min(self) -> float:
        if self.waiting == 0:
            return 0.0
        if self.c == 0:
            return INF
        return self.waiting / (self.c * self.mu)

    def queue_min(self) -> float:
        lam, c, mu = self.arrivals_per_min, self.c, self.mu
        if lam == 0:
            return 0.0
        if c == 0:
            return INF
        if lam >= c * mu:
            return (lam - c * mu) * HORIZON_MIN / 2 / (c * mu)
        return mmc_wq(lam, mu, c)

    def expected_wait_min(self) -> float:
        """Minutes a visitor arriving now would wait: backlog plus Erlang C steady-state delay."""
        return self.backlog_min() + self.queue_min()

    def pressure(self) -> float:
        """Expected wait against the yellow threshold: ≥ 1 means the category is heading for yellow."""
        return self.expected_wait_min() / max(self.yellow_after_min, 1)


@dataclass(frozen=True, slots=True)
class TidalWindow:
    no: int
    primary: tuple[str, ...]
    secondary: tuple[str, ...] = ()
    available: bool = True  # open and not paused


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Switch `window` so that `to_category` is its primary; the figures are expected waits in minutes."""

    window: int
    from_primary: tuple[str, ...]
    from_secondary: tuple[str, ...]
    to_primary: tuple[str, ...]
    to_secondary: tuple[str, ...]
    to_category: str
    gain_before: float
    gain_after: float
    loss: dict[str, tuple[float, float]]
    detail: dict[str, float]

    def text_zh(self, names: Mapping[str, str]) -> str:
        n = names.get(self.to_category, self.to_category)
        old = "、".join(names.get(c, c) for c in self.from_primary) or "（无）"
        d = self.detail
        parts = [
            f"建议将 {self.window} 号窗口由「{old}」切换为「{n}」：",
            f"{n} 排队 {int(d['waiting'])} 人，平均办理 {d['service_min']:.1f} 分钟，"
            f"近一小时每分钟到达 {d['arrivals_per_min']:.2f} 人；",
            f"窗口 {int(d['c_before'])} → {int(d['c_after'])} 个，预计等候由 {fmt_min_zh(self.gain_before)} "
            f"降至 {fmt_min_zh(self.gain_after)}",
        ]
        for code, (before, after) in self.loss.items():
            parts.append(f"；{names.get(code, code)} 由 {fmt_min_zh(before)} 变为 {fmt_min_zh(after)}")
        parts.append("。（M/M/c 排队模型估算：积压人数 ÷ 窗口办理速度 + 爱尔朗C 排队时间）")
        return "".join(parts)

    def text_en(self, names: Mapping[str, str]) -> str:
        n = names.get(self.to_category, self.to_category)
        old = ", ".join(names.get(c, c) for c in self.from_primary) or "(none)"
        d = self.detail
        text = (
            f"Switch window {self.window} from {old} to {n}: {int(d['waiting'])} waiting, "
            f"{d['service_min']:.1f} min per visitor, {d['arrivals_per_min']:.2f} arrivals/min; "
            f"windows {int(d['c_before'])} → {int(d['c_after'])}, expected wait {fmt_min_en(self.gain_before)} → "
            f"{fmt_min_en(self.gain_after)}"
        )
        for code, (before, after) in self.loss.items():
            text += f"; {names.get(code, code)} {fmt_min_en(before)} → {fmt_min_en(after)}"
        return text + ". (M/M/c estimate: backlog ÷ service capacity + Erlang C queueing delay)"


def fmt_min_zh(m: float) -> str:
    return "持续增长（窗口不足）" if m == INF else f"约 {m:.0f} 分钟"


def fmt_min_en(m: float) -> str:
    return "growing without bound" if m == INF else f"~{m:.0f} min"


def assign_servers(loads: Sequence[CategoryLoad], windows: Sequence[TidalWindow]) -> list[CategoryLoad]:
    """Set each category's server share from the windows that serve it as primary."""
    share: dict[str, float] = {}
    for w in windows:
        if not w.available or not w.primary:
            continue
        for code in w.primary:
            share[code] = share.get(code, 0.0) + 1.0 / len(w.primary)
    return [replace(ld, servers=share.get(ld.code, 0.0)) for ld in loads]


def _worst(loads: Sequence[CategoryLoad]) -> tuple[float, ...]:
    """Pressures, worst first: compared as tuples, so an unstaffed category (∞) does not hide every other
    improvement behind a tie."""
    return tuple(sorted((ld.pressure() for ld in loads), reverse=True))


def suggest(
    loads: Sequence[CategoryLoad],
    windows: Sequence[TidalWindow],
    tidal: Sequence[int],
    max_suggestions: int = 3,
    min_gain_min: float = 2.0,
) -> list[Suggestion]:
    """Up to `max_suggestions` switches of tidal windows, best first, each assuming the earlier ones were
    accepted. A switch is proposed only if it lowers the worst pressure and saves the receiving category at
    least `min_gain_min` minutes, and never leaves the giving category worse than the receiver was."""
    wins = {w.no: w for w in windows}
    by_code = {ld.code: ld for ld in loads}
    out: list[Suggestion] = []
    used: set[int] = set()
    for _ in range(max_suggestions):
        current = assign_servers(list(by_code.values()), list(wins.values()))
        cur = {ld.code: ld for ld in current}
        base_worst = _worst(current)
        best: tuple[tuple[float, ...], Suggestion, TidalWindow] | None = None
        for no in tidal:
            w = wins.get(no)
            if w is None or not w.available or no in used:
                continue
            for target in sorted(cur.values(), key=lambda ld: -ld.pressure()):
                if target.code in w.primary or (target.waiting == 0 and target.arrivals_per_min == 0):
                    continue
                new_secondary = tuple(c for c in (*w.primary, *w.secondary) if c != target.code)
                moved = TidalWindow(no, (target.code,), new_secondary, True)
                trial = assign_servers(list(by_code.values()), [moved if x.no == no else x for x in wins.values()])
                after = {ld.code: ld for ld in trial}
                before_t, after_t = cur[target.code].expected_wait_min(), after[target.code].expected_wait_min()
                if not (before_t - after_t >= min_gain_min or (before_t == INF and after_t < INF)):
                    continue
                worst = _worst(trial)
                if not worst < base_worst:
                    continue
                losers = {c: (cur[c].expected_wait_min(), after[c].expected_wait_min()) for c in w.primary if c in cur}
                if any(a > before_t for _b, a in losers.values()):
                    continue
                sug = Suggestion(
                    window=no,
                    from_primary=w.primary,
                    from_secondary=w.secondary,
                    to_primary=(target.code,),
                    to_secondary=new_secondary,
                    to_category=target.code,
                    gain_before=before_t,
                    gain_after=after_t,
                    loss=losers,
                    detail={
                        "waiting": target.waiting,
                        "service_min": target.mean_service_min,
                        "arrivals_per_min": target.arrivals_per_min,
                        "c_before": cur[target.code].c,
                        "c_after": after[target.code].c,
                        "worst_before": base_worst[0] if base_worst else 0.0,
                        "worst_after": worst[0] if worst else 0.0,
                    },
                )
                if best is None or worst < best[0]:
                    best = (worst, sug, moved)
        if best is None:
            break
        out.append(best[1])
        used.add(best[2].no)
        wins[best[2].no] = best[2]
    return out
