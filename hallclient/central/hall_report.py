"""The monthly report (月报) of one hall, computed on the hall's own SQLite database.

Why the central code runs here unchanged: the per-ticket facts and daily summaries are built for the period
into temporary tables named as on the central store (`ticket_fact`, `report_day`, `rating_day`), and the
hall's catalogue is shown under the central directory names (`hall_category`, …) as temporary views, so
`hallclient.central.reports.hall_report` reads the same relations with the same SQL on both. A month of a
busy hall (≈90,000 tickets, 400,000 events) takes about 5 s on 2 cores (SQLite has no hash joins: each step
is a temporary table with an index, see `summary.Query`); it runs on a read transaction, so the queue's
writer is never held up.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from hallclient.central import refresh, summary
from hallclient.central.reports import Period, hall_report
from hallclient.store.reports import green_limit
from hallclient.store.store import Store, utc_now

_VIEWS = {
    "hall_category": "SELECT hall_id, id, code, name, prefix, yellow_after_min, red_after_min, sort_order, active "
                     "FROM main.category",
    "hall_item": "SELECT hall_id, id, code, name, category_id, active FROM main.service_item",
    "hall_window": "SELECT hall_id, no, name FROM main.window",
    "hall_staff": "SELECT hall_id, id, staff_no, name, role, active FROM main.staff",
}
_TEMP_TABLES = ("ticket_fact", "report_day", "rating_day", "hall_info")


def _drop(conn: Connection) -> None:
    for name in _VIEWS:
        conn.exec_driver_sql(f"DROP VIEW IF EXISTS temp.{name}")
    for name in _TEMP_TABLES:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")


def monthly_report(store: Store, period: Period, now: datetime | None = None) -> dict[str, Any]:
    """The hall's report for `period` (normally one month): the central report's figures, from this hall's rows."""
    now = now or utc_now()
    hall = store.hall()
    p = refresh.day_params(hall.id, period.start, period.end, hall.timezone)
    with store.read() as conn:
        _drop(conn)  # a pooled connection may keep an earlier report's tables if that one was interrupted
        try:
            cols = {r[1] for r in conn.exec_driver_sql("PRAGMA main.table_info(ticket)")}
            src = summary.hall_source(cols)
            for name, body in _VIEWS.items():
                conn.exec_driver_sql(f"CREATE TEMP VIEW {name} AS {body}")
            conn.execute(refresh.sql(
                "CREATE TEMP TABLE hall_info AS SELECT :hall AS hall_id, :code AS code, :name AS name, "
                ":tz AS timezone, :green AS green_alert_min, '' AS directory_checksum, NULL AS directory_at, "
                "NULL AS last_run_at, NULL AS last_run_ok, NULL AS last_ok_at, NULL AS last_error, "
                "NULL AS checks_compared, NULL AS checks_healed, NULL AS checks_mismatch, NULL AS rows_up"),
                {"hall": hall.id, "code": hall.code, "name": hall.name, "tz": hall.timezone,
                 "green": green_limit(conn)})
            sq = summary.Sql(pg=False)
            summary.run(conn, summary.facts_query(sq, src), p, "CREATE TEMP TABLE ticket_fact AS")
            conn.exec_driver_sql("CREATE INDEX temp.ix_hall_fact ON ticket_fact (ticket_id)")
            summary.run(conn, summary.report_day_query(sq, src), p, "CREATE TEMP TABLE report_day AS")
            conn.execute(refresh.sql(f"CREATE TEMP TABLE rating_day AS {summary.rating_day_sql()}"), p)
            return hall_report(conn, hall.id, period, now, central=False)
        finally:
            _drop(conn)
