"""`hallclient` (no sub-command): the desktop app.

run(args): QApplication → fonts/theme/language → launcher (unless skipped) → hall node (the configured one,
or the embedded default started here) → the role's window from `hallclient.ui.<role>.open_role(bridge,
settings)`. Environment overrides for one run: HALLCLIENT_ROLE, HALLCLIENT_NODE (empty = embedded),
HALLCLIENT_WINDOW. HALLCLIENT_BENCH=1 prints the time to first paint (wall, and the process's CPU time since
launch) and the idle RSS, then quits — of the role window, or of the launcher when it is shown
(tests/benchmarks/bench_startup.py, bench_bundle.py, and the bundle tests that open each role).

Before the QApplication exists, `qt_platform.precheck()` makes sure Qt's platform plugin can load; if not,
the app says which library is missing and points to `hallclient doctor` (exit 3) instead of Qt's abort.
An embedded hall node that dies is restarted, and `NodeWatch` tells the user.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from hallclient.doctor import qt_platform
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.demo_devices import DemoDevices
from hallclient.ui.common.embedded import EmbeddedNode
from hallclient.ui.common.fonts import install_cjk_font
from hallclient.ui.common.i18n import install_language
from hallclient.ui.common.node_watch import NodeWatch
from hallclient.ui.common.none_guard import immortalize_none
from hallclient.ui.common.settings import HallSettings
from hallclient.ui.common.theme import apply_theme

_T0 = time.perf_counter()


def make_app() -> QApplication:
    """The QApplication with high-DPI rounding off (crisp at 125 %/150 %), hall font, theme."""
    immortalize_none()  # PySide6 6.12 on Python 3.11 decrements None's refcount on every void Qt call
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        qt_platform.guard_qt_abort()
        app = QApplication(sys.argv[:1])
        qt_platform.release_qt_abort_guard()
    app.setOrganizationName("hallclient")
    app.setApplicationName("hallclient")
    app.setApplicationDisplayName("政务服务大厅")
    install_cjk_font(app)
    apply_theme(app)
    return app


def open_role_window(role: str, bridge: HallBridge, settings: HallSettings) -> QWidget:
    """The role's main window; a role whose package is not there yet gets a placeholder."""
    try:
        module = importlib.import_module(f"hallclient.ui.{role}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(f"hallclient.ui.{role}"):
            return _placeholder(role)
        raise
    open_role = getattr(module, "open_role", None)
    if open_role is None:
        return _placeholder(role)
    return open_role(bridge, settings)


def _placeholder(role: str) -> QWidget:
    label = QLabel(QApplication.translate("app", "“{0}”功能暂未提供（not available yet）").format(role))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMinimumSize(480, 200)
    return label


class _FirstPaint(QObject):
    """Benchmark hook: report the first paint in the role window, then the idle RSS, then quit. It watches the
    whole app: a window covered by an opaque child (the display's board) never gets a paint event itself."""

    def __init__(self, window: QWidget, idle_s: float) -> None:
        super().__init__()
        self.window, self.idle_s, self.seen = window, idle_s, False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (not self.seen and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget)
                and obj.window() is self.window):
            self.seen = True
            print(f"first-paint-s {time.perf_counter() - _T0:.3f}", flush=True)
            print(f"first-paint-cpu-s {time.process_time():.3f}", flush=True)
            QTimer.singleShot(int(self.idle_s * 1000), self._finish)
        return False

    def _finish(self) -> None:
        print(f"rss-mb {rss_mb():.1f}", flush=True)
        self.window.close()  # ends the launcher dialog's own event loop, which quit() leaves running
        QApplication.quit()


def _bench_hook(window: QWidget) -> _FirstPaint | None:
    """With HALLCLIENT_BENCH set: report `window`'s first paint, then quit."""
    if not os.environ.get("HALLCLIENT_BENCH"):
        return None
    bench = _FirstPaint(window, float(os.environ.get("HALLCLIENT_BENCH_IDLE_S", "2")))
    QApplication.instance().installEventFilter(bench)
    return bench


def rss_mb() -> float:
    """Resident memory of this process (Linux /proc; elsewhere psutil if present)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import psutil

        return psutil.Process().memory_info().rss / 2**20
    except ImportError:
        return float("nan")


def choose_start(settings: HallSettings, db: Path) -> bool:
    """The launcher; when it asks for a new hall on this PC, the first-run wizard, and back to the launcher if the
    wizard is cancelled. False: the user quit."""
    from hallclient.ui.launcher import LauncherDialog

    while True:
        launcher = LauncherDialog(settings, db=db)
        bench = _bench_hook(launcher)  # HALLCLIENT_BENCH: the launcher's first paint is the figure, then quit
        if launcher.exec() != LauncherDialog.DialogCode.Accepted or bench is not None:
            return False
        install_language(settings.language)
        if launcher.first_hall != "new" or settings.node_url or db.exists():
            return True
        from hallclient.ui.launcher.wizard import HallWizard

        if HallWizard(db).exec() == HallWizard.DialogCode.Accepted:
            return True


def run(args: argparse.Namespace) -> int:
    problem = qt_platform.precheck()
    if problem:
        print(f"hallclient: the desktop app cannot start: {problem}.\n{qt_platform.DOCTOR_HINT}", file=sys.stderr)
        return 3
    app = make_app()
    settings = HallSettings()
    settings.apply_env()
    # flags (hallclient --role/--node/--window) win over the environment
    settings.apply_overrides(getattr(args, "role", None), getattr(args, "node", None), getattr(args, "window", None))
    install_language(settings.language)
    if not settings.overridden("role") and not settings.skip_launcher and not choose_start(settings, Path(args.db)):
        return 0

    node: EmbeddedNode | None = None
    url = settings.node_url
    if not url:
        node = EmbeddedNode(Path(args.db), settings.embedded_port)
        url = node.start()
        NodeWatch(node, app)  # owned by the app: announces restarts of the node to the user
    bridge = HallBridge(url)
    if node is not None:  # the kiosk and display of the embedded demo hall register themselves
        bridge.demo_devices = DemoDevices(Path(args.db))
    ready = bridge.wait_ready(probe=node.wait_healthy if node else None)

    def node_failed(exc: BaseException) -> None:
        QMessageBox.warning(None, QApplication.translate("app", "无法连接大厅服务"),
                            QApplication.translate("app", "大厅服务 {0} 没有响应：{1}").format(url, exc))

    ready.failed.connect(node_failed)
    window = open_role_window(settings.role, bridge, settings)
    bench = _bench_hook(window)  # kept: the filter must live as long as the window
    window.show()
    try:
        return app.exec()
    finally:
        del bench
        bridge.shutdown()
        if node is not None:
            node.stop()
