"""Categories (业务类别), service items (事项) and their public guides (办事指南)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from hallclient.domain.sla import SlaThresholds

PREFIX_RE = re.compile(r"^[A-Z]$")
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


class MaterialForm(StrEnum):
    """How a material is handed in; the Chinese text is what guides print."""

    ORIGINAL = "原件"
    COPY = "复印件"
    ORIGINAL_AND_COPY = "原件及复印件"
    ELECTRONIC = "电子证照"


@dataclass(frozen=True, slots=True)
class Category:
    """A queue with its own ticket prefix letter and SLA thresholds.

    `guide_url` (optional) is the category's own online guide, for tickets and posters of the whole category.
    """

    code: str
    name: str
    prefix: str
    name_en: str = ""
    sla: SlaThresholds = field(default_factory=SlaThresholds)
    sort_order: int = 0
    guide_url: str = ""

    def __post_init__(self) -> None:
        if not PREFIX_RE.match(self.prefix):
            raise ValueError(f"category {self.code}: prefix must be one capital letter, got {self.prefix!r}")
        if not CODE_RE.match(self.code):
            raise ValueError(f"category code {self.code!r} must be 1-40 letters, digits, '_', '.', '-'")
        if not self.name.strip():
            raise ValueError(f"category {self.code}: name is empty")


@dataclass(frozen=True, slots=True)
class Material:
    name: str
    form: MaterialForm = MaterialForm.ORIGINAL
    copies: int = 1
    note: str = ""


@dataclass(frozen=True, slots=True)
class Guide:
    """The public guide of one service item; `online_url` is what its guide QR opens."""

    online_url: str
    conditions: tuple[str, ...] = ()
    materials: tuple[Material, ...] = ()
    steps: tuple[str, ...] = ()
    legal_limit_days: int | None = None
    promised_limit_days: int | None = None
    fee: str = "不收费"
    location: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class ServiceItem:
    code: str
    name: str
    category_code: str
    guide: Guide
