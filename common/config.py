"""Configuration.

Two kinds of settings:

* `PcConfig` — what belongs to one PC: the database URL, the hall it serves, its window number,
  its printer, its language. Read from `--db`, then env `HALLQ_DB`, then a TOML file in the
  platform config dir (`hallq.toml`), else an SQLite file in the user data dir.
* `HallSettings` — what staff edit for the whole hall (name, timezone, SLA, voice template…).
  Stored in the database (table `hall_settings`), so every PC sees one truth.
"""

from __future__ import annotations

import dataclasses
import os
import secrets
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from common.errors import ConfigError

APP_NAME = "hallq"
CONFIG_FILE_NAME = "hallq.toml"
LANGUAGES = ("zh_CN", "en")


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_url() -> str:
    return f"sqlite:///{(data_dir() / 'hallq.db').as_posix()}"


@dataclass(frozen=True)
class PcConfig:
    """Settings of this PC."""

    db_url: str
    hall: str = "main"
    window: int | None = None
    language: str = "zh_CN"
    printer: str = "none"
    paper_width: int = 384
    printer_timeout_s: float = 5.0
    config_path: Path | None = None

    def with_overrides(self, **changes: Any) -> PcConfig:
        """Return a copy with the non-None values of `changes` applied (CLI options win)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_pc_config(
    db: str | None = None,
    config_path: str | Path | None = None,
    env: Mapping[str, str] | None = None,
) -> PcConfig:
    """Read this PC's configuration.

    Order for the DB URL: `db` argument, env `HALLQ_DB`, the config file, the SQLite default.
    """
    env = os.environ if env is None else env
    path = Path(config_path or env.get("HALLQ_CONFIG") or config_dir() / CONFIG_FILE_NAME)
    values: dict[str, Any] = {}
    if path.is_file():
        try:
            with path.open("rb") as f:
                values = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ConfigError(f"配置文件无法读取 / cannot read config file {path}: {e}") from e
    printer = values.get("printer", {})
    if isinstance(printer, str):
        printer = {"spec": printer}
    url = db or env.get("HALLQ_DB") or values.get("db") or default_db_url()
    try:
        window = values.get("window")
        config = PcConfig(
            db_url=str(url),
            hall=str(env.get("HALLQ_HALL") or values.get("hall", "main")),
            window=int(window) if window is not None else None,
            language=str(values.get("language", "zh_CN")),
            printer=str(printer.get("spec", "none")),
            paper_width=int(printer.get("paper_width", 384)),
            printer_timeout_s=float(printer.get("timeout_s", 5.0)),
            config_path=path if path.is_file() else None,
        )
    except (TypeError, ValueError) as e:
        raise ConfigError(f"配置文件有误 / bad value in {path}: {e}") from e
    if config.language not in LANGUAGES:
        raise ConfigError(
            f"language must be one of {', '.join(LANGUAGES)}, not {config.language!r}"
        )
    if config.paper_width not in (384, 512, 576):
        raise ConfigError(f"printer paper_width must be 384, 512 or 576, not {config.paper_width}")
    return config


DEFAULT_RATING_REASONS = ("态度", "效率", "业务能力", "等候时间", "环境")
PRIORITY_KINDS = ("elderly", "disabled", "military", "pregnant", "vip", "appointment")
FEEDBACK_CATEGORIES = ("complaint", "suggestion", "praise", "inquiry")


@dataclass(frozen=True)
class HallSettings:
    """Hall-wide settings, edited by staff, stored in the database."""

    name: str = "供电营业厅"
    name_en: str = "Power Supply Service Hall"
    timezone: str = "Asia/Shanghai"
    sla_minutes: int = 20
    recall_limit: int = 3
    reactivation_minutes: int = 30
    reactivation_after: int = 2
    default_service_minutes: float = 6.0
    voice_template_zh: str = "请 {number} 号到 {window} 号窗口办理"
    voice_template_en: str = ""
    voice_repeats: int = 2
    voice_volume: float = 0.8
    voice_muted: bool = False
    ticket_footer: str = "供电服务热线 95598"
    qr_base_url: str = ""
    rating_reasons: tuple[str, ...] = DEFAULT_RATING_REASONS
    rating_valid_hours: int = 72
    priority_kinds: tuple[str, ...] = ("elderly", "disabled", "military", "pregnant")
    kiosk_pin: str = "000000"
    kiosk_idle_seconds: int = 60
    star_min_ratings: int = 10
    pause_alert_minutes: int = 15
    max_failed_logins: int = 5
    lockout_minutes: int = 15
    hmac_secret: str = field(default="", repr=False)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def replace(self, **changes: Any) -> HallSettings:
        return validate_hall_settings(dataclasses.replace(self, **changes))


HALL_SETTING_NAMES = tuple(f.name for f in fields(HallSettings))


def new_hmac_secret() -> str:
    return secrets.token_hex(32)


def hall_settings_from_mapping(values: Mapping[str, Any]) -> HallSettings:
    """Build settings from stored key/value pairs; unknown keys are ignored, missing ones default."""
    kwargs: dict[str, Any] = {}
    for f in fields(HallSettings):
        if f.name in values:
            value = values[f.name]
            if isinstance(f.default, tuple) and isinstance(value, list):
                value = tuple(value)
            kwargs[f.name] = value
    return validate_hall_settings(HallSettings(**kwargs))


def hall_settings_to_mapping(settings: HallSettings) -> dict[str, Any]:
    out = dataclasses.asdict(settings)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in out.items()}


def validate_hall_settings(s: HallSettings) -> HallSettings:
    """Raise ConfigError with a clear message when a value cannot work in a hall."""
    try:
        ZoneInfo(s.timezone)
    except (ZoneInfoNotFoundError, ValueError) as e:
        raise ConfigError(f"未知时区 / unknown timezone: {s.timezone!r}") from e
    checks = [
        (bool(s.name.strip()), "营业厅名称不能为空 / hall name is required"),
        (1 <= s.sla_minutes <= 600, "限时办结分钟数应在 1–600 之间 / SLA minutes must be 1–600"),
        (0 <= s.recall_limit <= 10, "重呼次数应在 0–10 之间 / recall limit must be 0–10"),
        (
            0 <= s.reactivation_minutes <= 480,
            "过号重排时限应在 0–480 分钟 / reactivation 0–480 min",
        ),
        (0 <= s.reactivation_after <= 50, "过号重排顺延人数应在 0–50 / reactivation offset 0–50"),
        (0.5 <= s.default_service_minutes <= 240, "默认办理时长应在 0.5–240 分钟"),
        (1 <= s.voice_repeats <= 5, "播报次数应在 1–5 之间 / voice repeats must be 1–5"),
        (0.0 <= s.voice_volume <= 1.0, "音量应在 0–1 之间 / volume must be 0–1"),
        (
            "{number}" in s.voice_template_zh,
            "语音模板须含 {number} / voice template needs {number}",
        ),
        (
            not s.voice_template_en or "{number}" in s.voice_template_en,
            "英文语音模板须含 {number} / English voice template needs {number}",
        ),
        (s.kiosk_pin.isdigit() and 4 <= len(s.kiosk_pin) <= 12, "取号机密码须为 4–12 位数字"),
        (10 <= s.kiosk_idle_seconds <= 3600, "取号机空闲返回时间应在 10–3600 秒"),
        (1 <= s.rating_valid_hours <= 24 * 31, "评价有效期应在 1–744 小时"),
        (0 <= s.star_min_ratings <= 1000, "标兵窗口最少评价数应在 0–1000"),
        (1 <= s.max_failed_logins <= 20, "登录失败次数上限应在 1–20"),
        (1 <= s.lockout_minutes <= 1440, "锁定时长应在 1–1440 分钟"),
        (1 <= s.pause_alert_minutes <= 480, "暂停提醒时间应在 1–480 分钟"),
        (
            all(k in PRIORITY_KINDS for k in s.priority_kinds),
            "未知的优先类别 / unknown priority kind",
        ),
        (all(r.strip() for r in s.rating_reasons), "评价原因不能为空 / empty rating reason"),
    ]
    for ok, message in checks:
        if not ok:
            raise ConfigError(message)
    for placeholder_template in (s.voice_template_zh, s.voice_template_en):
        try:
            placeholder_template.format(number="A001", window="1", service="x")
        except (KeyError, IndexError, ValueError) as e:
            raise ConfigError(f"语音模板有误 / bad voice template: {e}") from e
    return s
