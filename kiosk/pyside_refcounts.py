"""WORKAROUND for reference-count bugs of PySide6 6.12.0 (as installed here):

* every call of a C++ method that returns `void` hands back `None` without taking a
  reference to it, and
* `SignalInstance.emit()` hands back `True` the same way.

Each such call drops one reference. CPython 3.11 starts with a few thousand references to
`None` and a few hundred to `True`; once they are used up the object is freed and the process
dies ("Fatal Python error: none_dealloc" / "bool_dealloc") — a kiosk would crash within the
hour. `guard()` detects each bug and, only when it is present, gives the object enough
references for any lifetime. Python 3.12 and later make both objects immortal, where the bugs
are harmless and nothing is done.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

# 2**40 lost references: at a million a second, twelve days; at the kiosk's pace, centuries.
_RESERVE = 1 << 40
_PROBES = 8
_guarded = False


class _Probe(QObject):
    ping = Signal()


def void_call_leaks_none() -> bool:
    """True when calling a `void` C++ method drops a reference to `None`."""
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def emit_leaks_true() -> bool:
    """True when emitting a signal from Python drops a reference to `True`."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    return sys.getrefcount(True) < before


def _reserve(obj: object) -> None:
    # ob_refcnt is the first field of every CPython object.
    ctypes.c_ssize_t.from_address(id(obj)).value += _RESERVE


def guard() -> None:
    """Apply the workaround once per process, where this PySide6 needs it."""
    global _guarded
    if _guarded:
        return
    _guarded = True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    if void_call_leaks_none():
        _reserve(None)
    if emit_leaks_true():
        _reserve(True)
