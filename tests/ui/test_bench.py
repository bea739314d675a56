"""`gardiens bench --json` runs end to end and reports every figure (no timing is asserted)."""

from __future__ import annotations

import json
import os
import statistics

import pytest

from gardiens.cli import main

FIELDS = {
    "startup_ms",
    "bare_startup_ms",
    "missions_ready_ms",
    "startup_runs",
    "frame_ms_p50",
    "frame_ms_p99",
    "frame_ms_p99_each",
    "frame_cpu_ms_p99",
    "playthroughs",
    "rushed_frame_cpu_ms_p99",
    "bare_frame_cpu_ms_p99",
    "frames_measured",
    "read_seconds",
    "rushed_frame_ms_p50",
    "rushed_frame_ms_p99",
    "rushed_frames_measured",
    "prepared_ahead_ms",
    "frames_over_reading_goal",
    "over_reading_goal",
    "rushed_frames_over_goal",
    "rushed_over_goal",
    "bare_frame_ms_p99",
    "idle_cpu_pct",
    "bare_idle_cpu_pct",
    "idle_seconds",
    "rss_mb",
    "rss_debrief_mb",
    "targets",
    "video_driver",
    "size",
}


def test_bench_prints_every_figure(capsys: pytest.CaptureFixture[str]) -> None:
    # (on one core and a small screen: the small-board stand-in, which runs the same measures)
    cores = os.sched_getaffinity(0)
    assert main(["bench", "--json", "--idle-seconds", "0.2", "--startup-runs", "1",
                 "--read-seconds", "0.02", "--cpus", "1", "--size", "1280x720", "--playthroughs", "2"]) == 0
    results = json.loads(capsys.readouterr().out)
    # Each team played twice: the p99 kept is the median of the two playthroughs'.
    assert results["playthroughs"] == 2 and len(results["frame_ms_p99_each"]) == 2
    assert results["frame_ms_p99"] == pytest.approx(statistics.median(results["frame_ms_p99_each"]), abs=0.01)
    assert len(results["rushed_frame_ms_p99_each"]) == 2
    assert results["size"] == "1280x720" and results["cpus"] == 1
    # The test's own process gets its cores back.
    assert os.sched_getaffinity(0) == cores
    assert set(results) >= FIELDS
    assert set(results["targets"]) == {
        "startup_within_2x_bare",
        "frame_p99_reading_within_4ms",
        "frame_p99_rushed_within_8ms",
        "idle_cpu_within_2x_bare",
        "rss_within_150mb",
    }
    # The start-up is the real `gardiens play` process reaching its first frame, then its missions.
    assert 0 < results["startup_ms"] <= results["missions_ready_ms"]
    assert results["frames_measured"] > 100
    assert results["rushed_frames_measured"] > 100
    # The kiosk prepared ahead while the scripted team read.
    assert results["prepared_ahead_ms"] > 0
    # The frames over their goal are told apart by what set them off: a touch, a screen to another.
    for over, groups in ((results["frames_over_reading_goal"], results["over_reading_goal"]),
                         (results["rushed_frames_over_goal"], results["rushed_over_goal"])):
        assert sum(group["frames"] for group in groups) <= over
        assert all(":" in group["cause"] and "→" in group["cause"] for group in groups)
        assert [group["frames"] for group in groups] == sorted((group["frames"] for group in groups), reverse=True)


def test_frames_over_a_goal_are_grouped_by_what_set_them_off() -> None:
    from gardiens.cli.bench import Frames, over_goal

    frames = Frames(wall=[1.0, 9.0, 5.0, 6.0, 20.0, 4.0],
                    cpu=[1.0] * 6,
                    causes=["tile: map → puzzle", "submit: puzzle → feedback", "submit: puzzle → feedback",
                            "continue: victory → victory", "start: attract → setup", "submit: puzzle → feedback"])
    assert over_goal(frames, 4.0) == [
        {"cause": "submit: puzzle → feedback", "frames": 2, "median_ms": 7.0, "max_ms": 9.0},
        {"cause": "start: attract → setup", "frames": 1, "median_ms": 20.0, "max_ms": 20.0},
        {"cause": "continue: victory → victory", "frames": 1, "median_ms": 6.0, "max_ms": 6.0},
    ]
    assert over_goal(frames, 4.0, kept=1) == over_goal(frames, 4.0)[:1]
    assert over_goal(frames, 50.0) == []


def test_bench_shows_a_table_against_its_goals(capsys: pytest.CaptureFixture[str]) -> None:
    from gardiens.cli.bench import show

    results = {
        "startup_ms": 300.0, "bare_startup_ms": 100.0, "missions_ready_ms": 700.0,
        "frame_ms_p50": 2.0, "frame_ms_p99": 3.5, "frames_measured": 500, "read_seconds": 0.5,
        "rushed_frame_ms_p99": 9.0, "frame_cpu_ms_p99": 3.0, "rushed_frame_cpu_ms_p99": 7.0,
        "bare_frame_cpu_ms_p99": 0.4, "rushed_frames_measured": 400, "bare_frame_ms_p99": 0.5,
        "idle_cpu_pct": 1.0, "bare_idle_cpu_pct": 0.8, "rss_mb": 140.0, "rss_debrief_mb": 210.0,
        "video_driver": "dummy", "size": "1280x720", "cpus": 1,
        "frames_over_reading_goal": 3, "rushed_frames_over_goal": 0, "rushed_over_goal": [],
        "over_reading_goal": [{"cause": "submit: puzzle → feedback", "frames": 2, "median_ms": 7.0, "max_ms": 9.0},
                              {"cause": "start: attract → setup", "frames": 1, "median_ms": 20.0, "max_ms": 20.0}],
        "targets": {"startup_within_2x_bare": False, "frame_p99_reading_within_4ms": True,
                    "frame_p99_rushed_within_8ms": False, "idle_cpu_within_2x_bare": True,
                    "rss_within_150mb": True},
    }
    show(results, lambda message: message)
    lines = capsys.readouterr().out.splitlines()
    startup = next(line for line in lines if line.startswith("démarrage"))
    assert "3.0×" in startup and "≤ 2×" in startup and startup.endswith("NON tenu")
    rushed = next(line for line in lines if "ne lit pas" in line)
    assert "9.0" in rushed and "18.0×" in rushed and rushed.endswith("NON tenu")
    memory = next(line for line in lines if line.startswith("mémoire"))
    assert "140" in memory and memory.endswith("tenu") and "NON" not in memory
    # The game's figures are right-aligned under their heading.
    column_end = lines[0].index("gardiens") + len("gardiens")
    assert startup[:column_end].endswith("300") and memory[:column_end].endswith("140")
    # Then where the frames over their goal come from, for each team.
    over = lines.index(next(line for line in lines if line.startswith("Images de plus de 4 ms")))
    assert "3 sur 500" in lines[over]
    assert lines[over + 2].startswith("submit: puzzle → feedback") and lines[over + 2].split()[-3:] == ["2", "7.0", "9.0"]
    assert lines[over + 3].startswith("start: attract → setup")
    rushed_over = next(line for line in lines if line.startswith("Images de plus de 8 ms"))
    assert "0 sur 400" in rushed_over
