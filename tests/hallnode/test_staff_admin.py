"""Staff and window administration over the LAN API: only admins change them (every role is tried), every
change is audited, new and reset passwords are one-time, and a retired window keeps its history."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hallnode_util import LiveNode, status_of
from PIL import Image

from hallclient.hallnode import supervisor_api as api
from hallclient.hallnode.client import HallClient, HallNodeError
from hallclient.hallsetup.sample import sample_setup
from hallclient.passwords import hash_password
from hallclient.store import open_store
from hallclient.store.hall_repo import create_hall
from hallclient.store.seed import DEMO_PASSWORD


def png(w: int = 120, h: int = 160) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (w, h), (40, 90, 160)).save(buf, "PNG")
    return buf.getvalue()


def test_only_admins_administer_staff_and_windows(live: LiveNode, admin: HallClient, supervisor: HallClient,
                                                  kiosk: HallClient, display: HallClient) -> None:
    new = api.add_staff(admin, "2001", "导服小陈", "reception")
    reception = live.client()
    reception.login("2001", new["one_time_password"])
    reception.change_password(new["one_time_password"], "reception-pw-1")
    clerk = live.client(live.token("1001", 1))
    changes = [
        lambda c: api.add_staff(c, "3001", "新人", "clerk"),
        lambda c: api.edit_staff(c, "1002", name="张磊磊"),
        lambda c: api.put_photo(c, "1002", png()),
        lambda c: api.delete_photo(c, "1002"),
        lambda c: api.add_window(c, 40, ["SB"]),
        lambda c: api.edit_window(c, 2, zone="东区"),
        lambda c: api.retire_window(c, 31),
        lambda c: api.restore_window(c, 31),
    ]
    for who in (clerk, reception, supervisor, kiosk, display):
        for change in changes:
            assert status_of(change, who) == 403
    for who, expected in ((clerk, 403), (reception, 403), (kiosk, 403), (display, 403), (supervisor, 200)):
        assert status_of(api.admin_windows, who) == expected
        assert status_of(api.staff, who) == expected
    assert reception.issue("SB")["number"]  # reception issues tickets (the kiosk's staff mode)
    assert status_of(reception.call_next, 1) == 403
    for change in changes:  # and the admin may do all of it
        change(admin)
    actions = {a["action"] for a in api.audit(admin)}
    assert {"staff_add", "staff_edit", "staff_photo", "window_add", "window_edit", "window_retire",
            "window_restore"} <= actions


def test_new_account_must_set_its_own_password(live: LiveNode, admin: HallClient) -> None:
    out = api.add_staff(admin, "1099", "新同事", "clerk", default_window=5)
    otp = out["one_time_password"]
    assert out["must_change_password"] and len(otp) >= 8
    assert otp not in str(api.audit(admin))
    c = live.client()
    login = c.login("1099", otp, window_no=5)
    assert login["must_change_password"]
    assert c.me()["must_change_password"]
    with pytest.raises(HallNodeError) as err:  # nothing else until the password is their own
        c.windows()
    assert err.value.status == 403 and "set your own password" in str(err.value)
    for bad, why in (("short", "at least 8"), (DEMO_PASSWORD, "demo"), (otp, "differ")):
        with pytest.raises(HallNodeError) as err:
            c.change_password(otp, bad)
        assert err.value.status == 422 and why in str(err.value)
    with pytest.raises(HallNodeError) as err:
        c.change_password("wrong-one", "my-own-secret")
    assert err.value.status == 403
    c.change_password(otp, "my-own-secret")
    assert c.windows() and not c.me()["must_change_password"]  # the same login goes on working
    fresh = live.client()
    assert not fresh.login("1099", "my-own-secret", window_no=6)["must_change_password"]
    assert next(s for s in api.staff(admin) if s["staff_no"] == "1099")["must_change_password"] is False
    [change] = api.audit(admin, kind="password_change")
    assert change["detail"] == {"staff_no": "1099", "was_one_time": True}


def test_password_not_the_staff_number(live: LiveNode, admin: HallClient) -> None:
    out = api.add_staff(admin, "A1234567", "工号长", "clerk")
    c = live.client()
    c.login("A1234567", out["one_time_password"])
    with pytest.raises(HallNodeError) as err:
        c.change_password(out["one_time_password"], "a1234567")
    assert err.value.status == 422 and "staff number" in str(err.value)


def test_a_reset_password_is_one_time_too(live: LiveNode, admin: HallClient) -> None:
    with pytest.raises(HallNodeError) as err:
        api.reset_password(admin, "1003", DEMO_PASSWORD)
    assert err.value.status == 422 and "demo" in str(err.value)
    api.reset_password(admin, "1003", "handed-out-1")
    c = live.client()
    assert c.login("1003", "handed-out-1")["must_change_password"]


def test_edit_role_and_deactivate(live: LiveNode, admin: HallClient, supervisor: HallClient) -> None:
    clerk = live.client()
    clerk.login("1004", DEMO_PASSWORD, window_no=4)
    assert next(w for w in supervisor.windows() if w["no"] == 4)["staffed"]
    out = api.edit_staff(admin, "1004", active=False)
    assert out["active"] is False
    assert status_of(clerk.me) == 401  # logins end at once
    w = next(w for w in supervisor.windows() if w["no"] == 4)
    assert w["clerk"] is None and not w["staffed"]
    assert status_of(live.client().login, "1004", DEMO_PASSWORD) == 401
    api.edit_staff(admin, "1004", active=True)
    sup2 = live.client()
    sup2.login("1032", DEMO_PASSWORD)
    api.edit_staff(admin, "1032", role="clerk", default_window=None)
    assert status_of(sup2.alerts) == 401  # the token carried the old role
    assert next(s for s in api.staff(admin) if s["staff_no"] == "1032")["role"] == "clerk"
    with pytest.raises(HallNodeError) as err:
        api.edit_staff(admin, "9001", role="supervisor")  # oneself
    assert err.value.status == 409
    api.add_staff(admin, "9002", "第二管理员", "admin")
    api.edit_staff(admin, "9002", active=False)
    with pytest.raises(HallNodeError) as err:  # would leave no admin: another admin has to do it
        api.edit_staff(admin, "9001", active=False)
    assert err.value.status == 409
    for bad in ({"role": "boss"}, {"default_window": 999}, {"name": ""}):
        assert status_of(api.edit_staff, admin, "1005", **bad) == 422
    [deact, *_] = api.audit(admin, kind="staff_deactivate,staff_reactivate")[::-1]
    assert deact["detail"]["before"] == {"active": True} and deact["detail"]["after"] == {"active": False}


def test_staff_photo(live: LiveNode, admin: HallClient, display: HallClient) -> None:
    image = png()
    assert api.put_photo(admin, "1001", image)["has_photo"]
    assert api.photo(display, "1001") == image  # the window screen (a device) shows it
    for bad, why in ((b"not an image at all", "readable"), (png(20, 20), "pixels"),
                     (png(2100, 2100), "pixels"), (bytes(256 * 1024 + 1), "too large"), (bytes(400 * 1024), "at most")):
        with pytest.raises(HallNodeError) as err:
            api.put_photo(admin, "1001", bad)
        assert err.value.status == 422 and why in str(err.value)
    api.delete_photo(admin, "1001")
    assert api.photo(display, "1001") is None


def test_windows_add_edit_retire_restore(live: LiveNode, admin: HallClient, kiosk: HallClient) -> None:
    w = api.add_window(admin, 32, ["SB"], ["YB"], name="32号窗口", zone="东区", tidal=True)
    assert w["default_primary"] == ["SB"] and w["primary"] == ["SB"]
    assert any(x["no"] == 32 for x in kiosk.windows())
    assert status_of(api.add_window, admin, 32, ["SB"]) == 409
    assert status_of(api.add_window, admin, 33, ["NOPE"]) == 422
    out = api.edit_window(admin, 32, primary=["YB"], secondary=[])
    assert out["default_primary"] == ["YB"] and out["primary"] == ["YB"]  # applies at once, as a switch
    assert api.audit(admin, kind="tidal_switch")[0]["detail"]["window"] == 32
    # a window with history: a finished ticket, then retired
    clerk = live.client(live.token("1009", 9))
    t = kiosk.issue("SB")["ticket"]
    clerk.call_next(9)
    assert status_of(api.retire_window, admin, 9) == 409  # someone sits there and it holds a ticket
    clerk.start(t["id"])
    clerk.finish(t["id"])
    clerk.logout()
    assert status_of(api.retire_window, admin, 17) == 409  # a tidal plan lists it
    api.retire_window(admin, 9, "改为自助区")
    assert 9 not in [x["no"] for x in kiosk.windows()]
    assert next(x for x in api.admin_windows(admin) if x["no"] == 9)["retired"]
    assert admin.ticket(t["id"])["window_no"] == 9  # its history stays
    assert status_of(live.client().login, "1009", DEMO_PASSWORD, 9) == 404
    assert status_of(admin.call_next, 9) == 409
    assert status_of(api.add_window, admin, 9, ["SB"]) == 409
    assert status_of(api.open_window, admin, 9) == 404
    api.restore_window(admin, 9)
    assert 9 in [x["no"] for x in kiosk.windows()]


def test_a_hall_that_is_not_the_demo_refuses_the_demo_password(tmp_path: Path, clock) -> None:
    db = tmp_path / "real.sqlite"
    with open_store(db) as store:
        create_hall(store, sample_setup(), "the-admins-own-1", now=clock())
        with store.write() as conn:  # as an old `db seed-demo --seed-file` left a real hall
            from hallclient.store.tables import StaffRow

            conn.execute(StaffRow.__table__.update().where(StaffRow.__table__.c.staff_no == "1001")
                         .values(password_hash=hash_password(DEMO_PASSWORD), must_change_password=False))
    node = LiveNode(db, clock).start()
    try:
        c = node.client()
        with pytest.raises(HallNodeError) as err:
            c.login("1001", DEMO_PASSWORD)
        assert err.value.status == 401 and "demo password is not accepted" in str(err.value)
        assert c.login("9001", "the-admins-own-1")["role"] == "admin"
        assert status_of(api.add_staff, c, "1050", "新人", "clerk", None, DEMO_PASSWORD) == 422
    finally:
        node.close()
