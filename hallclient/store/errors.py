"""Store errors that carry a message a hall admin can act on."""

from __future__ import annotations

from datetime import datetime


class StoreError(Exception):
    """The database cannot be used as asked; the message says why and what to do.

    `code` is a stable snake_case name of the refusal (`unknown_appointment`, …) and `values` the JSON-able
    values its sentence needs, so a client can say it in its user's language; the English message stays for
    logs and API users."""

    def __init__(self, message: str = "", *, code: str | None = None, **values: object) -> None:
        super().__init__(message)
        self.code, self.values = code, values


class CorruptDatabaseError(StoreError):
    pass


class NewerDatabaseError(StoreError):
    pass


class NotFoundError(StoreError):
    pass


class ConflictError(StoreError):
    """The request does not fit the current state (e.g. a window that is paused calls next)."""


class WrongWindowError(StoreError):
    """A clerk acted on a ticket that is not at their own window (the LAN API answers 403)."""


class HallClosedError(ConflictError):
    """A kiosk asked for a ticket outside the hall day; `next_open` (local, naive) says when it opens next."""

    def __init__(self, message: str, *, hours: str = "", next_open: datetime | None = None) -> None:
        super().__init__(message)
        self.hours, self.next_open = hours, next_open
