"""UI test fixtures: a real hall node (tests/hallnode's LiveNode, imported not copied) on the real clock."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hallnode"))
from hallnode_util import LiveNode

from hallclient.ui.common.settings import HallSettings


@pytest.fixture
def node(demo_db: Path) -> Iterator[LiveNode]:
    n = LiveNode(demo_db, None, heartbeat_s=1.0).start()
    yield n
    n.close()


@pytest.fixture
def settings(tmp_path: Path) -> HallSettings:
    return HallSettings(tmp_path / "settings.ini")


@pytest.fixture(autouse=True)
def _hall_app(qapp: object) -> None:
    """Hall font and theme, as the app has them."""
    from hallclient.ui.app import make_app

    make_app()
