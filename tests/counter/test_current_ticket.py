"""The current customer's number is as large as the panel allows, whatever happens to it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from common.engine import TicketView
from counter.widgets.current_ticket import CurrentTicketPanel
from tests.counter.conftest import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE

CALLED = TicketView(
    1, "A004", 4, date(2026, 11, 23), "A", "居民业务", "Residential", "elderly", "called",
    1, "1001", "王丽", None, datetime(2026, 11, 23, 8, 0, tzinfo=UTC),
    datetime(2026, 11, 23, 8, 5, tzinfo=UTC), None, None, 0, 0, "", "", True, "",
)  # fmt: skip


def _number_px(panel: CurrentTicketPanel) -> int:
    label = panel._number
    label.ensurePolished()
    return label.fontMetrics().height()


@pytest.mark.parametrize("size", [(880, 500), (600, 300)])
def test_the_number_keeps_its_size_when_a_customer_is_called(qtbot, size):
    panel = CurrentTicketPanel()
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    idle = _number_px(panel)
    assert idle > 80
    panel.show_ticket(CALLED)
    assert panel.number_text == "A004"
    assert _number_px(panel) == idle
    panel.show_ticket(replace(CALLED, status="serving"))
    assert _number_px(panel) == idle
    panel.show_ticket(None, "请按 F1 呼叫下一位")
    assert panel.number_text == "—"
    assert _number_px(panel) == idle
    assert "#C5CCCC" in panel._number.styleSheet()  # the idle dash stays pale
