"""What a player reads of a mission, per language and age band, as it is said aloud: the same
texts the translation catalogs and the readability check enumerate (`core.texts`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gardiens.core.model import AgeBand, Mission
from gardiens.core.texts import SourceText, iter_source_texts, voice_place
from gardiens.i18n.missions import mission_catalog


@dataclass(frozen=True)
class SpokenText:
    """One text as a team of `age` reads it in `language`, and the author's recording of it."""

    text: str
    language: str
    age: AgeBand
    place: str
    recording: Path | None


def mission_languages(mission: Mission) -> list[str]:
    return [mission.language, *(c for c in mission.translations if c != mission.language)]


def recording_of(mission: Mission, source: SourceText) -> Path | None:
    """The author's recording of a source text (`voice:`), if one is given."""
    owner, place = voice_place(source)
    voices = mission.voice if owner is None else mission.puzzles[owner].voice
    file = voices.get(place)
    if file is None or mission.folder is None:
        return None
    return mission.folder / file


def spoken_texts(
    mission: Mission,
    *,
    languages: Iterable[str] | None = None,
    ages: Sequence[AgeBand] | None = None,
) -> list[SpokenText]:
    """Every text of the mission a team reads, for each language and age band asked (all the
    mission's by default). A recording is in the mission's language: other languages are said
    by the engine."""
    sources = list(iter_source_texts(mission))
    found: list[SpokenText] = []
    for language in languages or mission_languages(mission):
        catalog = {} if language == mission.language else mission_catalog(mission, language)
        for age in ages or mission.ages:
            for source in sources:
                if source.age not in (None, age):
                    continue
                owner, place = voice_place(source)
                where = place if owner is None else f"{mission.puzzles[owner].id}.{place}"
                recording = recording_of(mission, source) if language == mission.language else None
                text = catalog.get((source.context, source.msgid), source.msgid)
                found.append(SpokenText(text, language, age, where, recording))
    return found
