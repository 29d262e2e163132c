"""Client calls for the supervisor console (plans, audit, hall admin, day stats), over any `HallClient`.

Free functions rather than more `HallClient` methods, so the Qt bridge's client (built by ui/common) can be
used as it is: `bridge.submit(supervisor_api.plans, bridge.client)`.
"""

from __future__ import annotations

import base64
import uuid
from datetime import datetime
from typing import Any

from hallclient.hallnode.client import HallClient

JSON = dict[str, Any]


def plans(c: HallClient) -> list[JSON]:
    return c.request("GET", "/plans")


def create_plan(c: HallClient, plan: JSON) -> JSON:
    return c.request("POST", "/plans", json_body=plan)


def put_plan(c: HallClient, plan_id: str | uuid.UUID, plan: JSON) -> JSON:
    return c.request("PUT", f"/plans/{plan_id}", json_body=plan)


def delete_plan(c: HallClient, plan_id: str | uuid.UUID) -> None:
    c.request("DELETE", f"/plans/{plan_id}")


def validate_plans(c: HallClient, plan_list: list[JSON]) -> list[str]:
    return c.request("POST", "/plans/validate", json_body=plan_list)["problems"]


def audit(c: HallClient, kind: str | None = None, since: datetime | None = None, until: datetime | None = None,
          limit: int = 1000) -> list[JSON]:
    params: JSON = {"limit": limit}
    if kind:
        params["kind"] = kind
    if since is not None:
        params["since"] = since.isoformat()
    if until is not None:
        params["until"] = until.isoformat()
    return c.request("GET", "/audit", params=params)


def staff(c: HallClient) -> list[JSON]:
    return c.request("GET", "/admin/staff")


def open_window(c: HallClient, no: int, reason: str = "") -> JSON:
    return c.request("POST", f"/admin/windows/{no}/open", json_body={"reason": reason})


def close_window(c: HallClient, no: int, reason: str = "") -> JSON:
    return c.request("POST", f"/admin/windows/{no}/close", json_body={"reason": reason})


def assign_clerk(c: HallClient, no: int, staff_no: str | None) -> JSON:
    return c.request("PUT", f"/admin/windows/{no}/clerk", json_body={"staff_no": staff_no})


def reset_password(c: HallClient, staff_no: str, new_password: str) -> None:
    c.request("POST", f"/admin/staff/{staff_no}/password", json_body={"new_password": new_password})


def set_sla(c: HallClient, code: str, yellow_after_min: int, red_after_min: int) -> JSON:
    return c.request("PUT", f"/admin/categories/{code}/sla",
                     json_body={"yellow_after_min": yellow_after_min, "red_after_min": red_after_min})


def green_setting(c: HallClient) -> JSON:
    return c.request("GET", "/admin/settings/green-channel")


def set_green_setting(c: HallClient, alert_after_min: int) -> JSON:
    return c.request("PUT", "/admin/settings/green-channel", json_body={"alert_after_min": alert_after_min})


def day_stats(c: HallClient, step_min: int = 30) -> JSON:
    return c.request("GET", "/admin/stats", params={"step_min": step_min})


def snapshot(c: HallClient) -> JSON:
    """Everything the live hall view shows, in one background call: status, waiting tickets, open alerts."""
    return {"status": c.hall_status(), "waiting": c.tickets(status="waiting", limit=2000),
            "alerts": c.alerts(open_only=True)}


def unserved_setting(c: HallClient) -> JSON:
    """暂无窗口办理: {"issue": does the kiosk still issue, "alert_after_min": before the supervisor is alerted}."""
    return c.request("GET", "/admin/settings/unserved")


def set_unserved_setting(c: HallClient, issue: bool, alert_after_min: int) -> JSON:
    return c.request("PUT", "/admin/settings/unserved", json_body={"issue": issue, "alert_after_min": alert_after_min})


# -- staff and window administration (admin) -------------------------------------------------------------


def add_staff(c: HallClient, staff_no: str, name: str, role: str, default_window: int | None = None,
              password: str | None = None) -> JSON:
    """A new account; the answer carries its `one_time_password` (shown once)."""
    body: JSON = {"staff_no": staff_no, "name": name, "role": role, "default_window": default_window}
    if password:
        body["password"] = password
    return c.request("POST", "/admin/staff", json_body=body)


def edit_staff(c: HallClient, staff_no: str, **changes: Any) -> JSON:
    """name=, role=, default_window= (None clears it), active="""
    return c.request("PATCH", f"/admin/staff/{staff_no}", json_body=changes)


def put_photo(c: HallClient, staff_no: str, image: bytes) -> JSON:
    return c.request("PUT", f"/admin/staff/{staff_no}/photo",
                     json_body={"image_base64": base64.b64encode(image).decode("ascii")})


def photo(c: HallClient, staff_no: str) -> bytes | None:
    """The staff member's photo (JPEG/PNG bytes), or None."""
    return c.get_bytes(f"/staff/{staff_no}/photo")


def delete_photo(c: HallClient, staff_no: str) -> None:
    c.request("DELETE", f"/admin/staff/{staff_no}/photo")


def admin_windows(c: HallClient) -> list[JSON]:
    return c.request("GET", "/admin/windows")


def add_window(c: HallClient, no: int, primary: list[str], secondary: list[str] | None = None, name: str = "",
               zone: str = "", tidal: bool = False) -> JSON:
    return c.request("POST", "/admin/windows", json_body={"no": no, "name": name, "zone": zone, "tidal": tidal,
                                                          "primary": primary, "secondary": secondary or []})


def edit_window(c: HallClient, no: int, **changes: Any) -> JSON:
    """name=, zone=, tidal=, primary=, secondary= (new default categories apply at once)."""
    return c.request("PATCH", f"/admin/windows/{no}", json_body=changes)


def retire_window(c: HallClient, no: int, reason: str = "") -> JSON:
    return c.request("POST", f"/admin/windows/{no}/retire", json_body={"reason": reason})


def restore_window(c: HallClient, no: int) -> JSON:
    return c.request("POST", f"/admin/windows/{no}/restore")

