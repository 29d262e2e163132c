"""Hall tables added for the nightly sync (revision 0003): the holiday calendar and the reference
releases applied from the central store.

Kept apart from `tables.py` so the sync feature owns its schema (it imports nothing from there); `tables.py`
imports this module at its end, so `metadata` (and Alembic's comparison against the migrations) sees
these tables too.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime
from sqlmodel import Field

from hallclient.store.table_model import TableModel


class HolidayRow(TableModel, table=True):
    """One calendar day that differs from the usual week: a public holiday (closed) or a make-up
    working day (调休, open on a weekend). Comes down from the central store."""

    __tablename__ = "holiday"
    day: date = Field(primary_key=True)
    name: str = Field(default="", max_length=60)
    kind: str = Field(default="holiday", max_length=12)  # "holiday" | "workday"


class ReferenceReleaseRow(TableModel, table=True):
    """A reference-data release applied to this hall; the highest version is the one in force."""

    __tablename__ = "reference_release"
    version: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    checksum: str = Field(max_length=64)
    applied_at: datetime = Field(sa_type=DateTime(), nullable=False)
    summary: dict[str, Any] = Field(default=None, sa_column=Column(JSON, nullable=False))

