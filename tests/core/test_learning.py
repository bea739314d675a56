"""The learning check: asked before the briefing and at the debrief, journaled as choice ids,
restored after a restart, linted, and kept in the records as counts alone."""

from __future__ import annotations

from typing import Any

import pytest

from gardiens.core.autoplay import Bot
from gardiens.core.clock import ManualClock
from gardiens.core.commands import AnswerCheck, Choose, Confirm, Refusal, Reset, Start, StartSetup
from gardiens.core.journal import Journal
from gardiens.core.lint import lint_mission
from gardiens.core.model import Mission
from gardiens.core.records import figures, record_finished
from gardiens.core.session import Lifecycle, Session
from gardiens.core.texts import iter_source_texts
from tests.core.sample import sample_data

CHECK = [
    {
        "id": "source",
        "question": {"9-12": "Que faites-vous d'abord ?", "13-16": "Quel est le bon réflexe ?"},
        "choices": [
            {"id": "verifier", "text": "Je vérifie.", "correct": True},
            {"id": "partager", "text": "Je partage."},
        ],
    },
    {
        "id": "photo",
        "question": "Une photo prouve-t-elle une info ?",
        "choices": [
            {"id": "non", "text": "Pas toujours.", "correct": True},
            {"id": "oui", "text": "Toujours."},
            {"id": "parfois", "text": "Si elle est belle."},
        ],
    },
]


def checked_mission(check: list[dict[str, Any]] | None = None) -> Mission:
    data = sample_data()
    data["learning_check"] = CHECK if check is None else check
    return Mission.model_validate(data)


MISSION = checked_mission()
MISSIONS = {MISSION.id: MISSION}


def briefed(journal: Journal, clock: ManualClock) -> Session:
    session = Session(MISSIONS, journal, clock)
    session.handle(StartSetup())
    session.handle(Choose(mission=MISSION.id, age="9-12", language="fr"))
    session.handle(Confirm())
    return session


def test_questions_are_asked_in_order_before_the_briefing_then_the_mission_starts() -> None:
    session = briefed(Journal.memory(), ManualClock(0))
    assert session.pending_check() == ("before", 0)
    assert session.handle(AnswerCheck("source", "partager")).ok
    assert session.pending_check() == ("before", 1)
    assert session.handle(AnswerCheck("photo")).ok  # skipped
    assert session.pending_check() is None
    assert session.state.checked == (("before", "source", "partager"), ("before", "photo", None))
    assert session.handle(Start()).ok
    assert session.pending_check() is None


def test_a_question_out_of_turn_or_unknown_is_refused() -> None:
    session = briefed(Journal.memory(), ManualClock(0))
    assert session.handle(AnswerCheck("photo", "non")).reason is Refusal.QUESTION_NOT_ASKED_NOW
    assert session.handle(AnswerCheck("source", "peut-etre")).reason is Refusal.UNKNOWN_QUESTION
    assert session.handle(AnswerCheck("autre", None)).reason is Refusal.UNKNOWN_QUESTION
    session.handle(Start())
    assert session.handle(AnswerCheck("source", "verifier")).reason is Refusal.QUESTION_NOT_ASKED_NOW


def test_the_journal_keeps_choice_ids_and_a_restarted_kiosk_asks_on() -> None:
    journal, clock = Journal.memory(), ManualClock(0)
    session = briefed(journal, clock)
    session.handle(AnswerCheck("source", "verifier"))
    rows = [e for e in journal.all_events() if e.kind == "check_answered"]
    assert [r.data for r in rows] == [{"moment": "before", "question": "source", "choice": "verifier"}]
    restarted = Session(MISSIONS, journal, clock)
    assert restarted.state.lifecycle is Lifecycle.BRIEFING
    assert restarted.pending_check() == ("before", 1)


def test_the_bot_answers_before_and_after_and_the_records_keep_counts_only() -> None:
    journal, clock = Journal.memory(), ManualClock(0)
    for seed in range(8):
        session = Session(MISSIONS, journal, clock)
        bot = Bot(MISSION, "9-12", "fr", seed)
        while bot.act(session) is not None:
            clock.advance(bot.think_seconds(session))
        assert session.state.lifecycle is Lifecycle.DEBRIEF
        assert session.pending_check() is None
        assert [m for m, _q, _c in session.state.checked] == ["before"] * 2 + ["after"] * 2
        session.handle(Reset())
    assert record_finished(journal, MISSIONS) == 8
    rows = journal.results()
    for row in rows:
        counts = row["learning"]
        assert sum(counts[f"before_{how}"] for how in ("right", "wrong", "skipped")) == 2
        assert sum(counts[f"after_{how}"] for how in ("right", "wrong", "skipped")) == 2
        # No question id and no choice id reaches the records.
        assert not any(word in str(row["learning"]) for word in ("source", "photo", "verifier", "non"))
    (group,) = figures(rows)
    assert group.learning is not None
    assert group.learning.sessions == 8
    assert sum(group.learning.before) == sum(group.learning.after) == 16
    right, wrong, _skipped = group.learning.after
    assert group.learning.after_rate == round(right / (right + wrong), 3)


def test_a_mission_without_a_check_asks_nothing_and_records_no_counts() -> None:
    mission = checked_mission([])
    journal, clock = Journal.memory(), ManualClock(0)
    session = Session({mission.id: mission}, journal, clock)
    bot = Bot(mission, "13-16", "fr", 1)
    while bot.act(session) is not None:
        clock.advance(bot.think_seconds(session))
    assert session.state.checked == ()
    record_finished(journal, {mission.id: mission})
    (row,) = journal.results()
    assert row["learning"] == {}
    assert figures([row])[0].learning is None


def test_results_of_an_earlier_release_without_counts_give_no_figures() -> None:
    row = {"mission": "essai", "age": "9-12", "language": "fr", "outcome": "won", "elapsed": 60.0,
           "puzzles": {}}
    assert figures([row])[0].learning is None


@pytest.mark.parametrize(
    ("check", "code"),
    [
        ([*CHECK, {**CHECK[1], "id": "trois"}], "GDN335"),
        ([{**CHECK[0], "choices": CHECK[0]["choices"][:1]}], "GDN336"),
        ([{**CHECK[0], "choices": [{**c, "correct": True} for c in CHECK[0]["choices"]]}], "GDN337"),
        ([CHECK[0], CHECK[0]], "GDN338"),
    ],
)
def test_lint_finds_each_fault_of_a_check(check: list[dict[str, Any]], code: str) -> None:
    codes = [d.code for d in lint_mission(checked_mission(check))]
    assert code in codes
    assert [d.code for d in lint_mission(MISSION) if d.code.startswith("GDN33")] == []


def test_a_long_question_meets_the_text_limits() -> None:
    long = [{**CHECK[1], "question": "Une question " + "très " * 60 + "longue ?"}]
    codes = {d.code for d in lint_mission(checked_mission(long))}
    assert "GDN326" in codes


def test_the_check_texts_are_translatable_per_age_band() -> None:
    texts = [t for t in iter_source_texts(MISSION) if t.path[0] == "learning_check"]
    assert [(t.path, t.msgid) for t in texts] == [
        (("learning_check", 0, "question", "9-12"), "Que faites-vous d'abord ?"),
        (("learning_check", 0, "question", "13-16"), "Quel est le bon réflexe ?"),
        (("learning_check", 0, "choices", 0, "text"), "Je vérifie."),
        (("learning_check", 0, "choices", 1, "text"), "Je partage."),
        (("learning_check", 1, "question"), "Une photo prouve-t-elle une info ?"),
        (("learning_check", 1, "choices", 0, "text"), "Pas toujours."),
        (("learning_check", 1, "choices", 1, "text"), "Toujours."),
        (("learning_check", 1, "choices", 2, "text"), "Si elle est belle."),
    ]
    assert all(t.context == MISSION.id for t in texts)


def test_a_team_still_to_answer_after_its_mission_is_recorded_once_it_has() -> None:
    journal, clock = Journal.memory(), ManualClock(0)
    # GIVEN a team that won and now stands before the check's second ask
    session = Session(MISSIONS, journal, clock)
    bot = Bot(MISSION, "9-12", "fr", 3)
    while session.pending_check() != ("after", 0):
        assert bot.act(session) is not None
        clock.advance(bot.think_seconds(session))
    # WHEN the day's figures are gathered, THEN its result waits: it is not over yet
    assert record_finished(journal, MISSIONS) == 0
    # WHEN it answers both questions, THEN it is recorded with its answers after
    session.handle(AnswerCheck("source", "verifier"))
    session.handle(AnswerCheck("photo", None))
    assert record_finished(journal, MISSIONS) == 1
    (row,) = journal.results()
    assert row["learning"]["after_right"] == 1 and row["learning"]["after_skipped"] == 1
    # AND a team that leaves before answering is recorded once its session is closed
    session.handle(Reset())
    second = Session(MISSIONS, journal, clock)
    bot = Bot(MISSION, "9-12", "fr", 4)
    while second.pending_check() != ("after", 0):
        assert bot.act(second) is not None
        clock.advance(bot.think_seconds(second))
    assert record_finished(journal, MISSIONS) == 0
    second.handle(Reset())
    assert record_finished(journal, MISSIONS) == 1
