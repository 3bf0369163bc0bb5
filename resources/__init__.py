"""Files the apps load at run time: translations, sounds, styles."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """Return the path of a resource file below this folder."""
    return ROOT.joinpath(*parts)
