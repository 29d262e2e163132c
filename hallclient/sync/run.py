"""One sync run: back up the hall database, send the hall's directory (names, thresholds) if it changed, push
up, check and heal, pull reference data, record (here and, for the city view, centrally).

Used by the nightly scheduler and by `hallclient sync --now`. Never raises for an expected failure
(central store down, bad release): the report says what happened and the scheduler retries later.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import URL, Engine

from hallclient.central import directory
from hallclient.store.backup import backup_with_rotation
from hallclient.store.store import Store, utc_now
from hallclient.sync import central_schema, checks, credentials, pull, push
from hallclient.sync.report import CLOCK_OFFSET_WARN_S, SyncReport

log = logging.getLogger("hallclient.sync")


def _record(store: Store, report: SyncReport) -> None:
    with store.write() as conn:
        push.put_state(conn, "last_run", report.summary())
        if report.ok:
            push.put_state(conn, "last_success", report.summary())


def _record_centrally(store: Store, engine: Engine, report: SyncReport, secret: str | None) -> None:
    """The run's outcome for the city view; a central store that is down cannot take it, which is fine."""
    try:
        with engine.connect() as conn:
            at = push.central_now(conn)
            conn.rollback()
        directory.record_run(engine, store.hall_id, at=at, ok=report.ok, error=report.error,
                             compared=len(report.checks), healed=len(report.healed),
                             mismatch=len(report.mismatches), rows_up=sum(report.rows_up.values()))
    except Exception as exc:
        report.notes.append(credentials.mask(f"could not record the run centrally: {type(exc).__name__}", secret))


def run_sync(
    store: Store,
    *,
    central_url: str | URL | None = None,
    engine: Engine | None = None,
    clock: Callable[[], datetime] = utc_now,
    full_check: bool = False,
    backup: bool = True,
    batch_size: int = push.DEFAULT_BATCH,
    fault_hook: push.FaultHook | None = None,
    raise_errors: bool = False,
) -> SyncReport:
    """Run one complete sync of `store` with the central store and return its report."""
    report = SyncReport(started_at=clock())
    t0 = time.monotonic()
    secret: str | None = None
    own_engine = engine is None
    try:
        settings = push.sync_settings(store)
        if engine is None:
            url, secret = credentials.resolve(store, central_url)
            engine = central_schema.make_central_engine(url)
        report.central = credentials.display(engine.url)
        if backup:
            report.backup = str(backup_with_rotation(Path(store.path), Path(store.path).parent / "backups",
                                                     "pre-sync", keep=int(settings.get("keep_backups", 7))))
        central_schema.upgrade(engine)
        with engine.connect() as conn:
            report.clock_offset_s = round((push.central_now(conn) - clock()).total_seconds(), 1)
            conn.rollback()
        if abs(report.clock_offset_s) > CLOCK_OFFSET_WARN_S:
            report.notes.append(f"hall clock differs from the central store's by {report.clock_offset_s:+.0f} s")
        directory.publish(store, engine, clock())
        res = push.push(store, engine, batch_size=batch_size, fault_hook=fault_hook)
        report.rows_up, report.batches, report.outbox_entries = res.rows, res.batches, res.outbox_rows
        report.seq_from, report.seq_to, report.pruned = res.start_seq, res.end_seq, res.pruned
        report.notes += res.notes
        report.full_check = full_check or res.full_check
        report.checks = checks.check_and_heal(store, engine, None if report.full_check else res.days,
                                              fault_hook=fault_hook)
        got = pull.pull(store, engine, clock=clock, fault_hook=fault_hook)
        report.release_before, report.release_after, report.rows_down = got.version_before, got.version_after, got.rows
        report.release_rejected = got.rejected
        report.ok = not report.mismatches and got.rejected is None
        if report.mismatches:
            report.error = f"{len(report.mismatches)} table-days still differ after re-pushing"
        elif got.rejected:
            report.error = "reference release rejected"
    except Exception as exc:
        report.ok = False
        report.error = credentials.mask(f"{type(exc).__name__}: {exc}", secret)
        if raise_errors:
            raise
    finally:
        report.duration_s = time.monotonic() - t0
        if engine is not None and report.central:
            _record_centrally(store, engine, report, secret)
        if own_engine and engine is not None:
            engine.dispose()
    try:
        _record(store, report)
    except Exception as exc:  # the report still goes to the caller
        report.notes.append(credentials.mask(f"could not record the run: {exc}", secret))
    log.info(credentials.mask(report.format(), secret))
    return report
