"""Which language the team reads: the session's, a live choice made for one session, or the
kiosk's; and the team's name in it."""

from __future__ import annotations

from gardiens.core.pseudonym import team_name
from gardiens.i18n.pseudo import PSEUDO_LANGUAGE, pseudolocalise


class LanguagePolicy:
    """The language on screen when it is not the session's.

    It is chosen in the accessibility panel once setup is over (the core records a team's
    language in setup only, so afterwards it is a display choice and the session keeps the
    language chosen at setup), or it is the pseudo-locale pinned for the whole run by
    `--lang qps`.
    """

    def __init__(self, language: str) -> None:
        self.default = language
        self.display: str | None = language if language == PSEUDO_LANGUAGE else None
        self._pinned = language == PSEUDO_LANGUAGE
        # The session the display language was chosen for; None when chosen before setup.
        self._owner: str | None = None

    def shown(self, chosen: str | None) -> str:
        """The language the team reads now: a live choice, else the session's, else the kiosk's."""
        return self.display or chosen or self.default

    def choose(self, code: str, *, session_id: str | None, recorded: bool) -> None:
        """`code` chosen on screen; `recorded` when the session records it (in setup)."""
        self._pinned = False
        if recorded:
            self.display = None
            return
        # After setup the session keeps the language chosen at setup (its journal, debrief and
        # statistics say so); only what is displayed changes, for this session.
        self.display = code
        self._owner = session_id

    def follow(self, *, session_id: str | None, in_setup: bool, language: str | None) -> None:
        """Forget a display language once its session is over; keep one chosen before setup."""
        if self.display is None or self._pinned:
            return
        if self._owner is None and in_setup:
            # Chosen on the attract screen: the setup screen offers it to the session.
            if language == self.display:
                self.display = None
            elif language is not None:
                self._owner = session_id
            return
        if session_id != self._owner:
            self.display = None


def team_in(key: str | None, language: str) -> str:
    """The team's generated name in `language`; empty when there is none (or no such language)."""
    if not key:
        return ""
    try:
        if language == PSEUDO_LANGUAGE:
            return pseudolocalise(team_name(key, "fr"))
        return team_name(key, language)
    except ValueError:
        return ""
