"""What the kiosk and the board need at first contact: an appointment's slot, service and masked name before
check-in (with coded refusals), and each board's voice state in the hall status."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hallnode_util import LiveNode
from sqlalchemy import select

from hallclient.hallnode.client import HallClient, HallNodeError
from hallclient.hallnode.displays import STALE_AFTER
from hallclient.store.tables import HallEventRow


def test_appointment_lookup_before_check_in(live: LiveNode, kiosk: HallClient, supervisor: HallClient) -> None:
    appt = kiosk.appointment("YY0001")
    assert (appt["code"], appt["status"], appt["masked_name"], appt["category"], appt["item"]) == (
        "YY0001", "booked", "陈*", "SSDJ", "SSDJ-001")
    assert appt["item_name"] and appt["category_name"] and appt["number"] is None
    start = datetime.fromisoformat(appt["slot_start"])  # the hall's wall time, with its offset
    assert (start.hour, start.minute, start.utcoffset()) == (9, 0, timedelta(hours=8))
    assert datetime.fromisoformat(appt["slot_end"]) - start == timedelta(minutes=30)
    assert supervisor.tickets() == []  # looking is not checking in
    issued = kiosk.issue(None, appointment_code="YY0001")
    again = kiosk.appointment("YY0001")
    assert again["status"] == "checked_in" and again["number"] == issued["number"]


def test_appointment_refusals_carry_codes(live: LiveNode, kiosk: HallClient, display: HallClient) -> None:
    with pytest.raises(HallNodeError) as unknown:
        kiosk.appointment("YY9999")
    assert (unknown.value.status, unknown.value.code, unknown.value.values) == (
        404, "unknown_appointment", {"appointment": "YY9999"})
    with pytest.raises(HallNodeError) as unknown_issue:
        kiosk.issue(None, appointment_code="YY9999")
    assert unknown_issue.value.code == "unknown_appointment"
    first = kiosk.issue(None, appointment_code="YY0002")
    with pytest.raises(HallNodeError) as twice:
        kiosk.issue(None, appointment_code="YY0002")
    assert (twice.value.status, twice.value.code, twice.value.values) == (
        409, "appointment_already_checked_in", {"appointment": "YY0002", "number": first["number"]})
    with pytest.raises(HallNodeError) as role:
        display.appointment("YY0003")  # a board has no business with bookings
    assert role.value.status == 403


def _display_events(live: LiveNode) -> list[dict]:
    with live.node.store.read() as conn:
        return list(conn.execute(select(HallEventRow.__table__.c.payload)
                                 .where(HallEventRow.__table__.c.kind == "display_changed")).scalars())


def test_boards_report_their_voice_and_the_status_lists_them(live: LiveNode, display: HallClient,
                                                             supervisor: HallClient, kiosk: HallClient,
                                                             clock) -> None:
    assert supervisor.hall_status()["displays"] == []
    me = display.report_voice("off", "display/voice is off in this PC's settings")
    assert me["voice"] == "off" and not me["stale"]
    listed = supervisor.hall_status()["displays"]
    assert [(d["name"], d["voice"], d["stale"]) for d in listed] == [(me["name"], "off", False)]
    assert _display_events(live) == [{"name": me["name"], "voice": "off"}]
    display.report_voice("off", "display/voice is off in this PC's settings")  # the minute's report: no event
    assert len(_display_events(live)) == 1
    display.report_voice("chime", "no Chinese voice (speechd: no Mandarin voice among 3)")
    assert [e["voice"] for e in _display_events(live)] == ["off", "chime"]
    clock.advance(seconds=STALE_AFTER.total_seconds() + 1)
    assert supervisor.hall_status()["displays"][0]["stale"]  # the board went quiet
    display.report_voice("chime")
    assert not supervisor.hall_status()["displays"][0]["stale"] and len(_display_events(live)) == 3  # back
    clock.advance(hours=25)
    assert kiosk.hall_status()["displays"] == []  # a board gone for a day is forgotten


def test_only_a_display_reports_a_voice_and_only_a_known_state(live: LiveNode, kiosk: HallClient,
                                                                display: HallClient) -> None:
    with pytest.raises(HallNodeError) as role:
        kiosk.report_voice("on")
    assert role.value.status == 403
    with pytest.raises(HallNodeError) as bad:
        display.report_voice("loud")
    assert bad.value.status == 422 and "body.voice" in str(bad.value)
    with pytest.raises(HallNodeError) as control:
        display.report_voice("on", "espeak\x1b[31m")
    assert control.value.status == 422 and "body.detail" in str(control.value)
