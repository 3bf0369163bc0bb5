"""PCM WAV clips: reading and joining them.

The chime and a hall's recorded clips are plain PCM WAV files, read with the standard `wave`
module. Playing them is `display.sound_output`'s job.
"""

from __future__ import annotations

import wave
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Clip:
    channels: int
    sample_width: int  # bytes per sample: 1, 2 or 4
    rate: int
    frames: bytes

    @property
    def seconds(self) -> float:
        frame_size = self.channels * self.sample_width
        return len(self.frames) / frame_size / self.rate if frame_size and self.rate else 0.0

    @property
    def format_key(self) -> tuple[int, int, int]:
        return self.channels, self.sample_width, self.rate


def read_clip(path: Path) -> Clip:
    """Read a PCM WAV file (raises ValueError when it is not one)."""
    try:
        with wave.open(str(path), "rb") as f:
            clip = Clip(
                f.getnchannels(), f.getsampwidth(), f.getframerate(), f.readframes(f.getnframes())
            )
    except (OSError, EOFError, wave.Error) as e:
        raise ValueError(f"{path.name}: {e}") from e
    if clip.sample_width not in (1, 2, 4):
        raise ValueError(f"{path.name}: {clip.sample_width * 8}-bit samples are not supported")
    return clip


def join_clips(clips: list[Clip]) -> Clip:
    """One clip made of several recorded in the same format (one hall, one recording session)."""
    if not clips:
        raise ValueError("nothing to join")
    first = clips[0]
    for clip in clips[1:]:
        if clip.format_key != first.format_key:
            raise ValueError(
                f"clips differ in format: {first.format_key} and {clip.format_key} "
                "(channels, bytes per sample, rate)"
            )
    return Clip(first.channels, first.sample_width, first.rate, b"".join(c.frames for c in clips))
