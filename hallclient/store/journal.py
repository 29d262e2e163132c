"""What every change writes besides itself: the ticket event, the outbox rows for the nightly sync,
the hall event stream for LAN clients, and the tamper-evident audit log. All inside the caller's
transaction, so either the change and its records exist together or neither does."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from hallclient.ids import new_id
from hallclient.store.tables import AuditLogRow, HallEventRow, OutboxRow, TicketEventRow

T_EVENT = TicketEventRow.__table__
T_OUTBOX = OutboxRow.__table__
T_HALL_EVENT = HallEventRow.__table__
T_AUDIT = AuditLogRow.__table__

GENESIS_HASH = "0" * 64

# Built once: constructing SQLAlchemy statements per call costs more than executing them.
_INSERT_OUTBOX = insert(T_OUTBOX)
_INSERT_HALL_EVENT = insert(T_HALL_EVENT)
_INSERT_EVENT = insert(T_EVENT)


def outbox(conn: Connection, table_name: str, row_id: uuid.UUID, at: datetime) -> None:
    conn.execute(_INSERT_OUTBOX, {"table_name": table_name, "row_id": row_id, "at": at})


def hall_event(conn: Connection, kind: str, payload: dict[str, Any], at: datetime) -> int:
    """Append to the event stream; returns its sequence number."""
    result = conn.execute(_INSERT_HALL_EVENT, {"kind": kind, "payload": payload, "at": at})
    key = result.inserted_primary_key
    assert key is not None  # an INSERT always has one
    return int(key[0])


def ticket_event(
    conn: Connection,
    *,
    hall_id: uuid.UUID,
    ticket_id: uuid.UUID,
    kind: str,
    from_status: str | None,
    to_status: str,
    at: datetime,
    staff_id: uuid.UUID | None,
    window_no: int | None,
    detail: dict[str, Any] | None = None,
    outbox_first: tuple[str, uuid.UUID] | None = None,
) -> uuid.UUID:
    """Record a ticket event and its outbox row; `outbox_first` (table, id) is queued just before it, in the
    same round trip (the changed ticket itself, usually)."""
    event_id = new_id()
    conn.execute(
        _INSERT_EVENT,
        {
            "id": event_id,
            "hall_id": hall_id,
            "ticket_id": ticket_id,
            "kind": kind,
            "from_status": from_status,
            "to_status": to_status,
            "at": at,
            "staff_id": staff_id,
            "window_no": window_no,
            "detail": detail,
        },
    )
    if outbox_first is None:
        outbox(conn, "ticket_event", event_id, at)
    else:
        conn.execute(
            _INSERT_OUTBOX,
            [
                {"table_name": outbox_first[0], "row_id": outbox_first[1], "at": at},
                {"table_name": "ticket_event", "row_id": event_id, "at": at},
            ],
        )
    return event_id


def _chain_hash(prev_hash: str, seq: int, at: datetime, actor: str, action: str, detail: dict[str, Any]) -> str:
    body = json.dumps(
        {"prev": prev_hash, "seq": seq, "at": at.isoformat(), "actor": actor, "action": action, "detail": detail},
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(body.encode()).hexdigest()


def audit(
    conn: Connection,
    *,
    hall_id: uuid.UUID,
    at: datetime,
    actor_id: uuid.UUID | None,
    actor: str,
    action: str,
    detail: dict[str, Any],
) -> uuid.UUID:
    last = conn.execute(select(T_AUDIT.c.seq, T_AUDIT.c.hash).order_by(T_AUDIT.c.seq.desc()).limit(1)).first()
    seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS_HASH)
    digest = _chain_hash(prev, seq, at, actor, action, detail)
    row_id = new_id()
    conn.execute(
        insert(T_AUDIT).values(
            id=row_id,
            hall_id=hall_id,
            seq=seq,
            at=at,
            actor_id=actor_id,
            actor=actor,
            action=action,
            detail=detail,
            prev_hash=prev,
            hash=digest,
        )
    )
    outbox(conn, "audit_log", row_id, at)
    return row_id


def verify_audit_chain(conn: Connection) -> list[str]:
    """Problems found in the audit chain (empty when intact)."""
    problems: list[str] = []
    prev, expected_seq = GENESIS_HASH, 1
    for row in conn.execute(select(T_AUDIT).order_by(T_AUDIT.c.seq)):
        if row.seq != expected_seq:
            problems.append(f"audit row {expected_seq} missing (next is {row.seq})")
        if row.prev_hash != prev or _chain_hash(prev, row.seq, row.at, row.actor, row.action, row.detail) != row.hash:
            problems.append(f"audit row {row.seq} was altered")
        prev, expected_seq = row.hash, row.seq + 1
    return problems
