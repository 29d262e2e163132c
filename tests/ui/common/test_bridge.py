"""HallBridge: calls on the pool come back on the GUI thread; events and link state arrive as signals."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from hallclient.hallnode.client import HallNodeUnavailable
from hallclient.ui.common.bridge import CONNECTED, DISCONNECTED, HallBridge


@pytest.fixture
def bridge(node: Any, qtbot: Any) -> Any:
    b = HallBridge(node.url)
    yield b
    b.shutdown()


def test_call_result_arrives_on_gui_thread(bridge: HallBridge, qtbot: Any) -> None:
    seen: list[Any] = []
    task = bridge.call("health", on_done=lambda r: seen.append((r, threading.current_thread())))
    with qtbot.waitSignal(task.done, timeout=5000):
        pass
    assert seen[0][0]["status"] == "ok"
    assert seen[0][1] is threading.main_thread()


def test_failure_is_a_signal(qtbot: Any) -> None:
    b = HallBridge("http://127.0.0.1:9")
    b.client.get_retries = 0
    try:
        task = b.call("health")
        with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
            pass
        assert isinstance(blocker.args[0], HallNodeUnavailable)
        assert task.network_error
    finally:
        b.shutdown()


def test_events_and_reconnect(bridge: HallBridge, node: Any, qtbot: Any) -> None:
    bridge.client.token = node.token("1031")
    with qtbot.waitSignal(bridge.connection_state, timeout=5000, check_params_cb=lambda s: s == CONNECTED):
        bridge.start_events()
    kiosk = node.client(node.device_token("kiosk"))
    with qtbot.waitSignal(bridge.event, timeout=5000, check_params_cb=lambda e: e["kind"] == "issued") as ev:
        kiosk.issue("SB")
    assert threading.current_thread() is threading.main_thread()
    assert ev.args[0]["payload"]["number"].startswith("C") or ev.args[0]["payload"]["number"]
    with qtbot.waitSignal(bridge.connection_state, timeout=10000, check_params_cb=lambda s: s == DISCONNECTED):
        node.stop()
    with qtbot.waitSignal(bridge.connection_state, timeout=15000, check_params_cb=lambda s: s == CONNECTED):
        node.start()


def test_heartbeat_is_a_public_signal_with_the_head_seq(bridge: HallBridge, node: Any, qtbot: Any) -> None:
    """An idle stream still proves the link is alive (the display greys out without it)."""
    node.client(node.device_token("kiosk")).issue("SB")
    bridge.client.token = node.token("1031")
    with qtbot.waitSignal(bridge.heartbeat, timeout=5000) as beat:  # the test node beats every 1 s
        bridge.start_events()
    assert isinstance(beat.args[0], int) and beat.args[0] >= 1
    assert bridge.state == CONNECTED
