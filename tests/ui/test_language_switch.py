"""The language switches live, from the setup screen and from the accessibility panel."""

from __future__ import annotations

from collections.abc import Callable

from gardiens.core.commands import Reset
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage


def shown(pilot: Pilot, name: str) -> list[str]:
    return [fit.text for fit in pilot.fits() if fit.name == name]


def test_setup_language_is_the_sessions_and_shows_at_once(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    pilot.tap("start")
    assert pilot.screen == "setup" and pilot.app.state.language == "fr"
    pilot.tap("lang:en")
    assert pilot.app.state.language == "en"
    assert shown(pilot, "title") == ["Get ready for your mission"]
    # The same choice from the accessibility panel, back to French.
    pilot.tap("a11y")
    pilot.tap("language:fr")
    assert pilot.app.state.language == "fr"
    assert pilot.app.display_language is None


def test_panel_language_during_play_is_a_display_choice(launch: Callable[..., Pilot]) -> None:
    # GIVEN a team playing in French
    pilot = launch()
    stage(pilot.app, pilot.clock, screen="map")
    assert shown(pilot, "rewards-title") == ["Vos trouvailles"]
    # WHEN it picks English in the accessibility panel
    pilot.tap("a11y")
    pilot.tap("language:en")
    pilot.tap("close")
    # THEN interface and mission texts are English, the session keeps its language
    assert shown(pilot, "rewards-title") == ["What you found"]
    assert pilot.app.state.language == "fr"
    assert pilot.app.language == "en"
    # and the next team starts in the kiosk's language again.
    pilot.app.command(Reset())
    assert pilot.app.language == "fr"


def test_french_punctuation_gets_narrow_no_break_spaces(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    pilot.tap("start")
    assert shown(pilot, "confirm") == ["C'est parti\u202f!"]
    pilot.tap("a11y")
    pilot.tap("font:opendyslexic")
    # OpenDyslexic has no narrow no-break space: it stays narrow, drawn by the fallback font.
    assert any("\u202f" in fit.text for fit in pilot.fits())
