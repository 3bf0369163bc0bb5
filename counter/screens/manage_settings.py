"""管理 · 大厅设置 — the hall-wide settings every app reads: name, SLA, calling, voice, kiosk.

The whole form is saved at once and checked by the core first (`validate_hall_settings`);
every app picks the new values up through the change feed.
"""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from common import admin
from common.config import PRIORITY_KINDS, HallSettings
from common.engine import QueueEngine
from common.feed import Change
from common.qt.feed import QtChangeFeed
from common.qt.worker import OperationRunner
from counter import texts
from counter.guard import while_alive
from counter.widgets.form_feedback import FormFeedback

SPIN_WIDTH = 180
TIMEZONES = ("Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei")


def _spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setMaximumWidth(SPIN_WIDTH)
    return box


class SettingsPage(QWidget):
    """Signals:
    loaded(): the settings have arrived.
    """

    loaded = Signal()

    def __init__(
        self,
        engine: QueueEngine,
        runner: OperationRunner,
        feed: QtChangeFeed,
        actor: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._runner = runner
        self._actor = actor
        self._current: HallSettings | None = None
        minutes = self.tr(" 分钟")

        self.name = QLineEdit()
        self.name_en = QLineEdit()
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(TIMEZONES)
        self.sla_minutes = _spin(1, 600, minutes)
        self.recall_limit = _spin(0, 10, self.tr(" 次"))
        self.reactivation_minutes = _spin(0, 480, minutes)
        self.reactivation_after = _spin(0, 50, self.tr(" 人"))
        self.pause_alert_minutes = _spin(1, 480, minutes)
        self.default_service_minutes = QDoubleSpinBox()
        self.default_service_minutes.setRange(0.5, 240)
        self.default_service_minutes.setSuffix(minutes)
        self.default_service_minutes.setMaximumWidth(SPIN_WIDTH)
        self.voice_template_zh = QLineEdit()
        self.voice_template_en = QLineEdit()
        self.voice_repeats = _spin(1, 5, self.tr(" 遍"))
        self.voice_muted = QCheckBox(self.tr("静音（只显示不播报）"))
        self.ticket_footer = QLineEdit()
        self.qr_base_url = QLineEdit()
        self.qr_base_url.setPlaceholderText(self.tr("留空则二维码只含评价令牌"))
        self.rating_reasons = QLineEdit()
        self.rating_valid_hours = _spin(1, 744, self.tr(" 小时"))
        self.star_min_ratings = _spin(0, 1000, self.tr(" 条"))
        self.priority_kinds = {
            kind: QCheckBox(texts.name(texts.PRIORITIES, kind)) for kind in PRIORITY_KINDS
        }
        self.kiosk_pin = QLineEdit()
        self.kiosk_pin.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,12}")))
        self.kiosk_idle_seconds = _spin(10, 3600, self.tr(" 秒"))
        self.max_failed_logins = _spin(1, 20, self.tr(" 次"))
        self.lockout_minutes = _spin(1, 1440, minutes)
        self.save_button = QPushButton(self.tr("保存设置"))
        self.save_button.setProperty("role", "primary")
        self.reset_button = QPushButton(self.tr("放弃修改"))
        self.feedback = FormFeedback({})

        basics = QFormLayout()
        basics.addRow(self.tr("营业厅名称"), self.name)
        basics.addRow(self.tr("英文名称"), self.name_en)
        basics.addRow(self.tr("时区"), self.timezone)
        calling = QFormLayout()
        calling.addRow(self.tr("限时办结"), self.sla_minutes)
        calling.addRow(self.tr("重呼上限"), self.recall_limit)
        calling.addRow(self.tr("过号重排时限"), self.reactivation_minutes)
        calling.addRow(self.tr("过号重排顺延"), self.reactivation_after)
        calling.addRow(self.tr("暂停提醒"), self.pause_alert_minutes)
        calling.addRow(self.tr("默认办理时长"), self.default_service_minutes)
        voice = QFormLayout()
        voice.addRow(self.tr("中文播报模板"), self.voice_template_zh)
        voice.addRow(self.tr("英文播报模板"), self.voice_template_en)
        voice_hint = QLabel(self.tr("可用 {number} 号码、{window} 窗口、{service} 业务"))
        voice_hint.setProperty("role", "muted")
        voice.addRow("", voice_hint)
        voice.addRow(self.tr("播报遍数"), self.voice_repeats)
        voice.addRow("", self.voice_muted)
        ticket = QFormLayout()
        ticket.addRow(self.tr("小票页脚"), self.ticket_footer)
        ticket.addRow(self.tr("二维码网址"), self.qr_base_url)
        ticket.addRow(self.tr("评价原因"), self.rating_reasons)
        reasons_hint = QLabel(self.tr("用逗号分隔"))
        reasons_hint.setProperty("role", "muted")
        ticket.addRow("", reasons_hint)
        ticket.addRow(self.tr("评价有效期"), self.rating_valid_hours)
        ticket.addRow(self.tr("标兵窗口最少评价"), self.star_min_ratings)
        kiosk = QFormLayout()
        kinds = QGridLayout()
        for index, box in enumerate(self.priority_kinds.values()):
            kinds.addWidget(box, index // 3, index % 3)
        kiosk.addRow(self.tr("绿色通道类别"), kinds)
        kiosk.addRow(self.tr("取号机管理密码"), self.kiosk_pin)
        kiosk.addRow(self.tr("取号机空闲返回"), self.kiosk_idle_seconds)
        kiosk.addRow(self.tr("登录失败上限"), self.max_failed_logins)
        kiosk.addRow(self.tr("锁定时长"), self.lockout_minutes)

        groups = QGridLayout()
        groups.addWidget(self._group(self.tr("基本信息"), basics), 0, 0)
        groups.addWidget(self._group(self.tr("叫号与限时办结"), calling), 1, 0)
        groups.addWidget(self._group(self.tr("语音播报"), voice), 2, 0)
        groups.addWidget(self._group(self.tr("小票与评价"), ticket), 0, 1, 2, 1)
        groups.addWidget(self._group(self.tr("取号机与安全"), kiosk), 2, 1)
        groups.setColumnStretch(0, 1)
        groups.setColumnStretch(1, 1)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(groups)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        buttons = QHBoxLayout()
        buttons.addWidget(self.feedback, 1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self._on_save)
        self.reset_button.clicked.connect(lambda: self.show_settings(self._current))
        feed.changed.connect(self._on_changes)
        self.reload()

    @staticmethod
    def _group(title: str, form: QFormLayout) -> QGroupBox:
        box = QGroupBox(title)
        box.setLayout(form)
        return box

    def reload(self) -> None:
        engine = self._engine
        self._runner.submit(
            engine.refresh_settings,
            while_alive(self, self._on_loaded),
            while_alive(self, self.feedback.show_error),
        )

    def _on_loaded(self, settings: HallSettings) -> None:
        # The echo of this page's own save changes nothing: keep "saved" on screen.
        if settings != self._current:
            self.show_settings(settings)
        self.loaded.emit()

    def show_settings(self, settings: HallSettings | None) -> None:
        if settings is None:
            return
        self._current = settings
        self.name.setText(settings.name)
        self.name_en.setText(settings.name_en)
        self.timezone.setCurrentText(settings.timezone)
        self.sla_minutes.setValue(settings.sla_minutes)
        self.recall_limit.setValue(settings.recall_limit)
        self.reactivation_minutes.setValue(settings.reactivation_minutes)
        self.reactivation_after.setValue(settings.reactivation_after)
        self.pause_alert_minutes.setValue(settings.pause_alert_minutes)
        self.default_service_minutes.setValue(settings.default_service_minutes)
        self.voice_template_zh.setText(settings.voice_template_zh)
        self.voice_template_en.setText(settings.voice_template_en)
        self.voice_repeats.setValue(settings.voice_repeats)
        self.voice_muted.setChecked(settings.voice_muted)
        self.ticket_footer.setText(settings.ticket_footer)
        self.qr_base_url.setText(settings.qr_base_url)
        self.rating_reasons.setText("，".join(settings.rating_reasons))
        self.rating_valid_hours.setValue(settings.rating_valid_hours)
        self.star_min_ratings.setValue(settings.star_min_ratings)
        for kind, box in self.priority_kinds.items():
            box.setChecked(kind in settings.priority_kinds)
        self.kiosk_pin.setText(settings.kiosk_pin)
        self.kiosk_idle_seconds.setValue(settings.kiosk_idle_seconds)
        self.max_failed_logins.setValue(settings.max_failed_logins)
        self.lockout_minutes.setValue(settings.lockout_minutes)
        self.feedback.clear()

    def draft(self) -> HallSettings | None:
        if self._current is None:
            return None
        reasons = tuple(r.strip() for r in re.split(r"[,，、;；]", self.rating_reasons.text()))
        return dataclasses.replace(
            self._current,
            name=self.name.text(),
            name_en=self.name_en.text(),
            timezone=self.timezone.currentText().strip(),
            sla_minutes=self.sla_minutes.value(),
            recall_limit=self.recall_limit.value(),
            reactivation_minutes=self.reactivation_minutes.value(),
            reactivation_after=self.reactivation_after.value(),
            pause_alert_minutes=self.pause_alert_minutes.value(),
            default_service_minutes=self.default_service_minutes.value(),
            voice_template_zh=self.voice_template_zh.text().strip(),
            voice_template_en=self.voice_template_en.text().strip(),
            voice_repeats=self.voice_repeats.value(),
            voice_muted=self.voice_muted.isChecked(),
            ticket_footer=self.ticket_footer.text().strip(),
            qr_base_url=self.qr_base_url.text().strip(),
            rating_reasons=tuple(r for r in reasons if r),
            rating_valid_hours=self.rating_valid_hours.value(),
            star_min_ratings=self.star_min_ratings.value(),
            priority_kinds=tuple(k for k, box in self.priority_kinds.items() if box.isChecked()),
            kiosk_pin=self.kiosk_pin.text(),
            kiosk_idle_seconds=self.kiosk_idle_seconds.value(),
            max_failed_logins=self.max_failed_logins.value(),
            lockout_minutes=self.lockout_minutes.value(),
        )

    def _on_save(self) -> None:
        draft = self.draft()
        if draft is None:
            return
        engine, actor = self._engine, self._actor
        self.save_button.setEnabled(False)

        def done(saved: HallSettings) -> None:
            self.save_button.setEnabled(True)
            self.show_settings(saved)
            self.feedback.show_saved(self.tr("设置已保存，各终端将自动更新"))

        def failed(error: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.feedback.show_error(error)

        self._runner.submit(
            lambda: admin.save_hall_settings(engine, actor, draft),
            while_alive(self, done),
            while_alive(self, failed),
        )

    def _on_changes(self, changes: list[Change]) -> None:
        if any(c.kind == "settings_changed" for c in changes) and self.draft() == self._current:
            # Only an untouched form follows another admin's change; edits are not thrown away.
            self.reload()
