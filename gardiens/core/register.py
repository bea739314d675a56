"""How a mission's own voice addresses the team (« vous » or « tu »), and the French words that
slip into the other register.

Only the game's voice is checked: what the guide, the instructions, the hints, the feedback and
the debrief say to the team. In-world content (chat messages, feed and ad posts, a fictional
site's cookie banner, an app's settings, a game's box text) is part of the fiction: a scammer
may say « tu » to the child in a « vous » mission. Quoted speech (« … », “…”, "…") inside a
game-voice text is fiction too, and is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from gardiens.core.languages import language_data
from gardiens.core.model import (
    Address,
    Chat,
    ChatMessage,
    CookieButton,
    CookiePurpose,
    Cookies,
    Game,
    Mission,
    Post,
    Setting,
    SettingOption,
    Settings,
)
from gardiens.core.texts import SourceText, iter_source_texts

__all__ = [
    "ADDRESSES",
    "IN_WORLD",
    "Address",
    "Slip",
    "in_world",
    "mission_slips",
    "slips",
]

ADDRESSES: tuple[Address, ...] = ("vous", "tu")

# Text fields written by someone inside the story, by the model that owns them. A subclass
# (an ad post is a post) is in-world too. Their `feedback`, when they have one, is the game's.
IN_WORLD: dict[type[BaseModel], frozenset[str]] = {
    Chat: frozenset({"group"}),
    ChatMessage: frozenset({"author", "text"}),
    Post: frozenset({"author", "text", "date", "label"}),
    Cookies: frozenset({"site", "banner"}),
    CookieButton: frozenset({"label"}),
    CookiePurpose: frozenset({"label"}),
    Settings: frozenset({"profile"}),
    Setting: frozenset({"label"}),
    SettingOption: frozenset({"label"}),
    Game: frozenset({"title", "description"}),
}

# The French words the check knows, from data/register-fr.yaml.
_WORDS = {key: frozenset(words) for key, words in (language_data("register", "fr") or {}).items()}
_TU_IMPERATIVES = _WORDS["informal_imperatives"]
_NOT_VOUS_IMPERATIVES = _WORDS["not_formal_imperatives"]
_VOUS_IRREGULAR = _WORDS["formal_irregular"]
_TON_NOUN_AFTER = _WORDS["ton_noun_after"]
_TU_PRONOUNS = _WORDS["informal_pronouns"]
_VOUS_PRONOUNS = _WORDS["formal_pronouns"]
_HYPHEN_PRONOUNS = _WORDS["hyphen_pronouns"]
(_VOUS,) = _WORDS["formal_pronoun"]
_VOUS_COMPOUNDS = tuple(f"{word}-" for word in sorted(_WORDS["formal_compounds"]))
_SUBJECTS = "|".join(sorted(_WORDS["inversion_subjects"]))
_INVERSION = re.compile(rf"-(?:t-)?(?:{_SUBJECTS})s?\b", re.IGNORECASE)

_WORD = re.compile(r"[^\W\d_]+")
_QUOTED = re.compile(r"«[^»]*(?:»|$)|“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)", re.DOTALL)
# What may stand before a clause's first word: the start, an end of sentence or clause, a
# bullet or an opening bracket.
_CLAUSE_START = re.compile(r"(?:^|[.!?…:;(\n–—]|^\s*-)\s*$")


@dataclass(frozen=True, slots=True)
class Slip:
    """A word in the other register: as written, where it starts in the text, and how many
    times the same word was written before it."""

    word: str
    start: int
    occurrence: int


def slips(text: str, address: Address) -> list[Slip]:
    """The words of a French game-voice text that address the team in the other register than
    `address`, outside quoted speech, in order."""
    plain = _blank_quotes(text.replace("’", "'"))
    check = _vous_word if address == "tu" else _tu_word
    found = [m for m in _WORD.finditer(plain) if check(plain, m)]
    return [Slip(m.group(0), m.start(), _occurrence(text, m)) for m in found]


def _occurrence(text: str, match: re.Match[str]) -> int:
    same = re.compile(rf"(?<![^\W\d_]){re.escape(match.group(0))}(?![^\W\d_])", re.IGNORECASE)
    return len(same.findall(text, 0, match.start()))


@dataclass(frozen=True, slots=True)
class MissionSlip:
    """A slip in one text of a mission, with the text's place in the document."""

    text: SourceText
    slip: Slip


def mission_slips(mission: Mission, address: Address | None = None) -> Iterator[MissionSlip]:
    """Every slip in the game-voice texts of a French mission, in document order; none for a
    mission written in another language."""
    if mission.language != "fr":
        return
    wanted: Address = address if address is not None else mission.address
    for text in iter_source_texts(mission):
        if in_world(mission, text.path):
            continue
        for slip in slips(text.msgid, wanted):
            yield MissionSlip(text, slip)


def in_world(mission: Mission, path: tuple[str | int, ...]) -> bool:
    """Whether the text at `path` is written by someone inside the story (see `IN_WORLD`)."""
    value: object = mission
    owner: type[BaseModel] = type(mission)
    field = ""
    for key in path:
        if isinstance(value, BaseModel) and isinstance(key, str):
            owner, field = type(value), key
            value = getattr(value, key)
        elif isinstance(value, list | tuple) and isinstance(key, int):
            value = value[key]
        elif isinstance(value, dict):  # an age band's variant
            value = value.get(key)
    return any(issubclass(owner, model) and field in fields for model, fields in IN_WORLD.items())


def _blank_quotes(text: str) -> str:
    """`text` with quoted speech blanked out (offsets stay those of `text`). The blank is not a
    space, so a word after a quotation does not look like it opens a clause."""
    return _QUOTED.sub(lambda m: "_" * len(m.group(0)), text)


def _before(text: str, match: re.Match[str]) -> str:
    return text[: match.start()]


def _after(text: str, match: re.Match[str]) -> str:
    return text[match.end() :]


def _previous_word(text: str, match: re.Match[str]) -> str:
    words = _WORD.findall(_before(text, match)[-30:])
    return words[-1].lower() if words else ""


def _starts_clause(text: str, match: re.Match[str]) -> bool:
    """Whether the word opens a clause, or follows a clause-opening « ne » (« Ne clique pas »).
    A word before a colon names something (« Partage : 3 fois »), it gives no order."""
    if re.match(r"\s*:", _after(text, match)):
        return False
    before = _before(text, match)
    if _CLAUSE_START.search(before):
        return True
    negation = re.search(r"\b(?:ne\s+|n')$", before, re.IGNORECASE)
    return negation is not None and bool(_CLAUSE_START.search(before[: negation.start()]))


def _hyphen_pronoun(text: str, match: re.Match[str]) -> str:
    """The pronoun joined to the word by a hyphen (« regarde-le » → « le »), or ""."""
    after = re.match(r"-([^\W\d_]+)", _after(text, match))
    return after.group(1).lower() if after else ""


def _inverted(text: str, match: re.Match[str]) -> bool:
    """Whether a subject follows the verb (« parle-t-il », « choisit-elle »): not an order."""
    return _INVERSION.match(_after(text, match)) is not None


def _tu_word(text: str, match: re.Match[str]) -> bool:
    word = match.group(0).lower()
    after = _after(text, match)
    if word == "t":
        return after.startswith("'")
    if word in _TU_PRONOUNS:
        return not (word == "ton" and _previous_word(text, match) in _TON_NOUN_AFTER)
    pronoun = _hyphen_pronoun(text, match)
    if pronoun in ("en", "y") and word.endswith("s") and word[:-1] in _TU_IMPERATIVES:
        return True
    if word not in _TU_IMPERATIVES or _inverted(text, match):
        return False
    return pronoun in _HYPHEN_PRONOUNS or _starts_clause(text, match)


def _vous_word(text: str, match: re.Match[str]) -> bool:
    word = match.group(0).lower()
    after = _after(text, match)
    if word in _VOUS_PRONOUNS:
        return not (word == _VOUS and _before(text, match).lower().endswith(_VOUS_COMPOUNDS))
    if after.lower().startswith(f"-{_VOUS}"):
        return False  # « Rendez-vous » is a noun; an inversion (« Savez-vous ») says « vous ».
    imperative = word in _VOUS_IRREGULAR or (
        word.endswith("ez") and word not in _NOT_VOUS_IMPERATIVES
    )
    if not imperative:
        return False
    return _hyphen_pronoun(text, match) in _HYPHEN_PRONOUNS or _starts_clause(text, match)
