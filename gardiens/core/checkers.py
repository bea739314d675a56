"""One checker per puzzle type: is an answer right, and what does the team learn from it?

Answers are plain JSON values so that they can be journaled: a string (code, text, cipher),
a list of ids (choice, order, hotspots), or a mapping of ids (true/false, categorise).
"""

from __future__ import annotations

import random
import string
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeAlias

from gardiens.core.model import (
    PEGI_RATINGS,
    Ads,
    Categorise,
    Chat,
    Choice,
    Cipher,
    CodeLock,
    Cookies,
    Feed,
    Hotspots,
    MultipleChoice,
    Ordering,
    Password,
    PasswordRule,
    Pegi,
    Puzzle,
    Settings,
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
        case Feed():
            boxes = {c.id for c in puzzle.categories}
            placed = _mapping(answer, [p.id for p in puzzle.posts], lambda v: v in boxes)
            wrong_posts = [p for p in puzzle.posts if placed[p.id] != p.category]
            return _verdict(
                puzzle,
                len(puzzle.posts) - len(wrong_posts),
                len(puzzle.posts),
                [p.feedback for p in wrong_posts if p.feedback is not None],
            )
        case Chat():
            return _check_choices(
                puzzle, puzzle.choices, _ids(answer, {c.id for c in puzzle.choices})
            )
        case Settings():
            return _check_settings(puzzle, answer)
        case Password():
            return _check_password(puzzle, _text(answer))
        case Cookies():
            return _check_cookies(puzzle, answer)
        case Pegi():
            rated = _mapping(answer, [g.id for g in puzzle.games], lambda v: v in PEGI_RATINGS)
            wrong_games = [g for g in puzzle.games if rated[g.id] != g.rating]
            return _verdict(
                puzzle,
                len(puzzle.games) - len(wrong_games),
                len(puzzle.games),
                [g.feedback for g in wrong_games if g.feedback is not None],
            )
        case Ads():
            chosen = set(_ids(answer, {p.id for p in puzzle.posts}))
            slips = [p for p in puzzle.posts if (p.id in chosen) != p.hidden_ad]
            return _verdict(
                puzzle,
                len(puzzle.posts) - len(slips),
                len(puzzle.posts),
                [p.feedback for p in slips if p.feedback is not None],
            )
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
        case Feed():
            return {p.id: p.category for p in puzzle.posts}
        case Chat():
            return [c.id for c in puzzle.choices if c.correct]
        case Settings():
            return {st.id: st.expected[0] for st in puzzle.settings}
        case Password():
            return strong_password(puzzle)
        case Cookies():
            refuse = [b for b in puzzle.buttons if b.action == "refuse_all"]
            if refuse:
                return {"button": refuse[0].id}
            custom = next(b for b in puzzle.buttons if b.action == "customise")
            return {"button": custom.id} | {p.id: _on(p.expected) for p in puzzle.purposes}
        case Pegi():
            return {g.id: str(g.rating) for g in puzzle.games}
        case Ads():
            return [p.id for p in puzzle.posts if p.hidden_ad]
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
        case Feed():
            post = rng.choice(puzzle.posts)
            box = rng.choice([c.id for c in puzzle.categories if c.id != post.category])
            return {p.id: (box if p.id == post.id else p.category) for p in puzzle.posts}
        case Chat():
            wrong = [c.id for c in puzzle.choices if not c.correct]
            return [rng.choice(wrong)] if wrong else []
        case Settings():
            return {st.id: st.start for st in puzzle.settings}
        case Password():
            words = [w for r in puzzle.rules if r.kind == "avoid" for w in r.words]
            return (words[0] if words else "") + "123"
        case Cookies():
            accept = [b for b in puzzle.buttons if b.action == "accept_all"]
            if accept:
                return {"button": rng.choice(accept).id}
            custom = next(b for b in puzzle.buttons if b.action == "customise")
            return {"button": custom.id} | {p.id: _on(p.start) for p in puzzle.purposes}
        case Pegi():
            game = rng.choice(puzzle.games)
            other = rng.choice([r for r in PEGI_RATINGS if r != game.rating])
            return {g.id: str(other if g.id == game.id else g.rating) for g in puzzle.games}
        case Ads():
            return [p.id for p in puzzle.posts if not p.hidden_ad][:1]
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
    return _check_choices(puzzle, puzzle.choices, answer)


def _check_choices(puzzle: Puzzle, choices: list[Choice], answer: list[str]) -> Verdict:
    chosen = set(answer)
    details: list[Text] = []
    right = 0
    for choice in choices:
        if (choice.id in chosen) == choice.correct:
            right += 1
        elif choice.id in chosen and choice.feedback is not None:
            details.append(choice.feedback)
    return _verdict(puzzle, right, len(choices), details)


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


def _on(value: bool) -> str:
    return "on" if value else "off"


def _mapping(answer: object, keys: list[str], valid: Callable[[str], bool]) -> dict[str, str]:
    if not isinstance(answer, dict) or set(answer) != set(keys):
        raise MalformedAnswer("every element needs an answer")
    if not all(isinstance(v, str) and valid(v) for v in answer.values()):
        raise MalformedAnswer("unknown value in the answer")
    return {str(k): str(v) for k, v in answer.items()}


def _check_settings(puzzle: Settings, answer: object) -> Verdict:
    options = {st.id: {o.id for o in st.options} for st in puzzle.settings}
    if not isinstance(answer, dict) or set(answer) != set(options):
        raise MalformedAnswer("every setting needs a value")
    if not all(isinstance(v, str) and v in options[k] for k, v in answer.items()):
        raise MalformedAnswer("unknown option in the answer")
    wrong = [st for st in puzzle.settings if answer[st.id] not in st.expected]
    return _verdict(
        puzzle,
        len(puzzle.settings) - len(wrong),
        len(puzzle.settings),
        [st.feedback for st in wrong],
    )


def rule_met(rule: PasswordRule, password: str) -> bool:
    """Whether `password` keeps one rule of the strength meter."""
    match rule.kind:
        case "min_length":
            return len(password) >= (rule.value or 12)
        case "lowercase":
            return any(c.islower() for c in password)
        case "uppercase":
            return any(c.isupper() for c in password)
        case "digit":
            return any(c.isdigit() for c in password)
        case "symbol":
            return any(not c.isalnum() and not c.isspace() for c in password)
        case "avoid":
            flat = normalise(password)
            return not any(normalise(w) and normalise(w) in flat for w in rule.words)
    return False


def _check_password(puzzle: Password, answer: str) -> Verdict:
    failed = [r for r in puzzle.rules if not rule_met(r, answer)]
    return _verdict(
        puzzle, len(puzzle.rules) - len(failed), len(puzzle.rules), [r.feedback for r in failed]
    )


def strong_password(puzzle: Password) -> str:
    """A password that keeps every rule: words a team might pick, made long and varied."""
    length = max([r.value or 12 for r in puzzle.rules if r.kind == "min_length"], default=12)
    candidate = "Kayak-Nuage-Violet-47!"
    while len(candidate) < length:
        candidate += "-Zebre8"
    if all(rule_met(r, candidate) for r in puzzle.rules):
        return candidate
    return "Qw!" + "x7" * length


def _check_cookies(puzzle: Cookies, answer: object) -> Verdict:
    buttons = {b.id: b for b in puzzle.buttons}
    if not isinstance(answer, dict) or not all(isinstance(v, str) for v in answer.values()):
        raise MalformedAnswer("a cookie answer is a button and switches")
    button = buttons.get(str(answer.get("button")))
    if button is None:
        raise MalformedAnswer("unknown button")
    if button.action == "accept_all":
        details: list[Text] = [button.feedback] if button.feedback is not None else []
        return _verdict(puzzle, 0, 1 + len(puzzle.purposes), details)
    if button.action == "refuse_all":
        return _verdict(puzzle, 1 + len(puzzle.purposes), 1 + len(puzzle.purposes), [])
    switches = {p.id: answer.get(p.id, _on(p.start)) for p in puzzle.purposes}
    if not all(v in ("on", "off") for v in switches.values()):
        raise MalformedAnswer("a switch is on or off")
    wrong = [p for p in puzzle.purposes if switches[p.id] != _on(p.expected)]
    return _verdict(
        puzzle,
        1 + len(puzzle.purposes) - len(wrong),
        1 + len(puzzle.purposes),
        [p.feedback for p in wrong if p.feedback is not None],
    )
