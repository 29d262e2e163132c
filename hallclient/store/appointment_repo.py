"""预约 in the store: what a kiosk shows before checking a booking in, and the refusals check-in shares.

The kiosk shows the slot, the service and the masked name before it issues the ticket, so a visitor who typed
someone else's code (or the wrong day's) sees it first. Only the masked name (陈*) is ever stored or shown.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from hallclient.store.errors import ConflictError, NotFoundError
from hallclient.store.tables import AppointmentRow, CategoryRow, ServiceItemRow, TicketRow

APPT = AppointmentRow.__table__
CAT = CategoryRow.__table__
ITEM = ServiceItemRow.__table__
T = TicketRow.__table__

_SEL_VIEW = (
    select(APPT.c.code, APPT.c.status, APPT.c.slot_start, APPT.c.slot_end, APPT.c.masked_name,
           CAT.c.code.label("category"), CAT.c.name.label("category_name"), ITEM.c.code.label("item"),
           ITEM.c.name.label("item_name"), T.c.number.label("number"))
    .select_from(APPT.join(CAT, CAT.c.id == APPT.c.category_id).outerjoin(ITEM, ITEM.c.id == APPT.c.item_id)
                 .outerjoin(T, T.c.id == APPT.c.ticket_id))
)


def unknown(code: str) -> NotFoundError:
    return NotFoundError(f"no appointment with code {code!r}", code="unknown_appointment", appointment=code)


def not_bookable(code: str, status: str, number: str | None = None) -> ConflictError:
    """The refusal for checking in an appointment that is no longer booked (checked in or cancelled)."""
    if status == "checked_in":
        return ConflictError(f"appointment {code} is already checked_in", code="appointment_already_checked_in",
                             appointment=code, number=number or "")
    return ConflictError(f"appointment {code} is already {status}", code="appointment_not_bookable",
                         appointment=code, status=status)


def appointment_view(conn: Connection, code: str) -> dict[str, Any]:
    """One appointment as the kiosk shows it (code, status, slot, category and item, masked name, and the
    ticket number once checked in); NotFoundError (`unknown_appointment`) for an unknown code."""
    row = conn.execute(_SEL_VIEW.where(APPT.c.code == code)).first()
    if row is None:
        raise unknown(code)
    return dict(row._mapping)
