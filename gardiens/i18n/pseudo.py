"""The `qps` pseudo-locale: French source made longer and accented, to find cut-off or unmarked text.

"Vérifie la source" becomes "[Ṽéŕîƒîé ļà šöûŕçé ~~~~]"-like: brackets show truncation, the tildes
bring the length to about 140 % (English and German run longer than French), `{placeholders}` and
`%(name)s` stay intact so that `.format()` and `%` still work.
"""

from __future__ import annotations

import math
import re

PSEUDO_LANGUAGE = "qps"

# Lookalikes that both bundled fonts (Andika and OpenDyslexic) draw; letters without such a
# lookalike in OpenDyslexic (b f j q v x, and some capitals) stay as they are.
_ACCENTED = str.maketrans(
    "acdeghiklmnoprstuwyzACDEGHIKLMNOPRSTUWYZ",
    "àçďéğħîķļḿñöþŕšţûŵýžÅÇĎÉĞĦÎĶĻḾÑÖÞŔŠŢÛŴÝŽ",
)
# Brace fields (`{n}`, `{time:>5}`, `{{` escapes) and printf conversions (`%(n)d`, `%s`, `%%`).
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{[^{}]*\}|%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]")
EXPANSION = 1.4


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
        parts.append(match.group())
        visible += len(plain)
        position = match.end()
    plain = text[position:]
    parts.append(plain.translate(_ACCENTED))
    visible += len(plain)
    # Brackets and the space count toward the growth; at least two tildes so even "OK" grows.
    padding = max(2, math.ceil(visible * EXPANSION) - visible - 3)
    return "[" + "".join(parts) + " " + "~" * padding + "]"
