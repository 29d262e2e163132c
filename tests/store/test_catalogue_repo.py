"""Catalogue imports against a real hall database: counts, deactivation, atomicity, round trips."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import select

from hallclient.catalogue.formats import FORMATS, write_catalogue
from hallclient.catalogue.model import Catalogue
from hallclient.catalogue.validate import CatalogueInvalid
from hallclient.domain.catalogue import Category, Guide, ServiceItem
from hallclient.paths import db_path
from hallclient.store import Store
from hallclient.store import catalogue_repo as repo
from hallclient.store.tables import AuditLogRow, CategoryRow, HallEventRow, ServiceItemRow

CAT = CategoryRow.__table__
ITEM = ServiceItemRow.__table__


def rows(store: Store, table) -> dict[str, dict]:
    with store.read() as conn:
        return {r.code: dict(r._mapping) for r in conn.execute(select(table))}


def catalogue(store: Store) -> Catalogue:
    return repo.load_store_catalogue(store)


def test_importing_the_seed_again_changes_nothing(demo_store: Store) -> None:
    before = rows(demo_store, ITEM)
    report = repo.import_file(demo_store, db_path("seed", "demo_hall.json"))
    assert report.items.counts() == {"added": 0, "updated": 0, "unchanged": len(before), "deactivated": 0}
    assert report.categories is not None and not report.categories.changed
    assert not report.changed
    assert rows(demo_store, ITEM) == before  # not even updated_at moved


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_then_import_is_a_no_op(demo_store: Store, tmp_path: Path, fmt: str) -> None:
    original = catalogue(demo_store)
    path = tmp_path / f"export.{fmt}"
    write_catalogue(original, path)
    report = repo.import_file(demo_store, path)
    assert not report.changed, report.lines()
    assert len(report.items.unchanged) == len(original.items)
    assert (report.categories is None) is (fmt == "csv")
    after = catalogue(demo_store)
    assert sorted(after.items, key=lambda i: i.code) == sorted(original.items, key=lambda i: i.code)
    assert sorted(after.categories, key=lambda c: c.code) == sorted(original.categories, key=lambda c: c.code)


def _edited(store: Store) -> tuple[Catalogue, str, ServiceItem, str]:
    """The hall's catalogue with one item renamed, one removed and one added."""
    cat = catalogue(store)
    items = sorted(cat.items, key=lambda i: i.code)
    renamed, removed = items[0], items[1]
    new = ServiceItem("NEW-001", "新办事项", renamed.category_code, Guide("https://zwfw.example.com/guide/NEW-001"))
    edited = [dataclasses.replace(renamed, name=renamed.name + "（变更）"), *items[2:], new]
    return Catalogue(cat.categories, tuple(edited)), renamed.code, removed, new.code


def test_counts_and_deactivation(demo_store: Store, tmp_path: Path) -> None:
    edited, renamed, removed_item, added = _edited(demo_store)
    removed = removed_item.code
    path = tmp_path / "edited.xlsx"
    write_catalogue(edited, path)
    before = rows(demo_store, ITEM)
    report = repo.import_file(demo_store, path)
    assert (report.items.added, report.items.updated, report.items.deactivated) == ((added,), (renamed,), (removed,))
    assert len(report.items.unchanged) == len(before) - 2
    after = rows(demo_store, ITEM)
    assert after[removed]["active"] is False  # kept: tickets refer to it
    assert after[removed]["id"] == before[removed]["id"]
    assert after[renamed]["name"].endswith("（变更）") and after[renamed]["updated_at"] >= before[renamed]["updated_at"]
    assert after[added]["active"] is True
    assert removed not in {i.code for i in catalogue(demo_store).items}

    # the same file again: nothing to do; the original again: the removed item comes back
    assert not repo.import_file(demo_store, path).changed
    write_catalogue(Catalogue(edited.categories, (*edited.items, removed_item)), tmp_path / "back.json")
    back = repo.import_file(demo_store, tmp_path / "back.json")
    assert back.items.updated == (removed,)
    assert rows(demo_store, ITEM)[removed]["active"] is True


def test_an_invalid_file_changes_nothing(demo_store: Store, tmp_path: Path) -> None:
    edited, *_ = _edited(demo_store)
    bad = dataclasses.replace(
        edited.items[3], guide=dataclasses.replace(edited.items[3].guide, online_url="http://insecure.example.com")
    )
    write_catalogue(Catalogue(edited.categories, (*edited.items[:3], bad, *edited.items[4:])), tmp_path / "bad.csv")
    before_items, before_cats = rows(demo_store, ITEM), rows(demo_store, CAT)
    with pytest.raises(CatalogueInvalid) as info:
        repo.import_file(demo_store, tmp_path / "bad.csv")
    (problem,) = info.value.problems
    assert (problem.file, problem.field) == ("bad.csv", "online_url") and "https://" in problem.message
    assert rows(demo_store, ITEM) == before_items and rows(demo_store, CAT) == before_cats


def test_a_failure_half_way_rolls_everything_back(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cat = catalogue(demo_store)
    renamed = tuple(dataclasses.replace(c, name=c.name + "X") for c in cat.categories)
    before_items, before_cats = rows(demo_store, ITEM), rows(demo_store, CAT)

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(repo, "_plan_items", boom)  # after the categories were written
    with pytest.raises(RuntimeError):
        repo.apply_catalogue(demo_store, Catalogue(renamed, cat.items))
    assert rows(demo_store, CAT) == before_cats and rows(demo_store, ITEM) == before_items


def test_dry_run_reports_without_writing(demo_store: Store, tmp_path: Path) -> None:
    edited, *_ = _edited(demo_store)
    write_catalogue(edited, tmp_path / "e.json")
    before = rows(demo_store, ITEM)
    report = repo.import_file(demo_store, tmp_path / "e.json", dry_run=True)
    assert report.changed and not report.applied
    assert rows(demo_store, ITEM) == before


def test_categories_removed_renamed_and_prefixes_swapped(demo_store: Store, tmp_path: Path) -> None:
    cat = catalogue(demo_store)
    ordered = cat.sorted_categories()
    first, second, dropped = ordered[0], ordered[1], ordered[-1]
    swapped = [dataclasses.replace(first, prefix=second.prefix), dataclasses.replace(second, prefix=first.prefix)]
    # a new category takes the letter of the dropped one
    newcomer = Category("NEWCAT", "新类别", dropped.prefix)
    categories = (*swapped, *ordered[2:-1], newcomer)
    items = tuple(i for i in cat.items if i.category_code != dropped.code)
    items += (ServiceItem("NEWCAT-1", "新类别事项", "NEWCAT", Guide("https://zwfw.example.com/guide/NEWCAT-1")),)
    write_catalogue(Catalogue(categories, items), tmp_path / "cats.xlsx")
    report = repo.import_file(demo_store, tmp_path / "cats.xlsx")
    assert report.categories is not None
    assert set(report.categories.updated) == {first.code, second.code}
    assert report.categories.added == ("NEWCAT",) and report.categories.deactivated == (dropped.code,)
    assert len(report.items.deactivated) == len(cat.items_of(dropped.code))
    after = rows(demo_store, CAT)
    assert (after[first.code]["prefix"], after[second.code]["prefix"]) == (second.prefix, first.prefix)
    assert after["NEWCAT"]["prefix"] == dropped.prefix
    assert after[dropped.code]["active"] is False
    assert after[dropped.code]["prefix"] not in {c.prefix for c in categories}
    # and back again, the dropped category returns (with a letter of its own)
    write_catalogue(cat, tmp_path / "orig.json")
    again = repo.import_file(demo_store, tmp_path / "orig.json")
    assert again.categories is not None and again.categories.deactivated == ("NEWCAT",)
    assert rows(demo_store, CAT)[dropped.code]["prefix"] == dropped.prefix


def test_csv_leaves_categories_alone_and_partial_leaves_other_items(demo_store: Store, tmp_path: Path) -> None:
    cat = catalogue(demo_store)
    one = cat.sorted_categories()[0]
    only = Catalogue(cat.categories, tuple(cat.items_of(one.code)))
    write_catalogue(only, tmp_path / "one.csv")
    before_cats = rows(demo_store, CAT)
    partial = repo.import_file(demo_store, tmp_path / "one.csv", partial=True)
    assert partial.categories is None and not partial.changed
    full = repo.import_file(demo_store, tmp_path / "one.csv", dry_run=True)
    assert len(full.items.deactivated) == len(cat.items) - len(only.items)
    assert rows(demo_store, CAT) == before_cats


def test_import_is_audited_and_announced(demo_store: Store, tmp_path: Path) -> None:
    edited, *_ = _edited(demo_store)
    write_catalogue(edited, tmp_path / "audit.json")
    repo.import_file(demo_store, tmp_path / "audit.json", actor="staff:9001")
    with demo_store.read() as conn:
        audit = conn.execute(select(AuditLogRow.__table__).order_by(AuditLogRow.__table__.c.seq.desc())).first()
        event = conn.execute(select(HallEventRow.__table__).order_by(HallEventRow.__table__.c.seq.desc())).first()
    assert audit is not None and audit.action == "catalogue_import" and audit.actor == "staff:9001"
    assert audit.detail["items"] == {"added": 1, "updated": 1, "unchanged": len(edited.items) - 2, "deactivated": 1}
    assert event is not None and event.kind == "catalogue_changed"


def test_read_catalogue_skips_inactive_rows(demo_store: Store) -> None:
    cat = catalogue(demo_store)
    code = sorted(i.code for i in cat.items)[0]
    with demo_store.write() as conn:
        conn.execute(ITEM.update().where(ITEM.c.code == code).values(active=False))
    assert code not in {i.code for i in catalogue(demo_store).items}


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_category_guide_url_is_imported_updated_and_exported(demo_store: Store, tmp_path: Path, fmt: str) -> None:
    cat = catalogue(demo_store)
    cat = Catalogue(tuple(dataclasses.replace(c, guide_url="") for c in cat.categories), cat.items)
    write_catalogue(cat, tmp_path / f"none.{fmt}")
    repo.import_file(demo_store, tmp_path / f"none.{fmt}")  # start from a hall without category links
    first, second = cat.sorted_categories()[:2]
    url = f"https://zwfw.example.com/guide/{first.code}"
    with_url = tuple(dataclasses.replace(c, guide_url=url) if c.code == first.code else c for c in cat.categories)
    write_catalogue(Catalogue(with_url, cat.items), tmp_path / f"url.{fmt}")
    report = repo.import_file(demo_store, tmp_path / f"url.{fmt}")
    assert report.categories is not None and report.categories.updated == (first.code,)
    assert not report.items.changed
    after = rows(demo_store, CAT)
    assert after[first.code]["guide_url"] == url and after[second.code]["guide_url"] == ""
    exported = catalogue(demo_store)
    assert {c.code: c.guide_url for c in exported.categories}[first.code] == url
    # export → import changes nothing; then clearing the cell clears the link
    write_catalogue(exported, tmp_path / f"again.{fmt}")
    assert not repo.import_file(demo_store, tmp_path / f"again.{fmt}").changed
    write_catalogue(cat, tmp_path / f"cleared.{fmt}")
    cleared = repo.import_file(demo_store, tmp_path / f"cleared.{fmt}")
    assert cleared.categories is not None and cleared.categories.updated == (first.code,)
    assert rows(demo_store, CAT)[first.code]["guide_url"] == ""
