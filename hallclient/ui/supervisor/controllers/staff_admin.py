"""人员与窗口 (staff and window administration) for the console: its state and calls, apart from the widgets.

Everything goes to the hall node through the bridge; the node checks roles (admin for changes; a supervisor
may look, and reset the passwords the node lets them), audits every change and announces it, so the lists are
re-read on the `config_changed` and `window_changed` events as well as after each change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, Signal
from PySide6.QtGui import QImage

from hallclient.domain.staff import one_time_password
from hallclient.hallnode import supervisor_api as api
from hallclient.ui.common.bridge import HallBridge
from hallclient.ui.common.errors import describe

PHOTO_BOX = (480, 640)  # scaled down to fit, so any camera picture stays under the node's 256 KiB limit
PHOTO_QUALITY = 85


def photo_bytes(path: str) -> bytes:
    """A picture file as a JPEG no larger than PHOTO_BOX (runs on a worker thread: QImage needs no GUI)."""
    img = QImage(path)
    if img.isNull():
        raise ValueError(f"{path}: not a picture this PC can read")
    if img.width() > PHOTO_BOX[0] or img.height() > PHOTO_BOX[1]:
        img = img.scaled(*PHOTO_BOX, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.convertToFormat(QImage.Format.Format_RGB888).save(buf, "JPEG", PHOTO_QUALITY)
    buf.close()
    return bytes(data.data())


class StaffAdminController(QObject):
    loaded = Signal()  # staff and windows re-read
    done = Signal(str)  # a change went through: a short line for the status bar
    failed = Signal(str)  # the node refused (in the user's language, with the node's words)
    one_time = Signal(str, str, str)  # (staff number, name, one-time password): shown once
    photo_loaded = Signal(str, bytes)  # (staff number, image) for the preview

    def __init__(self, bridge: HallBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.staff: list[dict[str, Any]] = []
        self.windows: list[dict[str, Any]] = []
        self._busy = self._dirty = False
        bridge.event.connect(self._on_event)

    def _on_event(self, ev: dict[str, Any]) -> None:
        payload = ev.get("payload") or {}
        staff = ev.get("kind") == "config_changed" and payload.get("what") == "staff"
        windows = ev.get("kind") == "window_changed" and ("config" in payload or "clerk" in payload)
        if staff or windows:
            self.refresh()

    def refresh(self) -> None:
        if self._busy:
            self._dirty = True
            return
        self._busy = True
        c = self.bridge.client
        self.bridge.submit(lambda: (api.staff(c), api.admin_windows(c)), on_done=self._got, on_error=self._got_error)

    def _got(self, out: tuple[list, list]) -> None:
        self._busy = False
        self.staff, self.windows = out
        self.loaded.emit()
        if self._dirty:
            self._dirty = False
            self.refresh()

    def _got_error(self, exc: BaseException) -> None:
        self._busy = False
        self.failed.emit(describe(exc))

    def _act(self, fn: Callable[..., Any], *args: Any, text: str, then: Callable[[Any], None] | None = None,
             **kw: Any) -> None:
        def ok(result: Any) -> None:
            self.done.emit(text)
            if then is not None:
                then(result)
            self.refresh()

        self.bridge.submit(fn, self.bridge.client, *args, on_done=ok, on_error=lambda e: self.failed.emit(describe(e)),
                           **kw)

    # -- staff ----------------------------------------------------------------------------------------

    def add_staff(self, staff_no: str, name: str, role: str, default_window: int | None) -> None:
        """A new account: its one-time password comes back once (`one_time`)."""
        self._act(api.add_staff, staff_no, name, role, default_window, text=self.tr("已新增人员 {0}").format(staff_no),
                  then=lambda out: self.one_time.emit(out["staff_no"], out["name"], out["one_time_password"]))

    def edit_staff(self, staff_no: str, **changes: Any) -> None:
        self._act(api.edit_staff, staff_no, text=self.tr("已保存人员 {0}").format(staff_no), **changes)

    def set_active(self, staff_no: str, active: bool) -> None:
        text = self.tr("已启用 {0}") if active else self.tr("已停用 {0}，其登录已结束")
        self._act(api.edit_staff, staff_no, text=text.format(staff_no), active=active)

    def reset_password(self, staff_no: str, name: str) -> None:
        """A one-time password, generated here and shown once; the person sets their own at the next login."""
        password = one_time_password()
        self._act(api.reset_password, staff_no, password, text=self.tr("已重置 {0} 的密码").format(staff_no),
                  then=lambda _r: self.one_time.emit(staff_no, name, password))

    def upload_photo(self, staff_no: str, path: str) -> None:
        def load_and_send(c: Any) -> Any:
            return api.put_photo(c, staff_no, photo_bytes(path))

        self._act(load_and_send, text=self.tr("已更新 {0} 的照片").format(staff_no))

    def delete_photo(self, staff_no: str) -> None:
        self._act(api.delete_photo, staff_no, text=self.tr("已删除 {0} 的照片").format(staff_no))

    def load_photo(self, staff_no: str) -> None:
        self.bridge.submit(api.photo, self.bridge.client, staff_no,
                           on_done=lambda data: self.photo_loaded.emit(staff_no, data or b""),
                           on_error=lambda _e: self.photo_loaded.emit(staff_no, b""))

    # -- windows --------------------------------------------------------------------------------------

    def add_window(self, no: int, name: str, zone: str, tidal: bool, primary: list[str], secondary: list[str]) -> None:
        self._act(api.add_window, no, primary, secondary, name, zone, tidal,
                  text=self.tr("已新增 {0} 号窗口").format(no))

    def edit_window(self, no: int, **changes: Any) -> None:
        self._act(api.edit_window, no, text=self.tr("已保存 {0} 号窗口").format(no), **changes)

    def retire_window(self, no: int, reason: str) -> None:
        self._act(api.retire_window, no, reason, text=self.tr("{0} 号窗口已停用（历史记录保留）").format(no))

    def restore_window(self, no: int) -> None:
        self._act(api.restore_window, no, text=self.tr("{0} 号窗口已恢复使用").format(no))
