"""The App's side that reads and commands the session: the state read once a frame, the commands
sent, the missions loading behind the attract screen, the language shown and the root screen
that matches the visit's moment. The App is the window, the stack and the loop on top of it."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from gardiens.i18n.interface import InterfaceTranslator
from gardiens.ui.boot import StartUp
from gardiens.ui.locale import LanguagePolicy, team_in
from gardiens.ui.screens.attract import AttractScreen

if TYPE_CHECKING:
    from gardiens.core.commands import Command
    from gardiens.core.model import AgeBand, Mission, Puzzle
    from gardiens.core.session import Reply, Session, SessionState
    from gardiens.ui.ahead import Ahead
    from gardiens.ui.boot import Boot
    from gardiens.ui.follow import Follower
    from gardiens.ui.kit.screen import Shell
    from gardiens.ui.words import MissionWords

log = logging.getLogger(__name__)


class SessionSide:
    """What a screen reads of the session and sends to it, through the App (see `Host`).

    It is the App's base class: what it shows and repaints, it does on the App (`_app`).
    """

    def __init__(self, session: Session | None, *, language: str, age: AgeBand | None,
                 mission_dirs: Mapping[str, Path] | None, default_mission: str | None) -> None:
        self.session = session
        self.default_language = language
        self.default_age = age
        self.mission_dirs = dict(mission_dirs or {})
        self.default_mission = default_mission
        # Missions loading behind the attract screen, and the taps made before they are in.
        self.startup = StartUp()
        # True while screens are prepared ahead of time: they may read the session, never change it.
        self.preparing = False
        self.translator = InterfaceTranslator(language)
        self.locale = LanguagePolicy(language)
        self.ending_seen = False
        self._follower: Follower | None = None
        self._state: SessionState | None = None

    @property
    def session(self) -> Session:
        """The session; there is none only while the missions load behind the attract screen."""
        if self._session is None:
            raise RuntimeError("the missions are still loading")
        return self._session

    @session.setter
    def session(self, session: Session | None) -> None:
        self._session = session

    @property
    def loaded(self) -> bool:
        """Whether the session is there (the missions are read and checked)."""
        return self._session is not None

    @property
    def state(self) -> SessionState:
        """The session state, read once per frame (the core recomputes it on each read)."""
        if self._state is None:
            self._state = self.session.state
        return self._state

    def reread(self) -> None:
        self._state = None

    @property
    def mission(self) -> Mission | None:
        return self._session.mission if self._session is not None else None

    def mission_dir(self) -> Path | None:
        mission = self.mission
        return self.mission_dirs.get(mission.id) if mission else None

    @property
    def _app(self) -> Shell:
        """The whole App this side is part of: its stack, its repaints, its sounds."""
        return cast("Shell", self)

    @property
    def follower(self) -> Follower:
        """The side that follows the session, made with the first session."""
        if self._follower is None:
            # Imported here, and only here, for start-up time: following a session needs the
            # mission model, which the attract screen shown while the missions load must not
            # wait for (see tests/ui/test_boot.py).
            from gardiens.ui.follow import Follower  # lazy: start-up

            self._follower = Follower(self._app, self.locale)
        return self._follower

    @property
    def ahead(self) -> Ahead:
        return self.follower.ahead

    @property
    def words(self) -> MissionWords | None:
        return self.follower.words() if self._session is not None else None

    @property
    def language(self) -> str:
        """The language the team reads now: a live choice, else the session's, else the kiosk's."""
        return self.locale.shown(self.state.language if self._session is not None else None)

    @property
    def display_language(self) -> str | None:
        return self.locale.display

    def choose_language(self, code: str) -> None:
        self.follower.choose_language(code)

    def team(self) -> str:
        return team_in(self.state.team if self._session is not None else None, self.language)

    def available_puzzle(self, puzzle_id: str) -> Puzzle | None:
        return self.follower.available_puzzle(puzzle_id)

    # -- following the session ------------------------------------------------------------

    def sync(self, force: bool = False) -> None:
        """Follow the session: show the root screen that matches its lifecycle."""
        app = self._app
        if self._session is not None:
            self._state = None
            self.follower.follow_language(self.state)
        self.translator.set_language(self.language)
        # The interface says « tu » to the team when the mission does.
        self.translator.set_address(self.mission.address if self.mission is not None else None)
        app.type.language = self.language
        if self._session is None:
            # While the missions load: the attract screen, which needs none of them.
            if force or not app.stack:
                app.replace(AttractScreen(app))
        elif not force and any(s.holds_sync for s in app.stack):
            return
        else:
            wanted = self.follower.root(self.state)
            if force or not app.stack or type(app.stack[0]) is not wanted:
                app.replace(wanted(app))
            else:
                app.stack = [screen for screen in app.stack if not screen.stale()]
                for screen in app.stack:
                    screen.refresh()
        app.dirty = True

    def replace_session(self, session: Session) -> None:
        """Play on from another session (the live preview's reload): every screen is rebuilt."""
        self.session = session
        self.follower.forget()
        self.sync(force=True)

    def show_debrief(self) -> None:
        """After the victory or time-up screen, the debrief."""
        self.ending_seen = True
        self.sync(force=True)

    # -- the session's commands ----------------------------------------------------------

    def start_boot(self, boot: Boot[Any]) -> None:
        """Load the missions on a worker while the attract screen shows; `boot` sets the session."""
        self.startup.start(boot)

    def command_when_ready(self, command: Command) -> None:
        """A command now, or, while the missions load, as soon as they are in (a tap is never lost)."""
        if self._session is None:
            self.startup.queued.append(command)
            return
        self.command(command)

    def command(self, command: Command, *, hold: bool = False) -> Reply:
        """Send a command to the session; the screens follow the new state."""
        if self.preparing:
            raise RuntimeError(f"a screen prepared ahead of time sent {command!r} to the session")
        reply = self.session.handle(command)
        if not reply.ok:
            log.info("session refused %r: %s", command, reply.reason)
        self._state = None
        if not hold:
            self.sync()
        self._app.dirty = True
        return reply
