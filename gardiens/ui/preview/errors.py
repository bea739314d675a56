"""The preview's error panel: a broken save's located errors along the bottom of the screen, or,
once hidden, a pill that counts them and brings them back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from gardiens.core.diagnostics import Diagnostic
from gardiens.i18n.interface import diagnostics_translator
from gardiens.ui.kit.modal import card_panel
from gardiens.ui.widgets.base import Button, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Shell

# Errors listed on the panel; the rest are counted (the author fixes the first ones first).
SHOWN_ERRORS = 6

DISMISS = "preview:dismiss"
REOPEN = "preview:errors"


class ErrorPanel:
    """What is wrong with the last save, drawn over any screen until the author hides it."""

    def __init__(self, app: Shell, folder: Path, *, lang: str) -> None:
        self.app = app
        self.folder = folder
        self.lang = lang
        self.errors: tuple[Diagnostic, ...] = ()
        self.dismissed = False
        self._buttons: list[Widget] = []

    def show(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        """The errors of a broken save (its warnings only when it has no error)."""
        self.errors = tuple(d for d in diagnostics if d.severity == "error") or diagnostics
        self.dismissed = False
        self.app.dirty = True

    def clear(self) -> None:
        self.errors = ()

    def dismiss(self) -> None:
        self.dismissed = True
        self.app.dirty = True

    def reopen(self) -> None:
        self.dismissed = False
        self.app.dirty = True

    def widgets(self) -> list[Widget]:
        """The panel's own buttons, touchable above any screen."""
        return self._buttons

    def _panel_rect(self, rows: int) -> pygame.Rect:
        """Along the bottom of the screen, as tall as its rows need (two lines of text each)."""
        m = self.app.metrics
        width, height = self.app.size
        h = min(m.px(180) + rows * self._row_height(), height - m.px(160))
        return pygame.Rect(m.px(40), height - h - m.px(30), width - m.px(80), h)

    def _row_height(self) -> int:
        m = self.app.metrics
        return 2 * self.app.type.font(m.text("body")).get_linesize() + m.px(10)

    def located(self, diagnostic: Diagnostic) -> str:
        """`file:line:col: CODE message`, the file named from the mission's folder."""
        path = Path(diagnostic.file)
        if path.is_absolute() and path.is_relative_to(self.folder.parent):
            diagnostic = replace(diagnostic, file=path.relative_to(self.folder.parent).as_posix())
        return diagnostic.render(diagnostics_translator(self.lang))

    def draw(self, surface: pygame.Surface) -> None:
        self._buttons = []
        if not self.errors:
            return
        if self.dismissed:
            self._draw_pill(surface)
        else:
            self._draw_panel(surface)

    def _draw_pill(self, surface: pygame.Surface) -> None:
        app = self.app
        m = app.metrics
        pill = pygame.Rect(0, 0, m.px(420), m.px(96))
        pill.bottomleft = (m.px(40), app.size[1] - m.px(30))
        count = len(self.errors)
        label = app.translator.ngettext("{n} erreur", "{n} erreurs", count).format(n=count)
        button = Button(REOPEN, pill, label, icon="cross", kind="bad", on_tap=self.reopen)
        button.draw(surface, app, focused=False, pressed=False)
        self._buttons = [button]

    def _draw_panel(self, surface: pygame.Surface) -> None:
        app = self.app
        m = app.metrics
        p = app.palette
        _ = app.translator.gettext
        listed = self.errors[:SHOWN_ERRORS]
        rest = len(self.errors) - len(listed)
        lines = [self.located(d) for d in listed]
        if rest:
            lines.append(app.translator.ngettext(
                "… et {n} autre erreur.", "… et {n} autres erreurs.", rest).format(n=rest))
        rect = self._panel_rect(len(lines))
        card_panel(surface, app, rect, edge=p.bad, shadow=p.bad, radius=30, depth=10)
        pad = m.px(36)
        close = Button(DISMISS, pygame.Rect(rect.right - pad - m.px(300), rect.y + pad - m.px(12), m.px(300),
                                            m.px(100)),
                       _("Masquer"), icon="cross", kind="quiet", on_tap=self.dismiss)
        head = pygame.Rect(rect.x + pad, rect.y + pad - m.px(12), close.rect.x - rect.x - 2 * pad, m.px(100))
        app.type.block(surface, _("Cette version a des erreurs : la dernière version correcte continue."), head,
                       size=m.text("subtitle"), color=p.bad, bold=True, valign="middle", max_lines=2,
                       name="preview-errors-title")
        y = head.bottom + m.px(16)
        each = min(self._row_height(), (rect.bottom - pad - y) // max(1, len(lines)))
        for line in lines:
            app.type.block(surface, line, pygame.Rect(rect.x + pad, y, rect.w - 2 * pad, each - m.px(6)),
                           size=m.text("body"), color=p.ink, max_lines=2, name="preview-error", verbatim=True)
            y += each
        close.draw(surface, app, focused=False, pressed=app.input.pressed_widget() is close)
        # The panel takes the taps that land on it: nothing of the game below is pressed by mistake.
        self._buttons = [close, Widget("preview:panel", rect)]
