"""取号结果: the number very large, the service, people ahead, expected wait, the QR code, and
what the printer did.

The screen appears the moment the tile is tapped ("正在取号…") and fills in when the ticket
is issued; the print state follows. If the printer fails the number stays on screen with a
calm request to note it down — the ticket is valid all the same.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from common.engine import IssuedTicket
from common.qt import theme
from kiosk import texts
from kiosk.screens.base import KioskScreen, make_label
from kiosk.ticket_printer import PrintOutcome
from kiosk.widgets.big_number import BigNumber
from kiosk.widgets.qr_view import QrView
from kiosk.widgets.touch_button import TouchButton

# A good print: the customer takes the ticket and goes; the screen clears itself.
RETURN_AFTER_PRINT_MS = 15_000
# The second tap of a double tap must not close the ticket it just opened.
IGNORE_TAPS_MS = 1_000


class TicketIssuedScreen(KioskScreen):
    """Shows one ticket.

    Signals:
        done(): back to the home screen.
    """

    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.issued: IssuedTicket | None = None
        self.print_state = ""  # "" | printing | printed | failed | none
        self.error_text = ""
        self._pending_service = ""
        self._since = QElapsedTimer()
        self._return = QTimer(self, singleShot=True, interval=RETURN_AFTER_PRINT_MS)
        self._return.timeout.connect(self.done)

        self._caption = make_label("subtitle", center=True)
        self.number = BigNumber()
        self._service = make_label("title", center=True)
        self._priority = make_label(center=True)
        self._priority.setStyleSheet(
            f"background: {theme.GREEN}; color: white; font-size: 36px; font-weight: bold;"
            " border-radius: 12px; padding: 8px 24px;"
        )
        self._ahead = make_label(center=True)
        self._ahead.setStyleSheet("font-size: 46px; font-weight: bold;")
        self._wait = make_label("subtitle", center=True)
        self.qr = QrView()
        self._qr_caption = make_label("hint", center=True)
        self._check = make_label(center=True)
        self._check.setStyleSheet("font-size: 40px; font-weight: bold;")
        self.print_label = make_label(center=True)
        self.print_label.setObjectName("PrintState")
        self.done_button = TouchButton(role="primary")
        self.done_button.clicked.connect(self._on_done_clicked)

        self._left = QVBoxLayout()
        self._left.setSpacing(14)
        for widget in (
            self._caption,
            self.number,
            self._service,
            self._priority,
            self._ahead,
            self._wait,
        ):
            self._left.addWidget(widget)
        self._right = QVBoxLayout()
        self._right.setSpacing(10)
        qr_row = QHBoxLayout()
        qr_row.addStretch(1)
        qr_row.addWidget(self.qr)
        qr_row.addStretch(1)
        self._right.addWidget(self._qr_caption)
        self._right.addLayout(qr_row)
        self._right.addWidget(self._check)
        self._right.addStretch(1)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(50, 30, 50, 40)
        self._grid.setSpacing(20)
        self.arrange()
        self.reset()

    # -- states

    def show_pending(self, service_name: str) -> None:
        """The tap was taken; the number is on its way."""
        self.reset()
        self._pending_service = service_name
        self._since.start()
        self.retranslate()

    def show_ticket(self, issued: IssuedTicket, qr_matrix: list[list[bool]]) -> None:
        """The issued ticket; `qr_matrix` was computed off the GUI thread (it takes a while)."""
        self.issued = issued
        self.error_text = ""
        self.number.set_text(issued.ticket.label)
        self.qr.set_matrix(qr_matrix)
        self.print_state = self.print_state or "printing"
        self.retranslate()

    def show_failure(self, message: str) -> None:
        """The ticket could not be issued (closed, today's limit…): say so calmly."""
        self.issued = None
        self.error_text = message
        self.number.set_text("")
        self.retranslate()

    def show_print_outcome(self, ticket_id: int, outcome: PrintOutcome) -> None:
        if self.issued is None or self.issued.ticket.id != ticket_id:
            return
        self.print_state = outcome.state
        if outcome.state == "printed":
            self._return.start()
        self.retranslate()

    def reset(self) -> None:
        self._return.stop()
        self.issued = None
        self.print_state = ""
        self.error_text = ""
        self._pending_service = ""
        self.number.set_text("")
        self.qr.set_matrix([])
        self.retranslate()

    # -- layout and words

    def arrange(self) -> None:
        grid = self._grid
        for item in (self._left, self._right):
            grid.removeItem(item)
        for widget in (self.print_label, self.done_button):
            grid.removeWidget(widget)
        for i in range(4):
            grid.setRowStretch(i, 0)
            grid.setColumnStretch(i, 0)
        self.qr.setFixedSize(*((300, 300) if self.landscape else (380, 380)))
        if self.landscape:
            grid.addLayout(self._left, 0, 0, 3, 1)
            grid.addLayout(self._right, 0, 1)
            grid.addWidget(self.print_label, 1, 1)
            grid.addWidget(self.done_button, 2, 1)
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(1, 2)
            grid.setRowStretch(0, 1)
        else:
            grid.addLayout(self._left, 0, 0)
            grid.addLayout(self._right, 1, 0)
            grid.addWidget(self.print_label, 2, 0)
            grid.addWidget(self.done_button, 3, 0)
            grid.setRowStretch(1, 1)

    def _clear_ticket_parts(self) -> None:
        # Emptied rather than hidden: showing and hiding widgets costs milliseconds each,
        # and the screen must be quick between the tap and the number.
        for label in (self._ahead, self._wait, self._qr_caption, self._check):
            label.setText("")
        self._set_print_text("", "")

    def retranslate(self) -> None:
        issued = self.issued
        has_ticket = issued is not None
        priority = issued is not None and issued.ticket.priority != "none"
        if self._priority.isVisibleTo(self) != priority:
            self._priority.setVisible(priority)
        self.done_button.setText(self.tr("完成") if has_ticket else self.tr("返回首页"))
        if self.error_text:
            self._caption.setText(self.tr("未能取号"))
            self._service.setText(self.error_text)
            self._clear_ticket_parts()
            return
        if issued is None:
            self._caption.setText(self.tr("正在为您取号…"))
            self._service.setText(self._pending_service)
            self._clear_ticket_parts()
            return
        ticket = issued.ticket
        self._caption.setText(self.tr("您的号码"))
        self._service.setText(texts.service_name(ticket.service_name_zh, ticket.service_name_en))
        self._priority.setText(
            self.tr("绿色通道 · %1").replace("%1", texts.priority_name(ticket.priority))
        )
        self._ahead.setText(self.tr("前面还有 %1 人").replace("%1", str(issued.ahead)))
        if issued.expected_wait_min < 1:
            self._wait.setText(self.tr("马上就到您，请留意叫号"))
        else:
            self._wait.setText(
                self.tr("预计等候约 %1 分钟").replace("%1", str(round(issued.expected_wait_min)))
            )
        self._qr_caption.setText(self.tr("办结后扫码评价服务"))
        self._check.setText(self.tr("校验码 %1").replace("%1", issued.check_code))
        texts_by_state = {
            "printing": self.tr("正在打印…"),
            "printed": self.tr("请取走小票，留意叫号"),
            "failed": self.tr("打印失败，请记下您的号码，工作人员会协助您"),
            "none": self.tr("请记下您的号码，留意叫号"),
        }
        self._set_print_text(texts_by_state.get(self.print_state, ""), self.print_state)

    def _set_print_text(self, text: str, state: str) -> None:
        self.print_label.setText(text)
        if self.print_label.property("state") != state:
            # Colour and weight per state come from `kiosk.style` (QLabel#PrintState).
            self.print_label.setProperty("state", state)
            self.print_label.style().unpolish(self.print_label)
            self.print_label.style().polish(self.print_label)

    def _on_done_clicked(self) -> None:
        if self._since.isValid() and self._since.elapsed() < IGNORE_TAPS_MS:
            return
        self.done.emit()
