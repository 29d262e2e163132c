"""GET /categories carries each category's own guide link (`guide_url`), empty when it has none."""

from __future__ import annotations

from hallnode_util import LiveNode
from sqlalchemy import update

from hallclient.hallnode.client import HallClient
from hallclient.hallnode.schemas import CategoryOut
from hallclient.store.tables import CategoryRow

CAT = CategoryRow.__table__
URL = "https://zwfw.example.com/guide/SB"


def test_categories_return_guide_url(live: LiveNode, display: HallClient) -> None:
    assert {c["guide_url"] for c in display.categories()} == {""}  # seeded halls have none yet
    with live.node.store.write() as conn:
        conn.execute(update(CAT).where(CAT.c.code == "SB").values(guide_url=URL))
    cats = {c["code"]: c for c in display.categories()}
    assert cats["SB"]["guide_url"] == URL
    assert all(c["guide_url"] == "" for code, c in cats.items() if code != "SB")
    assert all(CategoryOut.model_validate(c) for c in cats.values())


def test_openapi_documents_guide_url(live: LiveNode) -> None:
    schema = live.app.openapi()
    props = schema["components"]["schemas"]["CategoryOut"]["properties"]
    assert props["guide_url"]["type"] == "string"
