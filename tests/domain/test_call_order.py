"""Property tests of the call-next order (DESIGN §4)."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hallclient.domain.appointments import AppointmentPolicy
from hallclient.domain.call_order import QueuedTicket, call_order, eligible, pick_next
from hallclient.domain.sla import SlaThresholds
from hallclient.domain.windows import Subscription

CATS = ["SB", "YB", "GJJ", "BDC", "SW"]
NOW = datetime(2026, 11, 23, 3, 0)
THRESHOLDS = {c: SlaThresholds(10 + i, 25 + 5 * i) for i, c in enumerate(CATS)}
POLICY = AppointmentPolicy(early_min=5, late_min=15)


@st.composite
def tickets(draw: st.DrawFn) -> list[QueuedTicket]:
    n = draw(st.integers(0, 40))
    out = []
    for i in range(n):
        waited = draw(st.integers(0, 120))
        slot = None
        if draw(st.booleans()) and draw(st.booleans()):
            slot = NOW + timedelta(minutes=draw(st.integers(-40, 40)))
        out.append(
            QueuedTicket(
                id=f"{i:04d}",
                number=f"X{i:03d}",
                category=draw(st.sampled_from(CATS)),
                issued_at=NOW - timedelta(minutes=waited, seconds=draw(st.integers(0, 59))),
                green=draw(st.integers(0, 9)) == 0,
                appointment_slot=slot,
                target_window=draw(st.sampled_from([None] * 8 + [1, 2])),
            )
        )
    return out


@st.composite
def subscriptions(draw: st.DrawFn) -> Subscription:
    cats = draw(st.permutations(CATS))
    k = draw(st.integers(1, 3))
    s = draw(st.integers(0, 2))
    return Subscription(tuple(cats[:k]), tuple(cats[k : k + s]))


def is_due(t: QueuedTicket) -> bool:
    return t.appointment_slot is not None and POLICY.is_due(t.appointment_slot, NOW)


@given(tickets(), subscriptions())
def test_window_only_gets_its_categories_or_tickets_sent_to_it(waiting, sub):
    picked = pick_next(1, sub, waiting, NOW, THRESHOLDS, POLICY)
    if picked is None:
        assert not any(eligible(t, 1, sub) for t in waiting)
    elif picked.target_window is None:
        assert picked.category in sub.categories
    else:
        assert picked.target_window == 1


@given(tickets(), subscriptions())
def test_green_channel_comes_before_anything_else(waiting, sub):
    order = call_order(1, sub, waiting, NOW, THRESHOLDS, POLICY)
    greens = [t.green for t in order]
    assert greens == sorted(greens, reverse=True), "a non-green ticket was ordered before a green one"
    mine_green = [t for t in order if t.green]
    assert [t.issued_at for t in mine_green] == sorted(t.issued_at for t in mine_green)


@given(tickets(), subscriptions())
def test_due_appointments_come_right_after_green(waiting, sub):
    order = call_order(1, sub, waiting, NOW, THRESHOLDS, POLICY)
    classes = [0 if t.green else 1 if is_due(t) else 2 for t in order]
    assert classes == sorted(classes)


@given(tickets(), subscriptions())
def test_fifo_within_a_category(waiting, sub):
    """Two ordinary tickets of one category (same targeting) leave in issue order."""
    order = [t for t in call_order(1, sub, waiting, NOW, THRESHOLDS, POLICY) if not t.green and not is_due(t)]
    for cat in CATS:
        for target in (None, 1):
            times = [t.issued_at for t in order if t.category == cat and t.target_window == target]
            assert times == sorted(times)


@given(tickets(), subscriptions())
def test_red_secondary_ticket_is_not_starved_by_primaries(waiting, sub):
    """A secondary ticket past red goes before every younger primary ticket."""
    order = [t for t in call_order(1, sub, waiting, NOW, THRESHOLDS, POLICY) if not t.green and not is_due(t)]
    for i, t in enumerate(order):
        if (
            t.target_window is None
            and not sub.is_primary(t.category)
            and THRESHOLDS[t.category].is_red(NOW - t.issued_at)
        ):
            for earlier in order[:i]:
                assert earlier.issued_at <= t.issued_at, f"{earlier.number} (younger) went before red {t.number}"


@given(tickets(), subscriptions())
def test_primary_before_non_red_secondary(waiting, sub):
    order = [t for t in call_order(1, sub, waiting, NOW, THRESHOLDS, POLICY) if not t.green and not is_due(t)]
    seen_plain_secondary = False
    for t in order:
        primaryish = (
            t.target_window is not None
            or sub.is_primary(t.category)
            or THRESHOLDS[t.category].is_red(NOW - t.issued_at)
        )
        if not primaryish:
            seen_plain_secondary = True
        else:
            assert not seen_plain_secondary, f"primary/red {t.number} came after a plain secondary ticket"


@settings(max_examples=200)
@given(tickets(), subscriptions())
def test_pick_next_is_head_of_call_order_and_deterministic(waiting, sub):
    order = call_order(1, sub, waiting, NOW, THRESHOLDS, POLICY)
    picked = pick_next(1, sub, list(reversed(waiting)), NOW, THRESHOLDS, POLICY)
    assert picked == (order[0] if order else None)


def test_transferred_ticket_keeps_issue_time_and_place():
    """A ticket transferred into SB with its old issue time goes before younger SB tickets."""
    sub = Subscription(("SB",))
    old = QueuedTicket("0001", "B001", "SB", NOW - timedelta(minutes=30))  # came from YB with its issue time
    young = QueuedTicket("0002", "A007", "SB", NOW - timedelta(minutes=5))
    assert pick_next(1, sub, [young, old], NOW, THRESHOLDS, POLICY) == old
