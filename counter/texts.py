"""Names the counter shows for the core's codes (states, priorities, roles…), translated.

The tables hold Chinese source strings marked for `pyside6-lupdate`; `name()` translates them at
the moment of use, so a language switch needs no restart of this module.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from common.qt.i18n import QT_TRANSLATE_NOOP

CONTEXT = "counter"

WINDOW_STATES = {
    "idle": QT_TRANSLATE_NOOP("counter", "空闲"),
    "calling": QT_TRANSLATE_NOOP("counter", "叫号中"),
    "serving": QT_TRANSLATE_NOOP("counter", "办理中"),
    "paused": QT_TRANSLATE_NOOP("counter", "暂停"),
    "closed": QT_TRANSLATE_NOOP("counter", "停用"),
}
PRIORITIES = {
    "none": QT_TRANSLATE_NOOP("counter", "普通"),
    "elderly": QT_TRANSLATE_NOOP("counter", "老年人"),
    "disabled": QT_TRANSLATE_NOOP("counter", "残疾人"),
    "military": QT_TRANSLATE_NOOP("counter", "军烈属"),
    "pregnant": QT_TRANSLATE_NOOP("counter", "孕妇"),
    "vip": QT_TRANSLATE_NOOP("counter", "重点客户"),
    "appointment": QT_TRANSLATE_NOOP("counter", "预约"),
}
ROLES = {
    "clerk": QT_TRANSLATE_NOOP("counter", "柜员"),
    "supervisor": QT_TRANSLATE_NOOP("counter", "值班长"),
    "admin": QT_TRANSLATE_NOOP("counter", "管理员"),
}
# Outcome codes of 办结, stored on the ticket; the first is the default.
OUTCOMES = {
    "done": QT_TRANSLATE_NOOP("counter", "已办结"),
    "accepted": QT_TRANSLATE_NOOP("counter", "已受理，后续办理"),
    "docs_missing": QT_TRANSLATE_NOOP("counter", "资料不全，请补齐再来"),
    "inquiry": QT_TRANSLATE_NOOP("counter", "咨询已答复"),
    "referred": QT_TRANSLATE_NOOP("counter", "转后台处理"),
}
PAUSE_REASONS = (
    QT_TRANSLATE_NOOP("counter", "临时离开"),
    QT_TRANSLATE_NOOP("counter", "午间休息"),
    QT_TRANSLATE_NOOP("counter", "业务培训"),
    QT_TRANSLATE_NOOP("counter", "系统故障"),
    QT_TRANSLATE_NOOP("counter", "现场协助"),
)
FEEDBACK_CATEGORIES = {
    "complaint": QT_TRANSLATE_NOOP("counter", "投诉"),
    "suggestion": QT_TRANSLATE_NOOP("counter", "建议"),
    "praise": QT_TRANSLATE_NOOP("counter", "表扬"),
    "inquiry": QT_TRANSLATE_NOOP("counter", "咨询"),
}
FEEDBACK_STATUSES = {
    "open": QT_TRANSLATE_NOOP("counter", "待答复"),
    "answered": QT_TRANSLATE_NOOP("counter", "已答复"),
}
NOTICE_KINDS = {
    "outage": QT_TRANSLATE_NOOP("counter", "停电通知"),
    "tariff": QT_TRANSLATE_NOOP("counter", "电价公示"),
    "commitment": QT_TRANSLATE_NOOP("counter", "服务承诺"),
    "general": QT_TRANSLATE_NOOP("counter", "公告"),
}
ALERT_KINDS = {
    "sla": QT_TRANSLATE_NOOP("counter", "超时"),
    "paused": QT_TRANSLATE_NOOP("counter", "暂停过久"),
    "device": QT_TRANSLATE_NOOP("counter", "设备"),
    "complaint": QT_TRANSLATE_NOOP("counter", "投诉"),
}
WEEKDAYS = (
    QT_TRANSLATE_NOOP("counter", "周一"),
    QT_TRANSLATE_NOOP("counter", "周二"),
    QT_TRANSLATE_NOOP("counter", "周三"),
    QT_TRANSLATE_NOOP("counter", "周四"),
    QT_TRANSLATE_NOOP("counter", "周五"),
    QT_TRANSLATE_NOOP("counter", "周六"),
    QT_TRANSLATE_NOOP("counter", "周日"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def name(table: dict[str, str], code: str) -> str:
    """The translated name of `code` in `table`, or the code itself when it is not listed."""
    return tr(table[code]) if code in table else code


def english() -> bool:
    """Whether the counter speaks English (`install_translations` sets the default locale)."""
    return QLocale().language() == QLocale.Language.English


def service_name(name_zh: str, name_en: str) -> str:
    return name_en if english() and name_en else name_zh
