"""SLA colours (蓝黄红预警): how long a ticket has waited against its category's thresholds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum


class SlaColour(StrEnum):
    BLUE = "blue"
    YELLOW = "yellow"
    RED = "red"


@dataclass(frozen=True, slots=True)
class SlaThresholds:
    """Minutes of waiting after which a category's tickets turn yellow, then red."""

    yellow_after_min: int = 15
    red_after_min: int = 30

    def __post_init__(self) -> None:
        if self.yellow_after_min <= 0 or self.red_after_min <= 0:
            raise ValueError("SLA thresholds must be positive minutes")
        if self.yellow_after_min >= self.red_after_min:
            raise ValueError(
                f"yellow threshold ({self.yellow_after_min} min) must be below red ({self.red_after_min} min)"
            )

    def colour(self, waited: timedelta) -> SlaColour:
        minutes = waited.total_seconds() / 60
        if minutes >= self.red_after_min:
            return SlaColour.RED
        if minutes >= self.yellow_after_min:
            return SlaColour.YELLOW
        return SlaColour.BLUE

    def is_red(self, waited: timedelta) -> bool:
        return waited.total_seconds() >= self.red_after_min * 60
