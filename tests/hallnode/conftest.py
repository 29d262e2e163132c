"""Fixtures: a live hall node on a free port (see hallnode_util.LiveNode) and clients with each role."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hallnode_util import LiveNode

from hallclient.hallnode.client import HallClient


@pytest.fixture
def live(demo_db: Path, clock: Any) -> Iterator[LiveNode]:
    node = LiveNode(demo_db, clock).start()
    yield node
    node.close()


@pytest.fixture
def live_realtime(demo_db: Path) -> Iterator[LiveNode]:
    """A node on the real clock (concurrency, reconnect)."""
    node = LiveNode(demo_db, None).start()
    yield node
    node.close()


@pytest.fixture
def admin(live: LiveNode) -> HallClient:
    return live.client(live.token("9001"))


@pytest.fixture
def supervisor(live: LiveNode) -> HallClient:
    return live.client(live.token("1031"))


@pytest.fixture
def kiosk(live: LiveNode) -> HallClient:
    return live.client(live.device_token("kiosk"))


@pytest.fixture
def display(live: LiveNode) -> HallClient:
    return live.client(live.device_token("display"))


