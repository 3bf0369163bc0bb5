"""Voice announcements (语音叫号): a queue of calls and the engines that speak them.

Every call becomes a chime followed by the hall's template in Chinese (and English when the
hall set one), repeated `voice_repeats` times. Calls wait in a queue and are spoken one after
another: a second call a moment later never cuts off the first.

Engines:
* `TtsVoice` — Qt TextToSpeech with a Mandarin voice chosen by name or language code (on
  Linux, asking for `QLocale(Chinese, China)` picked a Cantonese voice).
* `ClipsVoice` — a folder of clips recorded by the hall, joined per call.
* `MockVoice` — remembers what it would say (tests, `--voice-engine mock`).
* `SilentVoice` — the board stays visual; it carries the reason for staff.

Real engines live on their own thread: a sound system that hangs (speech-dispatcher without
an audio device blocks every caller, as seen on Linux) must never freeze the board. A watchdog
on the GUI side gives up on a step that does not finish and tells staff.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

import resources
from common.config import HallSettings
from common.engine import ServiceState
from common.qt.i18n import QT_TRANSLATE_NOOP
from display.operations import CallShown
from display.wav import Clip, join_clips, read_clip

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QAudioDevice
    from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

    from display.sound_output import WavOutput


log = logging.getLogger(__name__)

ZH_DIGITS = "零一二三四五六七八九"
MAX_QUEUED = 20
LOG_LIMIT = 1000


def spoken_number_zh(label: str) -> str:
    """'A012' → 'A 零 一 二': digits one by one, as halls read numbers out."""
    return " ".join(ZH_DIGITS[int(c)] if c.isdigit() else c for c in label.upper())


def spoken_number_en(label: str) -> str:
    """'A012' → 'A 0 1 2'."""
    return " ".join(label.upper())


# ---------------------------------------------------------------------------- problems

PROBLEM_TEXTS = {
    "no_audio": QT_TRANSLATE_NOOP("voice", "没有音频输出设备，只显示不播报"),
    "no_engine": QT_TRANSLATE_NOOP("voice", "没有可用的语音引擎，只显示不播报"),
    "no_voice": QT_TRANSLATE_NOOP("voice", "没有普通话语音，只显示不播报"),
    "clips": QT_TRANSLATE_NOOP("voice", "录音文件不全或无法读取"),
    "stuck": QT_TRANSLATE_NOOP("voice", "语音播报没有结束，可能没有声音输出"),
    "failed": QT_TRANSLATE_NOOP("voice", "语音播报出错"),
}


@dataclass(frozen=True)
class VoiceProblem:
    """Why the board cannot speak (or speaks only in part)."""

    code: str
    detail: str = ""

    def report_text(self) -> str:
        """The Chinese sentence stored for `hallq status`."""
        text = PROBLEM_TEXTS[self.code]
        return f"{text}：{self.detail}" if self.detail else text

    def display_text(self) -> str:
        """The sentence in the board's language, for staff."""
        text = QCoreApplication.translate("voice", PROBLEM_TEXTS[self.code])
        return f"{text}: {self.detail}" if self.detail else text


# ---------------------------------------------------------------------------- what is said


@dataclass(frozen=True)
class Step:
    """One thing to play: the chime, or one sentence in one language."""

    kind: str  # chime | zh | en
    text: str = ""
    label: str = ""
    window: int = 0


@dataclass(frozen=True)
class VoiceSettings:
    template_zh: str = HallSettings.voice_template_zh
    template_en: str = HallSettings.voice_template_en
    repeats: int = HallSettings.voice_repeats
    volume: float = HallSettings.voice_volume
    muted: bool = HallSettings.voice_muted

    @classmethod
    def of_hall(cls, settings: HallSettings) -> VoiceSettings:
        return cls(
            settings.voice_template_zh,
            settings.voice_template_en,
            settings.voice_repeats,
            settings.voice_volume,
            settings.voice_muted,
        )


def announcement_steps(
    settings: VoiceSettings,
    label: str,
    window: int,
    service_zh: str = "",
    service_en: str = "",
    english: bool = True,
) -> list[Step]:
    """The chime, then the sentences, repeated: what one call sounds like."""
    zh = Step(
        "zh",
        settings.template_zh.format(
            number=spoken_number_zh(label), window=window, service=service_zh
        ),
        label,
        window,
    )
    sentences = [zh]
    if english and settings.template_en:
        sentences.append(
            Step(
                "en",
                settings.template_en.format(
                    number=spoken_number_en(label), window=window, service=service_en or service_zh
                ),
                label,
                window,
            )
        )
    return [Step("chime"), *(sentences * max(1, settings.repeats))]


# ---------------------------------------------------------------------------- engines


class VoiceEngine(QObject):
    """Plays steps one at a time. Subclasses say what they can do in their class attributes.

    Signals:
        finished(): the step being played is over (spoken, or given up).
        problem_changed(object): a VoiceProblem, or None when the engine is fine.
    """

    finished = Signal()
    problem_changed = Signal(object)

    #: Heavy or blocking engines run on their own thread.
    threaded = False
    #: Whether calls are spoken at all (False: the board stays visual).
    speaks = True

    def __init__(self) -> None:
        super().__init__()
        #: Known after `open()`: whether English sentences can be spoken.
        self.speaks_english = True

    # WORKAROUND: PySide delivers a signal to a slot that a subclass overrides on the
    # sender's thread, not the receiver's. These slots are never overridden; they call the
    # methods that are, on the engine's own thread.
    @Slot()
    def _on_open(self) -> None:
        self.open()

    @Slot(object)
    def _on_play(self, step: Step) -> None:
        self.play(step)

    @Slot()
    def _on_stop(self) -> None:
        self.stop()

    @Slot(float)
    def _on_volume(self, volume: float) -> None:
        self.set_volume(volume)

    def open(self) -> None:
        """Prepare the engine on its own thread and say whether it works."""
        self.problem_changed.emit(None)

    def play(self, step: Step) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        """Stop what is playing, without a `finished` signal."""

    def set_volume(self, volume: float) -> None:
        """Volume from 0 to 1."""


class SilentVoice(VoiceEngine):
    """No voice: on purpose (`--no-voice`), or because none works here (then with a problem)."""

    speaks = False

    def __init__(self, problem: VoiceProblem | None = None) -> None:
        super().__init__()
        self.problem = problem

    def open(self) -> None:
        self.problem_changed.emit(self.problem)

    def play(self, step: Step) -> None:
        self.finished.emit()


class MockVoice(VoiceEngine):
    """Remembers what it would say, in order: `spoken` holds (kind, text) pairs.

    Each step "lasts" `duration_ms`. A step played while another one is still going is kept
    in `cut_offs` — the queue must never let that happen.
    """

    def __init__(self, duration_ms: int = 0) -> None:
        super().__init__()
        self.spoken: deque[tuple[str, str]] = deque(maxlen=LOG_LIMIT)
        self.cut_offs: list[tuple[str, str]] = []
        self.volume = 1.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(duration_ms)
        self._timer.timeout.connect(self.finished)

    def play(self, step: Step) -> None:
        if self._timer.isActive():
            self.cut_offs.append((step.kind, step.text))
        self.spoken.append((step.kind, step.text))
        log.info("voice (mock): %s %s", step.kind, step.text)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def set_volume(self, volume: float) -> None:
        self.volume = volume


@dataclass(frozen=True)
class VoiceInfo:
    name: str
    locale: str  # "zh_CN", "en_GB", "C" …


# Names of Mandarin voices on Windows, macOS, espeak-ng and the usual Linux packages.
MANDARIN_HINTS = (
    "mandarin",
    "cmn",
    "普通话",
    "chinese (simplified",
    "chinese (china",
    "huihui",
    "yaoyao",
    "kangkang",
    "xiaoxiao",
    "xiaoyi",
    "yunxi",
    "yunjian",
    "yunyang",
    "tingting",
)
NOT_MANDARIN = ("cantonese", "yue", "hakka", "粤", "hong kong", "hongkong", "taiwan", "min nan")
MAINLAND_LOCALES = ("zh_CN", "zh_SG", "zh_Hans", "cmn")


def choose_voice(voices: list[VoiceInfo], language: str, wanted: str | None = None) -> int | None:
    """Index of the best voice for `language` ("zh": Mandarin, "en"), or None.

    A voice named by the hall (`wanted`) wins. Otherwise a mainland-Chinese locale or a known
    Mandarin name; never Cantonese or Hakka, whatever their locale. espeak's "+variant" voices
    come after the plain ones, and for Chinese the one reading Latin letters as English is
    preferred, because ticket letters are said "A", "B" in halls.
    """
    best, best_score = None, 0.0
    for index, voice in enumerate(voices):
        name = voice.name.lower()
        score = 0.0
        if wanted and name == wanted.lower():
            score = 100
        elif wanted and wanted.lower() in name:
            score = 90
        elif language == "zh":
            if any(word in name for word in NOT_MANDARIN) or voice.locale.startswith(
                ("zh_HK", "zh_MO", "yue")
            ):
                continue
            if voice.locale.startswith(MAINLAND_LOCALES):
                score = 10
            elif any(hint in name for hint in MANDARIN_HINTS):
                score = 8
            elif voice.locale.startswith("zh_"):
                score = 3
            if score and "latin as english" in name:
                score += 1
        elif language == "en":
            if voice.locale.startswith("en"):
                score = 10 + {"en_GB": 1.5, "en_US": 1}.get(voice.locale, 0)
            elif "english" in name:
                score = 5
        if score and score < 90 and "+" in voice.name:
            score -= 2.5
        if score > best_score:
            best, best_score = index, score
    return best


def default_chime() -> Clip:
    return read_clip(resources.path("sounds", "chime.wav"))


class _AudioEngine(VoiceEngine):
    """An engine with a sound card: plays the chime (and clips) through `WavOutput`."""

    threaded = True

    def __init__(self, device: QAudioDevice) -> None:
        super().__init__()
        self._device = device
        self._output: WavOutput | None = None
        self._chime: Clip | None = None
        self._volume = 1.0
        self._failing = False

    def _open_output(self, chime: Clip) -> None:
        from display.sound_output import WavOutput

        self._chime = chime
        self._output = WavOutput(self._device, self)
        self._output.set_volume(self._volume)
        self._output.finished.connect(self._played)
        self._output.failed.connect(self._failed)

    def _play_clip(self, clip: Clip) -> None:
        assert self._output is not None
        self._output.play(clip)

    @Slot()
    def _played(self) -> None:
        """A step went out: a failure reported before is over."""
        if self._failing:
            self._failing = False
            self.problem_changed.emit(None)
        self.finished.emit()

    @Slot(str)
    def _failed(self, why: str) -> None:
        self._failing = True
        self.problem_changed.emit(VoiceProblem("failed", why))
        self.finished.emit()

    def stop(self) -> None:
        if self._output is not None:
            self._output.stop()

    def set_volume(self, volume: float) -> None:
        self._volume = volume
        if self._output is not None:
            self._output.set_volume(volume)


class TtsVoice(_AudioEngine):
    """Qt TextToSpeech (SAPI/WinRT on Windows, speech-dispatcher on Linux)."""

    def __init__(
        self, device: QAudioDevice, voice_name: str | None = None, engine_name: str | None = None
    ) -> None:
        super().__init__(device)
        self._voice_name = voice_name
        self._engine_name = engine_name
        self._tts: QTextToSpeech | None = None
        self._voices: dict[str, QVoice] = {}
        self._current = ""
        self._speaking = False

    def open(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._open_output(default_chime())
        tts = QTextToSpeech(self._engine_name, self) if self._engine_name else QTextToSpeech(self)
        if tts.state() == QTextToSpeech.State.Error or not tts.engine():
            self.problem_changed.emit(VoiceProblem("no_engine", tts.errorString()))
            return
        # The C++ argument is a QLocale pointer: None (nullptr) lists the voices of every locale.
        voices = tts.allVoices(None)  # type: ignore[arg-type]
        infos = [VoiceInfo(v.name(), v.locale().name()) for v in voices]
        zh = choose_voice(infos, "zh", self._voice_name)
        if zh is None:
            self.problem_changed.emit(VoiceProblem("no_voice", tts.engine()))
            return
        self._voices["zh"] = voices[zh]
        en = choose_voice(infos, "en")
        if en is not None:
            self._voices["en"] = voices[en]
        self.speaks_english = en is not None
        tts.setVolume(self._volume)
        tts.stateChanged.connect(self._on_state_changed)
        self._tts = tts
        log.info(
            "voice: %s, %s / %s", tts.engine(), infos[zh].name, en is not None and infos[en].name
        )
        self.problem_changed.emit(None)

    def play(self, step: Step) -> None:
        if step.kind == "chime":
            self._play_clip(self._chime)  # type: ignore[arg-type]
            return
        voice = self._voices.get(step.kind)
        if self._tts is None or voice is None:
            self.finished.emit()
            return
        if self._current != step.kind:
            self._tts.setVoice(voice)
            self._current = step.kind
        self._speaking = True
        self._tts.say(step.text)

    def _on_state_changed(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._tts is None or not self._speaking:
            return
        if state == QTextToSpeech.State.Error:
            self._speaking = False
            self._failed(self._tts.errorString())
        elif state == QTextToSpeech.State.Ready:
            self._speaking = False
            self._played()

    def stop(self) -> None:
        super().stop()
        if self._tts is not None and self._speaking:
            self._speaking = False
            self._tts.stop()

    def set_volume(self, volume: float) -> None:
        super().set_volume(volume)
        if self._tts is not None:
            self._tts.setVolume(volume)


CLIP_WORDS = ("请", "号", "到", "号窗口")


def clip_names(label: str, window: int, have_banli: bool = True) -> list[str]:
    """The clips one call is made of: 请 A 0 1 2 号 到 3 号窗口 (办理)."""
    names = ["请", *label.upper(), "号", "到", *str(window), "号窗口"]
    return [*names, "办理"] if have_banli else names


class ClipsVoice(_AudioEngine):
    """A folder of WAV clips recorded by the hall: chime.wav (optional), 请.wav, A.wav … Z.wav,
    0.wav … 9.wav, 号.wav, 到.wav, 号窗口.wav and 办理.wav (optional). Chinese only."""

    def __init__(self, device: QAudioDevice, folder: Path) -> None:
        super().__init__(device)
        self._folder = folder
        self._clips: dict[str, Clip] = {}

    def open(self) -> None:
        self.speaks_english = False
        problems: list[str] = []
        if not self._folder.is_dir():
            problems.append(str(self._folder))
        else:
            for path in sorted(self._folder.glob("*.wav")):
                try:
                    self._clips[path.stem.upper() if len(path.stem) == 1 else path.stem] = (
                        read_clip(path)
                    )
                except ValueError as e:
                    problems.append(str(e))
        missing = [w for w in (*CLIP_WORDS, *"0123456789") if w not in self._clips]
        problems += [f"{w}.wav" for w in missing]
        chime = self._clips.pop("chime", None)
        self._open_output(chime or default_chime())
        self.problem_changed.emit(VoiceProblem("clips", ", ".join(problems)) if problems else None)

    def play(self, step: Step) -> None:
        if step.kind == "chime":
            self._play_clip(self._chime)  # type: ignore[arg-type]
            return
        if step.kind != "zh":
            self.finished.emit()
            return
        names = clip_names(step.label, step.window, "办理" in self._clips)
        missing = [n for n in names if n not in self._clips]
        try:
            if missing:
                raise ValueError(", ".join(f"{n}.wav" for n in missing))
            clip = join_clips([self._clips[n] for n in names])
        except ValueError as e:
            self.problem_changed.emit(VoiceProblem("clips", str(e)))
            self.finished.emit()
            return
        self._play_clip(clip)


def create_voice(kind: str, clips: str | None = None, voice_name: str | None = None) -> VoiceEngine:
    """The engine for `--voice-engine` (auto | tts | clips | mock | none)."""
    if kind == "none":
        return SilentVoice()
    if kind == "mock":
        return MockVoice(duration_ms=400)
    from PySide6.QtMultimedia import QMediaDevices

    device = QMediaDevices.defaultAudioOutput()
    if device.isNull():
        return SilentVoice(VoiceProblem("no_audio"))
    if kind == "clips" or (kind == "auto" and clips):
        if not clips:
            return SilentVoice(VoiceProblem("clips", "--clips DIR"))
        return ClipsVoice(device, Path(clips))
    from PySide6.QtTextToSpeech import QTextToSpeech

    if not QTextToSpeech.availableEngines():
        return SilentVoice(VoiceProblem("no_engine"))
    return TtsVoice(device, voice_name)


# ---------------------------------------------------------------------------- the queue


@dataclass(frozen=True)
class _Announcement:
    label: str
    window: int


class Announcer(QObject):
    """Speaks calls one after another through a voice engine.

    A queued call is replaced by a newer call at the same window (the older customer has
    been dealt with); the call being spoken is never cut off.

    Signals:
        problem_changed(object): a VoiceProblem, or None when the board can speak.
    """

    problem_changed = Signal(object)
    _open = Signal()
    _play = Signal(object)
    _stop = Signal()
    _volume = Signal(float)

    def __init__(
        self,
        engine: VoiceEngine,
        parent: QObject | None = None,
        *,
        chime_gap_ms: int = 250,
        sentence_gap_ms: int = 600,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.chime_gap_ms = chime_gap_ms
        self.sentence_gap_ms = sentence_gap_ms
        self._current: Step | None = None
        self.settings = VoiceSettings()
        self.problem: VoiceProblem | None = None
        self._engine_problem: VoiceProblem | None = None
        self._services: dict[str, tuple[str, str]] = {}
        self._queue: deque[_Announcement] = deque()
        self._steps: deque[Step] = deque()
        self._playing = False
        self._stuck = False
        self._thread: QThread | None = None
        if engine.threaded:
            self._thread = QThread(self)
            self._thread.setObjectName("hallq-voice")
            engine.moveToThread(self._thread)
            # Delete the engine (and its TextToSpeech, sound output) on its own thread.
            self._thread.finished.connect(engine.deleteLater)
            self._thread.start()
        self._open.connect(engine._on_open)
        self._play.connect(engine._on_play)
        self._stop.connect(engine._on_stop)
        self._volume.connect(engine._on_volume)
        engine.finished.connect(self._on_step_finished)
        engine.problem_changed.connect(self._on_engine_problem)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_watchdog)
        self._gap = QTimer(self)
        self._gap.setSingleShot(True)
        self._gap.timeout.connect(self._next_step)

    def start(self) -> None:
        """Open the engine (on its thread); the outcome arrives as `problem_changed`."""
        self._open.emit()

    @property
    def busy(self) -> bool:
        return self._playing or bool(self._steps) or bool(self._queue)

    def apply_settings(self, settings: HallSettings) -> None:
        self.settings = VoiceSettings.of_hall(settings)
        self._volume.emit(self.settings.volume)
        if self.settings.muted:
            self._drop_all()

    def set_services(self, services: tuple[ServiceState, ...]) -> None:
        """Service names by ticket prefix, for templates that say `{service}`."""
        self._services = {s.prefix: (s.name_zh, s.name_en) for s in services}

    @Slot(object)
    def announce(self, call: CallShown) -> None:
        if self.settings.muted or not self.engine.speaks or self._stuck:
            return
        self._queue = deque(a for a in self._queue if a.window != call.window)
        self._queue.append(_Announcement(call.label, call.window))
        while len(self._queue) > MAX_QUEUED:
            dropped = self._queue.popleft()
            log.warning("voice queue full; not announcing %s", dropped.label)
        if not self._playing and not self._gap.isActive():
            self._next_step()

    def _service_names(self, label: str) -> tuple[str, str]:
        for prefix in sorted(self._services, key=len, reverse=True):
            if label.upper().startswith(prefix) and label[len(prefix) :].isdigit():
                return self._services[prefix]
        return "", ""

    @Slot()
    def _next_step(self) -> None:
        if self._playing:
            return
        if not self._steps:
            if not self._queue:
                return
            item = self._queue.popleft()
            zh, en = self._service_names(item.label)
            self._steps.extend(
                announcement_steps(
                    self.settings, item.label, item.window, zh, en, self.engine.speaks_english
                )
            )
        step = self._steps.popleft()
        self._playing = True
        self._current = step
        self._watchdog.start(self._allowed_ms(step))
        self._play.emit(step)

    @staticmethod
    def _allowed_ms(step: Step) -> int:
        if step.kind == "chime":
            return 6000
        return int(5000 + 400 * len(step.text))

    @Slot()
    def _on_step_finished(self) -> None:
        if self._stuck:
            # The engine came back after all.
            self._stuck = False
            self._set_problem(self._engine_problem)
            return
        if not self._playing:
            return
        self._watchdog.stop()
        self._playing = False
        if self._steps or self._queue:
            after_chime = self._current is not None and self._current.kind == "chime"
            self._gap.start(self.chime_gap_ms if after_chime else self.sentence_gap_ms)

    @Slot()
    def _on_watchdog(self) -> None:
        log.warning("voice engine did not finish %r; announcements paused", self._current)
        self._stuck = True
        self._playing = False
        self._steps.clear()
        self._queue.clear()
        self._stop.emit()
        self._set_problem(VoiceProblem("stuck"))

    @Slot(object)
    def _on_engine_problem(self, problem: VoiceProblem | None) -> None:
        self._engine_problem = problem
        if not self._stuck:
            self._set_problem(problem)

    def _set_problem(self, problem: VoiceProblem | None) -> None:
        if problem != self.problem:
            self.problem = problem
            if problem:
                log.warning("voice: %s", problem.report_text())
            self.problem_changed.emit(problem)

    def _drop_all(self) -> None:
        self._queue.clear()
        self._steps.clear()
        self._gap.stop()
        if self._playing:
            self._watchdog.stop()
            self._playing = False
            self._stop.emit()

    def shutdown(self, timeout_ms: int = 2000) -> None:
        """Stop speaking and end the voice thread."""
        self._drop_all()
        if self._thread is None:
            return
        self._thread.quit()
        if not self._thread.wait(timeout_ms):
            # The sound system is hung inside a call that never returns; at exit there is
            # nothing left to protect, and a running QThread would abort the process.
            log.warning("voice thread did not stop; terminating it")
            self._thread.terminate()
            self._thread.wait(timeout_ms)
