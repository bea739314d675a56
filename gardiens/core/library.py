"""The bundled missions: where they live, how a mission is named on the command line, and loading
the valid ones."""

from __future__ import annotations

from pathlib import Path

from gardiens.core.diagnostics import Lang
from gardiens.core.lint import MISSION_FILE
from gardiens.core.loader import find_mission_files, load_mission
from gardiens.core.model import Mission
from gardiens.paths import scenarios_dir

__all__ = [
    "MISSION_FILE",
    "MissionNotFoundError",
    "find_mission_files",
    "load_library",
    "resolve_mission",
    "scenarios_dir",
]

class MissionNotFoundError(LookupError):
    """No bundled mission has this id and no mission file is at this path."""


def resolve_mission(arg: str, *, root: Path | None = None) -> Path:
    """The mission file named by `arg`: a bundled mission id, a `scenario.yaml`, or its folder."""
    given = Path(arg)
    if given.is_file():
        return given
    if given.is_dir() and (given / MISSION_FILE).is_file():
        return given / MISSION_FILE
    bundled = (root if root is not None else scenarios_dir()) / arg / MISSION_FILE
    if "/" not in arg and "\\" not in arg and arg not in {"", ".", ".."} and bundled.is_file():
        return bundled
    raise MissionNotFoundError(arg)


def load_library(*, root: Path | None = None, lang: Lang = "fr") -> dict[str, tuple[Mission, Path]]:
    """Every valid bundled mission by id, with its file; missions with errors are left out
    (`gardiens validate` explains why)."""
    folder = root if root is not None else scenarios_dir()
    library: dict[str, tuple[Mission, Path]] = {}
    if not folder.is_dir():
        return library
    for file in find_mission_files([folder]):
        mission = load_mission(file, lang=lang).mission
        if mission is not None and mission.id not in library:
            library[mission.id] = (mission, file)
    return library
