"""Answers a team types in its own language: the session checks text and cipher puzzles with
the answers its `AnswerWords` gives for the team's language, and still with the mission's own."""

from __future__ import annotations

from gardiens.core import checkers
from gardiens.core.clock import ManualClock
from gardiens.core.commands import Choose, Confirm, Skip, Start, StartSetup, Submit
from gardiens.core.journal import Journal
from gardiens.core.model import Cipher, Mission, ShortText
from gardiens.core.session import PuzzleState, Session
from tests.core.sample import sample_mission

MISSION = sample_mission()

# What a translator wrote for the sample mission's text and cipher puzzles.
ENGLISH = {
    ("mot", "source"): ["source"],
    ("mot", "sources"): ["sources", "the sources"],
    ("mot", "like"): ["a like"],
    ("secret", "VERIFIE"): ["CHECK"],
}


class Words:
    """Answer words from a dictionary, as a catalog would give them."""

    def __init__(self, table: dict[tuple[str, str], list[str]]) -> None:
        self.table = table
        self.asked: list[str] = []

    def answers(self, mission: Mission, language: str, puzzle_id: str, source: str) -> list[str]:
        self.asked.append(language)
        return self.table.get((puzzle_id, source), []) if language == "en" else []


def playing(language: str, words: Words | None = None) -> Session:
    """A session of the sample mission in `language`, with `mot` and `secret` open."""
    session = Session({MISSION.id: MISSION}, Journal.memory(), ManualClock(0), answers=words)
    session.handle(StartSetup())
    session.handle(Choose(mission=MISSION.id, age="9-12", language=language))
    session.handle(Confirm())
    session.handle(Start())
    for pid in ("qcm", "vf", "ordre", "boites", "zones"):
        session.handle(Skip(pid))
    assert session.state.puzzles["mot"].state is PuzzleState.AVAILABLE
    assert session.state.puzzles["secret"].state is PuzzleState.AVAILABLE
    return session


def test_an_english_team_plays_the_translated_answers() -> None:
    # GIVEN an English session whose answer words come from a translator
    session = playing("en", Words(ENGLISH))
    # THEN the text puzzle accepts each translation, and several for one source answer
    played = session.played("mot")
    assert isinstance(played, ShortText)
    assert played.answers == ["source", "sources", "the sources"]
    assert played.mistakes[0].answers == ["a like"]
    # AND the cipher codes the English word: its solution is the English word
    cipher = session.played("secret")
    assert isinstance(cipher, Cipher) and cipher.plaintext == "CHECK"
    assert checkers.solution(cipher, {}) == "CHECK"
    # AND submitting them solves both puzzles
    assert session.handle(Submit("mot", "The Sources")).verdict.correct  # type: ignore[union-attr]
    assert session.handle(Submit("secret", "check")).verdict.correct  # type: ignore[union-attr]


def test_an_english_team_may_also_type_the_missions_own_words() -> None:
    # A bilingual team types what it knows: the French answer is as right as the English one,
    # the way case and accents are forgiven; refusing it would teach nothing.
    session = playing("en", Words(ENGLISH))
    assert session.handle(Submit("secret", "vérifie")).verdict.correct  # type: ignore[union-attr]
    assert session.state.puzzles["secret"].state is PuzzleState.SOLVED


def test_a_wrong_answer_is_refused_and_a_listed_mistake_explained_in_either_language() -> None:
    session = playing("en", Words(ENGLISH))
    wrong = session.handle(Submit("mot", "weather")).verdict
    assert wrong is not None and not wrong.correct
    english = session.handle(Submit("mot", "A like")).verdict
    french = session.handle(Submit("mot", "like")).verdict
    for verdict in (english, french):
        assert verdict is not None and not verdict.correct
        assert [d.why for d in verdict.details] == ["Un like n'est pas une preuve."]
    # Only the number of the listed mistake is journaled, never what was typed.
    kept = [e.data.get("answer") for e in session.events() if e.kind == "answer_submitted"]
    assert kept[-2:] == [{"mistake": 0}, {"mistake": 0}]
    # The English answer of the cipher is not a French team's answer.
    assert not session.handle(Submit("secret", caesar_of("CHECK"))).verdict.correct  # type: ignore[union-attr]


def caesar_of(word: str) -> str:
    return checkers.caesar(word, 3)


def test_the_missions_own_language_never_asks_for_translations() -> None:
    words = Words(ENGLISH)
    session = playing("fr", words)
    assert session.played("secret") is MISSION.puzzle("secret")
    assert not session.handle(Submit("secret", "CHECK")).verdict.correct  # type: ignore[union-attr]
    assert session.handle(Submit("secret", "VERIFIE")).verdict.correct  # type: ignore[union-attr]
    assert words.asked == []


def test_an_untranslated_answer_stays_the_missions_own() -> None:
    session = playing("en", Words({}))
    assert session.played("secret").plaintext == "VERIFIE"  # type: ignore[attr-defined]
    assert session.handle(Submit("mot", "sources")).verdict.correct  # type: ignore[union-attr]


def test_only_typed_answers_are_answer_texts() -> None:
    texts = {p.id: [(a.role, a.text) for a in checkers.answer_texts(p)] for p in MISSION.puzzles}
    assert texts["mot"] == [("answer", "source"), ("answer", "sources"), ("mistake", "like")]
    assert texts["secret"] == [("plaintext", "VERIFIE")]
    assert texts["qcm"] == []
