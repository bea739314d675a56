"""Generated team pseudonyms: teams never type a name, so nothing typed can identify a child."""

from __future__ import annotations

import random
import re

# key: (French plural noun, grammatical gender, English plural noun)
_ANIMALS: dict[str, tuple[str, str, str]] = {
    "hiboux": ("Hiboux", "m", "Owls"),
    "loutres": ("Loutres", "f", "Otters"),
    "renards": ("Renards", "m", "Foxes"),
    "tortues": ("Tortues", "f", "Turtles"),
    "dauphins": ("Dauphins", "m", "Dolphins"),
    "abeilles": ("Abeilles", "f", "Bees"),
    "lynx": ("Lynx", "m", "Lynxes"),
    "baleines": ("Baleines", "f", "Whales"),
    "pandas": ("Pandas", "m", "Pandas"),
    "fourmis": ("Fourmis", "f", "Ants"),
    "castors": ("Castors", "m", "Beavers"),
    "licornes": ("Licornes", "f", "Unicorns"),
}
# key: (French masculine plural, French feminine plural, English)
_QUALITIES: dict[str, tuple[str, str, str]] = {
    "malins": ("Malins", "Malignes", "Clever"),
    "curieux": ("Curieux", "Curieuses", "Curious"),
    "rapides": ("Rapides", "Rapides", "Swift"),
    "sages": ("Sages", "Sages", "Wise"),
    "vaillants": ("Vaillants", "Vaillantes", "Brave"),
    "lumineux": ("Lumineux", "Lumineuses", "Shining"),
    "attentifs": ("Attentifs", "Attentives", "Watchful"),
    "joyeux": ("Joyeux", "Joyeuses", "Cheerful"),
    "futes": ("Futés", "Futées", "Smart"),
    "intrepides": ("Intrépides", "Intrépides", "Fearless"),
}
_KEY = re.compile(r"^([a-z]+)-([a-z]+)$")


def random_team(rng: random.Random) -> str:
    """A pseudonym key such as `hiboux-malins`, drawn from the fixed word lists."""
    return f"{rng.choice(sorted(_ANIMALS))}-{rng.choice(sorted(_QUALITIES))}"


def is_team(key: str) -> bool:
    match = _KEY.match(key)
    return match is not None and match.group(1) in _ANIMALS and match.group(2) in _QUALITIES


def team_name(key: str, language: str) -> str:
    """The pseudonym as the team reads it: « Les Hiboux Malins » or "The Clever Owls"."""
    match = _KEY.match(key)
    if match is None or not is_team(key):
        raise ValueError(f"not a generated team pseudonym: {key!r}")
    fr_noun, gender, en_noun = _ANIMALS[match.group(1)]
    masculine, feminine, en_quality = _QUALITIES[match.group(2)]
    if language == "fr":
        return f"Les {fr_noun} {masculine if gender == 'm' else feminine}"
    return f"The {en_quality} {en_noun}"
