"""预约: a booked slot that gets priority once it has begun, within the hall's early/late limits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class AppointmentPolicy:
    """A checked-in appointment is called ahead of ordinary tickets from `early_min` before its slot
    until `late_min` after the slot began; outside that window it queues like any ticket."""

    early_min: int = 5
    late_min: int = 15

    def is_due(self, slot_start: datetime, now: datetime) -> bool:
        return slot_start - timedelta(minutes=self.early_min) <= now <= slot_start + timedelta(minutes=self.late_min)
