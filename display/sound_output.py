"""Playing clips on the sound card.

`QAudioSink` reports when the last sample has gone out, so the next announcement starts only
after the previous one has finished. Imported only when the board has a sound card to use.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal
from PySide6.QtMultimedia import QAudio, QAudioDevice, QAudioFormat, QAudioSink

from display.wav import Clip

log = logging.getLogger(__name__)

_SAMPLE_FORMATS = {
    1: QAudioFormat.SampleFormat.UInt8,
    2: QAudioFormat.SampleFormat.Int16,
    4: QAudioFormat.SampleFormat.Int32,
}


class WavOutput(QObject):
    """Plays one clip at a time on an audio device.

    Signals:
        finished(): the clip has been played to its end.
        failed(str): the device refused the clip or stopped with an error.
    """

    finished = Signal()
    failed = Signal(str)

    def __init__(self, device: QAudioDevice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._device = device
        self._sink: QAudioSink | None = None
        self._buffer: QBuffer | None = None
        self._volume = 1.0

    def set_volume(self, volume: float) -> None:
        self._volume = volume
        if self._sink is not None:
            self._sink.setVolume(volume)

    def play(self, clip: Clip) -> None:
        self.stop()
        fmt = QAudioFormat()
        fmt.setSampleRate(clip.rate)
        fmt.setChannelCount(clip.channels)
        fmt.setSampleFormat(_SAMPLE_FORMATS[clip.sample_width])
        if not self._device.isFormatSupported(fmt):
            where = self._device.description() or "audio output"
            self.failed.emit(f"{where}: {clip.rate} Hz, {clip.sample_width * 8}-bit not supported")
            return
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(clip.frames))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._sink = QAudioSink(self._device, fmt, self)
        self._sink.setVolume(self._volume)
        self._sink.stateChanged.connect(self._on_state_changed)
        self._sink.start(self._buffer)

    def stop(self) -> None:
        """Stop and release the current clip (no signal)."""
        sink, buffer = self._sink, self._buffer
        self._sink = self._buffer = None
        if sink is not None:
            sink.stateChanged.disconnect(self._on_state_changed)
            sink.stop()
            sink.deleteLater()
        if buffer is not None:
            buffer.close()
            buffer.deleteLater()

    def _on_state_changed(self, state: QAudio.State) -> None:
        sink = self._sink
        if sink is None:
            return
        if state == QAudio.State.IdleState:
            # Idle after start(): the buffer has been played to its end.
            self.stop()
            self.finished.emit()
        elif state == QAudio.State.StoppedState and sink.error() != QAudio.Error.NoError:
            error = sink.error()
            self.stop()
            log.warning("audio output stopped: %s", error)
            self.failed.emit(str(error.name))
