"""The central store over the months: summaries kept exact by the push (incremental = rebuilt from scratch),
monthly partitions pruned in the reports' plans, detached for archive and attached back, and migration c0002
upgrading a store that already holds rows."""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, select, text

from hallclient.central import partitions, refresh, summary
from hallclient.central.reports import Period, city_report
from hallclient.central.tables import rating_day, refresh_queue, report_day, ticket_fact, wait_hist
from hallclient.store import Store, open_store
from hallclient.sync import central_schema
from hallclient.sync.central_tables import UP, UP_TABLES
from hallclient.sync.run import run_sync
from tests.sync.helpers import JumpyClock, activity, assert_central_equals_union

from .scripted import NOV

NOW = datetime(2026, 12, 2, 2, 0)
SUMMARIES = (ticket_fact, report_day, rating_day, wait_hist)


def _summaries(engine: Engine) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        out = {t.name: sorted(tuple(r) for r in conn.execute(select(t))) for t in SUMMARIES}
        conn.rollback()
    return out


def test_incremental_summaries_equal_a_rebuild(central: Engine, hall_paths: tuple[Path, Path]) -> None:
    store = open_store(hall_paths[0])
    clock = JumpyClock()
    try:
        rng = random.Random(11)
        for _ in range(4):  # several nights, each syncing a day that later nights change again
            activity(store, clock, rng, 40)
            assert run_sync(store, engine=central, clock=clock, batch_size=9, backup=False).ok
            clock.advance(hours=20)
        incremental = _summaries(central)
        assert incremental["ticket_fact"] and incremental["wait_hist"]
        with central.begin() as conn:
            for t in SUMMARIES:
                conn.execute(delete(t))
            days = conn.execute(select(UP["ticket"].c.hall_id, UP["ticket"].c.day).distinct()).all()
            for hall, day in days:
                refresh.mark(conn, hall, [day])
        assert refresh.refresh(central) == len(days)
        assert _summaries(central) == incremental
        with central.connect() as conn:
            assert conn.execute(select(refresh_queue)).first() is None
    finally:
        store.close()


def _explain(engine: Engine, sql: str, params: dict) -> str:
    with engine.connect() as conn:
        plan = "\n".join(r[0] for r in conn.execute(refresh.sql("EXPLAIN " + sql), params))
        conn.rollback()
    return plan


def test_reports_read_only_their_months_partitions(pg_engine: Engine, scripted: tuple[Store, Store]) -> None:
    for s in scripted:
        assert run_sync(s, engine=pg_engine, backup=False).ok
    hall = scripted[0].hall_id
    p = refresh.day_params(hall, NOV, NOV, "Asia/Shanghai")
    plan = _explain(pg_engine, summary.facts_sql(summary.Sql(True), summary.CENTRAL), p)
    assert "ticket_p2026_11" in plan and "ticket_event_p2026_11" in plan and "rating_p2026_11" in plan
    assert "ticket_p2026_10" not in plan and "ticket_event_p2026_10" not in plan, plan
    nov = Period.month(NOV)
    plan = _explain(pg_engine, "SELECT count(*) FROM ticket_fact WHERE day >= :d0 AND day <= :d1",
                    {"d0": nov.start, "d1": nov.end})
    assert "ticket_fact_p2026_11" in plan and "ticket_fact_p2026_10" not in plan, plan


def test_detach_for_archive_then_attach(pg_engine: Engine, scripted: tuple[Store, Store]) -> None:
    for s in scripted:
        assert run_sync(s, engine=pg_engine, backup=False).ok
    october = Period(date(2026, 10, 1), date(2026, 10, 31))
    before = city_report(pg_engine, october, now=NOW)
    gone = partitions.detach(pg_engine, date(2026, 11, 1), now=NOW)
    assert set(gone) == {f"{t}_p2026_10" for t in partitions.PARTITIONED}
    with pg_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ticket WHERE day < '2026-11-01'")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM ticket_p2026_10")).scalar() == 4  # kept for the dump
        conn.rollback()
    after = city_report(pg_engine, october, now=NOW)
    assert after["totals"] == before["totals"] and after["halls"][0]["issued"] == 3  # summaries stay
    assert any("2026-10" in n for n in after["notes"])
    listing = {(p.table, p.month, p.attached) for p in partitions.listing(pg_engine)}
    assert ("ticket", date(2026, 10, 1), False) in listing and ("ticket", date(2026, 11, 1), True) in listing
    # a hall re-sending October rows is stopped with a clear message, never half re-created
    with pytest.raises(partitions.ArchivedMonthError, match="attach them back"):
        partitions.ensure(pg_engine, [date(2026, 10, 1)])
    # checks of a detached month are not mismatches to heal
    report = run_sync(scripted[0], engine=pg_engine, backup=False, full_check=True)
    assert report.ok, report.format()
    assert any(c.status == "archived" for c in report.checks)
    assert partitions.attach(pg_engine, date(2026, 10, 1))
    report = run_sync(scripted[0], engine=pg_engine, backup=False, full_check=True)
    assert report.ok and not [c for c in report.checks if c.status != "ok"], report.format()
    assert city_report(pg_engine, october, now=NOW)["notes"] == []


def test_migration_keeps_the_rows_of_an_existing_store(central: Engine, tmp_path: Path,
                                                       scripted: tuple[Store, Store]) -> None:
    """A store at c0001 with rows (pushed by the previous release) upgrades with nothing lost."""
    url = central.url.render_as_string(hide_password=False)
    central.dispose()
    with central.begin() as conn:  # back to an empty c0001 store
        for name in conn.dialect.get_table_names(conn):
            conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{name}" CASCADE' if conn.dialect.name == "postgresql"
                                 else f'DROP TABLE IF EXISTS "{name}"')
    old = central_schema.make_central_engine(url)
    central_schema.upgrade(old, "c0001")
    for s in scripted:
        with s.read() as hconn, old.begin() as conn:
            for name in UP_TABLES:
                cols = [c.name for c in UP[name].columns if c.name != "synced_at"]
                rows = [dict(zip(cols, r, strict=True)) for r in hconn.execute(select(
                    *[s_col for s_col in _hall_columns(name, cols)]))]
                if rows:
                    conn.execute(UP[name].insert(), rows)
    central_schema.upgrade(old)
    assert central_schema.current_revision(old) == central_schema.head_revision()
    assert_central_equals_union(old, list(scripted))
    with old.connect() as conn:
        assert len(conn.execute(select(refresh_queue)).all()) == 4  # 2 halls × 2 days, queued for summaries
        conn.rollback()
    for s in scripted:
        assert run_sync(s, engine=old, backup=False).ok
    assert city_report(old, Period.month(NOV), now=NOW)["totals"]["issued"] == 5
    old.dispose()


def _hall_columns(name: str, cols: list[str]) -> list:
    from hallclient.store.tables import metadata

    t = metadata.tables[name]
    return [t.c[c] for c in cols]


def test_rebuilding_a_month_gives_the_same_summaries(central: Engine, scripted: tuple[Store, Store]) -> None:
    for s in scripted:
        assert run_sync(s, engine=central, backup=False).ok
    before = _summaries(central)
    with central.begin() as conn:
        for s in scripted:
            for month in (date(2026, 10, 1), date(2026, 11, 1)):
                refresh.rebuild_month(conn, s.hall_id, month, "Asia/Shanghai")
    assert _summaries(central) == before
