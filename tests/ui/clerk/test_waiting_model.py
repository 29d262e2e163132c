"""The waiting list model: Qt's model tester, call order and SLA colours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hallclient.ui.clerk.controllers.waiting_model import COLOUR_ROLE, WaitingModel, order_waiting

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
CATS = {"SB": {"code": "SB", "name": "社保", "yellow_after_min": 10, "red_after_min": 20},
        "YB": {"code": "YB", "name": "医保", "yellow_after_min": 10, "red_after_min": 20}}


def ticket(n: str, cat: str, minutes_ago: float, green: str | None = None, status: str = "waiting") -> dict[str, Any]:
    return {"id": f"00000000-0000-0000-0000-{abs(hash(n)) % 10**12:012d}", "number": n, "status": status,
            "category": cat, "category_name": CATS[cat]["name"], "item": None, "item_name": None,
            "issued_at": (NOW - timedelta(minutes=minutes_ago)).isoformat(), "green_reason": green, "green_note": "",
            "target_window": None, "appointment_slot": None, "transfer_count": 0, "window_no": None}


def test_model_passes_qtmodeltester(qtmodeltester: Any) -> None:
    m = WaitingModel()
    m.set_snapshot([ticket("C001", "SB", 3), ticket("C002", "SB", 25, green="elderly")], CATS, NOW)
    qtmodeltester.check(m, force_py=True)
    m.set_snapshot([], CATS, NOW)
    qtmodeltester.check(m, force_py=True)


def test_call_order_green_first_then_primary_red_secondary_jumps() -> None:
    rows = [ticket("D001", "YB", 25), ticket("C001", "SB", 5), ticket("C002", "SB", 1, green="elderly"),
            ticket("D002", "YB", 2), ticket("C003", "SB", 30, status="called")]
    order = [t["number"] for t in order_waiting(rows, 5, ["SB"], ["YB"], CATS, NOW)]
    assert order == ["C002", "D001", "C001", "D002"]


def test_colours_follow_thresholds() -> None:
    m = WaitingModel()
    m.set_snapshot([ticket("C001", "SB", 3), ticket("C002", "SB", 12), ticket("C003", "SB", 21)], CATS, NOW)
    assert [m.data(m.index(r, 0), COLOUR_ROLE) for r in range(3)] == ["blue", "yellow", "red"]
    m.tick(NOW + timedelta(minutes=10))
    assert m.data(m.index(0, 0), COLOUR_ROLE) == "yellow"
