"""A bot that plays a mission through the session, as a team would: some slips, some hints.

Every choice derives from the seed and the session state alone, so a run stopped at any
moment and resumed from the journal ends exactly as an uninterrupted run with that seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from gardiens.core import checkers
from gardiens.core.clock import ManualClock
from gardiens.core.commands import (
    AnswerCheck,
    Choose,
    Confirm,
    RequestHint,
    Resume,
    Start,
    StartSetup,
    Submit,
)
from gardiens.core.model import AgeBand, Mission, Puzzle
from gardiens.core.pseudonym import random_team
from gardiens.core.puzzles import kind_of
from gardiens.core.session import Lifecycle, PuzzleState, Reply, Session

WRONG_BUDGETS = (0, 1, 1, 2)
HINT_BUDGETS = (0, 0, 1, 2)


@dataclass(frozen=True)
class Bot:
    """Plays one mission for one age band and language, with a given seed."""

    mission: Mission
    age: AgeBand
    language: str
    seed: int

    def team(self) -> str:
        return random_team(random.Random(f"{self.seed}:team"))

    def think_seconds(self, session: Session) -> float:
        """How long the team ponders before its next action (deterministic, a few seconds)."""
        state = session.state
        key = f"{self.seed}:think:{len(state.rewards)}:" + ",".join(
            f"{p.attempts}.{p.hints}" for p in state.puzzles.values()
        )
        return random.Random(key).uniform(5.0, 25.0)

    def act(self, session: Session) -> Reply | None:
        """Send the next command; None once the mission is over."""
        state = session.state
        match state.lifecycle:
            case Lifecycle.ATTRACT:
                return session.handle(StartSetup())
            case Lifecycle.SETUP:
                if (state.mission_id, state.age, state.language, state.team) != (
                    self.mission.id,
                    self.age,
                    self.language,
                    self.team(),
                ):
                    choice = Choose(
                        mission=self.mission.id,
                        age=self.age,
                        language=self.language,
                        team=self.team(),
                    )
                    return session.handle(choice)
                return session.handle(Confirm())
            case Lifecycle.BRIEFING:
                return self._check(session) or session.handle(Start())
            case Lifecycle.PAUSED:
                return session.handle(Resume())
            case Lifecycle.PLAYING:
                return self._play(session)
            case Lifecycle.DEBRIEF:
                return self._check(session)
        return None

    def _check(self, session: Session) -> Reply | None:
        """The learning check's question asked now, if any: mostly right, more so after the
        mission, sometimes wrong, sometimes skipped (None when there is nothing to ask)."""
        asked = session.pending_check()
        if asked is None:
            return None
        moment, index = asked
        question = self.mission.learning_check[index]
        roll = random.Random(f"{self.seed}:check:{moment}:{question.id}").random()
        if roll < 0.1:
            return session.handle(AnswerCheck(question.id))
        if roll < (0.4 if moment == "before" else 0.2):
            wrong = [c.id for c in question.choices if not c.correct]
            return session.handle(AnswerCheck(question.id, wrong[int(roll * 100) % len(wrong)]))
        return session.handle(AnswerCheck(question.id, question.right()))

    def _play(self, session: Session) -> Reply:
        state = session.state
        held = session.rewards_values()
        open_puzzles = [
            p for p in self.mission.puzzles if state.puzzles[p.id].state is PuzzleState.AVAILABLE
        ]
        # The team types the answers of its own language.
        puzzle = session.played(next_puzzle(open_puzzles, held).id)
        progress = state.puzzles[puzzle.id]
        plan = random.Random(f"{self.seed}:{puzzle.id}:plan")
        wrong_budget = plan.choice(WRONG_BUDGETS)
        hint_budget = min(plan.choice(HINT_BUDGETS), len(session.hint_ladder(puzzle.id)))
        step = random.Random(f"{self.seed}:{puzzle.id}:{progress.attempts}:{progress.hints}")
        wants_wrong = progress.attempts < wrong_budget
        wants_hint = progress.hints < hint_budget
        if wants_wrong and (not wants_hint or step.random() < 0.5):
            return session.handle(Submit(puzzle.id, checkers.wrong_answer(puzzle, held, step)))
        if wants_hint:
            return session.handle(RequestHint(puzzle.id))
        return session.handle(Submit(puzzle.id, checkers.solution(puzzle, held)))


def next_puzzle(open_puzzles: list[Puzzle], held: dict[str, str]) -> Puzzle:
    """The open puzzle a team plays next, first in the mission's order: one whose pieces it
    holds before one still waiting for them, a required one before a bonus (`optional`), which
    it plays only when nothing else is open."""
    return min(open_puzzles, key=lambda p: (not holds_what_it_needs(p, held), p.optional))


def holds_what_it_needs(puzzle: Puzzle, held: dict[str, str]) -> bool:
    """Whether the team holds every reward the puzzle's answer is made of."""
    return all(rid in held for rid in kind_of(puzzle).rewards_needed(puzzle))


def play(bot: Bot, session: Session, clock: ManualClock, *, max_actions: int = 1000) -> int:
    """Play until the debrief; returns the number of commands sent."""
    sent = 0
    while sent < max_actions:
        clock.advance(bot.think_seconds(session))
        if bot.act(session) is None:
            break
        sent += 1
    return sent
