"""Node refusals shown to a clerk: a translated lead-in for the kind of refusal, then the node's detail."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

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


def test_a_coded_refusal_is_said_in_full_in_the_users_language(qapp: Any) -> None:
    exc = HallNodeError(404, "no appointment with code 'YY0099'", "unknown_appointment", {"appointment": "YY0099"})
    assert describe(exc) == "未找到预约码 YY0099，请核对后重新输入"
    done = HallNodeError(409, "appointment YY0002 is already checked_in", "appointment_already_checked_in",
                         {"appointment": "YY0002", "number": "C001"})
    try:
        install_language("en", qapp)
        assert describe(exc) == "No booking with code YY0099; please check it and try again"
        assert describe(done) == "Booking YY0002 is already checked in: number C001"
    finally:
        install_language("zh_CN", qapp)
    # a code this client does not know, or values that do not fit its sentence: the status lead-in and the detail
    assert describe(HallNodeError(409, "window 3 is paused", "window_paused", {})) == (
        "当前状态不允许此操作：window 3 is paused")
    assert describe(HallNodeError(404, "no appointment", "unknown_appointment", {})) == (
        "找不到要操作的对象：no appointment")


def test_every_refusal_code_has_an_english_sentence(qapp: Any) -> None:
    from hallclient.ui.common.errors import SENTENCES

    try:
        install_language("en", qapp)
        for code, template in SENTENCES.items():
            english = QCoreApplication.translate("NodeErrors", template)
            assert english != template and not any("\u4e00" <= ch <= "\u9fff" for ch in english), code
    finally:
        install_language("zh_CN", qapp)
