from hallnode_util import LiveNode


def test_health_and_issue(live: LiveNode, kiosk) -> None:
    assert live.client().health()["status"] == "ok"
    out = kiosk.issue("SSDJ")
    assert out["number"] == "A001"
