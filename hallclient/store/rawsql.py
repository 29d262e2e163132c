"""Call-next on the DB-API cursor: the hottest write of the hall, without SQLAlchemy's per-statement cost.

It runs inside the same `BEGIN IMMEDIATE` transaction as any `Store.write()` and stores values exactly as
the SQLAlchemy column types do on SQLite (UUID → 32 hex digits, datetime → 'YYYY-MM-DD HH:MM:SS.ffffff',
JSON → json.dumps), so rows read back identically through either path; the store tests compare both.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from hallclient.ids import new_id

TICKET_COLUMNS = (
    "id", "hall_id", "number", "status", "category_id", "item_id", "issued_at", "called_at", "started_at",
    "finished_at", "window_no", "recall_count", "transfer_count", "target_window", "green_reason", "green_note",
    "appointment_slot", "rating", "version",
)  # fmt: skip
_COLS = ", ".join(TICKET_COLUMNS)
TICKET_INDEX = {name: i for i, name in enumerate(TICKET_COLUMNS)}
_UNIONS: dict[int, str] = {}


def u(value: uuid.UUID | None) -> str | None:
    return None if value is None else value.hex


def dt(value: datetime | None) -> str | None:
    return None if value is None else value.strftime("%Y-%m-%d %H:%M:%S.%f")


def parse_dt(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def parse_u(value: str | None) -> uuid.UUID | None:
    return None if value is None else uuid.UUID(value)


def candidates_sql(n_categories: int) -> str:
    """Same probes as the Core version: oldest green, earliest due appointment, oldest sent to this window,
    oldest per subscribed category — each an index seek."""
    sql = _UNIONS.get(n_categories)
    if sql is not None:
        return sql
    cats = ", ".join("?" * 1 for _ in range(n_categories))
    mine = f"((category_id IN ({cats}) AND target_window IS NULL) OR target_window = ?)" if n_categories else (
        "target_window = ?"
    )
    base = f"SELECT {_COLS} FROM ticket WHERE status = 'waiting'"
    parts = [
        f"SELECT * FROM ({base} AND green_reason IS NOT NULL AND {mine} ORDER BY issued_at, id LIMIT 1)",
        f"SELECT * FROM ({base} AND appointment_slot IS NOT NULL AND {mine} AND appointment_slot >= ? "
        "AND appointment_slot <= ? ORDER BY appointment_slot, id LIMIT 1)",
        f"SELECT * FROM ({base} AND target_window = ? ORDER BY issued_at, id LIMIT 1)",
    ]
    parts += [
        f"SELECT * FROM ({base} AND category_id = ? AND target_window IS NULL ORDER BY issued_at, id LIMIT 1)"
    ] * n_categories
    sql = _UNIONS[n_categories] = " UNION ALL ".join(parts)
    return sql


def candidates_params(cat_hex: list[str], window_no: int, due_from: datetime, due_to: datetime) -> list[Any]:
    mine = [*cat_hex, window_no]
    return [*mine, *mine, dt(due_from), dt(due_to), window_no, *cat_hex]


def ticket_row(values: tuple[Any, ...]) -> dict[str, Any]:
    """A candidate row as Python values (what SQLAlchemy would have returned)."""
    row = dict(zip(TICKET_COLUMNS, values, strict=True))
    for key in ("id", "hall_id", "category_id", "item_id"):
        row[key] = parse_u(row[key])
    for key in ("issued_at", "called_at", "started_at", "finished_at", "appointment_slot"):
        row[key] = parse_dt(row[key])
    return row


def journal_call(cur: Any, *, row: dict[str, Any], now: datetime, staff_id: uuid.UUID | None, window_no: int,
                 payload: dict[str, Any]) -> None:
    """The claim and its records: ticket update, window, outbox ×2, ticket event, hall event."""
    tid, at = row["id"].hex, dt(now)
    cur.execute(
        "UPDATE ticket SET status = 'called', version = ?, called_at = ?, window_no = ?, clerk_id = ?, "
        "target_window = NULL WHERE id = ? AND version = ?",
        (row["version"] + 1, at, window_no, u(staff_id), tid, row["version"]),
    )
    if cur.rowcount != 1:
        raise RuntimeError(f"ticket {row['number']} changed under BEGIN IMMEDIATE")
    cur.execute("UPDATE window SET current_ticket_id = ?, updated_at = ? WHERE no = ?", (tid, at, window_no))
    event_id = new_id().hex
    cur.execute(
        "INSERT INTO outbox (table_name, row_id, at) VALUES ('ticket', ?, ?), ('ticket_event', ?, ?)",
        (tid, at, event_id, at),
    )
    cur.execute(
        "INSERT INTO ticket_event (id, hall_id, ticket_id, kind, from_status, to_status, at, staff_id, window_no, "
        "detail) VALUES (?, ?, ?, 'call', 'waiting', 'called', ?, ?, ?, 'null')",
        (event_id, row["hall_id"].hex, tid, at, u(staff_id), window_no),
    )
    cur.execute("INSERT INTO hall_event (at, kind, payload) VALUES (?, 'called', ?)", (at, json.dumps(payload)))
