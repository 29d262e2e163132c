"""Node refusals shown to a clerk: a translated lead-in for the kind of refusal, then the node's detail."""

from __future__ import annotations

from typing import Any

from hallclient.hallnode.client import HallNodeError, HallNodeUnavailable
from hallclient.ui.common.errors import describe
from hallclient.ui.common.i18n import install_language


def test_chinese_by_default_with_the_nodes_detail(qapp: Any) -> None:
    install_language("zh_CN", qapp)
    msg = describe(HallNodeError(409, "window 3 still has ticket A012 (called)"))
    assert msg == "当前状态不允许此操作：window 3 still has ticket A012 (called)"
    assert describe(HallNodeError(403, "")) == "无权执行此操作"
    assert describe(HallNodeError(502, "bad gateway")).startswith("大厅服务暂时不可用")
    assert describe(HallNodeUnavailable("connection refused")) == "无法连接大厅服务，请检查网络后重试"


def test_english_when_the_app_speaks_english(qapp: Any) -> None:
    try:
        assert "common_en.qm" in install_language("en", qapp)
        assert describe(HallNodeError(422, "body.category: Field required")) == (
            "Invalid input: body.category: Field required")
    finally:
        install_language("zh_CN", qapp)
