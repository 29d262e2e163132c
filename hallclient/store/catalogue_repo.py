"""The hall's catalogue in the store: read it (for guide sheets and export) and apply an import atomically.

An import file is the whole catalogue: items missing from it are deactivated, never deleted, because
tickets refer to them; so are categories, when the file carries categories at all (a CSV file does not,
and then categories stay as they are). Everything happens in one write transaction: either the whole
file is applied or nothing is.
"""

from __future__ import annotations

import string
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select, update

from hallclient.catalogue.formats import category_record, item_record, load_catalogue, material_record
from hallclient.catalogue.model import Catalogue
from hallclient.catalogue.validate import parse_form
from hallclient.domain.catalogue import Category, Guide, Material, MaterialForm, ServiceItem
from hallclient.domain.sla import SlaThresholds
from hallclient.ids import new_id
from hallclient.store import journal
from hallclient.store.errors import ConflictError, StoreError
from hallclient.store.store import Store, utc_now
from hallclient.store.tables import CategoryRow, ServiceItemRow

CAT = CategoryRow.__table__
ITEM = ServiceItemRow.__table__
_CATEGORY_FIELDS = ("name", "name_en", "prefix", "yellow_after_min", "red_after_min", "sort_order", "guide_url")
_ITEM_FIELDS = ("name", "conditions", "materials", "steps", "legal_limit_days", "promised_limit_days", "fee",
                "location", "phone", "online_url")


@dataclass(frozen=True, slots=True)
class Changes:
    """Codes added, updated (including reactivated), unchanged and deactivated by one import."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    deactivated: tuple[str, ...] = ()

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
                f"{len(self.deactivated)} deactivated")

    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "updated": len(self.updated), "unchanged": len(self.unchanged),
                "deactivated": len(self.deactivated)}

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.deactivated)


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import changed; `categories` is None when the file carried no categories (CSV)."""

    items: Changes
    categories: Changes | None = None
    applied: bool = True  # False for a dry run

    @property
    def changed(self) -> bool:
        return self.items.changed or (self.categories is not None and self.categories.changed)

    def lines(self) -> list[str]:
        out = []
        if self.categories is not None:
            out.append(f"categories: {self.categories.summary()}")
        else:
            out.append("categories: not in this file; the hall's categories are left as they are")
        out.append(f"items: {self.items.summary()}")
        return out


# ---------------------------------------------------------------- reading


def category_from_row(row: Any) -> Category:
    return Category(code=row.code, name=row.name, prefix=row.prefix, name_en=row.name_en or "",
                    sla=SlaThresholds(row.yellow_after_min, row.red_after_min), sort_order=row.sort_order,
                    guide_url=row.guide_url or "")


def _material(value: Any) -> Material:
    if isinstance(value, str):
        return Material(value)
    try:
        form = parse_form(str(value.get("form") or MaterialForm.ORIGINAL.value))
    except ValueError:
        form = MaterialForm.ORIGINAL  # a form text this version does not know: print the safe default
    copies = value.get("copies")
    return Material(name=str(value.get("name", "")), form=form, copies=1 if copies is None else int(copies),
                    note=str(value.get("note") or ""))


def item_from_row(row: Any, category_code: str) -> ServiceItem:
    guide = Guide(
        online_url=row.online_url,
        conditions=tuple(row.conditions or ()),
        materials=tuple(_material(m) for m in row.materials or ()),
        steps=tuple(row.steps or ()),
        legal_limit_days=row.legal_limit_days,
        promised_limit_days=row.promised_limit_days,
        fee=row.fee or "",
        location=row.location or "",
        phone=row.phone or "",
    )
    return ServiceItem(code=row.code, name=row.name, category_code=category_code, guide=guide)


def read_catalogue(conn: Connection, hall_id: uuid.UUID) -> Catalogue:
    """The hall's active categories and their active items."""
    cat_rows = conn.execute(select(CAT).where(CAT.c.hall_id == hall_id, CAT.c.active.is_(True))).all()
    code_of = {r.id: r.code for r in cat_rows}
    try:
        categories = tuple(category_from_row(r) for r in cat_rows)
    except ValueError as exc:
        raise StoreError(f"a category in the store is invalid: {exc}") from None
    item_rows = conn.execute(select(ITEM).where(ITEM.c.hall_id == hall_id, ITEM.c.active.is_(True))).all()
    items = tuple(item_from_row(r, code_of[r.category_id]) for r in item_rows if r.category_id in code_of)
    return Catalogue(categories=categories, items=items)


def load_store_catalogue(store: Store) -> Catalogue:
    with store.read() as conn:
        return read_catalogue(conn, store.hall_id)


# ---------------------------------------------------------------- importing


def import_file(store: Store, path: str | Path, *, dry_run: bool = False, partial: bool = False,
                actor: str = "cli") -> ImportReport:
    """Validate `path` against the hall and apply it; raises CatalogueInvalid (nothing applied) on any problem.

    `partial`: the file holds only some items (say one category's); those it lacks stay as they are.
    """
    with store.read() as conn:
        known = read_catalogue(conn, store.hall_id).categories
    catalogue = load_catalogue(path, known)
    return apply_catalogue(store, catalogue, dry_run=dry_run, partial=partial, actor=actor, source=Path(path).name)


def apply_catalogue(store: Store, catalogue: Catalogue, *, dry_run: bool = False, partial: bool = False,
                    actor: str = "cli", source: str = "") -> ImportReport:
    """Make the store's catalogue equal `catalogue`, in one transaction; a dry run only reports."""
    hall_id = store.hall_id
    if dry_run:
        with store.read() as conn:
            return _apply(conn, hall_id, catalogue, utc_now(), write=False, partial=partial)
    with store.write() as conn:
        now = utc_now()
        report = _apply(conn, hall_id, catalogue, now, write=True, partial=partial)
        if report.changed:
            detail = {"file": source, "partial": partial, "items": report.items.counts(),
                      "categories": None if report.categories is None else report.categories.counts()}
            journal.audit(conn, hall_id=hall_id, at=now, actor_id=None, actor=actor, action="catalogue_import",
                          detail=detail)
            journal.hall_event(conn, "catalogue_changed", detail, now)
        return report


def write_catalogue_in(conn: Connection, hall_id: uuid.UUID, catalogue: Catalogue, now: datetime) -> ImportReport:
    """Apply a whole catalogue inside the caller's transaction (a new hall's set-up writes it with the hall)."""
    return _apply(conn, hall_id, catalogue, now, write=True, partial=False)


@dataclass(slots=True)
class _Plan:
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[tuple[uuid.UUID, dict[str, Any]]] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)

    def changes(self) -> Changes:
        return Changes(tuple(self.added), tuple(self.updated), tuple(self.unchanged), tuple(self.deactivated))

    def put(self, row: Any, hall_id: uuid.UUID, code: str, values: dict[str, Any], now: datetime,
            stored: Callable[[Any, str], Any] = getattr) -> uuid.UUID:
        """Plan one record of the file against its row (None: new): insert it, or update what differs,
        the code's spelling and a reactivation included. `stored` reads a row's value as a file would hold it."""
        if row is None:
            row_id = new_id()
            self.inserts.append({"id": row_id, "hall_id": hall_id, "code": code, "active": True,
                                 "updated_at": now, **values})
            self.added.append(code)
            return row_id
        diff = {k: v for k, v in values.items() if stored(row, k) != v}
        if row.code != code:
            diff["code"] = code
        if not row.active:
            diff["active"] = True
        if diff:
            self.updates.append((row.id, {**diff, "updated_at": now}))
            self.updated.append(code)
        else:
            self.unchanged.append(code)
        return row.id


def _apply(conn: Connection, hall_id: uuid.UUID, catalogue: Catalogue, now: datetime, *, write: bool,
           partial: bool) -> ImportReport:
    cat_rows = conn.execute(select(CAT).where(CAT.c.hall_id == hall_id)).all()
    category_changes: Changes | None = None
    if catalogue.categories_in_file:
        plan, category_ids = _plan_categories(cat_rows, hall_id, catalogue.categories, now, partial=partial)
        if write:
            _write_categories(conn, cat_rows, plan)
        category_changes = plan.changes()
    else:
        category_ids = {r.code: r.id for r in cat_rows if r.active}
    missing = sorted({i.category_code for i in catalogue.items} - set(category_ids))
    if missing:
        raise ConflictError(f"categories {', '.join(missing)} are no longer active in the hall; import again")

    item_rows = conn.execute(select(ITEM).where(ITEM.c.hall_id == hall_id)).all()
    plan = _plan_items(item_rows, hall_id, catalogue.items, category_ids, now, partial=partial)
    if write:
        for row_id, values in plan.updates:
            conn.execute(update(ITEM).where(ITEM.c.id == row_id).values(**values))
        if plan.inserts:
            conn.execute(insert(ITEM), plan.inserts)
    return ImportReport(items=plan.changes(), categories=category_changes, applied=write)


def _by_code(rows: Iterable[Any]) -> dict[str, Any]:
    return {r.code.casefold(): r for r in rows}


def _plan_categories(rows: Sequence[Any], hall_id: uuid.UUID, categories: Sequence[Category], now: datetime, *,
                     partial: bool) -> tuple[_Plan, dict[str, uuid.UUID]]:
    plan = _Plan()
    existing = _by_code(rows)
    ids: dict[str, uuid.UUID] = {}
    seen: set[str] = set()
    for category in categories:
        values = category_record(category)
        values.pop("code")
        seen.add(category.code.casefold())
        ids[category.code] = plan.put(existing.get(category.code.casefold()), hall_id, category.code, values, now)
    final_prefixes = {c.prefix for c in categories}
    for row in rows:
        if row.code.casefold() in seen:
            continue
        diff: dict[str, Any] = {}
        if row.active and partial:
            if row.prefix in final_prefixes:
                taker = next(c.code for c in categories if c.prefix == row.prefix)
                raise ConflictError(f"category {taker} takes prefix {row.prefix}, which category {row.code} (not in "
                                    "this file, kept by a partial import) still uses")
            ids[row.code] = row.id
            continue
        if row.active:
            diff["active"] = False
            plan.deactivated.append(row.code)
        if row.prefix in final_prefixes:
            diff["prefix"] = None  # filled in below: an inactive category gives its letter up
        if diff:
            plan.updates.append((row.id, {**diff, "updated_at": now}))
    _free_prefixes(rows, plan, final_prefixes)
    return plan, ids


def _free_prefixes(rows: Sequence[Any], plan: _Plan, final_prefixes: set[str]) -> None:
    """Give inactive categories whose letter an active one now takes a letter nobody uses.

    Prefixes are unique per hall, active or not; old tickets keep their numbers (A001…) whatever happens
    to the letter of a category no longer in use.
    """
    new_prefix = {row_id: values["prefix"] for row_id, values in plan.updates if "prefix" in values}
    keeping = {new_prefix.get(r.id, r.prefix) for r in rows} - {None}
    free = [c for c in string.ascii_uppercase if c not in final_prefixes and c not in keeping]
    for _, values in plan.updates:
        if "prefix" in values and values["prefix"] is None:
            if not free:
                raise ConflictError("no ticket prefix letter is left for the deactivated categories; "
                                    "26 letters are all in use")
            values["prefix"] = free.pop(0)


def _write_categories(conn: Connection, rows: Sequence[Any], plan: _Plan) -> None:
    """Prefix changes go through placeholders first, so swapping two letters never trips the unique index."""
    old = {r.id: r.prefix for r in rows}
    moving = [(row_id, values) for row_id, values in plan.updates if values.get("prefix", old[row_id]) != old[row_id]]
    placeholders = iter(c for c in string.digits + string.ascii_lowercase if c not in set(old.values()))
    for row_id, _ in moving:
        conn.execute(update(CAT).where(CAT.c.id == row_id).values(prefix=next(placeholders)))
    for row_id, values in plan.updates:
        conn.execute(update(CAT).where(CAT.c.id == row_id).values(**values))
    if plan.inserts:
        conn.execute(insert(CAT), plan.inserts)


def _plan_items(rows: Sequence[Any], hall_id: uuid.UUID, items: Iterable[ServiceItem],
                category_ids: dict[str, uuid.UUID], now: datetime, *, partial: bool) -> _Plan:
    plan = _Plan()
    existing = _by_code(rows)
    seen: set[str] = set()
    for item in items:
        values = {k: v for k, v in item_record(item).items() if k in _ITEM_FIELDS}
        values["category_id"] = category_ids[item.category_code]
        seen.add(item.code.casefold())
        plan.put(existing.get(item.code.casefold()), hall_id, item.code, values, now, stored=_stored)
    for row in rows:
        if row.active and not partial and row.code.casefold() not in seen:
            plan.updates.append((row.id, {"active": False, "updated_at": now}))
            plan.deactivated.append(row.code)
    return plan


def _stored(row: Any, key: str) -> Any:
    """A stored value in the form an import writes it (materials as full {name, form, copies, note})."""
    value = getattr(row, key)
    if key == "materials":
        return [material_record(_material(m)) for m in value or ()]
    if key in ("conditions", "steps"):
        return list(value or ())
    if key in ("fee", "location", "phone"):
        return value or ""
    return value

