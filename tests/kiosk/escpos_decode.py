"""Reading printed bytes back: ESC/POS raster images (GS v 0) → PIL image → QR text."""

from __future__ import annotations

from PIL import Image
from pyzbar import pyzbar

RASTER = b"\x1dv0"


def raster_images(data: bytes) -> list[Image.Image]:
    """Every `GS v 0` block in `data`, as a mode "1" image (black = printed dot)."""
    images = []
    at = data.find(RASTER)
    while at != -1:
        head = at + len(RASTER)
        width_bytes = data[head + 1] | data[head + 2] << 8
        height = data[head + 3] | data[head + 4] << 8
        start = head + 5
        bits = data[start : start + width_bytes * height]
        assert len(bits) == width_bytes * height, "raster data cut short"
        # ESC/POS: 1 = dot printed (black); PIL "1" raw: 1 = white, hence the inversion.
        inverted = bytes(b ^ 0xFF for b in bits)
        images.append(Image.frombytes("1", (width_bytes * 8, height), inverted))
        at = data.find(RASTER, start + len(bits))
    return images


def printed_ticket(data: bytes) -> Image.Image:
    """The fragments of one printed image, stacked back into the whole ticket."""
    parts = raster_images(data)
    assert parts, "no raster image in the printed bytes"
    width = max(p.width for p in parts)
    ticket = Image.new("1", (width, sum(p.height for p in parts)), 1)
    y = 0
    for part in parts:
        ticket.paste(part, (0, y))
        y += part.height
    return ticket


def qr_texts(image: Image.Image) -> list[str]:
    """The QR codes zbar finds in `image`."""
    gray = image.convert("L")
    # zbar wants a quiet zone around the code: give the paper a white border.
    framed = Image.new("L", (gray.width + 80, gray.height + 80), 255)
    framed.paste(gray, (40, 40))
    return [s.data.decode() for s in pyzbar.decode(framed) if s.type == "QRCODE"]
