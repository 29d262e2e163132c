"""What a failed call to the hall node means, in the clerk's language.

The node's `detail` names the ticket, window and field, but in English (the LAN API serves devices from
many vendors). The status says what kind of refusal it was, so a translated lead-in goes first and the
node's own words follow as the specifics.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hallclient.hallnode.client import HallNodeError, HallNodeUnavailable

_CONTEXT = "NodeErrors"
_LEAD = {
    401: QT_TRANSLATE_NOOP("NodeErrors", "登录已失效，请重新登录"),
    403: QT_TRANSLATE_NOOP("NodeErrors", "无权执行此操作"),
    404: QT_TRANSLATE_NOOP("NodeErrors", "找不到要操作的对象"),
    409: QT_TRANSLATE_NOOP("NodeErrors", "当前状态不允许此操作"),
    422: QT_TRANSLATE_NOOP("NodeErrors", "填写的内容有误"),
    429: QT_TRANSLATE_NOOP("NodeErrors", "操作过于频繁，请稍后再试"),
    503: QT_TRANSLATE_NOOP("NodeErrors", "大厅服务暂时不可用，请稍后重试"),
}


# A refusal with a stable code (`HallNodeError.code`) is said in full in the user's language, its `{name}`
# placeholders filled from the refusal's `values`.
SENTENCES: dict[str, str] = {
    "unknown_appointment": QT_TRANSLATE_NOOP("NodeErrors", "未找到预约码 {appointment}，请核对后重新输入"),
    "appointment_already_checked_in": QT_TRANSLATE_NOOP("NodeErrors", "预约 {appointment} 已签到，号码 {number}"),
    "appointment_not_bookable": QT_TRANSLATE_NOOP("NodeErrors", "预约 {appointment} 已取消或失效，请联系工作人员"),
}


def sentence(code: str | None, values: dict[str, object]) -> str | None:
    """The translated sentence of a refusal code, or None for a code (or values) this client does not know."""
    template = SENTENCES.get(code or "")
    if template is None:
        return None
    try:
        return QCoreApplication.translate(_CONTEXT, template).format(**values)
    except (KeyError, IndexError, ValueError):
        return None


def describe(exc: BaseException) -> str:
    """One line for a message box or banner: the refusal's own sentence when its code is known, else the
    translated kind of refusal, then the node's detail."""
    if isinstance(exc, HallNodeUnavailable):
        return QCoreApplication.translate("NodeErrors", "无法连接大厅服务，请检查网络后重试")
    if isinstance(exc, HallNodeError):
        known = sentence(exc.code, exc.values)
        if known is not None:
            return known
        status = exc.status if exc.status in _LEAD else (503 if exc.status >= 500 else 409)
        lead = QCoreApplication.translate(_CONTEXT, _LEAD[status])
        detail = str(exc).strip()
        return QCoreApplication.translate("NodeErrors", "{0}：{1}").format(lead, detail) if detail else lead
    return QCoreApplication.translate("NodeErrors", "操作失败：{0}").format(exc)


def login_failure(exc: BaseException, bad_credentials: tuple[int, ...] = (401,)) -> str:
    """Why a staff login failed: the node unreachable, wrong staff number or password (`bad_credentials`
    statuses), or any other refusal as `describe` puts it."""
    if isinstance(exc, HallNodeUnavailable):
        return QCoreApplication.translate("NodeErrors", "无法连接大厅服务，请稍后再试")
    if isinstance(exc, HallNodeError) and exc.status in bad_credentials:
        return QCoreApplication.translate("NodeErrors", "工号或密码不正确")
    return describe(exc)
