"""Categories nobody serves: people wait for a category that no staffed window takes calls for.

The kiosk says 暂无窗口办理 on such a category's tile at once (and issues for it or not, as the hall's
`unserved.issue` setting says); the supervisor gets an alert of type `unserved` once the category has had
people waiting and no serving window for `unserved.alert_after_min` minutes (default 2, so a clerk's short
pause does not raise one). One alert per episode: the next comes only after the category was served again
(or had nobody waiting) in between. Episodes are tracked in the hall node's memory; after a restart a category
still unserved is alerted once more, which a supervisor would want anyway.
"""

from __future__ import annotations

import threading
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, select

from hallclient.domain.tickets import TicketStatus
from hallclient.hallnode.alerts import raise_alert
from hallclient.hallnode.presence import Presence, serving_counts
from hallclient.store.hall_repo import unserved_setting
from hallclient.store.store import Store
from hallclient.store.tables import CategoryRow, TicketRow

UNSERVED = "unserved"
CAT = CategoryRow.__table__
T = TicketRow.__table__


def waiting_counts(conn: Any) -> list[Any]:
    """(id, code, name, waiting) of every active category."""
    return conn.execute(
        select(CAT.c.id, CAT.c.code, CAT.c.name, func.count(T.c.id).label("waiting"))
        .outerjoin(T, and_(T.c.category_id == CAT.c.id, T.c.status == TicketStatus.WAITING.value))
        .where(CAT.c.active.is_(True)).group_by(CAT.c.id)
    ).all()


class UnservedWatch:
    def __init__(self, store: Store, presence: Presence) -> None:
        self.store, self.presence = store, presence
        self._lock = threading.Lock()
        self.since: dict[str, datetime] = {}
        self.alerted: set[str] = set()

    def check(self, now: datetime) -> list[uuid.UUID]:
        with self.store.read() as conn:
            limit = timedelta(minutes=unserved_setting(conn)["alert_after_min"])
            serving = serving_counts(conn, self.presence, now)
            cats = waiting_counts(conn)
        due = []
        with self._lock:
            for c in cats:
                if c.waiting > 0 and serving.get(c.code, 0) == 0:
                    since = self.since.setdefault(c.code, now)
                    if c.code not in self.alerted and now - since >= limit:
                        self.alerted.add(c.code)
                        due.append((c, since))
                else:
                    self.since.pop(c.code, None)
                    self.alerted.discard(c.code)
        if not due:
            return []
        raised = []
        with self.store.write() as conn:
            for c, since in due:
                minutes = int((now - since).total_seconds() // 60)
                msg = f"{c.name}（{c.code}）有 {c.waiting} 人等候，但暂无在岗窗口办理"
                raised.append(raise_alert(conn, self.store.hall_id, now, UNSERVED, msg,
                                          {"category": c.code, "waiting": c.waiting, "unserved_min": minutes},
                                          category_id=c.id))
        return raised
