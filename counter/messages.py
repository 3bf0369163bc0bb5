"""Errors as one calm line in the clerk's language.

Codes of the core's engine are translated by `common.qt.messages`; the codes of logging in and
managing the hall are translated here. Anything else shows the language's half of the core's
bilingual message ("中文 / English").
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from common.errors import HallqError
from common.qt.i18n import QT_TRANSLATE_NOOP
from common.qt.messages import user_message
from common.staff import Locked, WindowTaken
from counter import texts

log = logging.getLogger(__name__)

CODES = {
    "bad_login": QT_TRANSLATE_NOOP("counter", "工号或密码不对。"),
    "disabled": QT_TRANSLATE_NOOP("counter", "这个账号已停用，请联系管理员。"),
    "window_required": QT_TRANSLATE_NOOP("counter", "请选择窗口。"),
    "forbidden": QT_TRANSLATE_NOOP("counter", "没有权限。"),
    "window_in_use": QT_TRANSLATE_NOOP("counter", "这个窗口正在办理业务，请办结后再停用。"),
    "self": QT_TRANSLATE_NOOP("counter", "不能停用或降级自己的账号。"),
    "answered": QT_TRANSLATE_NOOP("counter", "这条意见已经答复过了。"),
    "empty_answer": QT_TRANSLATE_NOOP("counter", "请填写答复。"),
}


def one_language(message: str) -> str:
    """The Chinese or English half of a core message written as "中文 / English"."""
    if " / " not in message:
        return message
    zh, en = message.split(" / ", 1)
    return en if texts.english() else zh


def message_for(error: BaseException) -> str:
    """The line to show; an unexpected error is logged with its traceback, never shown."""
    if not isinstance(error, HallqError):
        log.error("counter operation failed", exc_info=error)
    if isinstance(error, Locked):
        text = QCoreApplication.translate(
            "counter", "登录失败次数过多，账号已锁定，请 %1 分钟后再试。"
        )
        return text.replace("%1", str(error.minutes_left))
    if isinstance(error, WindowTaken):
        text = QCoreApplication.translate("counter", "%1 号窗口已由 %2 登录。")
        return text.replace("%1", str(error.window)).replace("%2", error.holder_name)
    if isinstance(error, HallqError) and error.code in CODES:
        return QCoreApplication.translate("counter", CODES[error.code])
    return one_language(user_message(error))
