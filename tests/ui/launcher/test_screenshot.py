"""The set-up wizard's pages render with CJK text; HALLCLIENT_SCREENSHOTS=1 saves resources/screenshots/
wizard-hall.png (the hall page) and wizard-windows.png (windows with their zones and categories)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from hallclient.paths import resource_path
from hallclient.ui.launcher.wizard import HallWizard


def test_wizard_pages_render(qtbot: Any, tmp_path: Path) -> None:
    w = HallWizard(tmp_path / "hall.sqlite")
    qtbot.addWidget(w)
    w.show()
    w.hall.name.setText("新城区政务服务中心")
    w.hall.code.setText("XCQ")
    w.hall.days[5].setChecked(True)
    shots = {"wizard-hall.png": w.grab().toImage()}
    w.next()
    w.catalogue.sample.click()
    qtbot.waitUntil(w.catalogue.isComplete, timeout=20000)
    w.next()
    for count, zone, tidal, primary, secondary in ((2, "东区", False, "SB", "YB"), (1, "东区", True, "YB", "SB"),
                                                   (2, "西区", False, "BDC", None), (1, "西区", True, "BDC", "SB")):
        dlg = w.windows.add_windows()
        dlg.count.setValue(count)
        dlg.zone.setText(zone)
        dlg.tidal.setChecked(tidal)
        dlg.cats.item(dlg.codes.index(primary), 1).setCheckState(Qt.CheckState.Checked)
        if secondary:
            dlg.cats.item(dlg.codes.index(secondary), 2).setCheckState(Qt.CheckState.Checked)
        dlg.buttons.accepted.emit()
    assert w.windows.table.rowCount() == 6
    qtbot.wait(100)
    shots["wizard-windows.png"] = w.grab().toImage()
    for name, image in shots.items():
        assert image.width() >= 800 and image.height() >= 560
        image.save(str(tmp_path / name))
        if os.environ.get("HALLCLIENT_SCREENSHOTS"):
            image.save(str(resource_path("screenshots", name)))
