"""The embedded default: a hall node on 127.0.0.1 in a child process, with the demo hall database.

`hallclient` with no node configured calls `EmbeddedNode(db, port).start()`; it creates and seeds the
database if missing (`hallclient --db DB db seed-demo`), then runs `hallclient --db DB serve --host
127.0.0.1 --port P` as a child and stops it when the app quits. Both steps run off the GUI thread, so the
window paints at once and shows "connecting" until /api/v1/health answers. If a hall node already answers
on the configured port (a second app on this PC), it is shared, not started again, and not stopped.
The UI process itself never opens the database.

If the child dies while the app runs (crash, killed, out of memory), the same thread starts it again on the
same port — clients reconnect by themselves — and calls `on_restart(exit_code)` so the app can tell the user
(`ui.common.node_watch`). After `MAX_RESTARTS` deaths within `RESTART_WINDOW_S` it gives up and calls
`on_give_up(message)` instead: a node that dies at once every time needs a person, not a loop.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

log = logging.getLogger(__name__)


def hallclient_command() -> list[str]:
    """How to run the `hallclient` CLI from here (a PyInstaller bundle is its own interpreter)."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "hallclient"]


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
        return True


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def node_health(url: str, timeout: float = 1.0) -> dict | None:
    """The node's /health answer, or None."""
    try:
        r = httpx.get(f"{url}/api/v1/health", timeout=timeout)
        return r.json() if r.status_code == 200 else None
    except (httpx.HTTPError, ValueError):
        return None


class EmbeddedNodeError(RuntimeError):
    pass


MAX_RESTARTS = 5
RESTART_WINDOW_S = 120.0


class EmbeddedNode:
    """A hall node child process owned by this app."""

    def __init__(self, db: Path, port: int = 8470, host: str = "127.0.0.1", log_file: Path | None = None) -> None:
        self.db, self.host, self.wanted_port = Path(db), host, port
        self.port = port
        self.log_file = log_file or self.db.with_name("hallnode.log")
        self.proc: subprocess.Popen | None = None
        self.shared = False
        self.error: str | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._last_code = 0
        self.restarts: list[float] = []  # monotonic times of the restarts, newest last
        self.on_restart: Callable[[int], None] | None = None  # called on the watcher thread
        self.on_give_up: Callable[[str], None] | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> str:
        """Choose the port now, start (seed +) serve in the background; returns the node's URL at once."""
        if not port_free(self.wanted_port, self.host):
            if node_health(f"http://{self.host}:{self.wanted_port}", timeout=0.5) is not None:
                self.port, self.shared = self.wanted_port, True
                return self.url
            self.port = free_port(self.host)
        self._thread = threading.Thread(target=self._boot, name="embedded-hallnode", daemon=True)
        self._thread.start()
        return self.url

    def _boot(self) -> None:
        try:
            self.db.parent.mkdir(parents=True, exist_ok=True)
            with open(self.log_file, "ab") as log_fh:  # each child has its own copy of the descriptor
                if not self.db.exists():
                    seed = subprocess.run([*hallclient_command(), "--db", str(self.db), "db", "seed-demo"],
                                          stdout=log_fh, stderr=subprocess.STDOUT, timeout=120, check=False,
                                          creationflags=_no_window())
                    if seed.returncode != 0:
                        self.error = f"seeding the demo hall failed (see {self.log_file})"
                        return
                while self._spawn(log_fh):
                    code = self.proc.wait() if self.proc is not None else 0
                    if self._stopping.is_set() or not self._may_restart(code):
                        return
                    time.sleep(0.5)
        except (OSError, subprocess.SubprocessError) as exc:
            self.error = f"could not start the hall node: {exc}"

    def _spawn(self, log_fh: object) -> bool:
        """Start `serve` unless the app is stopping; False when it is."""
        with self._lock:
            if self._stopping.is_set():
                return False
            self.proc = subprocess.Popen(
                [*hallclient_command(), "--db", str(self.db), "serve", "--host", self.host, "--port",
                 str(self.port), "--log-level", "warning", "--no-nightly-sync"],
                stdout=log_fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, creationflags=_no_window())
        if self.restarts and self.on_restart is not None:
            self.on_restart(self._last_code)
        return True

    def _may_restart(self, code: int) -> bool:
        """Count a death; restart unless it died too often lately (then say so once and stop)."""
        now = time.monotonic()
        self.restarts = [t for t in self.restarts if now - t < RESTART_WINDOW_S] + [now]
        self._last_code = code
        log.warning("embedded hall node exited with code %s; restarting", code)
        if len(self.restarts) > MAX_RESTARTS:
            self.error = (f"the hall node exited {len(self.restarts)} times within {RESTART_WINDOW_S:.0f} s "
                          f"(last exit code {code}); see {self.log_file}")
            if self.on_give_up is not None:
                self.on_give_up(self.error)
            return False
        return True

    def wait_healthy(self, timeout: float = 60.0) -> dict:
        """Block until /health answers (call it on a worker thread, e.g. `bridge.submit(node.wait_healthy)`)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.error:
                raise EmbeddedNodeError(self.error)
            if self.proc is not None and self.proc.poll() is not None:
                raise EmbeddedNodeError(f"the hall node exited with code {self.proc.returncode} (see {self.log_file})")
            health = node_health(self.url, timeout=1.0)
            if health is not None:
                return health
            time.sleep(0.1)
        raise EmbeddedNodeError(f"the hall node did not answer on {self.url} within {timeout:.0f} s")

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the child (terminate, then kill); a shared node is left running."""
        with self._lock:
            self._stopping.set()
            proc = self.proc
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout)


def _no_window() -> int:
    return getattr(subprocess, "CREATE_NO_WINDOW", 0)
