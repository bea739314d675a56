"""Generated team pseudonyms: teams never type a name, so nothing typed can identify a child.

A key such as `hiboux-malins` names an animal and a quality; each language says them its own way
in `data/team-names-<language>.yaml` (« Les Hiboux Malins », "The Clever Owls")."""

from __future__ import annotations

import random
import re
from typing import Any

from gardiens.core.languages import language_data

NAMES = "team-names"
# The list whose keys are the team keys; every other list names the same ones (a test checks).
KEYS_LANGUAGE = "fr"
# A language without a list of its own reads the English names.
FALLBACK_LANGUAGE = "en"
_KEY = re.compile(r"^([a-z]+)-([a-z]+)$")


def _names(language: str) -> dict[str, Any]:
    names = language_data(NAMES, language) or language_data(NAMES, FALLBACK_LANGUAGE)
    if names is None:
        raise LookupError(f"no {NAMES} list for {language!r} nor {FALLBACK_LANGUAGE!r}")
    return names


def random_team(rng: random.Random) -> str:
    """A pseudonym key such as `hiboux-malins`, drawn from the fixed word lists."""
    keys = _names(KEYS_LANGUAGE)
    return f"{rng.choice(sorted(keys['animals']))}-{rng.choice(sorted(keys['qualities']))}"


def is_team(key: str) -> bool:
    match = _KEY.match(key)
    keys = _names(KEYS_LANGUAGE)
    return match is not None and match[1] in keys["animals"] and match[2] in keys["qualities"]


def team_name(key: str, language: str) -> str:
    """The pseudonym as the team reads it: « Les Hiboux Malins » or "The Clever Owls"."""
    match = _KEY.match(key)
    if match is None or not is_team(key):
        raise ValueError(f"not a generated team pseudonym: {key!r}")
    names = _names(language)
    animal, quality = names["animals"][match[1]], names["qualities"][match[2]]
    if isinstance(animal, dict):
        # A language whose adjectives agree with the noun gives each animal's gender.
        animal, quality = animal["word"], quality[animal["gender"]]
    return str(names["name"]).format(animal=animal, quality=quality)
