"""End-to-end fixtures: a virtual X screen of our own, the real apps as processes, xdotool.

* `xdisplay`: ":N" of an Xvfb started for the session on a free display (`-displayfd`).
  Without Xvfb or xdotool the tests skip visibly — or fail when `CI` is set.
* `hall_apps`: starts `python -m kiosk|counter|display` exactly as a hall PC does, each in its
  own process group with its own data folder (its log file) and output files; stops them all.
* `Keyboard`: finds an app's window by pid and types into it (XTEST, no pixel coordinates).
* `wait_for(...)`: polls with a deadline (never a fixed sleep).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")
REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 15.0


def _missing(tool: str) -> None:
    message = f"end-to-end tests need {tool} (apt-get install {tool})"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def wait_for(what: str, probe: Callable[[], T | None], timeout_s: float = 60.0) -> T:
    """Call `probe` until it returns something truthy; fail with `what` after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    delay = 0.05
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout_s:.0f} s waiting for {what}", pytrace=False)
        time.sleep(delay)
        delay = min(delay * 1.5, 0.5)


@pytest.fixture(scope="session")
def xdisplay() -> Iterator[str]:
    """A fresh X server on a free display number, for the whole session."""
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        _missing("xvfb")
    if not shutil.which("xdotool"):
        _missing("xdotool")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    os.close(write_end)
    # Xvfb writes the display number it took once it accepts connections.
    with os.fdopen(read_end) as ready:
        number = ready.readline().strip()
    if not number:
        server.kill()
        server.wait()
        pytest.fail("Xvfb did not start", pytrace=False)
    yield f":{number}"
    server.terminate()
    try:
        server.wait(10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def app_env(display: str, home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of an app process: the X display, and a data/config folder of its own."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "HALLQ_DB")}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        PYTHONUNBUFFERED="1",
    )
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    env.update(extra or {})
    return env


@dataclass
class App:
    name: str
    process: subprocess.Popen[bytes]
    home: Path
    output: Path

    @property
    def log_file(self) -> Path:
        """The app's own log (`hallq.log` in its data folder)."""
        return self.home / "data" / "hallq" / "logs" / "hallq.log"

    def log_text(self) -> str:
        try:
            return self.log_file.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def describe(self) -> str:
        return f"{self.name} (pid {self.process.pid}): {self.output.read_text(errors='replace')}"


def stop_group(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the process group; SIGKILL what is still there after a grace period."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(STOP_TIMEOUT_S)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    if process.poll() is None:
        process.wait(5)


@dataclass
class HallApps:
    display: str
    root: Path
    apps: list[App] = field(default_factory=list)

    def start(self, name: str, module: str, *args: str, env: dict[str, str] | None = None) -> App:
        home = self.root / name
        home.mkdir(parents=True, exist_ok=True)
        output = home / "output.txt"
        with output.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", module, *args],
                cwd=REPO,
                env=app_env(self.display, home, env),
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        app = App(name, process, home, output)
        self.apps.append(app)
        return app

    def check_running(self) -> None:
        for app in self.apps:
            if app.process.poll() is not None:
                pytest.fail(
                    f"{app.name} exited with {app.process.returncode}: {app.describe()}",
                    pytrace=False,
                )

    def stop(self) -> None:
        for app in self.apps:
            stop_group(app.process)


@pytest.fixture
def hall_apps(xdisplay, tmp_path) -> Iterator[HallApps]:
    apps = HallApps(xdisplay, tmp_path / "apps")
    yield apps
    apps.stop()


class Keyboard:
    """xdotool on our X display: focus a window of a process and press keys there."""

    def __init__(self, display: str, hall: HallApps) -> None:
        self.env = {**os.environ, "DISPLAY": display}
        self.hall = hall

    def _run(self, *args: str) -> str:
        done = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30
        )
        return done.stdout if done.returncode == 0 else ""

    def window_of(self, app: App) -> str:
        """The visible top-level window of `app`, once it has shown one."""

        def probe() -> str | None:
            self.hall.check_running()
            found = self._run("search", "--onlyvisible", "--pid", str(app.process.pid))
            return found.split()[0] if found.split() else None

        return wait_for(f"a window of {app.name}", probe, START_TIMEOUT_S)

    def dialog_of(self, app: App) -> str:
        """A second visible window of `app` (a dialog it has just opened)."""
        main = self.window_of(app)

        def probe() -> str | None:
            self.hall.check_running()
            found = self._run("search", "--onlyvisible", "--pid", str(app.process.pid)).split()
            others = [w for w in found if w != main]
            return others[0] if others else None

        return wait_for(f"a dialog of {app.name}", probe, START_TIMEOUT_S)

    def focus(self, app: App, window: str | None = None) -> None:
        window = window or self.window_of(app)
        # No window manager here: set the input focus directly (windowactivate needs one).
        self._run("windowraise", window)

        def focused() -> bool:
            self._run("windowfocus", "--sync", window)
            return self._run("getwindowfocus").strip() == window

        wait_for(f"the focus on {app.name}", focused, 20)

    def key(self, app: App, *keys: str, window: str | None = None) -> None:
        self.focus(app, window)
        subprocess.run(
            ["xdotool", "key", "--delay", "60", *keys], env=self.env, check=True, timeout=30
        )

    def type(self, app: App, text: str) -> None:
        """Type like a USB barcode scanner: fast, then Enter."""
        self.focus(app)
        subprocess.run(
            ["xdotool", "type", "--delay", "15", text], env=self.env, check=True, timeout=30
        )
        subprocess.run(["xdotool", "key", "Return"], env=self.env, check=True, timeout=30)


@pytest.fixture
def keyboard(xdisplay, hall_apps) -> Keyboard:
    return Keyboard(xdisplay, hall_apps)
