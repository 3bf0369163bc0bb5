"""投诉建议: category, preset phrases, optional text and phone → stored open for the supervisor."""

from __future__ import annotations

import pytest


def choose_phrases(screen, *indexes: int) -> None:
    for i in indexes:
        screen.phrase_buttons[i].click()


def test_a_complaint_is_stored_open_with_the_chosen_phrases_and_phone(
    qtbot, make_kiosk, staff_engine
):
    window = make_kiosk().window
    window.home.complaint_button.click()
    screen = window.complaint
    assert window.current is screen
    choose_phrases(screen, 0, 2)
    screen.free_text.setText("三号窗口没人")
    for key in "13912345678":
        screen.pad.key.emit(key)
    screen.submit_button.click()
    qtbot.waitUntil(lambda: window.current is window.thanks, timeout=5000)
    (item,) = staff_engine.open_feedback("open")
    assert item.category == "complaint"
    assert item.text == "等候时间太长；业务办理太慢；三号窗口没人"
    assert item.phone == "13912345678"


def test_phrases_are_stored_in_chinese_whatever_the_screen_language(
    qtbot, make_kiosk, staff_engine
):
    kiosk = make_kiosk()
    window = kiosk.window
    window.set_language("en")
    window.home.complaint_button.click()
    screen = window.complaint
    screen.category_buttons["suggestion"].click()
    assert screen.phrase_buttons[1].text() == "Longer opening hours"
    choose_phrases(screen, 1)
    screen.submit_button.click()
    qtbot.waitUntil(lambda: window.current is window.thanks, timeout=5000)
    (item,) = staff_engine.open_feedback("open")
    assert (item.category, item.text, item.phone) == ("suggestion", "希望延长营业时间", "")


def test_nothing_chosen_is_caught_on_screen(qtbot, make_kiosk, staff_engine):
    window = make_kiosk().window
    window.home.complaint_button.click()
    window.complaint.submit_button.click()
    assert window.complaint.error.text() == "请选择或填写要说的内容"
    assert staff_engine.open_feedback("open") == []


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("zh_CN", "电话号码不完整，请检查或清空"),
        ("en", "The phone number is incomplete: check it or clear it"),
    ],
)
def test_a_short_phone_number_is_caught_on_screen(
    qtbot, make_kiosk, staff_engine, language, message
):
    window = make_kiosk(language=language).window
    window.home.complaint_button.click()
    choose_phrases(window.complaint, 0)
    for key in "139":
        window.complaint.pad.key.emit(key)
    window.complaint.submit_button.click()
    assert window.complaint.error.text() == message
    assert staff_engine.open_feedback("open") == []
    window.complaint.reset()
    assert (window.complaint.phone.number, window.complaint.error.text()) == ("", "")


def test_after_a_complaint_a_ticket_for_the_complaint_desk_is_one_tap_away(
    qtbot, make_kiosk, staff_engine
):
    window = make_kiosk().window
    window.home.complaint_button.click()
    choose_phrases(window.complaint, 1)
    window.complaint.submit_button.click()
    qtbot.waitUntil(lambda: window.current is window.thanks, timeout=5000)
    assert window.thanks.extra_button.isVisibleTo(window.thanks)
    window.thanks.extra_button.click()
    qtbot.waitUntil(lambda: window.ticket.issued is not None, timeout=5000)
    assert window.ticket.issued.ticket.service_code == "E"


def test_praise_offers_no_complaint_ticket(qtbot, make_kiosk):
    window = make_kiosk().window
    window.home.complaint_button.click()
    window.complaint.category_buttons["praise"].click()
    choose_phrases(window.complaint, 0)
    window.complaint.submit_button.click()
    qtbot.waitUntil(lambda: window.current is window.thanks, timeout=5000)
    assert not window.thanks.extra_button.isVisibleTo(window.thanks)


def test_the_next_customer_starts_with_an_empty_form(qtbot, make_kiosk):
    window = make_kiosk().window
    window.home.complaint_button.click()
    choose_phrases(window.complaint, 0)
    window.complaint.free_text.setText("x")
    window.complaint.back_button.click()
    window.home.complaint_button.click()
    assert window.complaint.chosen_phrases() == []
    assert window.complaint.free_text.text() == ""


def test_the_phone_pane_speaks_english_on_both_screens_that_ask_for_a_number(qtbot, make_kiosk):
    window = make_kiosk().window
    window.set_language("en")
    for screen in (window.complaint, window.rate_reasons):
        assert screen.phone.field.text() == "Mobile or landline"
    assert window.complaint.phone.hint.text() == "Phone (optional), so we can reply"
    assert (
        window.rate_reasons.phone.hint.text() == "Leave a phone number for a call-back (optional)"
    )
