"""How the touch-only autoplay answers the themed puzzles (feed, chat, settings, password,
cookies, PEGI, ads): the same taps and drags a team would make on their views."""

from __future__ import annotations

from gardiens.core.model import Ads, Chat, Cookies, Feed, Password, Pegi, Puzzle, Settings
from gardiens.testing.pilot import Pilot
from gardiens.ui.widgets.themed import (
    LETTER_ROWS,
    SYMBOL_ROWS,
    ChatView,
    CookiesView,
    PasswordView,
)


class ThemedMoveError(RuntimeError):
    """A themed view did not end up holding the answer the bot entered."""


def enter_themed(pilot: Pilot, puzzle: Puzzle, answer: object) -> int | None:
    """Touch the widgets that build `answer`; None when `puzzle` is not a themed type."""
    match puzzle:
        case Feed():
            return _sort(pilot, "post", "box", dict(answer))  # type: ignore[call-overload]
        case Pegi():
            return _sort(pilot, "game", "pegi", dict(answer))  # type: ignore[call-overload]
        case Chat():
            taps = _read_chat(pilot)
            return taps + _taps(pilot, [f"choice:{cid}" for cid in _ids(answer)])
        case Settings():
            pairs = dict(answer)  # type: ignore[call-overload]
            return _taps(pilot, [f"setting:{sid}:{oid}" for sid, oid in pairs.items()])
        case Password():
            return _password(pilot, str(answer))
        case Cookies():
            return _cookies(pilot, puzzle, dict(answer))  # type: ignore[call-overload]
        case Ads():
            return _taps(pilot, [f"ad:{pid}" for pid in _ids(answer)])
    return None


def _ids(answer: object) -> list[str]:
    if not isinstance(answer, list):
        raise ThemedMoveError("expected a list of ids")
    return [str(a) for a in answer]


def _taps(pilot: Pilot, names: list[str]) -> int:
    for name in names:
        pilot.tap(name)
    return len(names)


def _view(pilot: Pilot) -> object:
    return getattr(pilot.app.top, "view", None)


def _sort(pilot: Pilot, card: str, box: str, wanted: dict[str, str]) -> int:
    """The first card is dragged onto its box, the others go by tapping the card then the box."""
    for index, (cid, bid) in enumerate(wanted.items()):
        if index == 0:
            pilot.drag(f"{card}:{cid}", f"{box}:{bid}")
        else:
            pilot.tap(f"{card}:{cid}")
            pilot.tap(f"{box}:{bid}")
    return 2 * len(wanted)


def _read_chat(pilot: Pilot) -> int:
    """Scroll the conversation to its end with the arrow, as a team reads before answering."""
    view = _view(pilot)
    if not isinstance(view, ChatView):
        raise ThemedMoveError("the chat puzzle is not on screen")
    taps = 0
    while view.scroll < view.max_scroll and taps < 30:
        pilot.tap("chat-down")
        taps += 1
    return taps


def _password(pilot: Pilot, password: str) -> int:
    """Type on the on-screen keyboard, switching case and symbol pages as a child would."""
    view = _view(pilot)
    if not isinstance(view, PasswordView):
        raise ThemedMoveError("the password puzzle is not on screen")
    letters = {k for row in LETTER_ROWS for k in row}
    symbols = {k for row in SYMBOL_ROWS for k in row}
    taps = 0
    for char in password:
        key = " " if char == " " else char.lower() if char.isalpha() else char
        if key == " ":
            name = "key:space"
        elif key in (letters if not view.symbols else symbols):
            name = f"key:{key}"
        elif key in letters:
            pilot.tap("key:letters")
            taps += 1
            name = f"key:{key}"
        elif key in symbols:
            pilot.tap("key:symbols")
            taps += 1
            name = f"key:{key}"
        else:
            raise ThemedMoveError(f"no key for {char!r} on the password keyboard")
        if char.isalpha() and char.isupper() != view.shift:
            pilot.tap("key:shift")
            taps += 1
        pilot.tap(name)
        taps += 1
    if view.typed != password:
        raise ThemedMoveError("the password field does not hold what was typed")
    return taps


def _cookies(pilot: Pilot, puzzle: Cookies, wanted: dict[str, str]) -> int:
    view = _view(pilot)
    if not isinstance(view, CookiesView):
        raise ThemedMoveError("the cookie banner is not on screen")
    pilot.tap(f"cookie:{wanted['button']}")
    taps = 1
    if not view.customising:
        return taps
    for purpose in puzzle.purposes:
        on = wanted.get(purpose.id, "on" if purpose.start else "off") == "on"
        if view.switches[purpose.id] != on:
            pilot.tap(f"purpose:{purpose.id}")
            taps += 1
    pilot.tap("cookie-save")
    return taps + 1
