"""The App's side that follows a session: the root screen for each moment of the visit, the end
on time and the idle reset, the language kept per session, the mission's words, and the work
done ahead. It needs the mission model, so the App loads it with the first session: the attract
screen shown while the missions load does without it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from gardiens.core.commands import Choose, Reset, Tick
from gardiens.core.session import Lifecycle, PuzzleState
from gardiens.ui.ahead import Ahead
from gardiens.ui.screens.route import root_screen_for
from gardiens.ui.screens.story import StoryPanel
from gardiens.ui.sound import SILENCE, Mood, tension_starts
from gardiens.ui.words import MissionWords

if TYPE_CHECKING:
    from gardiens.core.model import AgeBand, Puzzle
    from gardiens.core.session import SessionState
    from gardiens.ui.kit.screen import Screen, Shell
    from gardiens.ui.locale import LanguagePolicy

# Setup and briefing left alone this long go back to the attract screen (a team walked away);
# not a briefing the facilitator launched, which waits for the team it was launched for.
IDLE_RESET_SECONDS = 180.0


class Follower:
    """Reads the session for the App; one per App, made when the first session comes in."""

    def __init__(self, app: Shell, policy: LanguagePolicy) -> None:
        self.app = app
        self.policy = policy
        self.ahead = Ahead(app)
        self._lifecycle: Lifecycle | None = None
        self._words: MissionWords | None = None
        # What the screens show of the clock: the lifecycle, the second, the hints offered.
        self._watch: tuple[Any, ...] = ()
        self._last_tick = 0.0
        # The session whose story is followed, and how many of its told events were shown.
        self._story: tuple[str | None, int] = (None, 0)

    def forget(self) -> None:
        """Another session plays on (the live preview's reload)."""
        self._words = None
        self._watch = ()

    def follow_language(self, state: SessionState) -> None:
        self.policy.follow(session_id=state.session_id, in_setup=state.lifecycle is Lifecycle.SETUP,
                           language=state.language)

    def root(self, state: SessionState) -> type[Screen]:
        """The bottom screen for the state; an ending shows again once the lifecycle moved."""
        if state.lifecycle != self._lifecycle:
            self.app.ending_seen = False
        self._lifecycle = state.lifecycle
        return root_screen_for(self.app, state)

    def words(self) -> MissionWords | None:
        app = self.app
        mission = app.mission
        if mission is None:
            return None
        age: AgeBand = app.state.age or app.default_age or mission.ages[0]
        language = app.language
        words = self._words
        if words is None or (words.mission, words.age, words.language) != (mission, age, language):
            words = self._words = MissionWords(mission, age, language)
        return words

    def choose_language(self, code: str) -> None:
        """Switch the interface and the mission texts to `code` at once, without a restart."""
        app = self.app
        state = app.state
        mission = app.mission
        offered = [mission.language, *mission.translations] if mission else []
        # In setup the language is the team's choice: the session records it.
        recorded = state.lifecycle is Lifecycle.SETUP and code in offered
        self.policy.choose(code, session_id=state.session_id, recorded=recorded)
        if recorded:
            app.command(Choose(language=code))
            return
        self._words = None
        app.sync()

    def mood(self) -> Mood:
        """The music for this frame: the theme's loop on the map and in puzzles, lowered under a
        pop-up, with the tension cue in the last minutes; silence on pause, the endings, the
        debrief, the attract screen and before the mission starts."""
        app = self.app
        state = app.state
        mission = app.mission
        if mission is None or state.lifecycle is not Lifecycle.PLAYING:
            return SILENCE
        top = app.top
        limit = state.time_limit + state.added
        return Mood(mission.theme, ducked=top is not None and top.overlay,
                    tension=state.timer.counts_down and app.session.remaining() <= tension_starts(limit))

    def available_puzzle(self, puzzle_id: str) -> Puzzle | None:
        """The puzzle `puzzle_id` if the team can open it now, else None."""
        mission = self.app.mission
        progress = self.app.state.puzzles.get(puzzle_id) if mission is not None else None
        if mission is None or progress is None or progress.state is not PuzzleState.AVAILABLE:
            return None
        return mission.puzzle(puzzle_id)

    def tell_story(self) -> None:
        """Show the story events told since the last look, each in its pop-up over whatever is
        on top; not while a pop-up holds the screens (the feedback of the answer that brought
        them): once it has closed, on the next frame. A game resumed after a restart does not
        tell again what its team already read."""
        app = self.app
        state = app.state
        session, shown = self._story
        if state.session_id != session:
            self._story = (state.session_id, len(state.told))
            return
        mission = app.mission
        if (len(state.told) <= shown or mission is None or state.lifecycle is not Lifecycle.PLAYING
                or any(screen.holds_sync for screen in app.stack)):
            return
        self._story = (session, len(state.told))
        # The first told ends on top, read first.
        for index in reversed(state.told[shown:]):
            app.push(StoryPanel(app, mission.events[index]))

    def tick(self) -> Literal["countdown", "all"] | None:
        """About once a second: let the session end on time, send an idle team back to the
        attract screen, and say what to repaint (the countdown alone, everything, or nothing).
        Every frame: the story events to show."""
        app = self.app
        self.tell_story()
        if app.time - self._last_tick < 1.0 and self._watch:
            return None
        self._last_tick = app.time
        state = app.state
        if state.lifecycle is Lifecycle.PLAYING:
            app.session.handle(Tick())
            app.reread()
            if app.state.lifecycle is not Lifecycle.PLAYING:
                app.play("time_up")
                app.sync()
                return None
        elif (state.lifecycle in (Lifecycle.SETUP, Lifecycle.BRIEFING) and not state.launched
              and app.time - app.last_input > IDLE_RESET_SECONDS):
            app.last_input = app.time
            app.command(Reset())
            return None
        state = app.state
        offered = tuple(sorted(p for p, g in state.puzzles.items() if g.hint_offered))
        watch = (state.lifecycle, int(app.session.remaining()), offered)
        if watch == self._watch:
            return None
        before = self._watch
        if before and watch[2] != before[2]:
            for screen in app.stack:
                screen.refresh()
        self._watch = watch
        only_the_clock = bool(before) and watch[0] == before[0] and watch[2] == before[2]
        return "countdown" if only_the_clock else "all"
