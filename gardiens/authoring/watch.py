"""Live preview logic: notice that a mission's folder changed, reload it, and carry the team's
progress over to the new version. Pure polling, driven by the caller's clock."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gardiens.core.diagnostics import Diagnostic
from gardiens.core.journal import Event
from gardiens.core.lint import MISSION_FILE
from gardiens.core.loader import load_mission
from gardiens.core.model import Mission

__all__ = [
    "PUZZLE_EVENTS",
    "Broken",
    "MissionWatcher",
    "Reloaded",
    "Snapshot",
    "carry_over",
    "snapshot",
]

# Files editors write beside the real one while saving; they are not part of the mission.
_SCRATCH_SUFFIXES = (".swp", ".swx", ".tmp", "~", ".part", ".crdownload")
_SCRATCH_PREFIXES = (".#", ".~")

Snapshot = dict[str, tuple[int, int]]
StatFunction = Callable[[str], os.stat_result]


def _is_scratch(name: str) -> bool:
    return name.startswith(_SCRATCH_PREFIXES) or name.endswith(_SCRATCH_SUFFIXES) or name == "4913"


def snapshot(folder: Path, *, stat: StatFunction = os.stat) -> Snapshot:
    """Modification time and size of every file of the mission folder, by relative path."""
    found: Snapshot = {}
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
        for name in files:
            if _is_scratch(name):
                continue
            full = os.path.join(root, name)
            try:
                info = stat(full)
            except OSError:
                # Renamed or removed between the listing and the stat: a save in progress.
                continue
            found[os.path.relpath(full, folder)] = (info.st_mtime_ns, info.st_size)
    return found


@dataclass(frozen=True)
class Reloaded:
    """The mission was saved and loads: show it. `diagnostics` holds its warnings, if any."""

    mission: Mission
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class Broken:
    """The saved mission has errors: keep showing `last_good` and show the located errors."""

    diagnostics: tuple[Diagnostic, ...]
    last_good: Mission | None


class MissionWatcher:
    """Watches one mission's folder and reloads it after the author saves.

    Meant to be driven from the kiosk's frame loop (or any loop), with the loop's own clock::

        watcher = MissionWatcher(path)
        first = watcher.reload()            # Reloaded or Broken, to show at once
        while running:
            change = watcher.poll(clock.now())   # every frame: cheap, scans every `interval`
            if isinstance(change, Reloaded):
                events = carry_over(session.events(), change.mission)
                ...  # restart the session from `events` on the new mission
            elif isinstance(change, Broken):
                ...  # overlay change.diagnostics; keep playing change.last_good

    A change is acted on only after `quiet` seconds without any further change, so an editor
    that writes a temporary file then renames it (the file briefly missing) gives one reload.
    Images count: replacing a picture reloads the mission too.
    """

    def __init__(
        self,
        path: Path,
        *,
        quiet: float = 0.3,
        interval: float = 0.25,
        missing_grace: float = 2.0,
        stat: StatFunction = os.stat,
    ) -> None:
        self.file = path / MISSION_FILE if path.is_dir() else path
        self.folder = self.file.parent
        self.quiet = quiet
        self.interval = interval
        self.missing_grace = missing_grace
        self._stat = stat
        self._seen = snapshot(self.folder, stat=stat)
        self._last_scan: float | None = None
        self._changed_at: float | None = None
        self.mission: Mission | None = None

    @property
    def pending(self) -> bool:
        """True while a change has been seen and the folder is not yet quiet."""
        return self._changed_at is not None

    def reload(self) -> Reloaded | Broken:
        """Load the mission now; the last good mission is kept when this version has errors."""
        result = load_mission(self.file)
        if result.mission is not None:
            self.mission = result.mission
            return Reloaded(result.mission, tuple(result.diagnostics))
        return Broken(tuple(result.diagnostics), self.mission)

    def poll(self, now: float) -> Reloaded | Broken | None:
        """What changed since the last call, once the folder has been quiet; None otherwise."""
        if self._last_scan is not None and now - self._last_scan < self.interval:
            return None
        self._last_scan = now
        current = snapshot(self.folder, stat=self._stat)
        if current != self._seen:
            self._seen = current
            self._changed_at = now
            return None
        if self._changed_at is None or now - self._changed_at < self.quiet:
            return None
        if MISSION_FILE not in current and now - self._changed_at < self.missing_grace:
            # Between the delete and the rename of an atomic save: wait for the new file.
            return None
        self._changed_at = None
        return self.reload()


# Events that belong to one puzzle; they survive a reload only if that puzzle still exists.
PUZZLE_EVENTS = frozenset({"answer_submitted", "hint_shown", "hint_pushed", "puzzle_skipped"})


def carry_over(events: Iterable[Event], mission: Mission) -> list[Event]:
    """The events of a session, replayable on a new version of its mission.

    Progress is kept by puzzle id: the events of removed puzzles are dropped; lifecycle, age
    band, language, team and time are kept. A renamed mission keeps its session. Sequence
    numbers are renumbered so the result is a valid journal of its own.
    """
    ids = {p.id for p in mission.puzzles}
    kept: list[Event] = []
    for event in events:
        data: Mapping[str, Any] = event.data
        if event.kind in PUZZLE_EVENTS and str(data.get("puzzle")) not in ids:
            continue
        if event.kind == "chosen" and "mission" in data:
            data = {**data, "mission": mission.id}
        kept.append(Event(event.session, len(kept) + 1, event.at, event.kind, data))
    return kept
