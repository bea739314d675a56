"""Which screen sits at the bottom of the stack for each moment of a team's visit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gardiens.core.session import Lifecycle, Outcome
from gardiens.ui.screens.attract import AttractScreen
from gardiens.ui.screens.ending import DebriefScreen, PauseScreen, TimeUpScreen, VictoryScreen
from gardiens.ui.screens.learning import LearningScreen
from gardiens.ui.screens.lobby import BriefingScreen, SetupScreen
from gardiens.ui.screens.play import MapScreen

if TYPE_CHECKING:
    from gardiens.core.session import SessionState
    from gardiens.ui.kit.screen import Host, Screen


def root_screen_for(app: Host, state: SessionState) -> type[Screen]:
    """The bottom screen of the stack for the session's lifecycle."""
    lifecycle = state.lifecycle
    if lifecycle is Lifecycle.SETUP:
        return SetupScreen
    if lifecycle is Lifecycle.BRIEFING:
        # The learning check's first ask comes before the story (see screens/learning.py).
        return LearningScreen if app.session.pending_check() else BriefingScreen
    if lifecycle is Lifecycle.PLAYING:
        return MapScreen
    if lifecycle is Lifecycle.PAUSED:
        return PauseScreen
    if lifecycle is Lifecycle.DEBRIEF:
        if not app.ending_seen and state.outcome is Outcome.WON:
            return VictoryScreen
        if not app.ending_seen and state.outcome is Outcome.TIME_UP:
            return TimeUpScreen
        return LearningScreen if app.session.pending_check() else DebriefScreen
    return AttractScreen
