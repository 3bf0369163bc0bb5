"""Engine errors as messages in the user's language.

The core's errors carry a stable `code`; the apps show the translated text for it and fall
back to the core's own bilingual message for codes not listed here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from common.errors import HallqError


def _t(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def user_message(error: BaseException) -> str:
    """One calm sentence for the person at the screen; never a traceback."""
    if not isinstance(error, HallqError):
        return _t("系统出了点问题，请稍后再试或联系工作人员。")
    texts = {
        "unknown_service": _t("没有这项业务。"),
        "inactive": _t("这项业务暂停办理。"),
        "closed": _t("这项业务现在不在办理时间。"),
        "daily_limit": _t("这项业务今日号码已取完。"),
        "paused": _t("本窗口暂停服务中。"),
        "window_busy": _t("请先办结或过号当前客户。"),
        "empty": _t("没有等候的客户。"),
        "no_current": _t("当前没有客户。"),
        "wrong_state": _t("当前状态不能这样操作。"),
        "bad_token": _t("无法识别这个二维码，请扫描小票上的二维码。"),
        "forged_token": _t("二维码无效，请扫描本厅小票上的二维码。"),
        "other_hall": _t("这张小票不是本营业厅的。"),
        "unknown_ticket": _t("找不到这个号码。"),
        "bad_code": _t("号码或校验码不对，请核对小票。"),
        "not_finished": _t("业务办结后才能评价。"),
        "too_old": _t("这张小票的评价期已过。"),
        "rated": _t("这张小票已经评价过了，谢谢！"),
        "db_unavailable": _t("暂时连不上数据库，请稍候。"),
        "no_schema": _t("数据库尚未初始化，请联系管理员。"),
        "old_schema": _t("数据库需要升级，请联系管理员。"),
        "bad_phone": _t("电话号码格式不对。"),
        "empty_text": _t("请填写内容。"),
        "not_waiting": _t("这个号码现在不在等候。"),
        "none_parked": _t("没有挂起的客户。"),
        "too_late": _t("过号时间太久，请重新取号。"),
        "not_no_show": _t("这个号码不是过号。"),
        "already_paused": _t("本窗口已在暂停中。"),
        "not_paused": _t("本窗口没有暂停。"),
        "same_window": _t("不能转移到本窗口。"),
        "no_target": _t("请选择转移到的业务或窗口。"),
        "window_closed": _t("这个窗口已停用。"),
        "unknown_window": _t("没有这个窗口。"),
        "unknown_staff": _t("没有这位工作人员。"),
    }
    return texts.get(error.code, error.message)
