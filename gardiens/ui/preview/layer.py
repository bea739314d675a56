"""The preview as a layer over the game: reload on save, a note in the corner, the error panel,
and the author's shortcuts to reach any puzzle, solve it, and switch age band or language."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from gardiens.authoring.watch import Broken, MissionWatcher, Reloaded, carry_over
from gardiens.core.commands import Choose, Skip
from gardiens.core.model import Mission
from gardiens.core.session import Lifecycle
from gardiens.i18n.pseudo import PSEUDO_LANGUAGE
from gardiens.ui.draw import panel
from gardiens.ui.preview.errors import ErrorPanel
from gardiens.ui.preview.jump_list import JumpList
from gardiens.ui.preview.replay import jump, replay, with_age
from gardiens.ui.screens.play import PuzzleScreen
from gardiens.ui.widgets.base import Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Shell

# How long a note ("Mission rechargée", "Âge : 13-16") stays in the corner.
NOTE_SECONDS = 3.0


class Preview:
    """Keeps a running kiosk in step with the mission files an author is editing.

    Driven by the App once a frame (`poll`), on the App's own clock, so tests move time by hand.
    A valid save replaces the mission and replays the team's events on it (progress kept by
    puzzle id); a broken save keeps the last good version playing and lists the located errors.
    """

    def __init__(self, app: Shell, watcher: MissionWatcher, *, lang: str = "fr") -> None:
        self.app = app
        self.watcher = watcher
        self.folder = watcher.folder
        self.errors = ErrorPanel(app, watcher.folder, lang=lang)
        self.reloads = 0
        self._note = ""
        self._note_until = 0.0

    # -- following the files ---------------------------------------------------------

    def poll(self) -> None:
        """Look at the folder (the watcher debounces and scans only every so often)."""
        app = self.app
        if self._note and app.time >= self._note_until:
            self._note = ""
            app.dirty = True
        change = self.watcher.poll(app.time)
        if isinstance(change, Reloaded):
            self.errors.clear()
            self.reloads += 1
            replay(app, self.folder, carry_over(app.session.events(), change.mission), change.mission)
            self.note(app.translator.gettext("Mission rechargée"))
        elif isinstance(change, Broken):
            self.errors.show(change.diagnostics)

    def note(self, text: str) -> None:
        self._note = text
        self._note_until = self.app.time + NOTE_SECONDS
        self.app.dirty = True

    # -- author shortcuts ---------------------------------------------------------------

    def on_key(self, event: pygame.event.Event) -> bool:
        """F2 list of puzzles, F3 solve the open one, F4 next age band, F5 next language."""
        actions = {
            pygame.K_F2: self.toggle_jump_list,
            pygame.K_F3: self.solve_current,
            pygame.K_F4: self.next_age,
            pygame.K_F5: self.next_language,
        }
        action = actions.get(event.key)
        if action is None:
            return False
        action()
        return True

    def toggle_jump_list(self) -> None:
        app = self.app
        shown = next((s for s in app.stack if isinstance(s, JumpList)), None)
        if shown is not None:
            shown.close()
        elif app.mission is not None or app.session.missions:
            app.push(JumpList(app, on_dismiss=self._jumped))

    def _jumped(self, puzzle_id: str | None) -> None:
        if puzzle_id is not None:
            jump(self.app, self.folder, puzzle_id)

    def solve_current(self) -> None:
        """The core's `skip` on the puzzle on screen: its rewards are given, as a facilitator would."""
        app = self.app
        screen = next((s for s in reversed(app.stack) if isinstance(s, PuzzleScreen)), None)
        if screen is None:
            self.note(app.translator.gettext("Ouvrez une énigme pour la résoudre (F2)."))
            return
        app.command(Skip(screen.puzzle.id))

    def next_age(self) -> None:
        """The next age band; after setup the session is replayed as if that band had been chosen."""
        app = self.app
        mission = app.mission or next(iter(app.session.missions.values()))
        state = app.state
        current = state.age or app.default_age or mission.ages[0]
        ages = list(mission.ages)
        age = ages[(ages.index(current) + 1) % len(ages)] if current in ages else ages[0]
        if state.lifecycle is Lifecycle.ATTRACT:
            app.default_age = age
        elif state.lifecycle is Lifecycle.SETUP:
            app.command(Choose(age=age))
        else:
            replay(app, self.folder, [with_age(e, age) for e in app.session.events()], mission)
        self.note(app.translator.gettext("Âge : {age}").format(age=age))

    def next_language(self) -> None:
        """The next of the mission's languages, then the pseudo-locale that shows cut-off text."""
        app = self.app
        mission = app.mission or next(iter(app.session.missions.values()))
        languages = [mission.language, *mission.translations, PSEUDO_LANGUAGE]
        current = app.language
        code = languages[(languages.index(current) + 1) % len(languages)] if current in languages else languages[0]
        app.choose_language(code)
        self.note(app.translator.gettext("Langue : {language}").format(language=code))

    # -- over the game --------------------------------------------------------------------

    def widgets(self) -> list[Widget]:
        """The error panel's own buttons, touchable above any screen."""
        return self.errors.widgets()

    def draw(self, surface: pygame.Surface) -> None:
        if self._note:
            self._draw_note(surface)
        self.errors.draw(surface)

    def _draw_note(self, surface: pygame.Surface) -> None:
        app = self.app
        m = app.metrics
        p = app.palette
        box = pygame.Rect(0, 0, m.px(760), m.px(84))
        box.midtop = (app.size[0] // 2, m.px(140))
        panel(surface, box, p.primary_dark, radius=box.h // 2, border=p.surface, border_width=m.px(3))
        app.type.block(surface, self._note, box.inflate(-m.px(40), -m.px(12)), size=m.text("body"),
                       color=p.on_primary, bold=True, align="center", valign="middle", max_lines=1,
                       name="preview-note")


def preview_for(app: Shell, folder: Path, mission: Mission, *, lang: str = "fr") -> Preview:
    """A preview of the mission in `folder`, already showing `mission` (loaded by the caller)."""
    watcher = MissionWatcher(folder)
    watcher.mission = mission
    preview = Preview(app, watcher, lang=lang)
    app.preview = preview
    return preview
