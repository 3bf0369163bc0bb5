"""The installed PySide6 keeps Python's reference counts straight.

PySide6 6.12.0 returned None from every void C++ call, and True from every signal emit, without
taking a reference: a kiosk or board aborts with "Fatal Python error: none_dealloc" after a few
thousand calls. pyproject.toml keeps PySide6 below 6.12; this test catches a regression early.
"""

import subprocess
import sys

CHECK = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Source(QObject):
    fired = Signal()

app = QApplication([])
label, source = QLabel(), Source()
none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(200):
    label.setText("A012")
    source.fired.emit()
print(sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
"""


def test_void_calls_and_emits_do_not_leak_references_to_none_and_true():
    out = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120, check=True
    ).stdout.split()
    none_delta, true_delta = int(out[0]), int(out[1])
    assert abs(none_delta) < 50 and abs(true_delta) < 50, (none_delta, true_delta)
