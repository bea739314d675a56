"""The facilitator's PIN pad and panel, and the kiosk's own prompts: "are you still there?",
"resuming…" after a restart, and the notice of a journal that cannot save."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, TypeVar

import pygame

from gardiens.core.attention import stuck_of
from gardiens.core.commands import (
    Abandon,
    AddTime,
    Command,
    Launch,
    Pause,
    PushHint,
    Reset,
    Resume,
    Skip,
    TimerMode,
    visit_code,
)
from gardiens.core.facilitator import PIN_DIGITS, has_pin
from gardiens.core.journal import Trouble
from gardiens.core.model import AgeBand, Mission
from gardiens.core.session import Lifecycle, Outcome, PuzzleState, Reply
from gardiens.i18n.format import format_countdown, format_duration
from gardiens.i18n.interface import N_
from gardiens.i18n.ready_hints import READY_HINTS
from gardiens.i18n.refusals import REFUSAL_MESSAGES
from gardiens.ui.desk.base import RESUME_SECONDS, Attendant
from gardiens.ui.draw import focus_ring, lumi, panel
from gardiens.ui.kit.modal import ModalScreen
from gardiens.ui.screens.attract import language_name, night_scene
from gardiens.ui.screens.play import PuzzleScreen
from gardiens.ui.text import AsIs
from gardiens.ui.theme import Color
from gardiens.ui.widgets.base import Button, Canvas, Widget
from gardiens.ui.widgets.keys import keyboard, keypad
from gardiens.ui.words import MissionWords

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host

# The facilitator's screens look like a tool, not like the game: dark slate, plain type.
DESK_BACKGROUND: Color = (24, 28, 40)
DESK_CARD: Color = (38, 44, 60)
DESK_LINE: Color = (74, 84, 110)
DESK_INK: Color = (238, 241, 248)
DESK_SOFT: Color = (170, 178, 198)
DESK_GOOD: Color = (120, 220, 160)
DESK_WARN: Color = (255, 200, 70)
DESK_ALERT: Color = (255, 128, 108)
DESK_SELECTED: Color = (52, 70, 96)
# Each colour the desk writes in, and the grounds it writes on (all measured ≥ 4.5:1 by
# tests/ui/test_contrast.py); lines are not a text colour, not even for a placeholder.
DESK_TEXT_GROUNDS: dict[str, tuple[str, ...]] = {
    "DESK_INK": ("DESK_BACKGROUND", "DESK_CARD", "DESK_SELECTED"),
    "DESK_SOFT": ("DESK_BACKGROUND", "DESK_CARD", "DESK_SELECTED"),
    "DESK_WARN": ("DESK_BACKGROUND", "DESK_CARD", "DESK_SELECTED"),
    "DESK_GOOD": ("DESK_BACKGROUND", "DESK_CARD"),
    "DESK_ALERT": ("DESK_BACKGROUND", "DESK_CARD"),
}

ADD_MINUTES = (1, 5)
MAX_MINUTES = 60

T = TypeVar("T")


class _DeskScreen(ModalScreen[T]):
    """What the facilitator's screens share: the kiosk's language, the dark look, a live clock.

    They cover the whole screen (no overlay) and close with a result for the attendant."""

    overlay = False
    holds_sync = True
    shows_accessibility = False

    def __init__(self, app: Host, attendant: Attendant, *, on_dismiss: Callable[[T], object] | None = None) -> None:
        super().__init__(app, on_dismiss=on_dismiss)
        self.attendant = attendant
        self.opened_clock = attendant.now()
        self._second = int(self.opened_clock)

    def _(self, message: str) -> str:
        return self.attendant.translator.gettext(message)

    def update(self, dt: float) -> None:
        # Countdowns on these screens move once a second; nothing else animates.
        second = int(self.attendant.now())
        if second != self._second:
            self._second = second
            self.refresh()
            self.app.dirty = True

    def text(self, surface: pygame.Surface, text: str, box: pygame.Rect, *, role: str = "body",
             color: Color = DESK_INK, bold: bool = False, align: str = "left", name: str = "desk",
             lines: int = 1, as_is: AsIs | None = None) -> None:
        self.app.type.block(surface, text, box, size=self.app.metrics.text(role), color=color, bold=bold,
                            align=align, valign="middle", max_lines=lines, name=name,  # type: ignore[arg-type]
                            as_is=as_is)

    # The facilitator's screens are for adults: set with the fonts' own spacing, whatever spacing
    # the team chose (wide spacing would cut the panel's dense labels). Each screen arranges its
    # widgets in `arrange` and paints in `paint`.
    def layout(self) -> None:
        with self.app.type.spaced("normal"):
            self.arrange()

    def draw(self, surface: pygame.Surface) -> None:
        with self.app.type.spaced("normal"):
            self.paint(surface)

    def arrange(self) -> None:
        self.widgets = []

    def paint(self, surface: pygame.Surface) -> None:
        super().draw(surface)

    def header(self, surface: pygame.Surface, title: str, icon: str, right: int) -> None:
        surface.fill(DESK_BACKGROUND)
        pygame.draw.line(surface, DESK_LINE, (0, self.px(128)), (self.width, self.px(128)), max(1, self.px(3)))
        image = self.app.assets.icon(icon, self.px(64), DESK_WARN)
        surface.blit(image, image.get_rect(midleft=(self.px(40), self.px(64))))
        self.text(surface, title, pygame.Rect(self.px(124), self.px(14), right - self.px(144), self.px(100)),
                  role="title", bold=True, name="desk-title")


class _CodePad(_DeskScreen[T], ABC):
    """A code typed on the kiosk's own keys in a card (design pixels CARD_SIZE) below the header,
    with its cancel and confirm buttons; Backspace and Enter work from a keyboard too."""

    CARD_SIZE = (1520, 820)

    def card(self) -> pygame.Rect:
        rect = pygame.Rect(0, 0, self.px(self.CARD_SIZE[0]), self.px(self.CARD_SIZE[1]))
        rect.center = (self.width // 2, self.px(128) + (self.height - self.px(128)) // 2)
        return rect

    def answer_buttons(self, left: int, width: int, height: int, on_cancel: Callable[[], object],
                       ok_enabled: bool) -> list[Widget]:
        """« Annuler » and « Valider » side by side at the card's foot, `width` wide from `left`."""
        _ = self._
        half = (width - self.px(24)) // 2
        y = self.card().bottom - self.px(60) - self.px(height)
        return [
            Button("cancel", pygame.Rect(left, y, half, self.px(height)), _("Annuler"), icon="back",
                   kind="plain", on_tap=on_cancel),
            Button("ok", pygame.Rect(left + half + self.px(24), y, half, self.px(height)), _("Valider"),
                   icon="check", kind="accent", on_tap=self.submit, enabled=ok_enabled),
        ]

    @abstractmethod
    def press(self, key: str) -> None:
        """A key of the pad pressed (« back » rubs out)."""

    @abstractmethod
    def submit(self) -> None:
        """« Valider »: the code typed is checked."""

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_BACKSPACE:
            self.press("back")
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.submit()
            return True
        return False


class PinPad(_CodePad[bool]):
    """Digits only, shown as dots; wrong codes say how many tries are left, then lock for a while.

    It closes with whether the right code was typed."""

    name = "pin"

    def __init__(self, app: Host, attendant: Attendant, *, on_dismiss: Callable[[bool], object] | None = None) -> None:
        super().__init__(app, attendant, on_dismiss=on_dismiss)
        self.typed = ""
        self.message = ""
        self.focus = None

    def arrange(self) -> None:
        _ = self._
        card = self.card()
        locked = self.attendant.guard.locked_for() > 0
        pad = pygame.Rect(card.right - self.px(60) - self.px(700), card.y + self.px(60), self.px(700),
                          card.h - self.px(120))
        widgets: list[Widget] = keypad(pad, self.press, self.px(20))
        for widget in widgets:
            widget.enabled = not locked
        left = card.x + self.px(60)
        widgets += self.answer_buttons(left, pad.x - self.px(60) - left, 130, self.close,
                                       not locked and len(self.typed) >= PIN_DIGITS[0])
        self.widgets = widgets

    def press(self, key: str) -> None:
        if key == "back":
            self.typed = self.typed[:-1]
        elif key == "clear":
            self.typed = ""
        elif key.isdigit() and len(self.typed) < PIN_DIGITS[1]:
            self.typed += key
        self.refresh()

    def submit(self) -> None:
        if len(self.typed) < PIN_DIGITS[0]:
            return
        check = self.attendant.guard.check(self.typed)
        self.typed = ""
        if check.ok:
            self.dismiss(True)
            return
        if check.locked_for > 0:
            self.message = ""
        else:
            self.message = self._("Ce n'est pas le bon code. Essais restants : {n}").format(n=check.attempts_left)
        self.refresh()

    def close(self) -> None:
        self.dismiss(False)

    def on_text(self, text: str) -> None:
        for char in text:
            if char.isascii() and char.isdigit():
                self.press(char)

    def notice(self) -> tuple[str, Color]:
        """What the pad says under the code: no PIN set, locked, a wrong code, or how to start."""
        _ = self._
        wait = self.attendant.guard.locked_for()
        if not has_pin(self.attendant.data_dir):
            return _("Aucun code n'est réglé sur cette borne. Réglez-le avec : gardiens facilitator set-pin"), DESK_WARN
        if wait > 0:
            return _("Trop d'essais. Réessayez dans {n} s.").format(n=int(wait + 0.999)), DESK_ALERT
        if self.message:
            return self.message, DESK_WARN
        return _("Le code a de 4 à 8 chiffres."), DESK_SOFT

    def paint(self, surface: pygame.Surface) -> None:
        _ = self._
        self.header(surface, _("Espace animateur"), "lock", self.width)
        card = self.card()
        panel(surface, card, DESK_CARD, radius=self.px(36), border=DESK_LINE, border_width=self.px(3))
        left = pygame.Rect(card.x + self.px(60), card.y + self.px(60), self.px(640), 0)
        self.text(surface, _("Entrez le code animateur"), pygame.Rect(left.x, left.y, left.w, self.px(80)),
                  role="subtitle", bold=True, name="pin-title", lines=2)
        field = pygame.Rect(left.x, left.y + self.px(130), left.w, self.px(140))
        panel(surface, field, DESK_BACKGROUND, radius=self.px(24), border=DESK_LINE, border_width=self.px(3))
        slots = max(PIN_DIGITS[0], min(PIN_DIGITS[1], len(self.typed) + 1))
        step = self.px(72)
        x = field.centerx - (slots - 1) * step // 2
        for i in range(slots):
            centre = (x + i * step, field.centery)
            if i < len(self.typed):
                pygame.draw.circle(surface, DESK_INK, centre, self.px(22))
            else:
                pygame.draw.circle(surface, DESK_LINE, centre, self.px(22), max(2, self.px(4)))
        text, colour = self.notice()
        self.text(surface, text, pygame.Rect(left.x, field.bottom + self.px(30), left.w, self.px(220)),
                  color=colour, name="pin-notice", lines=4)
        self.draw_widgets(surface)


# The keys of a visit code: digits, capitals and the dash, nothing else (no room for a name).
VISIT_KEYS = (
    tuple("1234567890"),
    tuple("ABCDEFGHIJ"),
    tuple("KLMNOPQRST"),
    (*"UVWXYZ", "-", "back"),
)
VISIT_LENGTH = 16


class VisitPad(_CodePad[str | None]):
    """The code of a school visit, typed on the kiosk's own keys (« CM2-B-0607 »): the teams
    launched with it make one class sheet (`gardiens report --visit`).

    It closes with the code, "" for no code, or None when cancelled."""

    name = "visit"
    CARD_SIZE = (1800, 860)

    def __init__(self, app: Host, attendant: Attendant, *, code: str | None = None,
                 on_dismiss: Callable[[str | None], object] | None = None) -> None:
        super().__init__(app, attendant, on_dismiss=on_dismiss)
        self.typed = code or ""
        self.focus = None

    def arrange(self) -> None:
        _ = self._
        card = self.card()
        pad = pygame.Rect(card.right - self.px(60) - self.px(1080), card.y + self.px(60), self.px(1080),
                          card.h - self.px(120))
        widgets: list[Widget] = keyboard(pad, self.press, self.px(14), space_label="", rows=VISIT_KEYS)
        left = card.x + self.px(60)
        width = pad.x - self.px(60) - left
        answers = self.answer_buttons(left, width, 120, lambda: self.dismiss(None),
                                      visit_code(self.typed) is not None)
        widgets += answers
        y = answers[0].rect.y
        widgets.append(Button("no-visit", pygame.Rect(left, y - self.px(134), width, self.px(120)),
                              _("Sans code"), icon="cross", kind="quiet", on_tap=lambda: self.dismiss("")))
        self.widgets = widgets

    def press(self, key: str) -> None:
        if key == "back":
            self.typed = self.typed[:-1]
        elif len(self.typed) < VISIT_LENGTH:
            self.typed += key
        self.refresh()

    def submit(self) -> None:
        code = visit_code(self.typed)
        if code is not None:
            self.dismiss(code)

    def on_text(self, text: str) -> None:
        for char in text.upper():
            if char.isascii() and (char.isalnum() or char == "-"):
                self.press(char)

    def paint(self, surface: pygame.Surface) -> None:
        _ = self._
        self.header(surface, _("Panneau animateur"), "key", self.width)
        card = self.card()
        panel(surface, card, DESK_CARD, radius=self.px(36), border=DESK_LINE, border_width=self.px(3))
        left = pygame.Rect(card.x + self.px(60), card.y + self.px(60), self.px(540), 0)
        self.text(surface, _("Code de visite"), pygame.Rect(left.x, left.y, left.w, self.px(64)),
                  role="subtitle", bold=True, name="visit-title")
        field = pygame.Rect(left.x, left.y + self.px(76), left.w, self.px(110))
        panel(surface, field, DESK_BACKGROUND, radius=self.px(24), border=DESK_LINE, border_width=self.px(3))
        # An example while nothing is typed, said as one (softer, not bold) so it is not taken for a code.
        example = _("ex. {code}").format(code="CM2-B-0607")
        self.text(surface, self.typed or example, field.inflate(-self.px(40), 0), role="subtitle",
                  bold=bool(self.typed), color=DESK_INK if self.typed else DESK_SOFT, align="center",
                  name="visit-code", as_is="code" if self.typed else None)
        self.text(surface, _("De 3 à 16 caractères : lettres, chiffres et tirets. Il regroupe les équipes "
                             "d'une classe pour sa fiche ; jamais de nom."),
                  pygame.Rect(left.x, field.bottom + self.px(12), left.w, self.px(276)), color=DESK_SOFT,
                  name="visit-notice", lines=6)
        self.draw_widgets(surface)


@dataclass(frozen=True)
class PuzzleLine:
    """What the panel's list says of one puzzle."""

    number: int
    title: str
    state: str
    attempts: int
    hints: int
    selected: bool
    stuck: bool


# The width of each count (wrong tries, hints) of a puzzle's row, at 1920×1080.
COUNT_W = 90


class PuzzleRow(Widget):
    """One puzzle in the panel's list: number, title, state, wrong tries, hints; tap to choose it."""

    def __init__(self, name: str, rect: pygame.Rect, line: PuzzleLine, *, size: int, state_w: int,
                 on_tap: Callable[[], object] | None, enabled: bool) -> None:
        super().__init__(name, rect, on_tap=on_tap, enabled=enabled)
        self.line = line
        self.size = size
        self.state_w = state_w

    @staticmethod
    def title_box(rect: pygame.Rect, app: Canvas, state_w: int) -> pygame.Rect:
        """Where the title goes: after the number, before the state (`state_w` wide, as wide as
        its longest word) and the two counts."""
        px = app.metrics.px
        return pygame.Rect(rect.x + px(86), rect.y, rect.w - px(86 + 20 + 2 * COUNT_W) - state_w, rect.h)

    def draw(self, surface: pygame.Surface, app: Canvas, *, focused: bool, pressed: bool) -> None:
        m = app.metrics
        line = self.line
        rect = self.rect.inflate(0, -m.px(8))
        fill = DESK_SELECTED if line.selected else DESK_CARD
        border = DESK_WARN if line.stuck else (DESK_INK if line.selected else DESK_LINE)
        panel(surface, rect, fill, radius=m.px(16), border=border, border_width=m.px(5 if line.selected else 2))
        ink = DESK_INK if self.enabled or line.selected else DESK_SOFT
        size = self.size
        app.type.line(surface, str(line.number), (rect.x + m.px(46), rect.centery), size=size, color=ink, bold=True,
                      anchor="center")
        title = self.title_box(rect, app, self.state_w)
        # A title here is a heading glanced at by the facilitator: a label; a long one takes a
        # second line where the row is tall enough.
        app.type.block(surface, line.title, title, size=size, color=ink, bold=line.selected, valign="middle",
                       max_lines=2, name=f"{self.name}-title", kind="label")
        state = pygame.Rect(title.right + m.px(10), rect.y, self.state_w, rect.h)
        app.type.block(surface, line.state, state, size=min(size, m.text("small")),
                       color=DESK_WARN if line.stuck else DESK_SOFT,
                       valign="middle", max_lines=1, name=f"{self.name}-state")
        x = state.right + m.px(10)
        for icon, count, colour in (("cross", line.attempts, DESK_ALERT), ("bulb", line.hints, DESK_WARN)):
            image = app.assets.icon(icon, m.px(34), colour)
            surface.blit(image, image.get_rect(midleft=(x, rect.centery)))
            app.type.line(surface, str(count), (x + m.px(44), rect.centery), size=size, color=ink, anchor="midleft")
            x += m.px(COUNT_W)
        if focused:
            focus_ring(surface, rect, app.palette, m.px(16), m.px(6))


class FacilitatorPanel(_DeskScreen[str | None]):
    """The facilitator's console at the kiosk: launch a mission, steer it, end it, print its sheets.

    Every action is a command of the core session, so it is in the journal like a team's. It
    closes with the puzzle whose hint was just sent, for the team to see it at once.
    """

    name = "facilitator"

    def __init__(self, app: Host, attendant: Attendant, *,
                 on_dismiss: Callable[[str | None], object] | None = None) -> None:
        super().__init__(app, attendant, on_dismiss=on_dismiss)
        self.hint_sent: str | None = None
        self.status = ""
        self.status_ok = True
        self.confirming: str | None = None
        self.selected: str | None = None
        state = app.state
        missions = app.session.missions
        wanted = state.mission_id or app.default_mission
        self.mission_id: str = wanted if wanted is not None and wanted in missions else next(iter(missions))
        self.age: AgeBand = state.age or self._mission().ages[0]
        if app.default_age in self._mission().ages and state.age is None:
            self.age = app.default_age  # type: ignore[assignment]
        self.language = state.language or self._offered_language(app.default_language)
        self.minutes = round(state.time_limit / 60) if state.launched else self._mission().minutes(self.age)
        self.timer = state.timer
        # The school visit's code, kept for the next launches while the panel is open.
        self.visit: str | None = None

    # -- the launch form ---------------------------------------------------------------

    def _mission(self) -> Mission:
        return self.app.session.missions[self.mission_id]

    def _offered_language(self, wanted: str) -> str:
        mission = self._mission()
        return wanted if wanted in (mission.language, *mission.translations) else mission.language

    def choose_mission(self, mission_id: str) -> None:
        self.mission_id = mission_id
        mission = self._mission()
        if self.age not in mission.ages:
            self.age = mission.ages[0]
        self.language = self._offered_language(self.language)
        self.minutes = mission.minutes(self.age)

    def choose_age(self, age: AgeBand) -> None:
        self.age = age
        self.minutes = self._mission().minutes(age)

    def choose_language(self, language: str) -> None:
        self.language = language

    def choose_timer(self, timer: TimerMode) -> None:
        self.timer = timer

    def change_minutes(self, step: int) -> None:
        self.minutes = max(1, min(MAX_MINUTES, self.minutes + step))

    def launch(self) -> None:
        """Setup, choices and confirmation in one command (one journal transaction): the kiosk
        shows the mission's story, and the team starts the countdown when they have heard it."""
        if self.send(Launch(self.mission_id, self.age, self.language, self.minutes, self.timer, self.visit)):
            self.close()

    def ask_visit(self) -> None:
        self.app.push(VisitPad(self.app, self.attendant, code=self.visit, on_dismiss=self.visit_chosen))

    def visit_chosen(self, code: str | None) -> None:
        if code is not None:
            self.visit = code or None
        self.refresh()

    def close(self) -> None:
        self.dismiss(self.hint_sent)

    # -- sending commands ----------------------------------------------------------------

    def send(self, command: Command) -> bool:
        reply: Reply = self.app.command(command)
        self.confirming = None
        if reply.ok:
            self.status, self.status_ok = self._("C'est fait."), True
        else:
            why = REFUSAL_MESSAGES[reply.reason] if reply.reason else N_("cette action n'est pas possible maintenant.")
            self.status = self._("Action refusée : {reason}").format(reason=self._(why))
            self.status_ok = False
        self.refresh()
        return reply.ok

    def confirm_then(self, key: str, action: Callable[[], None]) -> Callable[[], None]:
        """Actions that end a team's game take a second tap, so a slip of the finger is harmless."""
        def tap() -> None:
            if self.confirming == key:
                self.confirming = None
                action()
            else:
                self.confirming = key
                self.status, self.status_ok = self._("Touchez encore pour confirmer."), True
                self.refresh()
        return tap

    def push_hint(self, text: str | None) -> None:
        pid = self.current_puzzle()
        if pid is None:
            return
        if self.send(PushHint(pid, text)):
            self.hint_sent = pid
            self.status = self._("Indice envoyé à l'équipe.")

    def skip(self) -> None:
        pid = self.current_puzzle()
        if pid is not None and self.send(Skip(pid)):
            self.selected = None
            self.refresh()

    def abandon(self) -> None:
        self.send(Abandon())

    def reset(self) -> None:
        self.close()
        self.app.command(Reset())

    def write_sheet(self) -> None:
        self.confirming = None
        try:
            path = self.attendant.write_sheet()
        except OSError as error:
            self.status, self.status_ok = self._("Impossible d'écrire les fiches : {error}").format(error=error), False
        else:
            if path is None:
                self.status, self.status_ok = self._("Aucune partie terminée pour l'instant."), False
            else:
                self.status, self.status_ok = self._("Fiches écrites dans {path}").format(path=path), True
        self.refresh()

    def current_puzzle(self) -> str | None:
        """The puzzle chosen in the list, else the one on the team's screen, else the first open one."""
        puzzles = self.app.state.puzzles
        open_ = [pid for pid, p in puzzles.items() if p.state is PuzzleState.AVAILABLE]
        if self.selected in open_:
            return self.selected
        on_screen = [s.puzzle.id for s in self.app.stack if isinstance(s, PuzzleScreen)]
        if on_screen and on_screen[-1] in open_:
            return on_screen[-1]
        return open_[0] if open_ else None

    def select(self, pid: str) -> None:
        self.selected = pid
        self.confirming = None
        self.refresh()

    # -- layout ------------------------------------------------------------------------

    def arrange(self) -> None:
        _ = self._
        state = self.app.state
        self.labels: list[tuple[str, pygame.Rect]] = []
        widgets: list[Widget] = []
        h = self.px(100)
        y = self.px(14)
        right = self.width - self.px(40)
        for name, label, icon, kind, action, width in (
            ("close", _("Fermer"), "back", "plain", self.close, 260),
            ("reset", _("Confirmer ?") if self.confirming == "reset" else _("Remettre à zéro"), "cross",
             "bad", self.confirm_then("reset", self.reset), 400),
            ("sheet", _("Fiche de débriefing"), "book", "quiet", self.write_sheet, 500),
        ):
            w = self.px(width)
            widgets.append(Button(name, pygame.Rect(right - w, y, w, h), label, icon=icon, text_role="body",
                                  kind=kind, on_tap=action))  # type: ignore[arg-type]
            right -= w + self.px(20)
        self.header_right = right
        self.left = pygame.Rect(self.px(40), self.px(150), self.px(880), self.height - self.px(150) - self.px(30))
        self.right = pygame.Rect(self.px(960), self.px(150), self.width - self.px(1000), self.left.h)
        widgets += self._puzzle_rows()
        if state.lifecycle in (Lifecycle.ATTRACT, Lifecycle.SETUP, Lifecycle.BRIEFING):
            widgets += self._launch_form()
        elif state.lifecycle in (Lifecycle.PLAYING, Lifecycle.PAUSED):
            widgets += self._play_controls()
        self.widgets = widgets

    def _puzzle_rows(self) -> list[Widget]:
        _ = self._
        app = self.app
        state = app.state
        mission = app.mission
        words = app.words
        self.rows_top = self.left.y + self.px(210)
        if mission is None or words is None or not state.puzzles:
            return []
        stuck = stuck_of(state, app.session.elapsed(), self.attendant.settings)
        labels = {PuzzleState.LOCKED: _("Verrouillée"), PuzzleState.AVAILABLE: _("À résoudre"),
                  PuzzleState.SOLVED: _("Résolue"), PuzzleState.SKIPPED: _("Passée")}
        playing = state.lifecycle in (Lifecycle.PLAYING, Lifecycle.PAUSED)
        current = self.current_puzzle() if playing else None
        top = self.rows_top + self.px(56)
        each = max(self.px(56), min(self.px(96), (self.left.bottom - self.px(70) - top) // len(mission.puzzles)))
        titles = [words.text(p.title, puzzle_id=p.id) for p in mission.puzzles]
        states = [*labels.values(), _("En difficulté")]
        state_w = max(app.type.measure(label, app.metrics.text("small"), self.left.w)[1] for label in states)
        state_w += self.px(10)
        boxes = [PuzzleRow.title_box(pygame.Rect(self.left.x, 0, self.left.w, each - self.px(8)), app, state_w)
                 for _p in mission.puzzles]
        # Measured in bold, as the chosen row draws its title: choosing a row never cuts its title.
        size = app.type.common_size(titles, boxes, min(app.metrics.text("body"), max(self.px(20), each - self.px(28))),
                                    bold=True, kind="label")
        rows: list[Widget] = []
        for i, puzzle in enumerate(mission.puzzles):
            progress = state.puzzles[puzzle.id]
            open_ = playing and progress.state is PuzzleState.AVAILABLE
            flagged = puzzle.id in stuck.puzzles
            label = _("En difficulté") if flagged else labels[progress.state]
            line = PuzzleLine(number=i + 1, title=titles[i], state=label, attempts=progress.attempts,
                              hints=progress.hints + len(progress.pushed), selected=puzzle.id == current,
                              stuck=flagged)
            rows.append(PuzzleRow(f"puzzle:{puzzle.id}", pygame.Rect(self.left.x, top + i * each, self.left.w, each),
                                  line, size=size, state_w=state_w, on_tap=partial(self.select, puzzle.id), enabled=open_))
        return rows

    def _section(self, y: int, label: str) -> int:
        self.labels.append((label, pygame.Rect(self.right.x, y, self.right.w, self.px(50))))
        return y + self.px(60)

    def _row(self, y: int, h: int, items: list[tuple[str, str, str | None, str, Callable[[], object], bool]],
             *, role: str = "button", gap: int = 24, shares: tuple[int, ...] = ()) -> tuple[list[Widget], int]:
        """Buttons sharing a row of the right column: (name, label, icon, kind, action, selected);
        `shares` gives each one's part of the width (equal parts by default)."""
        g = self.px(gap)
        shares = shares or (1,) * len(items)
        room = self.right.w - g * (len(items) - 1)
        widgets: list[Widget] = []
        x = self.right.x
        for share, (name, label, icon, kind, action, selected) in zip(shares, items, strict=True):
            w = room * share // sum(shares)
            widgets.append(Button(name, pygame.Rect(x, y, w, h), label, icon=icon,
                                  kind=kind, on_tap=action, selected=selected or None,  # type: ignore[arg-type]
                                  text_role=role))
            x += w + g
        return widgets, y + h + self.px(24)

    def _launch_form(self) -> list[Widget]:
        """Missions on the right with the launch button; age, language and duration on the left."""
        _ = self._
        app = self.app
        widgets: list[Widget] = []
        y = self._section(self.right.y, _("Mission"))
        missions = list(app.session.missions.values())
        cols = 1 if len(missions) == 1 else 2
        g = self.px(20)
        w = (self.right.w - g * (cols - 1)) // cols
        h = self.px(100)
        for i, mission in enumerate(missions):
            language = self.language if self.language in (mission.language, *mission.translations) else (
                mission.language)
            words = MissionWords(mission, self.age if self.age in mission.ages else mission.ages[0], language)
            rect = pygame.Rect(self.right.x + (i % cols) * (w + g), y + (i // cols) * (h + g), w, h)
            widgets.append(Button(f"mission:{mission.id}", rect, words.text(mission.title), icon="flag",
                                  selected=mission.id == self.mission_id or None, text_role="small", align="left",
                                  on_tap=partial(self.choose_mission, mission.id)))
        go = pygame.Rect(self.right.x, self.right.bottom - self.px(150), self.right.w, self.px(150))
        widgets.append(Button("launch", go, _("Lancer la mission"), icon="play", kind="accent", on_tap=self.launch,
                              text_role="subtitle"))
        mission = self._mission()
        x0 = self.left.x
        y = self.left.y + self.px(220)
        rows: tuple[tuple[str, str, list[tuple[str, str]]], ...] = (
            ("age", _("Âge"), [(a, _("{low} à {high} ans").format(low=a.split("-")[0], high=a.split("-")[1]))
                               for a in mission.ages]),
            ("lang", _("Langue"), [(code, language_name(code)) for code in (mission.language, *mission.translations)]),
        )
        for group, title, options in rows:
            self.labels.append((title, pygame.Rect(x0, y, self.left.w, self.px(50))))
            y += self.px(60)
            bw = (self.left.w - g * (len(options) - 1)) // max(1, len(options))
            for i, (value, label) in enumerate(options):
                chosen = value == (self.age if group == "age" else self.language)
                action = (lambda v=value: self.choose_age(v)) if group == "age" else (
                    lambda v=value: self.choose_language(v))
                widgets.append(Button(f"{group}:{value}", pygame.Rect(x0 + i * (bw + g), y, bw, self.px(100)),
                                      label, selected=chosen or None, on_tap=action))
            y += self.px(100) + self.px(30)
        self.labels.append((_("Durée"), pygame.Rect(x0, y, self.px(520), self.px(50))))
        visit_x = x0 + self.px(560)
        self.labels.append((_("Visite"), pygame.Rect(visit_x, y, self.left.right - visit_x, self.px(50))))
        y += self.px(60)
        widgets.append(Button("visit", pygame.Rect(visit_x, y, self.left.right - visit_x, self.px(100)),
                              self.visit or _("Aucune"), icon="people", kind="quiet", text_role="small",
                              as_is="code" if self.visit else None, on_tap=self.ask_visit))
        side = self.px(140)
        widgets.append(Button("minutes:-", pygame.Rect(x0, y, side, self.px(100)), "−", kind="quiet",
                              text_role="title", on_tap=lambda: self.change_minutes(-1)))
        # Narrow enough to leave the visit's code its room on the same row.
        plus = self.px(380)
        widgets.append(Button("minutes:+", pygame.Rect(x0 + plus, y, side, self.px(100)), "+",
                              kind="quiet", text_role="title", on_tap=lambda: self.change_minutes(1)))
        self.minutes_box = pygame.Rect(x0 + side, y, plus - side, self.px(100))
        y += self.px(100) + self.px(30)
        self.labels.append((_("Minuteur"), pygame.Rect(x0, y, self.left.w, self.px(50))))
        y += self.px(60)
        modes = ((TimerMode.NORMAL, "clock", _("Normal")), (TimerMode.RELAXED, "hourglass", _("×1,5")),
                 (TimerMode.OFF, "infinity", _("Aucun")))
        bw = (self.left.w - 2 * g) // 3
        for i, (mode, icon, label) in enumerate(modes):
            widgets.append(Button(f"timer:{mode.value}", pygame.Rect(x0 + i * (bw + g), y, bw, self.px(100)), label,
                                  icon=icon, selected=self.timer is mode or None,
                                  on_tap=partial(self.choose_timer, mode)))
        return widgets

    def _play_controls(self) -> list[Widget]:
        _ = self._
        app = self.app
        state = app.state
        widgets: list[Widget] = []
        paused = state.lifecycle is Lifecycle.PAUSED
        y = self._section(self.right.y, _("Temps"))
        pause = ("resume", _("Reprendre"), "play", "accent", lambda: self.send(Resume()), False) if paused else (
            "pause", _("Mettre en pause"), "pause", "plain", lambda: self.send(Pause()), False)
        more = [(f"add:{n}", _("+{n} min").format(n=n), None, "plain",
                 lambda n=n: self.send(AddTime(60 * n)), False) for n in ADD_MINUTES]
        # "Mettre en pause" is the longest label of the row: it gets the room of two.
        row, y = self._row(y, self.px(100), [pause, *more],  # type: ignore[list-item]
                           shares=(2, *(1,) * len(more)))
        widgets += row
        pid = self.current_puzzle()
        mission = app.mission
        words = app.words
        title = words.text(mission.puzzle(pid).title, puzzle_id=pid) if pid and mission and words else "—"
        y = self._section(y, _("Énigme choisie : {title}").format(title=title))
        row, y = self._row(y, self.px(100), [
            ("next-hint", _("Indice suivant"), "bulb", "accent", lambda: self.push_hint(None), False),
            ("skip", _("Confirmer ?") if self.confirming == "skip" else _("Passer l'énigme"), "skip", "plain",
             self.confirm_then("skip", self.skip), False),
        ])
        widgets += row
        for widget in row:
            widget.enabled = pid is not None and not paused
        y = self._section(y, _("Envoyer un message à l'équipe"))
        team = app.translator.gettext
        g = self.px(12)
        w = (self.right.w - g) // 2
        bottom = self.right.bottom - self.px(110)
        rows = (len(READY_HINTS) + 1) // 2
        # A message takes two lines: the buttons grow into the room a taller screen leaves.
        h = max(self.px(110), min(self.px(150), (bottom - self.px(24) - y) // max(1, rows) - g))
        for i, message in enumerate(READY_HINTS):
            said = team(message)
            rect = pygame.Rect(self.right.x + (i % 2) * (w + g), y + (i // 2) * (h + g), w, h)
            widgets.append(Button(f"say:{i}", rect, said, kind="quiet", text_role="small", align="left",
                                  enabled=pid is not None and not paused,
                                  on_tap=partial(self.push_hint, said)))
        widgets.append(Button("abandon", pygame.Rect(self.right.x, bottom, self.right.w, self.px(110)),
                              _("Touchez encore pour arrêter la mission") if self.confirming == "abandon"
                              else _("Arrêter la mission"), icon="flag", kind="bad",
                              on_tap=self.confirm_then("abandon", self.abandon)))
        return widgets

    # -- drawing -----------------------------------------------------------------------

    def paint(self, surface: pygame.Surface) -> None:
        _ = self._
        self.header(surface, _("Panneau animateur"), "key", self.header_right)
        self.draw_team(surface)
        state = self.app.state
        for label, rect in self.labels:
            self.text(surface, label, rect, role="body", color=DESK_SOFT, bold=True, name="desk-label")
        if state.lifecycle in (Lifecycle.ATTRACT, Lifecycle.SETUP, Lifecycle.BRIEFING):
            self.text(surface, _("{n} min").format(n=self.minutes), self.minutes_box, role="subtitle", bold=True,
                      align="center", name="minutes")
        elif state.lifecycle is Lifecycle.DEBRIEF:
            self.draw_ending(surface)
        self.draw_widgets(surface)

    def draw_team(self, surface: pygame.Surface) -> None:
        _ = self._
        app = self.app
        state = app.state
        card = pygame.Rect(self.left.x, self.left.y, self.left.w, self.px(190))
        panel(surface, card, DESK_CARD, radius=self.px(24), border=DESK_LINE, border_width=self.px(3))
        inner = card.inflate(-self.px(48), -self.px(30))
        mission = app.mission
        words = app.words
        phases = {Lifecycle.ATTRACT: _("Écran d'accueil"), Lifecycle.SETUP: _("Préparation de l'équipe"),
                  Lifecycle.BRIEFING: _("Présentation de la mission"), Lifecycle.PLAYING: _("En jeu"),
                  Lifecycle.PAUSED: _("En pause"), Lifecycle.DEBRIEF: _("Bilan")}
        if mission is None or words is None or state.lifecycle is Lifecycle.ATTRACT:
            self.text(surface, _("Aucune partie en cours."), pygame.Rect(inner.x, inner.y, inner.w, self.px(64)),
                      role="subtitle", bold=True, name="team-mission")
            self.text(surface, _("Choisissez la mission, puis « Lancer la mission »."),
                      pygame.Rect(inner.x, inner.y + self.px(70), inner.w, self.px(60)), color=DESK_SOFT,
                      name="team-state", lines=2)
        else:
            clock_w = self.px(300) if state.lifecycle in (Lifecycle.PLAYING, Lifecycle.PAUSED) else 0
            self.text(surface, words.text(mission.title), pygame.Rect(inner.x, inner.y, inner.w - clock_w,
                      self.px(64)), role="subtitle", bold=True, name="team-mission")
            line = f"{app.team()} · {phases[state.lifecycle]}"
            self.text(surface, line, pygame.Rect(inner.x, inner.y + self.px(66), inner.w - clock_w, self.px(50)),
                      color=DESK_SOFT, name="team-state")
            if state.lifecycle in (Lifecycle.PLAYING, Lifecycle.PAUSED):
                shown = app.session.remaining() if state.timer.counts_down else app.session.elapsed()
                self.text(surface, format_countdown(shown), pygame.Rect(inner.right - clock_w, inner.y,
                          clock_w, self.px(110)), role="huge", bold=True, align="right",
                          color=DESK_WARN if state.lifecycle is Lifecycle.PAUSED else DESK_INK, name="team-clock")
            stuck = stuck_of(state, app.session.elapsed(), self.attendant.settings)
            if stuck.flagged:
                if stuck.slow:
                    why = _("Équipe bloquée : rien de résolu depuis {time}.").format(
                        time=format_duration(stuck.quiet_for, self.attendant.translator.language))
                else:
                    why = _("Équipe bloquée : beaucoup d'essais sur la même énigme.")
                icon = app.assets.icon("flag", self.px(40), DESK_WARN)
                surface.blit(icon, icon.get_rect(midleft=(inner.x, inner.bottom - self.px(22))))
                self.text(surface, why, pygame.Rect(inner.x + self.px(54), inner.bottom - self.px(46),
                          inner.w - self.px(54), self.px(46)), color=DESK_WARN, bold=True, name="team-stuck")
        if state.puzzles and mission is not None:
            head = pygame.Rect(self.left.x, self.rows_top, self.left.w, self.px(50))
            self.text(surface, _("Énigmes"), head, color=DESK_SOFT, bold=True, name="desk-label")
            self.draw_legend(surface, head)
        colour = DESK_GOOD if self.status_ok else DESK_ALERT
        if self.status:
            self.text(surface, self.status, pygame.Rect(self.left.x, self.left.bottom - self.px(56), self.left.w,
                      self.px(56)), color=colour, bold=True, name="desk-status", lines=2)

    def draw_legend(self, surface: pygame.Surface, head: pygame.Rect) -> None:
        """What the rows' two counts are, right-aligned on the heading's line: each word after
        its icon (the columns are too narrow to hold the words above them)."""
        _ = self._
        app = self.app
        size = app.metrics.text("small")
        icon_w = self.px(34)
        x = head.right
        for icon, label, colour in reversed((("cross", _("Essais"), DESK_ALERT),
                                             ("bulb", _("Indices"), DESK_WARN))):
            rect = app.type.line(surface, label, (x, head.centery), size=size, color=DESK_SOFT, anchor="midright",
                                 kind="reading")
            image = app.assets.icon(icon, icon_w, colour)
            surface.blit(image, image.get_rect(midright=(rect.x - self.px(8), head.centery)))
            x = rect.x - icon_w - self.px(36)

    def draw_ending(self, surface: pygame.Surface) -> None:
        _ = self._
        outcome = self.app.state.outcome
        words = {Outcome.WON: _("Mission réussie"), Outcome.TIME_UP: _("Temps écoulé"),
                 Outcome.ABANDONED: _("Mission arrêtée")}
        box = pygame.Rect(self.right.x, self.right.y, self.right.w, self.px(120))
        self.text(surface, words.get(outcome or Outcome.ABANDONED, ""), box, role="title", bold=True, name="ending")
        self.text(surface, _("L'équipe lit son bilan. « Fiche de débriefing » écrit les fiches à imprimer ; "
                             "« Remettre à zéro » prépare la borne pour l'équipe suivante."),
                  pygame.Rect(self.right.x, box.bottom + self.px(20), self.right.w, self.px(240)), color=DESK_SOFT,
                  name="ending-help", lines=5)


class IdlePrompt(ModalScreen[None]):
    """"Are you still there?": any touch answers; with no answer the game pauses itself."""

    name = "idle"

    def __init__(self, app: Host, attendant: Attendant, *, shown_at: float) -> None:
        super().__init__(app)
        self.attendant = attendant
        self.shown_at = shown_at
        self._second = int(shown_at)

    def card(self) -> pygame.Rect:
        rect = pygame.Rect(0, 0, self.px(1300), self.px(640))
        rect.center = (self.width // 2, self.height // 2)
        return rect

    def layout(self) -> None:
        card = self.card()
        w = self.px(620)
        self.one_way_on("still-here", pygame.Rect(card.right - self.px(60) - w, card.bottom - self.px(200), w,
                                                  self.px(150)), self._("Oui, on est là !"), "check", self.close)

    def on_tap_outside(self, pos: tuple[int, int]) -> None:
        self.close()

    def stale(self) -> bool:
        return self.app.state.lifecycle is not Lifecycle.PLAYING

    def update(self, dt: float) -> None:
        second = int(self.attendant.now())
        if second != self._second:
            self._second = second
            self.app.dirty = True

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        card = self.card()
        self.draw_card(surface, card, edge=p.accent, shadow=p.accent_dark)
        lumi(surface, (card.x + self.px(200), card.bottom - self.px(50)), self.px(380), mood="thinking",
             high_contrast=app.settings.high_contrast)
        text_x = card.x + self.px(400)
        text_w = card.right - self.px(60) - text_x
        app.type.block(surface, self._("Vous êtes toujours là ?"), pygame.Rect(text_x, card.y + self.px(60), text_w,
                       self.px(120)), size=m.text("title"), color=p.primary_dark, bold=True, valign="middle",
                       max_lines=1, name="idle-title")
        left = max(0, int(self.attendant.settings.idle_pause_seconds - (self.attendant.now() - self.shown_at) + 0.999))
        text = self._("Touchez l'écran pour continuer. Sinon, la partie se met en pause dans {n} s.").format(n=left)
        app.type.block(surface, text, pygame.Rect(text_x, card.y + self.px(200), text_w, self.px(200)),
                       size=m.text("subtitle"), color=p.ink, name="idle-text")
        self.draw_widgets(surface)


class ResumeScreen(ModalScreen[None]):
    """After a restart, a few seconds to say the game goes on where it was, then the map."""

    name = "resume"
    overlay = False  # it covers the whole screen: nothing of the map shows under it
    holds_sync = True

    def __init__(self, app: Host, attendant: Attendant, *, shown_at: float) -> None:
        super().__init__(app)
        self.attendant = attendant
        self.shown_at = shown_at

    def layout(self) -> None:
        self.widgets = [Widget("continue", pygame.Rect(0, 0, self.width, self.height), on_tap=self.close)]
        self.focus = "continue"

    def update(self, dt: float) -> None:
        if self.attendant.now() - self.shown_at >= RESUME_SECONDS:
            self.close()

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        m = app.metrics
        surface.blit(night_scene(self), (0, 0))
        lumi(surface, (self.width // 2, self.px(690)), self.px(330), mood="happy", glow=1.0, wave=1.0,
             high_contrast=app.settings.high_contrast)
        app.type.block(surface, self._("Reprise de la partie…"), pygame.Rect(0, self.px(50), self.width, self.px(150)),
                       size=m.text("huge"), color=(255, 246, 226), bold=True, align="center", valign="middle",
                       max_lines=1, name="resume-title")
        if app.state.timer.counts_down:
            said = self._("On reprend là où vous en étiez. Il reste {time}.").format(
                time=format_countdown(app.session.remaining()))
        else:
            said = self._("On reprend là où vous en étiez.")
        app.type.block(surface, said,
                       pygame.Rect(self.px(200), self.px(715), self.width - self.px(400), self.px(110)),
                       size=m.text("subtitle"), color=(255, 224, 170), align="center", valign="middle",
                       name="resume-text")


# What the kiosk says when its journal cannot save, by the disk's trouble.
JOURNAL_TROUBLES: dict[Trouble, str] = {
    Trouble.FULL: N_("Le disque de la borne est plein."),
    Trouble.READ_ONLY: N_("Le disque de la borne est en lecture seule."),
    Trouble.FAILING: N_("Le disque de la borne ne répond plus."),
}


class JournalNotice(ModalScreen[None]):
    """A calm card for the facilitator: the journal cannot save (the game goes on, what was
    saved stays, the rest waits in memory), a damaged journal was put aside at start-up, or the
    journal could not be opened at all (`unopened`: the game goes on, nothing is saved).

    The attendant shows it when the trouble starts and takes it away when the disk is back."""

    name = "journal"

    def __init__(self, app: Host, attendant: Attendant, *, trouble: Trouble | None, set_aside: str = "",
                 unopened: bool = False) -> None:
        super().__init__(app)
        self.attendant = attendant
        self.trouble = trouble
        self.set_aside = set_aside
        self.unopened = unopened

    def card(self) -> pygame.Rect:
        rect = pygame.Rect(0, 0, self.px(1400), self.px(700))
        rect.center = (self.width // 2, self.height // 2)
        return rect

    def layout(self) -> None:
        card = self.card()
        w = self.px(520)
        self.one_way_on("journal-ok", pygame.Rect(card.right - self.px(60) - w, card.bottom - self.px(190), w,
                                                  self.px(140)), self._("D'accord"), "check", self.close)

    def words(self) -> tuple[str, str]:
        if self.unopened:
            return (self._("Réponses non enregistrées"),
                    self._("Le journal de la borne ne s'ouvre pas : les réponses ne sont pas "
                           "enregistrées, mais le jeu continue. Prévenez l'animateur : il faut vérifier "
                           "le dossier de données de la borne."))
        if self.trouble is None:
            return (self._("Journal abîmé mis de côté"),
                    self._("Le journal de la borne était abîmé. Il est gardé sous le nom {name} ; "
                           "la borne repart avec un journal neuf.").format(name=self.set_aside))
        return (self._("Enregistrement en attente"),
                self._(JOURNAL_TROUBLES[self.trouble]) + " "
                + self._("Le jeu continue et rien de ce qui est enregistré n'est perdu. "
                         "N'éteignez pas la borne : la suite sera enregistrée dès que le disque "
                         "le permettra."))

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        card = self.card()
        self.draw_card(surface, card, edge=p.accent, shadow=p.accent_dark)
        title, text = self.words()
        box_x = card.x + self.px(60)
        box_w = card.w - self.px(120)
        app.type.block(surface, title, pygame.Rect(box_x, card.y + self.px(50), box_w, self.px(110)),
                       size=m.text("title"), color=p.primary_dark, bold=True, valign="middle", max_lines=1,
                       name="journal-title")
        app.type.block(surface, text, pygame.Rect(box_x, card.y + self.px(180), box_w, self.px(320)),
                       size=m.text("body"), color=p.ink, name="journal-text")
        self.draw_widgets(surface)
