"""What a new hall admin does with an installed hallclient (a wheel in a fresh venv, or the bundle), step by
step, each checked: version, database, demo hall, the hall node with one ticket issued and called over the
API, a QR guide poster with its fonts embedded, the daily report, and a clean stop on SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx
from pypdf import PdfReader

from hallclient import __version__
from hallclient.hallnode.client import HallClient
from hallclient.store.schema import head_revision

STEP_TIMEOUT_S = 300


def user_env(home: Path) -> dict[str, str]:
    """A clean environment: nothing from the checkout on the path, the user's files under `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "HALLCLIENT_", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    home.mkdir(parents=True, exist_ok=True)
    return env


def run(cmd: list[str], *args: str, env: dict[str, str], cwd: Path, stdin: str | None = None) -> str:
    done = subprocess.run([*cmd, *args], capture_output=True, text=True, env=env, cwd=cwd, input=stdin,
                          timeout=STEP_TIMEOUT_S, check=False)
    assert done.returncode == 0, f"{' '.join(args)} → {done.returncode}\n{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fonts_embedded(pdf: Path) -> list[str]:
    """Names of the fonts the PDF uses; asserts every one carries its font file (embedded)."""
    names = []
    for page in PdfReader(pdf).pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            names.append(str(font.get("/BaseFont")))
            if str(font.get("/Subtype")) == "/Type1" and desc is None:
                continue  # the 14 standard PDF fonts (Helvetica …) are never embedded
            desc = desc.get_object()
            assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{pdf}: {font} not embedded"
    assert names, f"{pdf}: no fonts"
    return names


class Node:
    """`hallclient serve` started from the installed command, stopped with SIGTERM."""

    def __init__(self, cmd: list[str], db: Path, env: dict[str, str], cwd: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = db.with_name("hallnode.log")
        self.proc = subprocess.Popen([*cmd, "--db", str(db), "serve", "--port", str(self.port), "--no-nightly-sync",
                                      "--log-file", str(self.log)], env=env, cwd=cwd,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + 120
        while True:
            assert self.proc.poll() is None, f"serve exited {self.proc.returncode}: {self.proc.stdout.read()}"
            try:
                if httpx.get(f"{self.url}/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "serve did not answer /health"
            time.sleep(0.2)

    def stop(self) -> str:
        self.proc.send_signal(signal.SIGTERM)
        out, _ = self.proc.communicate(timeout=60)
        assert self.proc.returncode == 0, out
        return self.log.read_text(encoding="utf-8")


def user_journey(cmd: list[str], tmp: Path) -> dict[str, str]:
    """Run every step with `cmd` (the installed `hallclient`); returns tokens for the desktop roles."""
    env = user_env(tmp / "home")
    db = tmp / "hall" / "hall.sqlite"
    version = run(cmd, "--version", env=env, cwd=tmp)
    assert __version__ in version and head_revision() in version, version

    assert "schema" in run(cmd, "--db", str(db), "db", "upgrade", env=env, cwd=tmp)
    assert "seeded" in run(cmd, "--db", str(db), "db", "seed-demo", env=env, cwd=tmp)
    tokens = {role: run(cmd, "--db", str(db), "device", "add", f"{role}-1", "--role", role, env=env,
                        cwd=tmp).strip().splitlines()[-1] for role in ("kiosk", "display")}

    node = Node(cmd, db, env, tmp)
    try:
        kiosk = HallClient(node.url, tokens["kiosk"])
        clerk = HallClient(node.url)
        me = clerk.login("1001", "demo1234")
        window_no = me["window_no"]
        window = next(w for w in clerk.windows() if w["no"] == window_no)
        issued = kiosk.issue(window["primary"][0])
        called = clerk.call_next(window_no)
        assert called is not None and called["number"] == issued["number"], (issued, called)
        kiosk.close()
        clerk.close()
    finally:
        log = node.stop()
    assert "WAL checkpointed" in log and '"POST /api/v1/tickets HTTP/1.1" 201' in log, log
    assert not db.with_name("hall.sqlite-wal").exists() or db.with_name("hall.sqlite-wal").stat().st_size == 0

    poster = tmp / "poster.pdf"
    run(cmd, "--db", str(db), "guides", "poster", "--category", window["primary"][0], "-o", str(poster), env=env,
        cwd=tmp)
    fonts_embedded(poster)
    report = tmp / "report.pdf"
    run(cmd, "--db", str(db), "report", "daily", "-o", str(report), env=env, cwd=tmp)
    assert len(PdfReader(report).pages) >= 1
    fonts_embedded(report)
    return {"db": str(db), **tokens}
