"""The kiosk's window: the hall's header band and one screen at a time.

It only moves the customer between screens; issuing and printing live in `TicketDesk`,
ratings and complaints in `FeedbackDesk`, the hall's live state in `HallState`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from common.engine import FeedbackView, IssuedTicket, RatingResult, RatingTarget
from common.errors import DatabaseUnavailable, HallqError
from common.qt.i18n import install_translations
from common.qt.messages import user_message
from kiosk import texts
from kiosk.corner_press import CornerPress
from kiosk.feedback_desk import FeedbackDesk
from kiosk.hall_state import HallState
from kiosk.idle_watch import IdleWatch
from kiosk.issuing import TicketDesk
from kiosk.operations import HallSnapshot, RatingRequest
from kiosk.scan_input import ScanInput
from kiosk.screens.admin_exit import AdminExitScreen
from kiosk.screens.base import KioskScreen
from kiosk.screens.complaint import ComplaintScreen
from kiosk.screens.home import HomeScreen
from kiosk.screens.priority_lane import PriorityLaneScreen
from kiosk.screens.rate_lookup import RateLookupScreen
from kiosk.screens.rate_reasons import RateReasonsScreen
from kiosk.screens.rate_score import RateScoreScreen
from kiosk.screens.suspended import SuspendedScreen
from kiosk.screens.thanks import ThanksScreen
from kiosk.screens.ticket_issued import TicketIssuedScreen
from kiosk.style import stylesheet
from kiosk.widgets.hall_header import HallHeader

log = logging.getLogger(__name__)

CATALOGS = ["kiosk", "common"]
# Below 满意 the kiosk asks what went wrong.
SATISFIED = 4


class KioskWindow(QWidget):
    """The kiosk.

    Args:
        hall: the hall's live state (loaded and kept fresh on the worker).
        desk: issues and prints tickets.
        feedback: ratings and complaints.
        language: the PC's language; the kiosk returns to it when idle.
        kiosk_mode: frameless and on top; closing needs the hall's PIN.

    Signals:
        screen_changed(str): the class name of the screen now shown.
    """

    screen_changed = Signal(str)

    def __init__(
        self,
        hall: HallState,
        desk: TicketDesk,
        feedback: FeedbackDesk,
        language: str = "zh_CN",
        kiosk_mode: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("KioskWindow")
        self.setStyleSheet(stylesheet())
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.hall = hall
        self.desk = desk
        self.feedback = feedback
        self.default_language = language
        self.language = language
        self.kiosk_mode = kiosk_mode
        self._unlocked = False
        self._rating_request: RatingRequest | None = None
        self._rating_score = 0
        if kiosk_mode:
            self.setWindowFlags(
                Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
            )

        self.header = HallHeader()
        self.header.language_requested.connect(self._on_language_requested)
        self.home = HomeScreen()
        self.priority_lane = PriorityLaneScreen()
        self.ticket = TicketIssuedScreen()
        self.rate_lookup = RateLookupScreen()
        self.rate_score = RateScoreScreen()
        self.rate_reasons = RateReasonsScreen()
        self.complaint = ComplaintScreen()
        self.thanks = ThanksScreen()
        self.suspended = SuspendedScreen()
        self.admin_exit = AdminExitScreen()
        self.stack = QStackedWidget()
        for screen in self.screens():
            self.stack.addWidget(screen)
        self.stack.setCurrentWidget(self.suspended)
        layout = QVBoxLayout(self)
        # The window takes the screen's size; screens are laid out to fit 1080×1920 and
        # 1920×1080, and word-wrapped labels must not inflate the window's minimum size.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)

        self.idle = IdleWatch(60, self)
        self.idle.idle.connect(self._on_idle)
        self.corner = CornerPress(self)
        self.corner.triggered.connect(self._on_corner_held)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
            app.installEventFilter(self.corner)
        self.scan = ScanInput(self)
        self.scan.scanned.connect(self._on_scanned)

        self._connect_screens()
        self._connect_services()

    def screens(self) -> list[KioskScreen]:
        return [
            self.home,
            self.priority_lane,
            self.ticket,
            self.rate_lookup,
            self.rate_score,
            self.rate_reasons,
            self.complaint,
            self.thanks,
            self.suspended,
            self.admin_exit,
        ]

    @property
    def current(self) -> KioskScreen:
        screen = self.stack.currentWidget()
        if not isinstance(screen, KioskScreen):
            raise RuntimeError("the kiosk's stack holds only its screens")
        return screen

    # -- wiring

    def _connect_screens(self) -> None:
        self.home.service_chosen.connect(lambda code: self.desk.issue(code))
        self.home.priority_chosen.connect(self._on_priority_chosen)
        self.home.rate_requested.connect(lambda: self.show_screen(self.rate_lookup))
        self.home.complaint_requested.connect(lambda: self.show_screen(self.complaint))
        self.priority_lane.service_chosen.connect(lambda code, kind: self.desk.issue(code, kind))
        self.priority_lane.back.connect(self.go_home)
        self.ticket.done.connect(self.go_home)
        self.rate_lookup.lookup.connect(self.feedback.look_up)
        self.rate_lookup.back.connect(self.go_home)
        self.rate_score.scored.connect(self._on_scored)
        self.rate_score.back.connect(self.go_home)
        self.rate_reasons.submitted.connect(self._on_reasons_submitted)
        self.rate_reasons.back.connect(lambda: self.show_screen(self.rate_score))
        self.complaint.submitted.connect(self.feedback.send_feedback)
        self.complaint.back.connect(self.go_home)
        self.thanks.done.connect(self.go_home)
        self.thanks.extra_chosen.connect(self._on_complaint_ticket)
        self.admin_exit.unlocked.connect(self._on_unlocked)
        self.admin_exit.back.connect(self.go_home)

    def _connect_services(self) -> None:
        self.hall.loaded.connect(self._on_hall_loaded)
        self.hall.availability_changed.connect(self._on_availability_changed)
        self.desk.started.connect(self._on_issue_started)
        self.desk.issued.connect(self._on_issued)
        self.desk.failed.connect(self._on_issue_failed)
        self.desk.print_finished.connect(self.ticket.show_print_outcome)
        self.feedback.target_found.connect(self._on_target_found)
        self.feedback.lookup_refused.connect(self._on_lookup_refused)
        self.feedback.rated.connect(self._on_rated)
        self.feedback.feedback_saved.connect(self._on_feedback_saved)
        self.feedback.refused.connect(self._on_refused)

    # -- moving between screens

    def show_screen(self, screen: KioskScreen) -> None:
        if screen is not self.current:
            self.stack.setCurrentWidget(screen)
            self.screen_changed.emit(type(screen).__name__)
        # Keys from the barcode scanner come to the window unless a text field wants them.
        if screen is not self.complaint:
            self.setFocus()

    def go_home(self) -> None:
        """Back to the start for the next customer: nothing of the last one stays on screen."""
        for screen in self.screens():
            if screen is not self.home:
                screen.reset()
        self._rating_request = None
        self._rating_score = 0
        if self.hall.available:
            self.show_screen(self.home)
        else:
            self.suspended.set_starting(self.hall.available is None)
            self.show_screen(self.suspended)

    def set_language(self, language: str) -> None:
        if language == self.language:
            return
        self.language = language
        app = QApplication.instance()
        if app is not None:
            install_translations(app, language, CATALOGS)
        self.header.retranslate()
        if self.hall.snapshot is not None:
            self.header.set_hall(
                texts.hall_name(self.hall.snapshot.settings), self.hall.snapshot.settings.timezone
            )
        for screen in self.screens():
            screen.retranslate()

    # -- slots: the hall

    def _on_hall_loaded(self, snapshot: HallSnapshot) -> None:
        settings = snapshot.settings
        self.header.set_hall(texts.hall_name(settings), settings.timezone)
        self.home.show_hall(snapshot)
        self.priority_lane.set_services(snapshot.services)
        self.rate_lookup.set_prefixes([s.prefix for s in snapshot.services])
        self.rate_reasons.set_reasons(settings.rating_reasons)
        self.idle.set_seconds(settings.kiosk_idle_seconds)

    def _on_availability_changed(self, available: bool) -> None:
        if available:
            if self.current is self.suspended:
                self.go_home()
        elif self.current is not self.admin_exit:
            self.suspended.set_starting(False)
            self.show_screen(self.suspended)

    # -- slots: tickets

    def _on_priority_chosen(self, kind: str) -> None:
        services = self.hall.snapshot.services if self.hall.snapshot else ()
        self.priority_lane.show_kind(kind, services)
        self.show_screen(self.priority_lane)

    def _on_issue_started(self, service: str, priority: str) -> None:
        name = ""
        for state in self.hall.snapshot.services if self.hall.snapshot else ():
            if state.code == service:
                name = texts.state_name(state)
        self.ticket.show_pending(name)
        self.show_screen(self.ticket)

    def _on_issued(self, issued: IssuedTicket, qr_matrix: list[list[bool]]) -> None:
        self.ticket.show_ticket(issued, qr_matrix)
        self.idle.poke()

    def _on_issue_failed(self, error: BaseException) -> None:
        if isinstance(error, DatabaseUnavailable):
            return  # the hall state shows 暂停取号 and recovers
        if not isinstance(error, HallqError):
            log.error("issuing failed", exc_info=error)
        self.ticket.show_failure(user_message(error))

    def _on_complaint_ticket(self) -> None:
        snapshot = self.hall.snapshot
        desks = [s for s in snapshot.services if s.is_complaint and s.open_now] if snapshot else []
        if desks:
            self.desk.issue(desks[0].code)

    # -- slots: ratings and complaints

    def _on_scanned(self, code: str) -> None:
        if self.current in (self.suspended, self.admin_exit) or not self.hall.available:
            return
        self.go_home()
        self.show_screen(self.rate_lookup)
        self.feedback.look_up(RatingRequest(scanned=code))

    def _on_target_found(self, target: RatingTarget, request: RatingRequest) -> None:
        self._rating_request = request
        self.rate_score.show_target(target)
        self.show_screen(self.rate_score)

    def _on_lookup_refused(self, message: str) -> None:
        self.rate_lookup.show_error(message)
        self.show_screen(self.rate_lookup)

    def _on_scored(self, score: int) -> None:
        self._rating_score = score
        if score >= SATISFIED and self._rating_request is not None:
            self.feedback.rate(self._rating_request, score)
            return
        self.rate_reasons.ask(score)
        self.show_screen(self.rate_reasons)

    def _on_reasons_submitted(self, reasons: tuple[str, ...], phone: str) -> None:
        if self._rating_request is not None:
            self.feedback.rate(self._rating_request, self._rating_score, reasons, phone)

    def _on_rated(self, result: RatingResult) -> None:
        self.thanks.show_thanks("rated")
        self.show_screen(self.thanks)

    def _on_feedback_saved(self, item: FeedbackView) -> None:
        snapshot = self.hall.snapshot
        desk_open = snapshot is not None and any(
            s.is_complaint and s.open_now for s in snapshot.services
        )
        self.thanks.show_thanks(
            "feedback", str(item.id), offer_ticket=desk_open and item.category != "praise"
        )
        self.show_screen(self.thanks)

    def _on_refused(self, message: str) -> None:
        if self.current is self.complaint:
            self.complaint.show_error(message)
        elif self.current is self.rate_reasons:
            self.rate_reasons.show_error(message)
        else:
            self.rate_lookup.show_error(message)
            self.show_screen(self.rate_lookup)

    # -- slots: the customer and the staff

    def _on_language_requested(self) -> None:
        self.set_language("zh_CN" if self.language == "en" else "en")

    def _on_idle(self) -> None:
        if self.current is not self.home or self.language != self.default_language:
            self.go_home()
            self.set_language(self.default_language)

    def _on_corner_held(self) -> None:
        pin = self.hall.snapshot.settings.kiosk_pin if self.hall.snapshot else ""
        self.admin_exit.ask(pin)
        self.show_screen(self.admin_exit)

    def _on_unlocked(self) -> None:
        self._unlocked = True
        self.close()

    # -- Qt events

    def _press_keypad_key(self, event: QKeyEvent) -> bool:
        """Kiosks with a keypad: digit N takes the Nth service tile on the home screen, and
        gives score N (5 = 非常满意) on the faces. A scanned code starts with a letter ("HQ1."
        or a URL), so a digit typed while no scan is under way is a key press of its own."""
        text = event.text()
        if self.scan.collecting or len(text) != 1 or not "1" <= text <= "9":
            return False
        number = int(text)
        button: QAbstractButton | None
        if self.current is self.home:
            tiles = list(self.home.services.tiles.values())
            button = tiles[number - 1] if number <= len(tiles) else None
        elif self.current is self.rate_score:
            button = self.rate_score.faces.get(number)
        else:
            return False
        if button is not None:
            # click() does nothing on a disabled tile (a closed service), like a finger.
            button.click()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 — Qt override
        if self._press_keypad_key(event):
            event.accept()
            return
        if self.scan.feed(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 — Qt override
        landscape = event.size().width() > event.size().height()
        for screen in self.screens():
            screen.set_landscape(landscape)
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 — Qt override
        if self.kiosk_mode and not self._unlocked:
            # Alt+F4 and friends do nothing in kiosk mode: the PIN is the way out.
            event.ignore()
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
            app.removeEventFilter(self.corner)
        self.hall.stop()
        super().closeEvent(event)
