"""Two halls, two months, every minute written down: the data the report tests count by hand.

Both halls have categories SB (prefix A, yellow 10 / red 20 min) and YB (prefix B, 10 / 25), windows 1
(SB first) and 2 (YB first), one clerk (1001, who works every call). Times are minutes after 09:00 hall
time (01:00 UTC).

H1, Thu 2026-10-15: A001 (0, item SB-1) and B001 (0) issued; A002 (1) green (elderly).
    3  window 1 calls A002 (green: waited 2) → service 3–8 (5 min), rated 5
    12 window 1 calls A001 (waited 12: yellow) → service 12–22 (10 min), rated 4
    30 window 2 calls B001 (waited 30: red) → service 30–36 (6 min), rated 1 (差评)
H1, Fri 2026-11-20: A001 (0), A002 (5) issued.
    6  window 1 calls A001 (waited 6: blue), 7 transfers it to YB;
    8  window 2 calls A001 again → service 8–18 (10 min) in YB, rated 5
    20 window 1 calls A002 (waited 15: yellow), 22 no-show
    25 B001 issued, never called (still waiting)
H2, Thu 2026-10-15: A001 (0); 4 window 1 calls it (waited 4) → service 4–7 (3 min), rated 2 (差评)
H2, Fri 2026-11-20: B001 (0), B002 (1) issued.
    20 window 2 calls B001 (waited 20: yellow) → service 20–28 (8 min), rated 5
    27 window 1 calls B002 (waited 26: red, YB's red is 25) → service 27–31 (4 min), rated 3
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy import text

from hallclient.domain.green_channel import GreenFlag
from hallclient.store import Store
from hallclient.store.queue import HallQueue

OCT, NOV = date(2026, 10, 15), date(2026, 11, 20)


class Clock:
    def __init__(self, day: date) -> None:
        self.t0 = datetime(day.year, day.month, day.day, 1, 0)  # 09:00 Asia/Shanghai
        self.now = self.t0

    def __call__(self) -> datetime:
        return self.now

    def at(self, minute: float) -> None:
        self.now = self.t0 + timedelta(minutes=minute)


def clerk(store: Store) -> uuid.UUID:
    with store.read() as conn:
        return uuid.UUID(hex=conn.execute(text("SELECT id FROM staff WHERE staff_no = '1001'")).scalar_one())


def _serve(q: HallQueue, clock: Clock, window: int, call: float, start: float, end: float, rating: int | None,
           expect: str) -> None:
    staff = clerk(q.store)
    clock.at(call)
    t = q.call_next(window, staff)
    assert t is not None and t.number == expect, (t, expect)
    clock.at(start)
    q.start(t.id, window, staff)
    clock.at(end)
    q.finish(t.id, window, staff)
    if rating is not None:
        q.rate(t.id, rating, "办事效率低" if rating <= 2 else None)


def script_h1(store: Store) -> None:
    c = Clock(OCT)
    q = HallQueue(store, c)
    q.issue("SB", item="SB-1")
    q.issue("YB")
    c.at(1)
    q.issue("SB", green=GreenFlag.make("elderly"))
    _serve(q, c, 1, 3, 3, 8, 5, "A002")
    _serve(q, c, 1, 12, 12, 22, 4, "A001")
    _serve(q, c, 2, 30, 30, 36, 1, "B001")

    c = Clock(NOV)
    q = HallQueue(store, c)
    a001 = q.issue("SB").ticket
    c.at(5)
    q.issue("SB")
    c.at(6)
    assert q.call_next(1, clerk(store)).id == a001.id
    c.at(7)
    q.transfer(a001.id, to_category="YB", window_no=1, staff_id=clerk(store))
    _serve(q, c, 2, 8, 8, 18, 5, "A001")
    c.at(20)
    a002 = q.call_next(1, clerk(store))
    assert a002 is not None and a002.number == "A002"
    c.at(22)
    q.no_show(a002.id, 1)
    c.at(25)
    q.issue("YB")


def script_h2(store: Store) -> None:
    c = Clock(OCT)
    q = HallQueue(store, c)
    q.issue("SB")
    _serve(q, c, 1, 4, 4, 7, 2, "A001")

    c = Clock(NOV)
    q = HallQueue(store, c)
    q.issue("YB")
    c.at(1)
    q.issue("YB")
    _serve(q, c, 2, 20, 20, 28, 5, "B001")
    _serve(q, c, 1, 27, 27, 31, 3, "B002")
