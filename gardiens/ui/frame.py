"""Painting a frame: the screens shown, the copy kept under an overlay, the countdown repainted
alone, and the full-screen layers drawn once per size and theme."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, TypeVar, cast, runtime_checkable

import pygame

from gardiens.ui.bounded import SurfaceCache
from gardiens.ui.draw import vertical_gradient
from gardiens.ui.input import A11Y_BUTTON, PRESS_MARGIN

if TYPE_CHECKING:
    from gardiens.ui.ahead import Ahead
    from gardiens.ui.follow import Follower
    from gardiens.ui.input import Input
    from gardiens.ui.kit.screen import Screen, Shell
    from gardiens.ui.text import TextFit
    from gardiens.ui.widgets.base import Widget

T = TypeVar("T")
# What a screen shows as far as a tap can change it (see `Frame.shown`).
Shown: TypeAlias = "tuple[Hashable, list[tuple[Widget, Hashable, bool]]]"

# The key of the paper background among the surfaces drawn once per size and theme.
PAPER = ("paper",)
# Full-screen layers kept: a screen needs up to about eight (paper, scene in colour and in grey,
# fog, glow, the victory scene…); beyond, the least recently used goes. Unbounded, every mission
# played added its scene and its victory in each language, 8 MB each at 1920×1080.
LAYERS_KEPT = 12
# And their bytes: a map's (paper, scene in colour and in grey, fog: 28 MB at 1920×1080) or the
# attract screen's (night, a fog twice as wide: 25 MB), not both.
LAYERS_BYTES = 32 << 20
# Layouts worked out once and kept (a map's spots: a few hundred milliseconds of nudging on a
# crowded scene, a few rectangles kept); a handful of missions, sizes and languages.
LAYOUTS_KEPT = 8
# Two areas a tap changed are repainted as one when the rectangle around both is at most this
# many times as large as both together: each repaint walks the whole screen's drawing.
MERGE_ROOM = 1.5
# Or when the rectangle around both adds at most this share of the window to them: a repaint
# under a clip costs about a third of a whole one before it paints a pixel (measured on puzzle
# screens), more than painting a quarter of the window once more.
MERGE_SHARE = 0.25
# The colour left around a rising card in the copy of it that is moved (see `Frame.draw_rise`):
# one no card is drawn in.
SEE_THROUGH = (255, 0, 254)
# Screens prepared ahead and kept drawn, ready for the tap that opens one (see `Frame.keep_ready`):
# the puzzles a team may open next from the map, 8 MB each at 1920×1080.
READY_KEPT = 3


@runtime_checkable
class Rising(Protocol):
    """A pop-up whose card rises over the screen below (`PopUp` in ui/screens/play.py)."""

    def lift(self) -> int:
        """How far below its resting place the card is now, in pixels."""

    def reach(self) -> pygame.Rect:
        """All the card draws while resting."""

    def opaque(self, lift: int) -> pygame.Rect:
        """Where the card, `lift` pixels low, covers every pixel (between its rounded corners)."""

    def place(self, lift: int) -> pygame.Rect:
        """Put the card's buttons where they go with it `lift` pixels low; the card there."""

    def face(self, surface: pygame.Surface, lift: int) -> None:
        """The card alone, `lift` pixels low; its buttons go with it."""

    def dim(self, surface: pygame.Surface) -> None:
        """Veil what lies under it."""

    def veil(self, surface: pygame.Surface, lift: int) -> None:
        """Veil what lies under it around the card `lift` pixels low, where the card does not
        cover every pixel."""

    def card_look(self) -> Hashable | None:
        """Everything the card's pixels depend on, or None when it cannot say: a card drawn
        ahead for a pop-up that looks the same is then copied, not painted (`Frame.keep_card`)."""


@runtime_checkable
class Moving(Protocol):
    """A screen whose animation changes only some areas of it (the map's spots popping in)."""

    def moving(self) -> list[pygame.Rect] | None:
        """The only areas that change from one frame to the next (none: nothing to draw), or
        None when more does."""


@dataclass
class Ready:
    """A screen prepared ahead, drawn whole (without the HUD's pills brought up to date): the
    moment it was drawn for (see `Frame.stamp`), how it looked, its pixels and the texts it set."""

    screen: Screen
    stamp: tuple[Any, ...]
    look: Hashable
    image: pygame.Surface
    texts: list[TextFit]


@dataclass
class Risen:
    """A rising card drawn once, moved each frame: the pop-up, the card at rest (its pixels from
    the left edge of the screen to the right of its reach, its top at its reach's) and the part
    of it with no see-through pixel, where it rests and the texts it set there."""

    screen: Rising
    card: pygame.Surface
    solid: pygame.Surface
    reach: pygame.Rect
    texts: list[TextFit]


class Frame:
    """What the App paints, and what it keeps between frames to paint less."""

    def __init__(self, app: Shell, touch: Input) -> None:
        self.app = app
        self.touch = touch
        self.layers: SurfaceCache[tuple[Any, ...], pygame.Surface] = SurfaceCache(LAYERS_KEPT, LAYERS_BYTES)
        self.layouts: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        # The last surface built under each name, with what it was built from (see `latest`).
        self.lasts: dict[str, tuple[tuple[Any, ...], Any]] = {}
        # The screens under an overlay as last drawn, and which screens they were.
        self.under: tuple[tuple[int, ...], pygame.Surface] | None = None
        # Only the countdown's second changed since the last frame.
        self.countdown_only = False
        # The only parts of the window a tap changed since the last frame (a button sinking, a key
        # typed and the answer it wrote), apart from one another.
        self.touched: list[pygame.Rect] = []
        # While a finger drags a card across the screen on top: that screen as last drawn without
        # the card, where the card was last drawn over it, and whether the finger moved since
        # (see `draw_carried`). Let go of at the drop, when the screen closes, between two teams.
        self.lifted: pygame.Surface | None = None
        # The surface it is copied into, kept from one drag to the next while a team plays: a
        # fresh full-screen surface at each drag's first frame costs more than the copy.
        self._lift_buffer: pygame.Surface | None = None
        self.carried_at: pygame.Rect | None = None
        self.carry_moved = False
        # The card of the pop-up rising on top, drawn once, and where the last frame showed it;
        # the surface it is drawn on, kept from one pop-up to the next while a team plays.
        self.risen: Risen | None = None
        self.rise_at: tuple[Rising, pygame.Rect] | None = None
        self._card_buffer: pygame.Surface | None = None
        # The card of a pop-up prepared ahead (the feedback of a right answer), drawn at rest
        # for the pop-up a tap opens looking the same (see `keep_card`), with its look; and the
        # surface it is drawn on.
        self.kept_card: tuple[Hashable, Risen] | None = None
        self._kept_card_buffer: pygame.Surface | None = None
        # While no overlay is shown: how the screen on top looked (`look`) when it was last drawn
        # whole, without what lies over it, into the copy kept for an overlay (see `keep_top`);
        # None when that copy holds nothing of it. A whole frame of it drawn since, for whatever
        # reason, lets it go.
        self.kept: Hashable | None = None
        # The screens under an overlay a settled tap on the screen on top has just opened (see
        # `tapped`); the next frame finds them as they were kept, if their looks match.
        self.opened: tuple[int, ...] | None = None
        # Frames drawn through `draw` (whole or under a clip), and how many there were when the
        # screen on top was last looked at for `keep_top`.
        self.draws = 0
        self._looked = -1
        # Screens prepared ahead and drawn, by what opens them (see `keep_ready`); the one a tap
        # has just taken, whose first frame copies its pixels; a full-screen surface let go of,
        # for the next one.
        self.ready: dict[Hashable, Ready] = {}
        self.handed: Ready | None = None
        # How many of them taps have taken: the work planned ahead makes them again.
        self.taken = 0
        self._spare: pygame.Surface | None = None

    def background(self) -> pygame.Surface:
        """The warm paper gradient behind ordinary screens, drawn once per size and theme."""
        app = self.app
        return self.cached(PAPER, lambda: vertical_gradient(app.size, app.palette.background_top,
                                                            app.palette.background))

    def cached(self, key: tuple[Any, ...], build: Callable[[], pygame.Surface]) -> pygame.Surface:
        """A surface a screen draws once per size and theme (a night sky, a fog layer)."""
        full = (*key, self.app.size, self.app.palette)
        surface = self.layers.get(full)
        if surface is None:
            surface = build()
            self.layers[full] = surface
        return surface

    def forget(self) -> None:
        """Let go of every full-screen layer, of the surfaces `latest` keeps and of the copies under
        an overlay and under a dragged card (between two teams); the screens shown draw theirs
        again when they next paint."""
        self.layers.clear()
        self.lasts.clear()
        self.under = None
        self.kept = self.opened = None
        self.let_go()
        self._lift_buffer = self._card_buffer = self._kept_card_buffer = None
        self.risen = self.rise_at = None
        self.kept_card = None
        self.ready.clear()
        self.handed = None
        self._spare = None
        self.app.dirty = True

    def remembered(self, key: tuple[Any, ...], work: Callable[[], T]) -> T:
        """A layout worked out once for `key` (which says all it depends on) and kept, the least
        recently used going first: a screen laid out again, or prepared ahead, finds it."""
        layouts = self.layouts
        if key in layouts:
            layouts.move_to_end(key)
            return cast("T", layouts[key])
        result = layouts[key] = work()
        while len(layouts) > LAYOUTS_KEPT:
            layouts.popitem(last=False)
        return result

    def latest(self, name: str, key: tuple[Any, ...], build: Callable[[], T]) -> T:
        """The surface (or surfaces and what goes with them) last built under `name`, if it was
        built for `key`; else built anew in its place. One per name: a screen prepared ahead
        leaves it to the screen then shown."""
        kept = self.lasts.get(name)
        if kept is None or kept[0] != key:
            kept = self.lasts[name] = (key, build())
        return cast("T", kept[1])

    def press_changed(self, area: pygame.Rect) -> None:
        """A finger came down on a widget, or lifted: only its look (or some others') changes,
        inside `area`. Areas that overlap, or lie so close that one repaint of the rectangle
        around both costs little more, are repainted as one."""
        _merge(self.touched, area, self._merge_room())

    def _merge_room(self) -> int:
        """The pixels two areas repainted as one may add to them (see `MERGE_SHARE`)."""
        w, h = self.app.size
        return int(w * h * MERGE_SHARE)

    def shown(self) -> Shown | None:
        """What the screen on top shows, as far as a tap can change it: what lies behind its
        widgets, and each touchable widget with its appearance and whether its focus ring shows.
        None when a tap there must repaint everything (an overlay, the author's preview, a
        screen or widget that cannot say what its pixels depend on)."""
        app = self.app
        top = app.top
        if top is None or top.overlay or app.preview is not None:
            return None
        backdrop = top.backdrop()
        if backdrop is None:
            return None
        widgets = self._looks(top, self.touch.widgets())
        if widgets is None:
            return None
        hud = getattr(top, "hud", None)
        pills = hud.pills() if hud is not None else None
        return (tuple(map(id, app.stack)), app.size, app.palette, app.settings, app.language, backdrop,
                pills), widgets

    def _looks(self, screen: Screen, widgets: list[Widget]) -> list[tuple[Widget, Hashable, bool]] | None:
        """Each of `widgets` (on `screen`) with its appearance and whether its focus ring shows;
        None when one cannot say what its pixels depend on."""
        app = self.app
        focus = screen.focus if app.show_focus else None
        looks: list[tuple[Widget, Hashable, bool]] = []
        for widget in widgets:
            look = widget.appearance(app)
            if look is None:
                return None
            looks.append((widget, look, widget.name == focus))
        return looks

    def look(self, screen: Screen) -> Hashable | None:
        """Everything `screen`'s own pixels depend on as far as a tap can change them (what lies
        behind its widgets, their appearances and focus rings), its HUD's pills aside; None when
        it cannot say, or when more changes them (an animation, a dragged card, the preview)."""
        app = self.app
        if screen.overlay or app.preview is not None or self.touch.dragging() is not None or screen.animating():
            return None
        backdrop = screen.backdrop()
        widgets = self._looks(screen, screen.widgets) if backdrop is not None else None
        if widgets is None:
            return None
        return (id(screen), app.size, app.palette, app.settings, app.language, backdrop,
                tuple((look, ring) for _, look, ring in widgets))

    def keep_top(self) -> bool:
        """In a frame that draws nothing: when the screen on top (under no overlay) looks other
        than when it was last kept, draw it whole, without what lies over it, into the copy an
        overlay's first frame would otherwise draw it into. A pop-up a tap then opens over it (a
        feedback, a hint) costs a copy of it, not the drawing of a whole screen. Returns whether
        it drew."""
        if self.draws == self._looked:
            return False
        self._looked = self.draws
        app = self.app
        top = app.top
        if top is None or app.surface is None or (self.under is not None and self.under[0] != ()):
            return False
        look = self.look(top)
        if look is None or look == self.kept:
            return False
        if self.under is None or self._missing(self.under[1]):
            self.under = ((), app.surface.copy())
        report = app.type.report
        app.type.report = []
        try:
            top.draw(self.under[1])
        finally:
            app.type.report = report
        self.kept = look
        return True

    def _kept_under(self, key: tuple[int, ...], below: list[Screen]) -> pygame.Surface | None:
        """The copy kept of the only screen under an overlay that a settled tap on it has just
        opened (`key` naming them), when that screen still looks as it was kept; its countdown
        and progress are brought up to date (a right answer's feedback opens over one more puzzle
        solved). None when it must be drawn."""
        opened, self.opened = self.opened, None
        kept, self.kept = self.kept, None
        under = self.under
        if (opened != key or kept is None or len(below) != 1 or under is None or under[0] != ()
                or self._missing(under[1]) or self.look(below[0]) != kept):
            return None
        self._bring_pills(below[0], under[1])
        return under[1]

    def _bring_pills(self, screen: Screen, copy: pygame.Surface) -> None:
        """The countdown and the progress of `screen`'s HUD repainted in a copy kept of it."""
        hud = getattr(screen, "hud", None)
        if hud is not None:
            for pill in (hud.timer, hud.progress):
                area = self._pill_area(pill)
                copy.blit(self.background(), area, area)
            hud.draw(copy)

    def stamp(self) -> tuple[Any, ...]:
        """What a screen prepared ahead was made from besides its own state: the session (and
        how many events it holds), the mission and its words, the window, the theme, the
        settings and the language. Compared with `same_stamp`."""
        app = self.app
        return (app.session, app.mission, app.words, app.session.version, app.size, app.palette,
                app.settings, app.language)

    def same_stamp(self, stamp: tuple[Any, ...]) -> bool:
        """Whether `stamp` is the moment's: the same session, mission and words (the very
        objects), the rest equal."""
        now = self.stamp()
        return all(a is b for a, b in zip(stamp[:3], now[:3], strict=True)) and stamp[3:] == now[3:]

    def keep_ready(self, kind: Hashable, screen: Screen, stamp: tuple[Any, ...]) -> bool:
        """Draw `screen`, prepared ahead at `stamp` (see `Ahead`) and not shown, whole into a
        surface kept for the tap that opens it (`kind` saying what opens it: a puzzle's tile):
        that tap's frame then copies it (see `take_ready`). At most `READY_KEPT` are kept,
        those the session left behind going first; when all are current, the ones prepared
        first stay (the next puzzles in the mission's order). False when it is not kept: the
        moment has passed, no room, or the screen cannot say what its pixels depend on."""
        app = self.app
        surface = app.surface
        if surface is None or not self.same_stamp(stamp):
            return False
        for key in [key for key, ready in self.ready.items() if not self.same_stamp(ready.stamp)]:
            self._spare = self.ready.pop(key).image
        old = self.ready.pop(kind, None)
        if old is None and len(self.ready) >= READY_KEPT:
            return False
        look = self.look(screen)
        if look is None:
            return False
        image = old.image if old is not None else self._spare
        self._spare = None
        if self._missing(image):
            image = pygame.Surface(surface.get_size(), 0, surface)
        assert image is not None
        start = len(app.type.report)
        screen.draw(image)
        texts = app.type.report[start:]
        del app.type.report[start:]
        self.ready[kind] = Ready(screen, stamp, look, image, texts)
        return True

    def holds_ready(self, kind: Hashable) -> bool:
        """Whether a screen `kind` opens is kept drawn and current."""
        ready = self.ready.get(kind)
        return ready is not None and self.same_stamp(ready.stamp)

    def take_ready(self, kind: Hashable) -> Screen | None:
        """The screen prepared ahead that `kind` opens, laid out and drawn for this very moment,
        for the App to show (its pixels copied by its first frame); None when there is none."""
        ready = self.ready.pop(kind, None)
        if ready is None:
            return None
        if not self.same_stamp(ready.stamp):
            self._spare = ready.image
            return None
        self.handed = ready
        self.taken += 1
        ready.screen.opened_at = self.app.time
        return ready.screen

    def tapped(self, before: Shown, widget: Widget, also: tuple[pygame.Rect, ...] = ()) -> None:
        """A tap on `widget` (or a drop of it, `also` where it was last drawn under the finger)
        has been handled, `before` being what was shown: when only some
        widgets' appearances changed (a key pressed, a choice selected, the typed answer), or
        some widgets came or went (a fragment put into a slot), only their rectangles are
        repainted, with room for their shadows and focus rings; anything else (another screen, a
        change behind the widgets, widgets drawn in another order) repaints all."""
        after = self.shown()
        if after is None or after[0] != before[0]:
            stack = self.app.stack
            if (after is None and len(stack) > 1 and stack[-1].overlay and not stack[-2].overlay
                    and tuple(map(id, stack[:-1])) == cast("tuple[Any, ...]", before[0])[0]):
                # An overlay opened over the screen tapped, nothing else changed (see `keep_top`).
                self.opened = (id(stack[-2]),)
            return
        olds = {old.name: (old, look, ring) for old, look, ring in before[1]}
        news = {new.name: (new, look, ring) for new, look, ring in after[1]}
        if (len(olds) != len(before[1]) or len(news) != len(after[1])
                or [n for n in olds if n in news] != [n for n in news if n in olds]):
            return
        areas = [widget.rect, *also]  # its face, pressed until now, rises again
        for name in olds.keys() | news.keys():
            old, new = olds.get(name), news.get(name)
            if old is None or new is None:
                areas += [kept[0].rect for kept in (old, new) if kept is not None]
            elif old[1:] != new[1:]:
                areas += [old[0].rect, new[0].rect]
        margin = 2 * self.app.metrics.px(PRESS_MARGIN)
        for area in areas:
            self.press_changed(area.inflate(margin, margin))
        self.app.dirty = False

    def follow_clock(self, follower: Follower) -> None:
        """About once a second: the countdown alone is repainted when nothing else changed."""
        change = follower.tick()
        if change == "countdown" and self.countdown_target() is not None:
            self.countdown_only = True
        elif change is not None:
            self.app.dirty = True

    def paint(self, animating: bool, guard: Callable[..., Any], started: float,
              ahead: Ahead | None) -> None:
        """Repaint what changed: the screens, the overlay alone, or the countdown alone; a frame
        that leaves time over (begun at `started`) prepares with `ahead` (once there is a
        session) what a tap may show next. Each piece runs through `guard` (`App._guard`)."""
        app = self.app
        touch = self.touch
        if not animating:
            # Risen: the copy of the card goes (a still pop-up is drawn whole when it changes).
            self.risen = None
        if app.dirty or animating or touch.overlay_touched:
            changed = app.dirty
            # A pop-up rising over a still screen moves a copy of its card (see `draw_rise`); a
            # screen whose animation changes some areas repaints them alone (`draw_moving`).
            if (changed or touch.overlay_touched or self.touched or self.carry_moved
                    or not (guard(self.draw_rise) or guard(self.draw_moving))):
                app.dirty = touch.overlay_touched = self.countdown_only = self.carry_moved = False
                self.touched = []
                guard(self.draw, changed)
                pygame.display.flip()
            if animating and ahead is not None:
                guard(ahead.animation_frame, started, app.top is not None and app.top.ambient)
        elif self.carry_moved:
            guard(self.draw_carried)
        elif self.touched:
            guard(self.draw_touched)
        elif self.countdown_only:
            self.countdown_only = False
            guard(self.draw_countdown)
        elif ahead is not None:
            guard(ahead.quiet_frame)

    def countdown_target(self) -> Any:
        """The HUD to update when only the countdown's second changed: the one of the screen on
        top, or of the screen under a single pop-up whose card leaves the countdown in view."""
        app = self.app
        top = app.top
        if top is None:
            return None
        if not top.overlay:
            return getattr(top, "hud", None)
        below = app.stack[-2] if len(app.stack) > 1 else None
        under = self.under
        if (below is None or below.overlay or not isinstance(top, Rising) or under is None
                or under[0] != (id(below),) or app.preview is not None):
            return None
        hud = getattr(below, "hud", None)
        if hud is None or self._countdown_area(hud).colliderect(top.reach().move(0, top.lift())):
            return None
        return hud

    def _countdown_area(self, hud: Any) -> pygame.Rect:
        return self._pill_area(hud.timer)

    def _pill_area(self, pill: pygame.Rect) -> pygame.Rect:
        """What repainting one of the HUD's pills touches: the pill and its border."""
        return pill.inflate(self.app.metrics.px(8), self.app.metrics.px(8))

    def draw_countdown(self) -> None:
        """Once a second on a still screen: repaint the countdown pill alone."""
        app = self.app
        hud = self.countdown_target()
        if hud is None or app.surface is None:
            app.dirty = True
            return
        lifted = self.lifted
        if lifted is not None and self.carried_at is not None:
            # A card is being dragged: the countdown goes under it, into the screen kept without it.
            self._compose([self._timer_into(lifted, hud)], self.carried_at)
            return
        pygame.display.update(self._redraw_countdown(hud))

    def _redraw_countdown(self, hud: Any) -> pygame.Rect:
        """The countdown pill drawn again, and where. Under a pop-up, it is drawn in the copy
        kept of the screen below, then copied and veiled as the pop-up veils it."""
        app = self.app
        surface = app.surface
        top = app.top
        assert surface is not None
        area = self._countdown_area(hud).clip(surface.get_rect())
        if isinstance(top, Rising) and self.under is not None:
            kept = self.under[1]
            kept.blit(self.background(), area, area)
            hud.draw(kept, only_timer=True)
            surface.blit(kept, area, area)
            top.dim(surface.subsurface(area))
            surface.set_clip(area)
            try:
                self.draw_above(surface)
            finally:
                surface.set_clip(None)
        else:
            surface.blit(self.background(), area, area)
            hud.draw(surface, only_timer=True)
        return area

    def _timer_into(self, target: pygame.Surface, hud: Any) -> pygame.Rect:
        """The countdown pill repainted on `target`; returns the area it took."""
        area = self._countdown_area(hud)
        target.blit(self.background(), area, area)
        hud.draw(target, only_timer=True)
        return area

    def carry_on(self) -> bool:
        """A finger dragging a card moved, and nothing else changed: only the card moves, over the
        screen kept without it, at the next frame. False when no such screen is kept."""
        if self.lifted is None or self.carried_at is None or self.app.preview is not None:
            return False
        self.carry_moved = True
        return True

    def let_go(self) -> None:
        """Forget the screen kept under a dragged card (the card dropped, the screen closed)."""
        self.lifted = None
        self.carried_at = None
        self.carry_moved = False

    def draw_carried(self) -> None:
        """A frame of a drag: the screen kept without the card is copied back over where the card
        was, the card is drawn where the finger is, and only those two areas (merged when close)
        are sent to the display; with the countdown when its second changed too."""
        app = self.app
        self.carry_moved = False
        top = app.top
        carried = self._carried(top) if top is not None and not top.overlay else None
        lifted, old = self.lifted, self.carried_at
        if (carried is None or lifted is None or old is None or app.surface is None
                or lifted.get_size() != app.surface.get_size()):
            app.dirty = True
            return
        rect = carried[1]
        margin = 2 * app.metrics.px(PRESS_MARGIN)
        areas: list[pygame.Rect] = []
        for area in (old, rect):
            _merge(areas, area.inflate(margin, margin), self._merge_room())
        self.carried_at = rect
        hud = self.countdown_target()
        if self.countdown_only and hud is not None:
            _merge(areas, self._timer_into(lifted, hud), self._merge_room())
        self.countdown_only = False
        self._compose(areas, rect)

    def _compose(self, areas: list[pygame.Rect], rect: pygame.Rect) -> None:
        """Inside each of `areas`: the screen kept without the dragged card, the card at `rect`, and
        what lies over the screens (the voice's bar, the corner button); then sent to the display."""
        app = self.app
        surface = app.surface
        lifted = self.lifted
        top = app.top
        carried = self._carried(top) if top is not None else None
        if surface is None or lifted is None or carried is None:
            app.dirty = True
            return
        widget = carried[0]
        areas = [area.clip(surface.get_rect()) for area in areas]
        report = app.type.report
        try:
            for area in areas:
                surface.set_clip(area)
                surface.blit(lifted, area, area)
                widget.paint(surface, app, rect, False)
                self.draw_above(surface)
        finally:
            surface.set_clip(None)
            app.type.report = report
        pygame.display.update(areas)

    def _carried(self, screen: Screen) -> tuple[Widget, pygame.Rect] | None:
        """The widget of `screen` a finger drags, and where it is drawn apart from the screen
        (a card under the finger); None when no such widget is dragged."""
        drag = self.touch.dragging()
        # By name too: a screen laid out again during the drag has made its widgets anew.
        if drag is None or not any(widget is drag[0] or widget.name == drag[0].name for widget in screen.widgets):
            return None
        rect = drag[0].carried(drag[1])
        return None if rect is None else (drag[0], rect)

    def _draw_screen(self, screen: Screen, surface: pygame.Surface, *, top: bool) -> bool:
        """Draw `screen`, then the card a finger drags on it; when it is the `top` of all, the
        screen drawn so far is kept without the card for the drag's next frames (`draw_carried`).
        Returns whether it was kept."""
        screen.draw(surface)
        carried = self._carried(screen)
        if carried is None:
            return False
        widget, rect = carried
        kept = top and not screen.overlay and self.app.preview is None and self._lift(surface)
        if kept:
            self.carried_at = rect
        widget.paint(surface, self.app, rect, False)
        return kept

    def _lift(self, surface: pygame.Surface) -> bool:
        """Keep the screen drawn so far (without the dragged card): all of it, or what a clipped
        frame redrew into the copy already kept. False when there is no copy to update."""
        clip = surface.get_clip()
        lifted = self.lifted
        whole = clip == surface.get_rect()
        if lifted is None or lifted.get_size() != surface.get_size():
            if not whole:
                return False
            buffer = self._lift_buffer
            if buffer is None or buffer.get_size() != surface.get_size():
                buffer = self._lift_buffer = surface.copy()
            else:
                buffer.blit(surface, (0, 0))
            lifted = self.lifted = buffer
        elif whole:
            lifted.blit(surface, (0, 0))
        else:
            lifted.blit(surface, clip, clip)
        return True

    def draw_touched(self) -> None:
        """The frame a finger comes down on a button, or lifts from a key: the screens drawn as
        usual, but only the pixels around the widgets whose looks changed are touched, each area
        apart, and only they are sent to the display."""
        app = self.app
        areas = self.touched
        self.touched = []
        surface = app.surface
        if surface is None:
            return
        top = app.top
        if top is not None and top.overlay and len(app.stack) > 1 and not self.under_kept():
            # The screens under the overlay are not kept as drawn: drawn whole, and kept.
            self.draw(changed=False)
            pygame.display.flip()
            return
        areas = [area.clip(surface.get_rect()) for area in areas]
        # The texts' report stays the last whole redraw's (a clipped one may skip some texts).
        report = app.type.report
        try:
            for area in areas:
                surface.set_clip(area)
                # Under an overlay, the screens below are copied as kept (see `under_kept`).
                self.draw(changed=False)
        finally:
            surface.set_clip(None)
            app.type.report = report
        self._keep_touched(areas)
        pygame.display.update(areas)

    def under_kept(self) -> bool:
        """Whether the screens under the overlay on top are kept as they were last drawn (see
        `draw`): a finger coming down on one of its buttons then repaints around it alone, over
        that copy."""
        shown = self._on_show()
        below = tuple(id(screen) for screen in shown[:-1])
        under = self.under
        return (bool(below) and shown[-1].overlay and under is not None and under[0] == below
                and not self._missing(under[1]))

    def _on_show(self) -> list[Screen]:
        """The screens a frame draws: the last one that is not an overlay, and those over it."""
        stack = self.app.stack
        first = max((index for index, screen in enumerate(stack) if not screen.overlay), default=0)
        return stack[first:]

    def _keep_touched(self, areas: list[pygame.Rect]) -> None:
        """After a tap repainted `areas` of the screen on top, with no finger down: the same areas
        of the copy `keep_top` kept of it are copied from the window, when nothing drawn over the
        screens lies there. The copy then looks as the screen does, ready for a pop-up the next
        tap may open (« Valider » right after the last key of an answer)."""
        app = self.app
        top = app.top
        under = self.under
        surface = app.surface
        if (self.kept is None or top is None or surface is None or under is None or under[0] != ()
                or self._missing(under[1]) or self.touch.pressed_widget() is not None):
            return
        speech = app.speech
        if speech is not None and speech.outlined() is not None:
            return
        margin = 2 * app.metrics.px(PRESS_MARGIN)
        over = [widget.rect.inflate(margin, margin) for widget in self.touch.widgets() if widget not in top.widgets]
        if any(area.colliderect(rect) for area in areas for rect in over):
            return
        look = self.look(top)
        if look is None:
            return
        for area in areas:
            under[1].blit(surface, area, area)
        self.kept = look

    def draw_rise(self) -> bool:
        """A frame of a pop-up's card rising over a screen below that does not change: the card
        is drawn once, then moved; only the rows it left and those around its rounded corners
        are veiled again, and only the rows it covers now or did before go to the display.
        The same pixels as a whole redraw. False when the frame must be drawn whole."""
        app = self.app
        top = app.top
        surface = app.surface
        under = self.under
        shown = self.rise_at
        speech = app.speech
        if (surface is None or under is None or app.preview is not None or not isinstance(top, Rising)
                or shown is None or shown[0] is not top or (speech is not None and speech.outlined() is not None)):
            return False
        reach = top.reach()
        risen = self.risen
        if risen is None or risen.screen is not top or risen.reach != reach:
            risen = self.risen = self._draw_card(top, reach)
        lift = top.lift()
        now = reach.move(0, lift)
        both = now.union(shown[1]).clip(surface.get_rect())
        solid = top.opaque(lift)
        # Above and below the rows the card covers whole: veiled again, then the card's corners
        # (and shadow) over them; between, the card's pixels are copied as they are.
        for band in (pygame.Rect(both.x, both.y, both.w, solid.y - both.y),
                     pygame.Rect(both.x, solid.bottom, both.w, both.bottom - solid.bottom)):
            band = band.clip(both)
            if band.h > 0:
                surface.blit(under[1], band, band)
                top.dim(surface.subsurface(band))
                surface.blit(risen.card, band, band.move(0, -now.y))
        surface.blit(risen.solid, solid)
        top.place(lift)
        app.type.report = [fit.moved(0, lift) for fit in risen.texts]
        surface.set_clip(both)
        try:
            self.draw_above(surface)
        finally:
            surface.set_clip(None)
        shown_areas = [both]
        if self.countdown_only:
            # A second fell meanwhile: its pill under the card's veil, or all on the next frame.
            self.countdown_only = False
            hud = self.countdown_target()
            if hud is None:
                app.dirty = True
            else:
                shown_areas.append(self._redraw_countdown(hud))
        pygame.display.update(shown_areas)
        self.rise_at = (top, now)
        return True

    def draw_moving(self) -> bool:
        """A frame of an animation that changes only some areas of the screen on top (the only
        one animating): they alone are repainted, as for a tap, and nothing when none changes.
        False when the frame must be drawn whole."""
        app = self.app
        top = app.top
        if top is None or not isinstance(top, Moving) or any(screen.animating() for screen in app.stack[:-1]):
            return False
        areas = top.moving()
        if areas is None:
            return False
        hud = self.countdown_target()
        if self.countdown_only and hud is not None:
            self.countdown_only = False
            areas = [*areas, self._countdown_area(hud)]
        if areas:
            for area in areas:
                self.press_changed(area)
            self.draw_touched()
        return True

    def keep_card(self, screen: Screen) -> bool:
        """Draw the card of `screen`, a pop-up prepared ahead and not shown (the feedback of a
        right answer), at rest on a surface kept for it: the first frame of a pop-up a tap then
        opens looking the same copies it, and so do the frames it rises in (see `draw_rise`).
        False when `screen` is no such pop-up or cannot say what its card looks like."""
        surface = self.app.surface
        if surface is None or not isinstance(screen, Rising):
            return False
        # Its buttons where they are when it rests (a pop-up drawn ahead rose in its own time).
        screen.place(0)
        look = screen.card_look()
        if look is None:
            return False
        reach = screen.reach()
        buffer = self._kept_card_buffer
        if buffer is None or buffer.get_width() < reach.right or buffer.get_height() < reach.h:
            buffer = self._kept_card_buffer = pygame.Surface((max(1, reach.right), max(1, reach.h)), 0, surface)
        # Not kept while it is drawn: a failure leaves none half drawn.
        self.kept_card = None
        risen = self._draw_card(screen, reach, buffer)
        screen.place(0)
        self.kept_card = (look, risen)
        return True

    def _card_kept_for(self, top: Rising) -> Risen | None:
        """The card kept drawn for `top` (see `keep_card`) while it rises, when it looks the
        same; it is then `top`'s own."""
        kept = self.kept_card
        if kept is None or top.lift() <= 0:
            return None
        look, risen = kept
        top.place(0)
        if risen.reach != top.reach() or top.card_look() != look:
            return None
        return Risen(top, risen.card, risen.solid, risen.reach, risen.texts)

    def _rise_first(self, risen: Risen, surface: pygame.Surface) -> None:
        """The first frame of a pop-up's card rising over the screens below (drawn on `surface`
        already), from its card kept drawn: the veil, then the card copied where it is now. The
        same pixels as the pop-up painting itself; the frames after move the same card."""
        top = risen.screen
        self.risen = risen
        lift = top.lift()
        top.veil(surface, lift)
        now = risen.reach.move(0, lift)
        solid = top.opaque(lift)
        shown = now.clip(surface.get_rect())
        for band in (pygame.Rect(shown.x, shown.y, shown.w, solid.y - shown.y),
                     pygame.Rect(shown.x, solid.bottom, shown.w, shown.bottom - solid.bottom)):
            band = band.clip(shown)
            if band.h > 0:
                surface.blit(risen.card, band, band.move(0, -now.y))
        surface.blit(risen.solid, solid)
        top.place(lift)
        self.app.type.report.extend(fit.moved(0, lift) for fit in risen.texts)

    def _draw_card(self, top: Rising, reach: pygame.Rect, buffer: pygame.Surface | None = None) -> Risen:
        """The card of `top` at rest, drawn once on a part of the surface kept for it (or on
        `buffer`): a fresh surface the size of the card for each pop-up (6 MB at 1920×1080)
        cost more than drawing the card, in the frame after the one that opens it."""
        app = self.app
        assert app.surface is not None
        size = (reach.right, reach.h)
        if buffer is None:
            w, h = max(app.surface.get_width(), size[0]), max(app.surface.get_height(), size[1])
            buffer = self._card_buffer
            if buffer is None or buffer.get_width() < w or buffer.get_height() < h:
                buffer = self._card_buffer = pygame.Surface((w, h), 0, app.surface)
        card = buffer.subsurface(pygame.Rect((0, 0), size))
        card.fill(SEE_THROUGH)
        report = app.type.report
        app.type.report = []
        try:
            top.face(card, -reach.y)
            texts = [fit.moved(0, reach.y) for fit in app.type.report]
        finally:
            app.type.report = report
        card.set_colorkey(SEE_THROUGH)
        # Where the card covers every pixel, copied without looking for see-through ones.
        solid = card.subsurface(top.opaque(0).move(0, -reach.y))
        solid.set_colorkey(None)
        return Risen(top, card, solid, reach, texts)

    def draw(self, changed: bool = True) -> None:
        app = self.app
        assert app.surface is not None
        app.type.report = []
        surface = app.surface
        if not app.stack:
            surface.blit(self.background(), (0, 0))
        shown = self._on_show()
        if len(shown) > 1 and shown[-1].overlay:
            # An overlay's tween redraws only the overlay: what lies under it is kept from the
            # last real change, so a sliding panel costs one blit, not a whole screen.
            key = tuple(id(s) for s in shown[:-1])
            if changed or self.under is None or self.under[0] != key:
                copy = self._kept_under(key, shown[:-1])
                if copy is not None:
                    surface.blit(copy, (0, 0))
                    self.under = (key, copy)
                else:
                    for screen in shown[:-1]:
                        self._draw_screen(screen, surface, top=False)
                    # Copied into the buffer kept from last time: a fresh full-screen surface for
                    # every change costs more than the drawing it saves.
                    buffer = self.under[1] if self.under is not None else None
                    if buffer is None or buffer.get_size() != surface.get_size():
                        buffer = surface.copy()
                    else:
                        buffer.blit(surface, (0, 0))
                    self.under = (key, buffer)
            else:
                surface.blit(self.under[1], (0, 0))
            shown = shown[-1:]
        else:
            # Nothing above: the buffer is kept (under no stack) for the next overlay.
            self.under = ((), self.under[1]) if self.under is not None else None
            if surface.get_clip() == surface.get_rect():
                # Drawn whole: whatever made it so may have changed what the copy kept of it.
                self.kept = None
        self.opened = None
        self.draws += 1
        for screen in shown[:-1]:
            self._draw_screen(screen, surface, top=False)
        start = len(app.type.report)
        self.risen = self.rise_at = None
        whole = surface.get_clip() == surface.get_rect()
        top = shown[-1] if shown else None
        card = (self._card_kept_for(top) if whole and isinstance(top, Rising) and top.overlay and len(shown) == 1
                and self._carried(top) is None else None)
        if card is not None:
            self.handed = None
            self._rise_first(card, surface)
            kept = False
        else:
            kept = self._draw_top(shown, surface, whole)
        if whole and not kept:
            self.let_go()
        if shown and isinstance(shown[-1], Rising) and whole:
            top = shown[-1]
            self.rise_at = (top, top.reach().move(0, top.lift()))
        speech = app.speech
        # A frame drawn under a clip (a button sinking) sees only part of the text.
        if speech is not None and whole:
            speech.shown(app.type.report[start:])
        self.draw_above(surface)

    def _draw_top(self, shown: list[Screen], surface: pygame.Surface, whole: bool) -> bool:
        """The last of the screens `shown` (those below it already drawn), drawn `whole` or under
        a clip: from the pixels kept of it when a tap has just taken it ready (`take_ready`), into
        the copy kept for a pop-up, or else as it draws itself. Returns whether it was kept
        without a card dragged on it (see `_draw_screen`)."""
        handed, self.handed = self.handed, None
        if not shown:
            return False
        top = shown[-1]
        if whole and handed is not None and shown == [handed.screen] and self.look(top) == handed.look:
            self._show_ready(handed, surface)
            return False
        if whole and len(shown) == 1 and self._draw_kept(top, surface):
            return False
        return self._draw_screen(top, surface, top=True)

    def _draw_kept(self, screen: Screen, surface: pygame.Surface) -> bool:
        """A still screen alone, drawn whole: into the copy kept for a pop-up (see `keep_top`),
        then copied to the window. The pop-up a tap then opens over it (« Valider » right after
        an answer that changed the whole screen) finds it as it looks, without waiting for a
        frame that draws nothing. False when it is drawn as usual: it cannot say what its pixels
        depend on, or it moves, or no copy is there yet."""
        under = self.under
        if under is None or under[0] != () or self._missing(under[1]):
            return False
        look = self.look(screen)
        if look is None:
            return False
        screen.draw(under[1])
        surface.blit(under[1], (0, 0))
        self.kept = look
        return True

    def _show_ready(self, ready: Ready, surface: pygame.Surface) -> None:
        """The first frame of a screen prepared ahead (see `take_ready`): its pixels copied, its
        HUD's pills brought up to date. They become the copy kept for a pop-up a tap may open
        over it (see `keep_top`); the surface that held that copy is kept for the next one."""
        self._bring_pills(ready.screen, ready.image)
        surface.blit(ready.image, (0, 0))
        self.app.type.report.extend(ready.texts)
        if self.under is not None:
            self._spare = self.under[1]
        self.under = ((), ready.image)
        self.kept = ready.look

    def draw_above(self, surface: pygame.Surface) -> None:
        """What lies over the screens: the outline of what is read aloud, the speaker button,
        the accessibility corner, the author's preview."""
        app = self.app
        speech = app.speech
        if speech is not None:
            speech.draw(surface)
            speaker = speech.button()
            if speaker is not None:
                speaker.draw(surface, app, focused=False, pressed=self.touch.pressed_widget() is speaker)
        corner = self.touch.corner_shown()
        if corner is not None:
            top = app.top
            corner.draw(surface, app, focused=app.show_focus and top is not None
                        and top.focus == A11Y_BUTTON, pressed=self.touch.pressed_widget() is corner)
        if app.preview is not None:
            app.preview.draw(surface)

    def canvases_ready(self) -> bool:
        """Whether the full-screen layers `prepare_canvases` builds are there."""
        return ((*PAPER, self.app.size, self.app.palette) in self.layers
                and not self._missing(self.under[1] if self.under else None) and not self._missing(self._lift_buffer)
                and not self._too_small(self._card_buffer))

    def prepare_canvases(self) -> None:
        """Build ahead the full-screen layers a first frame would otherwise pay for: the paper
        background, the copy of the screen kept under an overlay, the one kept under a
        dragged card and the surface a rising pop-up's card is drawn on."""
        self.background()
        surface = self.app.surface
        if surface is None:
            return
        if self._missing(self.under[1] if self.under else None):
            self.under = ((), surface.copy())
            self.kept = None
        if self._missing(self._lift_buffer):
            self._lift_buffer = surface.copy()
        if self._too_small(self._card_buffer):
            self._card_buffer = surface.copy()

    def _too_small(self, buffer: pygame.Surface | None) -> bool:
        """Whether a surface that may be larger than the window is still to be made: none yet,
        or smaller than the window (a card reaching past its edge made it larger)."""
        surface = self.app.surface
        return surface is not None and (buffer is None or buffer.get_width() < surface.get_width()
                                        or buffer.get_height() < surface.get_height())

    def _missing(self, copy: pygame.Surface | None) -> bool:
        """Whether a full-screen copy is still to be made: none yet, or not the window's size."""
        surface = self.app.surface
        return surface is not None and (copy is None or copy.get_size() != surface.get_size())


def _merge(areas: list[pygame.Rect], area: pygame.Rect, room: int) -> None:
    """Add `area` to `areas`: areas that overlap, or lie so close that one repaint of the
    rectangle around both costs little more (it adds at most `room` pixels), become one."""
    while True:
        for index, other in enumerate(areas):
            both = area.union(other)
            apart = area.w * area.h + other.w * other.h
            if both.w * both.h <= apart * MERGE_ROOM or both.w * both.h - apart <= room:
                del areas[index]
                area = both
                break
        else:
            areas.append(area)
            return
