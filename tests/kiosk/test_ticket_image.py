"""The printed ticket as a 1-bit image: every width, readable QR, nothing off the paper."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from common.qt.ticket_image import TicketContent, qr_matrix, render_ticket, to_pil
from tests.kiosk.escpos_decode import qr_texts

TOKEN = "HQ1.1.20260302.1.12.ABCDEFGHIJKLMNOP"


def content(**changes) -> TicketContent:
    values = dict(
        hall_name="国网示范供电营业厅",
        service_name="居民业务",
        label="A012",
        issued_at_text="2026-03-02 09:00",
        qr_payload=TOKEN,
        check_code="123456",
        footer="供电服务热线 95598",
        priority_text="",
        ahead=3,
        expected_wait_min=14.6,
    )
    values.update(changes)
    return TicketContent(**values)


@pytest.mark.parametrize("width", [384, 512, 576])
def test_the_ticket_is_one_bit_at_every_paper_width_and_its_qr_reads_back(qapp, width):
    image = render_ticket(content(), width)
    assert image.format() == QImage.Format.Format_Mono
    assert image.width() == width
    assert 500 < image.height() < 2000
    pil = to_pil(image)
    assert pil.mode == "1" and pil.size == (width, image.height())
    assert qr_texts(pil) == [TOKEN]


def test_only_black_and_white_dots_no_greys(qapp):
    pil = to_pil(render_ticket(content(), 384)).convert("L")
    assert set(pil.tobytes()) <= {0, 255}


def test_a_url_qr_and_a_long_hall_name_stay_on_the_paper(qapp):
    url = "https://hall.example.cn/rate?t=" + TOKEN
    long_name = "国网某某省某某市某某区供电公司城东供电服务中心营业厅"
    image = render_ticket(content(hall_name=long_name, qr_payload=url), 384)
    pil = to_pil(image)
    assert qr_texts(pil) == [url]
    # Wrapped, not cut: the right margin stays white.
    right_margin = pil.crop((378, 0, 384, pil.height)).convert("L")
    assert set(right_margin.tobytes()) == {255}


def test_priority_and_reprint_marks_make_the_ticket_longer(qapp):
    plain = render_ticket(content(), 384).height()
    marked = render_ticket(content(priority_text="绿色通道 · 孕妇", reprint=True), 384)
    assert marked.height() > plain


def test_a_ticket_no_longer_waiting_has_no_queue_lines(qapp):
    assert (
        render_ticket(content(ahead=None, expected_wait_min=None)).height()
        < render_ticket(content()).height()
    )


def test_qr_matrix_is_square_with_either_mask():
    for best in (True, False):
        matrix = qr_matrix(TOKEN, best_mask=best)
        assert len(matrix) == len(matrix[0]) >= 21
