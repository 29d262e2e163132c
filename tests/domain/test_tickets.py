"""The ticket state machine: allowed transitions and clear refusals, including a stateful model."""

from __future__ import annotations

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from hallclient.domain.green_channel import GreenChannelError, GreenFlag, GreenReason
from hallclient.domain.ratings import Rating, RatingError, check_rating
from hallclient.domain.tickets import (
    TRANSITIONS,
    TicketAction,
    TicketStatus,
    TransitionError,
    format_number,
    next_status,
    speakable_number,
)


@pytest.mark.parametrize("action", list(TicketAction))
@pytest.mark.parametrize("status", list(TicketStatus))
def test_every_pair_is_allowed_or_refused_clearly(action, status):
    if (action, status) in TRANSITIONS:
        assert next_status("A001", action, status) is TRANSITIONS[(action, status)]
    else:
        with pytest.raises(TransitionError) as err:
            next_status("A001", action, status)
        msg = str(err.value)
        assert "A001" in msg and action.value in msg and status.value in msg and "allowed" in msg


def test_final_states_allow_nothing():
    for status in (TicketStatus.FINISHED, TicketStatus.CANCELLED):
        assert status.is_final
        assert not [a for (a, s) in TRANSITIONS if s is status]


def test_numbers():
    assert format_number("A", 1) == "A001"
    assert format_number("B", 999) == "B999"
    assert format_number("B", 1000) == "B1000"
    with pytest.raises(ValueError):
        format_number("A", 0)
    assert speakable_number("A012") == "A 0 1 2"


def test_ratings():
    assert check_rating(5, None) == (Rating.VERY_SATISFIED, "")
    assert Rating(2).is_negative and Rating(1).is_negative and not Rating(3).is_negative
    with pytest.raises(RatingError, match="needs a reason"):
        check_rating(1, "  ")
    with pytest.raises(RatingError, match=r"1\.\.5"):
        check_rating(6, None)
    assert Rating(3).label_zh == "基本满意"


def test_green_flags():
    assert GreenFlag.make("elderly").reason is GreenReason.ELDERLY
    with pytest.raises(GreenChannelError, match="needs a note"):
        GreenFlag.make("other", "")
    with pytest.raises(GreenChannelError, match="one of"):
        GreenFlag.make("vip")


class TicketMachine(RuleBasedStateMachine):
    """Random action sequences on one ticket: the state only ever moves along TRANSITIONS."""

    def __init__(self) -> None:
        super().__init__()
        self.status = TicketStatus.WAITING
        self.history: list[TicketStatus] = [self.status]

    @rule(action=st.sampled_from(list(TicketAction)))
    def act(self, action: TicketAction) -> None:
        allowed = (action, self.status) in TRANSITIONS
        try:
            new = next_status("A001", action, self.status)
        except TransitionError:
            assert not allowed
            return
        assert allowed
        if action is TicketAction.TRANSFER:
            assert new is TicketStatus.WAITING
        if action is TicketAction.RECALL:
            assert new is TicketStatus.CALLED
        self.status = new
        self.history.append(new)

    @invariant()
    def finished_only_after_serving(self) -> None:
        for prev, cur in zip(self.history, self.history[1:], strict=False):
            if cur is TicketStatus.FINISHED:
                assert prev is TicketStatus.SERVING
            if cur is TicketStatus.SERVING:
                assert prev is TicketStatus.CALLED


TestTicketMachine = TicketMachine.TestCase
