"""`hallclient serve` as a service: SIGTERM while kiosks are issuing loses no acknowledged ticket, checkpoints
the WAL and exits 0; `--log-file` rotates; the shipped unit files are filled in for this install."""

from __future__ import annotations

import logging
import logging.config
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from hallnode_util import free_port

from hallclient.deploy import render
from hallclient.hallnode import auth
from hallclient.hallnode.cli import file_log_config
from hallclient.store import open_store, utc_now


@pytest.mark.slow
def test_sigterm_while_writing_keeps_every_acknowledged_ticket(demo_db: Path, tmp_path: Path) -> None:
    with open_store(demo_db) as store:
        token = auth.add_device(store, "kiosk-sigterm", "kiosk", utc_now())
    port, log = free_port(), tmp_path / "node.log"
    proc = subprocess.Popen([sys.executable, "-m", "hallclient", "--db", str(demo_db), "serve", "--port", str(port),
                             "--no-nightly-sync", "--log-file", str(log)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/api/v1"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            assert proc.poll() is None and time.monotonic() < deadline, "node did not start"
            time.sleep(0.1)
    acked: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def kiosk() -> None:
        with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=30) as http:
            while not stop.is_set():
                try:
                    r = http.post(f"{url}/tickets", json={"category": "SB"})
                except httpx.HTTPError:
                    return  # the node has stopped taking requests: this one was never acknowledged
                if r.status_code == 201:
                    with lock:
                        acked.append(r.json()["ticket"]["id"])

    threads = [threading.Thread(target=kiosk) for _ in range(6)]
    for t in threads:
        t.start()
    while len(acked) < 60:
        assert proc.poll() is None
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)  # writes are in flight from six kiosks right now
    out, _ = proc.communicate(timeout=60)
    stop.set()
    for t in threads:
        t.join(30)
    assert proc.returncode == 0, out
    wal = Path(f"{demo_db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "WAL not checkpointed"
    conn = sqlite3.connect(f"file:{demo_db}?mode=ro", uri=True)
    try:
        stored = {row[0] for row in conn.execute("SELECT id FROM ticket")}
    finally:
        conn.close()
    ids = {i.replace("-", "") for i in acked}
    assert ids <= {s.replace("-", "") if isinstance(s, str) else s.hex() for s in stored}, "acknowledged ticket lost"
    text = log.read_text(encoding="utf-8")
    assert "Shutting down" in text and "WAL checkpointed" in text and token not in text


def test_log_file_rotates_and_redacts(tmp_path: Path) -> None:
    log = tmp_path / "logs" / "hallnode.log"
    logging.config.dictConfig(file_log_config(log, "info", max_mb=0.001, keep=2))
    try:
        access = logging.getLogger("uvicorn.access")
        for i in range(40):
            access.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:1", "GET", f"/api/v1/events?token=SECRET{i}", "1.1",
                        101)
        files = sorted(p.name for p in log.parent.iterdir())
        assert files == ["hallnode.log", "hallnode.log.1", "hallnode.log.2"], files
        assert "SECRET" not in "".join(p.read_text() for p in log.parent.iterdir())
    finally:
        for name in ("uvicorn", "uvicorn.access", ""):
            for h in list(logging.getLogger(name).handlers):
                logging.getLogger(name).removeHandler(h)
                h.close()


def test_service_files_are_filled_in_for_this_install(tmp_path: Path) -> None:
    db = tmp_path / "hall" / "hall.sqlite"
    unit = render("systemd", db, user="hall", host="0.0.0.0", port=8470, log_file=None)
    assert "$" not in unit and "User=hall" in unit and f"ReadWritePaths={db.parent}" in unit
    exec_start = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
    assert f"--db {db} serve --host 0.0.0.0 --port 8470 --log-file {db.parent / 'hallnode.log'}" in exec_start
    xml = render("winsw", db, user="", host="0.0.0.0", port=8471, log_file=tmp_path / "n.log")
    assert "$" not in xml and "<executable>" in xml and "--port 8471" in xml and "<stoptimeout>" in xml
