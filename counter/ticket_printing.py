"""Printing tickets at a counter PC: 代客取号 and 补打 go to the printer in this PC's config.

The drawing and the printer protocol are the kiosk's (`kiosk.reprint`); a counter without a
printer (`printer = "none"`, or the kiosk's printing not installed) shows the number on screen
for the supervisor to write down.
"""

from __future__ import annotations

import importlib.util

from PySide6.QtCore import QCoreApplication

from common.config import PcConfig
from common.engine import IssuedTicket, QueueEngine


class TicketPrinting:
    def __init__(self, config: PcConfig) -> None:
        self._config = config
        self.available = config.printer != "none" and (
            importlib.util.find_spec("kiosk.reprint") is not None
        )

    @classmethod
    def none(cls) -> TicketPrinting:
        """A PC without a ticket printer."""
        return cls(PcConfig(db_url="", printer="none"))

    def print_issued(self, engine: QueueEngine, issued: IssuedTicket) -> str:
        """Print a ticket just issued here (worker thread); returns a line for the supervisor."""
        if not self.available:
            return QCoreApplication.translate("counter", "本机未配置打印机，请告知客户号码。")
        return self.reprint(engine, issued.ticket.label)

    def reprint(self, engine: QueueEngine, label: str) -> str:
        raise NotImplementedError
