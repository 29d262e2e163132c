"""Qt face of `HallClient` and `EventSubscriber`: every network call runs on a QThreadPool, results come back
to the GUI thread as signals, so the GUI thread never blocks on the hall node.

    task = bridge.call("call_next", 5)            # any HallClient method by name
    task.done.connect(on_ticket)                  # result, on the GUI thread
    task.failed.connect(on_error)                 # the exception (HallNodeError / HallNodeUnavailable / ...)
    bridge.submit(fn, a, b, on_done=..., on_error=...)   # any blocking callable

Events from the WebSocket arrive as `bridge.event(dict)`; the link state as `bridge.connection_state(str)`,
one of CONNECTING, CONNECTED, DISCONNECTED, UNAUTHORIZED, OFFLINE.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from hallclient.hallnode.client import EventSubscriber, HallClient, HallNodeError, HallNodeUnavailable

if TYPE_CHECKING:
    from hallclient.ui.common.demo_devices import DemoDevices

CONNECTING, CONNECTED, DISCONNECTED, UNAUTHORIZED, OFFLINE = (
    "connecting", "connected", "disconnected", "unauthorized", "offline")


class Task(QObject):
    """One background call. `done(result)` or `failed(exception)` fires once, on the GUI thread, then `finished`."""

    done = Signal(object)
    failed = Signal(object)
    finished = Signal()
    _result = Signal(bool, object)  # emitted on the worker thread, delivered queued to `_deliver`

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.ok: bool | None = None
        self.result: Any = None
        self.error: BaseException | None = None
        self._result.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> bool:
        return self.ok is None

    @property
    def network_error(self) -> bool:
        """True when the call failed because the node could not be reached (the outcome is unknown)."""
        return isinstance(self.error, HallNodeUnavailable)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: Any) -> None:
        self.ok = ok
        if ok:
            self.result = value
            self.done.emit(value)
        else:
            self.error = value
            self.failed.emit(value)
        self.finished.emit()


class _Runner(QRunnable):
    def __init__(self, task: Task, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.task, self.fn, self.args, self.kwargs = task, fn, args, kwargs

    def run(self) -> None:
        try:
            value = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # every failure goes back to the GUI as `failed`
            with contextlib.suppress(RuntimeError):  # task deleted while the app quits
                self.task._result.emit(False, exc)
            return
        with contextlib.suppress(RuntimeError):
            self.task._result.emit(True, value)


def run_in_background(fn: Callable[..., Any], *args: Any, parent: QObject,
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None, **kwargs: Any) -> Task:
    """`fn(*args, **kwargs)` on Qt's global thread pool, for work before any hall node is there (the first-run
    wizard reading a catalogue file); the callbacks run on the GUI thread. The task is owned by `parent`."""
    task = Task(getattr(fn, "__name__", "task"), parent)
    if on_done is not None:
        task.done.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)
    task.finished.connect(task.deleteLater)
    QThreadPool.globalInstance().start(_Runner(task, fn, args, kwargs))
    return task


class HallBridge(QObject):
    """Owns one `HallClient` (and, after `start_events`, one `EventSubscriber`) for a role window."""

    event = Signal(object)  # dict: {"seq", "kind", "at", "payload"}
    connection_state = Signal(str)
    ready = Signal()  # the node answered /health (emitted once per `wait_ready`)
    heartbeat = Signal(object)  # the node's head seq (int), ~every 10 s while the stream is idle
    _event_in = Signal(object)
    _state_in = Signal(str, object)

    def __init__(self, base_url: str, client: HallClient | None = None, parent: QObject | None = None,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.base_url = base_url.rstrip("/")
        self.client = client or HallClient(self.base_url, get_retries=1)
        self.pool = pool or QThreadPool(self)
        if pool is None:
            self.pool.setMaxThreadCount(4)
        self.state = CONNECTING
        self.last_seq: int | None = None
        self.is_ready = False
        # set by the app when it started the embedded hall node: registers this PC's demo kiosk/display
        self.demo_devices: DemoDevices | None = None
        self._tasks: set[Task] = set()
        self._subscriber: EventSubscriber | None = None
        self._closed = False
        self._event_in.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        self._state_in.connect(self._on_state, Qt.ConnectionType.QueuedConnection)

    # -- calls --------------------------------------------------------------------------------------

    def submit(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, name: str = "", **kwargs: Any) -> Task:
        """Run `fn(*args, **kwargs)` on the pool; callbacks run on the GUI thread."""
        task = Task(name or getattr(fn, "__name__", "task"), self)
        if on_done is not None:
            task.done.connect(on_done)
        if on_error is not None:
            task.failed.connect(on_error)
        task.failed.connect(self._note_failure)
        task.finished.connect(lambda t=task: self._forget(t))
        self._tasks.add(task)
        if self._closed:
            task._result.emit(False, HallNodeUnavailable("the app is closing"))
        else:
            self.pool.start(_Runner(task, fn, args, kwargs))
        return task

    def call(self, method: str, *args: Any, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, **kwargs: Any) -> Task:
        """`HallClient.<method>(*args, **kwargs)` in the background."""
        return self.submit(getattr(self.client, method), *args, on_done=on_done, on_error=on_error, name=method,
                           **kwargs)

    def _forget(self, task: Task) -> None:
        self._tasks.discard(task)
        task.deleteLater()

    def _note_failure(self, exc: BaseException) -> None:
        if isinstance(exc, HallNodeUnavailable) and self.state == CONNECTED and self._subscriber is None:
            self._set_state(DISCONNECTED)
        elif isinstance(exc, HallNodeError) and exc.status == 401:
            self._set_state(UNAUTHORIZED)

    @property
    def token(self) -> str | None:
        return self.client.token

    # -- readiness ----------------------------------------------------------------------------------

    def wait_ready(self, timeout: float = 60.0, probe: Callable[[], Any] | None = None) -> Task:
        """Poll /health in the background until the node answers (used once, while an embedded node boots).

        `probe` replaces the poll (e.g. `EmbeddedNode.wait_healthy`, which also notices a crashed child)."""

        def poll() -> dict:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    return self.client.health()
                except HallNodeError:
                    if time.monotonic() > deadline or self._closed:
                        raise
                    time.sleep(0.2)

        def ok(_health: Any) -> None:
            self.is_ready = True
            if self._subscriber is None:
                self._set_state(CONNECTED)
            self.ready.emit()

        self._set_state(CONNECTING)
        return self.submit(probe or poll, on_done=ok, on_error=lambda _e: self._set_state(OFFLINE), name="wait_ready")

    # -- events -------------------------------------------------------------------------------------

    def start_events(self, since: int | None = None) -> None:
        """Follow the hall node's event stream with the current token (restarted if already running)."""
        self.stop_events()
        token = self.client.token
        if not token:
            raise RuntimeError("log in (or set a device token) before start_events")
        self._set_state(CONNECTING)
        self._subscriber = EventSubscriber(
            self.base_url, token, lambda ev: self._event_in.emit(ev),
            on_state=lambda s, d: self._state_in.emit(s, d), since=since if since is not None else self.last_seq,
            backoff_initial=0.25, backoff_max=5.0)
        self._subscriber.start()

    def stop_events(self) -> None:
        sub, self._subscriber = self._subscriber, None
        if sub is not None:
            sub.stop(timeout=2.0)

    @Slot(object)
    def _on_event(self, ev: dict) -> None:
        if self._closed:
            return
        seq = ev.get("seq")
        if isinstance(seq, int):
            self.last_seq = seq
        self.event.emit(ev)

    @Slot(str, object)
    def _on_state(self, state: str, detail: Any) -> None:
        if self._closed or state == "callback_error":
            return
        if state == "heartbeat":
            self.heartbeat.emit(detail)
            return
        self._set_state({"connected": CONNECTED, "disconnected": DISCONNECTED,
                         "unauthorized": UNAUTHORIZED}.get(state, state))

    def _set_state(self, state: str) -> None:
        changed = state != self.state
        self.state = state
        if changed or state == CONNECTED:  # CONNECTED again = a reconnect: listeners re-fetch
            self.connection_state.emit(state)

    # -- life ---------------------------------------------------------------------------------------

    def shutdown(self, wait_ms: int = 3000) -> None:
        """Stop the event thread, let running calls finish (bounded), close the HTTP client."""
        self._closed = True
        self.stop_events()
        self.pool.waitForDone(wait_ms)
        self.client.close()
