"""The statistics as people read them: each mission and puzzle by its translated title, the
numbers people compare drawn as bars, and the teams' common mistakes written out in the words of
the elements they chose, not as the ids the journal keeps."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from gardiens.core.model import Mission
from gardiens.core.puzzles import kind_of
from gardiens.core.puzzles.base import PuzzleBase
from gardiens.core.puzzles.sorting import SortingKind
from gardiens.core.puzzles.text import ShortText
from gardiens.core.records import MissionStats, PuzzleStats
from gardiens.i18n.format import format_duration, format_ratio
from gardiens.i18n.interface import N_, InterfaceTranslator
from gardiens.i18n.missions import MissionTexts

Gettext = Callable[[str], str]

# The timer modes in the words the team chose them by (`TimerMode` values).
TIMER_WORDS = {"normal": N_("Normal"), "relaxed": N_("Plus long"), "off": N_("Sans chrono")}

# The fields that name an element to a team, in the order they are preferred.
NAMING_FIELDS = ("label", "title", "name", "text")
# Columns of the table, in characters: long titles and texts are cut with an ellipsis.
TITLE_WIDTH = 30
BAR_WIDTH = 16
QUOTED_LENGTH = 48
BLOCK = "█"


def describe_stats(
    table: list[MissionStats], missions: Mapping[str, Mission], translator: InterfaceTranslator
) -> str:
    """The statistics as text for a terminal, in the translator's language."""
    _ = translator.gettext
    if not table:
        return _("Aucune partie terminée pour l'instant.")
    # Bars share one scale across the table, so that two missions can be compared too.
    top = max([1.0, *(p.mean_attempts for g in table for p in g.puzzles),
               *(p.mean_hints for g in table for p in g.puzzles)])
    blocks: list[str] = []
    for group in table:
        blocks.append("\n".join(_group(group, missions.get(group.mission), translator, top)))
    return "\n\n".join(blocks)


def _group(
    group: MissionStats, mission: Mission | None, translator: InterfaceTranslator, top: float
) -> Iterator[str]:
    _ = translator.gettext
    language = translator.language
    texts = (
        MissionTexts.load(mission, age=group.age, language=language)  # type: ignore[arg-type]
        if mission is not None and group.age in mission.ages
        else None
    )
    title = texts.text(mission.title) if texts is not None and mission is not None else group.mission
    yield _("{title} — {age} ans").format(title=title, age=group.age)
    sessions = translator.ngettext("{n} partie", "{n} parties", group.sessions).format(
        n=group.sessions
    )
    median = format_duration(group.median_seconds, language) if group.median_seconds else "—"
    yield "  " + _("{sessions} · réussite {rate} · temps médian {median}").format(
        sessions=sessions, rate=format_ratio(group.win_rate, language), median=median
    )
    if group.timers:
        yield "  " + _("Minuteur : {modes}").format(modes=timer_counts(group.timers, _))
    yield ""
    heads = (_("Énigme"), _("résolue"), _("essais ratés (moyenne)"), _("indices (moyenne)"))
    solved_width = max(len(heads[1]), 5)
    column = max(BAR_WIDTH + 5, len(heads[2]))
    yield (
        f"  {_cut(heads[0], TITLE_WIDTH):<{TITLE_WIDTH}} {heads[1]:>{solved_width}}  "
        f"{heads[2]:<{column}}  {heads[3]}"
    )
    mistakes: list[str] = []
    for p in group.puzzles:
        puzzle = _puzzle(mission, p.puzzle)
        name = texts.text(puzzle.title, puzzle_id=p.puzzle) if texts and puzzle else p.puzzle
        solved = format_ratio(p.solved_rate, language)
        yield (
            f"  {_cut(name, TITLE_WIDTH):<{TITLE_WIDTH}} {solved:>{solved_width}}  "
            f"{_bar(p.mean_attempts, top):<{column}}  {_bar(p.mean_hints, top)}"
        )
        if p.common_wrong:
            mistakes.append(f"  {name}")
            mistakes.extend(_mistakes(p, mission, puzzle, texts, translator))
    if mistakes:
        yield ""
        yield "  " + _("Erreurs les plus fréquentes")
        yield from mistakes


def timer_counts(timers: Mapping[str, int], _: Gettext) -> str:
    """How many sessions each timer mode had, in words: « Normal 12 · Plus long 3 »."""
    return " · ".join(f"{_(TIMER_WORDS[mode])} {n}" for mode, n in timers.items() if mode in TIMER_WORDS)


def _bar(value: float, top: float) -> str:
    """A number with a bar as long as its share of the largest number of the table."""
    return f"{value:>4.1f} {BLOCK * round(value / top * BAR_WIDTH)}".rstrip()


def _puzzle(mission: Mission | None, puzzle_id: str) -> PuzzleBase | None:
    if mission is None:
        return None
    return next((p for p in mission.puzzles if p.id == puzzle_id), None)


def _mistakes(
    stats: PuzzleStats,
    mission: Mission | None,
    puzzle: PuzzleBase | None,
    texts: MissionTexts | None,
    translator: InterfaceTranslator,
) -> Iterator[str]:
    for wrong, count in stats.common_wrong:
        times = translator.ngettext("{n} fois", "{n} fois", count).format(n=count)
        sentence = (
            misconception(json.loads(wrong), mission, puzzle, texts, translator.gettext)
            if mission is not None and puzzle is not None and texts is not None
            else wrong
        )
        yield f"    · {sentence} ({times})"


def misconception(
    wrong: object,
    mission: Mission,
    puzzle: PuzzleBase,
    texts: MissionTexts,
    _: Gettext,
    *,
    unknown: str | None = None,
    length: int = QUOTED_LENGTH,
) -> str:
    """What a team answered wrongly, as a sentence in the words of the elements it chose: for a
    sorting, only the elements put in a wrong box; for an order, the order it tried. An element
    the mission no longer names is written `unknown` when given, else by its id."""
    names = _names(mission, puzzle, texts)

    def quoted(element_id: object) -> str:
        name = names.get(str(element_id))
        if name is None and unknown is not None:
            return unknown
        return _("« {text} »").format(text=_cut(name or str(element_id), length))

    right = _solution(puzzle)
    if isinstance(wrong, str):
        # A code typed on the keypad: its digits are the words.
        return _("code {code}").format(code=_("« {text} »").format(text=wrong))
    if isinstance(wrong, list):
        given = [str(i) for i in wrong]
        if not isinstance(right, list):
            return _("choisi : {items}").format(items=", ".join(map(quoted, given)))
        if sorted(right) == sorted(given):
            return _("dans cet ordre : {items}").format(items=" → ".join(map(quoted, given)))
        # What was picked wrongly says most; what was left out, when nothing was.
        if extra := [i for i in given if i not in right]:
            return _("choisi à tort : {items}").format(items=", ".join(map(quoted, extra)))
        missed = [i for i in right if i not in given]
        return _("oublié : {items}").format(items=", ".join(map(quoted, missed)))
    if isinstance(wrong, dict):
        if isinstance(puzzle, ShortText) and isinstance(wrong.get("mistake"), int):
            index = wrong["mistake"]
            if 0 <= index < len(puzzle.mistakes):
                source = puzzle.mistakes[index].answers[0]
                # The listed mistake as a team of the page's language types it.
                typed = (texts.answers(puzzle.id, source) or [source])[0]
                return _("tapé : {answer}").format(answer=_("« {text} »").format(text=typed))
        expected = right if isinstance(right, dict) else {}
        wrongly = [(k, v) for k, v in wrong.items() if expected.get(k) != v] or list(wrong.items())
        return " ; ".join(_pair(k, v, puzzle, quoted, _) for k, v in wrongly)
    return json.dumps(wrong, ensure_ascii=False)


def _pair(key: str, value: object, puzzle: PuzzleBase, quoted: Callable[[object], str],
          _: Gettext) -> str:
    if isinstance(value, bool):
        verdict = _("jugé vrai") if value else _("jugé faux")
        return _("{item} {verdict}").format(item=quoted(key), verdict=verdict)
    if value in ("on", "off"):
        state = _("activé") if value == "on" else _("désactivé")
        return _("{item} {state}").format(item=quoted(key), state=state)
    if key == "button":
        return _("bouton {button}").format(button=quoted(value))
    if isinstance(kind_of(puzzle), SortingKind):
        return _("{item} rangé dans {box}").format(item=quoted(key), box=quoted(value))
    return _("{item} : {value}").format(item=quoted(key), value=quoted(value))


def _solution(puzzle: PuzzleBase) -> Any:
    """The puzzle's right answer, in ids: a reward it is made of stands for itself (the pieces
    of a rebuilt message are journaled by their ids)."""
    kind = kind_of(puzzle)
    return kind.solution(puzzle, {r: r for r in kind.rewards_needed(puzzle)})


def _names(mission: Mission, puzzle: PuzzleBase, texts: MissionTexts) -> dict[str, str]:
    """Every element id of the mission by the words a team reads for it, those of `puzzle` first
    (a reward is named where it is earned)."""
    names: dict[str, str] = {}
    for other in [puzzle, *(p for p in mission.puzzles if p is not puzzle)]:
        for element_id, text in _named(other):
            names.setdefault(element_id, texts.text(text, puzzle_id=other.id))
    return names


def _named(node: object) -> Iterator[tuple[str, Any]]:
    """(id, text) of every element with an id and a name below `node`."""
    if isinstance(node, BaseModel):
        if not isinstance(node, PuzzleBase):
            element_id = getattr(node, "id", None)
            text = next((getattr(node, f) for f in NAMING_FIELDS if getattr(node, f, None)), None)
            if isinstance(element_id, str) and text is not None:
                yield element_id, text
        for name in type(node).model_fields:
            yield from _named(getattr(node, name))
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _named(item)


def _cut(text: str, length: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"
