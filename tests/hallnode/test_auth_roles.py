"""Logins, lock-out, tokens that survive a restart, and the role/window rules on every kind of route."""

from __future__ import annotations

import pytest
from hallnode_util import LiveNode, status_of
from sqlalchemy import select

from hallclient.cli import main as cli_main
from hallclient.hallnode.client import HallClient, HallNodeError
from hallclient.store.seed import DEMO_PASSWORD
from hallclient.store.tables import AuditLogRow, StaffRow, WindowRow


def test_login_binds_clerk_to_window_and_survives_restart(live: LiveNode) -> None:
    c = live.client()
    out = c.login("1001", DEMO_PASSWORD, window_no=4)
    assert out["role"] == "clerk" and out["window_no"] == 4 and out["name"]
    assert c.me()["window_no"] == 4
    with live.node.store.read() as conn:
        clerk = conn.execute(select(WindowRow.__table__.c.clerk_id).where(WindowRow.__table__.c.no == 4)).scalar()
    assert clerk is not None
    assert status_of(c.call_next, 1) == 403  # not the window this login is bound to
    live.stop()
    live.start()
    assert c.me()["role"] == "clerk"  # sessions are stored (hashed) in the database
    assert {w["no"]: w["clerk"] for w in c.windows()}[4] == out["name"]
    c.logout()
    assert status_of(live.client(c.token).me) == 401


def test_default_window_and_wrong_password(live: LiveNode) -> None:
    c = live.client()
    assert c.login("1002", DEMO_PASSWORD)["window_no"] == 2  # the staff member's default window
    for staff_no, pw in (("1002", "nope"), ("no-such", "x")):
        with pytest.raises(HallNodeError) as err:
            c.login(staff_no, pw)
        assert err.value.status == 401 and "wrong staff number or password" in str(err.value)


def test_lockout_after_five_failures_for_fifteen_minutes(live: LiveNode, clock) -> None:
    c = live.client()
    for _ in range(5):
        assert status_of(c.login, "1003", "bad") == 401
    with pytest.raises(HallNodeError) as err:
        c.login("1003", DEMO_PASSWORD)  # even the right password
    assert err.value.status == 423 and "locked" in str(err.value)
    clock.advance(minutes=16)
    assert c.login("1003", DEMO_PASSWORD)["role"] == "clerk"
    with live.node.store.read() as conn:
        row = conn.execute(select(StaffRow.__table__).where(StaffRow.__table__.c.staff_no == "1003")).one()
        actions = [r.action for r in conn.execute(select(AuditLogRow.__table__))]
    assert row.failed_logins == 0 and row.password_hash.startswith("$argon2")
    assert actions.count("login_failed") == 5


def test_no_or_bad_token_is_401(live: LiveNode) -> None:
    assert status_of(live.client().categories) == 401
    assert status_of(live.client("x" * 43).categories) == 401
    assert status_of(live.client("x" * 5000).categories) == 401


def test_clerk_cannot_switch_or_act_for_another_window(live: LiveNode, kiosk: HallClient) -> None:
    clerk1 = live.client(live.token("1001", 1))
    clerk2 = live.client(live.token("1002", 2))
    t = kiosk.issue("SSDJ")["ticket"]
    called = clerk1.call_next(1)
    assert called["id"] == t["id"]
    assert status_of(clerk1.switch_window, 1, ["SB"]) == 403
    assert status_of(clerk2.recall, t["id"]) == 403
    assert status_of(clerk2.finish, t["id"]) == 403
    assert status_of(clerk2.transfer, t["id"], to_category="SB") == 403
    assert status_of(clerk2.pause, 1) == 403
    assert status_of(clerk2.flag_green, t["id"], "elderly") == 403
    assert clerk1.recall(t["id"])["recall_count"] == 1
    unbound = live.client(live.token("1029"))  # no default window
    assert status_of(unbound.call_next, 1) == 403


def test_display_reads_only_and_kiosk_only_issues(live: LiveNode, kiosk: HallClient, display: HallClient) -> None:
    assert display.hall_status()["windows"]
    assert display.categories() and display.items("SB") and display.windows()
    assert status_of(display.tickets) == 200
    assert status_of(display.issue, "SB") == 403
    assert status_of(display.call_next, 1) == 403
    assert status_of(display.pause, 1) == 403
    assert status_of(display.switch_window, 1, ["SB"]) == 403
    assert status_of(display.alerts) == 403
    assert kiosk.issue("SB")["number"].startswith("C")
    assert status_of(kiosk.call_next, 1) == 403
    assert status_of(kiosk.tickets) == 403
    assert kiosk.hall_status()["categories"]
    assert status_of(kiosk.alerts) == 403


def test_only_supervisor_switches_and_it_is_audited(live: LiveNode, supervisor: HallClient) -> None:
    out = supervisor.switch_window(5, ["SB", "YB"], ["GJJ"], reason="社保高峰")
    assert out["after"] == {"primary": ["SB", "YB"], "secondary": ["GJJ"]}
    with live.node.store.read() as conn:
        audit = [r for r in conn.execute(select(AuditLogRow.__table__)) if r.action == "tidal_switch"]
    assert audit and audit[-1].actor == "supervisor:1031"
    assert status_of(supervisor.switch_window, 5, ["NOPE"]) == 422
    assert status_of(supervisor.switch_window, 5, ["SB"], ["SB"]) == 422
    assert status_of(supervisor.switch_window, 999, ["SB"]) == 404


def test_device_cli_add_list_revoke(live: LiveNode, capsys) -> None:
    db = str(live.db)
    assert cli_main(["--db", db, "device", "add", "入口取号机1", "--role", "kiosk"]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    k = live.client(token)
    assert k.me()["role"] == "kiosk"
    assert cli_main(["--db", db, "device", "list"]) == 0
    assert "入口取号机1" in capsys.readouterr().out
    assert cli_main(["--db", db, "device", "add", "入口取号机1", "--role", "kiosk"]) == 2
    assert cli_main(["--db", db, "device", "revoke", "入口取号机1"]) == 0
    live.node.tokens.drop(token)  # the node caches tokens for 5 s; a revoke from another process waits that out
    assert status_of(k.me) == 401
    assert cli_main(["--db", db, "device", "add", "入口取号机1", "--role", "display"]) == 0  # name reusable
    capsys.readouterr()
