"""Supervisor alerts: a green-channel ticket waiting too long, or a category whose longest wait turned red.

A periodic check (every ~15 s; the clock is injectable) raises each alert once per episode, not every tick:
  * green wait: once per ticket, when it has waited `green_channel.alert_after_min` since it was flagged;
  * red wait: once per red episode of a category. The episode is identified without extra state (so it
    survives a restart): a new alert is raised only if the category's oldest waiting ticket was issued
    after the category's previous red-wait alert; any ticket already waiting when that alert fired
    belongs to the same episode.
Each alert is an `alert` row plus a hall event of kind "alert" in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import exists, func, insert, select, update

from hallclient.domain.tickets import TicketStatus
from hallclient.hallnode.periodic import Periodic
from hallclient.ids import new_id
from hallclient.store import journal
from hallclient.store.errors import ConflictError, NotFoundError
from hallclient.store.store import Store
from hallclient.store.tables import AlertRow, CategoryRow, SettingRow, TicketRow

ALERT = AlertRow.__table__
T = TicketRow.__table__
CAT = CategoryRow.__table__
SET = SettingRow.__table__
WAITING = TicketStatus.WAITING.value
GREEN_WAIT, RED_WAIT = "green_wait", "red_wait"


def _green_limit(conn: Any) -> int:
    value = conn.execute(select(SET.c.value).where(SET.c.key == "green_channel")).scalar()
    try:
        return max(1, int((value or {}).get("alert_after_min", 5)))
    except (TypeError, ValueError):
        return 5


def raise_alert(conn: Any, hall_id: uuid.UUID, now: datetime, kind: str, message: str, payload: dict[str, Any],
           ticket_id: uuid.UUID | None = None, category_id: uuid.UUID | None = None) -> uuid.UUID:
    alert_id = new_id()
    conn.execute(insert(ALERT).values(id=alert_id, hall_id=hall_id, kind=kind, at=now, ticket_id=ticket_id,
                                      category_id=category_id, message=message[:300]))
    journal.hall_event(conn, "alert", {"alert_id": str(alert_id), "type": kind, "message": message, **payload}, now)
    return alert_id


def _oldest_waiting(conn: Any) -> list[Any]:
    """Per category, the issue time of its oldest waiting ticket: two index probes each (the general queue,
    where `min` is a single seek, and the few tickets transferred to one window), instead of grouping
    every waiting ticket of the hall."""
    def probe(sent_to_window: bool) -> Any:
        target = T.c.target_window.is_not(None) if sent_to_window else T.c.target_window.is_(None)
        return (select(func.min(T.c.issued_at))
                .where(T.c.status == WAITING, T.c.category_id == CAT.c.id, target).scalar_subquery())

    rows = conn.execute(select(CAT.c.id, CAT.c.code, CAT.c.name, CAT.c.red_after_min,
                               probe(False).label("general"), probe(True).label("sent"))).all()
    return [(r, min(t for t in (r.general, r.sent) if t is not None)) for r in rows
            if r.general is not None or r.sent is not None]


def _due(conn: Any, now: datetime) -> tuple[int, list[Any], list[tuple[Any, datetime]]]:
    """What is due at `now`: (green limit, green tickets to alert, (category, oldest) pairs to alert)."""
    limit = _green_limit(conn)
    flagged_at = func.coalesce(T.c.green_flagged_at, T.c.issued_at)
    already = exists().where(ALERT.c.kind == GREEN_WAIT, ALERT.c.ticket_id == T.c.id)
    cutoff = now - timedelta(minutes=limit)
    greens = conn.execute(
        select(T.c.id, T.c.number, flagged_at.label("since"), CAT.c.code)
        .join(CAT, CAT.c.id == T.c.category_id)
        # a ticket is flagged at or after its issue, so `issued_at <= cutoff` loses nothing; it lets SQLite
        # pick the green-ticket index instead of walking every waiting ticket
        .where(T.c.status == WAITING, T.c.green_reason.is_not(None), T.c.issued_at <= cutoff,
               flagged_at <= cutoff, ~already)
    ).all()
    reds = []
    for c, oldest in _oldest_waiting(conn):
        if now - oldest < timedelta(minutes=c.red_after_min):
            continue
        last = conn.execute(select(func.max(ALERT.c.at)).where(ALERT.c.kind == RED_WAIT,
                                                               ALERT.c.category_id == c.id)).scalar()
        if last is not None and oldest <= last:
            continue  # same red episode, already alerted
        reds.append((c, oldest))
    return limit, greens, reds


def check_alerts(store: Store, now: datetime) -> list[uuid.UUID]:
    """Raise the alerts due at `now`; returns the new alert ids.

    The search runs on a read connection, so the hall's writes (call-next above all) never wait for it;
    only when something is due does it take the write lock, and it looks again under the lock so that no
    alert is raised twice.
    """
    with store.read() as conn:
        _, greens, reds = _due(conn, now)
    if not greens and not reds:
        return []
    raised: list[uuid.UUID] = []
    hall_id = store.hall_id
    with store.write() as conn:
        limit, greens, reds = _due(conn, now)
        for g in greens:
            waited = int((now - g.since).total_seconds() // 60)
            msg = f"绿色通道 {g.number} 已等候 {waited} 分钟（超过 {limit} 分钟）"
            raised.append(raise_alert(conn, hall_id, now, GREEN_WAIT, msg,
                                 {"ticket_id": str(g.id), "number": g.number, "category": g.code,
                                  "waited_min": waited, "limit_min": limit}, ticket_id=g.id))
        for c, oldest in reds:
            waited = int((now - oldest).total_seconds() // 60)
            msg = f"{c.name}（{c.code}）最长等候 {waited} 分钟，超过红色阈值 {c.red_after_min} 分钟"
            raised.append(raise_alert(conn, hall_id, now, RED_WAIT, msg,
                                 {"category": c.code, "waited_min": waited, "limit_min": c.red_after_min},
                                 category_id=c.id))
    return raised


def list_alerts(store: Store, open_only: bool, limit: int = 200) -> list[dict[str, Any]]:
    with store.read() as conn:
        q = select(ALERT, CAT.c.code.label("category")).outerjoin(CAT, CAT.c.id == ALERT.c.category_id)
        if open_only:
            q = q.where(ALERT.c.acknowledged_at.is_(None))
        rows = conn.execute(q.order_by(ALERT.c.at.desc(), ALERT.c.id.desc()).limit(limit)).all()
    return [{"id": r.id, "kind": r.kind, "at": r.at, "message": r.message, "ticket_id": r.ticket_id,
             "category": r.category, "acknowledged": r.acknowledged_at is not None,
             "acknowledged_at": r.acknowledged_at} for r in rows]


def ack_alert(store: Store, alert_id: uuid.UUID, staff_id: uuid.UUID | None, actor: str, now: datetime) -> None:
    with store.write() as conn:
        row = conn.execute(select(ALERT).where(ALERT.c.id == alert_id)).first()
        if row is None:
            raise NotFoundError(f"no alert with id {alert_id}")
        if row.acknowledged_at is not None:
            raise ConflictError(f"alert {alert_id} was already acknowledged at {row.acknowledged_at:%H:%M:%S} UTC")
        conn.execute(update(ALERT).where(ALERT.c.id == alert_id).values(acknowledged_by=staff_id,
                                                                        acknowledged_at=now))
        journal.hall_event(conn, "alert_acked", {"alert_id": str(alert_id), "by": actor}, now)


class AlertChecker(Periodic):
    """Runs `check_alerts` (and any `more` checks, e.g. categories no window serves) every `interval_s` in a
    worker thread, until stopped."""

    name = "hall-alert-checker"

    def __init__(self, store: Store, clock: Callable[[], datetime], interval_s: float = 15.0,
                 more: tuple[Callable[[datetime], list[uuid.UUID]], ...] = ()) -> None:
        self.store, self.clock, self.interval_s, self.more = store, clock, interval_s, more

    def check_once(self) -> list[uuid.UUID]:
        now = self.clock()
        return check_alerts(self.store, now) + [a for check in self.more for a in check(now)]
