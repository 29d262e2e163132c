"""The launcher's first-run choice and the 新建大厅 wizard, driven through their widgets: the wizard runs the real
`hallclient hall init` in a child process, so the hall it creates is the one a hall file would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWizard
from sqlalchemy import select

from hallclient.passwords import verify_password
from hallclient.store import open_store
from hallclient.store.tables import StaffRow, WindowRow
from hallclient.ui.app import choose_start
from hallclient.ui.common.settings import HallSettings
from hallclient.ui.launcher import LauncherDialog
from hallclient.ui.launcher.wizard import HallWizard


def test_the_launcher_offers_a_new_hall_only_when_there_is_none(qtbot: Any, settings: HallSettings,
                                                                 tmp_path: Path, demo_db: Path) -> None:
    fresh = LauncherDialog(settings, db=tmp_path / "none-yet.sqlite")
    qtbot.addWidget(fresh)
    fresh.show()
    assert fresh.hall_choice.isVisible() and fresh.hall_choice.currentIndex() == 0  # the demo by default
    fresh.embedded.setChecked(False)  # a hall node elsewhere: nothing to set up here
    assert not fresh.hall_choice.isVisible()
    fresh.embedded.setChecked(True)
    fresh.hall_choice.setCurrentIndex(1)
    fresh.accept()
    assert fresh.first_hall == "new"
    existing = LauncherDialog(settings, db=demo_db)
    qtbot.addWidget(existing)
    existing.show()
    assert not existing.hall_choice.isVisible()
    existing.accept()
    assert existing.first_hall == "demo"


def test_the_default_start_asks_no_questions(qtbot: Any, settings: HallSettings, tmp_path: Path) -> None:
    """Pressing 开始 on the launcher of a new PC opens the demo hall: no wizard."""
    seen: list[str] = []

    def press_start() -> None:
        dlg = QApplication.activeModalWidget()
        seen.append(type(dlg).__name__)
        dlg.accept()

    QTimer.singleShot(50, press_start)
    assert choose_start(settings, tmp_path / "hall.sqlite")
    assert seen == ["LauncherDialog"]


def fill_hall(w: HallWizard) -> None:
    h = w.hall
    h.name.setText("新城区政务服务中心")
    h.code.setText("XCQ")
    h.days[5].setChecked(True)  # open on Saturdays too


def go_to_windows(w: HallWizard, qtbot: Any) -> None:
    fill_hall(w)
    w.next()
    assert w.currentPage() is w.catalogue and not w.catalogue.isComplete()
    w.catalogue.sample.click()  # the bundled sample catalogue (a real hall picks its own file)
    qtbot.waitUntil(w.catalogue.isComplete, timeout=20000)
    w.next()
    assert w.currentPage() is w.windows


def add_windows(page: Any, qtbot: Any, count: int, primary: str, secondary: str | None = None,
                tidal: bool = False) -> None:
    dlg = page.add_windows()
    dlg.count.setValue(count)
    dlg.zone.setText("东区")
    dlg.tidal.setChecked(tidal)
    dlg.cats.item(dlg.codes.index(primary), 1).setCheckState(Qt.CheckState.Checked)
    if secondary:
        dlg.cats.item(dlg.codes.index(secondary), 2).setCheckState(Qt.CheckState.Checked)
    dlg.buttons.accepted.emit()


def test_the_wizard_sets_up_a_real_hall(qtbot: Any, tmp_path: Path) -> None:
    db = tmp_path / "hall.sqlite"
    w = HallWizard(db)
    qtbot.addWidget(w)
    w.show()
    w.next()  # nothing filled in: stays, and says why
    assert w.currentPage() is w.hall and "大厅名称" in w.hall.error.text()
    go_to_windows(w, qtbot)
    assert not w.windows.isComplete()
    add_windows(w.windows, qtbot, 3, "SB", "YB")
    add_windows(w.windows, qtbot, 1, "BDC", tidal=True)
    assert [x["no"] for x in w.windows.windows] == [1, 2, 3, 4] and w.windows.isComplete()
    w.windows.table.selectRow(3)
    dlg = w.windows.edit_window()
    dlg.name.setText("不动产综合窗口")
    dlg.buttons.accepted.emit()
    assert w.windows.windows[3]["name"] == "不动产综合窗口" and w.windows.windows[3]["tidal"]
    w.next()
    a = w.admin
    a.staff_no.setText("9001")
    a.name.setText("周管理")
    a.password.setText("9001")
    a.again.setText("9001")
    w.next()
    assert w.currentPage() is a and "至少 8 位" in a.error.text()
    a.password.setText("admin-own-secret")
    a.again.setText("admin-own-secret")
    w.next()
    assert w.currentPage() is w.finish and "新城区政务服务中心" in w.finish.summary.text()
    with qtbot.waitSignal(w.accepted, timeout=60000):
        w.button(QWizard.WizardButton.FinishButton).click()
    assert w.created and w.result() == QDialog.DialogCode.Accepted
    with open_store(db) as store:
        assert store.hall().name == "新城区政务服务中心"
        with store.read() as conn:
            wins = {r.no: r for r in conn.execute(select(WindowRow.__table__))}
            admin = conn.execute(select(StaffRow.__table__)).one()
    assert sorted(wins) == [1, 2, 3, 4] and wins[2].default_secondary == ["YB"] and wins[4].name == "不动产综合窗口"
    assert verify_password(admin.password_hash, "admin-own-secret") and not admin.must_change_password


def test_a_refused_set_up_changes_nothing_and_says_why(qtbot: Any, demo_db: Path) -> None:
    w = HallWizard(demo_db)  # a database that already holds a hall
    qtbot.addWidget(w)
    w.show()
    go_to_windows(w, qtbot)
    add_windows(w.windows, qtbot, 1, "SB")
    w.next()
    w.admin.staff_no.setText("9001")
    w.admin.name.setText("周管理")
    w.admin.password.setText("admin-own-secret")
    w.admin.again.setText("admin-own-secret")
    w.next()
    w.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: w.finish.output.isVisible(), timeout=60000)
    assert "already holds hall" in w.finish.output.toPlainText() and not w.created
    assert w.isVisible() and w.currentPage() is w.finish
