"""Ratings (评价) and complaints or suggestions (投诉建议)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from common import tokens
from common.engine import QueueEngine
from common.errors import BadInput, Refused
from tests.common.hall_db import events, set_settings, snapshot


def served(engine: QueueEngine, clock, window: int = 1, staff: str = "1001") -> str:
    """Issue, call, serve and finish one A ticket; return its token."""
    issued = engine.issue("A")
    engine.call_next(window, staff=staff)
    engine.start(window)
    clock.advance(minutes=5)
    engine.finish(window)
    return issued.ticket.token


def test_rate_a_finished_ticket_once(engine: QueueEngine, clock):
    token = served(engine, clock, window=2, staff="1002")
    target = engine.rating_target(token)
    assert (target.ticket.label, target.window, target.staff_name, target.already_rated) == (
        "A001",
        2,
        "李强",
        False,
    )
    result = engine.rate(token, 4, ["效率"], " 很快 ", "13800138000")
    assert (result.ticket_label, result.score, result.window, result.staff_name) == (
        "A001",
        4,
        2,
        "李强",
    )
    assert engine.rating_target(token).already_rated
    [event] = events(engine, "rated")
    assert (event.details["score"], event.details["window"], event.details["label"]) == (
        4,
        2,
        "A001",
    )
    before = snapshot(engine)
    with pytest.raises(Refused) as err:
        engine.rate(token, 1)
    assert err.value.code == "rated"
    assert snapshot(engine) == before


def test_rating_keeps_reasons_comment_and_phone(engine: QueueEngine, clock):
    from sqlalchemy import select

    from common.models import Rating

    token = served(engine, clock)
    engine.rate(token, 2, ["态度", "等候时间"], "  太慢了  ", "95598")
    [rating] = engine.db.transaction(
        lambda s: list(s.execute(select(Rating).where(Rating.hall_id == engine.hall_id)).scalars()),
        write=False,
    )
    assert (rating.score, rating.reasons, rating.comment, rating.phone) == (
        2,
        ["态度", "等候时间"],
        "太慢了",
        "95598",
    )
    assert rating.window_id is not None and rating.staff_id is not None


@pytest.mark.parametrize("status_of", ["waiting", "called", "serving", "no_show", "cancelled"])
def test_only_finished_tickets_can_be_rated(engine: QueueEngine, status_of):
    token = engine.issue("A").ticket.token
    if status_of != "waiting":
        engine.call_next(1)
    if status_of == "serving":
        engine.start(1)
    elif status_of == "no_show":
        engine.no_show(1)
    elif status_of == "cancelled":
        engine.cancel("A001")
    before = snapshot(engine)
    with pytest.raises(Refused) as err:
        engine.rate(token, 5)
    assert err.value.code == "not_finished"
    with pytest.raises(Refused):
        engine.rating_target(token)
    assert snapshot(engine) == before


def test_rating_period(engine: QueueEngine, clock):
    token = served(engine, clock)
    hours = engine.settings.rating_valid_hours
    clock.advance(hours=hours - 1)
    assert engine.rating_target(token).ticket.label == "A001"
    clock.advance(hours=2)
    before = snapshot(engine)
    with pytest.raises(Refused) as err:
        engine.rate(token, 5)
    assert err.value.code == "too_old"
    assert snapshot(engine) == before


def test_a_ticket_finished_yesterday_can_still_be_rated(engine: QueueEngine, clock):
    token = served(engine, clock)
    clock.advance(days=1)
    engine.issue("A")  # today's A001 is another ticket
    assert engine.rate(token, 5).ticket_label == "A001"


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        ("hello", "bad_token"),
        ("HQ1.1.20261399.1.1.AAAAAAAAAAAAAAAA", "bad_token"),
        ("HQ1.1.20260302.1.1.AAAAAAAAAAAAAAAA", "forged_token"),
        ("HQ1.1.20260302.1.1", "bad_token"),
    ],
)
def test_malformed_and_forged_tokens_are_bad_input(engine: QueueEngine, clock, bad, code):
    served(engine, clock)
    before = snapshot(engine)
    with pytest.raises(BadInput) as err:
        engine.rate(bad, 5)
    assert err.value.code == code
    with pytest.raises(BadInput):
        engine.rating_target(bad)
    assert snapshot(engine) == before


def test_neither_token_nor_number(engine: QueueEngine):
    with pytest.raises(BadInput) as err:
        engine.rate(None, 5)
    assert err.value.code == "bad_number"


def test_a_token_for_another_number_cannot_be_forged(engine: QueueEngine, clock):
    token = served(engine, clock)
    served(engine, clock)
    ref, sig = tokens.parse(token)
    other = f"HQ1.{ref.hall_id}.{ref.day:%Y%m%d}.{ref.service_id}.2.{sig}"
    with pytest.raises(BadInput) as err:
        engine.rate(other, 1)
    assert err.value.code == "forged_token"


def test_a_token_of_another_hall_is_refused(engine: QueueEngine, clock):
    ref, _ = tokens.parse(served(engine, clock))
    elsewhere = tokens.sign("ab" * 32, ref)
    with pytest.raises(BadInput):
        engine.rate(elsewhere, 5)
    # Signed with this hall's secret but naming another hall's id.
    foreign = tokens.sign(
        engine.settings.hmac_secret,
        tokens.TicketRef(ref.hall_id + 1000, ref.day, ref.service_id, 1),
    )
    with pytest.raises(BadInput) as err:
        engine.rate(foreign, 5)
    assert err.value.code == "other_hall"


def test_a_scanned_url_carries_the_token(engine: QueueEngine, clock):
    set_settings(engine, qr_base_url="https://hall.example.cn/r/")
    served(engine, clock)
    payload = "https://hall.example.cn/r/" + engine.find_ticket("A001").token
    assert engine.rate(payload, 5).ticket_label == "A001"


def test_a_valid_token_of_an_unknown_ticket(engine: QueueEngine, clock):
    ref = tokens.TicketRef(engine.hall_id, clock.now().date(), 1, 77)
    with pytest.raises(BadInput) as err:
        engine.rate(tokens.sign(engine.settings.hmac_secret, ref), 5)
    assert err.value.code == "unknown_ticket"


def test_rate_by_number_and_check_code(engine: QueueEngine, clock):
    issued = engine.issue("A")
    engine.call_next(1)
    engine.finish(1)
    before = snapshot(engine)
    wrong = f"{(int(issued.check_code) + 1) % 1_000_000:06d}"
    for label, code in [("A001", wrong), ("A002", issued.check_code), ("A001", "")]:
        with pytest.raises(BadInput) as err:
            engine.rate(None, 5, label=label, code=code)
        assert err.value.code == "bad_code"
    assert snapshot(engine) == before
    target = engine.rating_target(label="a001", code=issued.check_code)
    assert target.ticket.id == issued.ticket.id
    assert engine.rate(None, 3, label="A001", code=issued.check_code).score == 3
    with pytest.raises(Refused):
        engine.rate(None, 3, label="A001", code=issued.check_code)


def test_check_code_picks_the_right_day(engine: QueueEngine, clock):
    first = engine.issue("A")
    engine.call_next(1)
    engine.finish(1)
    clock.advance(days=1)
    second = engine.issue("A")
    engine.call_next(1)
    engine.finish(1)
    assert first.check_code != second.check_code
    engine.rate(None, 5, label="A001", code=first.check_code)
    assert engine.rate(None, 4, label="A001", code=second.check_code).score == 4


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"score": 0}, "bad_score"),
        ({"score": 6}, "bad_score"),
        ({"score": 5, "reasons": ["不存在的原因"]}, "bad_reason"),
        ({"score": 5, "phone": "12ab"}, "bad_phone"),
        ({"score": 5, "phone": "123"}, "bad_phone"),
    ],
)
def test_bad_rating_input(engine: QueueEngine, clock, kwargs, code):
    token = served(engine, clock)
    before = snapshot(engine)
    with pytest.raises(BadInput) as err:
        engine.rate(token, **kwargs)
    assert err.value.code == code
    assert snapshot(engine) == before


# ---------------------------------------------------------------------------- feedback


def test_feedback_is_stored_open_and_answered_once(engine: QueueEngine, clock):
    engine.issue("E")
    item = engine.add_feedback("complaint", "  电费单看不懂  ", "13900139000", "e001")
    assert (item.status, item.text, item.category) == ("open", "电费单看不懂", "complaint")
    assert [f.id for f in engine.open_feedback()] == [item.id]
    [event] = events(engine, "feedback")
    assert event.details == {"category": "complaint", "feedback_id": item.id}
    clock.advance(hours=2)
    answered = engine.answer_feedback(item.id, "已电话回复客户", staff="9001")
    assert (answered.status, answered.answer, answered.answered_at) == (
        "answered",
        "已电话回复客户",
        clock.now(),
    )
    assert engine.open_feedback() == []
    assert [f.id for f in engine.open_feedback(None)] == [item.id]
    before = snapshot(engine)
    with pytest.raises(Refused) as err:
        engine.answer_feedback(item.id, "again")
    assert err.value.code == "answered"
    assert snapshot(engine) == before


def test_feedback_links_todays_ticket(engine: QueueEngine):
    from sqlalchemy import select

    from common.models import Feedback

    issued = engine.issue("A")
    engine.add_feedback("praise", "服务很好", ticket_label="A001")
    engine.add_feedback("suggestion", "多设座位", ticket_label="A999")
    linked = engine.db.transaction(
        lambda s: list(
            s.execute(
                select(Feedback.ticket_id)
                .where(Feedback.hall_id == engine.hall_id)
                .order_by(Feedback.id)
            ).scalars()
        ),
        write=False,
    )
    assert linked == [issued.ticket.id, None]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("gossip", "x"), "bad_category"),
        (("complaint", "   "), "empty_text"),
        (("complaint", "x", "phone"), "bad_phone"),
        (("complaint", "x", "", "A-1"), "bad_number"),
    ],
)
def test_bad_feedback_input(engine: QueueEngine, args, code):
    before = snapshot(engine)
    with pytest.raises(BadInput) as err:
        engine.add_feedback(*args)
    assert err.value.code == code
    assert snapshot(engine) == before


def test_bad_answers(engine: QueueEngine):
    item = engine.add_feedback("inquiry", "营业时间？")
    before = snapshot(engine)
    with pytest.raises(BadInput) as err:
        engine.answer_feedback(item.id, "  ")
    assert err.value.code == "empty_answer"
    with pytest.raises(BadInput) as err:
        engine.answer_feedback(item.id + 100, "ok")
    assert err.value.code == "unknown_feedback"
    assert snapshot(engine) == before


def test_rating_valid_hours_setting(engine: QueueEngine, clock):
    set_settings(engine, rating_valid_hours=1)
    token = served(engine, clock)
    clock.advance(timedelta(minutes=61).total_seconds())
    with pytest.raises(Refused):
        engine.rate(token, 5)
