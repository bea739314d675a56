"""Live reload: a saved edit appears without restart and keeps progress; a broken save keeps the
last good mission and gives located errors. Time is passed in; files get explicit mtimes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from gardiens.authoring.watch import Broken, MissionWatcher, Reloaded, carry_over, snapshot
from gardiens.core.autoplay import Bot
from gardiens.core.clock import ManualClock
from gardiens.core.journal import Event, Journal
from gardiens.core.model import Mission
from gardiens.core.session import Lifecycle, PuzzleState, Session, fold
from tests.authoring.missions import write_sample
from tests.core.sample import sample_data

T0 = 1_700_000_000.0


def save(file: Path, data: dict[str, Any] | str, mtime: float) -> None:
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
    file.write_text(text, encoding="utf-8")
    os.utime(file, (mtime, mtime))


def play_until(mission: Mission, solved: set[str]) -> list[Event]:
    """The events of a bot's game, stopped once the puzzles in `solved` are done."""
    clock = ManualClock(T0)
    session = Session({mission.id: mission}, Journal.memory(), clock)
    bot = Bot(mission, "9-12", "fr", 1)
    for _ in range(300):
        state = session.state
        done = {p for p, s in state.puzzles.items() if s.state is PuzzleState.SOLVED}
        if solved <= done:
            break
        clock.advance(bot.think_seconds(session))
        bot.act(session)
    return session.events()


def base() -> dict[str, Any]:
    data = sample_data()
    data["translations"] = []
    return data


def edited() -> dict[str, Any]:
    """A new version: a retitled puzzle and the `boites` puzzle removed."""
    data = base()
    data["puzzles"][2]["title"] = "Dans quel ordre ?"
    data["puzzles"] = [p for p in data["puzzles"] if p["id"] != "boites"]
    for puzzle in data["puzzles"]:
        if puzzle["id"] == "mot":
            puzzle["requires"] = ["qcm"]
    return data


def test_valid_edit_appears_after_quiet_and_progress_is_kept(tmp_path: Path) -> None:
    file = write_sample(tmp_path, base())
    os.utime(file, (T0, T0))
    watcher = MissionWatcher(file, interval=0.0)
    first = watcher.reload()
    assert isinstance(first, Reloaded)
    events = play_until(first.mission, {"qcm", "vf", "ordre", "boites"})
    before = fold({first.mission.id: first.mission}, events)

    assert watcher.poll(10.0) is None
    save(file, edited(), T0 + 5)
    assert watcher.poll(10.1) is None  # change seen
    assert watcher.poll(10.3) is None  # not quiet yet
    result = watcher.poll(10.45)
    assert isinstance(result, Reloaded)
    assert result.mission.puzzle("ordre").title == "Dans quel ordre ?"
    assert watcher.poll(11.0) is None  # one reload per save

    kept = carry_over(events, result.mission)
    after = fold({result.mission.id: result.mission}, kept)
    assert after.lifecycle is Lifecycle.PLAYING
    assert (after.age, after.language, after.team) == (before.age, before.language, before.team)
    # Play time is the fold's elapsed plus the running stretch since the last event: dropping
    # events of a removed puzzle moves time from one to the other, the total stays.
    now = T0 + 1000
    assert before.running_since is not None and after.running_since is not None
    assert after.elapsed + now - after.running_since == pytest.approx(
        before.elapsed + now - before.running_since
    )
    assert after.time_limit == before.time_limit
    assert "boites" not in after.puzzles
    for pid in ("qcm", "vf", "ordre"):
        assert after.puzzles[pid].state is PuzzleState.SOLVED
        assert after.puzzles[pid].attempts == before.puzzles[pid].attempts
        assert after.puzzles[pid].hints == before.puzzles[pid].hints
    assert after.puzzles["mot"].state is PuzzleState.AVAILABLE
    assert set(after.rewards) == set(before.rewards)
    assert [e.seq for e in kept] == list(range(1, len(kept) + 1))
    assert all(e.data.get("puzzle") != "boites" for e in kept)


def test_invalid_edit_keeps_last_good_with_located_error(tmp_path: Path) -> None:
    file = write_sample(tmp_path, base())
    watcher = MissionWatcher(file.parent, interval=0.0)
    good = watcher.reload()
    assert isinstance(good, Reloaded)
    text = file.read_text(encoding="utf-8").replace("briefing:", "brifing:")
    save(file, text, T0 + 9)
    assert watcher.poll(1.0) is None
    broken = watcher.poll(2.0)
    assert isinstance(broken, Broken)
    assert broken.last_good is good.mission
    assert watcher.mission is good.mission
    typo = next(d for d in broken.diagnostics if d.code == "GDN201")
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("brifing")))
    assert (typo.file, typo.line, typo.col) == (str(file), line + 1, 1)
    assert "briefing" in typo.message  # did you mean …?


def test_atomic_save_waits_for_the_file_and_reloads_once(tmp_path: Path) -> None:
    file = write_sample(tmp_path, base())
    watcher = MissionWatcher(file, interval=0.0)
    watcher.reload()
    temp = file.with_name(".scenario.yaml.tmp")
    save(temp, edited(), T0 + 20)
    assert watcher.poll(1.0) is None  # a scratch file is not a change
    assert not watcher.pending
    file.unlink()
    assert watcher.poll(2.0) is None
    assert watcher.poll(2.5) is None  # quiet, but the file is missing: wait
    os.replace(temp, file)
    assert watcher.poll(2.6) is None
    result = watcher.poll(3.0)
    assert isinstance(result, Reloaded)
    assert result.mission.puzzle("ordre").title == "Dans quel ordre ?"


def test_a_file_that_stays_missing_is_reported(tmp_path: Path) -> None:
    file = write_sample(tmp_path, base())
    watcher = MissionWatcher(file, interval=0.0, missing_grace=2.0)
    watcher.reload()
    file.unlink()
    assert watcher.poll(1.0) is None
    assert watcher.poll(2.0) is None
    result = watcher.poll(3.5)
    assert isinstance(result, Broken)
    assert [d.code for d in result.diagnostics] == ["GDN109"]
    assert result.last_good is not None


def test_scans_are_throttled_and_stat_is_injectable(tmp_path: Path) -> None:
    file = write_sample(tmp_path, base())
    calls: list[str] = []

    def counting_stat(path: str) -> os.stat_result:
        calls.append(path)
        return os.stat(path)

    watcher = MissionWatcher(file, interval=0.25, stat=counting_stat)
    start = len(calls)
    watcher.poll(0.0)
    watcher.poll(0.1)
    watcher.poll(0.2)
    assert len(calls) - start == len(snapshot(file.parent))
    watcher.poll(0.3)
    assert len(calls) - start == 2 * len(snapshot(file.parent))


def test_image_changes_count_and_renamed_mission_keeps_its_session(tmp_path: Path) -> None:
    file = write_sample(tmp_path, base())
    watcher = MissionWatcher(file, interval=0.0)
    first = watcher.reload()
    assert isinstance(first, Reloaded)
    picture = file.parent / "post.svg"
    os.utime(picture, (T0 + 30, T0 + 30))
    watcher.poll(1.0)
    assert isinstance(watcher.poll(1.5), Reloaded)
    events = play_until(first.mission, {"qcm"})
    renamed = Mission.model_validate({**base(), "id": "essai-2"})
    kept = carry_over(events, renamed)
    state = fold({"essai-2": renamed}, kept)
    assert state.mission_id == "essai-2"
    assert state.puzzles["qcm"].state is PuzzleState.SOLVED
