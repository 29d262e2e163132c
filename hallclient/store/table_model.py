"""The base of every hall table model, typed so the checker knows `Row.__table__` (SQLModel sets it at class
creation, invisibly to mypy); at run time it is SQLModel itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from sqlmodel import SQLModel

if TYPE_CHECKING:
    from sqlalchemy import Table

    class TableModel(SQLModel):
        __table__: ClassVar[Table]
else:
    TableModel = SQLModel
