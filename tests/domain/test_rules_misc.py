from datetime import date, datetime, time, timedelta

import pytest

from hallclient.domain.appointments import AppointmentPolicy
from hallclient.domain.catalogue import Category
from hallclient.domain.hall_day import HallDay, HallDayState
from hallclient.domain.sla import SlaColour, SlaThresholds
from hallclient.domain.windows import Subscription, SubscriptionError


def test_sla_colours():
    sla = SlaThresholds(15, 30)
    assert sla.colour(timedelta(minutes=14, seconds=59)) is SlaColour.BLUE
    assert sla.colour(timedelta(minutes=15)) is SlaColour.YELLOW
    assert sla.colour(timedelta(minutes=30)) is SlaColour.RED
    with pytest.raises(ValueError, match="below red"):
        SlaThresholds(30, 30)


def test_hall_day_and_extended_hours():
    d = HallDay(date(2026, 11, 23), time(9), time(17))
    at = lambda h, m=0: datetime(2026, 11, 23, h, m)  # noqa: E731
    assert d.state(at(8, 59)) is HallDayState.BEFORE_OPEN
    assert d.accepts_tickets(at(9))
    assert d.state(at(17)) is HallDayState.CLOSED
    ext = d.extend(time(19))
    assert ext.state(at(18, 30)) is HallDayState.EXTENDED and ext.accepts_tickets(at(18, 30))
    assert ext.state(at(19)) is HallDayState.CLOSED
    with pytest.raises(ValueError):
        d.extend(time(16))
    assert HallDay(date(2026, 11, 23), holiday=True).state(at(10)) is HallDayState.CLOSED


def test_appointment_window():
    p = AppointmentPolicy(5, 15)
    slot = datetime(2026, 11, 23, 10)
    assert not p.is_due(slot, slot - timedelta(minutes=6))
    assert p.is_due(slot, slot - timedelta(minutes=5))
    assert p.is_due(slot, slot + timedelta(minutes=15))
    assert not p.is_due(slot, slot + timedelta(minutes=16))


def test_subscriptions_refuse_nonsense():
    with pytest.raises(SubscriptionError, match="primary"):
        Subscription(())
    with pytest.raises(SubscriptionError, match="both"):
        Subscription(("SB",), ("SB",))
    with pytest.raises(SubscriptionError, match="unknown"):
        Subscription(("SB",), ("XX",)).validate_against({"SB"})


def test_category_validation():
    with pytest.raises(ValueError, match="prefix"):
        Category(code="SB", name="社保", prefix="AB")
    with pytest.raises(ValueError, match="name"):
        Category(code="SB", name=" ", prefix="A")
