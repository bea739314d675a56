"""What every screen shares: its widgets, keyboard focus, the top bar and the dimmed overlay look;
and `Host`, the part of the App a screen sees."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import pygame

from gardiens.ui.draw import out_of_clip
from gardiens.ui.widgets.base import Button, Canvas, Widget

if TYPE_CHECKING:
    from gardiens.core.commands import Command
    from gardiens.core.model import AgeBand, Mission, Puzzle
    from gardiens.core.session import Reply, Session, SessionState
    from gardiens.i18n.interface import InterfaceTranslator
    from gardiens.ui.bounded import SurfaceCache
    from gardiens.ui.sound import Mood, Music, Sounds
    from gardiens.ui.text import TextFit
    from gardiens.ui.theme import Settings
    from gardiens.ui.words import MissionWords

T = TypeVar("T")

# Top bar height at 1920×1080; the accessibility button sits in its left corner on every screen.
TOP_BAR = 130
CORNER = 150
# The speaker button's place (read-aloud), under the accessibility button: x, y, w, h at
# 1920×1080. Whatever a screen draws above SPEAKER_BOTTOM keeps right of the corner's column
# (CORNER), so that the button covers nothing on a kiosk with a voice.
SPEAKER = (14, 132, 128, 132)
SPEAKER_BOTTOM = SPEAKER[1] + SPEAKER[3] + 16
# How far beyond its rectangle a plain button paints (its shadow, its focus ring), design pixels.
PLAIN_REACH = 24


class Backdrop(Protocol):
    """The full-screen layers a screen draws behind itself, made once per size and theme."""

    def background(self) -> pygame.Surface: ...

    def cached(self, key: tuple[Any, ...], build: Callable[[], pygame.Surface]) -> pygame.Surface: ...

    def remembered(self, key: tuple[Any, ...], work: Callable[[], T]) -> T: ...

    def latest(self, name: str, key: tuple[Any, ...], build: Callable[[], T]) -> T: ...

    def take_ready(self, kind: Hashable) -> Screen | None: ...


class Canvases(Backdrop, Protocol):
    """The full-screen layers, as the work done ahead of time sees them."""

    layers: SurfaceCache[tuple[Any, ...], pygame.Surface]
    taken: int

    def canvases_ready(self) -> bool: ...

    def prepare_canvases(self) -> None: ...

    def keep_top(self) -> bool: ...

    def stamp(self) -> tuple[Any, ...]: ...

    def keep_ready(self, kind: Hashable, screen: Screen, stamp: tuple[Any, ...]) -> bool: ...

    def holds_ready(self, kind: Hashable) -> bool: ...

    def keep_card(self, screen: Screen) -> bool: ...

    def forget(self) -> None: ...

    def press_changed(self, area: pygame.Rect) -> None: ...

    def under_kept(self) -> bool: ...

    def carry_on(self) -> bool: ...

    def let_go(self) -> None: ...

    def shown(self) -> tuple[Hashable, list[tuple[Widget, Hashable, bool]]] | None: ...

    def tapped(self, before: tuple[Hashable, list[tuple[Widget, Hashable, bool]]], widget: Widget,
               also: tuple[pygame.Rect, ...] = ()) -> None: ...

    @property
    def carried_at(self) -> pygame.Rect | None: ...


class Voice(Protocol):
    """The voice that reads the screen on top aloud (`gardiens.ui.speech.ReadAloud`), as the App,
    its frame, its input and the accessibility panel see it."""

    @property
    def available(self) -> bool:
        """A voice can speak on this kiosk (espeak-ng, or the configured command, is there)."""

    def button(self) -> Button | None:
        """The speaker button, when shown."""

    def shown(self, fits: list[TextFit]) -> None:
        """The text blocks the screen on top drew in the last full redraw."""

    def draw(self, surface: pygame.Surface) -> None:
        """The outline around the sentence being said."""

    def outlined(self) -> pygame.Rect | None:
        """Where that outline is drawn, when a sentence is being said."""

    def tap(self, pos: tuple[int, int]) -> bool:
        """A tap on no button; whether it asked for a text to be read."""

    def update(self) -> None:
        """Once a frame: follow the screen on top, play what is ready."""

    def mood(self, mood: Mood) -> Mood:
        """The music as it should be while the voice speaks."""

    def close(self) -> None: ...


class Pointer(Protocol):
    """The finger on the screen: what it presses, what it drags and where."""

    def pressed_widget(self) -> Widget | None: ...

    def dragging(self) -> tuple[Widget, tuple[int, int]] | None: ...

    def corner_shown(self) -> Button | None: ...

class Host(Canvas, Protocol):
    """What a screen (or a puzzle view) sees of the App: the session to read and command, the
    screen stack, the language, the clock of the frames, and what it draws with."""

    time: float
    dirty: bool
    show_focus: bool
    size: tuple[int, int]
    translator: InterfaceTranslator
    stack: list[Screen]
    default_age: AgeBand | None
    default_language: str
    default_mission: str | None
    ending_seen: bool
    # Where each mission's pictures are, by mission id.
    mission_dirs: dict[str, Path]
    # The voice that reads the screens aloud (None: this kiosk reads nothing aloud).
    speech: Voice | None

    @property
    def display_language(self) -> str | None: ...

    @property
    def frame(self) -> Backdrop: ...

    @property
    def input(self) -> Pointer: ...

    @property
    def session(self) -> Session: ...

    @property
    def loaded(self) -> bool: ...

    @property
    def state(self) -> SessionState: ...

    @property
    def mission(self) -> Mission | None: ...

    @property
    def words(self) -> MissionWords | None: ...

    @property
    def language(self) -> str: ...

    @property
    def top(self) -> Screen | None: ...

    def team(self) -> str: ...

    def mission_dir(self) -> Path | None: ...

    def available_puzzle(self, puzzle_id: str) -> Puzzle | None: ...

    def command(self, command: Command, *, hold: bool = False) -> Reply: ...

    def command_when_ready(self, command: Command) -> None: ...

    def choose_language(self, code: str) -> None: ...

    def change_settings(self, settings: Settings) -> None: ...

    def show_debrief(self) -> None: ...

    def push(self, screen: Screen, *, laid_out: bool = False) -> None: ...

    def pop(self, screen: Screen | None = None) -> None: ...

    def sync(self, force: bool = False) -> None: ...

    def play(self, sound: str) -> None: ...


class DeskLayer(Protocol):
    """The facilitator's desk as the App drives it: it sees each event first, acts once a frame."""

    def intercept(self, event: pygame.event.Event) -> bool: ...

    def update(self) -> None: ...


class PreviewLayer(Protocol):
    """The author's live preview as the App drives it: polled once a frame, drawn over the game,
    its widgets touched and its keys handled before the screen's."""

    def poll(self) -> None: ...

    def draw(self, surface: pygame.Surface) -> None: ...

    def widgets(self) -> list[Widget]: ...

    def on_key(self, event: pygame.event.Event) -> bool: ...


class Shell(Host, Protocol):
    """What the App's own parts (input, frame, the follower) and the layers over the game (the
    facilitator's desk, the author's preview) see of it: a screen's view, and the window's."""

    kiosk: bool
    running: bool
    strict: bool
    preparing: bool
    sounds: Sounds | None
    music: Music | None
    surface: pygame.Surface | None
    attendant: DeskLayer | None
    preview: PreviewLayer | None
    # Game time of the last touch or key: a team that walked away is noticed from it.
    last_input: float

    @property
    def frame(self) -> Canvases: ...

    def replace(self, screen: Screen) -> None: ...

    def replace_session(self, session: Session) -> None: ...

    def reread(self) -> None:
        """Forget the state read this frame: the session changed under it."""

    def resize(self, size: tuple[int, int]) -> None: ...

    def open_accessibility(self) -> None: ...


class ScreenPart:
    """What a screen and its parts (a puzzle view) say and measure through the Host: the
    interface's words in the team's language, and design pixels at the window's size."""

    app: Host

    def _(self, message: str) -> str:
        return self.app.translator.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The singular or plural form for `n`, by the language's rule (French: 0 and 1 singular)."""
        return self.app.translator.ngettext(singular, plural, n)

    def px(self, value: float) -> int:
        return self.app.metrics.px(value)


class Screen(ScreenPart):
    """One screen of the stack. Screens read the session and send commands through the Host."""

    name = "screen"
    overlay = False  # drawn above the screen below it, which is dimmed
    holds_sync = False  # the App waits for this screen to close before following the session
    shows_accessibility = True  # the team's accessibility button sits in the top-left corner
    # Its animation only sets a mood (the attract screen): a frame of it may give way to
    # longer preparation, as a frame that draws nothing does.
    ambient = False

    def __init__(self, app: Host) -> None:
        self.app = app
        self.widgets: list[Widget] = []
        self.focus: str | None = None
        self.opened_at = app.time

    # -- helpers -------------------------------------------------------------------

    @property
    def width(self) -> int:
        return self.app.metrics.width

    @property
    def height(self) -> int:
        return self.app.metrics.height

    def rect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        px = self.app.metrics.px
        return pygame.Rect(px(x), px(y), px(w), px(h))

    def one_way_on(self, name: str, rect: pygame.Rect, label: str, icon: str, on_tap: Callable[[], object]) -> None:
        """The screen's only button: big, in the accent colour, and focused for the keyboard."""
        self.widgets = [Button(name, rect, label, icon=icon, kind="accent", text_role="subtitle", on_tap=on_tap)]
        self.focus = name

    def find(self, name: str) -> Widget | None:
        for widget in self.widgets:
            if widget.name == name:
                return widget
        return None

    # -- lifecycle -----------------------------------------------------------------

    def layout(self) -> None:
        """Build the widgets for the current window size, settings and session state."""
        self.widgets = []

    def refresh(self) -> None:
        """Rebuild after a change, keeping the keyboard focus on the same named widget."""
        self.layout()
        if self.focus is not None and self.find(self.focus) is None:
            self.focus = None

    def stale(self) -> bool:
        """True when the session moved on and this screen should leave the stack."""
        return False

    def animating(self) -> bool:
        return False

    def update(self, dt: float) -> None:
        """Advance animations by `dt` seconds."""

    # -- drawing -------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_background(surface)
        self.draw_widgets(surface)

    def draw_background(self, surface: pygame.Surface) -> None:
        surface.blit(self.app.frame.background(), (0, 0))

    def backdrop(self) -> Hashable | None:
        """Everything the screen draws besides its widgets, as far as a tap can change it (the
        countdown is repainted on its own), or None when the screen cannot say: a tap then
        repaints it whole instead of only the widgets whose appearance changed."""
        return None

    def draw_widgets(self, surface: pygame.Surface) -> None:
        pressed = self.app.input.pressed_widget()
        # Under a clip (a tap repainting a few keys), a plain button (or a widget `contained` as it
        # is) well away from it is skipped: its face, shadow and focus ring all lie within
        # `PLAIN_REACH` of its rectangle.
        clip: pygame.Rect | None = None
        if surface.get_clip() != surface.get_rect():
            reach = 2 * self.app.metrics.px(PLAIN_REACH)
            clip = surface.get_clip().inflate(reach, reach)
        for widget in self.widgets:
            if clip is not None and (type(widget) is Button or widget.contained) and not clip.colliderect(widget.rect):
                continue
            widget.draw(surface, self.app, focused=widget.name == self.focus and self.app.show_focus,
                        pressed=widget is pressed)

    def dim(self, surface: pygame.Surface) -> None:
        """Veil what is under an overlay: two fills over the pixels, no full-screen layer kept."""
        *color, alpha = self.app.palette.dim
        share = alpha / 255
        keep = round(255 * (1 - share))
        surface.fill((keep, keep, keep), special_flags=pygame.BLEND_RGB_MULT)
        surface.fill(tuple(round(c * share) for c in color), special_flags=pygame.BLEND_RGB_ADD)

    # -- input ---------------------------------------------------------------------

    def widget_at(self, pos: tuple[int, int]) -> Widget | None:
        for widget in reversed(self.widgets):
            if widget.hit(pos):
                return widget
        return None

    def focusables(self) -> list[Widget]:
        return [w for w in self.widgets if w.focusable and w.enabled]

    def move_focus(self, step: int) -> None:
        order = self.focusables()
        if not order:
            return
        names = [w.name for w in order]
        if self.focus in names:
            index = (names.index(self.focus) + step) % len(names)
        else:
            index = 0 if step > 0 else len(names) - 1
        self.focus = names[index]

    def move_focus_towards(self, dx: int, dy: int) -> None:
        """Arrow keys: the nearest widget in that direction, else the next one in order."""
        current = self.find(self.focus) if self.focus else None
        if current is None:
            self.move_focus(1)
            return
        cx, cy = current.rect.center
        best: tuple[float, Widget] | None = None
        for widget in self.focusables():
            if widget is current:
                continue
            wx, wy = widget.rect.center
            along = (wx - cx) * dx + (wy - cy) * dy
            if along <= 0:
                continue
            across = abs((wx - cx) * dy) + abs((wy - cy) * dx)
            score = along + 2 * across
            if best is None or score < best[0]:
                best = (score, widget)
        if best is not None:
            self.focus = best[1].name
        else:
            self.move_focus(1 if dx + dy > 0 else -1)

    def on_key(self, event: pygame.event.Event) -> bool:
        """A key press the screen handles itself; return True when consumed."""
        return False

    def on_text(self, text: str) -> None:
        """Text typed on a physical keyboard (or pasted)."""

    def on_back(self) -> None:
        """Escape: close an overlay, go back to the map; never quits the kiosk."""

    def on_drag(self, widget: Widget, pos: tuple[int, int]) -> None:
        """A draggable widget is being moved by a finger."""

    def on_drop(self, widget: Widget, pos: tuple[int, int]) -> None:
        """A dragged widget was released at `pos`."""

    def on_tap_outside(self, pos: tuple[int, int]) -> None:
        """A tap that hit no widget."""


def bar_button_width(screen: Screen, label: str, least: int, most: int) -> int:
    """A top-bar button with an icon, as wide as its label needs in this language, within limits."""
    app = screen.app
    text_w = app.type.measure(label, app.metrics.text("button"), 10_000, bold=True)[1]
    # Padding on both sides, the icon and the gap after it (see `Button.draw_content`).
    return max(least, min(most, text_w + screen.px(120)))


def draw_title(screen: Screen, surface: pygame.Surface, text: str, *, left: int | None = None,
               right: int | None = None) -> None:
    """The screen title in the top bar, between the corner button and the HUD.

    A title too long for one line (a longer language, a narrow window) takes two smaller lines
    rather than being cut.
    """
    app = screen.app
    x0 = left if left is not None else screen.px(CORNER)
    x1 = right if right is not None else screen.width - screen.px(40)
    box = pygame.Rect(x0, screen.px(10), max(10, x1 - x0), screen.px(TOP_BAR - 20))
    if out_of_clip(surface, box):
        return
    size, lines = app.metrics.text("title"), 1
    if not app.type.fit_size(app.type.shape(text), size, box, True, max_lines=1)[2]:
        size, lines = app.metrics.text("subtitle"), 2
    app.type.block(surface, text, box, size=size, color=app.palette.ink, bold=True,
                   valign="middle", max_lines=lines, name="title")
