"""Stateful property test of the real store: random issuing, calling, transfers, tidal switches and
time passing. The store narrows candidates in SQL; every call must equal the domain rule applied to
all waiting tickets, and never hand a window a ticket it does not serve."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import Connection, select

from hallclient.domain.call_order import QueuedTicket, eligible, pick_next
from hallclient.domain.green_channel import GreenFlag
from hallclient.domain.sla import SlaThresholds
from hallclient.domain.tickets import TicketStatus
from hallclient.domain.windows import Subscription
from hallclient.store import ConflictError, open_store
from hallclient.store.queue import HallQueue, T
from hallclient.store.tables import CategoryRow
from tests.conftest import FakeClock

CATS = ["SB", "YB", "SW"]
CAT = CategoryRow.__table__


def all_waiting(conn: Connection) -> tuple[list[QueuedTicket], dict[str, SlaThresholds]]:
    """The oracle's view, read through SQLAlchemy Core, independently of the store's raw call-next path:
    every waiting ticket of the hall (no SQL narrowing) and every category's thresholds."""
    cats = {c.id: c for c in conn.execute(select(CAT))}
    waiting = [QueuedTicket(id=str(r.id), number=r.number, category=cats[r.category_id].code, issued_at=r.issued_at,
                            green=r.green_reason is not None, appointment_slot=r.appointment_slot,
                            target_window=r.target_window)
               for r in conn.execute(select(T).where(T.c.status == TicketStatus.WAITING.value))]
    return waiting, {c.code: SlaThresholds(c.yellow_after_min, c.red_after_min) for c in cats.values()}


class QueueMachine(RuleBasedStateMachine):
    template: Path

    @initialize()
    def open(self) -> None:
        self.dir = Path(tempfile.mkdtemp())
        shutil.copy(self.template, self.dir / "h.sqlite")
        self.store = open_store(self.dir / "h.sqlite", pooled=False)
        self.clock = FakeClock(datetime(2026, 11, 23, 1, 0))
        self.q = HallQueue(self.store, self.clock)
        self.issued: dict[str, datetime] = {}
        self.numbers: set[str] = set()
        self.at_window: dict[int, str | None] = {1: None, 2: None, 3: None, 4: None}

    def teardown(self) -> None:
        if hasattr(self, "store"):
            self.store.close()
            shutil.rmtree(self.dir, ignore_errors=True)

    @rule(cat=st.sampled_from(CATS), green=st.integers(0, 6))
    def issue(self, cat: str, green: int) -> None:
        flag = GreenFlag.make("elderly") if green == 0 else None
        t = self.q.issue(cat, green=flag).ticket
        assert t.number not in self.numbers, f"number {t.number} handed out twice"
        self.numbers.add(t.number)
        self.issued[str(t.id)] = t.issued_at

    @rule(minutes=st.integers(1, 15))
    def time_passes(self, minutes: int) -> None:
        self.clock.advance(minutes=minutes)

    @rule(window=st.integers(1, 4))
    def call_next(self, window: int) -> None:
        current = self.at_window[window]
        if current is not None:
            self.q.start(current, window)
            self.q.finish(current, window)
            self.at_window[window] = None
        with self.store.read() as conn:
            waiting, thresholds = all_waiting(conn)
            win = self.q._window(conn, window)
        sub = Subscription(tuple(win.primary_categories or ()), tuple(win.secondary_categories or ()))
        expected = pick_next(window, sub, waiting, self.clock(), thresholds, self.q.policy)
        got = self.q.call_next(window)
        assert (got and str(got.id)) == (expected and expected.id)
        if got is not None:
            assert eligible(next(w for w in waiting if w.id == str(got.id)), window, sub)
            self.at_window[window] = got.id

    @precondition(lambda self: any(self.at_window.values()))
    @rule(data=st.data())
    def transfer(self, data: st.DataObject) -> None:
        window = data.draw(st.sampled_from([w for w, t in self.at_window.items() if t]))
        tid = self.at_window[window]
        if data.draw(st.booleans()):
            t = self.q.transfer(tid, to_category=data.draw(st.sampled_from(CATS)), window_no=window)
        else:
            t = self.q.transfer(tid, to_window=data.draw(st.integers(1, 4)), window_no=window)
        assert t.status == TicketStatus.WAITING and t.issued_at == self.issued[str(tid)]
        self.at_window[window] = None

    @precondition(lambda self: any(self.at_window.values()))
    @rule(data=st.data())
    def no_show(self, data: st.DataObject) -> None:
        window = data.draw(st.sampled_from([w for w, t in self.at_window.items() if t]))
        self.q.no_show(self.at_window[window], window)
        self.at_window[window] = None

    @rule(primary=st.sampled_from(CATS), secondary=st.lists(st.sampled_from(CATS), max_size=2, unique=True))
    def tidal_switch(self, primary: str, secondary: list[str]) -> None:
        sec = [c for c in secondary if c != primary]
        self.q.switch_window(4, [primary], sec, reason="test")

    @rule(window=st.integers(1, 4))
    def busy_window_cannot_call(self, window: int) -> None:
        if self.at_window[window] is not None:
            try:
                self.q.call_next(window)
            except ConflictError:
                return
            raise AssertionError("a window with a called ticket called another")

    @invariant()
    def issue_times_never_change(self) -> None:
        if not hasattr(self, "store"):
            return
        with self.store.read() as conn:
            for row in conn.execute(select(T.c.id, T.c.issued_at)):
                assert self.issued[str(row.id)] == row.issued_at


def test_queue_state_machine(small_hall_template: Path) -> None:
    QueueMachine.template = small_hall_template
    runner = QueueMachine.TestCase
    runner.settings = settings(
        max_examples=40, stateful_step_count=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    runner().runTest()
