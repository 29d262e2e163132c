"""A hall's set-up as one value: what `hallclient hall init` creates and `hall export` writes.

The hall (name, code, time zone, opening hours and weekdays), its windows with the categories they serve by
default, the first admin (who chooses their password when the hall is created), further staff (who get
one-time passwords), and the service catalogue the windows' categories come from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hallclient.catalogue.model import Catalogue
from hallclient.domain.staff import Role

DEFAULT_TIMEZONE = "Asia/Shanghai"
DEFAULT_OPENS, DEFAULT_CLOSES = "09:00", "17:00"
WORKWEEK = (1, 2, 3, 4, 5)


@dataclass(frozen=True, slots=True)
class HallInfo:
    code: str
    name: str
    name_en: str = ""
    timezone: str = DEFAULT_TIMEZONE
    opens_at: str = DEFAULT_OPENS
    closes_at: str = DEFAULT_CLOSES
    weekdays: tuple[int, ...] = WORKWEEK  # ISO: 1 Monday … 7 Sunday
    address: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class WindowSpec:
    no: int
    name: str
    zone: str = ""
    tidal: bool = False
    primary: tuple[str, ...] = ()
    secondary: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StaffSpec:
    staff_no: str
    name: str
    role: Role = Role.CLERK
    window: int | None = None


@dataclass(frozen=True, slots=True)
class HallSettings:
    """Hall settings a set-up file may carry (see `store.hall_repo` for where they live)."""

    issue_when_unserved: bool = True  # the kiosk still issues for a category no staffed window serves


@dataclass(frozen=True, slots=True)
class HallSetup:
    hall: HallInfo
    admin: StaffSpec
    windows: tuple[WindowSpec, ...]
    staff: tuple[StaffSpec, ...] = ()
    catalogue: Catalogue | None = None
    settings: HallSettings = field(default_factory=HallSettings)
