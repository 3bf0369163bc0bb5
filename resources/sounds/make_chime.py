"""Synthesise chime.wav, the two-tone "ding-dong" played before every announcement.

Run `python resources/sounds/make_chime.py` to rebuild it; only the standard library is used.
Each tone is a soft bell: a fundamental with two quieter partials, a short attack and an
exponential decay, so it carries across a hall without startling anyone.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
TONES = ((783.99, 0.0), (659.25, 0.55))  # G5 then E5, seconds from the start
LENGTH_S = 1.6
PEAK = 0.6


def sample(t: float) -> float:
    value = 0.0
    for freq, start in TONES:
        local = t - start
        if local < 0:
            continue
        envelope = min(1.0, local / 0.008) * math.exp(-local * 3.2)
        value += envelope * (
            math.sin(2 * math.pi * freq * local)
            + 0.35 * math.sin(2 * math.pi * freq * 2 * local)
            + 0.12 * math.sin(2 * math.pi * freq * 3 * local)
        )
    return value


def main(path: Path | None = None) -> None:
    path = path or Path(__file__).with_name("chime.wav")
    samples = [sample(i / RATE) for i in range(int(RATE * LENGTH_S))]
    # Fade the tail to silence so the clip ends without a click.
    fade = int(RATE * 0.15)
    for i in range(fade):
        samples[-fade + i] *= 1 - i / fade
    scale = PEAK / max(abs(s) for s in samples)
    frames = b"".join(struct.pack("<h", round(s * scale * 32767)) for s in samples)
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes(frames)


if __name__ == "__main__":
    main()
