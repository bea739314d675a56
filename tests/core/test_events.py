"""Events are typed on the way into the journal and on the way out; a journal written by the
release before typed events (tests/data/journal-0.1.0.sqlite3: four robot games in three missions
and a facilitator's launch, pause, added time, pushed hints, skip and abandon) reads the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gardiens.core import events as happened
from gardiens.core.journal import Journal
from gardiens.core.library import load_library
from gardiens.core.session import Outcome, debrief_of, fold

OLD_JOURNAL = Path(__file__).resolve().parents[1] / "data" / "journal-0.1.0.sqlite3"
MISSIONS = {mid: mission for mid, (mission, _) in load_library().items()}


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    shutil.copy(OLD_JOURNAL, tmp_path / "journal.sqlite3")
    return Journal.open(tmp_path)


def test_every_stored_row_reads_typed_and_is_written_back_the_same(journal: Journal) -> None:
    rows = list(journal.all_events())
    assert {row.kind for row in rows} >= {
        "setup_started", "chosen", "mission_started", "answer_submitted", "hint_shown",
        "hint_pushed", "paused", "resumed", "time_added", "puzzle_skipped", "mission_ended",
    }
    for row in rows:
        event = happened.decode(row.kind, row.data)
        assert happened.encode(event) == (row.kind, dict(row.data))


def test_the_old_games_fold_to_their_outcomes(journal: Journal) -> None:
    outcomes = []
    for summary in journal.sessions():
        events = journal.events(summary.session)
        fold(MISSIONS, events)
        debrief = debrief_of(MISSIONS, events)
        outcomes.append(debrief.outcome if debrief else None)
    assert outcomes.count(Outcome.WON) == 4
    assert Outcome.ABANDONED in outcomes


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("teleported", {}),
        ("chosen", {"age": "6-8"}),
        ("mission_started", {}),
        ("time_added", {"seconds": "60"}),
        ("answer_submitted", {"correct": True}),
        ("hint_pushed", {"puzzle": "p", "text": 3}),
    ],
)
def test_a_row_this_release_cannot_read_is_a_value_error(kind: str, data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        happened.decode(kind, data)


def test_an_event_class_has_its_type_hints_resolved_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # A solve decodes its events again to find the story it brings about: resolving the hints
    # of a class at every decoding cost milliseconds a frame.
    resolved: list[type] = []
    real = happened.get_type_hints

    def counting(cls: type) -> dict[str, object]:
        resolved.append(cls)
        return real(cls)

    monkeypatch.setattr(happened, "get_type_hints", counting)
    monkeypatch.setattr(happened, "_READERS", {})
    kind, data = happened.encode(happened.AnswerSubmitted("p1", False, "42"))
    first = happened.decode(kind, data)
    for _ in range(5):
        assert happened.decode(kind, data) == first
    assert resolved == [happened.AnswerSubmitted]
