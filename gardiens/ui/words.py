"""Mission texts as the team reads them: its age band and its language."""

from __future__ import annotations

from collections.abc import Sequence

from gardiens.core.model import AgeBand, Mission, Text, TextList
from gardiens.i18n.missions import MissionTexts


class MissionWords:
    """Resolves a mission's `Text`s for one team; the one place the UI reads mission wording."""

    def __init__(self, mission: Mission, age: AgeBand, language: str) -> None:
        self.mission = mission
        self.age = age
        self.language = language
        self._texts = MissionTexts.load(mission, age=age, language=language)

    def text(self, text: Text | None, puzzle_id: str | None = None) -> str:
        if text is None:
            return ""
        return self._texts.text(text, puzzle_id=puzzle_id)

    def reward_label(self, reward_id: str) -> str:
        """A reward's label, translated in the context of the puzzle that gives it."""
        for puzzle in self.mission.puzzles:
            for reward in puzzle.rewards:
                if reward.id == reward_id:
                    return self.text(reward.label, puzzle.id)
        return ""

    def picture(self, picture: str, source: str) -> str:
        """A text run of the mission's picture `picture`, translated for this team."""
        return self._texts.picture(picture, source)

    def texts(self, texts: TextList | Sequence[Text], puzzle_id: str | None = None) -> list[str]:
        return self._texts.texts(texts, puzzle_id=puzzle_id)  # type: ignore[arg-type]
