"""Tickets and their state machine.

    waiting ──call──▶ called ──start──▶ serving ──finish──▶ finished
       ▲                │  ▲recall          │
       │                ├──no_show──▶ no-show ──reinstate──▶ waiting
       └───transfer─────┴───────────────────┘
    waiting/called ──cancel──▶ cancelled

Transfer (转办) is an action, not a resting state: the ticket goes back to *waiting* in the target queue
(another category, or one window), keeping its original issue time so it is not sent to the back.
Every action not in `TRANSITIONS` is refused with a `TransitionError` naming the ticket, action and state.
"""

from __future__ import annotations

import re
from enum import StrEnum


class TicketStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    FINISHED = "finished"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        return self in (TicketStatus.FINISHED, TicketStatus.CANCELLED)

    @property
    def is_active(self) -> bool:
        """Still in the hall's hands (waiting or at a window)."""
        return self in (TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING)


class TicketAction(StrEnum):
    CALL = "call"
    RECALL = "recall"
    START = "start"
    FINISH = "finish"
    NO_SHOW = "no_show"
    TRANSFER = "transfer"
    CANCEL = "cancel"
    REINSTATE = "reinstate"


S, A = TicketStatus, TicketAction

TRANSITIONS: dict[tuple[TicketAction, TicketStatus], TicketStatus] = {
    (A.CALL, S.WAITING): S.CALLED,
    (A.RECALL, S.CALLED): S.CALLED,
    (A.START, S.CALLED): S.SERVING,
    (A.FINISH, S.SERVING): S.FINISHED,
    (A.NO_SHOW, S.CALLED): S.NO_SHOW,
    (A.TRANSFER, S.CALLED): S.WAITING,
    (A.TRANSFER, S.SERVING): S.WAITING,
    (A.CANCEL, S.WAITING): S.CANCELLED,
    (A.CANCEL, S.CALLED): S.CANCELLED,
    (A.REINSTATE, S.NO_SHOW): S.WAITING,
}

del S, A


class TransitionError(ValueError):
    """An action that the ticket's state does not allow."""

    def __init__(self, number: str, action: TicketAction, status: TicketStatus) -> None:
        allowed = sorted(a.value for (a, s) in TRANSITIONS if s is status)
        hint = ", ".join(allowed) if allowed else "nothing (final state)"
        super().__init__(f"ticket {number}: cannot {action.value} while {status.value}; allowed: {hint}")
        self.number, self.action, self.status = number, action, status


def next_status(number: str, action: TicketAction, status: TicketStatus) -> TicketStatus:
    """The state after `action`, or `TransitionError`."""
    try:
        return TRANSITIONS[(action, status)]
    except KeyError:
        raise TransitionError(number, action, status) from None


NUMBER_RE = re.compile(r"^([A-Z])(\d{3,4})$")
MAX_DAILY_SEQ = 9999


def format_number(prefix: str, seq: int) -> str:
    """A001 … A999, then A1000 … A9999: a category's daily sequence behind its prefix letter."""
    if not 1 <= seq <= MAX_DAILY_SEQ:
        raise ValueError(f"daily sequence {seq} out of range 1..{MAX_DAILY_SEQ} for prefix {prefix}")
    return f"{prefix}{seq:03d}"


def speakable_number(number: str) -> str:
    """Digits read one by one, as halls announce them: 'A012' → 'A 0 1 2'."""
    return " ".join(number)
