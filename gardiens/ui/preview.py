"""The author's live preview (`gardiens play MISSION --watch`): reload on save, errors on screen,
and shortcuts to reach any puzzle, solve it, and switch age band or language."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from gardiens.authoring.watch import PUZZLE_EVENTS, Broken, MissionWatcher, Reloaded, carry_over
from gardiens.core.commands import Choose, Confirm, Reset, Resume, Skip, Start, StartSetup
from gardiens.core.diagnostics import Diagnostic
from gardiens.core.journal import Event, Journal
from gardiens.core.model import Mission
from gardiens.core.session import Lifecycle, PuzzleState, Session
from gardiens.i18n.interface import diagnostics_translator
from gardiens.i18n.pseudo import PSEUDO_LANGUAGE
from gardiens.ui.draw import panel
from gardiens.ui.kit.modal import ModalScreen
from gardiens.ui.screens.play import PuzzleScreen
from gardiens.ui.widgets.base import Button, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Shell

# How long a note ("Mission rechargée", "Âge : 13-16") stays in the corner.
NOTE_SECONDS = 3.0
# Errors listed on the panel; the rest are counted (the author fixes the first ones first).
SHOWN_ERRORS = 6

DISMISS = "preview:dismiss"
REOPEN = "preview:errors"


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
        self.lang = lang
        self.errors: tuple[Diagnostic, ...] = ()
        self.dismissed = False
        self.reloads = 0
        self._note = ""
        self._note_until = 0.0
        self._buttons: list[Widget] = []

    # -- following the files ---------------------------------------------------------

    def poll(self) -> None:
        """Look at the folder (the watcher debounces and scans only every so often)."""
        app = self.app
        if self._note and app.time >= self._note_until:
            self._note = ""
            app.dirty = True
        change = self.watcher.poll(app.time)
        if isinstance(change, Reloaded):
            self.errors = ()
            self.reloads += 1
            self.restart(carry_over(app.session.events(), change.mission), change.mission)
            self.note(app.translator.gettext("Mission rechargée"))
        elif isinstance(change, Broken):
            self.errors = (
                tuple(d for d in change.diagnostics if d.severity == "error") or change.diagnostics
            )
            self.dismissed = False
            app.dirty = True

    def restart(self, events: list[Event], mission: Mission) -> None:
        """Play on from `events` replayed on `mission`, in a fresh in-memory journal.

        The puzzle open on screen is opened again when it can still be played.
        """
        app = self.app
        old = app.session
        open_puzzle = next(
            (s.puzzle.id for s in reversed(app.stack) if isinstance(s, PuzzleScreen)), None
        )
        journal = Journal.memory()
        for event in events:
            journal.append(event.session, event.at, [(event.kind, event.data)])
        session = Session({mission.id: mission}, journal, old.clock)
        app.mission_dirs = {mission.id: self.folder}
        app.default_mission = mission.id
        app.assets.clear_images()
        app.replace_session(session)
        old.journal.close()
        if open_puzzle is not None:
            self._open(open_puzzle)

    def _open(self, puzzle_id: str) -> None:
        app = self.app
        puzzle = app.available_puzzle(puzzle_id)
        if puzzle is not None:
            app.push(PuzzleScreen(app, puzzle))

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
            shown.dismiss(None)
        elif app.mission is not None or app.session.missions:
            app.push(JumpList(app, on_dismiss=self._jumped))

    def _jumped(self, puzzle_id: str | None) -> None:
        if puzzle_id is not None:
            self.jump(puzzle_id)

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
            events = [_with_age(e, age) for e in app.session.events()]
            self.restart(events, mission)
        self.note(app.translator.gettext("Âge : {age}").format(age=age))

    def next_language(self) -> None:
        """The next of the mission's languages, then the pseudo-locale that shows cut-off text."""
        app = self.app
        mission = app.mission or next(iter(app.session.missions.values()))
        languages = [mission.language, *mission.translations, PSEUDO_LANGUAGE]
        current = app.language
        code = (
            languages[(languages.index(current) + 1) % len(languages)]
            if current in languages
            else languages[0]
        )
        app.choose_language(code)
        self.note(app.translator.gettext("Langue : {language}").format(language=code))

    def jump(self, puzzle_id: str) -> None:
        """Open any puzzle: the game is started if needed and the puzzles before it are skipped.

        A puzzle already solved is played again: its own progress is forgotten.
        """
        app = self.app
        self._reach_play()
        session = app.session
        mission = session.mission
        if mission is None or session.state.lifecycle is not Lifecycle.PLAYING:
            return
        progress = session.state.puzzles.get(puzzle_id)
        if progress is not None and progress.state in (PuzzleState.SOLVED, PuzzleState.SKIPPED):
            events = [
                e
                for e in session.events()
                if not (e.kind in PUZZLE_EVENTS and e.data.get("puzzle") == puzzle_id)
            ]
            self.restart(events, mission)
            session = app.session
        for _ in range(len(mission.puzzles)):
            state = session.state
            if state.puzzles[puzzle_id].state is not PuzzleState.LOCKED:
                break
            ready = [
                p.id
                for p in mission.puzzles
                if p.id != puzzle_id and state.puzzles[p.id].state is PuzzleState.AVAILABLE
            ]
            if not ready:
                break
            session.handle(Skip(ready[0]))
        app.sync(force=True)
        self._open(puzzle_id)

    def _reach_play(self) -> None:
        """Walk the session to play with what setup needs (the kiosk's language and age band)."""
        app = self.app
        session = app.session
        lifecycle = session.state.lifecycle
        if lifecycle is Lifecycle.DEBRIEF:
            session.handle(Reset())
            lifecycle = session.state.lifecycle
        if lifecycle is Lifecycle.ATTRACT:
            session.handle(StartSetup())
        state = session.state
        if state.lifecycle is Lifecycle.SETUP:
            mission = session.missions.get(state.mission_id or "") or next(
                iter(session.missions.values())
            )
            offered = [mission.language, *mission.translations]
            language = state.language or (
                app.language if app.language in offered else mission.language
            )
            age = state.age or (
                app.default_age if app.default_age in mission.ages else mission.ages[0]
            )
            session.handle(Choose(mission=mission.id, age=age, language=language))
            session.handle(Confirm())
        if session.state.lifecycle is Lifecycle.BRIEFING:
            session.handle(Start())
        if session.state.lifecycle is Lifecycle.PAUSED:
            session.handle(Resume())

    # -- the error panel ------------------------------------------------------------------

    @property
    def showing_errors(self) -> bool:
        return bool(self.errors) and not self.dismissed

    def dismiss(self) -> None:
        self.dismissed = True
        self.app.dirty = True

    def reopen(self) -> None:
        self.dismissed = False
        self.app.dirty = True

    def widgets(self) -> list[Widget]:
        """The panel's own buttons, touchable above any screen."""
        return self._buttons

    def _panel_rect(self, rows: int) -> pygame.Rect:
        """Along the bottom of the screen, as tall as its rows need (two lines of text each)."""
        m = self.app.metrics
        width, height = self.app.size
        h = min(m.px(180) + rows * self._row_height(), height - m.px(160))
        return pygame.Rect(m.px(40), height - h - m.px(30), width - m.px(80), h)

    def _row_height(self) -> int:
        m = self.app.metrics
        return 2 * self.app.type.font(m.text("body")).get_linesize() + m.px(10)

    def located(self, diagnostic: Diagnostic) -> str:
        """`file:line:col: CODE message`, the file named from the mission's folder."""
        path = Path(diagnostic.file)
        if path.is_absolute() and path.is_relative_to(self.folder.parent):
            diagnostic = replace(diagnostic, file=path.relative_to(self.folder.parent).as_posix())
        return diagnostic.render(diagnostics_translator(self.lang))

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        m = app.metrics
        p = app.palette
        _ = app.translator.gettext
        self._buttons = []
        if self._note:
            box = pygame.Rect(0, 0, m.px(760), m.px(84))
            box.midtop = (app.size[0] // 2, m.px(140))
            panel(
                surface,
                box,
                p.primary_dark,
                radius=box.h // 2,
                border=p.surface,
                border_width=m.px(3),
            )
            app.type.block(
                surface,
                self._note,
                box.inflate(-m.px(40), -m.px(12)),
                size=m.text("body"),
                color=p.on_primary,
                bold=True,
                align="center",
                valign="middle",
                max_lines=1,
                name="preview-note",
            )
        if not self.errors:
            return
        if self.dismissed:
            pill = pygame.Rect(0, 0, m.px(420), m.px(96))
            pill.bottomleft = (m.px(40), app.size[1] - m.px(30))
            count = len(self.errors)
            label = app.translator.ngettext("{n} erreur", "{n} erreurs", count).format(n=count)
            button = Button(REOPEN, pill, label, icon="cross", kind="bad", on_tap=self.reopen)
            button.draw(surface, app, focused=False, pressed=False)
            self._buttons = [button]
            return
        listed = self.errors[:SHOWN_ERRORS]
        rest = len(self.errors) - len(listed)
        lines = [self.located(d) for d in listed]
        if rest:
            lines.append(
                app.translator.ngettext(
                    "… et {n} autre erreur.", "… et {n} autres erreurs.", rest
                ).format(n=rest)
            )
        rect = self._panel_rect(len(lines))
        panel(
            surface,
            rect,
            p.surface,
            radius=m.px(30),
            shadow=p.bad,
            depth=m.px(10),
            border=p.bad,
            border_width=m.px(6),
        )
        pad = m.px(36)
        close = Button(
            DISMISS,
            pygame.Rect(
                rect.right - pad - m.px(300), rect.y + pad - m.px(12), m.px(300), m.px(100)
            ),
            _("Masquer"),
            icon="cross",
            kind="quiet",
            on_tap=self.dismiss,
        )
        head = pygame.Rect(
            rect.x + pad, rect.y + pad - m.px(12), close.rect.x - rect.x - 2 * pad, m.px(100)
        )
        app.type.block(
            surface,
            _("Cette version a des erreurs : la dernière version correcte continue."),
            head,
            size=m.text("subtitle"),
            color=p.bad,
            bold=True,
            valign="middle",
            max_lines=2,
            name="preview-errors-title",
        )
        y = head.bottom + m.px(16)
        each = min(self._row_height(), (rect.bottom - pad - y) // max(1, len(lines)))
        for line in lines:
            app.type.block(
                surface,
                line,
                pygame.Rect(rect.x + pad, y, rect.w - 2 * pad, each - m.px(6)),
                size=m.text("body"),
                color=p.ink,
                max_lines=2,
                name="preview-error",
                verbatim=True,
            )
            y += each
        close.draw(surface, app, focused=False, pressed=app.input.pressed_widget() is close)
        # The panel takes the taps that land on it: nothing of the game below is pressed by mistake.
        self._buttons = [close, Widget("preview:panel", rect)]


def _with_age(event: Event, age: str) -> Event:
    """`event` as if the team had chosen `age` in setup."""
    if event.kind != "chosen" or "age" not in event.data:
        return event
    return replace(event, data={**event.data, "age": age})


class JumpList(ModalScreen[str | None]):
    """F2 in the preview: every puzzle of the mission, one tap away."""

    name = "preview-jump"

    def card(self) -> pygame.Rect:
        rect = pygame.Rect(0, 0, self.width - self.px(160), self.height - self.px(120))
        rect.center = (self.width // 2, self.height // 2)
        return rect

    def layout(self) -> None:
        app = self.app
        mission = app.mission or next(iter(app.session.missions.values()))
        words = app.words
        card = self.card()
        puzzles = list(mission.puzzles)
        cols = 3 if len(puzzles) > 6 else 2
        rows = max(1, -(-len(puzzles) // cols))
        gap = self.px(20)
        top = card.y + self.px(140)
        bottom = card.bottom - self.px(150)
        w = (card.w - self.px(80) - gap * (cols - 1)) // cols
        h = max(self.px(96), min(self.px(130), (bottom - top - gap * (rows - 1)) // rows))
        states = app.state.puzzles
        widgets: list[Widget] = []
        for i, puzzle in enumerate(puzzles):
            title = words.text(puzzle.title, puzzle_id=puzzle.id) if words else puzzle.id
            progress = states.get(puzzle.id)
            done = progress is not None and progress.state in (
                PuzzleState.SOLVED,
                PuzzleState.SKIPPED,
            )
            rect = pygame.Rect(
                card.x + self.px(40) + (i % cols) * (w + gap), top + (i // cols) * (h + gap), w, h
            )
            widgets.append(
                Button(
                    f"jump:{puzzle.id}",
                    rect,
                    f"{i + 1}. {title}",
                    align="left",
                    icon="check" if done else "play",
                    kind="plain",
                    on_tap=partial(self.go, puzzle.id),
                )
            )
        widgets.append(
            Button(
                "close",
                pygame.Rect(
                    card.right - self.px(440),
                    card.bottom - self.px(130),
                    self.px(400),
                    self.px(100),
                ),
                self._("Fermer"),
                icon="back",
                kind="quiet",
                on_tap=self.close,
            )
        )
        self.widgets = widgets

    def go(self, puzzle_id: str) -> None:
        self.dismiss(puzzle_id)

    def close(self) -> None:
        self.dismiss(None)

    def on_back(self) -> None:
        self.close()

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        self.dim(surface)
        card = self.card()
        panel(
            surface,
            card,
            p.surface,
            radius=self.px(40),
            shadow=p.primary_dark,
            depth=self.px(12),
            border=p.primary,
            border_width=self.px(6),
        )
        app.type.block(
            surface,
            self._("Aller à une énigme (aperçu)"),
            pygame.Rect(
                card.x + self.px(40), card.y + self.px(30), card.w - self.px(80), self.px(90)
            ),
            size=app.metrics.text("title"),
            color=p.ink,
            bold=True,
            valign="middle",
            max_lines=1,
            name="jump-title",
        )
        self.draw_widgets(surface)


def preview_for(app: Shell, folder: Path, mission: Mission, *, lang: str = "fr") -> Preview:
    """A preview of the mission in `folder`, already showing `mission` (loaded by the caller)."""
    watcher = MissionWatcher(folder)
    watcher.mission = mission
    preview = Preview(app, watcher, lang=lang)
    app.preview = preview
    return preview
