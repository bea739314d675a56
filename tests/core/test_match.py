"""The match kind: each fragment to its target; a wrong answer counts the fragments rightly
matched, the journal keeps only ids (lint: docs/errors.md GDN321 to GDN324, tested there)."""

from __future__ import annotations

import random

import pytest

from gardiens.core.puzzles.answers import MalformedAnswer
from gardiens.core.puzzles.match import Match, MatchKind

KIND = MatchKind()
RIGHT = {"rumeur": "relayer", "preuves": "captures", "lourd": "adulte"}


def puzzle() -> Match:
    return Match.model_validate({
        "id": "phare",
        "type": "match",
        "title": "Le phare",
        "prompt": "Associez chaque situation à son réflexe.",
        "feedback": {"right": "Bravo !", "wrong": "Relisez chaque situation."},
        "hints": ["Que fait un témoin qui aide ?"],
        "from": ["rumeur", "preuves", "lourd"],
        "targets": [
            {"id": "relayer", "text": "Je ne relaie pas"},
            {"id": "captures", "text": "Je fais des captures d'écran"},
            {"id": "adulte", "text": "J'en parle à un adulte"},
            {"id": "repondre", "text": "Je réponds plus fort"},
        ],
        "pairs": RIGHT,
    })


def test_every_pair_right_is_right_and_a_wrong_answer_counts_the_right_pairs() -> None:
    match = puzzle()
    assert KIND.check(match, dict(RIGHT), {}).correct
    wrong = KIND.check(match, {**RIGHT, "lourd": "repondre"}, {})
    assert not wrong.correct and wrong.score == (2, 3)
    assert wrong.message == "Relisez chaque situation."


@pytest.mark.parametrize("answer", [
    {"rumeur": "relayer", "preuves": "captures"},
    {**RIGHT, "autre": "adulte"},
    {**RIGHT, "lourd": "inconnue"},
    ["rumeur", "preuves", "lourd"],
    None,
])
def test_an_answer_that_does_not_match_every_fragment_to_a_target_is_refused(answer: object) -> None:
    with pytest.raises(MalformedAnswer):
        KIND.check(puzzle(), answer, {})


def test_the_bot_waits_for_the_fragments_and_its_slip_is_wrong() -> None:
    match = puzzle()
    assert KIND.rewards_needed(match) == ("rumeur", "preuves", "lourd")
    assert KIND.check(match, KIND.solution(match, {}), {}).correct
    for seed in range(5):
        assert not KIND.check(match, KIND.wrong_answer(match, {}, random.Random(seed)), {}).correct


def test_the_journal_keeps_fragment_and_target_ids_only() -> None:
    assert KIND.journaled(puzzle(), dict(RIGHT)) == RIGHT
    with pytest.raises(MalformedAnswer):
        KIND.journaled(puzzle(), {**RIGHT, "lourd": "Je ne sais pas"})
