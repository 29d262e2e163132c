"""Python client of the hall node, for the Qt apps and scripts.

* `HallClient`: plain synchronous calls over httpx, safe to share between threads (the Qt wrapper runs
  them on a QThreadPool, never on the GUI thread). The constructor does no I/O. GETs are retried with
  back-off when the link drops; POST/PUT are not, since repeating a call-next could call a second
  visitor; they raise `HallNodeUnavailable` and the caller decides.
* `EventSubscriber`: a thread that holds the WebSocket, reconnects with exponential back-off (with
  jitter, so sixty screens do not reconnect in lock-step after a restart), resumes from the last seq it
  handed out, and calls `on_event(dict)` for every event in seq order, exactly once per connection
  history. Callbacks run on the subscriber thread: a Qt app re-emits them as a queued signal.
"""

from __future__ import annotations

import contextlib
import json
import random
import threading
import time
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

import httpx
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI
from websockets.sync.client import ClientConnection, connect

JSON = dict[str, Any]


class HallNodeError(Exception):
    """The hall node answered with an error; `status` is the HTTP status, the message its `detail`, `code` and
    `values` the refusal's stable name and the values it names (None and {} when the node gave none)."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 values: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code, self.values = code, dict(values or {})


class HallNodeUnavailable(HallNodeError):
    """The hall node could not be reached (network down, node restarting)."""

    def __init__(self, message: str) -> None:
        super().__init__(0, message)


class HallClient:
    """Synchronous, thread-safe client of the v1 LAN API."""

    def __init__(self, base_url: str, token: str | None = None, *, timeout: float = 10.0, get_retries: int = 3,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._token = token
        self._lock = threading.Lock()
        self.get_retries = get_retries
        self._http = httpx.Client(base_url=self.base_url, timeout=timeout, transport=transport,
                                  limits=httpx.Limits(max_connections=20, max_keepalive_connections=10))

    # -- plumbing -----------------------------------------------------------------------------------

    @property
    def token(self) -> str | None:
        with self._lock:
            return self._token

    @token.setter
    def token(self, value: str | None) -> None:
        with self._lock:
            self._token = value

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HallClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(self, method: str, path: str, *, json_body: Any = None, params: dict[str, Any] | None = None,
                ok_empty: bool = False) -> Any:
        """One call; returns the decoded JSON (None for 204)."""
        resp = self._send(method, path, json_body, params)
        if resp.status_code == 204:
            return None
        return resp.json()

    def get_bytes(self, path: str) -> bytes | None:
        """A GET whose answer is not JSON (a staff photo); None for 404."""
        try:
            return self._send("GET", path, None, None).content
        except HallNodeError as exc:
            if exc.status == 404:
                return None
            raise

    def _send(self, method: str, path: str, json_body: Any, params: dict[str, Any] | None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        attempts = 1 + (self.get_retries if method == "GET" else 0)
        delay = 0.2
        for attempt in range(attempts):
            try:
                resp = self._http.request(method, f"/api/v1{path}", json=json_body, params=params, headers=headers)
                break
            except httpx.TransportError as exc:
                if attempt == attempts - 1:
                    raise HallNodeUnavailable(f"hall node at {self.base_url} unreachable: {exc}") from exc
                time.sleep(delay)
                delay *= 2
        if resp.status_code >= 400:
            try:
                body = resp.json()
            except ValueError:
                body = None
            if not isinstance(body, dict):
                body = {"detail": resp.text}
            detail = body.get("detail", resp.text)
            code, values = body.get("code"), body.get("values")
            raise HallNodeError(resp.status_code, detail if isinstance(detail, str) else json.dumps(detail),
                                code if isinstance(code, str) else None, values if isinstance(values, dict) else None)
        return resp

    # -- auth ---------------------------------------------------------------------------------------

    def login(self, staff_no: str, password: str, window_no: int | None = None, handover: bool = False) -> JSON:
        """Log in and keep the token for later calls. `handover` (交接班) takes over a window another clerk
        is at work at; the answer's `must_change_password` asks for `change_password` first."""
        body: JSON = {"staff_no": staff_no, "password": password}
        if window_no is not None:
            body["window_no"] = window_no
        if handover:
            body["handover"] = True
        out = self.request("POST", "/auth/login", json_body=body)
        self.token = out["token"]
        return out

    def logout(self) -> None:
        self.request("POST", "/auth/logout")
        self.token = None

    def me(self) -> JSON:
        return self.request("GET", "/auth/me")

    def change_password(self, current: str, new: str) -> None:
        """Set one's own password (required after logging in with a one-time password)."""
        self.request("POST", "/auth/password", json_body={"current_password": current, "new_password": new})

    def heartbeat(self) -> JSON:
        """The clerk app is alive (every 15 s): its window counts as staffed (在岗)."""
        return self.request("POST", "/auth/heartbeat")

    # -- reading ------------------------------------------------------------------------------------

    def health(self) -> JSON:
        return self.request("GET", "/health")

    def categories(self) -> list[JSON]:
        return self.request("GET", "/categories")

    def items(self, category: str | None = None) -> list[JSON]:
        return self.request("GET", "/items", params={"category": category} if category else None)

    def windows(self) -> list[JSON]:
        return self.request("GET", "/windows")

    def hall_status(self) -> JSON:
        return self.request("GET", "/hall/status")

    def tickets(self, status: str | None = None, category: str | None = None, limit: int = 500) -> list[JSON]:
        params: JSON = {"limit": limit}
        if status:
            params["status"] = status
        if category:
            params["category"] = category
        return self.request("GET", "/tickets", params=params)

    def ticket(self, ticket_id: str | uuid.UUID) -> JSON:
        return self.request("GET", f"/tickets/{ticket_id}")

    def alerts(self, open_only: bool = False) -> list[JSON]:
        return self.request("GET", "/alerts", params={"open_only": str(open_only).lower()})

    def appointment(self, code: str) -> JSON:
        """预约 by code, as the kiosk shows it before check-in (slot, category, item, masked name, status)."""
        return self.request("GET", f"/appointments/{quote(code, safe='')}")

    def daily_report(self, day: date | str | None = None) -> JSON:
        """日报 figures of one business day (a `date` or "YYYY-MM-DD"; default today, hall time)."""
        text = day.isoformat() if isinstance(day, date) else day
        return self.request("GET", "/reports/daily", params={"day": text} if text else None)

    def monthly_report(self, month: str | None = None) -> JSON:
        """月报 figures of one month ("YYYY-MM"; default this month, hall time)."""
        return self.request("GET", "/reports/monthly", params={"month": month} if month else None)

    # -- acting -------------------------------------------------------------------------------------

    def issue(self, category: str | None, item: str | None = None, green_reason: str | None = None,
              green_note: str = "", appointment_code: str | None = None) -> JSON:
        body: JSON = {"category": category}
        if item:
            body["item"] = item
        if green_reason:
            body["green_channel"] = {"reason": green_reason, "note": green_note}
        if appointment_code:
            body["appointment_code"] = appointment_code
        return self.request("POST", "/tickets", json_body=body)

    def call_next(self, window_no: int) -> JSON | None:
        """The called ticket, or None when nothing is waiting for this window."""
        return self.request("POST", f"/windows/{window_no}/call-next")

    def recall(self, ticket_id: str | uuid.UUID) -> JSON:
        return self.request("POST", f"/tickets/{ticket_id}/recall")

    def no_show(self, ticket_id: str | uuid.UUID) -> JSON:
        return self.request("POST", f"/tickets/{ticket_id}/no-show")

    def start(self, ticket_id: str | uuid.UUID) -> JSON:
        return self.request("POST", f"/tickets/{ticket_id}/start")

    def finish(self, ticket_id: str | uuid.UUID) -> JSON:
        return self.request("POST", f"/tickets/{ticket_id}/finish")

    def transfer(self, ticket_id: str | uuid.UUID, *, to_category: str | None = None, to_window: int | None = None,
                 reason: str = "") -> JSON:
        body: JSON = {"reason": reason}
        if to_category is not None:
            body["to_category"] = to_category
        if to_window is not None:
            body["to_window"] = to_window
        return self.request("POST", f"/tickets/{ticket_id}/transfer", json_body=body)

    def rate(self, ticket_id: str | uuid.UUID, level: int, reason: str = "") -> JSON:
        return self.request("POST", f"/tickets/{ticket_id}/rating", json_body={"level": level, "reason": reason})

    def flag_green(self, ticket_id: str | uuid.UUID, reason: str, note: str = "") -> JSON:
        return self.request("POST", f"/tickets/{ticket_id}/green-channel", json_body={"reason": reason, "note": note})

    def pause(self, window_no: int, reason: str = "") -> JSON:
        return self.request("POST", f"/windows/{window_no}/pause", json_body={"reason": reason})

    def resume(self, window_no: int) -> JSON:
        return self.request("POST", f"/windows/{window_no}/resume")

    def extend_hours(self, until: str, reason: str = "") -> JSON:
        """延时服务: keep today open for tickets until "HH:MM"; returns the new hall day."""
        return self.request("PUT", "/hall/extended-hours", json_body={"until": until, "reason": reason})

    def end_extension(self) -> JSON:
        return self.request("DELETE", "/hall/extended-hours")

    def switch_window(self, window_no: int, primary: list[str], secondary: list[str] | None = None,
                      reason: str = "") -> JSON:
        body = {"primary": primary, "secondary": secondary or [], "reason": reason}
        return self.request("PUT", f"/windows/{window_no}/categories", json_body=body)

    def ack_alert(self, alert_id: str | uuid.UUID) -> None:
        self.request("POST", f"/alerts/{alert_id}/ack")

    def report_voice(self, voice: str, detail: str = "") -> JSON:
        """A display's voice state: "on", "off" or "chime" (no Chinese voice), shown in the live hall."""
        return self.request("PUT", "/displays/me/voice", json_body={"voice": voice, "detail": detail})


def events_url(base_url: str, since: int | None) -> str:
    """http://host:port → ws://host:port/api/v1/events?since=N"""
    parts = urlsplit(base_url.rstrip("/"))
    scheme = "wss" if parts.scheme == "https" else "ws"
    query = urlencode({"since": since}) if since is not None else ""
    return urlunsplit((scheme, parts.netloc, parts.path + "/api/v1/events", query, ""))


class EventSubscriber:
    """Follows the event stream in its own thread, reconnecting with back-off and resuming from `last_seq`.

    `on_event(event)` gets every event ({seq, kind, at, payload}) once, in seq order. `on_state(state,
    detail)` reports the link: "connected", "disconnected" (with the reason; a retry follows),
    "unauthorized" (token refused; retried at the slowest pace in case the node's database was
    restored) and "heartbeat". Neither callback may block for long: they run on the subscriber thread.
    `since=None` starts live; pass the last seq you processed to resume across app restarts.
    """

    def __init__(self, base_url: str, token: str, on_event: Callable[[JSON], None], *,
                 on_state: Callable[[str, Any], None] | None = None, since: int | None = None,
                 backoff_initial: float = 0.25, backoff_max: float = 15.0, dead_after_s: float = 30.0) -> None:
        self.base_url, self.token = base_url, token
        self.on_event, self.on_state = on_event, on_state
        self.last_seq = since
        self.backoff_initial, self.backoff_max, self.dead_after_s = backoff_initial, backoff_max, dead_after_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._ws: ClientConnection | None = None
        self._ws_lock = threading.Lock()
        self.connects = 0
        self._greeted = False

    def start(self) -> EventSubscriber:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="hall-events", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Close the link and end the thread (safe to call from any thread, also twice)."""
        self._stop.set()
        with self._ws_lock:
            ws = self._ws
        if ws is not None:
            with contextlib.suppress(Exception):
                ws.close()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _state(self, state: str, detail: Any = None) -> None:
        if self.on_state is not None:
            with contextlib.suppress(Exception):  # a broken callback must not kill the link
                self.on_state(state, detail)

    def _run(self) -> None:
        delay = self.backoff_initial
        while not self._stop.is_set():
            self._greeted = False
            try:
                self._session()
            except _Unauthorized as exc:
                self._state("unauthorized", str(exc))
                delay = self.backoff_max
            except (OSError, ConnectionClosed, InvalidHandshake, InvalidURI, TimeoutError, ValueError) as exc:
                if not self._stop.is_set():
                    self._state("disconnected", f"{type(exc).__name__}: {exc}")
            if self._stop.is_set():
                break
            if self._greeted:  # the link was up: the first retry is quick again
                delay = self.backoff_initial
            self._stop.wait(delay * random.uniform(0.8, 1.2))
            delay = min(self.backoff_max, delay * 2)

    def _session(self) -> None:
        """One connection, until it drops."""
        url = events_url(self.base_url, self.last_seq)
        try:
            with connect(url, additional_headers={"Authorization": f"Bearer {self.token}"}, open_timeout=5,
                         close_timeout=1, max_size=2**22) as ws:
                with self._ws_lock:
                    self._ws = ws
                try:
                    if not self._stop.is_set():
                        self._follow(ws)
                finally:
                    with self._ws_lock:
                        self._ws = None
        except ConnectionClosed as exc:
            code = exc.rcvd.code if exc.rcvd is not None else None
            if code == 4401:
                raise _Unauthorized(exc.rcvd.reason if exc.rcvd else "unauthorized") from None
            raise

    def _follow(self, ws: ClientConnection) -> None:
        hello = json.loads(ws.recv(timeout=5))
        if hello.get("kind") != "hello":
            raise ValueError(f"unexpected first message {hello!r}")
        self.connects += 1
        self._greeted = True
        if hello.get("reset") or self.last_seq is None:
            self.last_seq = int(hello["since"])
        self._state("connected", hello)
        while not self._stop.is_set():
            try:
                msg = json.loads(ws.recv(timeout=self.dead_after_s))
            except TimeoutError:
                raise TimeoutError(f"no heartbeat for {self.dead_after_s:.0f} s") from None
            if msg.get("kind") == "heartbeat":
                self._state("heartbeat", msg.get("seq"))
                continue
            seq = msg.get("seq")
            if not isinstance(seq, int) or (self.last_seq is not None and seq <= self.last_seq):
                continue
            self.last_seq = seq
            try:
                self.on_event(msg)
            except Exception as exc:  # the app's bug; keep the stream going
                self._state("callback_error", exc)


class _Unauthorized(Exception):
    pass
