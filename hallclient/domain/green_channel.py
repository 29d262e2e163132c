"""绿色通道: 免叫号、免排队、免等待 for listed groups, flagged with a reason from a fixed list."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class GreenReason(StrEnum):
    ELDERLY = "elderly"
    DISABLED = "disabled"
    PREGNANT = "pregnant"
    SERVICEMAN = "serviceman"
    KEY_PROJECT = "key_project"
    OTHER = "other"

    @property
    def label_zh(self) -> str:
        return _LABELS_ZH[self]


_LABELS_ZH = {
    GreenReason.ELDERLY: "老年人",
    GreenReason.DISABLED: "残疾人",
    GreenReason.PREGNANT: "孕妇",
    GreenReason.SERVICEMAN: "军人/退役军人",
    GreenReason.KEY_PROJECT: "重点项目",
    GreenReason.OTHER: "其他",
}


class GreenChannelError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class GreenFlag:
    reason: GreenReason
    note: str = ""

    @classmethod
    def make(cls, reason: str, note: str | None = None) -> GreenFlag:
        """Validate a flag: 'other' needs a note saying who the visitor is (no personal data)."""
        try:
            r = GreenReason(reason)
        except ValueError:
            allowed = ", ".join(x.value for x in GreenReason)
            raise GreenChannelError(f"green-channel reason must be one of {allowed}; got {reason!r}") from None
        text = (note or "").strip()
        if r is GreenReason.OTHER and not text:
            raise GreenChannelError("green-channel reason 'other' needs a note")
        if len(text) > 200:
            raise GreenChannelError("green-channel note is longer than 200 characters")
        return cls(r, text)
