"""按键设置: a clerk remaps the keypad keys; the new key calls at once, the old one no longer does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from hallclient.ui.clerk.views.keys_dialog import KeysDialog, duplicate_keys
from hallclient.ui.clerk.views.main_window import ClerkWindow
from hallclient.ui.common.bridge import HallBridge


def test_duplicate_keys() -> None:
    assert duplicate_keys({"a": "F1", "b": "F1", "c": "F2", "d": ""}) == {"F1": ["a", "b"]}


def test_remap_call_next_to_f12(clerk: ClerkWindow, kiosk: Any, node: Any, settings: Any, qtbot: Any) -> None:
    w = clerk
    qtbot.mouseClick(w.keys_button, Qt.MouseButton.LeftButton)
    dlg = w.dialog
    assert isinstance(dlg, KeysDialog) and dlg.values()["call_next"] == "F1"
    save = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)

    qtbot.keyClick(dlg.edits["recall"], Qt.Key.Key_F12)  # a key given twice cannot be saved
    qtbot.keyClick(dlg.edits["call_next"], Qt.Key.Key_F12)
    assert not save.isEnabled() and "F12" in dlg.error.text() and "重呼" in dlg.error.text()
    qtbot.keyClick(dlg.edits["recall"], Qt.Key.Key_F2)
    assert save.isEnabled() and dlg.values()["call_next"] == "F12"
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.dialog is None, timeout=3000)

    assert settings.keys("clerk")["call_next"] == "F12" and "F12" in w.buttons["call_next"].text()
    kiosk.issue(w.ctl.window["primary"][0])
    qtbot.waitUntil(lambda: w.ctl.model.rowCount() == 1, timeout=5000)
    qtbot.keyClick(w, Qt.Key.Key_F1)  # the old key does nothing now
    qtbot.wait(300)
    assert w.ctl.current is None and w.ctl.busy_action is None
    qtbot.keyClick(w, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: w.ctl.current is not None and w.ctl.current["status"] == "called", timeout=5000)

    again = ClerkWindow(HallBridge(node.url), settings)  # kept for the next start on this PC
    qtbot.addWidget(again)
    try:
        assert again.keys["call_next"] == "F12"
    finally:
        again.bridge.shutdown()


def test_restore_defaults(clerk: ClerkWindow, qtbot: Any) -> None:
    clerk.apply_keys({"call_next": "Ctrl+N"})
    qtbot.mouseClick(clerk.keys_button, Qt.MouseButton.LeftButton)
    dlg = clerk.dialog
    assert dlg.values()["call_next"] == "Ctrl+N"
    qtbot.mouseClick(dlg.defaults, Qt.MouseButton.LeftButton)
    assert dlg.values() == {a: f"F{i}" for i, a in enumerate(dlg.actions, start=1)}
    dlg.reject()
