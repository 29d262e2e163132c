"""Writes resources/screenshots/supervisor.png: the console offscreen on the demo hall with a busy morning;
with a tab number, supervisor-tab<N>.png (tab 7, 人员与窗口, as the admin: supervisor-staff.png).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/supervisor/shot_supervisor.py [tab]
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tests" / "hallnode"))

from hallnode_util import LiveNode  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from hallclient.domain.green_channel import GreenFlag  # noqa: E402
from hallclient.store import open_store  # noqa: E402
from hallclient.store.queue import HallQueue  # noqa: E402
from hallclient.store.seed import DEMO_PASSWORD, seed_hall  # noqa: E402
from hallclient.store.store import utc_now  # noqa: E402
from hallclient.ui.app import make_app  # noqa: E402
from hallclient.ui.common.bridge import HallBridge  # noqa: E402
from hallclient.ui.common.settings import HallSettings  # noqa: E402
from hallclient.ui.supervisor import open_role  # noqa: E402

STAFF_TAB = 7  # 人员与窗口
STAFFED = [no for no in range(1, 31) if no not in (3, 8, 15, 24, 25, 27)]


def busy_morning(db: Path) -> None:
    """90 minutes of a hall: arrivals weighted to 社保/公积金, windows serving ~7 min each."""
    store = open_store(db)
    seed_hall(store)
    rnd = random.Random(7)
    start = utc_now() - timedelta(minutes=90)
    t = [start]
    q = HallQueue(store, clock=lambda: t[0])
    weights = {"SB": 9, "GJJ": 6, "BDC": 4, "SW": 3, "SSDJ": 3, "YB": 3, "HZ": 2, "CRJ": 1, "ZHZX": 2}
    codes = [c for c, n in weights.items() for _ in range(n)]
    tickets = []
    for i in range(150):
        t[0] = start + timedelta(seconds=i * 36)
        green = GreenFlag.make("elderly") if i in (140, 146) else None
        tickets.append(q.issue(rnd.choice(codes), green=green).ticket)
        if i % 3 == 0 and i < 120:
            for no in (1, 6, 9, 10, 14, 19, 23, 28):
                try:
                    cur = q.call_next(no)
                except Exception:
                    continue
                if cur is not None:
                    q.start(cur.id, no)
                    t[0] += timedelta(minutes=rnd.uniform(4, 9))
                    q.finish(cur.id, no)
                    t[0] = start + timedelta(seconds=i * 36)
    t[0] = utc_now() - timedelta(minutes=3)
    for no in (2, 9, 17, 21):
        cur = q.call_next(no)
        if cur is not None and no != 21:
            q.start(cur.id, no)
    q.set_paused(12, True, "午间交接")
    store.close()


def main() -> None:
    tab = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    name = {0: "supervisor.png", STAFF_TAB: "supervisor-staff.png"}.get(tab, f"supervisor-tab{tab}.png")
    out = ROOT / "resources" / "screenshots" / name
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "hall.sqlite"
    busy_morning(db)
    node = LiveNode(db, None, heartbeat_s=1.0).start()
    for no in STAFFED:  # clerks logged in at most windows; the others show closed (nobody there)
        node.token(f"{1000 + no}", no)
    app = make_app()
    bridge = HallBridge(node.url)
    w = open_role(bridge, HallSettings(tmp / "s.ini"))
    w.resize(1440, 900)
    w.show()
    w.login.staff_no.setText("9001" if tab == STAFF_TAB else "1031")
    w.login.password.setText(DEMO_PASSWORD)
    w.login.button.click()
    loop = QEventLoop()
    QTimer.singleShot(6000, loop.quit)
    loop.exec()
    node.node.alerts.check_once()
    w.tabs.setCurrentIndex(tab)
    if tab == 3:
        w.advisor.refresh()
    if tab == STAFF_TAB:
        w.people.staff.selectRow(0)
        w.people.wins.selectRow(4)
    QTimer.singleShot(2500, loop.quit)
    loop.exec()
    w.grab().save(str(out))
    print(out)
    w.close()
    bridge.shutdown()
    node.close()
    app.processEvents()


if __name__ == "__main__":
    main()
