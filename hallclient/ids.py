"""Time-ordered UUID keys (UUIDv7), so rows from many halls merge in the central store without collisions."""

from __future__ import annotations

import uuid

import uuid6


def new_id() -> uuid.UUID:
    return uuid.UUID(bytes=uuid6.uuid7().bytes)
