"""Supervisor console fixtures: the console on a real hall node, on the real clock (`node` from tests/ui) or on
the fake clock (`fake_node`, for plan start times and alert limits)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hallnode_util import LiveNode

from hallclient.store.seed import DEMO_PASSWORD
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.supervisor import open_role
from hallclient.ui.supervisor.views.console import SupervisorConsole


@pytest.fixture
def fake_node(demo_db: Path, clock: Any) -> Iterator[LiveNode]:
    n = LiveNode(demo_db, clock, heartbeat_s=1.0).start()
    yield n
    n.close()


@pytest.fixture
def make_console(settings: Any, qtbot: Any) -> Iterator[Callable[[LiveNode], SupervisorConsole]]:
    made: list[tuple[SupervisorConsole, HallBridge]] = []

    def make(node: LiveNode) -> SupervisorConsole:
        bridge = HallBridge(node.url)
        w = open_role(bridge, settings)
        assert isinstance(w, SupervisorConsole)
        qtbot.addWidget(w)
        w.show()
        made.append((w, bridge))
        return w

    yield make
    for w, bridge in made:
        w.close()
        bridge.shutdown()


def login(w: SupervisorConsole, qtbot: Any, staff_no: str = "1031") -> None:
    """Through the real login form; waits for the first live snapshot and the event stream."""
    w.login.staff_no.setText(staff_no)
    w.login.password.setText(DEMO_PASSWORD)
    w.login.button.click()
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.main and bool(w.console.windows())
                    and bool(w.console.categories) and w.bridge.state == "connected", timeout=15000)


def staff_windows(node: LiveNode, *nos: int) -> list[Any]:
    """Demo clerks 10NN logged in (seated, heartbeat now) at windows NN: those windows are staffed."""
    return [node.client(node.token(f"{1000 + no}", no)) for no in nos]
