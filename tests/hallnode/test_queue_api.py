"""The ticket life cycle over HTTP, and bad payloads answered with a 4xx naming the field."""

from __future__ import annotations

import uuid

import httpx
import pytest
from hallnode_util import LiveNode

from hallclient.hallnode.client import HallClient, HallNodeError


def err(fn, *a, **kw) -> HallNodeError:
    with pytest.raises(HallNodeError) as e:
        fn(*a, **kw)
    return e.value


def test_life_cycle(live: LiveNode, kiosk: HallClient) -> None:
    clerk = live.client(live.token("1005", 5))  # window 5 serves SB in the demo hall
    sub = clerk.windows()[4]
    cat = sub["primary"][0]
    a = kiosk.issue(cat)
    b = kiosk.issue(cat)
    assert (a["people_ahead"], b["people_ahead"]) == (0, 1)
    t = clerk.call_next(5)
    assert t["id"] == a["ticket"]["id"] and t["status"] == "called" and t["window_no"] == 5
    assert err(clerk.call_next, 5).status == 409  # still has a called ticket
    assert clerk.recall(t["id"])["recall_count"] == 1
    assert clerk.start(t["id"])["status"] == "serving"
    assert clerk.finish(t["id"])["status"] == "finished"
    e = err(clerk.rate, t["id"], 1)
    assert e.status == 422 and "reason" in str(e)
    assert clerk.rate(t["id"], 5)["rating"] == 5
    assert err(clerk.rate, t["id"], 4).status == 409  # once only
    t2 = clerk.call_next(5)
    assert t2["id"] == b["ticket"]["id"]
    assert clerk.no_show(t2["id"])["status"] == "no_show"
    assert err(clerk.finish, t2["id"]).status == 409  # a no-show cannot be finished
    assert clerk.call_next(5) is None  # 204
    status = clerk.hall_status()
    assert {c["code"]: c["waiting"] for c in status["categories"]}[cat] == 0
    assert {w["no"]: w["state"] for w in status["windows"]}[5] == "idle"


def test_transfer_green_pause(live: LiveNode, kiosk: HallClient, supervisor: HallClient) -> None:
    clerk = live.client(live.token("1001", 1))
    cat1 = clerk.windows()[0]["primary"][0]
    old = kiosk.issue(cat1)["ticket"]
    kiosk.issue(cat1)
    green = kiosk.issue(cat1, green_reason="elderly")
    assert green["people_ahead"] == 0 and green["ticket"]["green_reason"] == "elderly"
    assert clerk.call_next(1)["id"] == green["ticket"]["id"]  # green channel first
    moved = clerk.transfer(green["ticket"]["id"], to_window=3, reason="需专窗")
    assert moved["status"] == "waiting" and moved["target_window"] == 3 and moved["transfer_count"] == 1
    assert clerk.call_next(1)["id"] == old["id"]
    flagged = clerk.flag_green(old["id"], "other", "孕早期")
    assert flagged["green_note"] == "孕早期"
    assert err(clerk.flag_green, old["id"], "elderly").status == 409  # already green
    e = err(supervisor.issue, cat1, green_reason="other")
    assert e.status == 422 and "note" in str(e)
    assert clerk.pause(1, "午休")["paused"] is True
    clerk.transfer(old["id"], to_category="SB")
    e = err(clerk.call_next, 1)
    assert e.status == 409 and "paused" in str(e)
    assert {w["no"]: w["state"] for w in supervisor.windows()}[1] == "paused"
    assert clerk.resume(1)["paused"] is False
    assert supervisor.call_next(3)["id"] == green["ticket"]["id"]  # supervisors act for any window


def test_list_and_get_tickets(live: LiveNode, kiosk: HallClient, supervisor: HallClient) -> None:
    for _ in range(3):
        kiosk.issue("SB")
    kiosk.issue("YB")
    assert len(supervisor.tickets(status="waiting", category="SB")) == 3
    one = supervisor.tickets(category="YB")[0]
    assert supervisor.ticket(one["id"])["number"] == one["number"]
    assert err(supervisor.ticket, uuid.uuid4()).status == 404
    assert err(supervisor.tickets, category="NOPE").status == 404
    assert err(supervisor.tickets, status="flying").status == 422


def test_appointment_and_items(live: LiveNode, kiosk: HallClient) -> None:
    items = kiosk.items("SB")
    assert items and all(i["category"] == "SB" and i["online_url"].startswith("http") for i in items)
    out = kiosk.issue("SB", item=items[0]["code"])
    assert out["ticket"]["item"] == items[0]["code"]
    assert err(kiosk.issue, "YB", item=items[0]["code"]).status == 409  # item of another category
    assert err(kiosk.issue, "SB", item="NO-SUCH").status == 404
    assert err(kiosk.items, "NOPE").status == 404
    assert err(kiosk.issue, None, appointment_code="NOPE").status == 404


@pytest.mark.parametrize(("method", "path", "body", "field", "code"), [
    ("POST", "/tickets", {}, "category", 422),
    ("POST", "/tickets", {"category": 5}, "category", 422),
    ("POST", "/tickets", {"category": "SB", "colour": "red"}, "colour", 422),
    ("POST", "/tickets", {"category": "SB", "green_channel": {"reason": "vip"}}, "reason", 422),
    ("POST", "/tickets", {"category": "x" * 500}, "category", 422),
    ("POST", "/tickets", {"category": "SB", "item": None, "appointment_code": ""}, "appointment_code", 422),
    ("POST", "/tickets", [1, 2], "body", 422),
    ("POST", "/windows/99999999999999999999999/call-next", None, "no", 422),
    ("POST", "/windows/-1/pause", None, "no", 422),
    ("POST", "/windows/abc/resume", None, "no", 422),
    ("POST", "/tickets/not-a-uuid/finish", None, "ticket_id", 422),
    ("POST", f"/tickets/{uuid.uuid4()}/finish", None, "no ticket", 404),
    ("POST", f"/tickets/{uuid.uuid4()}/rating", {"level": 10**30}, "level", 422),
    ("POST", f"/tickets/{uuid.uuid4()}/rating", {"level": "five"}, "level", 422),
    ("POST", f"/tickets/{uuid.uuid4()}/transfer", {"to_category": "SB", "to_window": 2}, "exactly one", 422),
    ("POST", f"/tickets/{uuid.uuid4()}/transfer", {}, "exactly one", 422),
    ("PUT", "/windows/1/categories", {"primary": []}, "primary", 422),
    ("PUT", "/windows/1/categories", {"primary": "SB"}, "primary", 422),
    ("GET", "/tickets?limit=0", None, "limit", 422),
    ("GET", "/tickets?limit=1e400", None, "limit", 422),
    ("POST", "/alerts/123/ack", None, "alert_id", 422),
    ("POST", "/auth/login", {"staff_no": "1001"}, "password", 422),
    ("POST", "/auth/login", {"staff_no": "1001", "password": "x", "window_no": 1e300}, "window_no", 422),
])
def test_bad_payloads_name_the_field(live: LiveNode, method: str, path: str, body, field: str, code: int) -> None:
    token = live.token("9001")
    with httpx.Client(base_url=live.url + "/api/v1", headers={"Authorization": f"Bearer {token}"}) as h:
        r = h.request(method, path, json=body) if body is not None else h.request(method, path)
    assert r.status_code == code, r.text
    assert field in r.json()["detail"]


@pytest.mark.parametrize("raw", [b'{"category": "SB"', b"\xff\xfe", b'{"category": "\\ud800"}', b"null", b"1e999999"])
def test_malformed_bodies_are_4xx(live: LiveNode, raw: bytes) -> None:
    token = live.device_token("kiosk")
    with httpx.Client(base_url=live.url + "/api/v1") as h:
        r = h.post("/tickets", content=raw, headers={"Authorization": f"Bearer {token}",
                                                     "Content-Type": "application/json"})
    assert 400 <= r.status_code < 500, r.text
