"""/displays: a display board reports its voice state, so the hall knows when calls go unspoken."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from hallclient.hallnode.auth import Principal
from hallclient.hallnode.deps import Node, NodeDep, aware, require
from hallclient.hallnode.schemas import DisplayStatusOut, ErrorOut, Role, VoiceIn
from hallclient.store import journal

router = APIRouter(prefix="/api/v1", tags=["displays"],
                   responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}})
Display = Annotated[Principal, require(Role.DISPLAY)]


@router.put("/displays/me/voice", response_model=DisplayStatusOut)
async def report_voice(body: VoiceIn, node: NodeDep, p: Display) -> dict[str, Any]:
    """The calling display's voice: `on`, `off` (switched off on the board) or `chime` (no Chinese voice).
    Sent at start, after each reconnect and every minute; a change (or a board back after 3 silent minutes)
    sends a `display_changed` event, so consoles update at once."""
    assert p.device_id is not None  # a display is always a device
    now = node.clock()
    if node.displays.report(p.device_id, p.name, body.voice, body.detail, now):
        await run_in_threadpool(_announce, node, p.name, body.voice, now)
    return {"name": p.name, "voice": body.voice, "detail": body.detail, "seen_at": aware(now), "stale": False}


def _announce(node: Node, name: str, voice: str, now: Any) -> None:
    with node.store.write() as conn:
        journal.hall_event(conn, "display_changed", {"name": name, "voice": voice}, now)


def display_rows(node: Node) -> list[dict[str, Any]]:
    """The displays as `/hall/status` lists them."""
    return [{**d, "seen_at": aware(d["seen_at"])} for d in node.displays.listing(node.clock())]
