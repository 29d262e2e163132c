"""/appointments: what a kiosk shows before it checks a booking in (slot, service, masked name)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from hallclient.hallnode.auth import Principal
from hallclient.hallnode.deps import MANAGERS, NodeDep, aware, require
from hallclient.hallnode.schemas import AppointmentOut, ErrorOut, Role
from hallclient.store.appointment_repo import appointment_view

router = APIRouter(prefix="/api/v1", tags=["tickets"],
                   responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 404: {"model": ErrorOut}})
Issuer = Annotated[Principal, require(Role.KIOSK, Role.RECEPTION, *MANAGERS)]


@router.get("/appointments/{code}", response_model=AppointmentOut)
def appointment(node: NodeDep, _p: Issuer,
                code: Annotated[str, Path(min_length=1, max_length=20)]) -> dict[str, Any]:
    """One appointment by its code, for the check-in screen; 404 `unknown_appointment`. The slot is in the
    hall's local time with its offset (what the booking said). Checking in is `POST /tickets
    {"appointment_code"}`, which refuses one already checked in or cancelled."""
    with node.store.read() as conn:
        out = appointment_view(conn, code)
    tz = node.store.tz
    for key in ("slot_start", "slot_end"):
        out[key] = aware(out[key]).astimezone(tz)
    return out
