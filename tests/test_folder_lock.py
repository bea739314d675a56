"""One game per data folder: a second writer is refused, a dead holder frees the folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gardiens.cli import FOLDER_BUSY, main
from gardiens.core.folder_lock import DataFolderLock, FolderBusy

ENV = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", GARDIENS_BENCH_MARKS="1")


def start_game(data_dir: Path) -> subprocess.Popen[str]:
    """A real game on `data_dir`, once its first frame is drawn (it holds the folder by then)."""
    game = subprocess.Popen(
        [sys.executable, "-m", "gardiens", "play", "--windowed", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    assert game.stdout is not None
    assert game.stdout.readline().strip() == "first-frame"
    return game


def test_a_second_process_is_refused_while_a_game_runs_then_a_new_one_starts(
    tmp_path: Path,
) -> None:
    first = start_game(tmp_path)
    try:
        second = subprocess.run(
            [sys.executable, "-m", "gardiens", "autoplay", "infox", "--resume",
             "--data-dir", str(tmp_path)],
            capture_output=True, text=True, env=ENV, timeout=120,
        )
        assert second.returncode == FOLDER_BUSY
        assert str(tmp_path) in second.stderr
        assert f"processus {first.pid}" in second.stderr
        assert "Traceback" not in second.stderr
        third = subprocess.run(
            [sys.executable, "-m", "gardiens", "play", "--windowed", "--data-dir", str(tmp_path)],
            capture_output=True, text=True, env=ENV, timeout=120,
        )
        assert third.returncode == FOLDER_BUSY
        # Reading is still allowed while the game runs.
        stats = subprocess.run(
            [sys.executable, "-m", "gardiens", "stats", "--data-dir", str(tmp_path)],
            capture_output=True, text=True, env=ENV, timeout=120,
        )
        assert stats.returncode == 0, stats.stderr
    finally:
        first.kill()
        first.wait()
    # Killed outright, it cleaned nothing up: the system freed the lock all the same.
    again = start_game(tmp_path)
    again.send_signal(signal.SIGTERM)
    assert again.wait(timeout=30) == 0


def test_the_refusal_names_the_folder_and_the_holder_in_english_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GARDIENS_LANG", "en")
    with DataFolderLock(tmp_path):
        code = main(["data", "purge", "--data-dir", str(tmp_path)])
    assert code == FOLDER_BUSY
    err = capsys.readouterr().err
    assert str(tmp_path) in err and f"process {os.getpid()}" in err


def test_the_lock_is_one_per_folder_and_released(tmp_path: Path) -> None:
    with DataFolderLock(tmp_path / "a"):
        # Another open file description in the same process conflicts as another process would.
        with pytest.raises(FolderBusy) as busy:
            DataFolderLock(tmp_path / "a").acquire()
        assert busy.value.pid == os.getpid()
        with DataFolderLock(tmp_path / "b") as other:
            assert other.held
    with DataFolderLock(tmp_path / "a") as again:
        assert again.held
    assert (tmp_path / "a" / "kiosk.lock").read_text() == ""
