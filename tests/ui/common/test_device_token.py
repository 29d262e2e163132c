"""A kiosk/display on a PC without an OS keyring: the token still survives a restart (owner-only file),
and the screen says where it went."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import null
from pytestqt.qtbot import QtBot

from hallclient.hallnode import auth
from hallclient.store import utc_now
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.device import DeviceSetup, stored_token


@pytest.fixture
def null_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())  # the backend that drops every secret without a word
    yield
    keyring.set_keyring(before)


def test_token_without_keyring_is_kept_in_the_owner_only_file_and_announced(
        qtbot: QtBot, node, null_keyring: None, _secrets_file: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HALLCLIENT_DEVICE_TOKEN", raising=False)
    token = auth.add_device(node.node.store, "kiosk-nokeyring", "kiosk", utc_now())
    bridge = HallBridge(node.url)
    setup = DeviceSetup(bridge, "kiosk")
    qtbot.addWidget(setup)
    setup.show()
    setup.token.setText(token)
    with qtbot.waitSignal(setup.authorised, timeout=10000):
        setup.use_token.click()
    try:
        assert setup.notice is not None and setup.notice.isVisible()
        assert str(_secrets_file) in setup.notice.text()
        assert stat.S_IMODE(_secrets_file.stat().st_mode) == 0o600
        assert stored_token("kiosk") == token  # what the next start reads
    finally:
        setup.notice.close()
        bridge.shutdown()


def test_a_wrong_token_is_named_as_such(qtbot: QtBot, node, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HALLCLIENT_DEVICE_TOKEN", raising=False)
    bridge = HallBridge(node.url)
    bridge.wait_ready()
    setup = DeviceSetup(bridge, "kiosk")
    qtbot.addWidget(setup)
    setup.show()
    setup.token.setText("not-a-token_" + "x" * 31)
    setup.use_token.click()
    qtbot.waitUntil(lambda: bool(setup.error.text()), timeout=10000)
    assert setup.error.text() == "未通过：设备令牌无效或已被吊销" and setup.use_token.isEnabled()
    assert stored_token("kiosk") is None and bridge.client.token is None
    bridge.shutdown()
