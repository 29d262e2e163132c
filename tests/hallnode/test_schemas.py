"""The API's ticket model is its own contract, kept field for field in step with the store's view."""

from __future__ import annotations

import dataclasses

from hallclient.hallnode.deps import ticket_out
from hallclient.hallnode.schemas import TicketOut
from hallclient.store.queue import HallQueue, TicketView


def test_ticket_out_has_exactly_the_fields_of_ticket_view() -> None:
    view_fields = [f.name for f in dataclasses.fields(TicketView)]
    assert list(TicketOut.model_fields) == view_fields


def test_every_view_the_store_makes_validates_as_ticket_out(demo_store, clock) -> None:
    q = HallQueue(demo_store, clock)
    issued = q.issue("SB").ticket
    called = q.call_next(next(w for w in range(1, 40) if _serves(q, w, "SB")))
    for view in (issued, called):
        out = TicketOut.model_validate(ticket_out(view))
        assert out.issued_at.tzinfo is not None and str(out.id) == str(view.id)


def _serves(q: HallQueue, window_no: int, category: str) -> bool:
    from sqlalchemy import select

    from hallclient.store.queue import WIN

    with q.store.read() as conn:
        w = conn.execute(select(WIN).where(WIN.c.no == window_no)).first()
    return w is not None and category in (w.primary_categories or [])
