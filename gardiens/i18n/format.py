"""Numbers, dates, times and durations as a French or English reader expects them, through Babel.

Also the French typography of punctuation (narrow no-break spaces) and its fallback per font.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from typing import TYPE_CHECKING, Literal

from gardiens.i18n.pseudo import PSEUDO_LANGUAGE, marked

if TYPE_CHECKING:
    # Named in annotations only: the typesetter imports this module before the kiosk's first
    # frame, which shows no date.
    import datetime as dt

UnitLength = Literal["short", "long", "narrow"]

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"
# What to draw instead of a character a font lacks (OpenDyslexic has no U+202F).
FONT_FALLBACKS: dict[str, str] = {NARROW_NBSP: NBSP}

# Babel is imported by the functions that format with it: the typesetter imports this module for
# its typography, and the kiosk's first screen formats no number or date (start-up time).


def babel_locale(language: str) -> str:
    """The Babel locale for a game language; the pseudo-locale formats like the French source."""
    return "fr" if language == PSEUDO_LANGUAGE else language


def format_countdown(seconds: float) -> str:
    """The countdown as minutes:seconds, "04:59", in every language; never hours.

    Rounded up so that "00:00" shows only when time is really over.
    """
    whole = max(0, math.ceil(seconds))
    minutes, rest = divmod(whole, 60)
    return f"{minutes:02d}:{rest:02d}"


def format_duration(seconds: float, language: str, *, length: UnitLength = "short") -> str:
    """A duration said aloud in the debrief: "12 min 30 s", "12 min 30 sec", "12 minutes et 30 secondes".

    `length` is "short" (abbreviated units, as on a scoreboard) or "long" (words, as in a sentence).
    Whole seconds; zero minutes or zero seconds are left out, except a zero duration.
    """
    from babel.lists import format_list
    from babel.units import format_unit

    locale = babel_locale(language)
    minutes, rest = divmod(max(0, round(seconds)), 60)
    amounts = [(minutes, "duration-minute"), (rest, "duration-second")]
    parts = [
        format_unit(value, unit, length=length, locale=locale) for value, unit in amounts if value
    ] or [format_unit(0, "duration-second", length=length, locale=locale)]
    if length == "short":
        # Abbreviated units read best side by side, without "et" or a comma.
        return _from_locale(" ".join(parts), language)
    return _from_locale(format_list(parts, style="unit", locale=locale), language)


def format_clock_time(moment: dt.datetime | dt.time, language: str) -> str:
    """A time of day: "14:05" in French, "2:05 PM" in English."""
    from babel.dates import format_time as babel_format_time

    return _from_locale(babel_format_time(moment, format="short", locale=babel_locale(language)), language)


def format_day(day: dt.date, language: str, *, length: str = "long") -> str:
    """A date: "24 novembre 2026" / "November 24, 2026" (long), "24/11/2026" / "11/24/26" (short)."""
    from babel.dates import format_date as babel_format_date

    return _from_locale(babel_format_date(day, format=length, locale=babel_locale(language)), language)


def _from_locale(text: str, language: str) -> str:
    """Words from the locale's data (units, month names), marked as translated in the
    pseudo-locale, which has no such data of its own."""
    return marked(text) if language == PSEUDO_LANGUAGE else text


def format_number(value: float, language: str) -> str:
    """A number with the language's separators: "1 234,5" (narrow no-break space) / "1,234.5"."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale(language))


def format_ratio(value: float, language: str) -> str:
    """A rate as a percentage: "75 %" in French, "75%" in English."""
    from babel.numbers import format_percent

    return format_percent(value, locale=babel_locale(language))


# A space (or none) before ; ! ? that ends a word; "?!" takes one space, before the first mark.
_BEFORE_HIGH = re.compile(r"(?<=[^\s;:!?])[ \u00a0\u202f]?([;!?]+)(?=$|[\s»)\]\"'.,…])")
# A colon takes the space only when a space or the end follows it, so "12:30" and "https://"
# stay whole.
_BEFORE_COLON = re.compile(r"(?<=[^\s:])[ \u00a0\u202f]?:(?=$|\s)")
_AFTER_OPENING = re.compile(r"«[ \u00a0\u202f]*")
# Matched from the first space of a run only: tried from each space of a long run of spaces
# without a » after it, the search would take the square of the run's length.
_BEFORE_CLOSING = re.compile(r"(?<![ \u00a0\u202f])[ \u00a0\u202f]*»")


def typographer(text: str, language: str) -> str:
    """French punctuation spacing: a narrow no-break space before ; : ! ? and inside « ».

    The space never ends up alone at the start of a line, away from its mark. Other languages
    are left as they are.
    """
    if babel_locale(language) != "fr":
        return text
    text = _BEFORE_HIGH.sub(NARROW_NBSP + r"\1", text)
    text = _BEFORE_COLON.sub(NARROW_NBSP + ":", text)
    text = _AFTER_OPENING.sub("«" + NARROW_NBSP, text)
    return _BEFORE_CLOSING.sub(NARROW_NBSP + "»", text)


def for_font(text: str, missing: Collection[str]) -> str:
    """`text` with each character the font lacks replaced by its fallback (U+202F → U+00A0)."""
    for char in missing:
        fallback = FONT_FALLBACKS.get(char)
        if fallback is not None:
            text = text.replace(char, fallback)
    return text
