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


# Radical forms Qt writes for ideographs of ours that share their glyph (see common.qt.report_pdf).
RADICALS = str.maketrans({"⻓": "长", "⻚": "页", "⻅": "见", "戶": "户", "⻔": "门", "⻋": "车"})


def pdf_text(path) -> str:
    """A PDF's text without white space, radical forms folded to the ideographs drawn.

    Qt's ToUnicode map gives a glyph shared by an ideograph and a radical the lower code point
    (口 → ⼝, 长 → ⻓); NFKC folds the Kangxi radicals, `RADICALS` the supplement's.
    """
    import unicodedata

    import pypdf

    text = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return "".join(unicodedata.normalize("NFKC", text).translate(RADICALS).split())
