"""Stats, debrief sheets and purge on sessions played by `gardiens autoplay`."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

from gardiens.core.journal import Journal
from gardiens.core.pseudonym import team_name
from gardiens.core.records import SHEETS_DIR


def gardiens(*args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GARDIENS_LANG": "fr",
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
    }
    return subprocess.run(
        [sys.executable, "-m", "gardiens", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def teams_in(data_dir: Path) -> set[str]:
    journal = Journal.open(data_dir)
    try:
        keys = {str(e.data["team"]) for e in journal.all_events() if "team" in e.data}
    finally:
        journal.close()
    return keys | {team_name(k, lang) for k in keys for lang in ("fr", "en")}


def test_stats_report_and_purge_on_autoplayed_sessions(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for seed, age, lang in [(1, "9-12", "fr"), (2, "13-16", "en"), (3, "9-12", "fr")]:
        played = gardiens(
            "autoplay",
            "infox",
            "--seed",
            str(seed),
            "--age",
            age,
            "--lang",
            lang,
            "--data-dir",
            str(data),
        )
        assert played.returncode == 0, played.stderr

    stats = gardiens("stats", "--csv", "--data-dir", str(data))
    assert stats.returncode == 0, stats.stderr
    rows = list(csv.DictReader(io.StringIO(stats.stdout)))
    totals = {(r["mission"], r["age"]): r for r in rows if not r["puzzle"]}
    assert totals[("infox", "9-12")]["sessions"] == "2"
    assert totals[("infox", "13-16")]["win_rate"] == "1.0"
    assert any(r["puzzle"] == "phare" for r in rows)

    sheets = data / SHEETS_DIR
    sheets.mkdir()
    report = gardiens("report", "last", "--data-dir", str(data), "--out", str(sheets / "last.html"))
    assert report.returncode == 0, report.stderr
    html = (sheets / "last.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "CLEMI" in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    family = html.split('class="sheet facilitator"')[0]
    assert not any(team in family for team in teams_in(data))

    names = teams_in(data)
    kept = gardiens("data", "purge", "--data-dir", str(data))
    assert kept.returncode == 0, kept.stderr
    assert len(Journal.open(data).sessions()) == 3
    purged = gardiens("data", "purge", "--older-than", "0", "--data-dir", str(data))
    assert purged.returncode == 0, purged.stderr
    assert Journal.open(data).sessions() == []
    for path in data.rglob("*"):
        if path.is_file():
            blob = path.read_bytes()
            assert not any(name.encode() in blob for name in names), path
    after = gardiens("stats", "--csv", "--data-dir", str(data))
    assert after.stdout == stats.stdout
