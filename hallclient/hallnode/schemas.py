"""Request and response bodies of the v1 LAN API.

Every field a client sends is bounded (lengths, ranges), so a bad payload is refused with a 422 naming the
field before it reaches the store, and no huge number or string ever reaches SQLite.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from hallclient.domain.green_channel import GreenReason
from hallclient.domain.staff import Role
from hallclient.domain.tickets import TicketStatus

WindowNo = Annotated[int, Field(ge=1, le=9999, description="window number")]
Code = Annotated[str, Field(min_length=1, max_length=60)]


class Strict(BaseModel):
    """Unknown fields are refused, so a typo in a field name is a 422, not silently ignored."""

    model_config = ConfigDict(extra="forbid")


class ErrorOut(BaseModel):
    detail: str
    code: str | None = Field(default=None, description="stable name of the refusal, e.g. unknown_appointment")
    values: dict[str, Any] | None = Field(default=None, description="the values the refusal's sentence names")


class LoginIn(Strict):
    staff_no: Annotated[str, Field(min_length=1, max_length=20)]
    password: Annotated[str, Field(min_length=1, max_length=200)]
    window_no: WindowNo | None = None
    handover: bool = Field(default=False, description="交接班: take the window over from the clerk at it")


class LoginOut(BaseModel):
    token: str
    role: Role
    staff_no: str
    name: str
    window_no: int | None
    expires_at: datetime
    must_change_password: bool = Field(default=False, description="a one-time password: set your own with "
                                                                   "POST /auth/password before anything else")
    ticket_in_hand: str | None = Field(default=None, description="the ticket the window holds (handed over)")


class MeOut(BaseModel):
    role: Role
    name: str
    staff_no: str | None
    window_no: int | None
    must_change_password: bool = False


class PasswordChangeIn(Strict):
    current_password: Annotated[str, Field(min_length=1, max_length=200)]
    new_password: Annotated[str, Field(min_length=1, max_length=200)]


class HeartbeatOut(BaseModel):
    window_no: int
    staffed: bool


class HealthOut(BaseModel):
    status: Literal["ok"]
    hall: str
    seq: int
    time: datetime


class CategoryOut(BaseModel):
    code: str
    name: str
    name_en: str
    prefix: str
    yellow_after_min: int
    red_after_min: int
    sort_order: int
    guide_url: str = ""  # the category's own online guide (QR of whole-category tickets); "" when none


class ItemOut(BaseModel):
    code: str
    name: str
    category: str
    conditions: list[Any]
    materials: list[Any]
    steps: list[Any]
    legal_limit_days: int | None
    promised_limit_days: int | None
    fee: str
    location: str
    phone: str
    online_url: str


class WindowOut(BaseModel):
    no: int
    name: str
    zone: str
    tidal: bool
    is_open: bool
    paused: bool
    pause_reason: str
    state: str
    clerk: str | None
    current_ticket: str | None
    primary: list[str]
    secondary: list[str]
    staffed: bool = Field(default=False, description="a clerk is logged in here and their app is alive (在岗)")


class CategoryStatus(BaseModel):
    code: str
    name: str
    waiting: int
    longest_wait_s: int
    colour: Literal["blue", "yellow", "red"]
    windows: int = Field(default=0, description="staffed, open, unpaused windows serving it now (0: 暂无窗口办理)")
    takes_tickets: bool = Field(default=True, description="the kiosk issues for it now (the hall setting decides "
                                                          "for a category no window serves)")


class DisplayStatusOut(BaseModel):
    """A display board's last report about its voice (语音播报)."""

    name: str = Field(description="the display device's name (hallclient device add NAME)")
    voice: Literal["on", "off", "chime"] = Field(description="on; off (switched off on the board); chime (no "
                                                             "usable Chinese voice: calls play a chime only)")
    detail: str = Field(description="the speech engine and voice, or why there is none")
    seen_at: datetime
    stale: bool = Field(description="no report for 3 minutes: the board may be off or cut off")


class HallStatusOut(BaseModel):
    at: datetime
    seq: int
    categories: list[CategoryStatus]
    windows: list[WindowOut]
    displays: list[DisplayStatusOut] = Field(default_factory=list, description="display boards heard from")


class VoiceIn(Strict):
    voice: Literal["on", "off", "chime"]
    detail: Annotated[str, Field(max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")] = ""


class AppointmentOut(BaseModel):
    """An appointment as the kiosk shows it before check-in: slot, service, masked name (nothing more)."""

    code: str
    status: str = Field(description="booked, checked_in or cancelled")
    slot_start: datetime = Field(description="hall local time with its offset")
    slot_end: datetime
    masked_name: str = Field(description="masked as booked (陈*); never the full name")
    category: str
    category_name: str
    item: str | None
    item_name: str | None
    number: str | None = Field(description="the ticket's number once checked in")


class GreenIn(Strict):
    reason: GreenReason
    note: Annotated[str, Field(max_length=200)] = ""


class IssueIn(Strict):
    category: Code | None = Field(default=None, description="category code (or name); optional with an appointment")
    item: Code | None = None
    green_channel: GreenIn | None = None
    appointment_code: Annotated[str, Field(min_length=1, max_length=20)] | None = None

    @model_validator(mode="after")
    def _needs_category(self) -> IssueIn:
        if self.category is None and self.appointment_code is None:
            raise ValueError("category is required unless an appointment_code is given")
        return self


class TicketOut(BaseModel):
    id: uuid.UUID
    number: str
    status: TicketStatus
    category: str
    category_name: str
    item: str | None
    item_name: str | None
    issued_at: datetime
    called_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    window_no: int | None
    recall_count: int
    transfer_count: int
    target_window: int | None
    green_reason: str | None
    green_note: str
    appointment_slot: datetime | None
    rating: int | None


class IssuedOut(BaseModel):
    number: str
    people_ahead: int
    issued_at: datetime
    ticket: TicketOut


class TransferIn(Strict):
    to_category: Code | None = None
    to_window: WindowNo | None = None
    reason: Annotated[str, Field(max_length=200)] = ""

    @model_validator(mode="after")
    def _one_target(self) -> TransferIn:
        if (self.to_category is None) == (self.to_window is None):
            raise ValueError("give exactly one of to_category or to_window")
        return self


class RatingIn(Strict):
    level: Annotated[int, Field(ge=1, le=5, description="5 = 非常满意 … 1 = 非常不满意")]
    reason: Annotated[str, Field(max_length=500)] = ""


class PauseIn(Strict):
    reason: Annotated[str, Field(max_length=200)] = ""


class WindowChangeOut(BaseModel):
    window_no: int
    paused: bool | None = None
    reason: str = ""
    before: dict[str, list[str]] | None = None
    after: dict[str, list[str]] | None = None


class CategoriesIn(Strict):
    primary: Annotated[list[Code], Field(min_length=1, max_length=50)]
    secondary: Annotated[list[Code], Field(max_length=50)] = []
    reason: Annotated[str, Field(max_length=200)] = ""


class AlertOut(BaseModel):
    id: uuid.UUID
    kind: str
    at: datetime
    message: str
    ticket_id: uuid.UUID | None
    category: str | None
    acknowledged: bool
    acknowledged_at: datetime | None
