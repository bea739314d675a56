"""`gardiens autoplay` end to end: wins, and a run killed at any moment resumes to the same end."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from gardiens.core.journal import Journal
from tests.core.sample import sample_data

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#fc6"/></svg>'


@pytest.fixture()
def mission_file(tmp_path: Path) -> Path:
    folder = tmp_path / "essai"
    folder.mkdir()
    (folder / "post.svg").write_text(SVG)
    data = sample_data()
    data["translations"] = []
    (folder / "scenario.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    return folder / "scenario.yaml"


def autoplay(*args: str, **popen: object) -> subprocess.Popen[str]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.Popen(
        [sys.executable, "-m", "gardiens", "autoplay", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        **popen,  # type: ignore[arg-type]
    )


def finish(*args: str) -> dict:
    process = autoplay(*args, "--json")
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return json.loads(out)


@pytest.mark.parametrize("age", ["9-12", "13-16"])
def test_autoplay_wins_and_reports_every_puzzle(
    mission_file: Path, tmp_path: Path, age: str
) -> None:
    summary = finish(
        str(mission_file), "--age", age, "--seed", "4", "--data-dir", str(tmp_path / "d")
    )
    assert summary["outcome"] == "won"
    assert set(summary["puzzles"]) == {p["id"] for p in sample_data()["puzzles"]}
    assert all(p["state"] == "solved" for p in summary["puzzles"].values())
    assert summary["elapsed"] > 0


def test_unknown_mission_is_a_clear_message(tmp_path: Path) -> None:
    process = autoplay("no-such-mission", "--data-dir", str(tmp_path))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert "no-such-mission" in err and "Traceback" not in err


def events_so_far(data_dir: Path) -> int:
    if not (data_dir / "journal.sqlite3").exists():
        return 0
    journal = Journal.open(data_dir)
    try:
        return sum(s.events for s in journal.sessions())
    finally:
        journal.close()


def kill_after(process: subprocess.Popen[str], data_dir: Path, events: int) -> None:
    """SIGKILL the run once the journal holds `events` events (or when it ends by itself)."""
    deadline = time.monotonic() + 60
    while process.poll() is None and events_so_far(data_dir) < events:
        assert time.monotonic() < deadline, "autoplay made no progress"
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_sigkill_at_any_moment_then_resume_ends_the_same(
    mission_file: Path, tmp_path: Path
) -> None:
    seed = "11"
    expected = finish(str(mission_file), "--seed", seed, "--data-dir", str(tmp_path / "whole"))
    data_dir = tmp_path / "killed"
    args = [str(mission_file), "--seed", seed, "--data-dir", str(data_dir), "--pace", "0.02"]
    cuts = sorted(random.Random(2).sample(range(3, 30), 3))
    process = autoplay(*args)
    for cut in cuts:
        kill_after(process, data_dir, cut)
        process = autoplay(*args, "--resume")
    process.kill()
    process.wait()
    resumed = finish(str(mission_file), "--seed", seed, "--data-dir", str(data_dir), "--resume")
    assert resumed["outcome"] == "won"
    assert resumed["puzzles"] == expected["puzzles"]
    journal = Journal.open(data_dir)
    kinds = [e.kind for e in journal.events(resumed["session"])]
    assert kinds.count("setup_started") == 1
    assert kinds.count("restored") >= 2


def test_the_summary_names_puzzles_by_title_and_says_states_in_words() -> None:
    from gardiens.cli.autoplay import describe
    from gardiens.core.library import load_library
    from gardiens.i18n.interface import InterfaceTranslator

    mission = load_library()["infox"][0]
    summary = {"mission": "infox", "age": "9-12", "language": "en", "outcome": "won", "elapsed": 12,
               "puzzles": {"phare": {"state": "solved", "attempts": 0, "hints": 1}}}
    text = describe(summary, InterfaceTranslator("en", domain="cli"), mission)
    assert "Relight the lighthouse" in text and "phare" not in text.split("\n")[1]
    assert ": won in 12 s" in text and "solved" in text
