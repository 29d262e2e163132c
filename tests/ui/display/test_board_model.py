"""BoardModel with a fake clock: staleness from heartbeats over days of idling, day roll-over, snapshots that
arrive late, and no read-out of old calls replayed after a network cut."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hallclient.ui.display.model import BoardModel

CST = timezone(timedelta(hours=8))


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 1, 30, tzinfo=UTC)  # 09:30 in the hall

    def __call__(self) -> datetime:
        return self.now


def status(seq: int, waiting: int = 2, current: str | None = None) -> dict:
    return {"seq": seq, "categories": [{"code": "SB", "name": "社保", "waiting": waiting, "colour": "blue"}],
            "windows": [{"no": 3, "name": "3号窗口", "current_ticket": current,
                         "state": "calling" if current else "idle",
                         "is_open": True, "paused": False}]}


def ev(seq: int, kind: str, number: str, clock: Clock, window: int | None = 3, age_s: float = 0) -> dict:
    at = (clock() - timedelta(seconds=age_s)).astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"
    return {"seq": seq, "kind": kind, "at": at,
            "payload": {"number": number, "category": "SB", "category_name": "社保", "window_no": window,
                        "green": number.endswith("9")}}


def test_idle_for_days_with_heartbeats_is_never_stale_and_keeps_state() -> None:
    clock = Clock()
    m = BoardModel(clock=clock, local_tz=CST)
    m.load_status(status(10, waiting=4), "大厅")
    for _ in range(3 * 24 * 360):  # three days of heartbeats every 10 s
        clock.now += timedelta(seconds=10)
        m.heartbeat(10)
        assert not m.is_stale()
    assert m.categories["SB"].waiting == 4 or m.needs_snapshot  # a new day asks for fresh counts
    assert m.needs_snapshot  # days have rolled over: refetch
    m.load_status(status(10, waiting=0), "大厅")
    assert not m.needs_snapshot and not m.is_stale()


def test_silence_makes_the_board_stale_not_empty() -> None:
    clock = Clock()
    m = BoardModel(clock=clock, local_tz=CST)
    m.load_status(status(5, current="C001"), "大厅")
    clock.now += timedelta(seconds=30)
    assert not m.is_stale()
    clock.now += timedelta(seconds=30)
    assert m.is_stale()
    assert m.windows[3].current == "C001" and m.categories["SB"].waiting == 2  # still shown (greyed)


def test_heartbeat_ahead_of_us_asks_for_a_snapshot() -> None:
    clock = Clock()
    m = BoardModel(clock=clock)
    m.load_status(status(5))
    m.heartbeat(5)
    assert not m.needs_snapshot
    m.heartbeat(9)
    assert m.needs_snapshot


def test_new_day_clears_yesterdays_calls() -> None:
    clock = Clock()
    m = BoardModel(clock=clock, local_tz=CST)
    m.load_status(status(1))
    assert m.apply(ev(2, "called", "C001", clock)) is not None
    clock.now = datetime(2026, 11, 23, 15, 59, tzinfo=UTC)  # 23:59 in the hall
    m.tick()
    assert m.calls
    clock.now += timedelta(minutes=2)
    assert m.tick()
    assert not m.calls and m.needs_snapshot


def test_late_snapshot_does_not_roll_back_newer_events() -> None:
    clock = Clock()
    m = BoardModel(clock=clock)
    m.load_status(status(10, waiting=2))
    m.apply(ev(11, "issued", "C003", clock, window=None))
    m.apply(ev(12, "called", "C001", clock))
    assert m.categories["SB"].waiting == 2 and m.windows[3].current == "C001"
    m.load_status(status(11, waiting=3))  # taken after 11, before 12
    assert m.categories["SB"].waiting == 2 and m.windows[3].current == "C001"


def test_calls_recalls_highlight_and_old_replays_are_not_announced() -> None:
    clock = Clock()
    m = BoardModel(clock=clock, max_calls=3)
    m.load_status(status(0))
    for i in range(1, 6):
        assert m.apply(ev(i, "called", f"C00{i}", clock)) is not None
    assert [c.number for c in m.calls] == ["C005", "C004", "C003"]
    recall = m.apply(ev(6, "recalled", "C003", clock))
    assert recall is not None and recall.recall and [c.number for c in m.calls] == ["C003", "C005", "C004"]
    assert m.highlighted(m.calls[0])
    clock.now += timedelta(seconds=9)
    assert not m.highlighted(m.calls[0])
    assert m.apply(ev(7, "called", "C009", clock, age_s=600)) is None  # replayed after a cut: shown, not spoken
    assert m.calls[0].number == "C009" and m.calls[0].green


def test_a_window_nobody_is_at_is_closed() -> None:
    m = BoardModel(clock=Clock(), local_tz=CST)
    s = status(5)
    s["windows"].append({"no": 4, "name": "4号窗口", "current_ticket": None, "state": "closed", "is_open": True,
                         "paused": False, "staffed": False})
    s["windows"].append({"no": 5, "name": "5号窗口", "current_ticket": "A007", "state": "serving", "is_open": True,
                         "paused": False, "staffed": False})  # the clerk left, the ticket stays: still shown
    m.load_status(s, "大厅")
    assert m.windows[3].is_open and not m.windows[4].is_open and m.windows[5].is_open
