"""Ticket printers: the printer spec of a PC, and sending a 1-bit ticket image over ESC/POS.

A spec names one printer: `usb:VID:PID`, `network:HOST[:PORT]`, `serial:DEVICE[:BAUD]`,
`win32:NAME`, `cups:NAME`, `file:PATH` (raw ESC/POS bytes), `system:NAME` (an ordinary printer
through Qt print support, handled by the kiosk, not here) or `none`.

Every job has a deadline of a few seconds (the PC's `printer_timeout_s`), never python-escpos'
60 s socket default: a customer stands in front of the kiosk while it prints. A fault becomes a
`PrintError` whose `kind` says what happened — offline, paper out (when the printer answers the
status query), timeout, or failed mid-job — so the kiosk can tell staff and the ticket stays
valid.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from common.errors import ConfigError, HallqError

log = logging.getLogger(__name__)

SPEC_KINDS = ("usb", "network", "serial", "win32", "cups", "file", "system", "none")
PAPER_WIDTHS = (384, 512, 576)
DEFAULT_TIMEOUT_S = 5.0
NETWORK_PORT = 9100
SERIAL_BAUD = 9600
# Printers that do not implement the status query stay silent; do not wait long for them.
STATUS_WAIT_S = 1.0
FAULT_KINDS = ("offline", "paper_out", "timeout", "failed")

# Real-time status (DLE EOT n). A reply byte always has bits 1 and 4 set, bits 0 and 7 clear.
_STATUS_PRINTER = b"\x10\x04\x01"
_STATUS_PAPER = b"\x10\x04\x04"
_REPLY_MASK, _REPLY_FIXED = 0x93, 0x12
_OFFLINE_BIT = 0x08
_PAPER_END_BITS = 0x60
_PAPER_NEAR_END_BITS = 0x0C


class PrintError(HallqError):
    """A ticket could not be printed.

    Attributes:
        kind: offline | paper_out | timeout | failed (an exception in the middle of the job).
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message, code=f"print_{kind}")
        self.kind = kind


@dataclass(frozen=True)
class PrinterSpec:
    """Where this PC's ticket printer is."""

    kind: str
    target: str = ""  # host, serial device, printer name or file path
    port: int | None = None  # TCP port (network) or baud rate (serial)
    vendor_id: int | None = None
    product_id: int | None = None

    def __str__(self) -> str:
        if self.kind == "none":
            return "none"
        if self.kind == "usb":
            return f"usb:{self.vendor_id:04x}:{self.product_id:04x}"
        if self.kind in ("network", "serial"):
            return f"{self.kind}:{self.target}:{self.port}"
        return f"{self.kind}:{self.target}"

    @property
    def is_escpos(self) -> bool:
        """True when python-escpos drives this printer (everything but `system` and `none`)."""
        return self.kind not in ("system", "none")


def _bad_spec(text: str, why: str) -> ConfigError:
    return ConfigError(
        f"打印机设置无效 / bad printer spec {text!r}: {why} "
        "(usb:VID:PID | network:HOST[:PORT] | serial:DEVICE[:BAUD] | win32:NAME | cups:NAME | "
        "file:PATH | system:NAME | none)"
    )


def _split_number(rest: str, default: int, text: str) -> tuple[str, int]:
    """Split `NAME[:NUMBER]`; a trailing part that is not a number belongs to the name."""
    name, sep, tail = rest.rpartition(":")
    if sep and tail.isdigit() and name:
        number = int(tail)
        if not 0 < number < 10_000_000:
            raise _bad_spec(text, f"number out of range: {number}")
        return name, number
    return rest, default


def parse_printer_spec(text: str | None) -> PrinterSpec:
    """Read a printer spec from the PC's config or `--printer`; raise ConfigError if unusable."""
    raw = (text or "").strip()
    if raw.lower() in ("", "none"):
        return PrinterSpec("none")
    kind, sep, rest = raw.partition(":")
    kind = kind.lower()
    if not sep or kind not in SPEC_KINDS or kind == "none":
        raise _bad_spec(raw, "unknown printer kind")
    rest = rest.strip()
    if not rest:
        raise _bad_spec(raw, "missing printer address")
    if kind == "usb":
        parts = rest.split(":")
        if len(parts) != 2:
            raise _bad_spec(raw, "USB needs vendor and product id, e.g. usb:0416:5011")
        try:
            vendor, product = (int(p.lower().removeprefix("0x"), 16) for p in parts)
        except ValueError:
            raise _bad_spec(raw, "USB ids are hexadecimal") from None
        if not (0 < vendor <= 0xFFFF and 0 < product <= 0xFFFF):
            raise _bad_spec(raw, "USB ids are 1–FFFF")
        return PrinterSpec("usb", vendor_id=vendor, product_id=product)
    if kind == "network":
        host, port = _split_number(rest, NETWORK_PORT, raw)
        if port > 65535:
            raise _bad_spec(raw, f"TCP port out of range: {port}")
        return PrinterSpec("network", host, port)
    if kind == "serial":
        device, baud = _split_number(rest, SERIAL_BAUD, raw)
        return PrinterSpec("serial", device, baud)
    return PrinterSpec(kind, rest)


@dataclass(frozen=True)
class PrintReport:
    """A successful print; `warning` is set when the printer says its paper is running low."""

    warning: str = ""


def _missing_driver(spec: PrinterSpec, error: BaseException) -> PrintError:
    return PrintError(
        "offline",
        f"无法使用打印机 {spec} / cannot use printer {spec}: {error}",
    )


def open_escpos(spec: PrinterSpec, timeout_s: float) -> Any:
    """Create (not yet open) the python-escpos printer for `spec`, with short timeouts."""
    from escpos import printer as escpos_printer

    try:
        if spec.kind == "usb":
            # pyusb counts in milliseconds.
            return escpos_printer.Usb(
                spec.vendor_id, spec.product_id, timeout=int(timeout_s * 1000)
            )
        if spec.kind == "network":
            return escpos_printer.Network(spec.target, spec.port or NETWORK_PORT, timeout=timeout_s)
        if spec.kind == "serial":
            return escpos_printer.Serial(
                spec.target, baudrate=spec.port or SERIAL_BAUD, timeout=timeout_s
            )
        if spec.kind == "win32":
            return escpos_printer.Win32Raw(spec.target)
        if spec.kind == "cups":
            return escpos_printer.LP(spec.target)
        if spec.kind == "file":
            return escpos_printer.File(spec.target)
    except RuntimeError as e:
        # python-escpos raises RuntimeError when a backend's library (pyusb, pyserial,
        # pywin32) is missing or the platform cannot run it.
        raise _missing_driver(spec, e) from e
    raise ConfigError(f"打印机 {spec} 不经由 ESC/POS / {spec} is not an ESC/POS printer")


def _fit_profile(printer: Any, paper_width: int) -> None:
    """Tell python-escpos the paper width (it checks image widths against it).

    The profile's data is shared by every printer of that profile, so this printer gets a copy.
    """
    import copy

    profile = printer.profile
    data = copy.deepcopy(profile.profile_data)
    data.setdefault("media", {}).setdefault("width", {})["pixels"] = paper_width
    profile.profile_data = data


def _is_timeout(error: BaseException) -> bool:
    # socket.timeout is TimeoutError; pyusb and pyserial have their own timeout classes.
    return isinstance(error, TimeoutError) or type(error).__name__ in (
        "USBTimeoutError",
        "SerialTimeoutException",
    )


def _describe(error: BaseException) -> str:
    text = str(error).strip().replace("\n", " ")
    return text or type(error).__name__


class TicketPrinter:
    """Sends ticket images to one printer, each job bounded by a deadline.

    Args:
        spec: the printer (an ESC/POS kind).
        timeout_s: the longest a printer may stay silent, in seconds.
        paper_width: 384, 512 or 576 dots.
        connect: creates the python-escpos printer (tests hand in a `Dummy`); by default from
            `spec`.
    """

    def __init__(
        self,
        spec: PrinterSpec,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        paper_width: int = 384,
        connect: Callable[[], Any] | None = None,
    ) -> None:
        if paper_width not in PAPER_WIDTHS:
            raise ConfigError(f"paper width must be 384, 512 or 576, not {paper_width}")
        if timeout_s <= 0:
            raise ConfigError(f"printer timeout must be positive, not {timeout_s}")
        self.spec = spec
        self.timeout_s = timeout_s
        self.paper_width = paper_width
        self._connect = connect or (lambda: open_escpos(spec, timeout_s))

    def print_image(self, image: Any) -> PrintReport:
        """Print a PIL image of mode "1" and cut the paper.

        Raises:
            PrintError: the printer is offline, out of paper, silent past the deadline, or the
                job broke off.
        """
        if image.width > self.paper_width:
            raise PrintError(
                "failed",
                f"小票图像比纸宽 / ticket image is {image.width} dots, paper {self.paper_width}",
            )
        outcome: dict[str, Any] = {}
        state: dict[str, Any] = {"phase": "open", "printer": None}
        done = threading.Event()

        def job() -> None:
            try:
                outcome["report"] = self._job(image, state)
            except BaseException as e:  # noqa: BLE001 — handed back to the caller below
                outcome["error"] = e
            finally:
                done.set()

        threading.Thread(target=job, name="hallq-print", daemon=True).start()
        if not done.wait(self._deadline(image)):
            # The job thread may stay blocked in the driver; closing the device usually frees it.
            self._close_quietly(state["printer"])
            raise PrintError(
                "timeout",
                f"打印机 {self.timeout_s:g} 秒内无响应 / the printer did not answer within "
                f"{self.timeout_s:g} s ({self.spec})",
            )
        if "error" in outcome:
            raise self._classify(outcome["error"], state["phase"])
        return outcome["report"]

    def _deadline(self, image: Any) -> float:
        # A serial line moves ~baud/10 bytes a second: a big ticket at 9600 baud takes a while.
        if self.spec.kind == "serial":
            raster_bytes = (image.width + 7) // 8 * image.height
            return self.timeout_s + raster_bytes * 10 / (self.spec.port or SERIAL_BAUD)
        return self.timeout_s + 1.0

    def _job(self, image: Any, state: dict[str, Any]) -> PrintReport:
        printer = self._connect()
        state["printer"] = printer
        _fit_profile(printer, self.paper_width)
        printer.open()
        if self.spec.kind == "serial" and getattr(printer, "device", None) is not None:
            printer.device.write_timeout = self.timeout_s
        try:
            state["phase"] = "status"
            warning = self._check_status(printer)
            state["phase"] = "job"
            printer.image(image, impl="bitImageRaster")
            printer.cut()
            state["phase"] = "close"
        finally:
            self._close_quietly(printer)
        return PrintReport(warning)

    def _query(self, printer: Any, command: bytes) -> int | None:
        """One status byte, or None when the printer does not answer the query."""
        try:
            reply = printer.query_status(command)
        except NotImplementedError:
            return None  # this connection cannot read (file, spooler)
        except Exception as e:  # noqa: BLE001 — a silent printer is not a fault by itself
            if _is_timeout(e):
                return None
            raise
        if not reply:
            return None
        byte = reply[-1]
        return byte if byte & _REPLY_MASK == _REPLY_FIXED else None

    def _check_status(self, printer: Any) -> str:
        device: Any = getattr(printer, "device", None)
        # A socket waits its full timeout for an answer that may never come: wait briefly.
        short_wait = self.spec.kind == "network" and hasattr(device, "settimeout")
        restore = device.gettimeout() if short_wait else None
        if short_wait:
            device.settimeout(min(STATUS_WAIT_S, self.timeout_s))
        try:
            status = self._query(printer, _STATUS_PRINTER)
            paper = self._query(printer, _STATUS_PAPER) if status is not None else None
        finally:
            if short_wait:
                device.settimeout(restore)
        if paper is not None and paper & _PAPER_END_BITS == _PAPER_END_BITS:
            raise PrintError("paper_out", f"打印机缺纸 / the printer is out of paper ({self.spec})")
        if status is not None and status & _OFFLINE_BIT:
            raise PrintError(
                "offline",
                f"打印机脱机（开盖或缺纸？） / the printer reports it is offline "
                f"(cover open or paper out?) ({self.spec})",
            )
        if paper is not None and paper & _PAPER_NEAR_END_BITS == _PAPER_NEAR_END_BITS:
            return f"打印纸快用完了 / paper is running low ({self.spec})"
        return ""

    def _classify(self, error: BaseException, phase: str) -> PrintError:
        if isinstance(error, PrintError):
            return error
        detail = _describe(error)
        if _is_timeout(error):
            return PrintError(
                "timeout",
                f"打印机 {self.timeout_s:g} 秒内无响应 / the printer did not answer within "
                f"{self.timeout_s:g} s ({self.spec}): {detail}",
            )
        if phase == "open":
            return PrintError(
                "offline",
                f"打印机未连接或未开机 / the printer is offline ({self.spec}): {detail}",
            )
        return PrintError(
            "failed", f"打印中途出错 / printing failed mid-job ({self.spec}): {detail}"
        )

    @staticmethod
    def _close_quietly(printer: Any) -> None:
        if printer is None:
            return
        try:
            printer.close()
        except Exception:  # noqa: BLE001 — closing a broken device may fail too
            log.debug("closing the printer failed", exc_info=True)
