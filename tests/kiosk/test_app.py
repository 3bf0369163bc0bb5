"""`hallq kiosk --screenshot` and the tap-to-ticket benchmark."""

from __future__ import annotations

import pytest
from PIL import Image

from common.cli import main


@pytest.mark.parametrize(
    ("screen", "size", "lang"),
    [("home", "1080x1920", "zh_CN"), ("ticket", "1920x1080", "en"), ("rate", "1080x1920", "en")],
)
def test_screenshot_renders_the_screen_after_loading_and_exits_0(
    qapp, hall_url, tmp_path, screen, size, lang
):
    out = tmp_path / f"{screen}.png"
    args = ["kiosk", "--db", hall_url, "--screenshot", str(out), "--screen", screen]
    assert main([*args, "--size", size, "--lang", lang]) == 0
    image = Image.open(out)
    assert image.size == tuple(int(v) for v in size.split("x"))
    # Not a blank picture: the header's green and the page's paper are both there.
    colours = image.convert("RGB").getcolors(1_000_000)
    assert len(colours) > 10


def test_a_bad_size_is_a_usage_error(hall_url, tmp_path, capsys):
    out = tmp_path / "x.png"
    assert main(["kiosk", "--db", hall_url, "--screenshot", str(out), "--size", "big"]) == 2
    assert "--size" in capsys.readouterr().err


def test_tap_to_ticket_is_measured(qapp, hall_url):
    from kiosk.bench import measure_tap_to_ticket

    result = measure_tap_to_ticket(hall_url, taps=3)
    assert result["n"] == 3
    assert 0 < result["p50_ms"] <= result["p95_ms"]
