"""The kinds of puzzle a mission can hold: `KINDS`, one entry per module of this package.

Adding a kind is a module here (its model and its `PuzzleKind`) and one line in `KINDS`; the
mission model, the list of types, the checkers, the bot, playtests and the map read it from
there (docs/architecture.md walks through it). `kind_of` finds the kind that plays a puzzle.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from gardiens.core.puzzles.ads import AdsKind
from gardiens.core.puzzles.base import PuzzleBase
from gardiens.core.puzzles.categorise import CategoriseKind
from gardiens.core.puzzles.chat import ChatKind
from gardiens.core.puzzles.choice import ChoiceKind
from gardiens.core.puzzles.cipher import CipherKind
from gardiens.core.puzzles.code import CodeKind
from gardiens.core.puzzles.cookies import CookiesKind
from gardiens.core.puzzles.feed import FeedKind
from gardiens.core.puzzles.hotspots import HotspotsKind
from gardiens.core.puzzles.kind import PuzzleKind
from gardiens.core.puzzles.match import MatchKind
from gardiens.core.puzzles.order import OrderKind
from gardiens.core.puzzles.password import PasswordKind
from gardiens.core.puzzles.pegi import PegiKind
from gardiens.core.puzzles.rebuild import RebuildKind
from gardiens.core.puzzles.settings import SettingsKind
from gardiens.core.puzzles.text import TextKind
from gardiens.core.puzzles.true_false import TrueFalseKind

# In this order in the mission schema and in the messages that list the types.
KINDS: tuple[PuzzleKind[Any], ...] = (
    CodeKind(),
    ChoiceKind(),
    TrueFalseKind(),
    OrderKind(),
    CategoriseKind(),
    HotspotsKind(),
    TextKind(),
    CipherKind(),
    FeedKind(),
    ChatKind(),
    SettingsKind(),
    PasswordKind(),
    CookiesKind(),
    PegiKind(),
    AdsKind(),
    RebuildKind(),
    MatchKind(),
)

_BY_MODEL: dict[type[PuzzleBase], PuzzleKind[Any]] = {}


def register(kinds: Iterable[PuzzleKind[Any]]) -> None:
    """Make kinds known to `kind_of`; `KINDS` are, and `mission_model` registers the others."""
    for kind in kinds:
        _BY_MODEL[kind.model] = kind


def kind_of(puzzle: PuzzleBase) -> PuzzleKind[Any]:
    """The kind that plays `puzzle`."""
    for cls in type(puzzle).__mro__:
        kind = _BY_MODEL.get(cls)
        if kind is not None:
            return kind
    raise LookupError(f"no kind plays {type(puzzle).__name__}: list it in KINDS")


register(KINDS)

__all__ = ["KINDS", "PuzzleKind", "kind_of", "register"]
