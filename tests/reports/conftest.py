"""Helpers for the report tests: play tickets through the engine on the manual clock."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from common import hall
from common.engine import QueueEngine, TicketView


class HallPlay:
    """Drive a hall ticket by ticket, with times given in minutes."""

    def __init__(self, engine: QueueEngine, clock) -> None:
        self.engine = engine
        self.clock = clock

    def set_settings(self, **changes) -> None:
        engine = self.engine
        settings = engine.settings.replace(**changes)
        engine.db.transaction(
            lambda s: hall.save_settings(
                s, engine.hall_id, settings, at=self.clock.now(), staff_id=None
            )
        )
        engine.refresh_settings()

    def serve(
        self,
        service: str,
        window: int,
        staff: str,
        wait_min: float,
        handle_min: float,
        score: int | None = None,
        reasons: Sequence[str] = (),
        start: bool = True,
    ) -> TicketView:
        """Issue, wait, call at `window`, (start,) handle, finish, and rate if `score`."""
        issued = self.engine.issue(service)
        self.clock.advance(minutes=wait_min)
        self.engine.call_specific(window, issued.ticket.label, staff)
        if start:
            self.engine.start(window)
        self.clock.advance(minutes=handle_min)
        done = self.engine.finish(window)
        if score is not None:
            self.engine.rate(issued.ticket.token, score, list(reasons))
        return done


@pytest.fixture
def play(engine, clock) -> HallPlay:
    return HallPlay(engine, clock)


def pdf_text(path) -> str:
    """A PDF's text, NFKC-normalised, without white space.

    Qt maps a glyph shared by a Kangxi radical and an ideograph (⼝/口) back to the radical;
    NFKC folds them, as PDF viewers do when searching.
    """
    import unicodedata

    import pypdf

    text = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return "".join(unicodedata.normalize("NFKC", text).split())
