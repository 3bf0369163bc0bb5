"""Signed ticket tokens and check codes."""

from __future__ import annotations

from datetime import date

import pytest

from common import tokens
from common.errors import BadInput

SECRET = "0f" * 32
REF = tokens.TicketRef(hall_id=3, day=date(2026, 3, 2), service_id=5, number=42)


def test_sign_and_verify():
    token = tokens.sign(SECRET, REF)
    assert token.startswith("HQ1.3.20260302.5.42.")
    assert tokens.verify(SECRET, token) == REF


def test_verify_finds_the_token_in_a_url_and_ignores_case():
    token = tokens.sign(SECRET, REF)
    assert tokens.verify(SECRET, f"https://hall.example.cn/rate?t={token}") == REF
    assert tokens.verify(SECRET, f"  {token.lower()}\n") == REF
    assert tokens.qr_payload("https://h/r/", token) == f"https://h/r/{token}"
    assert tokens.qr_payload("", token) == token


@pytest.mark.parametrize(
    "change",
    [
        {"hall_id": 4},
        {"day": date(2026, 3, 3)},
        {"service_id": 6},
        {"number": 43},
    ],
)
def test_changing_any_field_breaks_the_signature(change):
    sig = tokens.sign(SECRET, REF).rsplit(".", 1)[1]
    other = tokens.TicketRef(**{**REF.__dict__, **change})
    forged = tokens.sign(SECRET, other).rsplit(".", 1)[0] + "." + sig
    with pytest.raises(BadInput) as err:
        tokens.verify(SECRET, forged)
    assert err.value.code == "forged_token"


def test_another_secret_is_refused():
    with pytest.raises(BadInput) as err:
        tokens.verify("1e" * 32, tokens.sign(SECRET, REF))
    assert err.value.code == "forged_token"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "A012",
        "HQ1.3.20260302.5.42",
        "HQ2.3.20260302.5.42.AAAAAAAAAAAAAAAA",
        "HQ1.3.20260230.5.42.AAAAAAAAAAAAAAAA",
        "HQ1.x.20260302.5.42.AAAAAAAAAAAAAAAA",
        "HQ1.3.20260302.5.42.AAAAAAAA",
    ],
)
def test_malformed_tokens(text):
    with pytest.raises(BadInput) as err:
        tokens.verify(SECRET, text)
    assert err.value.code == "bad_token"


def test_check_code_is_six_digits_tied_to_the_ticket_and_the_secret():
    code = tokens.check_code(SECRET, REF)
    assert code == "798805"  # stable: printed tickets must stay valid across versions
    assert tokens.verify_check_code(SECRET, REF, f" {code} ")
    next_ticket = tokens.TicketRef(REF.hall_id, REF.day, REF.service_id, REF.number + 1)
    assert not tokens.verify_check_code(SECRET, next_ticket, code)
    assert not tokens.verify_check_code("1e" * 32, REF, code)
    assert not tokens.verify_check_code(SECRET, REF, "")


def test_token_is_stable():
    assert tokens.sign(SECRET, REF) == "HQ1.3.20260302.5.42.ZHJXTJEQNXSQ6SIO"
