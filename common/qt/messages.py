"""Engine errors as messages in the user's language.

The core's errors carry a stable `code`; the apps show the translated text for it and fall
back to the core's own bilingual message for codes not listed here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from common.errors import HallqError


def user_message(error: BaseException) -> str:
    """One calm sentence for the person at the screen; never a traceback."""
    if not isinstance(error, HallqError):
        return QCoreApplication.translate("messages", "系统出了点问题，请稍后再试或联系工作人员。")
    texts = {
        "unknown_service": QCoreApplication.translate("messages", "没有这项业务。"),
        "inactive": QCoreApplication.translate("messages", "这项业务暂停办理。"),
        "closed": QCoreApplication.translate("messages", "这项业务现在不在办理时间。"),
        "daily_limit": QCoreApplication.translate("messages", "这项业务今日号码已取完。"),
        "paused": QCoreApplication.translate("messages", "本窗口暂停服务中。"),
        "window_busy": QCoreApplication.translate("messages", "请先办结或过号当前客户。"),
        "empty": QCoreApplication.translate("messages", "没有等候的客户。"),
        "no_current": QCoreApplication.translate("messages", "当前没有客户。"),
        "wrong_state": QCoreApplication.translate("messages", "当前状态不能这样操作。"),
        "bad_token": QCoreApplication.translate(
            "messages", "无法识别这个二维码，请扫描小票上的二维码。"
        ),
        "forged_token": QCoreApplication.translate(
            "messages", "二维码无效，请扫描本厅小票上的二维码。"
        ),
        "other_hall": QCoreApplication.translate("messages", "这张小票不是本营业厅的。"),
        "unknown_ticket": QCoreApplication.translate("messages", "找不到这个号码。"),
        "bad_code": QCoreApplication.translate("messages", "号码或校验码不对，请核对小票。"),
        "not_finished": QCoreApplication.translate("messages", "业务办结后才能评价。"),
        "too_old": QCoreApplication.translate("messages", "这张小票的评价期已过。"),
        "rated": QCoreApplication.translate("messages", "这张小票已经评价过了，谢谢！"),
        "db_unavailable": QCoreApplication.translate("messages", "暂时连不上数据库，请稍候。"),
        "no_schema": QCoreApplication.translate("messages", "数据库尚未初始化，请联系管理员。"),
        "old_schema": QCoreApplication.translate("messages", "数据库需要升级，请联系管理员。"),
        "bad_phone": QCoreApplication.translate("messages", "电话号码格式不对。"),
        "empty_text": QCoreApplication.translate("messages", "请填写内容。"),
        "not_waiting": QCoreApplication.translate("messages", "这个号码现在不在等候。"),
        "none_parked": QCoreApplication.translate("messages", "没有挂起的客户。"),
        "too_late": QCoreApplication.translate("messages", "过号时间太久，请重新取号。"),
        "not_no_show": QCoreApplication.translate("messages", "这个号码不是过号。"),
        "already_paused": QCoreApplication.translate("messages", "本窗口已在暂停中。"),
        "not_paused": QCoreApplication.translate("messages", "本窗口没有暂停。"),
        "same_window": QCoreApplication.translate("messages", "不能转移到本窗口。"),
        "no_target": QCoreApplication.translate("messages", "请选择转移到的业务或窗口。"),
        "window_closed": QCoreApplication.translate("messages", "这个窗口已停用。"),
        "unknown_window": QCoreApplication.translate("messages", "没有这个窗口。"),
        "unknown_staff": QCoreApplication.translate("messages", "没有这位工作人员。"),
    }
    return texts.get(error.code, error.message)
