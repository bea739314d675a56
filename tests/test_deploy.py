"""The kiosk as an appliance: the systemd unit shipped in deploy/ is one systemd accepts, runs the
command the docs describe, and the game speaks the notify protocol that unit asks for."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from gardiens.cli import build_parser, chosen_command
from gardiens.core.facilitator import set_pin
from gardiens.core.service import ServiceNotifier

REPO = Path(__file__).resolve().parents[1]
UNIT = REPO / "deploy" / "gardiens-kiosk.service"
PAM = REPO / "deploy" / "gardiens-kiosk.pam"
GAME = "/opt/gardiens/.venv/bin/gardiens"


def unit_settings(text: str) -> dict[str, dict[str, list[str]]]:
    """Each section's keys and their values in order (systemd allows a key more than once)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        assert current is not None and "=" in line, f"{UNIT.name}:{number}: {raw!r}"
        key, value = line.split("=", 1)
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


SETTINGS = unit_settings(UNIT.read_text(encoding="utf-8"))
SERVICE = SETTINGS["Service"]


def test_the_unit_restarts_the_kiosk_and_watches_its_frames() -> None:
    assert SERVICE["Restart"] == ["always"]
    assert SERVICE["Type"] == ["notify"]
    # cage is the main process; the READY and WATCHDOG messages come from the game, its child.
    assert SERVICE["NotifyAccess"] == ["all"]
    assert int(SERVICE["WatchdogSec"][0]) >= 10
    assert SETTINGS["Install"]["WantedBy"] == ["graphical.target"]


def test_the_hardening_leaves_the_screen_touch_and_sound_reachable() -> None:
    for key in ("PrivateDevices", "DevicePolicy", "DeviceAllow", "MemoryDenyWriteExecute",
                "ProtectClock", "ProtectKernelLogs"):
        assert key not in SERVICE, key
    assert SERVICE["NoNewPrivileges"] == ["yes"]
    assert SERVICE["PAMName"] == [PAM.stem]
    assert "pam_systemd.so" in PAM.read_text(encoding="utf-8")


def test_the_unit_runs_the_locked_kiosk_on_its_data_folder_under_cage() -> None:
    (command,) = SERVICE["ExecStart"]
    words = shlex.split(command)
    assert words[0] == "/usr/bin/cage"
    game = words[words.index("--") + 1 :]
    assert game[0] == GAME
    argv = game[1:]
    parsed = build_parser(chosen_command(argv)).parse_args(argv)
    assert parsed.kiosk
    assert str(parsed.data_dir) == "/var/lib/gardiens" == SERVICE["Environment"][0].split("=", 1)[1]
    assert SERVICE["StateDirectory"] == ["gardiens"]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None,
                    reason="systemd-analyze is not installed (apt-get install systemd provides it)")
def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    """GIVEN the unit, its programs replaced by stand-ins at the same place under a folder of the
    test (cage and the game are on the kiosk box, not here), WHEN `systemd-analyze verify` reads
    it, THEN it says nothing: an unknown key or a bad value is only a warning, not an exit code."""
    text = UNIT.read_text(encoding="utf-8")
    for program in ("/usr/bin/cage", GAME):
        stand_in = tmp_path / program.lstrip("/")
        stand_in.parent.mkdir(parents=True, exist_ok=True)
        stand_in.write_text("#!/bin/sh\n", encoding="utf-8")
        stand_in.chmod(0o755)
        text = text.replace(program, str(stand_in))
    unit = tmp_path / UNIT.name
    unit.write_text(text, encoding="utf-8")
    verified = subprocess.run(["systemd-analyze", "verify", "--man=no", str(unit)],
                              capture_output=True, text=True, timeout=60, check=False)
    said = [line for line in (verified.stdout + verified.stderr).splitlines() if UNIT.name in line]
    assert verified.returncode == 0 and not said, verified.stdout + verified.stderr


class Listener:
    """The service manager's end of NOTIFY_SOCKET."""

    def __init__(self, path: Path) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.settimeout(0)

    def received(self) -> list[str]:
        messages = []
        while True:
            try:
                messages.append(self.sock.recv(4096).decode())
            except BlockingIOError:
                return messages

    def next(self, timeout: float) -> str:
        self.sock.settimeout(timeout)
        try:
            return self.sock.recv(4096).decode()
        finally:
            self.sock.settimeout(0)


def test_the_notifier_pings_at_half_the_watchdog_period(tmp_path: Path) -> None:
    listener = Listener(tmp_path / "notify")
    now = [100.0]
    notifier = ServiceNotifier({"NOTIFY_SOCKET": str(tmp_path / "notify"), "WATCHDOG_USEC": "30000000",
                                "WATCHDOG_PID": str(os.getpid())}, clock=lambda: now[0])
    notifier.ready()
    for _ in range(30):  # one second of frames
        notifier.alive()
        now[0] += 1 / 30
    now[0] += 14.5
    notifier.alive()
    notifier.alive()
    notifier.stopping()
    assert listener.received() == ["READY=1", "WATCHDOG=1", "WATCHDOG=1", "STOPPING=1"]
    assert notifier.interval == 15.0


def test_the_watchdog_of_another_process_is_not_pinged(tmp_path: Path) -> None:
    listener = Listener(tmp_path / "notify")
    # Neither this process nor its parent, which may be PID 1 (a detached run, a container's CI).
    other = max(os.getpid(), os.getppid()) + 1
    notifier = ServiceNotifier({"NOTIFY_SOCKET": str(tmp_path / "notify"), "WATCHDOG_USEC": "30000000",
                                "WATCHDOG_PID": str(other)})
    notifier.alive()
    notifier.ready()
    assert listener.received() == ["READY=1"]


def test_outside_systemd_nothing_is_sent_and_a_gone_socket_is_no_crash(tmp_path: Path) -> None:
    quiet = ServiceNotifier({"WATCHDOG_USEC": "30000000"})
    assert not quiet.active and quiet.interval is None
    quiet.ready()
    gone = ServiceNotifier({"NOTIFY_SOCKET": str(tmp_path / "nobody"), "WATCHDOG_USEC": "1000"})
    gone.alive()
    gone.ready()
    assert gone.active


def test_an_abstract_socket_is_reached(tmp_path: Path) -> None:
    name = f"gardiens-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(5)
        ServiceNotifier({"NOTIFY_SOCKET": "@" + name}).ready()
        assert sock.recv(64) == b"READY=1"


def test_the_kiosk_says_ready_pings_from_its_frames_and_says_stopping(tmp_path: Path) -> None:
    """GIVEN a notify socket and a 0.4 s watchdog, as systemd sets them, WHEN `gardiens play --kiosk`
    starts, runs and gets SIGTERM, THEN it says READY=1 once its missions are in, keeps pinging
    while the loop runs, and says STOPPING=1 before it ends cleanly."""
    data = tmp_path / "data"
    set_pin(data, "2468")
    listener = Listener(tmp_path / "notify")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               NOTIFY_SOCKET=str(tmp_path / "notify"), WATCHDOG_USEC="400000")
    env.pop("WATCHDOG_PID", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "gardiens", "play", "--kiosk", "--size", "1280x800",
         "--data-dir", str(data)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    try:
        heard = []
        while "READY=1" not in heard:
            heard.append(listener.next(timeout=60))
        assert heard[0] == "WATCHDOG=1", "the frame loop pings from its first frames"
        pings = [listener.next(timeout=10) for _ in range(3)]
        assert pings == ["WATCHDOG=1"] * 3
    finally:
        process.send_signal(signal.SIGTERM)
        status = process.wait(timeout=30)
    _, err = process.communicate()
    assert status == 0, err
    assert listener.received()[-1:] == ["STOPPING=1"]
