"""The learning check: one or two quick questions a mission asks before its briefing and again at
its debrief, to measure what the team learnt. A check, not a quiz: nothing is said of the first
answers, the right one is shown after the second ask. Only choice ids reach the journal, and only
counts reach the records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, TypeAlias, get_args

from pydantic import Field, StrictBool

from gardiens.core.diagnostics import Reporter, YamlPath
from gardiens.core.puzzles.base import D_, Identifier, Strict, Text

# When a question is asked: before the briefing, or at the debrief.
Moment: TypeAlias = Literal["before", "after"]
MOMENTS: tuple[Moment, ...] = get_args(Moment)

MAX_QUESTIONS = 2
CHOICES = (2, 4)

# What the journal keeps of one ask: the moment, the question's id and the choice's id (None when
# the team skipped it).
Asked: TypeAlias = tuple[str, str, str | None]


class CheckChoice(Strict):
    """One answer a team may tap; exactly one per question is right."""

    id: Identifier
    text: Text = Field(description=D_("La réponse, en quelques mots."))
    correct: StrictBool = False


class CheckQuestion(Strict):
    """A quick question on the mission's key message, asked before and after the mission."""

    id: Identifier
    question: Text = Field(description=D_("La question, courte et simple."))
    choices: list[CheckChoice] = Field(
        description=D_("De 2 à 4 réponses, dont une seule juste (« correct: true »).")
    )

    def right(self) -> str | None:
        """The id of the right choice (None in a check that lint refuses)."""
        return next((c.id for c in self.choices if c.correct), None)

    def choice(self, choice_id: str) -> CheckChoice | None:
        return next((c for c in self.choices if c.id == choice_id), None)


def pending(
    questions: Sequence[CheckQuestion], asked: Iterable[Asked], moment: Moment
) -> CheckQuestion | None:
    """The next question to ask at `moment`: the first one not yet answered (or skipped) then."""
    done = {question for when, question, _choice in asked if when == moment}
    return next((q for q in questions if q.id not in done), None)


def tally(questions: Sequence[CheckQuestion], asked: Iterable[Asked]) -> dict[str, int]:
    """A session's learning check in counts alone: per moment, how many answers were right, wrong
    or skipped. Nothing says which question or which choice: counts are all the records keep."""
    counts = {f"{moment}_{how}": 0 for moment in MOMENTS for how in ("right", "wrong", "skipped")}
    by_id = {q.id: q for q in questions}
    for moment, question_id, choice in asked:
        question = by_id.get(question_id)
        if question is None:
            continue
        how = "skipped" if choice is None else "right" if choice == question.right() else "wrong"
        counts[f"{moment}_{how}"] += 1
    return counts


def lint_check(questions: Sequence[CheckQuestion], report: Reporter) -> None:
    """GDN335 on too many questions, GDN336 on a question with too few or too many choices,
    GDN337 on one without exactly one right choice, GDN301 on a repeated id."""
    path: YamlPath = ("learning_check",)
    if len(questions) > MAX_QUESTIONS:
        report.add("GDN335", (*path, MAX_QUESTIONS), count=len(questions), limit=MAX_QUESTIONS)
    seen: set[str] = set()
    for i, question in enumerate(questions):
        if question.id in seen:
            report.add("GDN338", (*path, i, "id"), id=question.id)
        seen.add(question.id)
        count = len(question.choices)
        if not CHOICES[0] <= count <= CHOICES[1]:
            report.add("GDN336", (*path, i, "choices"), count=count, least=CHOICES[0],
                       most=CHOICES[1])
        right = sum(1 for c in question.choices if c.correct)
        if right != 1:
            report.add("GDN337", (*path, i, "choices"), right=right)
