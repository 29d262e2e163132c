"""Queue operations on the hall database: issue, call next, recall, start, finish, no-show, transfer,
cancel, rate, flag green channel, pause, tidal switch.

Each operation is one `BEGIN IMMEDIATE` transaction that also writes its ticket event, outbox rows and
hall event (see `journal`). The ordering decision itself is `hallclient.domain.call_order.pick_next`;
SQL only narrows 10,000 waiting tickets down to the handful that can win.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, insert, or_, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from hallclient.domain.appointments import AppointmentPolicy
from hallclient.domain.call_order import QueuedTicket, pick_next
from hallclient.domain.green_channel import GreenFlag
from hallclient.domain.ratings import check_rating
from hallclient.domain.sla import SlaThresholds
from hallclient.domain.tickets import MAX_DAILY_SEQ, TicketAction, TicketStatus, format_number, next_status
from hallclient.domain.windows import Subscription, SubscriptionError
from hallclient.ids import new_id
from hallclient.store import appointment_repo, journal, rawsql
from hallclient.store.errors import ConflictError, NotFoundError, WrongWindowError
from hallclient.store.hall_day_repo import HallDayCache
from hallclient.store.store import Store, utc_now
from hallclient.store.tables import (
    AppointmentRow,
    CategoryRow,
    ServiceItemRow,
    TicketCounterRow,
    TicketRow,
    WindowRow,
    WindowSwitchRow,
)

T = TicketRow.__table__
CAT = CategoryRow.__table__
ITEM = ServiceItemRow.__table__
WIN = WindowRow.__table__
CNT = TicketCounterRow.__table__
APPT = AppointmentRow.__table__
SWITCH = WindowSwitchRow.__table__
WAITING = TicketStatus.WAITING.value

# Hot-path statements, built once (building a statement costs more than running it on SQLite).
# The ticket with the code and name of its category and item, so a view needs no further round trips.
_SEL_TICKETS_NAMED = select(
    T,
    CAT.c.code.label("cat_code"),
    CAT.c.name.label("cat_name"),
    ITEM.c.code.label("item_code"),
    ITEM.c.name.label("item_name"),
).select_from(T.join(CAT, CAT.c.id == T.c.category_id).outerjoin(ITEM, ITEM.c.id == T.c.item_id))
_SEL_TICKET = _SEL_TICKETS_NAMED.where(T.c.id == bindparam("tid"))
_SEL_WINDOW = select(WIN).where(WIN.c.no == bindparam("no"))
_SEL_CATEGORIES = select(CAT)
_SEL_ITEM_NAME = select(ITEM.c.code, ITEM.c.name).where(ITEM.c.id == bindparam("iid"))
_UPD_TICKET = update(T).where(T.c.id == bindparam("b_id"), T.c.version == bindparam("b_version"))
_CLEAR_WINDOW_CURRENT = update(WIN).where(WIN.c.current_ticket_id == bindparam("b_tid"))
_SEL_CATEGORY_BY_CODE = select(CAT).where(or_(CAT.c.code == bindparam("code"), CAT.c.name == bindparam("code")))
_SEL_ITEM_BY_CODE = select(ITEM).where(ITEM.c.code == bindparam("code"))
_INS_TICKET = insert(T)
_CNT_KEY = and_(
    CNT.c.hall_id == bindparam("b_hall"), CNT.c.day == bindparam("b_day"), CNT.c.prefix == bindparam("b_prefix")
)
# One round trip for the next number: insert 1 or bump, never past MAX_DAILY_SEQ (no row back then).
_UPSERT_COUNTER = (
    sqlite_insert(CNT)
    .values(hall_id=bindparam("b_hall"), day=bindparam("b_day"), prefix=bindparam("b_prefix"), last_seq=1)
    .on_conflict_do_update(
        index_elements=[CNT.c.hall_id, CNT.c.day, CNT.c.prefix],
        set_={"last_seq": CNT.c.last_seq + 1},
        where=CNT.c.last_seq < MAX_DAILY_SEQ,
    )
    .returning(CNT.c.last_seq)
)
_COUNT_AHEAD = (
    select(func.count())
    .select_from(T)
    .where(
        T.c.status == WAITING,
        T.c.category_id == bindparam("cid"),
        T.c.target_window.is_(None),
        T.c.issued_at <= bindparam("now"),
        T.c.id != bindparam("tid"),
    )
)
_COUNT_GREEN_AHEAD = (
    select(func.count())
    .select_from(T)
    .where(
        T.c.status == WAITING,
        T.c.category_id == bindparam("cid"),
        T.c.green_reason.is_not(None),
        T.c.id != bindparam("tid"),
    )
)
_UPD_TICKET_FIELDS = update(T).where(T.c.id == bindparam("b_id"))


@dataclass(frozen=True)
class TicketView:
    """A ticket as clients see it: no personal data."""

    id: uuid.UUID
    number: str
    status: str
    category: str
    category_name: str
    item: str | None
    item_name: str | None
    issued_at: datetime
    called_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    window_no: int | None
    recall_count: int
    transfer_count: int
    target_window: int | None
    green_reason: str | None
    green_note: str
    appointment_slot: datetime | None
    rating: int | None



def _names(row: Any) -> tuple[str, str, str | None, str | None]:
    """Category and item code + name carried by a `_SEL_TICKET` row."""
    return row.cat_code, row.cat_name, row.item_code, row.item_name


def _make_view(m: Any, names: tuple[str, str, str | None, str | None]) -> TicketView:
    """A view from a ticket's column values (a row mapping, or the values just written)."""
    get = m.get
    return TicketView(
        id=m["id"],
        number=m["number"],
        status=m["status"],
        category=names[0],
        category_name=names[1],
        item=names[2],
        item_name=names[3],
        issued_at=m["issued_at"],
        called_at=get("called_at"),
        started_at=get("started_at"),
        finished_at=get("finished_at"),
        window_no=get("window_no"),
        recall_count=m["recall_count"],
        transfer_count=m["transfer_count"],
        target_window=get("target_window"),
        green_reason=get("green_reason"),
        green_note=m["green_note"],
        appointment_slot=get("appointment_slot"),
        rating=get("rating"),
    )


@dataclass(frozen=True)
class IssuedTicket:
    ticket: TicketView
    people_ahead: int


class HallQueue:
    """The queue of one hall database. `clock` returns naive UTC (tests pass a fake one)."""

    def __init__(
        self,
        store: Store,
        clock: Callable[[], datetime] = utc_now,
        policy: AppointmentPolicy | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.policy = policy or AppointmentPolicy()
        self._hall_days = HallDayCache(store)

    # -- reading --------------------------------------------------------------------------------

    def _categories(self, conn: Connection) -> dict[uuid.UUID, Any]:
        return {r.id: r for r in conn.execute(_SEL_CATEGORIES)}

    def _item_names(self, conn: Connection, item_id: uuid.UUID | None) -> tuple[str | None, str | None]:
        if item_id is None:
            return None, None
        item = conn.execute(_SEL_ITEM_NAME, {"iid": item_id}).first()
        return (item.code, item.name) if item else (None, None)

    def get(self, ticket_id: uuid.UUID) -> TicketView:
        with self.store.read() as conn:
            row = self._ticket(conn, ticket_id)
            return _make_view(row._mapping, _names(row))

    def _ticket(self, conn: Connection, ticket_id: uuid.UUID) -> Any:
        row = conn.execute(_SEL_TICKET, {"tid": ticket_id}).first()
        if row is None:
            raise NotFoundError(f"no ticket with id {ticket_id}")
        return row

    def _window(self, conn: Connection, window_no: int) -> Any:
        row = conn.execute(_SEL_WINDOW, {"no": window_no}).first()
        if row is None:
            raise NotFoundError(f"no window number {window_no}")
        return row

    def _category_by_code(self, conn: Connection, code: str) -> Any:
        row = conn.execute(_SEL_CATEGORY_BY_CODE, {"code": code}).first()
        if row is None or not row.active:
            raise NotFoundError(f"no active category {code!r}")
        return row

    @staticmethod
    def _check_clerk_window(row: Any, clerk_window: int | None) -> None:
        """A clerk acts only on a ticket at their own window; checked inside the write, so it cannot go stale."""
        if clerk_window is not None and row.window_no != clerk_window:
            where = f"window {row.window_no}" if row.window_no is not None else "no window"
            raise WrongWindowError(f"ticket {row.number} is at {where}, not at your window {clerk_window}")

    def list_tickets(
        self, status: str | None = None, category: str | None = None, day: Any = None, limit: int = 2000
    ) -> list[TicketView]:
        with self.store.read() as conn:
            day = day or self.store.local_day(self.clock())
            q = _SEL_TICKETS_NAMED.where(T.c.day == day)
            if status:
                q = q.where(T.c.status == TicketStatus(status).value)
            if category:
                q = q.where(T.c.category_id == self._category_by_code(conn, category).id)
            rows = conn.execute(q.order_by(T.c.issued_at, T.c.id).limit(limit)).all()
            return [_make_view(r._mapping, _names(r)) for r in rows]

    # -- issuing --------------------------------------------------------------------------------

    def issue(
        self,
        category: str,
        item: str | None = None,
        green: GreenFlag | None = None,
        appointment_code: str | None = None,
        staff_id: uuid.UUID | None = None,
        source: str = "kiosk",
    ) -> IssuedTicket:
        """取号: a new ticket with the next daily number of its category's prefix."""
        now = self.clock()
        hall_id = self.store.hall_id
        day = self.store.local_day(now)
        after_hours = self._after_hours(now, source)
        with self.store.write() as conn:
            appt = None
            if appointment_code:
                appt = conn.execute(select(APPT).where(APPT.c.code == appointment_code)).first()
                if appt is None:
                    raise appointment_repo.unknown(appointment_code)
                if appt.status != "booked":
                    number = conn.execute(select(T.c.number).where(T.c.id == appt.ticket_id)).scalar()
                    raise appointment_repo.not_bookable(appointment_code, appt.status, number)
                cat = conn.execute(select(CAT).where(CAT.c.id == appt.category_id)).one()
            else:
                cat = self._category_by_code(conn, category)
            item_id = appt.item_id if appt is not None else None
            if item:
                item_row = conn.execute(_SEL_ITEM_BY_CODE, {"code": item}).first()
                if item_row is None or not item_row.active:
                    raise NotFoundError(f"no active service item {item!r}")
                if item_row.category_id != cat.id:
                    raise ConflictError(f"service item {item} does not belong to category {cat.code}")
                item_id = item_row.id
            item_names: tuple[str | None, str | None] = (None, None)
            if item:
                assert item_row is not None  # checked above when the item was looked up
                item_names = (item_row.code, item_row.name)
            elif item_id is not None:
                item_names = self._item_names(conn, item_id)
            seq = self._next_seq(conn, hall_id, day, cat.prefix)
            ticket_id = new_id()
            values: dict[str, Any] = dict(
                id=ticket_id,
                hall_id=hall_id,
                day=day,
                number=format_number(cat.prefix, seq),
                seq=seq,
                category_id=cat.id,
                item_id=item_id,
                status=WAITING,
                issued_at=now,
                green_note="",
                rating_reason="",
                recall_count=0,
                transfer_count=0,
                version=1,
            )
            if green is not None:
                values |= dict(
                    green_reason=green.reason.value,
                    green_note=green.note,
                    green_flagged_by=staff_id,
                    green_flagged_at=now,
                )
            if appt is not None:
                values |= dict(appointment_id=appt.id, appointment_slot=appt.slot_start)
                conn.execute(update(APPT).where(APPT.c.id == appt.id).values(status="checked_in", ticket_id=ticket_id))
            conn.execute(_INS_TICKET, values)
            detail: dict[str, Any] = {"source": source}
            if after_hours:
                detail["after_hours"] = True
            if green is not None:
                detail["green_reason"] = green.reason.value
            if appt is not None:
                detail["appointment"] = appt.code
            journal.ticket_event(
                conn,
                hall_id=hall_id,
                ticket_id=ticket_id,
                kind="issued",
                from_status=None,
                to_status=WAITING,
                at=now,
                staff_id=staff_id,
                window_no=None,
                detail=detail,
                outbox_first=("ticket", ticket_id),
            )
            if green is not None:
                journal.audit(
                    conn,
                    hall_id=hall_id,
                    at=now,
                    actor_id=staff_id,
                    actor=source,
                    action="green_flag",
                    detail={"ticket": values["number"], "reason": green.reason.value, "note": green.note},
                )
            # 免排队: a green ticket has only other green tickets ahead of it
            ahead = conn.execute(
                _COUNT_GREEN_AHEAD if green is not None else _COUNT_AHEAD, {"cid": cat.id, "now": now, "tid": ticket_id}
            ).scalar_one()
            view = _make_view(values, (cat.code, cat.name, *item_names))
            journal.hall_event(conn, "issued", self._event_payload(view, people_ahead=ahead), now)
            return IssuedTicket(view, ahead)

    def _after_hours(self, now: datetime, source: str) -> bool:
        """Outside the hall day a kiosk or device is refused (HallClosedError, with the hours and the next
        opening); staff may still issue by hand, and True marks the ticket event. The day is cached per
        local date (`hall_day_repo.HallDayCache`), so the hot path costs no query."""
        local = self._hall_days.closed_at(now)
        if local is None:
            return False
        if source == "kiosk" or source.startswith(("kiosk:", "device")):
            raise self._hall_days.closed_error(local)
        return True

    def _next_seq(self, conn: Connection, hall_id: uuid.UUID, day: Any, prefix: str) -> int:
        seq = conn.execute(_UPSERT_COUNTER, {"b_hall": hall_id, "b_day": day, "b_prefix": prefix}).scalar()
        if seq is None:
            raise ConflictError(f"category prefix {prefix} has issued all {MAX_DAILY_SEQ} numbers today")
        return int(seq)

    # -- calling --------------------------------------------------------------------------------

    def call_next(self, window_no: int, staff_id: uuid.UUID | None = None) -> TicketView | None:
        """叫号: claim the next ticket for a window, or None when nothing it serves is waiting.

        The hottest write of the hall, so it talks to the DB-API cursor directly (see `rawsql`), inside the
        same BEGIN IMMEDIATE transaction; the choice itself is still `domain.call_order.pick_next`.
        """
        now = self.clock()
        with self.store.write() as conn:
            cur = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                return self._call_next(cur, window_no, staff_id, now)
            finally:
                cur.close()

    def _call_next(self, cur: Any, window_no: int, staff_id: uuid.UUID | None, now: datetime) -> TicketView | None:
        win = cur.execute(
            "SELECT is_open, paused, pause_reason, current_ticket_id, primary_categories, secondary_categories "
            "FROM window WHERE no = ?",
            (window_no,),
        ).fetchone()
        if win is None:
            raise NotFoundError(f"no window number {window_no}")
        is_open, paused, pause_reason, current_id, primary, secondary = win
        if not is_open:
            raise ConflictError(f"window {window_no} is closed")
        if paused:
            raise ConflictError(f"window {window_no} is paused ({pause_reason or 'no reason'}); resume first")
        if current_id is not None:
            held = cur.execute("SELECT number, status FROM ticket WHERE id = ?", (current_id,)).fetchone()
            if held is not None and held[1] in (TicketStatus.CALLED.value, TicketStatus.SERVING.value):
                raise ConflictError(
                    f"window {window_no} still has ticket {held[0]} ({held[1]}); finish, transfer or mark no-show first"
                )
        cats = {
            r[0]: r for r in cur.execute("SELECT id, code, name, yellow_after_min, red_after_min, active FROM category")
        }
        sub = Subscription(tuple(json.loads(primary or "[]")), tuple(json.loads(secondary or "[]")))
        by_code = {c[1]: hex_id for hex_id, c in cats.items() if c[5]}
        cat_hex = [by_code[c] for c in sub.categories if c in by_code]
        params = rawsql.candidates_params(
            cat_hex,
            window_no,
            now - timedelta(minutes=self.policy.late_min),
            now + timedelta(minutes=self.policy.early_min),
        )
        # several probes may find the same ticket; parse only what the call order needs
        raw = {r[0]: r for r in cur.execute(rawsql.candidates_sql(len(cat_hex)), params)}
        if not raw:
            return None
        code_of = {h: c[1] for h, c in cats.items()}
        cols = rawsql.TICKET_INDEX
        queued = [
            QueuedTicket(
                id=h,  # hex and dashed UUID text sort alike, so ties break the same way
                number=r[cols["number"]],
                category=code_of[r[cols["category_id"]]],
                issued_at=datetime.fromisoformat(r[cols["issued_at"]]),
                green=r[cols["green_reason"]] is not None,
                appointment_slot=rawsql.parse_dt(r[cols["appointment_slot"]]),
                target_window=r[cols["target_window"]],
            )
            for h, r in raw.items()
        ]
        thresholds = {c[1]: SlaThresholds(c[3], c[4]) for c in cats.values()}
        choice = pick_next(window_no, sub, queued, now, thresholds, self.policy)
        if choice is None:
            return None
        row = rawsql.ticket_row(raw[choice.id])
        cat = cats[row["category_id"].hex]
        item = (None, None)
        if row["item_id"] is not None:
            found = cur.execute("SELECT code, name FROM service_item WHERE id = ?", (row["item_id"].hex,)).fetchone()
            item = (found[0], found[1]) if found else (None, None)
        called = row | {
            "status": TicketStatus.CALLED.value,
            "called_at": now,
            "window_no": window_no,
            "target_window": None,
        }
        view = _make_view(called, (cat[1], cat[2], *item))
        payload = self._event_payload(view, acting_window=window_no)
        rawsql.journal_call(cur, row=row, now=now, staff_id=staff_id, window_no=window_no, payload=payload)
        return view

    def _apply(
        self,
        conn: Connection,
        row: Any,
        action: TicketAction,
        now: datetime,
        staff_id: uuid.UUID | None,
        window_no: int | None,
        extra: dict[str, Any] | None = None,
        detail: dict[str, Any] | None = None,
        names: tuple[str, str, str | None, str | None] | None = None,
    ) -> TicketView:
        """`row` comes from `_SEL_TICKET` (which carries the names) unless `names` is given."""
        new = next_status(row.number, action, TicketStatus(row.status))
        values = dict(status=new.value, version=row.version + 1) | (extra or {})
        done = conn.execute(_UPD_TICKET, {"b_id": row.id, "b_version": row.version, **values})
        if done.rowcount != 1:  # cannot happen under BEGIN IMMEDIATE; guard against a future refactor
            raise ConflictError(f"ticket {row.number} changed meanwhile; try again")
        if new in (TicketStatus.FINISHED, TicketStatus.NO_SHOW, TicketStatus.CANCELLED, TicketStatus.WAITING):
            conn.execute(_CLEAR_WINDOW_CURRENT, {"b_tid": row.id, "current_ticket_id": None, "updated_at": now})
        journal.ticket_event(
            conn,
            hall_id=row.hall_id,
            ticket_id=row.id,
            kind=action.value,
            from_status=row.status,
            to_status=new.value,
            at=now,
            staff_id=staff_id,
            window_no=window_no,
            detail=detail,
            outbox_first=("ticket", row.id),
        )
        view = _make_view({**row._mapping, **values}, names or _names(row))
        kind = {
            TicketAction.RECALL: "recalled",
            TicketAction.START: "started",
            TicketAction.FINISH: "finished",
            TicketAction.NO_SHOW: "no_show",
            TicketAction.TRANSFER: "transferred",
            TicketAction.CANCEL: "cancelled",
            TicketAction.REINSTATE: "reinstated",
        }[action]
        journal.hall_event(conn, kind, self._event_payload(view, acting_window=window_no), now)
        return view

    @staticmethod
    def _event_payload(view: TicketView, **more: Any) -> dict[str, Any]:
        """What LAN clients and the display see: number, category, window; never personal data."""
        return {
            "ticket_id": str(view.id),
            "number": view.number,
            "status": view.status,
            "category": view.category,
            "category_name": view.category_name,
            "item": view.item,
            "window_no": view.window_no,
            "target_window": view.target_window,
            "green": view.green_reason is not None,
            "recall_count": view.recall_count,
            **more,
        }

    def _act_at_window(
        self,
        ticket_id: uuid.UUID,
        window_no: int | None,
        action: TicketAction,
        staff_id: uuid.UUID | None,
        extra: Callable[[Any, datetime], dict[str, Any]] | None = None,
        detail: dict[str, Any] | None = None,
        clerk_window: int | None = None,
    ) -> TicketView:
        now = self.clock()
        with self.store.write() as conn:
            row = self._ticket(conn, ticket_id)
            self._check_clerk_window(row, clerk_window)
            if (
                window_no is not None
                and row.window_no is not None
                and row.window_no != window_no
                and row.status != TicketStatus.WAITING.value
            ):
                raise ConflictError(f"ticket {row.number} is at window {row.window_no}, not window {window_no}")
            return self._apply(
                conn,
                row,
                action,
                now,
                staff_id,
                window_no if window_no is not None else row.window_no,
                extra=extra(row, now) if extra else None,
                detail=detail,
            )

    def recall(
        self,
        ticket_id: uuid.UUID,
        window_no: int | None = None,
        staff_id: uuid.UUID | None = None,
        *,
        clerk_window: int | None = None,
    ) -> TicketView:
        """重呼: call the same ticket again; it stays called."""
        return self._act_at_window(
            ticket_id,
            window_no,
            TicketAction.RECALL,
            staff_id,
            lambda r, now: {"recall_count": r.recall_count + 1, "called_at": now},
            clerk_window=clerk_window,
        )

    def start(
        self,
        ticket_id: uuid.UUID,
        window_no: int | None = None,
        staff_id: uuid.UUID | None = None,
        *,
        clerk_window: int | None = None,
    ) -> TicketView:
        return self._act_at_window(
            ticket_id, window_no, TicketAction.START, staff_id, lambda r, now: {"started_at": now},
            clerk_window=clerk_window,
        )

    def finish(
        self,
        ticket_id: uuid.UUID,
        window_no: int | None = None,
        staff_id: uuid.UUID | None = None,
        *,
        clerk_window: int | None = None,
    ) -> TicketView:
        """办结."""
        return self._act_at_window(
            ticket_id, window_no, TicketAction.FINISH, staff_id, lambda r, now: {"finished_at": now},
            clerk_window=clerk_window,
        )

    def no_show(
        self,
        ticket_id: uuid.UUID,
        window_no: int | None = None,
        staff_id: uuid.UUID | None = None,
        *,
        clerk_window: int | None = None,
    ) -> TicketView:
        """过号."""
        return self._act_at_window(
            ticket_id, window_no, TicketAction.NO_SHOW, staff_id, lambda r, now: {"finished_at": now},
            clerk_window=clerk_window,
        )

    def cancel(self, ticket_id: uuid.UUID, staff_id: uuid.UUID | None = None, reason: str = "") -> TicketView:
        return self._act_at_window(
            ticket_id,
            None,
            TicketAction.CANCEL,
            staff_id,
            lambda r, now: {"finished_at": now},
            detail={"reason": reason} if reason else None,
        )

    def reinstate(self, ticket_id: uuid.UUID, staff_id: uuid.UUID | None = None) -> TicketView:
        """A no-show visitor came back: back to waiting with the original issue time."""
        return self._act_at_window(
            ticket_id,
            None,
            TicketAction.REINSTATE,
            staff_id,
            lambda r, now: {"finished_at": None, "window_no": None, "called_at": None},
        )

    def transfer(
        self,
        ticket_id: uuid.UUID,
        *,
        to_category: str | None = None,
        to_window: int | None = None,
        window_no: int | None = None,
        staff_id: uuid.UUID | None = None,
        reason: str = "",
        clerk_window: int | None = None,
    ) -> TicketView:
        """转办: back to waiting in another category's queue or for one window, keeping the issue time."""
        if (to_category is None) == (to_window is None):
            raise ConflictError("transfer needs exactly one target: a category or a window")
        now = self.clock()
        with self.store.write() as conn:
            row = self._ticket(conn, ticket_id)
            self._check_clerk_window(row, clerk_window)
            if window_no is not None and row.window_no not in (None, window_no):
                raise ConflictError(f"ticket {row.number} is at window {row.window_no}, not window {window_no}")
            extra: dict[str, Any] = {
                "transfer_count": row.transfer_count + 1,
                "window_no": None,
                "called_at": None,
                "started_at": None,
                "target_window": None,
            }
            detail: dict[str, Any] = {"reason": reason} if reason else {}
            names = _names(row)
            if to_category is not None:
                cat = self._category_by_code(conn, to_category)
                extra["category_id"] = cat.id
                names = (cat.code, cat.name, names[2], names[3])
                if row.item_id is not None:
                    item_cat = conn.execute(select(ITEM.c.category_id).where(ITEM.c.id == row.item_id)).scalar()
                    if item_cat != cat.id:
                        extra["item_id"] = None
                        names = (cat.code, cat.name, None, None)
                detail["to_category"] = cat.code
            else:
                target = self._window(conn, int(to_window))  # type: ignore[arg-type]
                if not target.is_open:
                    raise ConflictError(f"window {to_window} is closed")
                extra["target_window"] = target.no
                detail["to_window"] = target.no
            return self._apply(
                conn,
                row,
                TicketAction.TRANSFER,
                now,
                staff_id,
                window_no or row.window_no,
                extra=extra,
                detail=detail,
                names=names,
            )

    def rate(
        self,
        ticket_id: uuid.UUID,
        level: int,
        reason: str | None = None,
        staff_id: uuid.UUID | None = None,
        source: str = "clerk",
        clerk_window: int | None = None,
    ) -> TicketView:
        """好差评: once per finished ticket; 不满意/非常不满意 need a reason."""
        rating, text = check_rating(level, reason)
        now = self.clock()
        with self.store.write() as conn:
            row = self._ticket(conn, ticket_id)
            self._check_clerk_window(row, clerk_window)
            if row.status != TicketStatus.FINISHED.value:
                raise ConflictError(f"ticket {row.number} is {row.status}; only a finished ticket can be rated")
            if row.rating is not None:
                raise ConflictError(f"ticket {row.number} is already rated ({row.rating})")
            return self._annotate(
                conn,
                row,
                {"rating": int(rating), "rating_reason": text, "rated_at": now},
                now,
                kind="rated",
                stream_kind="rated",
                staff_id=staff_id,
                window_no=row.window_no,
                detail={"rating": int(rating), "negative": rating.is_negative, "source": source},
                rating=int(rating),
            )

    def flag_green(
        self,
        ticket_id: uuid.UUID,
        flag: GreenFlag,
        staff_id: uuid.UUID | None = None,
        window_no: int | None = None,
        actor: str = "",
        clerk_window: int | None = None,
    ) -> TicketView:
        """Flag a ticket for the green channel after issue (a clerk noticed an elderly visitor, say)."""
        now = self.clock()
        with self.store.write() as conn:
            row = self._ticket(conn, ticket_id)
            self._check_clerk_window(row, clerk_window)
            if not TicketStatus(row.status).is_active:
                raise ConflictError(f"ticket {row.number} is {row.status}; green channel applies to active tickets")
            if row.green_reason is not None:
                raise ConflictError(f"ticket {row.number} is already green-channel ({row.green_reason})")
            view = self._annotate(
                conn,
                row,
                {
                    "green_reason": flag.reason.value,
                    "green_note": flag.note,
                    "green_flagged_by": staff_id,
                    "green_flagged_at": now,
                },
                now,
                kind="green_flag",
                stream_kind="green_flagged",
                staff_id=staff_id,
                window_no=window_no,
                detail={"reason": flag.reason.value, "note": flag.note},
            )
            journal.audit(
                conn,
                hall_id=row.hall_id,
                at=now,
                actor_id=staff_id,
                actor=actor,
                action="green_flag",
                detail={"ticket": row.number, "reason": flag.reason.value, "note": flag.note, "window": window_no},
            )
            return view

    def _annotate(
        self,
        conn: Connection,
        row: Any,
        values: dict[str, Any],
        now: datetime,
        *,
        kind: str,
        stream_kind: str,
        staff_id: uuid.UUID | None,
        window_no: int | None,
        detail: dict[str, Any],
        **payload: Any,
    ) -> TicketView:
        """Set fields of a ticket without changing its state (a rating, a green flag), with its ticket event,
        outbox rows and hall event, like every state change gets in `_apply`."""
        values = values | {"version": row.version + 1}
        conn.execute(_UPD_TICKET_FIELDS, {"b_id": row.id, **values})
        journal.ticket_event(
            conn,
            hall_id=row.hall_id,
            ticket_id=row.id,
            kind=kind,
            from_status=row.status,
            to_status=row.status,
            at=now,
            staff_id=staff_id,
            window_no=window_no,
            detail=detail,
            outbox_first=("ticket", row.id),
        )
        view = _make_view({**row._mapping, **values}, _names(row))
        journal.hall_event(conn, stream_kind, self._event_payload(view, **payload), now)
        return view

    # -- windows --------------------------------------------------------------------------------

    def set_paused(
        self, window_no: int, paused: bool, reason: str = "", staff_id: uuid.UUID | None = None, actor: str = ""
    ) -> dict[str, Any]:
        """暂停 / resume: a paused window takes no calls; the reason is shown to the supervisor."""
        now = self.clock()
        with self.store.write() as conn:
            win = self._window(conn, window_no)
            conn.execute(
                update(WIN)
                .where(WIN.c.no == window_no)
                .values(paused=paused, pause_reason=reason if paused else "", updated_at=now)
            )
            journal.audit(
                conn,
                hall_id=win.hall_id,
                at=now,
                actor_id=staff_id,
                actor=actor,
                action="pause" if paused else "resume",
                detail={"window": window_no, "reason": reason},
            )
            payload = {"window_no": window_no, "paused": paused, "reason": reason if paused else ""}
            journal.hall_event(conn, "window_changed", payload, now)
            return payload

    def switch_window(
        self,
        window_no: int,
        primary: Sequence[str],
        secondary: Sequence[str] = (),
        *,
        staff_id: uuid.UUID | None = None,
        actor: str = "",
        reason: str = "",
        plan_id: uuid.UUID | None = None,
    ) -> dict[str, Any]:
        """潮汐切换: change what a window serves. No ticket moves; a clerk serving someone keeps them, and
        the new categories apply from that clerk's next call."""
        now = self.clock()
        sub = Subscription(tuple(primary), tuple(secondary))
        with self.store.write() as conn:
            win = self._window(conn, window_no)
            if win.retired:
                raise ConflictError(f"window {window_no} is retired")
            known = {c.code for c in self._categories(conn).values() if c.active}
            try:
                sub.validate_against(known)
            except SubscriptionError as exc:
                raise ConflictError(f"window {window_no}: {exc}") from None
            before = {"primary": list(win.primary_categories or []), "secondary": list(win.secondary_categories or [])}
            after = {"primary": list(sub.primary), "secondary": list(sub.secondary)}
            conn.execute(
                update(WIN)
                .where(WIN.c.no == window_no)
                .values(primary_categories=after["primary"], secondary_categories=after["secondary"], updated_at=now)
            )
            switch_id = new_id()
            conn.execute(
                insert(SWITCH).values(
                    id=switch_id,
                    hall_id=win.hall_id,
                    window_no=window_no,
                    at=now,
                    staff_id=staff_id,
                    plan_id=plan_id,
                    reason=reason,
                    before=before,
                    after=after,
                )
            )
            journal.outbox(conn, "window_switch", switch_id, now)
            journal.audit(
                conn,
                hall_id=win.hall_id,
                at=now,
                actor_id=staff_id,
                actor=actor,
                action="tidal_switch",
                detail={
                    "window": window_no,
                    "before": before,
                    "after": after,
                    "reason": reason,
                    "plan": str(plan_id) if plan_id else None,
                },
            )
            payload = {
                "window_no": window_no,
                "before": before,
                "after": after,
                "reason": reason,
                "plan_id": str(plan_id) if plan_id else None,
            }
            journal.hall_event(conn, "window_changed", payload, now)
            return payload
