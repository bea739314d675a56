"""Readability for the youngest band: sentences of 20 words at most, common words.

A word is "common" when it appears at least about three times in ten million words of everyday text (a Zipf
frequency of 2.5 or more in the wordfreq 3.1 lists, shipped in `data/`), itself or the base its
language's `data/word-forms-<language>.yaml` reads it as. Proper nouns, acronyms, numbers and
the words a mission lists in its `glossary` are never flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gardiens.core.frozen import Frozen
from gardiens.core.languages import language_data, language_file

MAX_WORDS_9_12 = 20
ZIPF_THRESHOLD = 2.5
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True)
class Reading:
    longest_sentence: int
    rare_words: tuple[str, ...]


class WordForms(Frozen):
    """How a language's inflected words are read back to a base (see `word-forms-*.yaml`)."""

    endings: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()
    elisions: frozenset[str] = frozenset()


@cache
def common_words(language: str) -> frozenset[str] | None:
    """The common words of a language, or None when no list ships for it."""
    text = language_file("common-words", language, ".txt")
    return None if text is None else frozenset(text.split())


@cache
def word_forms(language: str) -> WordForms:
    """A language's inflections and elisions; none for a language that ships none."""
    data = language_data("word-forms", language) or {}
    return WordForms(
        tuple(data.get("endings", ())),
        tuple(data.get("bases", ())),
        frozenset(data.get("elisions", ())),
    )


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def words(sentence: str) -> list[str]:
    return _WORD.findall(sentence)


def read(text: str, language: str, glossary: frozenset[str] = frozenset()) -> Reading:
    """How long the text's longest sentence is, and which of its words are rare."""
    known = common_words(language)
    longest = 0
    rare: list[str] = []
    for sentence in sentences(text):
        tokens = words(sentence)
        longest = max(longest, len(tokens))
        if known is None:
            continue
        for token in tokens:
            if _is_rare(token, known, glossary, language) and token not in rare:
                rare.append(token)
    return Reading(longest, tuple(rare))


def _base_is_known(word: str, known: frozenset[str], language: str) -> bool:
    forms = word_forms(language)
    for ending in forms.endings:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            if any(stem + base in known for base in forms.bases):
                return True
    return False


def _is_rare(token: str, known: frozenset[str], glossary: frozenset[str], language: str) -> bool:
    lower = token.lower()
    if any(c.isdigit() for c in token) or lower in glossary:
        return False
    # Capitalised words are names (Lumi, Noa) or acronyms (PEGI, CNIL), even first in a
    # sentence: a missed rare word there costs less than a false alarm on every name.
    if token[0].isupper():
        return False
    if lower in known or _base_is_known(lower, known, language):
        return False
    # Names after an elision or in a compound are spared too: « d'InfoChoc », « l'Europe ».
    parts = [p for p in re.split(r"['’-]", token) if p and not p[0].isupper()]
    if len(parts) > 1 or re.search(r"['’-]", token):
        return any(
            p.lower() not in known
            and p.lower() not in word_forms(language).elisions
            and p.lower() not in glossary
            and not _base_is_known(p.lower(), known, language)
            for p in parts
        )
    return True
