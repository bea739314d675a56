"""One checker per puzzle type: is an answer right, and what does the team learn from it?

Answers are plain JSON values so that they can be journaled: a string (code, text, cipher),
a list of ids (choice, order, hotspots), or a mapping of ids (true/false, categorise).
"""

from __future__ import annotations

import random
import string
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeAlias

from gardiens.core.model import (
    Categorise,
    Cipher,
    CodeLock,
    Hotspots,
    MultipleChoice,
    Ordering,
    Puzzle,
    ShortText,
    Text,
    TrueFalse,
)

Answer: TypeAlias = str | list[str] | dict[str, bool] | dict[str, str]

# Longer answers are refused before any check: nobody types 200 characters into a padlock.
MAX_TEXT_ANSWER = 200


@dataclass(frozen=True)
class Verdict:
    """The result of checking an answer: right or wrong, and the explanations to show."""

    correct: bool
    message: Text
    details: tuple[Text, ...] = ()
    score: tuple[int, int] = (0, 1)


class MalformedAnswer(ValueError):
    """An answer whose shape does not fit the puzzle (a random tap, a paste, a stale screen)."""


def normalise(text: str) -> str:
    """Forgive case, accents, spaces and punctuation: « L'Élysée » and "lelysee" match."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = (c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in "".join(kept).casefold() if c.isalnum())


def caesar(text: str, shift: int) -> str:
    """Shift every unaccented letter by `shift` places, keeping case and everything else."""
    out = []
    for char in text:
        if char in string.ascii_lowercase:
            out.append(chr((ord(char) - 97 + shift) % 26 + 97))
        elif char in string.ascii_uppercase:
            out.append(chr((ord(char) - 65 + shift) % 26 + 65))
        else:
            out.append(char)
    return "".join(out)


def expected_code(puzzle: CodeLock, rewards: Mapping[str, str]) -> str:
    """The lock's code: written out, or the values of the named rewards put end to end."""
    if puzzle.code is not None:
        return puzzle.code
    return "".join(rewards.get(rid, "?") for rid in puzzle.code_from or [])


def check(puzzle: Puzzle, answer: object, rewards: Mapping[str, str]) -> Verdict:
    """Check `answer` against `puzzle`; `rewards` maps every reward id to its value."""
    match puzzle:
        case CodeLock():
            return _check_code(puzzle, _text(answer), rewards)
        case MultipleChoice():
            return _check_choice(puzzle, _ids(answer, {c.id for c in puzzle.choices}))
        case TrueFalse():
            return _check_true_false(puzzle, _bools(answer, [s.id for s in puzzle.statements]))
        case Ordering():
            return _check_order(puzzle, _ids(answer, {i.id for i in puzzle.items}))
        case Categorise():
            return _check_categorise(puzzle, _categories(answer, puzzle))
        case Hotspots():
            return _check_hotspots(puzzle, _ids(answer, {r.id for r in puzzle.regions}))
        case ShortText():
            return _check_text(puzzle, _text(answer))
        case Cipher():
            return _check_cipher(puzzle, _text(answer))
    raise MalformedAnswer(f"unknown puzzle type {puzzle.type!r}")


def solution(puzzle: Puzzle, rewards: Mapping[str, str]) -> Answer:
    """A right answer, given the values of the rewards the team holds."""
    match puzzle:
        case CodeLock():
            return expected_code(puzzle, rewards)
        case MultipleChoice():
            return [c.id for c in puzzle.choices if c.correct]
        case TrueFalse():
            return {s.id: s.answer for s in puzzle.statements}
        case Ordering():
            return [i.id for i in puzzle.items]
        case Categorise():
            return {i.id: i.category for i in puzzle.items}
        case Hotspots():
            return [r.id for r in puzzle.regions if r.correct]
        case ShortText():
            return puzzle.answers[0]
        case Cipher():
            return puzzle.plaintext
    raise MalformedAnswer(f"unknown puzzle type {puzzle.type!r}")


def wrong_answer(puzzle: Puzzle, rewards: Mapping[str, str], rng: random.Random) -> Answer:
    """A plausible wrong answer, as a team might give: one swap, one flip, one slip."""
    match puzzle:
        case CodeLock():
            code = expected_code(puzzle, rewards)
            pos = rng.randrange(len(code))
            digit = rng.choice([d for d in string.digits if d != code[pos]])
            return code[:pos] + digit + code[pos + 1 :]
        case MultipleChoice():
            wrong = [c.id for c in puzzle.choices if not c.correct]
            right = [c.id for c in puzzle.choices if c.correct]
            if not wrong:
                return right[:-1]
            return [rng.choice(wrong)] if not puzzle.multiple else [*right[:-1], rng.choice(wrong)]
        case TrueFalse():
            flipped = rng.choice(puzzle.statements).id
            return {
                s.id: (not s.answer if s.id == flipped else s.answer) for s in puzzle.statements
            }
        case Ordering():
            order = [i.id for i in puzzle.items]
            a = rng.randrange(len(order) - 1)
            order[a], order[a + 1] = order[a + 1], order[a]
            return order
        case Categorise():
            moved = rng.choice(puzzle.items)
            other = rng.choice([c.id for c in puzzle.categories if c.id != moved.category])
            return {i.id: (other if i.id == moved.id else i.category) for i in puzzle.items}
        case Hotspots():
            right = [r.id for r in puzzle.regions if r.correct]
            wrong = [r.id for r in puzzle.regions if not r.correct]
            return [*right, rng.choice(wrong)] if wrong else right[:-1]
        case ShortText():
            if puzzle.mistakes:
                return rng.choice(puzzle.mistakes).answers[0]
            return "je ne sais pas"
        case Cipher():
            coded = caesar(puzzle.plaintext, puzzle.shift)
            return coded if normalise(coded) != normalise(puzzle.plaintext) else "?"
    raise MalformedAnswer(f"unknown puzzle type {puzzle.type!r}")


def _text(answer: object) -> str:
    if not isinstance(answer, str):
        raise MalformedAnswer("expected a text answer")
    if len(answer) > MAX_TEXT_ANSWER:
        raise MalformedAnswer("answer too long")
    return answer


def _ids(answer: object, known: set[str]) -> list[str]:
    if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
        raise MalformedAnswer("expected a list of ids")
    if not set(answer) <= known or len(set(answer)) != len(answer):
        raise MalformedAnswer("unknown or repeated id in the answer")
    return list(answer)


def _bools(answer: object, ids: list[str]) -> dict[str, bool]:
    if not isinstance(answer, dict) or set(answer) != set(ids):
        raise MalformedAnswer("every statement needs an answer")
    if not all(isinstance(v, bool) for v in answer.values()):
        raise MalformedAnswer("statement answers are true or false")
    return {str(k): bool(v) for k, v in answer.items()}


def _categories(answer: object, puzzle: Categorise) -> dict[str, str]:
    boxes = {c.id for c in puzzle.categories}
    if not isinstance(answer, dict) or set(answer) != {i.id for i in puzzle.items}:
        raise MalformedAnswer("every item needs a box")
    if not all(isinstance(v, str) and v in boxes for v in answer.values()):
        raise MalformedAnswer("unknown box in the answer")
    return {str(k): str(v) for k, v in answer.items()}


def _verdict(puzzle: Puzzle, right: int, total: int, details: list[Text]) -> Verdict:
    correct = right == total
    message = puzzle.feedback.right if correct else puzzle.feedback.wrong
    return Verdict(correct, message, () if correct else tuple(details), (right, total))


def _check_code(puzzle: CodeLock, answer: str, rewards: Mapping[str, str]) -> Verdict:
    ok = answer.strip() == expected_code(puzzle, rewards)
    return _verdict(puzzle, int(ok), 1, [])


def _check_choice(puzzle: MultipleChoice, answer: list[str]) -> Verdict:
    chosen = set(answer)
    details: list[Text] = []
    right = 0
    for choice in puzzle.choices:
        if (choice.id in chosen) == choice.correct:
            right += 1
        elif choice.id in chosen and choice.feedback is not None:
            details.append(choice.feedback)
    return _verdict(puzzle, right, len(puzzle.choices), details)


def _check_true_false(puzzle: TrueFalse, answer: dict[str, bool]) -> Verdict:
    wrong = [s for s in puzzle.statements if answer[s.id] != s.answer]
    details: list[Text] = [s.explanation for s in wrong]
    return _verdict(puzzle, len(puzzle.statements) - len(wrong), len(puzzle.statements), details)


def _check_order(puzzle: Ordering, answer: list[str]) -> Verdict:
    if len(answer) != len(puzzle.items):
        raise MalformedAnswer("every item must be placed")
    right = sum(1 for item, given in zip(puzzle.items, answer, strict=True) if item.id == given)
    return _verdict(puzzle, right, len(puzzle.items), [])


def _check_categorise(puzzle: Categorise, answer: dict[str, str]) -> Verdict:
    wrong = [i for i in puzzle.items if answer[i.id] != i.category]
    details: list[Text] = [i.feedback for i in wrong if i.feedback is not None]
    return _verdict(puzzle, len(puzzle.items) - len(wrong), len(puzzle.items), details)


def _check_hotspots(puzzle: Hotspots, answer: list[str]) -> Verdict:
    chosen = set(answer)
    details: list[Text] = []
    right = 0
    for region in puzzle.regions:
        if (region.id in chosen) == region.correct:
            right += 1
        elif region.id in chosen and region.feedback is not None:
            details.append(region.feedback)
    return _verdict(puzzle, right, len(puzzle.regions), details)


def _check_text(puzzle: ShortText, answer: str) -> Verdict:
    given = normalise(answer)
    if given and any(given == normalise(a) for a in puzzle.answers):
        return _verdict(puzzle, 1, 1, [])
    details: list[Text] = [
        m.feedback for m in puzzle.mistakes if any(given == normalise(a) for a in m.answers)
    ]
    return _verdict(puzzle, 0, 1, details)


def _check_cipher(puzzle: Cipher, answer: str) -> Verdict:
    ok = bool(normalise(answer)) and normalise(answer) == normalise(puzzle.plaintext)
    return _verdict(puzzle, int(ok), 1, [])


def known_mistake(puzzle: ShortText, answer: str) -> int | None:
    """Index of the listed mistake an answer matches, so that free text is never journaled."""
    given = normalise(answer)
    for index, mistake in enumerate(puzzle.mistakes):
        if any(given == normalise(a) for a in mistake.answers):
            return index
    return None
