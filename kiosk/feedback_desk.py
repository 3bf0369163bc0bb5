"""The feedback machine (意见反馈机): rating a finished ticket, and complaints or suggestions.

Each step is one operation on the worker; the answers come back as signals. A refused step
(forged code, not finished yet, rated already…) comes back as a friendly sentence, never as an
error dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance

from common.errors import DatabaseUnavailable, HallqError
from common.qt.messages import user_message
from common.qt.worker import OperationRunner
from kiosk import operations
from kiosk.hall_state import HallState
from kiosk.operations import RatingRequest

log = logging.getLogger(__name__)


class FeedbackDesk(QObject):
    """Runs the rating and complaint steps.

    Signals:
        target_found(object, object): the `RatingTarget` and the `RatingRequest` that named it.
        lookup_refused(str): why this ticket cannot be rated (one calm sentence).
        rated(object): the `RatingResult`.
        feedback_saved(object): the stored `FeedbackView`.
        refused(str): a rating or complaint could not be stored (one calm sentence).
    """

    target_found = Signal(object, object)
    lookup_refused = Signal(str)
    rated = Signal(object)
    feedback_saved = Signal(object)
    refused = Signal(str)

    def __init__(
        self, hall: HallState, runner: OperationRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._hall = hall
        self._runner = runner
        self._busy = False

    def look_up(self, request: RatingRequest) -> None:
        """Find who served the ticket named by a scan or by number and check code."""
        engine = self._hall.engine
        if engine is None or self._busy:
            return
        self._busy = True
        self._runner.submit(
            lambda: operations.find_rating_target(engine, request),
            lambda target: self._done(self.target_found.emit, target, request),
            lambda error: self._fail(self.lookup_refused, error),
        )

    def rate(
        self, request: RatingRequest, score: int, reasons: tuple[str, ...] = (), phone: str = ""
    ) -> None:
        engine = self._hall.engine
        if engine is None or self._busy:
            return
        self._busy = True
        self._runner.submit(
            lambda: operations.submit_rating(engine, request, score, reasons, phone),
            lambda result: self._done(self.rated.emit, result),
            lambda error: self._fail(self.refused, error),
        )

    def send_feedback(self, category: str, text: str, phone: str) -> None:
        engine = self._hall.engine
        if engine is None or self._busy:
            return
        self._busy = True
        self._runner.submit(
            lambda: operations.submit_feedback(engine, category, text, phone),
            lambda item: self._done(self.feedback_saved.emit, item),
            lambda error: self._fail(self.refused, error),
        )

    def _done(self, emit: Callable[..., object], *values: object) -> None:
        self._busy = False
        emit(*values)

    def _fail(self, signal: SignalInstance, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, DatabaseUnavailable):
            self._hall.report_failure(error)
            return
        if not isinstance(error, HallqError):
            log.error("feedback step failed", exc_info=error)
        signal.emit(user_message(error))
