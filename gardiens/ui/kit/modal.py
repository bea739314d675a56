"""Pop-ups: screens over the one below that close with a result for whoever opened them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from gardiens.ui.kit.screen import Screen

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host

T = TypeVar("T")


class ModalScreen(Screen, Generic[T]):
    """A pop-up over the screen below, which it dims (Textual's `ModalScreen[T]`).

    It closes with `dismiss(result)`: it leaves the stack and `result` goes to `on_dismiss`, the
    callback of whoever opened it, so that a pop-up never reaches into the screen below.

        app.push(FeedbackPanel(app, screen, verdict, earned, on_dismiss=screen.after_feedback))
    """

    overlay = True

    def __init__(self, app: Host, *, on_dismiss: Callable[[T], object] | None = None) -> None:
        super().__init__(app)
        self._on_dismiss = on_dismiss

    def dismiss(self, result: T) -> None:
        """Leave the stack (when on top) and hand `result` to whoever opened the pop-up."""
        self.app.pop(self)
        if self._on_dismiss is not None:
            self._on_dismiss(result)
