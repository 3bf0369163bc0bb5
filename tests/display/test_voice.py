"""What the board says, in which order, and with which voice."""

from __future__ import annotations

import wave
from datetime import UTC, datetime
from pathlib import Path

import pytest

from common.config import HallSettings
from display.operations import CallShown
from display.voice import (
    Announcer,
    MockVoice,
    SilentVoice,
    Step,
    VoiceEngine,
    VoiceInfo,
    VoiceProblem,
    VoiceSettings,
    announcement_steps,
    choose_voice,
    clip_names,
    spoken_number_en,
    spoken_number_zh,
)
from display.wav import Clip, join_clips, read_clip

EN_TEMPLATE = "Number {number}, please go to window {window}"


def call(label: str, window: int, event_id: int = 1, recall: bool = False) -> CallShown:
    return CallShown(event_id, label, window, datetime.now(UTC), recall)


def test_numbers_are_read_digit_by_digit():
    assert spoken_number_zh("A012") == "A 零 一 二"
    assert spoken_number_zh("b100") == "B 一 零 零"
    assert spoken_number_en("A012") == "A 0 1 2"


def test_one_call_is_a_chime_then_the_sentences_repeated():
    settings = VoiceSettings(template_en=EN_TEMPLATE, repeats=2)
    steps = announcement_steps(settings, "A012", 3)
    assert [(s.kind, s.text) for s in steps] == [
        ("chime", ""),
        ("zh", "请 A 零 一 二 号到 3 号窗口办理"),
        ("en", "Number A 0 1 2, please go to window 3"),
        ("zh", "请 A 零 一 二 号到 3 号窗口办理"),
        ("en", "Number A 0 1 2, please go to window 3"),
    ]


def test_no_english_template_means_chinese_only_and_service_can_be_named():
    settings = VoiceSettings(template_zh="请 {number} 号到 {window} 号窗口办理{service}", repeats=1)
    steps = announcement_steps(settings, "E003", 6, service_zh="投诉咨询")
    assert [(s.kind, s.text) for s in steps] == [
        ("chime", ""),
        ("zh", "请 E 零 零 三 号到 6 号窗口办理投诉咨询"),
    ]


# Voices as speech-dispatcher + espeak-ng list them on Linux: Mandarin has no locale ("C"),
# and the only voice with a Chinese-looking locale is Cantonese.
ESPEAK = [
    VoiceInfo("Bishnupriya Manipuri", "C"),
    VoiceInfo("Chinese (Cantonese)", "yue_HK"),
    VoiceInfo("Chinese (Cantonese)+Adam", "yue_HK"),
    VoiceInfo("Hakka Chinese", "C"),
    VoiceInfo("Chinese (Mandarin, latin as Pinyin)", "C"),
    VoiceInfo("Chinese (Mandarin, latin as English)+Alex", "C"),
    VoiceInfo("Chinese (Mandarin, latin as English)", "C"),
    VoiceInfo("English (Caribbean)", "en_US"),
    VoiceInfo("English (Great Britain)", "en_GB"),
]
WINDOWS = [
    VoiceInfo("Microsoft David Desktop", "en_US"),
    VoiceInfo("Microsoft Tracy Desktop", "zh_HK"),
    VoiceInfo("Microsoft Hanhan Desktop", "zh_TW"),
    VoiceInfo("Microsoft Huihui Desktop", "zh_CN"),
]


def test_mandarin_is_chosen_by_name_never_cantonese():
    assert ESPEAK[choose_voice(ESPEAK, "zh")].name == "Chinese (Mandarin, latin as English)"
    assert WINDOWS[choose_voice(WINDOWS, "zh")].name == "Microsoft Huihui Desktop"
    cantonese_only = [VoiceInfo("Chinese (Cantonese)", "yue_HK"), VoiceInfo("Tracy", "zh_HK")]
    assert choose_voice(cantonese_only, "zh") is None


def test_a_voice_named_by_the_hall_wins():
    assert ESPEAK[choose_voice(ESPEAK, "zh", "chinese (mandarin, latin as pinyin)")].name == (
        "Chinese (Mandarin, latin as Pinyin)"
    )
    assert WINDOWS[choose_voice(WINDOWS, "zh", "Hanhan")].name == "Microsoft Hanhan Desktop"


def test_english_voice():
    assert ESPEAK[choose_voice(ESPEAK, "en")].name == "English (Great Britain)"
    assert choose_voice([VoiceInfo("Chinese (Mandarin)", "C")], "en") is None


def make_announcer(qtbot, engine: VoiceEngine, **settings) -> Announcer:
    announcer = Announcer(engine, chime_gap_ms=0, sentence_gap_ms=0)
    announcer.apply_settings(HallSettings().replace(**settings))
    announcer.start()
    return announcer


def test_rapid_calls_are_spoken_in_order_without_cutting_off(qtbot):
    voice = MockVoice(duration_ms=20)
    announcer = make_announcer(qtbot, voice, voice_template_en=EN_TEMPLATE, voice_repeats=2)
    announcer.announce(call("A012", 3))
    announcer.announce(call("B004", 5))
    qtbot.waitUntil(lambda: not announcer.busy, timeout=5000)
    zh1, en1 = "请 A 零 一 二 号到 3 号窗口办理", "Number A 0 1 2, please go to window 3"
    zh2, en2 = "请 B 零 零 四 号到 5 号窗口办理", "Number B 0 0 4, please go to window 5"
    assert list(voice.spoken) == [
        ("chime", ""), ("zh", zh1), ("en", en1), ("zh", zh1), ("en", en1),
        ("chime", ""), ("zh", zh2), ("en", en2), ("zh", zh2), ("en", en2),
    ]  # fmt: skip
    assert voice.cut_offs == []


def test_a_newer_call_at_the_same_window_replaces_a_queued_one(qtbot):
    voice = MockVoice(duration_ms=20)
    announcer = make_announcer(qtbot, voice, voice_repeats=1)
    announcer.announce(call("A001", 1))
    announcer.announce(call("A002", 2))
    announcer.announce(call("A003", 2))  # A002 was dealt with before its turn came
    qtbot.waitUntil(lambda: not announcer.busy, timeout=5000)
    assert [text for kind, text in voice.spoken if kind == "zh"] == [
        "请 A 零 零 一 号到 1 号窗口办理",
        "请 A 零 零 三 号到 2 号窗口办理",
    ]


def test_muted_hall_says_nothing(qtbot):
    voice = MockVoice()
    announcer = make_announcer(qtbot, voice, voice_muted=True)
    announcer.announce(call("A001", 1))
    qtbot.wait(50)
    assert list(voice.spoken) == []
    assert not announcer.busy


def test_muting_stops_what_is_queued(qtbot):
    voice = MockVoice(duration_ms=200)
    announcer = make_announcer(qtbot, voice, voice_repeats=3)
    announcer.announce(call("A001", 1))
    announcer.announce(call("A002", 2))
    announcer.apply_settings(HallSettings(voice_muted=True))
    qtbot.wait(300)
    assert list(voice.spoken) == [("chime", "")]


class HungVoice(VoiceEngine):
    """A sound system that takes a step and never says it is done."""

    def __init__(self) -> None:
        super().__init__()
        self.played: list[Step] = []

    def play(self, step: Step) -> None:
        self.played.append(step)


def test_a_hung_engine_is_given_up_and_reported(qtbot, monkeypatch):
    monkeypatch.setattr(Announcer, "_allowed_ms", staticmethod(lambda step: 100))
    engine = HungVoice()
    announcer = make_announcer(qtbot, engine)
    with qtbot.waitSignal(announcer.problem_changed, timeout=3000) as blocker:
        announcer.announce(call("A001", 1))
    assert blocker.args == [VoiceProblem("stuck")]
    announcer.announce(call("A002", 2))  # not sent to a hung engine
    qtbot.wait(50)
    assert [s.kind for s in engine.played] == ["chime"]
    # When the engine finally answers, the board speaks again.
    with qtbot.waitSignal(announcer.problem_changed, timeout=3000) as blocker:
        engine.finished.emit()
    assert blocker.args == [None]


def test_no_voice_is_a_problem_for_staff_not_a_crash(qtbot):
    announcer = Announcer(SilentVoice(VoiceProblem("no_audio")))
    with qtbot.waitSignal(announcer.problem_changed, timeout=3000) as blocker:
        announcer.start()
    problem = blocker.args[0]
    assert problem.code == "no_audio"
    assert problem.report_text() == "没有音频输出设备，只显示不播报"
    announcer.announce(call("A001", 1))
    assert not announcer.busy


def test_clips_for_one_call():
    assert clip_names("A012", 3) == ["请", "A", "0", "1", "2", "号", "到", "3", "号窗口", "办理"]
    assert clip_names("B7", 12, have_banli=False) == [
        "请",
        "B",
        "7",
        "号",
        "到",
        "1",
        "2",
        "号窗口",
    ]


def write_wav(path: Path, rate: int = 16000, frames: bytes = b"\x00\x00" * 160) -> Path:
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(rate)
        f.writeframes(frames)
    return path


def test_clips_join_only_when_recorded_alike(tmp_path):
    a = read_clip(write_wav(tmp_path / "a.wav", frames=b"\x01\x00" * 160))
    b = read_clip(write_wav(tmp_path / "b.wav", frames=b"\x02\x00" * 80))
    joined = join_clips([a, b])
    assert joined.frames == a.frames + b.frames
    assert joined.seconds == pytest.approx(240 / 16000)
    other = read_clip(write_wav(tmp_path / "c.wav", rate=22050))
    with pytest.raises(ValueError, match="differ in format"):
        join_clips([a, other])


def test_not_a_wav_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "请.wav"
    bad.write_bytes(b"not a wave")
    with pytest.raises(ValueError, match="请.wav"):
        read_clip(bad)


def test_the_chime_is_a_short_pcm_clip():
    from display.voice import default_chime

    chime = default_chime()
    assert isinstance(chime, Clip)
    assert 0.5 < chime.seconds < 3
    assert chime.sample_width == 2


# Qt Multimedia lists the optional libraries it cannot find on a machine without a desktop.
@pytest.mark.qt_log_ignore("qt.multimedia", "PulseAudio", "pipewire", "symbols")
def test_text_to_speech_runs_on_its_own_thread(qtbot):
    from PySide6.QtMultimedia import QAudioDevice
    from PySide6.QtTextToSpeech import QTextToSpeech

    from display.voice import TtsVoice

    if "mock" not in QTextToSpeech.availableEngines():
        pytest.skip("Qt's mock speech engine is not installed")
    # Qt's test engine has no Chinese voice: name one, as a hall may.
    engine = TtsVoice(QAudioDevice(), voice_name="Anne", engine_name="mock")
    announcer = make_announcer(qtbot, engine, voice_repeats=1, voice_template_en=EN_TEMPLATE)
    try:
        qtbot.waitUntil(lambda: engine._tts is not None, timeout=10000)
        assert engine.thread() is not announcer.thread()
        assert engine._voices["zh"].name() == "Anne"
        problems: list[VoiceProblem | None] = []
        announcer.problem_changed.connect(problems.append)
        announcer.announce(call("A012", 3))
        qtbot.waitUntil(lambda: not announcer.busy, timeout=20000)
        # No sound card here: the chime fails and is reported; the sentences still follow,
        # and once one is spoken the warning is taken back.
        assert [p.code if p else None for p in problems] == ["failed", None]
    finally:
        announcer.shutdown()


@pytest.mark.qt_log_ignore("qt.multimedia", "PulseAudio", "pipewire", "symbols")
def test_a_folder_of_clips_is_checked_and_joined_per_call(qtbot, tmp_path):
    from PySide6.QtMultimedia import QAudioDevice

    from display.voice import ClipsVoice

    for name in ["请", "号", "到", "号窗口", "办理", "a", *"0123456789"]:
        write_wav(tmp_path / f"{name}.wav")
    engine = ClipsVoice(QAudioDevice(), tmp_path)
    problems: list[VoiceProblem | None] = []
    engine.problem_changed.connect(problems.append)
    engine.open()
    assert problems == [None]
    assert not engine.speaks_english
    # No recording of the letter B: that call cannot be said, and staff are told which file.
    engine.play(Step("zh", "", "B001", 1))
    assert problems[-1] == VoiceProblem("clips", "B.wav")
    # A001 has every clip; joined, it goes to the sound card (none here, so that fails).
    engine.play(Step("zh", "", "A001", 1))
    assert problems[-1].code == "failed"


@pytest.mark.qt_log_ignore("qt.multimedia", "PulseAudio", "pipewire", "symbols")
def test_an_incomplete_folder_of_clips_is_reported(qtbot, tmp_path):
    from PySide6.QtMultimedia import QAudioDevice

    from display.voice import ClipsVoice

    write_wav(tmp_path / "请.wav")
    engine = ClipsVoice(QAudioDevice(), tmp_path)
    with qtbot.waitSignal(engine.problem_changed, timeout=2000) as blocker:
        engine.open()
    problem = blocker.args[0]
    assert problem.code == "clips"
    assert "号窗口.wav" in problem.detail and "0.wav" in problem.detail
    assert problem.report_text().startswith("录音文件不全或无法读取：")
