"""好差评: the visitor's five-level rating of a finished service."""

from __future__ import annotations

from enum import IntEnum


class Rating(IntEnum):
    VERY_SATISFIED = 5
    SATISFIED = 4
    BASICALLY_SATISFIED = 3
    DISSATISFIED = 2
    VERY_DISSATISFIED = 1

    @property
    def label_zh(self) -> str:
        return _LABELS_ZH[self]

    @property
    def is_negative(self) -> bool:
        """不满意 and 非常不满意 count as 差评 and need a reason."""
        return self <= Rating.DISSATISFIED


_LABELS_ZH = {
    Rating.VERY_SATISFIED: "非常满意",
    Rating.SATISFIED: "满意",
    Rating.BASICALLY_SATISFIED: "基本满意",
    Rating.DISSATISFIED: "不满意",
    Rating.VERY_DISSATISFIED: "非常不满意",
}


class RatingError(ValueError):
    pass


def check_rating(level: int, reason: str | None) -> tuple[Rating, str]:
    """Validate a rating; a 差评 without a reason is refused so it can be followed up."""
    try:
        rating = Rating(level)
    except ValueError:
        raise RatingError(f"rating must be 1..5 (5 = 非常满意), got {level!r}") from None
    text = (reason or "").strip()
    if rating.is_negative and not text:
        raise RatingError(f"a {rating.label_zh} rating needs a reason")
    if len(text) > 500:
        raise RatingError("rating reason is longer than 500 characters")
    return rating, text
