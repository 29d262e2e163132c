"""Schemathesis against the published OpenAPI of a live hall node: no generated request may get a 5xx,
and every answer must match its documented schema. ~40 examples per operation (23+ operations) keeps the
run well under a minute while passing 1,000 cases."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hallnode_util import LiveNode
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from hallclient.hallnode.app import create_app
from hallclient.store.backup import backup_database

EXAMPLES_PER_OPERATION = 40
MIN_CASES = 1000
_count = {"cases": 0, "by_status": {}}
_lock = threading.Lock()


@pytest.fixture(scope="module")
def fuzz_node(tmp_path_factory: pytest.TempPathFactory, _demo_db_template: Path) -> Iterator[LiveNode]:
    db = backup_database(_demo_db_template, tmp_path_factory.mktemp("fuzz") / "hall.sqlite")
    node = LiveNode(db, None).start()
    node.admin_token = node.token("9001")  # type: ignore[attr-defined]
    kiosk = node.client(node.device_token("kiosk"))
    for cat in ("SSDJ", "SB", "YB"):  # something to call, finish, transfer
        for _ in range(10):
            kiosk.issue(cat)
    yield node
    node.close()


# The document the node publishes at /api/v1/openapi.json (test_published_schema checks they are the same).
# Built from the app object, because schemathesis' lazy fixture loader does not work with pytest 9.
PUBLISHED = create_app("unused.sqlite").openapi()
schema = schemathesis.openapi.from_dict(PUBLISHED)


def test_published_schema(fuzz_node: LiveNode) -> None:
    import httpx

    assert httpx.get(f"{fuzz_node.url}/api/v1/openapi.json").json() == PUBLISHED


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: schemathesis.Case, fuzz_node: LiveNode) -> None:
    # an admin may do everything, so the generated data reaches the handlers instead of stopping at 401/403
    token = fuzz_node.admin_token  # type: ignore[attr-defined]
    if case.operation.path == "/api/v1/auth/logout":  # would end the shared admin session
        token = fuzz_node.token("1031")
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}
    response = case.call(base_url=fuzz_node.url)
    key = f"{case.operation.label} {response.status_code}"
    with _lock:
        _count.setdefault("ops", {})[key] = _count.setdefault("ops", {}).get(key, 0) + 1
    with _lock:
        _count["cases"] += 1
        _count["by_status"][response.status_code] = _count["by_status"].get(response.status_code, 0) + 1
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])


def test_enough_cases_ran() -> None:
    """Runs after the generated tests (file order)."""
    if _count["cases"] == 0:
        pytest.skip("the generated tests were deselected")
    print(f"schemathesis: {_count['cases']} cases, status codes {sorted(_count['by_status'].items())}")
    print(sorted(_count["ops"].items()))
    assert _count["cases"] >= MIN_CASES
