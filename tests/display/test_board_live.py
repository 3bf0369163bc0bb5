"""The board on a real hall database: calls from elsewhere, voice, recall, rollover, notices."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QLocale

from common import devices, hall, status
from common.clock import ManualClock
from common.models import Notice
from tests.conftest import HALL_TZ

EN_TEMPLATE = "Number {number}, please go to window {window}"


def hallq(*args: str) -> subprocess.CompletedProcess:
    """Run the `hallq` command in a process of its own, as a counter PC would."""
    return subprocess.run(
        [sys.executable, "-m", "common.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


def test_board_shows_a_call_made_by_another_process(qtbot, make_display, db_hall, hall_engine):
    url, code = db_hall
    hall_engine(url, code).issue("A")
    display = make_display(url, code)
    board = display.board
    assert board.current_call.call is None
    hallq("call", "--window", "2", "--db", url, "--hall", code)
    qtbot.waitUntil(lambda: board.current_call.call is not None, timeout=10000)
    assert (board.current_call.call.label, board.current_call.call.window) == ("A001", 2)
    assert board.current_call.highlighted
    assert board.windows.tiles[2].label == "A001"
    assert board.windows.tiles[2].state == "calling"
    # The waiting count follows through a small query after the event.
    qtbot.waitUntil(
        lambda: {s.code: s.waiting for s in board.waiting_counts.services}["A"] == 0,
        timeout=10000,
    )
    hallq("start", "--window", "2", "--db", url, "--hall", code)
    qtbot.waitUntil(lambda: board.windows.tiles[2].state == "serving", timeout=10000)


def set_settings(url: str, code: str, engine, **changes) -> None:
    settings = engine.settings.replace(**changes)
    engine.db.transaction(
        lambda s: hall.save_settings(s, engine.hall_id, settings, at=engine.now(), staff_id=None)
    )


def test_rapid_calls_are_announced_in_order(qtbot, make_display, db_hall, hall_engine):
    url, code = db_hall
    engine = hall_engine(url, code)
    display = make_display(url, code)
    voice = display.announcer.engine
    # A settings change reaches the running board through the feed.
    set_settings(url, code, engine, voice_template_en=EN_TEMPLATE, voice_repeats=1)
    qtbot.waitUntil(lambda: display.announcer.settings.template_en == EN_TEMPLATE, timeout=10000)
    engine.issue("A")
    engine.issue("B")
    engine.call_next(1)
    engine.call_next(3)
    qtbot.waitUntil(lambda: len(voice.spoken) == 6 and not display.announcer.busy, timeout=10000)
    assert list(voice.spoken) == [
        ("chime", ""),
        ("zh", "请 A 零 零 一 号到 1 号窗口办理"),
        ("en", "Number A 0 0 1, please go to window 1"),
        ("chime", ""),
        ("zh", "请 B 零 零 一 号到 3 号窗口办理"),
        ("en", "Number B 0 0 1, please go to window 3"),
    ]
    assert voice.cut_offs == []
    assert [c.label for c in display.board.recent_calls.calls] == ["B001", "A001"]


def test_a_recall_is_shown_and_announced_again(qtbot, make_display, db_hall, hall_engine):
    url, code = db_hall
    engine = hall_engine(url, code)
    engine.issue("C")
    display = make_display(url, code)
    board, voice = display.board, display.announcer.engine
    engine.call_next(4)
    qtbot.waitUntil(lambda: board.current_call.call is not None, timeout=10000)
    engine.issue("A")
    engine.call_next(1)
    qtbot.waitUntil(lambda: board.current_call.call.label == "A001", timeout=10000)
    engine.recall(4)
    qtbot.waitUntil(lambda: board.current_call.call.label == "C001", timeout=10000)
    assert board.current_call.call.recall
    assert [(c.label, c.recall) for c in board.recent_calls.calls] == [
        ("C001", True),
        ("A001", False),
    ]
    qtbot.waitUntil(lambda: not display.announcer.busy, timeout=10000)
    spoken = [text for kind, text in voice.spoken if kind == "zh"]
    assert spoken.count("请 C 零 零 一 号到 4 号窗口办理") == 2 * 2  # twice, each repeated twice


def test_a_board_for_some_windows_shows_and_says_only_theirs(
    qtbot, make_display, sqlite_url, hall_engine
):
    engine = hall_engine(sqlite_url, "main")
    display = make_display(sqlite_url, "main", windows=(1, 2))
    board = display.board
    assert sorted(board.windows.tiles) == [1, 2]
    # Windows 1 and 2 serve A, B and C; D and E are other boards' business.
    assert [s.code for s in board.waiting_counts.shown()] == ["A", "B", "C"]
    engine.issue("B")
    engine.issue("A")
    engine.call_next(3)  # B001 at window 3: not on this board
    engine.call_next(1)
    qtbot.waitUntil(lambda: board.current_call.call is not None, timeout=10000)
    qtbot.waitUntil(lambda: not display.announcer.busy, timeout=10000)
    assert [c.label for c in board.recent_calls.calls] == ["A001"]
    assert not any("B 零 零 一" in text for _, text in display.announcer.engine.spoken)


def test_the_board_rolls_over_to_the_new_day_at_midnight(
    qtbot, make_display, sqlite_url, hall_engine
):
    clock = ManualClock(datetime(2026, 3, 2, 23, 59, 58, tzinfo=HALL_TZ))
    engine = hall_engine(sqlite_url, "main", clock)
    engine.issue("A")
    engine.call_next(1)
    display = make_display(sqlite_url, "main", clock=clock)
    board, link = display.board, display.link
    board.header.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    assert [c.label for c in board.recent_calls.calls] == ["A001"]
    assert board.header.date_text() == "2026年3月2日 星期一"
    clock.advance(seconds=5)
    with qtbot.waitSignal(link.loaded, timeout=10000) as blocker:
        pass
    assert blocker.args[0].day.isoformat() == "2026-03-03"
    assert board.recent_calls.calls == []
    assert board.current_call.call is None
    assert board.header.date_text() == "2026年3月3日 星期二"
    # The timer is set for the following midnight again.
    assert link._midnight.isActive()


def test_notices_show_only_while_valid(qtbot, make_display, sqlite_url, hall_engine):
    clock = ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=HALL_TZ))
    engine = hall_engine(sqlite_url, "main", clock)

    def replace_notices(s):
        s.query(Notice).filter(Notice.hall_id == engine.hall_id).delete()
        now = clock.now()
        for kind, text, start, end in [
            ("outage", "明日停电", now - timedelta(hours=1), now + timedelta(seconds=2)),
            ("tariff", "新电价", now + timedelta(seconds=1), None),
            ("general", "已过期", now - timedelta(days=2), now - timedelta(days=1)),
            ("commitment", "未启用", None, None),
        ]:
            s.add(
                Notice(
                    hall_id=engine.hall_id,
                    kind=kind,
                    text_zh=text,
                    text_en="",
                    valid_from=start,
                    valid_to=end,
                    active=kind != "commitment",
                    created_at=now,
                )
            )

    engine.db.transaction(replace_notices)
    display = make_display(sqlite_url, "main", clock=clock)
    band = display.board.notice_band
    assert [n.text_zh for n in band.visible_notices] == ["明日停电"]
    # The band's own timer notices the start of one and the end of the other.
    clock.advance(seconds=1.5)
    qtbot.waitUntil(lambda: len(band.visible_notices) == 2, timeout=5000)
    assert [n.kind for n in band.visible_notices] == ["outage", "tariff"]
    clock.advance(seconds=1)
    qtbot.waitUntil(lambda: len(band.visible_notices) == 1, timeout=5000)
    assert band.visible_notices[0].text_zh == "新电价"


def test_a_notice_change_reaches_the_band(qtbot, make_display, sqlite_url, hall_engine):
    from common import admin

    engine = hall_engine(sqlite_url, "main")
    display = make_display(sqlite_url, "main")
    band = display.board.notice_band
    before = len(band.visible_notices)
    admin_login = "9001"
    draft = admin.NoticeDraft(
        kind="general", text_zh="今日午间暂停缴费业务", text_en="", valid_from=None, valid_to=None
    )
    admin.save_notice(engine, admin_login, draft)
    qtbot.waitUntil(lambda: len(band.visible_notices) == before + 1, timeout=10000)


def test_voice_trouble_is_shown_and_reported_to_staff(qtbot, make_display, sqlite_url, hall_engine):
    from display.voice import SilentVoice, VoiceProblem

    display = make_display(sqlite_url, "main", voice=SilentVoice(VoiceProblem("no_audio")))
    assert display.board.header.marks["voice"] == "没有音频输出设备，只显示不播报"
    engine = hall_engine(sqlite_url, "main")
    qtbot.waitUntil(
        lambda: any(d.kind == "display_voice" for d in devices.states(engine)), timeout=10000
    )
    (state,) = [d for d in devices.states(engine) if d.kind == "display_voice"]
    assert state.status == "warning"
    assert any(
        a.kind == "device" and "没有音频输出设备" in a.message for a in status.alerts(engine)
    )


@pytest.mark.slow
def test_screenshot_renders_after_loading_and_exits_0(sqlite_url, hall_engine, tmp_path):
    from PySide6.QtGui import QImage

    engine = hall_engine(sqlite_url, "main")
    engine.issue("A")
    engine.call_next(1)
    path = tmp_path / "board.png"
    result = subprocess.run(
        [sys.executable, "-m", "display", "--db", sqlite_url, "--screenshot", str(path),
         "--size", "1080x1920", "--lang", "en", "--theme", "light"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1080, 1920)


@pytest.mark.pg
def test_database_outage_shows_a_mark_and_the_board_recovers(
    qtbot, make_display, pg_hall, hall_engine
):
    from sqlalchemy.engine import make_url

    from tests.display.tcp_proxy import TcpProxy

    url, code = pg_hall
    real = make_url(url)
    proxy = TcpProxy(real.host or "127.0.0.1", real.port or 5432).start()
    try:
        proxied = real.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        engine = hall_engine(url, code)
        engine.issue("A")
        engine.issue("A")
        engine.call_next(1)
        display = make_display(proxied, code)
        board = display.board
        qtbot.waitUntil(lambda: display.link.connected, timeout=10000)
        assert "connection" not in board.header.marks
        proxy.cut()
        qtbot.waitUntil(lambda: "connection" in board.header.marks, timeout=20000)
        assert board.header.marks["connection"] == "正在重新连接…"
        # Calm, not blank: the board still shows what it knew.
        assert board.windows.tiles[1].label == "A001"
        assert board.current_call.call.label == "A001"
        # A counter PC still reaches the database and calls the next customer.
        engine.finish(1)
        engine.call_next(2)
        proxy.restore()
        qtbot.waitUntil(lambda: "connection" not in board.header.marks, timeout=30000)
        qtbot.waitUntil(lambda: board.current_call.call.label == "A002", timeout=10000)
        assert board.windows.tiles[2].label == "A002"
        qtbot.waitUntil(lambda: board.windows.tiles[1].state == "idle", timeout=10000)
        # A call made a moment ago while the board was away is still announced.
        qtbot.waitUntil(
            lambda: ("zh", "请 A 零 零 二 号到 2 号窗口办理") in display.announcer.engine.spoken,
            timeout=10000,
        )
    finally:
        proxy.close()


def test_a_lost_feed_shows_the_mark_and_a_full_reload_follows(
    qtbot, make_display, sqlite_url, hall_engine
):
    display = make_display(sqlite_url, "main")
    board, link = display.board, display.link
    qtbot.waitUntil(lambda: link.connected, timeout=10000)
    link._on_feed_connection(False, "server closed the connection")
    assert board.header.marks["connection"] == "正在重新连接…"
    hall_engine(sqlite_url, "main").issue("D")
    with qtbot.waitSignal(link.loaded, timeout=10000):
        link._on_feed_connection(True, "")
    assert "connection" not in board.header.marks
    qtbot.waitUntil(
        lambda: {s.code: s.waiting for s in board.waiting_counts.services}["D"] == 1,
        timeout=10000,
    )
