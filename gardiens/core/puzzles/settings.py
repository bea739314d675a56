"""`settings`: a privacy-settings panel to fix, one option per setting."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Literal

from pydantic import Field

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.answers import (
    Answer,
    Explanation,
    Journaled,
    Verdict,
    read_mapping,
    tally,
)
from gardiens.core.puzzles.base import D_, Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.kind import Effort, PuzzleKind


class SettingOption(Strict):
    id: Identifier
    label: Text


class Setting(Strict):
    id: Identifier
    label: Text
    options: list[SettingOption] = Field(min_length=2, max_length=4)
    start: Identifier = Field(
        description=D_("L'option réglée au départ (souvent la moins protectrice).")
    )
    expected: list[Identifier] = Field(
        min_length=1, description=D_("Les options acceptées comme bon réglage.")
    )
    feedback: Text = Field(description=D_("Pourquoi ce réglage compte."))


class Settings(PuzzleBase):
    """A privacy-settings panel to fix, one option per setting."""

    type: Literal["settings"]
    profile: Text = Field(description=D_("Le profil (inventé) dont on règle la confidentialité."))
    settings: list[Setting] = Field(min_length=1, max_length=8)


def _option(setting: Setting, option_id: str) -> Text:
    """The label of one of a setting's options (its id if the author wrote an unknown one)."""
    return next((o.label for o in setting.options if o.id == option_id), option_id)


def _chosen(puzzle: Settings, answer: object) -> dict[str, str]:
    return read_mapping(answer, {st.id: {o.id for o in st.options} for st in puzzle.settings})


class SettingsKind(PuzzleKind[Settings]):
    model = Settings
    label = N_("Réglages de confidentialité")
    sign = "on/off"

    def check(self, puzzle: Settings, answer: object, rewards: Mapping[str, str]) -> Verdict:
        chosen = _chosen(puzzle, answer)
        return tally(
            puzzle,
            [
                Explanation(st.label, _option(st, st.expected[0]), chosen[st.id] in st.expected, st.feedback)
                for st in puzzle.settings
            ],
        )

    def solution(self, puzzle: Settings, rewards: Mapping[str, str]) -> Answer:
        return {st.id: st.expected[0] for st in puzzle.settings}

    def wrong_answer(
        self, puzzle: Settings, rewards: Mapping[str, str], rng: random.Random
    ) -> Answer:
        return {st.id: st.start for st in puzzle.settings}

    def journaled(self, puzzle: Settings, answer: object) -> Journaled:
        return _chosen(puzzle, answer)

    def effort(self, puzzle: Settings) -> Effort:
        return Effort(30, len(puzzle.settings))
