"""Down: reference releases apply atomically; corrupted, truncated or malformed ones are rejected and the
release in force stays."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, update

from hallclient.store import open_store
from hallclient.store.sync_tables import HolidayRow
from hallclient.store.tables import AppointmentRow, CategoryRow, ServiceItemRow, StaffRow
from hallclient.sync import pull
from hallclient.sync.central_tables import ref_release
from hallclient.sync.run import run_sync

CAT = CategoryRow.__table__


class Crash(BaseException):
    pass


def _state(store: Any) -> dict[str, Any]:
    with store.read() as conn:
        return {
            "cats": sorted(tuple(r) for r in conn.execute(select(CAT.c.code, CAT.c.prefix, CAT.c.yellow_after_min,
                                                                 CAT.c.red_after_min, CAT.c.active))),
            "items": sorted(tuple(r) for r in conn.execute(select(ServiceItemRow.__table__.c.code,
                                                                  ServiceItemRow.__table__.c.active))),
            "staff": sorted(tuple(r) for r in conn.execute(select(StaffRow.__table__.c.staff_no,
                                                                  StaffRow.__table__.c.active))),
            "appts": sorted(r[0] for r in conn.execute(select(AppointmentRow.__table__.c.code))),
            "holidays": sorted(str(r[0]) for r in conn.execute(select(HolidayRow.__table__.c.day))),
            "version": pull.applied_version(store),
        }


def _release_v2(base: dict[str, Any]) -> dict[str, Any]:
    data = dict(base)
    data["categories"] = [dict(c) for c in base["categories"]]
    data["categories"][0]["red_after_min"] = 40  # SLA threshold changed centrally
    data["categories"].append({"code": "GJJ", "name": "公积金", "prefix": "C", "yellow_after_min": 10,
                               "red_after_min": 30})
    data["items"] = [*base["items"], {"code": "GJJ-1", "category": "GJJ", "name": "公积金提取",
                                      "online_url": "https://zwfw.example.com/g/GJJ-1", "steps": ["取号", "办理"]}]
    data["staff"] = [dict(s, active=False) if s["staff_no"] == "1001" else s for s in base["staff"]] + [
        {"staff_no": "2001", "name": "李四", "role": "supervisor", "password_hash": "$argon2id$v=19$m=65536$x$y"}]
    data["appointments"] = [{"code": "YY0001", "category": "GJJ", "item": "GJJ-1",
                             "slot_start": "2026-11-24T01:00:00", "slot_end": "2026-11-24T01:30:00",
                             "masked_name": "王*"}]
    data["tidal_plans"] = [{"name": "午间社保", "days": [1, 2, 3, 4, 5], "start": "11:30", "end": "13:30",
                            "windows": [2], "primary": ["SB"], "secondary": []}]
    data["holidays"] = [{"day": "2027-01-01", "name": "元旦", "kind": "holiday"},
                        {"day": "2027-02-07", "name": "春节调休", "kind": "workday"}]
    return data


def test_release_applies_then_bad_ones_are_rejected(central: Engine, hall_paths: tuple[Path, Path]) -> None:
    store = open_store(hall_paths[0])
    try:
        base = pull.export_release(store)
        v1 = pull.publish_release(central, store.hall_id, _release_v2(base), note="tidal plan and GJJ")
        report = run_sync(store, engine=central, backup=False)
        assert report.ok and report.release_after == v1 == 1, report.format()
        good = _state(store)
        assert ("SB", "A", 10, 40, True) in good["cats"] and ("GJJ", "C", 10, 30, True) in good["cats"]
        assert ("1001", False) in good["staff"] and ("2001", True) in good["staff"]
        assert good["appts"] == ["YY0001"] and good["holidays"] == ["2027-01-01", "2027-02-07"]

        # v2: corrupted in storage (one byte changed) -> rejected
        bad = _release_v2(base)
        bad["categories"][0]["red_after_min"] = 50
        v2 = pull.publish_release(central, store.hall_id, bad)
        with central.begin() as conn:
            payload = conn.execute(select(ref_release.c.payload).where(ref_release.c.version == v2)).scalar_one()
            conn.execute(update(ref_release).where(ref_release.c.version == v2)
                         .values(payload=payload.replace('"red_after_min":50', '"red_after_min":51')))
        report = run_sync(store, engine=central, backup=False)
        assert not report.ok and report.release_rejected and "checksum" in report.release_rejected
        assert _state(store) == good

        # v3: half-downloaded (truncated) -> rejected
        v3 = pull.publish_release(central, store.hall_id, bad)
        with central.begin() as conn:
            payload = conn.execute(select(ref_release.c.payload).where(ref_release.c.version == v3)).scalar_one()
            conn.execute(update(ref_release).where(ref_release.c.version == v3)
                         .values(payload=payload[: len(payload) // 2]))
        report = run_sync(store, engine=central, backup=False)
        assert report.release_rejected and "incomplete" in report.release_rejected
        assert _state(store) == good

        # v4: a download cut mid-way by the network (fetched bytes shorter than announced)
        v4 = pull.publish_release(central, store.hall_id, bad)

        def cut(engine: Engine, hall_id: Any, after: int) -> pull.ReleaseBlob | None:
            blob = pull.fetch_latest(engine, hall_id, after)
            assert blob is not None
            return pull.ReleaseBlob(blob.version, blob.checksum, blob.size, blob.payload[:100])

        got = pull.pull(store, central, download=cut)
        assert got.rejected and got.version_after == 1 and _state(store) == good

        # a crash half-way through applying: the one hall transaction rolls back
        def crash(point: str) -> None:
            if point == "pull_mid_apply":
                raise Crash(point)

        with pytest.raises(Crash):
            pull.pull(store, central, fault_hook=crash)
        assert _state(store) == good

        # and a sound release goes through
        report = run_sync(store, engine=central, backup=False)
        assert report.ok and report.release_after == v4, report.format()
        assert ("SB", "A", 10, 50, True) in _state(store)["cats"]
    finally:
        store.close()


@pytest.mark.parametrize("breakage", ["unknown category", "plain password", "bad prefix", "yellow after red"])
def test_malformed_release_cannot_be_published_or_applied(breakage: str, hall_paths: tuple[Path, Path]) -> None:
    store = open_store(hall_paths[0])
    try:
        data = pull.export_release(store)
        if breakage == "unknown category":
            data["items"][0]["category"] = "NOPE"
        elif breakage == "plain password":
            data["staff"][0]["password_hash"] = "demo1234"
        elif breakage == "bad prefix":
            data["categories"][1]["prefix"] = data["categories"][0]["prefix"]
        else:
            data["categories"][0]["yellow_after_min"] = 99
        with pytest.raises(pull.ReleaseError):
            pull.validate(data)
        payload = pull.canonical_json(data)
        blob = pull.ReleaseBlob(1, pull.sha256(payload), len(payload), payload)
        with pytest.raises(pull.ReleaseError):
            pull.verify(blob)
    finally:
        store.close()


def test_checksum_is_over_canonical_json() -> None:
    a = {"b": [1, 2], "a": "社保"}
    b = {"a": "社保", "b": [1, 2]}
    assert pull.canonical_json(a) == pull.canonical_json(b) == '{"a":"社保","b":[1,2]}'.encode()


def _guide_urls(store: Any) -> dict[str, str]:
    with store.read() as conn:
        return dict(conn.execute(select(CAT.c.code, CAT.c.guide_url)).all())


def test_category_guide_url_travels_in_releases(central: Engine, hall_paths: tuple[Path, Path]) -> None:
    store = open_store(hall_paths[0])
    try:
        base = pull.export_release(store)
        assert all(c["guide_url"] == "" for c in base["categories"])  # export carries the field
        url = "https://zwfw.example.com/guide/SB"
        data = dict(base, categories=[dict(c, guide_url=url) if c["code"] == "SB" else c for c in base["categories"]])
        data["categories"].append({"code": "GJJ", "name": "公积金", "prefix": "C", "yellow_after_min": 10,
                                   "red_after_min": 30, "guide_url": "https://zwfw.example.com/guide/GJJ"})
        pull.publish_release(central, store.hall_id, data)
        report = run_sync(store, engine=central, backup=False)
        assert report.ok, report.format()
        assert _guide_urls(store) == {"SB": url, "YB": "", "GJJ": "https://zwfw.example.com/guide/GJJ"}
        assert {c["code"]: c["guide_url"] for c in pull.export_release(store)["categories"]}["SB"] == url

        # a release from central tooling that predates the field is still valid and keeps the hall's links
        old = dict(data, categories=[{k: v for k, v in c.items() if k != "guide_url"} for c in data["categories"]])
        old["categories"][1]["red_after_min"] = 45
        pull.validate(old)
        v = pull.publish_release(central, store.hall_id, old)
        report = run_sync(store, engine=central, backup=False)
        assert report.ok and report.release_after == v, report.format()
        assert ("YB", "B", 10, 45, True) in _state(store)["cats"]
        assert _guide_urls(store)["SB"] == url

        # an explicit empty link clears it
        cleared = dict(data, categories=[dict(c, guide_url="") for c in data["categories"]])
        pull.publish_release(central, store.hall_id, cleared)
        assert run_sync(store, engine=central, backup=False).ok
        assert set(_guide_urls(store).values()) == {""}
    finally:
        store.close()


@pytest.mark.parametrize(("url", "text"), [
    ("http://zwfw.example.com/guide/SB", "https://"),
    ("https://zwfw.example.com/g?id=11010519491231002X", "personal ID"),
    ("https://zwfw.example.com/" + "a" * 300, "too long"),
    (42, "not text"),
])
def test_release_with_a_bad_category_guide_url_is_rejected(url: Any, text: str, hall_paths: tuple[Path, Path]) -> None:
    store = open_store(hall_paths[0])
    try:
        data = pull.export_release(store)
        data["categories"][0]["guide_url"] = url
        with pytest.raises(pull.ReleaseError, match=text) as info:
            pull.validate(data)
        assert f"category {data['categories'][0]['code']}: guide_url" in str(info.value)
        payload = pull.canonical_json(data)
        before = _guide_urls(store)
        with pytest.raises(pull.ReleaseError):
            pull.verify(pull.ReleaseBlob(1, pull.sha256(payload), len(payload), payload))
        assert _guide_urls(store) == before
    finally:
        store.close()
