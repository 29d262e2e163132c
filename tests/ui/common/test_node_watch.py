"""The embedded hall node dies (killed, crashed): the app starts it again on the same address and tells
the user; one that keeps dying is given up on, with a message saying so."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from hallclient.ui.common import embedded
from hallclient.ui.common.embedded import EmbeddedNode, free_port, node_health
from hallclient.ui.common.node_watch import NodeWatch


@pytest.mark.slow
def test_killed_node_is_restarted_and_the_user_told(qtbot: object, demo_db: Path) -> None:
    node = EmbeddedNode(demo_db, free_port())
    watch = NodeWatch(node)
    url = node.start()
    try:
        node.wait_healthy(60)
        first = node.proc.pid
        os.kill(first, signal.SIGKILL)
        qtbot.waitUntil(lambda: watch.box is not None and watch.box.isVisible(), timeout=60000)
        assert watch.box.icon() == QMessageBox.Icon.Warning
        assert "-9" in watch.box.text() and str(node.log_file) in watch.box.text()
        qtbot.waitUntil(lambda: node_health(url) is not None, timeout=60000)
        assert node.proc.pid != first and node.url == url  # same address: clients reconnect by themselves
    finally:
        node.stop()
        if watch.box is not None:
            watch.box.close()


def test_a_node_that_keeps_dying_is_given_up(qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`serve` on a file that is not a database exits at once, every time."""
    db = tmp_path / "hall.sqlite"
    db.write_bytes(b"not a database at all" * 10)
    monkeypatch.setattr(embedded, "MAX_RESTARTS", 2)
    node = EmbeddedNode(db, free_port())
    watch = NodeWatch(node)
    node.start()
    try:
        qtbot.waitUntil(lambda: node.error is not None and watch.box is not None
                        and watch.box.icon() == QMessageBox.Icon.Critical, timeout=120000)
        assert "hallclient doctor" in watch.box.text() and len(node.restarts) == 3
        time.sleep(0.5)
        assert node.proc.poll() is not None  # no further restarts
    finally:
        node.stop()
        watch.box.close()
