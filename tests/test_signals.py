"""SIGTERM and SIGINT end every long command: a process per command, signalled while it works."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ENV = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", GARDIENS_BENCH_MARKS="1")
# Generous: the point is that the command ends at all (SDL used to swallow the signal), not a
# timing on a shared machine; `gardiens` answers in well under a second here.
ENDS_WITHIN = 20.0

COMMANDS: dict[str, list[str]] = {
    "screenshot": ["screenshot", "infox", "--screen", "map", "--out", "{tmp}/map.png"],
    "autoplay --ui": ["autoplay", "infox", "--ui", "--data-dir", "{tmp}/data"],
    "bench": ["bench", "--json"],
    "playtest": ["playtest", "infox"],
}


def gardiens(args: list[str], tmp_path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "gardiens", *(a.format(tmp=tmp_path) for a in args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        cwd=tmp_path,
    )


def wait_for_handlers(process: subprocess.Popen[str]) -> None:
    """Wait until the process catches SIGTERM (its `SigCgt` mask in /proc says so)."""
    deadline = time.monotonic() + ENDS_WITHIN
    status = Path(f"/proc/{process.pid}/status")
    while time.monotonic() < deadline and process.poll() is None:
        caught = next(line for line in status.read_text().splitlines() if line.startswith("SigCgt:"))
        if int(caught.split()[1], 16) & (1 << (signal.SIGTERM - 1)):
            return
        time.sleep(0.02)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_working_command_ends_when_signalled(name: str, signum: int, tmp_path: Path) -> None:
    process = gardiens(COMMANDS[name], tmp_path)
    # The command has said how it stops (a loaded machine can take seconds to start Python), then
    # works long enough to be into its work (pygame, the bots, the bench's runs).
    wait_for_handlers(process)
    time.sleep(1.5)
    process.send_signal(signum)
    status = process.wait(timeout=ENDS_WITHIN)
    _, err = process.communicate()
    # Ended by the signal, or already done with its work (the quick ones on a fast day).
    assert status in (0, 128 + signum), err
    assert "Traceback" not in err
    if name in ("autoplay --ui", "bench"):
        assert status == 128 + signum, "still working after 1.5 s, so it must have been stopped"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
def test_play_ends_its_loop_and_closes_the_journal(signum: int, tmp_path: Path) -> None:
    process = gardiens(["play", "--windowed", "--data-dir", "{tmp}/data"], tmp_path)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "first-frame"
    assert process.stdout.readline().strip() == "missions-ready"
    process.send_signal(signum)
    assert process.wait(timeout=ENDS_WITHIN) == 0
    _, err = process.communicate()
    assert "Traceback" not in err
    # The journal was closed cleanly: no write-ahead log left behind, the lock free again.
    assert not (tmp_path / "data" / "journal.sqlite3-wal").exists()
    assert (tmp_path / "data" / "kiosk.lock").read_text() == ""
