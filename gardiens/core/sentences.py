"""Where the sentences of a text start and end. A text is read aloud one sentence at a time,
each its own clip, so the sentence outlined on screen is the one heard: the kiosk and
`gardiens voice build` must split a text the same way, hence this one place."""

from __future__ import annotations

import re

# A sentence ends at . ! ? or … (a closing quote or bracket may follow, after a narrow space in
# French), then a space or the end; a line break ends one too (a list, a heading).
_END = re.compile(r"[.!?…]+(?:[\u00a0\u202f ]?[»\"”’)])*(?=\s|$)|\n")
# A piece with fewer letters than this is not said alone (« 1. », « … »): it joins the next.
MIN_LETTERS = 2


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the sentences of `text`, in order, covering it all; each has at
    least MIN_LETTERS letters unless the whole text has fewer."""
    cuts: list[int] = []
    for match in _END.finditer(text):
        end = match.end()
        while end < len(text) and text[end].isspace():
            end += 1
        if end < len(text) and (not cuts or cuts[-1] != end):
            cuts.append(end)
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in cuts:
        if _letters(text[start:cut]) >= MIN_LETTERS:
            spans.append((start, cut))
            start = cut
    if spans and _letters(text[start:]) < MIN_LETTERS:
        # A last piece too short to say alone ends the sentence before it.
        spans[-1] = (spans[-1][0], len(text))
    else:
        spans.append((start, len(text)))
    return spans


def said_sentences(text: str) -> list[str]:
    """The sentences of `text` as they are said, one clip each: without the spaces around them."""
    return [piece for start, end in sentence_spans(text) if (piece := text[start:end].strip())]


def _letters(piece: str) -> int:
    return sum(c.isalpha() for c in piece)
