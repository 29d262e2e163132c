"""Store errors that carry a message a hall admin can act on."""


class StoreError(Exception):
    """The database cannot be used as asked; the message says why and what to do."""


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
