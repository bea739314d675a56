"""`voice:` in a mission: an author's recording of a text, checked where it is written, and
always played instead of the engine."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from gardiens.core.diagnostics import Diagnostic
from gardiens.core.kiosk import VoiceSettings
from gardiens.core.loader import LoadResult, load_mission
from gardiens.voice.build import build, clip_texts
from gardiens.voice.cache import VoiceCache
from gardiens.voice.engines import Command
from gardiens.voice.texts import spoken_texts
from tests.voice.fakes import fake_command, write_wav

VALID = Path(__file__).resolve().parents[1] / "data" / "valid" / "minimal"


def mission_with(tmp_path: Path, edit: Callable[[dict[str, Any]], None]) -> LoadResult:
    data = yaml.safe_load((VALID / "scenario.yaml").read_text(encoding="utf-8"))
    edit(data)
    target = tmp_path / "minimal"
    shutil.copytree(VALID, target, dirs_exist_ok=True)
    (target / "scenario.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return load_mission(target / "scenario.yaml")


def errors(result: LoadResult) -> list[Diagnostic]:
    return [d for d in result.diagnostics if d.severity == "error"]


def test_a_recording_is_played_instead_of_the_engine(tmp_path: Path) -> None:
    (tmp_path / "minimal").mkdir()
    write_wav(tmp_path / "minimal" / "accueil.wav", 2.0)

    def edit(d: dict[str, Any]) -> None:
        # The briefing is written per age band: each band's text has its own place.
        d["voice"] = {"briefing.9-12": "accueil.wav"}

    result = mission_with(tmp_path, edit)
    assert result.mission is not None and errors(result) == []
    texts = spoken_texts(result.mission)
    briefing = [t for t in texts if t.place.startswith("briefing")]
    # The recording is in the mission's language; the English team hears the engine.
    assert [(t.language, t.age, t.recording is not None) for t in briefing] == [
        ("fr", "9-12", True), ("fr", "13-16", False), ("en", "9-12", False), ("en", "13-16", False)
    ]
    engine = Command(VoiceSettings(engine="command", command=fake_command(tmp_path)))
    results = build(briefing, VoiceCache(tmp_path / "data"), engine)
    assert [(b.text.language, b.outcome) for b in results] == [
        ("fr", "recorded"), ("fr", "rendered"), ("en", "rendered"), ("en", "rendered"),
    ]
    assert results[0].clips == (tmp_path / "minimal" / "accueil.wav",)
    # The engine says the other texts sentence by sentence, one clip each.
    assert all(len(b.clips) == len(clip_texts(b.text)) for b in results[1:])


def test_a_puzzle_gives_recordings_by_the_place_of_its_texts(tmp_path: Path) -> None:
    (tmp_path / "minimal" / "voix").mkdir(parents=True)
    write_wav(tmp_path / "minimal" / "voix" / "faux.wav", 1.0)

    def edit(d: dict[str, Any]) -> None:
        d["puzzles"][0]["voice"] = {"feedback.wrong": "voix/faux.wav"}

    result = mission_with(tmp_path, edit)
    assert result.mission is not None and errors(result) == []
    recorded = [t for t in spoken_texts(result.mission, languages=["fr"]) if t.recording]
    assert {t.place for t in recorded} == {"source.feedback.wrong"}


@pytest.mark.parametrize(
    ("place", "file", "code", "words"),
    [
        ("briefing.9-12", "absent.ogg", "GDN332", "« absent.ogg » est introuvable"),
        ("briefing.9-12", "../ailleurs.wav", "GDN332", "sans « ../ »"),
        ("briefing.9-12", "fil.png", "GDN333", "n'est pas un fichier WAV ou OGG"),
        ("briefing.9-12", "long.wav", "GDN334", "dure 95 secondes"),
        ("briefing.9-21", "court.wav", "GDN331", "Vouliez-vous dire « briefing.9-12 » ?"),
    ],
)
def test_a_bad_recording_is_a_located_error(
    tmp_path: Path, place: str, file: str, code: str, words: str
) -> None:
    (tmp_path / "minimal").mkdir()
    write_wav(tmp_path / "minimal" / "long.wav", 95.0, rate=800)
    write_wav(tmp_path / "minimal" / "court.wav", 1.0)

    def edit(d: dict[str, Any]) -> None:
        d["voice"] = {place: file}

    result = mission_with(tmp_path, edit)
    found = errors(result)
    assert [d.code for d in found] == [code]
    lines = (tmp_path / "minimal" / "scenario.yaml").read_text(encoding="utf-8").splitlines()
    assert file in lines[found[0].line - 1] or place in lines[found[0].line - 1]
    assert words in found[0].render()
