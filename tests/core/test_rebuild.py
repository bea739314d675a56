"""The rebuild kind: fragments put back in order; a wrong order counts the fragments in place,
the journal keeps only reward ids (lint: docs/errors.md GDN319 and GDN320, tested there)."""

from __future__ import annotations

import random

import pytest

from gardiens.core.puzzles.answers import MalformedAnswer
from gardiens.core.puzzles.rebuild import Rebuild, RebuildKind

KIND = RebuildKind()


def puzzle(**fields: object) -> Rebuild:
    data: dict[str, object] = {
        "id": "message",
        "type": "rebuild",
        "title": "Le message",
        "prompt": "Remettez les morceaux dans l'ordre.",
        "feedback": {"right": "Bravo !", "wrong": "Lisez la phrase."},
        "hints": ["La majuscule montre le début."],
        "from": ["c", "a", "b"],
        "order": ["a", "b", "c"],
    }
    data.update(fields)
    return Rebuild.model_validate(data)


def test_the_right_order_is_right_and_a_wrong_one_counts_the_fragments_in_place() -> None:
    rebuild = puzzle()
    assert KIND.check(rebuild, ["a", "b", "c"], {}).correct
    wrong = KIND.check(rebuild, ["a", "c", "b"], {})
    assert not wrong.correct and wrong.score == (1, 3)
    assert wrong.message == "Lisez la phrase."


@pytest.mark.parametrize("answer", [["a", "b"], ["a", "b", "x"], ["a", "a", "b"], "a b c", None])
def test_an_answer_that_does_not_place_every_fragment_once_is_refused(answer: object) -> None:
    with pytest.raises(MalformedAnswer):
        KIND.check(puzzle(), answer, {})


def test_the_bot_waits_for_the_fragments_and_its_slip_is_wrong() -> None:
    rebuild = puzzle()
    assert KIND.rewards_needed(rebuild) == ("c", "a", "b")
    assert KIND.check(rebuild, KIND.solution(rebuild, {}), {}).correct
    slip = KIND.wrong_answer(rebuild, {}, random.Random(3))
    assert not KIND.check(rebuild, slip, {}).correct


def test_the_journal_keeps_the_tried_order_of_reward_ids() -> None:
    assert KIND.journaled(puzzle(), ["b", "a", "c"]) == ["b", "a", "c"]
    with pytest.raises(MalformedAnswer):
        KIND.journaled(puzzle(), ["Avant de partager", "a", "c"])
