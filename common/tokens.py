"""Signed ticket tokens for the QR code, and the short check code printed under it.

A token names one ticket (hall, service day, issuing service, number) and carries an HMAC made
with the hall's secret, so a rating cannot be forged by typing another ticket's number.
The check code is six digits from the same key, for customers who type instead of scanning.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date, datetime

from common.errors import BadInput

VERSION = "HQ1"
_TOKEN_RE = re.compile(r"HQ1\.(\d{1,9})\.(\d{8})\.(\d{1,9})\.(\d{1,7})\.([A-Z2-7]{16})")


@dataclass(frozen=True)
class TicketRef:
    """What a token names."""

    hall_id: int
    day: date
    service_id: int
    number: int


def _digest(secret: str, purpose: str, ref: TicketRef) -> bytes:
    message = f"{purpose}:{ref.hall_id}:{ref.day:%Y%m%d}:{ref.service_id}:{ref.number}"
    return hmac.new(bytes.fromhex(secret), message.encode(), hashlib.sha256).digest()


def sign(secret: str, ref: TicketRef) -> str:
    sig = base64.b32encode(_digest(secret, "token", ref)[:10]).decode()
    return f"{VERSION}.{ref.hall_id}.{ref.day:%Y%m%d}.{ref.service_id}.{ref.number}.{sig}"


def check_code(secret: str, ref: TicketRef) -> str:
    return f"{int.from_bytes(_digest(secret, 'check', ref)[:4], 'big') % 1_000_000:06d}"


def parse(text: str) -> tuple[TicketRef, str]:
    """Find a token in scanned text (a bare token, or a URL that ends with one).

    Raises BadInput for anything that is not a well-formed token.
    """
    match = _TOKEN_RE.search(text.strip().upper())
    if not match:
        raise BadInput("无法识别的二维码 / this code is not a hallq ticket", code="bad_token")
    hall, day, service, number, sig = match.groups()
    try:
        parsed_day = datetime.strptime(day, "%Y%m%d").date()
    except ValueError as e:
        raise BadInput(
            "无法识别的二维码 / this code is not a hallq ticket", code="bad_token"
        ) from e
    return TicketRef(int(hall), parsed_day, int(service), int(number)), sig


def verify(secret: str, text: str) -> TicketRef:
    """Return the ticket a token names, or raise BadInput if it is malformed or forged."""
    ref, sig = parse(text)
    expected = sign(secret, ref).rsplit(".", 1)[1]
    if not hmac.compare_digest(expected, sig):
        raise BadInput("二维码无效 / this ticket code is not valid", code="forged_token")
    return ref


def verify_check_code(secret: str, ref: TicketRef, code: str) -> bool:
    return hmac.compare_digest(check_code(secret, ref), code.strip())


def qr_payload(base_url: str, token: str) -> str:
    """What the printed QR code carries: the token, or the hall's URL followed by it."""
    return f"{base_url}{token}" if base_url else token
