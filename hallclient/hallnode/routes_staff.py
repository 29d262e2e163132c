"""Staff and window administration (admin only), staff photos, and the unserved-category setting.

    POST  /admin/staff                      {staff_no, name, role, default_window?, password?} → 201, with
                                            `one_time_password` (shown once; its owner sets their own)
    GET   /admin/staff                      (routes_admin) every staff member
    PATCH /admin/staff/{staff_no}           {name?, role?, default_window?, active?}
    PUT   /admin/staff/{staff_no}/photo     {image_base64} (JPEG/PNG ≤ 256 KiB, 64-2048 px a side)
    DELETE /admin/staff/{staff_no}/photo
    GET   /staff/{staff_no}/photo           the image (any login or device: the window screen shows it)
    GET   /admin/windows                    every window, retired ones too
    POST  /admin/windows                    {no, name?, zone?, tidal?, primary, secondary?} → 201
    PATCH /admin/windows/{no}               {name?, zone?, tidal?, primary?, secondary?}
    POST  /admin/windows/{no}/retire        {reason?}    POST /admin/windows/{no}/restore
    GET/PUT /admin/settings/unserved        {issue, alert_after_min} (supervisor or admin)

Every change is audited (see `store.staff_repo`, `store.window_repo`) and announced as an event.
"""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel, Field

from hallclient.domain.staff import MAX_NAME, STAFF_ROLE_ORDER, Role
from hallclient.hallnode.auth import Principal
from hallclient.hallnode.deps import ANY_ROLE, MANAGERS, Node, NodeDep, require
from hallclient.hallnode.routes_admin import StaffOut
from hallclient.hallnode.schemas import Code, ErrorOut, Strict, WindowNo
from hallclient.hallsetup.model import WindowSpec
from hallclient.store import journal, staff_repo, window_repo
from hallclient.store.hall_repo import UNSERVED_KEY, put_setting, unserved_setting
from hallclient.store.staff_repo import Actor

router = APIRouter(prefix="/api/v1", tags=["staff and windows"], responses={
    401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 409: {"model": ErrorOut},
    422: {"model": ErrorOut}})
Admin = Annotated[Principal, require(Role.ADMIN)]
StaffNo = Annotated[str, Path(min_length=1, max_length=20)]
if TYPE_CHECKING:  # the checker cannot build a Literal from a tuple; at run time pydantic checks the values
    StaffRoleName = str
else:
    StaffRoleName = Literal[tuple(r.value for r in STAFF_ROLE_ORDER)]
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME)]
PHOTO_B64_MAX = (staff_repo.PHOTO_MAX_BYTES * 4) // 3 + 8


def actor(p: Principal) -> Actor:
    return Actor(p.staff_id, p.actor)


class NewStaffOut(StaffOut):
    one_time_password: str = Field(description="shown once; its owner sets their own at the first login")


class StaffIn(Strict):
    staff_no: Annotated[str, Field(min_length=1, max_length=20)]
    name: Name
    role: StaffRoleName = "clerk"
    default_window: WindowNo | None = None
    password: Annotated[str, Field(min_length=8, max_length=200)] | None = Field(
        default=None, description="a one-time password to hand out; generated when left out")


class StaffPatch(Strict):
    name: Name | None = None
    role: StaffRoleName | None = None
    default_window: WindowNo | None = Field(default=None, description="null clears it (when sent)")
    active: bool | None = None


class PhotoIn(Strict):
    image_base64: Annotated[str, Field(min_length=8, max_length=PHOTO_B64_MAX)]


@router.post("/admin/staff", response_model=NewStaffOut, status_code=201)
def add_staff(body: StaffIn, node: NodeDep, p: Admin) -> dict[str, Any]:
    out, password = staff_repo.add_staff(node.store, body.staff_no, body.name, Role(body.role), body.default_window,
                                         body.password, actor(p), node.clock())
    return {**out, "one_time_password": password}


@router.patch("/admin/staff/{staff_no}", response_model=StaffOut)
def edit_staff(staff_no: StaffNo, body: StaffPatch, node: NodeDep, p: Admin) -> dict[str, Any]:
    """Fields left out stay as they are. A role change or deactivation ends the person's logins at once."""
    changes = body.model_dump(exclude_unset=True)
    if changes.get("name") is None:
        changes.pop("name", None)
    for key in ("role", "active"):
        if key in changes and changes[key] is None:
            raise ValueError(f"{key}: may not be null")
    done = staff_repo.edit_staff(node.store, staff_no, changes, actor(p), node.clock())
    _left(node, done.left_windows)
    return done.staff


def _left(node: Node, windows: tuple[int, ...]) -> None:
    for no in windows:
        node.presence.forget(no)
        node.presence.mark(no, False)
    node.tokens.clear()


@router.put("/admin/staff/{staff_no}/photo", response_model=StaffOut)
def put_photo(staff_no: StaffNo, body: PhotoIn, node: NodeDep, p: Admin) -> dict[str, Any]:
    try:
        data = base64.b64decode(body.image_base64, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("image_base64: not valid base64") from None
    return staff_repo.set_photo(node.store, staff_no, data, actor(p), node.clock())


@router.delete("/admin/staff/{staff_no}/photo", status_code=204)
def delete_photo(staff_no: StaffNo, node: NodeDep, p: Admin) -> None:
    staff_repo.delete_photo(node.store, staff_no, actor(p), node.clock())


@router.get("/staff/{staff_no}/photo", response_class=Response,
            responses={200: {"content": {"image/jpeg": {}, "image/png": {}}}})
def photo(staff_no: StaffNo, node: NodeDep, _p: Annotated[Principal, require(*ANY_ROLE)]) -> Response:
    mime, data = staff_repo.get_photo(node.store, staff_no)
    return Response(content=data, media_type=mime, headers={"Cache-Control": "no-cache"})


class AdminWindowOut(BaseModel):
    no: int
    name: str
    zone: str
    tidal: bool
    retired: bool
    is_open: bool
    clerk: str | None
    default_primary: list[str]
    default_secondary: list[str]
    primary: list[str]
    secondary: list[str]


class WindowIn(Strict):
    no: WindowNo
    name: Annotated[str, Field(max_length=40)] = ""
    zone: Annotated[str, Field(max_length=20)] = ""
    tidal: bool = False
    primary: Annotated[list[Code], Field(min_length=1, max_length=50)]
    secondary: Annotated[list[Code], Field(default_factory=list, max_length=50)]


class WindowPatch(Strict):
    name: Annotated[str, Field(max_length=40)] | None = None
    zone: Annotated[str, Field(max_length=20)] | None = None
    tidal: bool | None = None
    primary: Annotated[list[Code], Field(min_length=1, max_length=50)] | None = None
    secondary: Annotated[list[Code], Field(max_length=50)] | None = None


class RetireIn(Strict):
    reason: Annotated[str, Field(max_length=200)] = ""


@router.get("/admin/windows", response_model=list[AdminWindowOut])
def admin_windows(node: NodeDep, _p: Annotated[Principal, require(*MANAGERS)]) -> list[dict[str, Any]]:
    return window_repo.list_windows(node.store)


@router.post("/admin/windows", response_model=AdminWindowOut, status_code=201)
def add_window(body: WindowIn, node: NodeDep, p: Admin) -> dict[str, Any]:
    spec = WindowSpec(body.no, body.name, body.zone, body.tidal, tuple(body.primary), tuple(body.secondary))
    return window_repo.add_window(node.store, spec, actor(p), node.clock())


@router.patch("/admin/windows/{no}", response_model=AdminWindowOut)
def edit_window(no: WindowNo, body: WindowPatch, node: NodeDep, p: Admin) -> dict[str, Any]:
    """New default categories apply at once: the window is switched to them (audited; no ticket moves, a clerk
    serving someone keeps them, and they apply from the next call)."""
    changes = {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None}
    out, sub = window_repo.edit_window(node.store, no, changes, actor(p), node.clock())
    if sub is not None:
        node.queue.switch_window(no, sub.primary, sub.secondary, staff_id=p.staff_id, actor=p.actor,
                                 reason="窗口设置调整（管理员）")
        out = next(w for w in window_repo.list_windows(node.store) if w["no"] == no)
    return out


@router.post("/admin/windows/{no}/retire", response_model=AdminWindowOut)
def retire_window(no: WindowNo, node: NodeDep, p: Admin, body: RetireIn | None = None) -> dict[str, Any]:
    """The window leaves the hall; its history stays. Refused while someone sits there, it holds a ticket,
    tickets wait for it by number or a tidal plan lists it."""
    return window_repo.retire_window(node.store, no, (body or RetireIn()).reason, actor(p), node.clock())


@router.post("/admin/windows/{no}/restore", response_model=AdminWindowOut)
def restore_window(no: WindowNo, node: NodeDep, p: Admin) -> dict[str, Any]:
    return window_repo.restore_window(node.store, no, actor(p), node.clock())


class UnservedIn(Strict):
    issue: bool = Field(description="the kiosk still issues tickets for a category no staffed window serves")
    alert_after_min: Annotated[int, Field(ge=0, le=240)] = 2


@router.get("/admin/settings/unserved")
def get_unserved(node: NodeDep, _p: Annotated[Principal, require(*MANAGERS)]) -> dict[str, Any]:
    with node.store.read() as conn:
        return unserved_setting(conn)


@router.put("/admin/settings/unserved")
def set_unserved(body: UnservedIn, node: NodeDep, p: Annotated[Principal, require(*MANAGERS)]) -> dict[str, Any]:
    """暂无窗口办理: whether the kiosk still issues for such a category, and the minutes before the alert."""
    now = node.clock()
    with node.store.write() as conn:
        before = unserved_setting(conn)
        value = {"issue": body.issue, "alert_after_min": body.alert_after_min}
        put_setting(conn, UNSERVED_KEY, value, now)
        detail = {"setting": UNSERVED_KEY, "before": before, "after": value}
        journal.audit(conn, hall_id=node.store.hall_id, at=now, actor_id=p.staff_id, actor=p.actor,
                      action="config_change", detail=detail)
        journal.hall_event(conn, "config_changed", {"what": UNSERVED_KEY, **detail}, now)
    return value
