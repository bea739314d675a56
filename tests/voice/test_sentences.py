"""A text is said sentence by sentence: how it is split, and what `voice build|check` make of it."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from gardiens.core.kiosk import VoiceSettings
from gardiens.core.sentences import said_sentences, sentence_spans
from gardiens.voice.build import audio_of, build, missing
from gardiens.voice.cache import VoiceCache
from gardiens.voice.engines import Command
from gardiens.voice.texts import SpokenText
from tests.voice.fakes import fake_command


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Alerte, Gardiens\u202f! Le Brouillard a envahi le fil. Gagnez les morceaux\u202f!",
         ["Alerte, Gardiens\u202f!", "Le Brouillard a envahi le fil.", "Gagnez les morceaux\u202f!"]),
        # A number, an address or an abbreviation's dot followed by no space ends nothing.
        ("Pi vaut 3.14 environ. Lisez www.cnil.fr ensuite", ["Pi vaut 3.14 environ.", "Lisez www.cnil.fr ensuite"]),
        # A list's number is said with its item, a closing quote with its sentence.
        ("1. Lisez. 2. Choisissez\u202f!", ["1. Lisez.", "2. Choisissez\u202f!"]),
        ("« Stop\u202f! » Puis on parle.", ["« Stop\u202f! »", "Puis on parle."]),
        # A line break ends a line said alone (a heading, an item).
        ("Vos indices\nLe code\n\nLe lieu.", ["Vos indices", "Le code", "Le lieu."]),
        ("Quoi ?! Non…", ["Quoi ?!", "Non…"]),
        ("Bravo ! A", ["Bravo ! A"]),
    ],
)
def test_a_text_is_split_into_sentences_that_cover_it(text: str, said: list[str]) -> None:
    assert said_sentences(text) == said
    spans = sentence_spans(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert [text[s:e].strip() for s, e in spans] == said


def test_check_counts_a_text_missing_one_sentence_once(tmp_path: Path) -> None:
    engine = Command(VoiceSettings(engine="command", command=fake_command(tmp_path)))
    cache = VoiceCache(tmp_path / "data")
    texts = [SpokenText(t, "fr", "9-12", f"t{i}", None) for i, t in enumerate(
        ["Bonjour. Allons-y\u202f!", "Allons-y\u202f! Le fil attend.", "Un texte seul"])]
    # GIVEN every text built: each has one clip per sentence, a shared sentence rendered once
    results = build(texts, cache, engine)
    assert [(b.outcome, len(b.clips)) for b in results] == [("rendered", 2), ("rendered", 2), ("rendered", 1)]
    assert results[0].clips[1] == results[1].clips[0]
    assert missing(texts, cache, engine) == []
    # WHEN the clip of the shared sentence is lost
    results[0].clips[1].unlink()
    # THEN the two texts that say it have no audio (each counted once), the third has
    assert missing(texts, cache, engine) == texts[:2]
    assert audio_of(texts[2], cache, engine) == results[2].clips
    # AND a new build renders that sentence alone, the others found in the cache
    again = build(texts, cache, engine)
    assert [b.outcome for b in again] == ["rendered", "rendered", "cached"]
    assert missing(texts, cache, engine) == []
