"""Windows (窗口) and the categories they subscribe to.

Tickets belong to category queues, never to windows. A window subscribes to primary categories (served
first) and secondary ones (served when the primaries are empty). A tidal switch (潮汐窗口) only changes the
subscription, so no ticket is moved and a clerk serving someone is not interrupted.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class WindowState(StrEnum):
    CLOSED = "closed"
    IDLE = "idle"
    CALLING = "calling"
    SERVING = "serving"
    PAUSED = "paused"


class SubscriptionError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Subscription:
    primary: tuple[str, ...]
    secondary: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.primary:
            raise SubscriptionError("a window needs at least one primary category")
        both = set(self.primary) & set(self.secondary)
        if both:
            raise SubscriptionError(f"categories both primary and secondary: {', '.join(sorted(both))}")
        if len(set(self.primary)) != len(self.primary) or len(set(self.secondary)) != len(self.secondary):
            raise SubscriptionError("a category is listed twice")

    @property
    def categories(self) -> frozenset[str]:
        return frozenset(self.primary) | frozenset(self.secondary)

    def is_primary(self, category: str) -> bool:
        return category in self.primary

    def validate_against(self, known: set[str]) -> None:
        unknown = sorted(self.categories - known)
        if unknown:
            raise SubscriptionError(f"unknown categories: {', '.join(unknown)}")

