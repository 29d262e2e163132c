"""Which waiting ticket a window calls next: the one rule, as DESIGN §4 states it.

Among waiting tickets the window may serve (its subscribed categories, or transferred to it by number):
  1. green-channel tickets (绿色通道), oldest issue time first;
  2. appointments (预约) whose slot has begun, within the policy's early/late limits, earliest slot first;
  3. everything else, oldest issue time first, with the window's primary categories before its secondary
     ones, except that a ticket already past its category's red threshold is no longer held back by being
     secondary: it is ordered with the primaries by its issue time, so no secondary queue starves.
Ties are broken by ticket id (time-ordered), so the order is total and the same on every machine.

`call_key` is the order itself; `pick_next` applies it. The store narrows the waiting tickets to the
few that can win (per category: oldest green, earliest due appointment, oldest other ticket), which the
property tests check gives the same answer as looking at every waiting ticket.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from hallclient.domain.appointments import AppointmentPolicy
from hallclient.domain.sla import SlaThresholds
from hallclient.domain.windows import Subscription

GREEN, APPOINTMENT, ORDINARY = 0, 1, 2
PRIMARY, SECONDARY = 0, 1


@dataclass(frozen=True, slots=True)
class QueuedTicket:
    """What the call order needs to know of a waiting ticket."""

    id: str
    number: str
    category: str
    issued_at: datetime
    green: bool = False
    appointment_slot: datetime | None = None
    target_window: int | None = None


def eligible(ticket: QueuedTicket, window_no: int, subscription: Subscription) -> bool:
    """A ticket transferred to a window waits for that window only; others wait for their category."""
    if ticket.target_window is not None:
        return ticket.target_window == window_no
    return ticket.category in subscription.categories


def call_key(
    ticket: QueuedTicket,
    window_no: int,
    subscription: Subscription,
    now: datetime,
    thresholds: Mapping[str, SlaThresholds],
    policy: AppointmentPolicy,
) -> tuple:
    """Sort key: smaller is called first."""
    if ticket.green:
        return (GREEN, PRIMARY, ticket.issued_at, ticket.id)
    if ticket.appointment_slot is not None and policy.is_due(ticket.appointment_slot, now):
        return (APPOINTMENT, PRIMARY, ticket.appointment_slot, ticket.id)
    tier = PRIMARY
    if ticket.target_window is None and not subscription.is_primary(ticket.category):
        sla = thresholds.get(ticket.category, SlaThresholds())
        if not sla.is_red(now - ticket.issued_at):
            tier = SECONDARY
    return (ORDINARY, tier, ticket.issued_at, ticket.id)


def pick_next(
    window_no: int,
    subscription: Subscription,
    waiting: Iterable[QueuedTicket],
    now: datetime,
    thresholds: Mapping[str, SlaThresholds],
    policy: AppointmentPolicy = AppointmentPolicy(),
) -> QueuedTicket | None:
    """The ticket `window_no` should call now, or None when nothing it serves is waiting."""
    best: QueuedTicket | None = None
    best_key: tuple | None = None
    for t in waiting:
        if not eligible(t, window_no, subscription):
            continue
        key = call_key(t, window_no, subscription, now, thresholds, policy)
        if best_key is None or key < best_key:
            best, best_key = t, key
    return best


def call_order(
    window_no: int,
    subscription: Subscription,
    waiting: Iterable[QueuedTicket],
    now: datetime,
    thresholds: Mapping[str, SlaThresholds],
    policy: AppointmentPolicy = AppointmentPolicy(),
) -> list[QueuedTicket]:
    """All tickets the window may serve, in the order it would call them (for the clerk's waiting list)."""
    mine = [t for t in waiting if eligible(t, window_no, subscription)]
    return sorted(mine, key=lambda t: call_key(t, window_no, subscription, now, thresholds, policy))
