"""Typed errors of the core. Each maps to one exit code of the `hallq` command.

Messages are written for the person in front of the screen: one line, no jargon.
"""

from __future__ import annotations


class HallqError(Exception):
    """Base of every error the core raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, code: str = "error") -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message


class BadInput(HallqError):
    """The request itself is wrong: unknown service or window, malformed day, bad token."""

    exit_code = 2


class ConfigError(BadInput):
    """The PC's configuration cannot be used (bad file, bad DB URL)."""


class NothingToDo(HallqError):
    """Nothing was there to act on, e.g. the queue is empty."""

    exit_code = 3


class Refused(HallqError):
    """A hall rule refuses the action: closed, daily limit, paused window, already rated."""

    exit_code = 4


class DatabaseUnavailable(HallqError):
    """The database cannot be reached, is locked for too long, or has no hallq schema."""

    exit_code = 2
