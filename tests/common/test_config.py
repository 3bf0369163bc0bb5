"""This PC's configuration and the hall's settings."""

from __future__ import annotations

import pytest

from common.config import (
    HallSettings,
    hall_settings_from_mapping,
    hall_settings_to_mapping,
    load_pc_config,
    validate_hall_settings,
)
from common.errors import ConfigError


@pytest.fixture
def no_file(tmp_path):
    return tmp_path / "missing.toml"


def test_defaults_to_an_sqlite_file_in_the_data_dir(no_file, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    config = load_pc_config(config_path=no_file, env={})
    assert config.db_url.startswith("sqlite:///")
    assert config.db_url.endswith("hallq/hallq.db")
    assert (config.hall, config.window, config.language, config.printer) == (
        "main",
        None,
        "zh_CN",
        "none",
    )
    assert config.config_path is None


def test_db_url_precedence(tmp_path):
    path = tmp_path / "hallq.toml"
    path.write_text('db = "sqlite:///from-file.db"\nhall = "north"\nwindow = 3\n', "utf-8")
    env = {"HALLQ_DB": "sqlite:///from-env.db"}
    assert load_pc_config("sqlite:///arg.db", path, env).db_url == "sqlite:///arg.db"
    assert load_pc_config(None, path, env).db_url == "sqlite:///from-env.db"
    from_file = load_pc_config(None, path, {})
    assert (from_file.db_url, from_file.hall, from_file.window) == (
        "sqlite:///from-file.db",
        "north",
        3,
    )
    assert from_file.config_path == path
    assert load_pc_config(None, path, {"HALLQ_HALL": "south"}).hall == "south"
    assert from_file.with_overrides(hall="east", window=None).hall == "east"


def test_config_path_from_the_environment(tmp_path):
    path = tmp_path / "pc.toml"
    path.write_text('language = "en"\n[printer]\nspec = "usb:0x0416:0x5011"\npaper_width = 576\n')
    config = load_pc_config(env={"HALLQ_CONFIG": str(path)})
    assert (config.language, config.printer, config.paper_width) == ("en", "usb:0x0416:0x5011", 576)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("db = [", "cannot read"),
        ('language = "fr"', "language"),
        ("[printer]\npaper_width = 300", "paper_width"),
        ('window = "three"', "bad value"),
    ],
)
def test_a_bad_config_file_is_one_clear_error(tmp_path, content, fragment):
    path = tmp_path / "hallq.toml"
    path.write_text(content, "utf-8")
    with pytest.raises(ConfigError) as err:
        load_pc_config(config_path=path, env={})
    assert fragment in err.value.message
    assert err.value.exit_code == 2


def test_settings_round_trip_through_the_database_mapping():
    settings = HallSettings(rating_reasons=("态度", "环境"), hmac_secret="ab" * 32)
    mapping = hall_settings_to_mapping(settings)
    assert mapping["rating_reasons"] == ["态度", "环境"]
    assert hall_settings_from_mapping({**mapping, "retired_key": 1}) == settings


def test_missing_settings_take_their_defaults():
    assert hall_settings_from_mapping({"sla_minutes": 30}).recall_limit == 3


@pytest.mark.parametrize(
    "change",
    [
        {"timezone": "Mars/Olympus"},
        {"name": "  "},
        {"sla_minutes": 0},
        {"recall_limit": 11},
        {"reactivation_after": -1},
        {"voice_template_zh": "请到窗口"},
        {"voice_template_zh": "请 {number} 号到 {counter} 号窗口"},
        {"voice_template_en": "Window {window}"},
        {"kiosk_pin": "12a4"},
        {"priority_kinds": ("elderly", "celebrity")},
        {"rating_reasons": ("态度", " ")},
        {"voice_volume": 1.5},
    ],
)
def test_unworkable_settings_are_refused(change):
    with pytest.raises(ConfigError):
        HallSettings().replace(**change)


def test_zone_of_the_default_hall():
    settings = validate_hall_settings(HallSettings())
    assert settings.zone.key == "Asia/Shanghai"
