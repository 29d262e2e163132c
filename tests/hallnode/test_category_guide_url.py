"""GET /categories carries each category's own guide link (`guide_url`), empty when it has none."""

from __future__ import annotations

from hallnode_util import LiveNode
from sqlalchemy import update

from hallclient.hallnode.client import HallClient
from hallclient.hallnode.schemas import CategoryOut
from hallclient.store.tables import CategoryRow

CAT = CategoryRow.__table__
URL = "https://zwfw.example.com/guide/sb-new"


def test_categories_return_guide_url(live: LiveNode, display: HallClient) -> None:
    seeded = {c["code"]: c["guide_url"] for c in display.categories()}
    assert seeded["SB"] == "https://zwfw.example.com/guide/SB"  # the demo hall's link
    with live.node.store.write() as conn:
        conn.execute(update(CAT).where(CAT.c.code == "SB").values(guide_url=URL))
        conn.execute(update(CAT).where(CAT.c.code == "YB").values(guide_url=""))
    cats = {c["code"]: c for c in display.categories()}
    assert cats["SB"]["guide_url"] == URL and cats["YB"]["guide_url"] == ""  # empty: the category has none
    assert all(c["guide_url"] == seeded[code] for code, c in cats.items() if code not in ("SB", "YB"))
    assert all(CategoryOut.model_validate(c) for c in cats.values())


def test_openapi_documents_guide_url(live: LiveNode) -> None:
    schema = live.app.openapi()
    props = schema["components"]["schemas"]["CategoryOut"]["properties"]
    assert props["guide_url"]["type"] == "string"
