"""The hall node's FastAPI app: `create_app(db_path, clock=None)`; served by `hallclient serve`.

Reads are plain `def` endpoints, which FastAPI runs in its thread pool; the queue's writes run on the
node's single writer thread (`Node.write`). The event loop only parses requests and feeds WebSockets.
Errors from the store and the domain rules become 4xx answers with their message; a 500 means a bug.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from hallclient import __version__
from hallclient.domain.appointments import AppointmentPolicy
from hallclient.domain.tickets import TransitionError
from hallclient.hallnode import (
    routes_admin,
    routes_appointments,
    routes_auth,
    routes_displays,
    routes_events,
    routes_hall,
    routes_plans,
    routes_reports,
    routes_staff,
    routes_tickets,
    routes_windows,
)
from hallclient.hallnode.alerts import AlertChecker
from hallclient.hallnode.auth import AuthError
from hallclient.hallnode.deps import Node
from hallclient.hallnode.events import EventHub
from hallclient.hallnode.nodestore import open_node_store
from hallclient.hallnode.plans import PlanScheduler
from hallclient.hallnode.presence import Presence, PresenceWatch
from hallclient.hallnode.unserved import UnservedWatch
from hallclient.store.engine import checkpoint_wal
from hallclient.store.errors import ConflictError, NotFoundError, StoreError, WrongWindowError
from hallclient.store.queue import HallQueue
from hallclient.store.store import utc_now
from hallclient.store.tables import SettingRow

log = logging.getLogger(__name__)
THREADS = 100  # > 40 windows + kiosks + displays all waiting at once on the write lock


def _policy(store: Any) -> AppointmentPolicy:
    with store.read() as conn:
        value = conn.execute(select(SettingRow.__table__.c.value)
                             .where(SettingRow.__table__.c.key == "appointments")).scalar()
    try:
        return AppointmentPolicy(int(value["early_min"]), int(value["late_min"])) if value else AppointmentPolicy()
    except (KeyError, TypeError, ValueError):
        return AppointmentPolicy()


def _error(status: int, message: str, exc: BaseException | None = None) -> JSONResponse:
    """The error body; a refusal with a stable `code` (StoreError) carries it and its `values`, so a client
    can say it in its user's language."""
    body: dict[str, Any] = {"detail": message}
    code = getattr(exc, "code", None)
    if code:
        body["code"], body["values"] = code, jsonable_encoder(getattr(exc, "values", None) or {})
    return JSONResponse(body, status_code=status)


def _validation(_: Request, exc: Exception) -> JSONResponse:
    """422 naming each bad field: 'body.category: Field required; query.limit: …'."""
    assert isinstance(exc, RequestValidationError)
    errors = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type"))}
              for e in exc.errors()]
    text = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors) or "invalid request"
    return JSONResponse({"detail": text, "errors": errors}, status_code=422)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(AuthError, lambda _r, e: _error(e.status, str(e)))  # type: ignore[attr-defined]
    app.add_exception_handler(NotFoundError, lambda _r, e: _error(404, str(e), e))
    app.add_exception_handler(WrongWindowError, lambda _r, e: _error(403, str(e), e))
    app.add_exception_handler(ConflictError, lambda _r, e: _error(409, str(e), e))
    app.add_exception_handler(TransitionError, lambda _r, e: _error(409, str(e)))
    # the base StoreError means "this database cannot be used as asked" (e.g. no hall yet): the node, not
    # the request, is at fault, so 503 rather than 404
    app.add_exception_handler(StoreError, lambda _r, e: _error(503, str(e), e))
    app.add_exception_handler(OperationalError, lambda _r, e: _error(503, "hall database busy; try again"))
    app.add_exception_handler(UnicodeError, lambda _r, e: _error(422, "text contains characters that are not "
                                                                      "valid Unicode"))
    # RatingError, GreenChannelError, SubscriptionError and other rule violations are ValueErrors
    app.add_exception_handler(ValueError, lambda _r, e: _error(422, str(e)))


def _document_validation_errors(app: FastAPI) -> None:
    """Publish the 422 body this node really sends ({detail: str, errors: [...]}) instead of FastAPI's."""
    plain = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = plain()
            schemas = doc.get("components", {}).get("schemas", {})
            if "HTTPValidationError" in schemas:
                schemas["HTTPValidationError"] = {
                    "title": "HTTPValidationError", "type": "object", "required": ["detail"],
                    "properties": {
                        "detail": {"type": "string", "description": "every bad field: 'body.category: …; …'"},
                        "errors": {"type": "array", "items": {
                            "type": "object", "properties": {
                                "loc": {"type": "array", "items": {"type": "string"}},
                                "msg": {"type": "string"}, "type": {"type": "string"}}}},
                    },
                }
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(db_path: Path | str, clock: Callable[[], datetime] | None = None, *, poll_s: float = 0.03,
               heartbeat_s: float = 10.0, alert_interval_s: float = 15.0,
               plan_interval_s: float | None = None, presence_interval_s: float | None = None,
               nightly_sync: bool = False) -> FastAPI:
    """The hall node for one database. Opens the store at startup (migrating it), closes it at shutdown.

    `nightly_sync` starts the nightly sync with the central store (on for `hallclient serve`, off in tests).
    Presence changes are announced every `presence_interval_s` (default 5 s; with `alert_interval_s` 0, as in
    tests, only when ticked by hand).
    """
    clk = clock or utc_now

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        store = open_node_store(db_path)
        store.hall()  # refuse to start on a database without a hall
        hub = EventHub(store, poll_s=poll_s)
        store.after_commit = hub.poke
        queue = HallQueue(store, clock=clk, policy=_policy(store))
        presence = Presence(clk)
        checker = AlertChecker(store, clk, alert_interval_s, more=(UnservedWatch(store, presence).check,))
        app.state.node = Node(store=store, queue=queue, hub=hub, alerts=checker, clock=clk, heartbeat_s=heartbeat_s,
                              presence=presence)
        interval = presence_interval_s if presence_interval_s is not None else min(5.0, alert_interval_s)
        app.state.presence = PresenceWatch(store, presence, clk, interval)
        await hub.start()
        await app.state.presence.start()
        await checker.start()
        # tidal plans tick with the alert checker unless told otherwise: 0 (tests) = ticked by hand
        app.state.plans = PlanScheduler(queue, clk, alert_interval_s if plan_interval_s is None else plan_interval_s)
        await app.state.plans.start()
        sync = None
        if nightly_sync:
            from hallclient.sync.scheduler import start_scheduler

            sync = start_scheduler(store)
        log.info("hall node up: %s (%s), event seq %d", store.hall().name, db_path, hub.head)
        try:
            yield
        finally:
            if sync is not None:
                sync.stop()
            await app.state.plans.stop()
            await checker.stop()
            await app.state.presence.stop()
            await hub.stop()
            store.after_commit = None
            app.state.node.writer.shutdown(wait=True)  # the writes already queued still commit
            store.close()
            checkpoint_wal(store.path)

    app = FastAPI(title="hallclient hall node", version=__version__, lifespan=lifespan,
                  openapi_url="/api/v1/openapi.json", docs_url="/api/v1/docs", redoc_url=None,
                  description="LAN API of a service hall's hall node: catalogue, tickets, windows, alerts. "
                              "Events: WebSocket /api/v1/events (see the README, section The LAN API).")
    install_error_handlers(app)
    _document_validation_errors(app)
    # the queue's hot routes first: Starlette tries routes in order
    for module in (routes_tickets, routes_windows, routes_hall, routes_auth, routes_events, routes_plans, routes_admin,
                   routes_reports, routes_staff, routes_appointments, routes_displays):
        app.include_router(module.router)
    return app
