"""Words the kiosk shows for the hall's codes, in the customer's language.

Hall data (service names, the hall's name) comes in both languages from the database; the
codes the core uses (priority kinds, closed reasons, feedback categories, scores) are
translated here. Rating reasons are hall settings: the default ones are translated, a hall's
own reasons are shown as written. Sources are Chinese and marked with QT_TRANSLATE_NOOP so
`pyside6-lupdate` finds them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from common.config import HallSettings
from common.engine import ServiceState
from common.qt.i18n import QT_TRANSLATE_NOOP

CONTEXT = "texts"

PRIORITY_NAMES = {
    "elderly": QT_TRANSLATE_NOOP("texts", "70 岁以上老人"),
    "disabled": QT_TRANSLATE_NOOP("texts", "残疾人"),
    "military": QT_TRANSLATE_NOOP("texts", "军人军属"),
    "pregnant": QT_TRANSLATE_NOOP("texts", "孕妇"),
    "vip": QT_TRANSLATE_NOOP("texts", "重要客户"),
    "appointment": QT_TRANSLATE_NOOP("texts", "预约客户"),
}
SCORE_NAMES = {
    5: QT_TRANSLATE_NOOP("texts", "非常满意"),
    4: QT_TRANSLATE_NOOP("texts", "满意"),
    3: QT_TRANSLATE_NOOP("texts", "一般"),
    2: QT_TRANSLATE_NOOP("texts", "不满意"),
    1: QT_TRANSLATE_NOOP("texts", "非常不满意"),
}
DEFAULT_REASONS = (
    QT_TRANSLATE_NOOP("texts", "态度"),
    QT_TRANSLATE_NOOP("texts", "效率"),
    QT_TRANSLATE_NOOP("texts", "业务能力"),
    QT_TRANSLATE_NOOP("texts", "等候时间"),
    QT_TRANSLATE_NOOP("texts", "环境"),
)
FEEDBACK_KINDS = ("complaint", "suggestion", "praise", "inquiry")
CATEGORY_NAMES = {
    "complaint": QT_TRANSLATE_NOOP("texts", "投诉"),
    "suggestion": QT_TRANSLATE_NOOP("texts", "建议"),
    "praise": QT_TRANSLATE_NOOP("texts", "表扬"),
    "inquiry": QT_TRANSLATE_NOOP("texts", "咨询"),
}
# Ready-made sentences, so nobody has to type on a touchscreen.
PRESET_PHRASES = {
    "complaint": (
        QT_TRANSLATE_NOOP("texts", "等候时间太长"),
        QT_TRANSLATE_NOOP("texts", "工作人员态度不好"),
        QT_TRANSLATE_NOOP("texts", "业务办理太慢"),
        QT_TRANSLATE_NOOP("texts", "对电费或收费有疑问"),
        QT_TRANSLATE_NOOP("texts", "停电没有提前通知"),
        QT_TRANSLATE_NOOP("texts", "一件事要跑好几次"),
    ),
    "suggestion": (
        QT_TRANSLATE_NOOP("texts", "希望增加服务窗口"),
        QT_TRANSLATE_NOOP("texts", "希望延长营业时间"),
        QT_TRANSLATE_NOOP("texts", "希望增加自助设备"),
        QT_TRANSLATE_NOOP("texts", "大厅环境可以更好"),
        QT_TRANSLATE_NOOP("texts", "希望网上能办更多业务"),
    ),
    "praise": (
        QT_TRANSLATE_NOOP("texts", "工作人员热情耐心"),
        QT_TRANSLATE_NOOP("texts", "办事效率高"),
        QT_TRANSLATE_NOOP("texts", "大厅整洁舒适"),
        QT_TRANSLATE_NOOP("texts", "绿色通道很贴心"),
    ),
    "inquiry": (
        QT_TRANSLATE_NOOP("texts", "电价和收费标准"),
        QT_TRANSLATE_NOOP("texts", "新装或增容怎么办理"),
        QT_TRANSLATE_NOOP("texts", "停电信息"),
        QT_TRANSLATE_NOOP("texts", "电费账单"),
        QT_TRANSLATE_NOOP("texts", "电表问题"),
    ),
}


def translate(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def english() -> bool:
    """True when the kiosk speaks English now (the language switch sets the default locale)."""
    return QLocale().language() == QLocale.Language.English


def hall_name(settings: HallSettings) -> str:
    return settings.name_en if english() and settings.name_en else settings.name


def service_name(service_zh: str, service_en: str) -> str:
    return service_en if english() and service_en else service_zh


def state_name(state: ServiceState) -> str:
    return service_name(state.name_zh, state.name_en)


def priority_name(kind: str) -> str:
    return translate(PRIORITY_NAMES[kind]) if kind in PRIORITY_NAMES else kind


def closed_text(state: ServiceState) -> str:
    """Why a service cannot be taken now, in one short line."""
    if state.closed_reason == "limit":
        return QCoreApplication.translate("texts", "今日号码已取完")
    if state.closed_reason == "hours":
        if state.opening_text:
            return QCoreApplication.translate("texts", "办理时间 %1").replace(
                "%1", state.opening_text
            )
        return QCoreApplication.translate("texts", "今日不办理")
    return QCoreApplication.translate("texts", "暂停办理")


def wait_text(minutes: float) -> str:
    if minutes < 1:
        return QCoreApplication.translate("texts", "无需等候")
    return QCoreApplication.translate("texts", "约 %1 分钟").replace("%1", str(round(minutes)))


def waiting_text(people: int) -> str:
    return QCoreApplication.translate("texts", "等候 %1 人").replace("%1", str(people))


def score_name(score: int) -> str:
    return translate(SCORE_NAMES[score])


def reason_name(reason: str) -> str:
    """A default reason in the customer's language; a hall's own reason as written."""
    return translate(reason) if reason in DEFAULT_REASONS else reason


def category_name(category: str) -> str:
    return translate(CATEGORY_NAMES[category])


def preset_phrases(category: str) -> tuple[str, ...]:
    """The Chinese phrases for `category` (show them with `translate`; store them as they are)."""
    return PRESET_PHRASES[category]
