"""The `qps` pseudo-locale: French source made longer and accented, to find cut-off or unmarked text.

"Vérifie la source" becomes "[Ṽéŕîƒîé ļà šöûŕçé ~~~~]"-like: brackets show truncation, the tildes
bring the length to about 140 % (English and German run longer than French), `{placeholders}` and
`%(name)s` stay intact so that `.format()` and `%` still work.

What it makes is also marked, invisibly: its words lie between TRANSLATED and DONE (private-use
characters the typesetter drops), and each placeholder lies outside them, so that a value
`.format()` puts there must carry its own marks. A text drawn in `qps` whose letters lie outside
every mark (`unmarked`) did not come through a translation.
"""

from __future__ import annotations

import math
import re
import unicodedata

PSEUDO_LANGUAGE = "qps"

# Lookalikes that both bundled fonts (Andika and OpenDyslexic) draw; letters without such a
# lookalike in OpenDyslexic (b f j q v x, and some capitals) stay as they are.
_ACCENTED = str.maketrans(
    "acdeghiklmnoprstuwyzACDEGHIKLMNOPRSTUWYZ",
    "àçďéğħîķļḿñöþŕšţûŵýžÅÇĎÉĞĦÎĶĻḾÑÖÞŔŠŢÛŴÝŽ",
)
# Brace fields (`{n}`, `{time:>5}`, `{{` escapes) and printf conversions (`%(n)d`, `%s`, `%%`).
# No space flag: "-20 % avec" is a percentage followed by a word, not a conversion.
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{[^{}]*\}|%(?:\([^)]*\))?[-#0+]*\d*(?:\.\d+)?[a-zA-Z%]")
EXPANSION = 1.4
# Private-use characters (no font draws them, `clean` drops them) around translated words.
TRANSLATED = "\ue000"
DONE = "\ue001"
_MARKS = str.maketrans("", "", TRANSLATED + DONE)


def pseudolocalise(text: str) -> str:
    """`text` accented, bracketed and padded to about 140 % of its length; placeholders kept."""
    if not text:
        return text
    parts: list[str] = []
    visible = 0
    position = 0
    for match in _PLACEHOLDER.finditer(text):
        plain = text[position : match.start()]
        parts.append(plain.translate(_ACCENTED))
        parts.append(DONE + match.group() + TRANSLATED)
        visible += len(plain)
        position = match.end()
    plain = text[position:]
    parts.append(plain.translate(_ACCENTED))
    visible += len(plain)
    # Brackets and the space count toward the growth; at least two tildes so even "OK" grows.
    padding = max(2, math.ceil(visible * EXPANSION) - visible - 3)
    return "[" + TRANSLATED + "".join(parts) + DONE + " " + "~" * padding + "]"


def marked(text: str) -> str:
    """`text` marked as having come through a translation that is not the pseudo-locale's (the
    language's own formatting of a number or a time, from its locale data)."""
    return TRANSLATED + text + DONE if text else text


def unmarked(text: str) -> str:
    """The parts of `text` with letters that lie outside every mark, joined by " … ": what of it
    did not come through a translation ("" when all of it did)."""
    if TRANSLATED not in text and DONE not in text:
        return text if _has_letters(text) else ""
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char not in (TRANSLATED, DONE):
            continue
        if depth == 0 and _has_letters(text[start:index]):
            parts.append(text[start:index].strip())
        depth = depth + 1 if char == TRANSLATED else max(0, depth - 1)
        start = index + 1
    if depth == 0 and _has_letters(text[start:]):
        parts.append(text[start:].strip())
    return " … ".join(parts)


def without_marks(text: str) -> str:
    """`text` without the pseudo-locale's marks."""
    return text.translate(_MARKS)


def _has_letters(text: str) -> bool:
    # Each distinct character once: a long text without letters is not looked at letter by letter.
    return any(unicodedata.category(char).startswith("L") for char in set(text))
