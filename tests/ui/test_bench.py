"""`gardiens bench --json` runs end to end and reports every figure (no timing is asserted)."""

from __future__ import annotations

import json
import os

import pytest

from gardiens.cli import main

FIELDS = {
    "startup_ms",
    "bare_startup_ms",
    "missions_ready_ms",
    "startup_runs",
    "frame_ms_p50",
    "frame_ms_p99",
    "frame_cpu_ms_p99",
    "rushed_frame_cpu_ms_p99",
    "bare_frame_cpu_ms_p99",
    "frames_measured",
    "read_seconds",
    "rushed_frame_ms_p50",
    "rushed_frame_ms_p99",
    "rushed_frames_measured",
    "prepared_ahead_ms",
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
                 "--read-seconds", "0.02", "--cpus", "1", "--size", "1280x720"]) == 0
    results = json.loads(capsys.readouterr().out)
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


def test_bench_shows_a_table_against_its_goals(capsys: pytest.CaptureFixture[str]) -> None:
    from gardiens.cli.bench import show

    results = {
        "startup_ms": 300.0, "bare_startup_ms": 100.0, "missions_ready_ms": 700.0,
        "frame_ms_p50": 2.0, "frame_ms_p99": 3.5, "frames_measured": 500, "read_seconds": 0.5,
        "rushed_frame_ms_p99": 9.0, "frame_cpu_ms_p99": 3.0, "rushed_frame_cpu_ms_p99": 7.0,
        "bare_frame_cpu_ms_p99": 0.4, "rushed_frames_measured": 400, "bare_frame_ms_p99": 0.5,
        "idle_cpu_pct": 1.0, "bare_idle_cpu_pct": 0.8, "rss_mb": 140.0, "rss_debrief_mb": 210.0,
        "video_driver": "dummy", "size": "1280x720", "cpus": 1,
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
