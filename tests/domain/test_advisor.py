"""The advisor's queueing estimate against a published M/M/c figure, and its suggestions."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallclient.domain.advisor import CategoryLoad, TidalWindow, erlang_c, mmc_lq, mmc_wq, suggest


def test_county_hospital_textbook_example() -> None:
    """Hillier & Lieberman, Introduction to Operations Research, County Hospital emergency room (M/M/s):
    λ = 2/h, μ = 3/h. Published: s = 1 → Wq = 0.667 h, P(wait) = 0.667; s = 2 → P0 = 0.5,
    P(W > 0) = 0.167, Lq = 0.083, Wq = 0.0417 h."""
    assert erlang_c(2, 3, 1) == pytest.approx(2 / 3, abs=1e-3)
    assert mmc_wq(2, 3, 1) == pytest.approx(0.667, abs=1e-3)
    assert erlang_c(2, 3, 2) == pytest.approx(0.167, abs=1e-3)
    assert mmc_lq(2, 3, 2) == pytest.approx(0.083, abs=1e-3)
    assert mmc_wq(2, 3, 2) == pytest.approx(0.0417, abs=1e-4)


def test_call_centre_erlang_c_figure() -> None:
    """A classic call-centre figure: traffic 10 Erlangs on 11 agents waits with P ≈ 0.6821 (Erlang C tables)."""
    assert erlang_c(10, 1, 11) == pytest.approx(0.6821, abs=1e-4)


def test_unstable_queue_waits_forever() -> None:
    assert erlang_c(3, 1, 3) == 1.0
    assert mmc_wq(3, 1, 3) == math.inf
    assert mmc_wq(0, 1, 2) == 0.0


@given(lam=st.floats(0.01, 5), mu=st.floats(0.1, 5))
def test_one_server_is_mm1(lam: float, mu: float) -> None:
    if lam >= mu * 0.999:
        assert mmc_wq(lam, mu, 1) == math.inf or lam < mu
        return
    rho = lam / mu
    assert erlang_c(lam, mu, 1) == pytest.approx(rho, rel=1e-9)
    assert mmc_wq(lam, mu, 1) == pytest.approx(rho / (mu - lam), rel=1e-9)


@given(lam=st.floats(0.01, 4), mu=st.floats(0.2, 2), c=st.integers(1, 30))
def test_more_windows_never_wait_longer(lam: float, mu: float, c: int) -> None:
    assert mmc_wq(lam, mu, c + 1) <= mmc_wq(lam, mu, c)


def _hall() -> tuple[list[CategoryLoad], list[TidalWindow]]:
    loads = [
        CategoryLoad("SB", "社保", waiting=30, arrivals_per_min=0.6, mean_service_min=8, yellow_after_min=15),
        CategoryLoad("SW", "税务", waiting=2, arrivals_per_min=0.1, mean_service_min=6, yellow_after_min=15),
    ]
    windows = [
        TidalWindow(9, ("SB",)),
        TidalWindow(10, ("SB",)),
        TidalWindow(6, ("SW",)),
        TidalWindow(7, ("SW",)),
        TidalWindow(17, ("SW",)),
    ]
    return loads, windows


def test_suggests_moving_an_idle_tidal_window_to_the_long_queue() -> None:
    loads, windows = _hall()
    out = suggest(loads, windows, tidal=[17])
    assert len(out) == 1
    s = out[0]
    assert s.window == 17 and s.to_category == "SB" and s.to_primary == ("SB",) and s.to_secondary == ("SW",)
    # 2 windows at 1/8 per min facing λ = 0.6 is unstable; 3 windows are still unstable (0.375 < 0.6)
    assert s.gain_after < s.gain_before
    assert "17 号窗口" in s.text_zh({"SB": "社保", "SW": "税务"})
    assert "window 17" in s.text_en({})


def test_no_suggestion_when_the_hall_is_balanced() -> None:
    loads = [
        CategoryLoad("SB", "社保", waiting=1, arrivals_per_min=0.1, mean_service_min=5),
        CategoryLoad("SW", "税务", waiting=1, arrivals_per_min=0.1, mean_service_min=5),
    ]
    windows = [TidalWindow(1, ("SB",)), TidalWindow(2, ("SW",)), TidalWindow(17, ("SW",))]
    assert suggest(loads, windows, tidal=[17]) == []


def test_never_takes_a_non_tidal_or_closed_window() -> None:
    loads, windows = _hall()
    assert suggest(loads, windows, tidal=[6]) and suggest(loads, windows, tidal=[]) == []
    closed = [w if w.no != 17 else TidalWindow(17, ("SW",), (), available=False) for w in windows]
    assert suggest(loads, closed, tidal=[17]) == []
