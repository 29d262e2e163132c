"""The supervisor's daily report (日报) over the LAN: `GET /api/v1/reports/daily?day=YYYY-MM-DD`.

Supervisors and admins only. A plain `def` endpoint: the report reads a whole day of tickets, so it runs in
the thread pool on a read connection and never holds up the queue's writer thread. How each figure is
counted is documented in `hallclient.store.reports`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel

from hallclient.hallnode.auth import Principal
from hallclient.hallnode.deps import MANAGERS, NodeDep, require
from hallclient.hallnode.schemas import ErrorOut
from hallclient.store.reports import daily_report

router = APIRouter(prefix="/api/v1", tags=["reports"], responses={
    401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 422: {"model": ErrorOut}})


class SlaCounts(BaseModel):
    blue: int
    yellow: int
    red: int


class SlaShares(BaseModel):
    blue: float | None
    yellow: float | None
    red: float | None


class WaitFigures(BaseModel):
    calls: int
    wait_mean_min: float | None
    wait_p90_min: float | None
    wait_max_min: float | None
    service_mean_min: float | None
    sla: SlaCounts
    sla_share: SlaShares


class HallOut(BaseModel):
    code: str
    name: str
    timezone: str
    opens_at: str
    closes_at: str


class TotalsOut(WaitFigures):
    issued: int
    served: int
    no_show: int
    cancelled: int
    waiting: int
    at_window: int
    transfers: int


class CategoryReportOut(WaitFigures):
    code: str
    name: str
    prefix: str
    yellow_after_min: int
    red_after_min: int
    issued: int
    transferred_in: int
    transferred_out: int
    served: int
    no_show: int
    cancelled: int
    waiting: int
    at_window: int


class WindowReportOut(BaseModel):
    no: int
    name: str
    calls: int
    served: int
    no_show: int
    service_mean_min: float | None
    rated: int
    negative: int
    satisfaction: float | None


class GreenReasonCount(BaseModel):
    reason: str
    label: str
    count: int


class GreenReportOut(BaseModel):
    alert_after_min: int
    count: int
    by_reason: list[GreenReasonCount]
    called_within_limit: int
    called_late: int
    not_called: int
    compliance: float | None
    longest_wait_min: float | None
    longest_number: str | None


class RatingLevel(BaseModel):
    level: int
    label: str
    count: int


class RatingsOut(BaseModel):
    levels: list[RatingLevel]
    rated: int
    negative: int
    satisfaction: float | None
    rated_share: float | None


class HourCount(BaseModel):
    hour: int
    count: int


class DailyReportOut(BaseModel):
    """One business day's figures; minutes are rounded to 0.1, shares are fractions 0..1 (null: nothing to
    divide by)."""

    day: date
    hall: HallOut
    generated_at: datetime
    totals: TotalsOut
    categories: list[CategoryReportOut]
    windows: list[WindowReportOut]
    green: GreenReportOut
    ratings: RatingsOut
    arrivals_by_hour: list[HourCount]


@router.get("/reports/daily", response_model=DailyReportOut)
def daily(node: NodeDep, _p: Annotated[Principal, require(*MANAGERS)],
          day: Annotated[date | None, Query(description="business day YYYY-MM-DD (default: today, hall time)")]
          = None) -> dict[str, Any]:
    """日报: volumes, waits, SLA colours, green-channel compliance and ratings of one business day."""
    now = node.clock()
    today = node.store.local_day(now)
    day = day or today
    if day > today:
        raise HTTPException(422, f"query.day: {day.isoformat()} is after today ({today.isoformat()}, hall time); "
                                 "a daily report covers a day that has begun")
    return daily_report(node.store, day, now)


@router.get("/reports/monthly")
def monthly(node: NodeDep, _p: Annotated[Principal, require(*MANAGERS)],
            month: Annotated[str | None, Query(description="YYYY-MM (default: this month, hall time)")] = None
            ) -> dict[str, Any]:
    """月报: the month's figures per category, item, window and clerk, ratings by source, 红旗窗口 ranking — the
    same report as `hallclient report monthly` and, for the city, `hallclient central report --hall CODE`."""
    from hallclient.central.hall_report import monthly_report
    from hallclient.printing.report_cli import monthly_period

    now = node.clock()
    try:
        period = monthly_period(month, None, None, node.store.local_day(now))
    except ValueError as exc:
        raise HTTPException(422, f"query.month: {exc}") from None
    return monthly_report(node.store, period, now)
