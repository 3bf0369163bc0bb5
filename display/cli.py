"""Arguments of `hallq display` (kept free of Qt so `hallq --help` stays fast)."""

from __future__ import annotations

import argparse


def windows_range(text: str) -> tuple[int, ...]:
    """'1-8' or '1,3,5' → window numbers."""
    numbers: list[int] = []
    try:
        for part in text.split(","):
            if "-" in part:
                a, b = part.split("-", 1)
                numbers.extend(range(int(a), int(b) + 1))
            elif part.strip():
                numbers.append(int(part))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a window list like 1-8 or 1,3,5: {text!r}") from None
    if not numbers or min(numbers) < 1:
        raise argparse.ArgumentTypeError(f"not a window list like 1-8 or 1,3,5: {text!r}")
    return tuple(sorted(set(numbers)))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fullscreen", action="store_true", help="fill the screen")
    parser.add_argument(
        "--windows", type=windows_range, metavar="1-8", help="show only these windows"
    )
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language (default from config)")
    parser.add_argument("--theme", choices=("dark", "light"), default="dark")
    parser.add_argument(
        "--screenshot", metavar="PATH", help="render to PNG after loading, then exit"
    )
    parser.add_argument("--size", metavar="WxH", help="window size, e.g. 1080x1920 (portrait)")
    parser.add_argument("--no-voice", action="store_true", help="visual only")
    parser.add_argument(
        "--voice-engine",
        choices=("auto", "tts", "clips", "mock", "none"),
        default="auto",
        help="tts: Qt TextToSpeech; clips: recorded clips folder; mock: log what would be said",
    )
    parser.add_argument(
        "--clips",
        metavar="DIR",
        help="folder of recorded WAV clips: chime, 请, A…Z, 0…9, 号, 到, 号窗口, 办理",
    )
    parser.add_argument(
        "--voice",
        metavar="NAME",
        help="text-to-speech voice by name (default: the first Mandarin voice found)",
    )


def run(args: argparse.Namespace) -> int:
    from display.app import main

    return main(args)
