"""The mission extractor: every author text, with its gettext context and its line."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
import yaml
from babel.messages.extract import DEFAULT_KEYWORDS, extract

from gardiens.core.model import Mission
from gardiens.core.texts import iter_source_texts
from gardiens.i18n.extract import extract_mission
from gardiens.i18n.missions import iter_answer_texts

INFOX = Path(__file__).resolve().parents[2] / "scenarios" / "infox" / "scenario.yaml"

TWIN_PUZZLES = b"""
id: twins
title: Deux enigmes
theme: infox
ages: ["9-12", "13-16"]
language: fr
duration: 10
briefing:
  "9-12": Court
  "13-16": Plus long
goal: b
puzzles:
  - id: a
    type: code
    title: A
    prompt: Tapez le code.
    code: "12"
    feedback: {right: Bravo, wrong: Regardez mieux.}
    hints: [Regardez mieux.]
  - id: b
    type: true_false
    title: B
    prompt: "Info ou intox ?"
    requires: [a]
    labels: [Info, Intox]
    statements:
      - {id: s, text: La Terre est ronde., answer: true, explanation: Regardez mieux.}
    feedback: {right: Bravo, wrong: Non}
    hints: {"9-12": [Un, Deux], "13-16": [Un]}
debrief:
  key_messages: [Un message]
  questions: ["Une question ?"]
"""


def line_of(fragment: str) -> int:
    return next(
        n for n, line in enumerate(TWIN_PUZZLES.decode().splitlines(), 1) if fragment in line
    )


def run(source: bytes) -> list[tuple[int, str, list[str], str | None]]:
    return list(extract(extract_mission, BytesIO(source), keywords=DEFAULT_KEYWORDS))


def test_same_sentence_in_two_puzzles_gets_two_contexts() -> None:
    # GIVEN "Regardez mieux." in puzzle a (feedback, hint) and puzzle b (explanation)
    # WHEN the file is extracted
    messages = run(TWIN_PUZZLES)
    # THEN each puzzle context carries its own entry
    contexts = {context for _, msgid, _, context in messages if msgid == "Regardez mieux."}
    assert contexts == {"twins/a", "twins/b"}


def test_contexts_lines_and_age_comments() -> None:
    messages = run(TWIN_PUZZLES)
    by_text = {(context, msgid): (line, comments) for line, msgid, comments, context in messages}
    assert by_text[("twins", "Deux enigmes")] == (line_of("title: Deux"), [])
    assert by_text[("twins", "Plus long")] == (line_of('"13-16": Plus long'), ["age band 13-16"])
    assert by_text[("twins/b", "Intox")][0] == line_of("labels: [Info, Intox]")
    assert by_text[("twins/b", "Deux")] == (line_of("hints: {"), ["age band 9-12"])
    assert ("twins", "Une question ?") in by_text


def test_ids_answers_and_codes_are_not_extracted() -> None:
    msgids = {msgid for _, msgid, _, _ in run(TWIN_PUZZLES)}
    assert not msgids & {"twins", "a", "b", "s", "12", "fr", "infox"}


def test_extracts_every_text_of_the_infox_mission() -> None:
    mission = Mission.model_validate(yaml.safe_load(INFOX.read_text(encoding="utf-8")))
    answers = [a.source for a in iter_answer_texts(mission)]
    expected = {(t.context, t.msgid) for t in [*iter_source_texts(mission), *answers]}
    messages = run(INFOX.read_bytes())
    assert {(context, msgid) for _, msgid, _, context in messages} == expected
    lines = INFOX.read_text(encoding="utf-8").splitlines()
    for line, msgid, _, _ in messages:
        # The reported line holds the text, or the key that opens its block scalar.
        first_words = msgid.split()[0]
        assert first_words in lines[line - 1] or lines[line - 1].rstrip().endswith((">-", ":"))


def test_walker_covers_every_puzzle_type_field() -> None:
    mission = Mission.model_validate(yaml.safe_load(INFOX.read_text(encoding="utf-8")))
    fields = {t.path[2] for t in iter_source_texts(mission) if t.path[0] == "puzzles"}
    assert fields >= {
        "title",
        "prompt",
        "feedback",
        "hints",
        "key_message",
        "rewards",
        "choices",
        "items",
        "posts",
        "group",
        "messages",
        "categories",
        "regions",
        "mistakes",
    }


def test_needs_the_pgettext_keyword() -> None:
    with pytest.raises(ValueError, match="pgettext"):
        list(extract_mission(BytesIO(TWIN_PUZZLES), ["_"], [], {}))


def test_an_invalid_mission_is_reported_with_its_file() -> None:
    source = BytesIO(b"id: x\n")
    source.name = "broken.yaml"
    with pytest.raises(ValueError, match=r"broken\.yaml"):
        list(extract_mission(source, DEFAULT_KEYWORDS.keys(), [], {}))


def test_typed_answers_are_extracted_each_with_what_it_is() -> None:
    # GIVEN the infox mission: a cipher (SOURCE) and a text puzzle answered « en 2016 », with
    # listed mistakes « en 2024 », « en 2020 »
    messages = run(INFOX.read_bytes())
    answers = {(context, msgid): comments for _, msgid, comments, context in messages
               if context and context.endswith("/answers")}
    # THEN each answer with letters is its own entry, in its puzzle's answers context
    assert set(answers) == {
        ("infox/message-lumi/answers", "SOURCE"),
        ("infox/origine-photo/answers", "en 2016"),
        ("infox/origine-photo/answers", "in 2016"),
        ("infox/origine-photo/answers", "en 2024"),
        ("infox/origine-photo/answers", "en 2020"),
    }
    # AND the translator is told what it is and how to give several
    assert "accepted answer of the puzzle origine-photo" in answers[("infox/origine-photo/answers", "en 2016")][0]
    assert "separate them with |" in answers[("infox/origine-photo/answers", "en 2016")][0]
    assert "listed mistake" in answers[("infox/origine-photo/answers", "en 2024")][0]
    assert "decodes in the cipher message-lumi" in answers[("infox/message-lumi/answers", "SOURCE")][0]
    # AND a year alone, the same in every language, is not extracted
    assert not {msgid for _, msgid, _, _ in messages} & {"2016", "2024", "2020"}
