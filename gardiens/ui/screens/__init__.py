"""The screens of the kiosk, one per moment of a team's visit."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gardiens.core.session import SessionState
    from gardiens.ui.app import App
    from gardiens.ui.screens.base import Screen


def root_screen_for(app: App, state: SessionState) -> type[Screen]:
    """The bottom screen of the stack for the session's lifecycle."""
    # Imported here: the package is also the attract screen's, shown before the session exists.
    from gardiens.core.session import Lifecycle, Outcome
    from gardiens.ui.screens.ending import (
        DebriefScreen,
        PauseScreen,
        TimeUpScreen,
        VictoryScreen,
    )
    from gardiens.ui.screens.lobby import AttractScreen, BriefingScreen, SetupScreen
    from gardiens.ui.screens.play import MapScreen

    lifecycle = state.lifecycle
    if lifecycle is Lifecycle.SETUP:
        return SetupScreen
    if lifecycle is Lifecycle.BRIEFING:
        return BriefingScreen
    if lifecycle is Lifecycle.PLAYING:
        return MapScreen
    if lifecycle is Lifecycle.PAUSED:
        return PauseScreen
    if lifecycle is Lifecycle.DEBRIEF:
        if not app.ending_seen and state.outcome is Outcome.WON:
            return VictoryScreen
        if not app.ending_seen and state.outcome is Outcome.TIME_UP:
            return TimeUpScreen
        return DebriefScreen
    return AttractScreen
