"""One view per puzzle kind, found through `VIEWS`, keyed by the puzzle's `type`.

A new kind adds its module here and one line to `VIEWS`; a test fails when the keys differ from
the core's puzzle types or when a kind has no snapshot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gardiens.ui.puzzles.ads import AdsView
from gardiens.ui.puzzles.base import PuzzleView
from gardiens.ui.puzzles.categorise import CategoriseView
from gardiens.ui.puzzles.chat import ChatView
from gardiens.ui.puzzles.choice import ChoiceView
from gardiens.ui.puzzles.cipher import CipherView
from gardiens.ui.puzzles.code import CodeView
from gardiens.ui.puzzles.cookies import CookiesView
from gardiens.ui.puzzles.feed import FeedView
from gardiens.ui.puzzles.hotspots import HotspotsView
from gardiens.ui.puzzles.match import MatchView
from gardiens.ui.puzzles.order import OrderView
from gardiens.ui.puzzles.password import PasswordView
from gardiens.ui.puzzles.pegi import PegiView
from gardiens.ui.puzzles.rebuild import RebuildView
from gardiens.ui.puzzles.settings import SettingsView
from gardiens.ui.puzzles.text import TextView
from gardiens.ui.puzzles.true_false import TrueFalseView

if TYPE_CHECKING:
    from gardiens.core.model import Puzzle
    from gardiens.ui.kit.screen import Screen

VIEWS: dict[str, type[PuzzleView]] = {
    "code": CodeView,
    "choice": ChoiceView,
    "true_false": TrueFalseView,
    "order": OrderView,
    "categorise": CategoriseView,
    "hotspots": HotspotsView,
    "text": TextView,
    "cipher": CipherView,
    "feed": FeedView,
    "chat": ChatView,
    "settings": SettingsView,
    "password": PasswordView,
    "cookies": CookiesView,
    "pegi": PegiView,
    "ads": AdsView,
    "rebuild": RebuildView,
    "match": MatchView,
}


def view_for(screen: Screen, puzzle: Puzzle) -> PuzzleView:
    """The view that fits the puzzle's type."""
    view = VIEWS.get(puzzle.type)
    if view is None:
        raise TypeError(f"no view for puzzle type {puzzle.type!r}")
    return view(screen, puzzle)
