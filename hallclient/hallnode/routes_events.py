"""WebSocket /api/v1/events: the hall's event stream, with catch-up from a sequence number.

Protocol (JSON text frames):
  connect  ws://HOST:PORT/api/v1/events?since=SEQ[&token=TOKEN]
           (token also as `Authorization: Bearer`, or as the first message {"token": "..."})
  server → {"kind": "hello", "seq": HEAD, "since": S, "reset": false}
           then every event with seq > S, in order: {"seq", "kind", "at", "payload"}
           then live events; {"kind": "heartbeat", "seq": HEAD, "at"} when idle for ~10 s.
  Without `since` the stream starts live at HEAD. If `since` is beyond HEAD (the database was replaced)
  the server replays from 0 and says "reset": true.
  Close codes: 4400 bad request, 4401 not authorised, 4408 subscriber too slow (reconnect with since).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from datetime import UTC

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from starlette.concurrency import run_in_threadpool

from hallclient.hallnode import auth
from hallclient.hallnode.deps import Node
from hallclient.hallnode.events import head_seq

router = APIRouter()
FIRST_MESSAGE_TIMEOUT_S = 5.0


async def _token(ws: WebSocket) -> str | None:
    token = ws.query_params.get("token")
    if token:
        return token
    header = ws.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    try:
        first = await asyncio.wait_for(ws.receive_text(), FIRST_MESSAGE_TIMEOUT_S)
        value = json.loads(first).get("token")
        return value if isinstance(value, str) else None
    except (TimeoutError, ValueError, AttributeError, KeyError):
        return None


async def _drain_incoming(ws: WebSocket, gone: asyncio.Event) -> None:
    """Read (and ignore) what the client sends, so a disconnect is noticed at once."""
    try:
        while True:
            msg = await ws.receive()
            if msg["type"] == "websocket.disconnect":
                break
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        gone.set()


@router.websocket("/api/v1/events")
async def events(ws: WebSocket) -> None:
    node: Node = ws.app.state.node
    await ws.accept()
    since_raw = ws.query_params.get("since")
    since: int | None = None
    if since_raw is not None:
        if not since_raw.isdigit() or len(since_raw) > 18:
            await ws.close(code=4400, reason="since must be a non-negative integer")
            return
        since = int(since_raw)
    token = await _token(ws)
    principal = await run_in_threadpool(auth.resolve, node.store, token or "", node.clock()) if token else None
    if principal is None or principal.must_change_password:
        await ws.close(code=4401, reason="token unknown, expired or revoked, or its password is one-time")
        return
    hub = node.hub
    sub = hub.subscribe()  # before reading the backlog: every event after `head` reaches the queue
    head = hub.head
    gone = asyncio.Event()
    reader = asyncio.create_task(_drain_incoming(ws, gone))
    try:
        if since is not None and since > head:  # the hub may lag the database by a poll (a status's `seq`)
            head = max(head, await run_in_threadpool(head_seq, node.store))
        reset = since is not None and since > head
        start = head if since is None else (0 if reset else since)
        await ws.send_json({"kind": "hello", "seq": head, "since": start, "reset": reset, "role": principal.role.value})
        last = start
        while last < head:
            batch = await hub.read(last)
            batch = [ev for ev in batch if ev.seq <= head]
            if not batch:
                break
            for ev in batch:
                await ws.send_text(ev.to_json())
                last = ev.seq
        while not gone.is_set():
            if sub.overflowed.is_set():
                await ws.close(code=4408, reason="too slow; reconnect with since=<last seq>")
                return
            get = asyncio.ensure_future(sub.queue.get())
            stop = asyncio.ensure_future(gone.wait())
            done, _ = await asyncio.wait({get, stop}, timeout=node.heartbeat_s, return_when=asyncio.FIRST_COMPLETED)
            stop.cancel()
            if get not in done:
                get.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await get
                if not gone.is_set():
                    now = node.clock().replace(tzinfo=UTC)
                    await ws.send_json({"kind": "heartbeat", "seq": hub.head, "at": now.isoformat()})
                continue
            ev = get.result()
            if ev.seq <= last:
                continue
            parts = [ev]
            while not sub.queue.empty():  # send what has piled up in one go
                parts.append(sub.queue.get_nowait())
            for e in parts:
                if e.seq > last:
                    await ws.send_text(e.to_json())
                    last = e.seq
    except (WebSocketDisconnect, RuntimeError, OSError):
        pass
    finally:
        hub.unsubscribe(sub)
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader
