"""During play: the mission map, a puzzle, the answer's feedback and the hint ladder."""

from __future__ import annotations

import itertools
import math
from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, TypeVar

import pygame

from gardiens.core.checkers import Verdict
from gardiens.core.commands import Pause, RequestHint, Submit
from gardiens.core.model import Mission, Puzzle
from gardiens.core.session import PuzzleState, SessionState
from gardiens.ui.draw import focus_ring, lumi, out_of_clip, panel, speech_bubble
from gardiens.ui.kit.modal import ModalScreen, card_panel
from gardiens.ui.kit.screen import (
    CORNER,
    PLAIN_REACH,
    SPEAKER_BOTTOM,
    TOP_BAR,
    Screen,
    bar_button_width,
    draw_title,
)
from gardiens.ui.picture_text import pictures_of
from gardiens.ui.puzzles import PuzzleView, view_for
from gardiens.ui.puzzles.picking import picks_score
from gardiens.ui.screens.hud import Hud
from gardiens.ui.screens.scene import (
    PLATE,
    PLATE_GAP,
    PLATE_PAD,
    SCALES,
    SPOT_GAP,
    PictureArriving,
    Progress,
    SpotLook,
    ask_picture,
    author_spots,
    cover_rect,
    grid_cells,
    place_spots,
    plain_scene,
    scene_layer,
    spot_look,
)
from gardiens.ui.screens.why import WhyCards
from gardiens.ui.theme import Color
from gardiens.ui.widgets.base import Button, Canvas, Display, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host

POP_SECONDS = 0.3
# A pop-up card, in design pixels: how far below its place it starts rising, its corners' radius,
# the depth of its shadow, and the room kept around it when it is moved as a copy.
RISE = 90
CARD_RADIUS = 44
CARD_DEPTH = 14
REACH = 16
# The puzzle's prompt box, in design pixels: its height when the prompt fits (it grows when not).
PROMPT = 136
# How far above a pop-up card's foot its row of buttons sits (design pixels).
BUTTON_ROW = 170
# The feedback card, in design pixels: above its text (the badge and title), below it (the row of
# buttons), between two blocks of text, the room an item's icon takes, the page counter's width.
HEADER = 224
FOOTER = 200
BLOCK_GAP = 14
ICON_ROOM = 60
COUNTER = 170
# The map's strip of findings along the bottom, Lumi's corner and her speech bubble, in design
# pixels.
STRIP = 112
LUMI = 220
LUMI_CORNER = 270
BUBBLE = (430, 118)
# How far a spot placed by the author may be nudged off its object, in medallions.
NUDGE = 1.0
# Seconds: how long a newly opened spot takes to pop in, and how long Lumi cheers after a solve.
# Nothing on the map moves for longer: a kiosk idles for hours, and a still map costs nothing.
POP_IN = 0.6
# How far around its medallion a spot draws, in design pixels: its halo (12 px out and 6 wide at
# its widest) and its focus ring.
MEDALLION_REACH = 24
CHEER_SECONDS = 4.0
# Lumi worries in the last two minutes, or the last 15 % of the time.
WORRY_SECONDS = 120
WORRY_SHARE = 0.15

_SPOT_LOOK = {
    PuzzleState.LOCKED: ("lock", "locked"),
    PuzzleState.AVAILABLE: ("play", "accent"),
    PuzzleState.SOLVED: ("check", "good"),
    PuzzleState.SKIPPED: ("skip", "quiet"),
}


def ready_puzzle(puzzle_id: str) -> tuple[str, str]:
    """What names a puzzle's screen prepared ahead (see `Frame.keep_ready`): its tile opens it."""
    return ("puzzle", puzzle_id)


def ease_out(t: float) -> float:
    t = max(0.0, min(1.0, t))
    return 1 - (1 - t) ** 3


class PuzzleSpot(Button):
    """A puzzle in the scene: a round medallion that looks like a button (raised, its state told
    by an icon: lock, play, check or skip; a trophy on the goal) over a plate with its title and
    its state's word. Locked spots are dim, available ones pulse for a while, solved ones glow."""

    def __init__(self, name: str, rect: pygame.Rect, title: str, state_label: str, state: PuzzleState,
                 goal: bool, on_tap: Callable[[], object], *, look: SpotLook,
                 pop_at: float | None = None) -> None:
        icon, kind = _SPOT_LOOK[state]
        super().__init__(name, rect, title, icon=icon, kind=kind, on_tap=on_tap,  # type: ignore[arg-type]
                         enabled=state is PuzzleState.AVAILABLE)
        self.state_label = state_label
        self.state = state
        self.goal = goal
        self.spot = look
        self.pop_at = pop_at

    def parts(self) -> dict[str, pygame.Rect]:
        """Where the spot's parts lie: the medallion, the goal's trophy, the plate, its title and
        its state's word."""
        look = self.spot
        medallion = pygame.Rect(0, 0, look.medallion, look.medallion)
        medallion.midtop = self.rect.midtop
        plate = pygame.Rect(0, 0, look.plate, look.plate_h)
        plate.midtop = (self.rect.centerx, medallion.bottom + look.gap)
        inner = plate.inflate(-2 * look.pad, -2 * look.pad)
        title = pygame.Rect(inner.x, inner.y, inner.w, look.title_h)
        status = pygame.Rect(inner.x, inner.bottom - look.state_h, inner.w, look.state_h)
        parts = {"medallion": medallion, "plate": plate, "title": title, "status": status}
        if self.goal:
            side = look.medallion * 4 // 9
            parts["trophy"] = pygame.Rect(medallion.right - side * 3 // 4, medallion.y - side // 4, side, side)
        return parts

    def popping(self, now: float) -> bool:
        return self.pop_at is not None and now - self.pop_at < POP_IN

    def reach(self, px: Callable[[float], int]) -> pygame.Rect:
        """All the spot draws (`px` turning design pixels into the window's): its plate and its
        medallion with all around it."""
        parts = self.parts()
        return self.rect.union(parts["plate"]).union(self.popping_area(px)).unionall(
            [parts[name] for name in ("trophy",) if name in parts])

    def popping_area(self, px: Callable[[float], int]) -> pygame.Rect:
        """Where the medallion draws anything (its halo, shadow and focus ring): all that
        changes while the spot pops in."""
        return self.parts()["medallion"].inflate(2 * px(MEDALLION_REACH), 2 * px(MEDALLION_REACH))

    def draw(self, surface: pygame.Surface, app: Canvas, *, focused: bool, pressed: bool) -> None:
        p = app.palette
        m = app.metrics
        now = getattr(app, "time", 0.0)
        parts = self.parts()
        medallion = parts["medallion"]
        # Still (reduced motion): a spot that opens is there at once, its halo at rest.
        still = app.settings.reduced_motion
        pop_at = None if still else self.pop_at
        grow = ease_out((now - pop_at) / POP_IN) if pop_at is not None else 1.0
        fill, _ink, border, _shadow = self.colors(app)
        fill, ring = {
            PuzzleState.LOCKED: (p.locked_soft, p.locked),
            PuzzleState.AVAILABLE: (fill, border),
            PuzzleState.SOLVED: (p.good, p.good),
            PuzzleState.SKIPPED: (p.surface_alt, p.outline),
        }[self.state]
        depth = m.px(8)
        face = medallion.copy()
        face.h -= depth
        face.w -= depth
        face.center = (medallion.centerx, medallion.centery - depth // 2)
        if grow < 1:
            face = face.scale_by(max(0.05, grow))
            face.center = (medallion.centerx, medallion.centery - depth // 2)
        if pressed and self.enabled:
            face.y += depth - m.px(2)
            depth = m.px(2)
        if self.state is PuzzleState.AVAILABLE:
            # A halo that breathes while the spot pops in, then stays: this one can be played.
            wave = 1.0 if pop_at is None else 0.5 + 0.5 * math.cos((now - pop_at) * 10)
            halo = face.inflate(m.px(14 + 10 * wave), m.px(14 + 10 * wave))
            pygame.draw.ellipse(surface, p.gold, halo, width=m.px(6))
        pygame.draw.ellipse(surface, p.shadow if self.state is not PuzzleState.SOLVED else p.good,
                            face.move(0, depth))
        pygame.draw.ellipse(surface, fill, face)
        pygame.draw.ellipse(surface, ring if self.state is not PuzzleState.AVAILABLE else p.surface, face,
                            width=m.px(5))
        icon_ink = p.surface if self.state is not PuzzleState.LOCKED else p.locked
        if app.settings.high_contrast:
            icon_ink = p.background
        icon = app.assets.icon(self.icon or "play", max(1, face.w * 11 // 20), icon_ink)
        surface.blit(icon, icon.get_rect(center=face.center))
        trophy = parts.get("trophy")
        if trophy is not None:
            pygame.draw.ellipse(surface, p.surface, trophy)
            pygame.draw.ellipse(surface, p.accent_dark, trophy, width=m.px(3))
            cup = app.assets.icon("trophy", trophy.w * 2 // 3, p.accent_dark)
            surface.blit(cup, cup.get_rect(center=trophy.center))
        if focused:
            focus_ring(surface, face, p, face.w // 2, m.px(6))
        plate = parts["plate"]
        locked = self.state is PuzzleState.LOCKED
        panel(surface, plate, p.locked_soft if locked else p.surface, radius=m.px(18),
              border=ring, border_width=m.px(3))
        look = self.spot
        text_ink = p.ink_soft if locked else p.ink
        app.type.block(surface, self.label, parts["title"], size=look.title_size, color=text_ink, bold=True,
                       align="center", valign="middle", max_lines=2, name=self.name, kind="label")
        if not look.state_h:
            return
        app.type.block(surface, self.state_label, parts["status"], size=look.state_size,
                       color=ring if not locked else p.ink_soft, align="center", max_lines=1,
                       name=f"{self.name}-state", kind="label")


class MapScreen(Screen):
    """The mission map: a scene where each puzzle is a spot, Lumi in a corner and the strip of
    what the team has found.

    The scene is drawn from the session's state only: grey and foggy at the start, colour coming
    back and the fog thinning as puzzles are solved, a warm clearing around each solved spot, the
    fog rolling back in while the adversary's last words stand."""

    name = "map"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.look: SpotLook | None = None
        self.centres: list[tuple[int, int]] = []
        # The spots seen available so far (None before the first layout), and when each newly
        # opened spot began to pop in.
        self._available: set[str] | None = None
        self._pops: dict[str, float] = {}
        # Whether Lumi's bubble has room, and when the team last solved a puzzle on this map.
        self.chatty = True
        # Whether the spots leave the speaker button's corner free, or (on the most crowded maps)
        # its whole column.
        self.speaker_room = True
        self._solved: int | None = None
        self._cheered_at: float | None = None
        # Whether the scene's picture was still on its way at the last frame (not known before
        # the first: counted as on its way, so that whoever waits for a still screen waits for it).
        self._arriving = True

    @property
    def picture_arriving(self) -> bool:
        """Whether the scene's picture was still on its way when the scene was last asked for."""
        return self._arriving

    def strip(self) -> pygame.Rect:
        """The strip of findings along the bottom, right of Lumi."""
        return pygame.Rect(self.px(LUMI_CORNER), self.height - self.px(STRIP), self.width - self.px(LUMI_CORNER),
                           self.px(STRIP))

    def area(self) -> pygame.Rect:
        """The scene: the whole width, from the top bar down to the strip."""
        top = self.px(TOP_BAR)
        return pygame.Rect(0, top, self.width, self.height - self.px(STRIP) - top)

    def lumi_base(self) -> tuple[int, int]:
        return self.px(LUMI_CORNER // 2), self.height - self.px(12)

    def bubble(self) -> pygame.Rect:
        """Lumi's speech bubble, right of her head."""
        w, h = BUBBLE
        return pygame.Rect(self.px(LUMI_CORNER - 40), self.height - self.px(STRIP) - self.px(h + 40),
                           self.px(w), self.px(h))

    def keep_out(self) -> list[pygame.Rect]:
        """Where no spot goes: Lumi and her bubble (when she speaks), the speaker button's place
        (on a kiosk with a voice: elsewhere the most crowded maps need that room)."""
        out = [pygame.Rect(0, self.height - self.px(LUMI + 60), self.px(LUMI_CORNER), self.px(LUMI + 60))]
        if self.speaker_shown():
            out.append(pygame.Rect(0, 0, self.px(CORNER), self.px(SPEAKER_BOTTOM)))
        if self.chatty:
            out.append(self.bubble().inflate(self.px(20), self.px(20)))
        return out

    def speaker_shown(self) -> bool:
        speech = self.app.speech
        return self.speaker_room and speech is not None and speech.available

    def _spots_area(self) -> pygame.Rect:
        area = self.area()
        return area.inflate(-self.px(24), -self.px(16))

    def layout(self) -> None:
        app = self.app
        _ = self._
        mission = app.mission
        words = app.words
        self.hud = Hud(self)
        widgets: list[Widget] = self.hud.widgets()
        if mission is None or words is None:
            self.widgets = widgets
            return
        state = app.state
        labels = {
            PuzzleState.LOCKED: _("Verrouillée"),
            PuzzleState.AVAILABLE: _("À résoudre"),
            PuzzleState.SOLVED: _("Résolue"),
            PuzzleState.SKIPPED: _("Passée"),
        }
        puzzles = mission.puzzles
        states = []
        for puzzle in puzzles:
            progress = state.puzzles.get(puzzle.id)
            states.append(progress.state if progress else PuzzleState.LOCKED)
        titles = [words.text(puzzle.title, puzzle_id=puzzle.id) for puzzle in puzzles]
        area = self._spots_area()
        gap = self.px(SPOT_GAP)
        wanted = author_spots(app, mission, self.area())
        ask_picture(app, mission, self.area().size)
        # The same for every state of the mission: worked out once, not at each tap that shows the map.
        key = ("map-spots", mission.id, tuple(titles), tuple(labels.values()), tuple(wanted),
               tuple(area), gap, app.size, app.settings, app.speech is not None and app.speech.available)
        look, self.chatty, self.speaker_room, self.centres = app.frame.remembered(
            key, lambda: self._place(titles, list(labels.values()), wanted, area, gap))
        self.look = look
        self._track(states, list(puzzles))
        for i, puzzle in enumerate(puzzles):
            rect = look.footprint(self.centres[i])
            widgets.append(PuzzleSpot(f"tile:{puzzle.id}", rect, titles[i], labels[states[i]], states[i],
                                      puzzle.id == mission.goal, partial(self.open_puzzle, puzzle),
                                      look=look, pop_at=self._pops.get(puzzle.id)))
        self.widgets = widgets

    def _place(self, titles: list[str], states: list[str], wanted: list[tuple[float, float] | None],
               area: pygame.Rect, gap: int) -> tuple[SpotLook, bool, bool, list[tuple[int, int]]]:
        """The spots' look, whether Lumi speaks, whether the speaker's corner is kept free, and
        where each spot goes."""
        self.speaker_room = True
        look, keep_out, area = self._choose_look(titles, states, wanted, area, gap)
        return look, self.chatty, self.speaker_room, place_spots(wanted, area, look, keep_out, gap)

    def _choose_look(self, titles: list[str], states: list[str], wanted: list[tuple[float, float] | None],
                     area: pygame.Rect, gap: int) -> tuple[SpotLook, list[pygame.Rect], pygame.Rect]:
        """The largest spots that leave room for every puzzle, and where no spot may go.

        On a crowded scene Lumi keeps quiet, her bubble's room going to the spots; on the most
        crowded, the state's icon alone tells it (a shape, not only a colour), the plates keeping
        the titles. Where the author placed spots on a picture, the spots should also stay on their
        objects: the first look (largest first, Lumi quiet before spots shrink) whose spots need
        no more than a nudge wins; when none does, the spots are nudged as far as they must."""
        app = self.app
        if any(w is not None for w in wanted):
            for scale, self.chatty in itertools.product(SCALES, (True, False)):
                found = spot_look(app, titles, states, scale)
                if found is None:
                    continue
                keep_out = self.keep_out()
                if len(grid_cells(area, found, keep_out, gap)) < len(titles):
                    continue
                centres = place_spots(wanted, area, found, keep_out, gap)
                moved = max(math.dist(c, w) for c, w in zip(centres, wanted, strict=True) if w is not None)
                if moved <= found.medallion * NUDGE:
                    return found, keep_out, area
        look = None
        # The speaker keeps its place on every map: when its corner leaves too little room, the
        # spots are spread right of its column instead, over the scene's whole height (a grid
        # loses a whole cell to a corner, and a row to the scene's margins).
        for self.speaker_room, self.chatty, shown in ((True, True, True), (True, False, True), (True, False, False),
                                                      (False, False, False)):
            keep_out = self.keep_out()
            room = area
            if not self.speaker_room and self.app.speech is not None and self.app.speech.available:
                scene = self.area()
                room = pygame.Rect(self.px(CORNER), scene.y, area.right - self.px(CORNER), scene.h)
            for scale in SCALES:
                found = spot_look(app, titles, states if shown else [], scale)
                if found is None:
                    continue
                look = found
                if len(grid_cells(room, found, keep_out, gap)) >= len(titles):
                    return look, keep_out, room
        # Not even the smallest plate holds a title in two lines: it is cut and reported.
        return look or _fallback_look(app), keep_out, room

    def _track(self, states: list[PuzzleState], puzzles: list[Puzzle]) -> None:
        """What changed since the last layout: spots newly open pop in, a solve makes Lumi cheer."""
        now = self.app.time
        available = {p.id for p, s in zip(puzzles, states, strict=True) if s is PuzzleState.AVAILABLE}
        if self._available is not None:
            for pid in available - self._available:
                self._pops[pid] = now
        self._available = available
        solved = sum(s is PuzzleState.SOLVED for s in states)
        if self._solved is not None and solved > self._solved:
            self._cheered_at = now
        self._solved = solved

    def open_puzzle(self, puzzle: Puzzle) -> None:
        """Show `puzzle`: the screen prepared ahead for it when there is one (see `Ahead`)."""
        ready = self.app.frame.take_ready(ready_puzzle(puzzle.id))
        if ready is not None:
            self.app.push(ready, laid_out=True)
        else:
            self.app.push(PuzzleScreen(self.app, puzzle))

    def progress(self, mission: Mission) -> Progress:
        """The share of puzzles solved, the solved spots (relative to the scene) and whether the
        adversary spoke since the last solve."""
        state = self.app.state
        area = self.area()
        solved = [(i, state.puzzles[p.id]) for i, p in enumerate(mission.puzzles)
                  if p.id in state.puzzles and state.puzzles[p.id].state is PuzzleState.SOLVED]
        lit = tuple((self.centres[i][0] - area.x, self.centres[i][1] - area.y) for i, _ in solved
                    if i < len(self.centres))
        # A bonus puzzle lights its spot but does not count in the share: the fog clears with the
        # puzzles the team must solve.
        required = [p.id for p in mission.puzzles if not p.optional]
        done = sum(1 for pid in required if state.puzzles.get(pid) and state.puzzles[pid].state is PuzzleState.SOLVED)
        return Progress(done / max(1, len(required)), lit, adversary_spoke(mission, state))

    def path(self, mission: Mission) -> tuple[tuple[int, int], ...]:
        """The default scene's path through the spots (none on an author's picture)."""
        if mission.scene is not None:
            return ()
        area = self.area()
        return tuple((x - area.x, y - area.y) for x, y in self.centres)

    def scene(self, mission: Mission) -> pygame.Surface:
        """The scene layer for the state the team is in, built once per change."""
        progress = self.progress(mission)
        area = self.area()
        path = self.path(mission)
        key = (mission.id, area.size, path, progress, self.app.palette)
        # Kept by the frame, not the screen: the map prepared ahead hands its scene to the one shown.
        # No frame waits for the picture worker: while it still reads the picture, a plain fog
        # shows, and the next frames look again (as an animation would).
        try:
            scene = self.app.frame.latest("map-scene", key, lambda: scene_layer(self.app, mission, area.size, path,
                                                                                progress, wait=False))
        except PictureArriving:
            self._arriving = True
            return plain_scene(self.app, area.size)
        self._arriving = False
        return scene

    def ending_scene(self, *, restored: bool) -> pygame.Surface:
        """The whole window covered by the scene: restored (full colour, no fog, every spot lit)
        for the victory, or as the team left it."""
        mission = self.app.mission
        size = self.app.size
        if mission is None:
            return pygame.Surface(size)
        self.layout()
        area = self.area()
        progress = self.progress(mission)
        if restored:
            lit = tuple((x - area.x, y - area.y) for x, y in self.centres)
            progress = Progress(1.0, lit)
        layer = scene_layer(self.app, mission, area.size, self.path(mission), progress)
        cover = cover_rect(size, area.w / area.h)
        whole = pygame.Surface(size)
        whole.blit(pygame.transform.smoothscale(layer, cover.size), cover.topleft)
        return whole

    def mood(self) -> str:
        """Lumi cheers a few seconds after a solve, worries when little time is left."""
        app = self.app
        if self._cheering():
            return "cheer"
        state = app.state
        total = state.time_limit + state.added
        left = app.session.remaining()
        if state.timer.counts_down and total > 0 and (left <= WORRY_SECONDS or left <= WORRY_SHARE * total):
            return "worried"
        return "happy"

    def _cheering(self) -> bool:
        return self._cheered_at is not None and self.app.time - self._cheered_at < CHEER_SECONDS

    def animating(self) -> bool:
        now = self.app.time
        # Shown (on top) with its picture on its way: drawn again each frame until it is in. Under
        # a puzzle, the map is not drawn and waits for nothing.
        arriving = self._arriving and self.app.top is self
        return arriving or (not self.app.settings.reduced_motion
                            and any(now - at < POP_IN for at in self._pops.values()))

    def draw(self, surface: pygame.Surface) -> None:
        mission = self.app.mission
        words = self.app.words
        if mission is None or words is None:
            self.draw_background(surface)
            return
        area = self.area()
        # The paper shows only above and below the scene, which covers the rest.
        paper = self.app.frame.background()
        surface.blit(paper, (0, 0), pygame.Rect(0, 0, self.width, area.y))
        surface.blit(paper, (0, area.bottom), pygame.Rect(0, area.bottom, self.width, self.height - area.bottom))
        surface.blit(self.scene(mission), area.topleft)
        # Under a clip (the spots popping in), what lies wholly outside it is not drawn.
        clip = surface.get_clip()
        whole = clip == surface.get_rect()
        if whole or clip.y < area.y:
            draw_title(self, surface, words.text(mission.title), right=self.hud.left_edge)
            self.hud.draw(surface)
        if whole or clip.bottom > self.strip().y:
            self.draw_rewards(surface, mission)
        if whole or clip.colliderect(self.lumi_reach()):
            self.draw_lumi(surface)
        if whole:
            self.draw_widgets(surface)
            return
        pressed = self.app.input.pressed_widget()
        px = self.px
        for widget in self.widgets:
            if isinstance(widget, PuzzleSpot):
                reach = widget.reach(px)
            elif type(widget) is Button:
                reach = widget.rect.inflate(2 * px(PLAIN_REACH), 2 * px(PLAIN_REACH))
            else:
                reach = clip
            if not clip.colliderect(reach):
                continue
            widget.draw(surface, self.app, focused=widget.name == self.focus and self.app.show_focus,
                        pressed=widget is pressed)

    def lumi_reach(self) -> pygame.Rect:
        """Where Lumi and her bubble are drawn: her corner and the bubble beside it, with room
        for her lamp's glow (which reaches about the top of her corner)."""
        bubble = self.bubble()
        corner = pygame.Rect(0, self.height - self.px(LUMI + 60), self.px(LUMI_CORNER), self.px(LUMI + 60))
        return corner.union(bubble).inflate(self.px(LUMI) // 2, self.px(LUMI) // 2)

    def moving(self) -> list[pygame.Rect] | None:
        """The only areas that change from one frame to the next: around the medallions of the
        spots popping in, none while the scene's picture is still on its way (the fog shown for
        it stays as it is); None when the picture has come, and the whole map changes."""
        mission = self.app.mission
        if self._arriving and mission is not None:
            self.scene(mission)
            if not self._arriving:
                return None
        if self.app.settings.reduced_motion:
            return []
        now = self.app.time
        return [widget.popping_area(self.px) for widget in self.widgets
                if isinstance(widget, PuzzleSpot) and widget.pop_at is not None and now - widget.pop_at < POP_IN]

    def draw_lumi(self, surface: pygame.Surface) -> None:
        """Lumi in her corner, with a word that suits the moment."""
        app = self.app
        p = app.palette
        _ = self._
        mood = self.mood()
        head = lumi(surface, self.lumi_base(), self.px(LUMI), mood="happy" if mood == "cheer" else mood,
                    wave=1.0 if mood == "cheer" else 0.0,
                    high_contrast=app.settings.high_contrast)
        said = {
            "cheer": _("Bravo ! Le Brouillard recule."),
            "worried": _("Vite, le temps presse !"),
            "happy": _("Touchez une énigme qui brille !"),
        }[mood]
        if not self.chatty:
            return
        bubble = self.bubble()
        speech_bubble(surface, bubble, p.surface, p.outline, radius=self.px(26),
                      tail_to=(head.right + self.px(4), head.centery), width=self.px(3))
        app.type.block(surface, said, bubble.inflate(-self.px(36), -self.px(20)), size=app.metrics.text("small"),
                       color=p.ink, bold=True, align="center", valign="middle", max_lines=2, name="lumi-says")

    def draw_rewards(self, surface: pygame.Surface, mission: Mission) -> None:
        """The strip along the bottom: what the team has found, as the words of each finding (or a
        tip while there are none)."""
        app = self.app
        p = app.palette
        m = app.metrics
        words = app.words
        _ = self._
        strip = self.strip()
        panel(surface, strip, p.surface, radius=0, border=p.outline, border_width=self.px(3))
        rewards = {r.id: r for pz in mission.puzzles for r in pz.rewards}
        earned = [rewards[rid] for rid in app.state.rewards if rid in rewards]
        size = m.text("button")
        heading = _("Vos trouvailles")
        head_w = app.type.font(size, True).size(app.type.shape(heading))[0]
        head = pygame.Rect(strip.x + self.px(24), strip.y, head_w, strip.h)
        app.type.block(surface, heading, head, size=size, color=p.primary_dark, bold=True, valign="middle",
                       max_lines=1, name="rewards-title")
        x = head.right + self.px(24)
        room = pygame.Rect(x, strip.y + self.px(16), strip.right - x - self.px(24), strip.h - self.px(32))
        if not earned:
            tip = _("Chaque énigme résolue vous donne une trouvaille.") if rewards else \
                _("Résolvez les énigmes pour réussir la mission !")
            app.type.block(surface, tip, room, size=m.text("small"), color=p.ink_soft, valign="middle",
                           max_lines=1, name="map-tip")
            return
        chip_size = m.text("small")
        font = app.type.font(chip_size, True)
        pad = self.px(18)
        texts = [words.reward_label(r.id).strip() if words else r.value for r in earned]
        widths = [font.size(app.type.shape(t))[0] + 2 * pad for t in texts]
        # The latest findings first when they do not all fit; a count says how many are left out.
        shown = len(texts)
        more_w = font.size("+99")[0] + 2 * pad
        while shown and sum(widths[-shown:]) + self.px(12) * shown + (more_w if shown < len(texts) else 0) > room.w:
            shown -= 1
        x = room.x
        if shown < len(texts):
            chip = pygame.Rect(x, room.y, more_w, room.h)
            panel(surface, chip, p.surface_alt, radius=room.h // 2, border=p.outline, border_width=self.px(2))
            app.type.block(surface, f"+{len(texts) - shown}", chip, size=chip_size, color=p.ink, bold=True,
                           align="center", valign="middle", max_lines=1, name="rewards-more", kind="label")
            x = chip.right + self.px(12)
        for reward, text, width in list(zip(earned, texts, widths, strict=True))[len(texts) - shown:]:
            chip = pygame.Rect(x, room.y, min(width, room.right - x), room.h)
            panel(surface, chip, p.gold, radius=room.h // 2, border=p.accent_dark, border_width=self.px(2))
            app.type.block(surface, text, chip.inflate(-2 * pad, 0), size=chip_size, color=p.on_accent, bold=True,
                           align="center", valign="middle", max_lines=1, name=f"reward:{reward.id}", kind="label")
            x = chip.right + self.px(12)

    def on_back(self) -> None:
        self.app.command(Pause())


def _fallback_look(app: Host) -> SpotLook:
    m = app.metrics
    label = m.floor("label")
    line = app.type.font(label).get_linesize()
    return SpotLook(m.touch, m.px(PLATE), m.px(PLATE_PAD), m.px(PLATE_GAP), label, 2 * line, label, line)


def adversary_spoke(mission: Mission, state: SessionState) -> bool:
    """True when the adversary's last words came after the team's last solve: its fog stands
    until the next one. When each event was told follows from its trigger."""
    solved = [(g.solved_at, pid) for pid, g in state.puzzles.items()
              if g.state is PuzzleState.SOLVED and g.solved_at is not None]
    count = len(solved)
    last = max(solved, default=(None, None))
    limit = state.time_limit + state.added
    for index in state.told:
        event = mission.events[index]
        if event.speaker != "adversary":
            continue
        if event.after_solved is not None and event.after_solved == count:
            return True
        if event.on_solved is not None and event.on_solved == last[1]:
            return True
        if event.time_left is not None and (last[0] is None or limit - event.time_left >= last[0]):
            return True
    return False


class StatusLine(Display):
    """The footer's line that says what to do next on a puzzle: a tap that changes only it (a
    card picked up) repaints it alone."""

    contained = True

    def __init__(self, screen: PuzzleScreen, rect: pygame.Rect) -> None:
        super().__init__("status", rect)
        self.screen = screen

    def draw(self, surface: pygame.Surface, app: Canvas, *, focused: bool, pressed: bool) -> None:
        status = self.screen.view.status()
        if status:
            app.type.block(surface, status, self.rect, size=app.metrics.text("body"), color=app.palette.ink_soft,
                           valign="middle", name="status")

    def appearance(self, app: Canvas) -> Hashable | None:
        return (type(self).__name__, tuple(self.rect), self.screen.view.status())


class PuzzleScreen(Screen):
    """One puzzle: its prompt, its answer widget, the HUD and the « Valider » button."""

    name = "puzzle"

    def __init__(self, app: Host, puzzle: Puzzle) -> None:
        super().__init__(app)
        self.puzzle = puzzle
        # The view shows what the team types in its language (a cipher codes the team's word).
        self.view: PuzzleView = view_for(self, app.session.played(puzzle.id))
        self.name = f"puzzle:{puzzle.id}"

    def layout(self) -> None:
        app = self.app
        _ = self._
        self.hud = Hud(self, puzzle_id=self.puzzle.id, on_hint=self.open_hints)
        widgets: list[Widget] = self.hud.widgets()
        label = _("Carte")
        back = Button("back", pygame.Rect(self.px(CORNER), self.px(14), bar_button_width(self, label, self.px(220),
                                                                                       self.px(380)), self.px(104)),
                      label, icon="back", kind="quiet", on_tap=lambda: app.pop(self))
        widgets.append(back)
        self.title_left = back.rect.right + self.px(24)
        W, H = self.width, self.height
        # Right of the corner's column: the speaker button lies left of the prompt.
        self.prompt = pygame.Rect(self.px(CORNER), self.px(TOP_BAR + 4), W - self.px(CORNER + 60), self.px(PROMPT))
        self.prompt.h += self._prompt_growth()
        area = pygame.Rect(self.px(60), self.prompt.bottom + self.px(16), W - self.px(120),
                           H - self.prompt.bottom - self.px(16) - self.px(160))
        self.picture: pygame.Surface | None = None
        if self.puzzle.image and self.puzzle.type != "hotspots" and self.view.side_picture:
            directory = app.mission_dir()
            side = pygame.Rect(area.x, area.y, area.w * 2 // 5, area.h)
            if directory is not None:
                words = app.words
                self.picture = app.assets.image(directory / self.puzzle.image, side.size,
                                                pictures_of(words, app.type.family))
            if self.picture is not None:
                self.picture_rect = self.picture.get_rect(center=side.center)
                area = pygame.Rect(side.right + self.px(40), area.y, area.right - side.right - self.px(40), area.h)
        widgets += self.view.layout(area)
        self.footer = pygame.Rect(self.px(60), H - self.px(150), W - self.px(120), self.px(130))
        ready = self.view.answer() is not None
        submit = Button("submit", pygame.Rect(self.footer.right - self.px(440), self.footer.y, self.px(440),
                                              self.px(130)),
                        _("Valider"), icon="check", kind="accent", enabled=ready, on_tap=self.submit,
                        text_role="subtitle")
        widgets.append(submit)
        # Under every other widget, as it was drawn before them.
        widgets.insert(0, StatusLine(self, pygame.Rect(self.footer.x, self.footer.y, self.footer.w - self.px(480),
                                                       self.footer.h)))
        self.widgets = widgets

    def _prompt_size(self) -> int:
        return self.app.metrics.text("body") + self.px(4)

    def _prompt_box(self) -> pygame.Rect:
        """Where the prompt's text goes in its box, right of the question mark."""
        return self.prompt.inflate(-self.px(150), -self.px(20)).move(self.px(50), 0)

    def _prompt_growth(self) -> int:
        """How much taller than usual the prompt's box must be for its text to fit at the
        smallest size allowed (with wide spacing, a long prompt needs more lines): 0 when it fits.
        The answer's area gives up that height."""
        words = self.app.words
        if words is None:
            return 0
        type_ = self.app.type
        box = self._prompt_box()
        smallest = type_.smallest(type_.floored(self._prompt_size()))
        needed = type_.measure(words.text(self.puzzle.prompt, puzzle_id=self.puzzle.id), smallest, box.w)[2]
        return max(0, needed - box.h)

    def stale(self) -> bool:
        """Solved by the facilitator, or no longer playable: the map comes back."""
        progress = self.app.state.puzzles.get(self.puzzle.id)
        return progress is None or progress.state is not PuzzleState.AVAILABLE

    def submit(self) -> None:
        answer = self.view.answer()
        if answer is None:
            return
        app = self.app
        before = set(app.state.rewards)
        reply = app.command(Submit(self.puzzle.id, answer), hold=True)
        if reply.verdict is None:
            app.sync()
            return
        app.play("right" if reply.verdict.correct else "wrong")
        earned = [r for r in app.state.rewards if r not in before]
        if earned:
            app.play("reward")
        if not reply.verdict.correct:
            self.view.after_wrong()
            self.refresh()
        app.push(FeedbackPanel(app, self.puzzle, reply.verdict, earned, on_dismiss=self.after_feedback,
                               score=self.view.score_words))

    def after_feedback(self, correct: bool) -> None:
        """A right answer closes the puzzle: the map (or the ending) comes back."""
        if correct:
            self.app.pop(self)

    def open_hints(self) -> None:
        self.app.push(HintPanel(self.app, self.puzzle))

    def animating(self) -> bool:
        return self.view.animating()

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        words = app.words
        self.draw_background(surface)
        if words is None:
            return
        draw_title(self, surface, words.text(self.puzzle.title, puzzle_id=self.puzzle.id), left=self.title_left,
                   right=self.hud.left_edge)
        self.hud.draw(surface)
        if not out_of_clip(surface, self.prompt):
            panel(surface, self.prompt, p.surface, radius=self.px(26), border=p.outline, border_width=self.px(3))
            icon = app.assets.icon("question", self.px(64), p.primary)
            surface.blit(icon, icon.get_rect(midleft=(self.prompt.x + self.px(24), self.prompt.centery)))
            app.type.block(surface, words.text(self.puzzle.prompt, puzzle_id=self.puzzle.id), self._prompt_box(),
                           size=self._prompt_size(), color=p.ink, valign="middle", name="prompt")
        if self.picture is not None:
            frame = self.picture_rect.inflate(self.px(16), self.px(16))
            panel(surface, frame, p.surface, radius=self.px(16), shadow=p.shadow, depth=self.px(8))
            surface.blit(self.picture, self.picture_rect)
        self.view.draw(surface)
        self.draw_widgets(surface)
        self.view.draw_over(surface)

    def backdrop(self) -> Hashable | None:
        view = self.view.backdrop()
        if view is None:
            return None
        picture = (id(self.picture), tuple(self.picture_rect)) if self.picture is not None else None
        # The HUD's pills are not: `Frame` reads them apart (see `Hud.pills`).
        return (self.puzzle.id, id(self.app.words), self.title_left, self.hud.left_edge, tuple(self.hud.progress),
                tuple(self.prompt), picture, tuple(self.footer), view)

    def on_text(self, text: str) -> None:
        self.view.on_text(text)

    def on_key(self, event: pygame.event.Event) -> bool:
        return self.view.on_key(event)

    def on_drag(self, widget: Widget, pos: tuple[int, int]) -> None:
        self.view.on_drag(widget, pos)

    def on_drop(self, widget: Widget, pos: tuple[int, int]) -> None:
        self.view.on_drop(widget, pos)

    def on_back(self) -> None:
        self.app.pop(self)


T = TypeVar("T")


class PopUp(ModalScreen[T], ABC):
    """A card over the screen below, which rises into place when it opens.

    While it rises the frame moves a copy of the card drawn once (see `Frame.draw_rise`): the
    card is drawn by `paint` alone, at any height, and says where it is opaque."""

    @abstractmethod
    def card(self) -> pygame.Rect:
        """Where the card rests once it has risen."""

    @abstractmethod
    def paint(self, surface: pygame.Surface, card: pygame.Rect) -> None:
        """The card at `card` (its panel, what it says, its buttons), its buttons already there."""

    def animating(self) -> bool:
        return not self.app.settings.reduced_motion and self.app.time - self.opened_at < POP_SECONDS

    def lift(self) -> int:
        """How far below its resting place the card is now: a little low while it rises, in
        place at once when still (reduced motion)."""
        if self.app.settings.reduced_motion:
            return 0
        return round((1 - ease_out((self.app.time - self.opened_at) / POP_SECONDS)) * self.px(RISE))

    def reach(self) -> pygame.Rect:
        """All the card draws while resting, its shadow and some room around."""
        card = self.card()
        room = self.px(REACH)
        return card.union(card.move(0, self.px(CARD_DEPTH))).inflate(2 * room, 2 * room)

    def opaque(self, lift: int) -> pygame.Rect:
        """Where the card `lift` pixels low covers every pixel: between its rounded corners."""
        card = self.card().move(0, lift)
        corner = self.px(CARD_RADIUS)
        return pygame.Rect(card.x, card.y + corner, card.w, max(0, card.h - 2 * corner))

    def place(self, lift: int) -> pygame.Rect:
        """The card `lift` pixels below its resting place; the row of buttons at its foot goes
        with it."""
        card = self.card().move(0, lift)
        for widget in self.widgets:
            widget.rect.y = card.bottom - self.px(BUTTON_ROW)
        return card

    def face(self, surface: pygame.Surface, lift: int) -> None:
        """The card alone, `lift` pixels below its resting place."""
        self.paint(surface, self.place(lift))

    def draw(self, surface: pygame.Surface) -> None:
        """Veil the screen below, then the card where it is now."""
        lift = self.lift()
        self.veil(surface, lift)
        self.face(surface, lift)

    def veil(self, surface: pygame.Surface, lift: int) -> None:
        """Veil the screen below around the card `lift` pixels low. The veil (two passes over
        every pixel, the costliest part of the frame that opens the card) is laid only around
        the rows the card covers whole."""
        card = self.opaque(lift)
        screen = surface.get_rect()
        for around in (pygame.Rect(0, 0, screen.w, card.y), pygame.Rect(0, card.bottom, screen.w, screen.h - card.bottom),
                       pygame.Rect(0, card.y, card.x, card.h), pygame.Rect(card.right, card.y, screen.w - card.right,
                                                                           card.h)):
            around = around.clip(surface.get_clip())
            if around.w and around.h:
                self.dim(surface.subsurface(around))

    def card_look(self) -> Hashable | None:
        """Everything the card's pixels depend on, or None when it cannot say (see
        `Frame.keep_card`): a pop-up that can tell says it in `card_content`."""
        content = self.card_content()
        if content is None:
            return None
        app = self.app
        looks = []
        for widget in self.widgets:
            look = widget.appearance(app)
            if look is None:
                return None
            looks.append((look, widget.name == self.focus and app.show_focus))
        return (type(self).__qualname__, content, tuple(self.card()), tuple(looks), app.size, app.palette,
                app.settings, app.language, id(app.words))

    def card_content(self) -> Hashable | None:
        """What the card says and shows besides its buttons, or None when it cannot say."""
        return None

    def panel(self, surface: pygame.Surface, card: pygame.Rect, *, edge: Color, shadow: Color) -> None:
        card_panel(surface, self.app, card, edge=edge, shadow=shadow, radius=CARD_RADIUS, depth=CARD_DEPTH)


@dataclass(frozen=True)
class Said:
    """One block of the feedback: its text, the icon before it (none for the explanation), its
    look, and the height it takes at its full size."""

    text: str
    icon: str
    role: str
    bold: bool
    soft: bool
    name: str
    height: int


class FeedbackPanel(PopUp[bool]):
    """Right or wrong: the core's explanation, what was earned, and a way on. A wrong answer
    lists what it got wrong; a right one offers « Pourquoi ? », a card per item to browse.

    Nothing is shrunk to fit: the card grows with what it says, and what the screen cannot hold
    goes on pages turned with big arrows (the explanation always on the first)."""

    holds_sync = True

    def __init__(self, app: Host, puzzle: Puzzle, verdict: Verdict, earned: list[str], *,
                 on_dismiss: Callable[[bool], object] | None = None,
                 score: Callable[[int, int], str | None] | None = None) -> None:
        super().__init__(app, on_dismiss=on_dismiss)
        self.puzzle = puzzle
        self.verdict = verdict
        # The puzzle view's own words for a wrong answer's score, if it has some.
        self.kind_score = score
        self.earned = earned
        self.name = "feedback"
        self.why = WhyCards(app, puzzle, verdict.details if verdict.correct else ())
        self.showing_why = False
        self.page = 0
        self.counter = pygame.Rect(0, 0, 0, 0)

    def card(self) -> pygame.Rect:
        """The card, as tall as what it says (and no taller than the screen allows); the
        « Pourquoi ? » cards take all the height they may."""
        width = self.px(1400)
        tallest = self.height - self.px(160 if self.showing_why else 200)
        if self.showing_why:
            height = tallest
        else:
            content = self._content_height(self._said(width - self.px(120)))
            height = max(self.px(520), min(tallest, self.px(HEADER + FOOTER) + content))
        rect = pygame.Rect(0, 0, width, height)
        rect.center = (self.width // 2, self.height // 2)
        return rect

    def _content_height(self, said: list[Said]) -> int:
        return sum(block.height for block in said) + self.px(BLOCK_GAP) * max(0, len(said) - 1)

    def _said(self, width: int) -> list[Said]:
        """What the card says, block after block: the explanation, the score of a wrong answer,
        each item it got wrong, each code piece earned."""
        words = self.app.words
        if words is None:
            return []
        puzzle_id = self.puzzle.id
        blocks = [("", words.text(self.verdict.message, puzzle_id=puzzle_id), "subtitle", False, False,
                   "feedback-message")]
        score = self._score()
        if score:
            blocks.append(("", score, "subtitle", True, True, "feedback-score"))
        wrong = () if self.verdict.correct else self.verdict.details
        blocks += [("dot", words.text(d.why, puzzle_id=puzzle_id), "body", False, False, "feedback-detail")
                   for d in wrong]
        blocks += [("key", line, "body", False, False, "feedback-reward") for line in self._reward_lines()]
        m = self.app.metrics
        said = []
        for icon, text, role, bold, soft, name in blocks:
            if not text:
                continue
            text_w = width - (self.px(ICON_ROOM) if icon else 0)
            height = self.app.type.measure(text, m.text(role), text_w, bold)[2]
            said.append(Said(text, icon, role, bold, soft, name,
                             max(self.px(40), height) if icon else height))
        return said

    def _score(self) -> str:
        """How much of a wrong answer was right (a single choice has no score)."""
        score_right, score_total = self.verdict.score
        picks = self.verdict.picks
        if self.verdict.correct or not (score_total > 1 or picks):
            return ""
        # Where the team taps elements, only its picks count: zones rightly left alone are no score.
        if picks:
            return picks_score(self, picks)
        said = self.kind_score(score_right, score_total) if self.kind_score else None
        if said:
            return said
        return self.ngettext("{right} bonne réponse sur {total}", "{right} bonnes réponses sur {total}",
                             score_right).format(right=score_right, total=score_total)

    def pages(self, card: pygame.Rect) -> list[list[Said]]:
        """The blocks, page by page: as many as the card holds at their full size on each; a
        block taller than a whole page is split between its lines."""
        width = card.w - self.px(120)
        room = card.h - self.px(HEADER + FOOTER)
        pages: list[list[Said]] = [[]]
        used = 0
        for block in self._said(width):
            for piece in self._pieces(block, width, room):
                gap = self.px(BLOCK_GAP) if pages[-1] else 0
                if pages[-1] and used + gap + piece.height > room:
                    pages.append([])
                    used = gap = 0
                pages[-1].append(piece)
                used += gap + piece.height
        return pages

    def _pieces(self, block: Said, width: int, room: int) -> list[Said]:
        if block.height <= room:
            return [block]
        app = self.app
        size = app.metrics.text(block.role)
        text_w = width - (self.px(ICON_ROOM) if block.icon else 0)
        lines = app.type.measure(block.text, size, text_w, block.bold)[0]
        line_h = app.type.font(size, block.bold).get_linesize()
        each = max(1, room // line_h)
        pieces = []
        for first in range(0, len(lines), each):
            text = " ".join(lines[first:first + each])
            pieces.append(replace(block, text=text, height=app.type.measure(text, size, text_w, block.bold)[2]))
        return pieces

    def layout(self) -> None:
        card = self.card()
        _ = self._
        if self.showing_why:
            self.widgets = self.why.widgets(card, self.close, self.turn)
            self.focus = "why-next" if self.why.more() else "continue"
            return
        y = card.bottom - self.px(BUTTON_ROW)
        h = self.px(130)
        gap = self.px(20)
        count = len(self.pages(card))
        self.page = min(self.page, count - 1)
        # The row holds « Pourquoi ? », the page arrows and « Continuer » side by side: the two
        # buttons give up some width when they would otherwise run over the arrows (large,
        # widely spaced text makes more pages, on a card no wider).
        shown = 2 if len(self.why) else 1
        spare = card.w - self.px(120) - (2 * h + self.px(COUNTER) + gap if count > 1 else 0) - gap * (shown - 1)
        button_w = min(self.px(460), spare // shown)
        label = _("Continuer") if self.verdict.correct else _("Réessayer")
        widgets: list[Widget] = [Button("continue", pygame.Rect(card.right - self.px(60) - button_w, y, button_w, h),
                                        label, icon="next", kind="accent", on_tap=self.close,
                                        text_role="subtitle")]
        x = card.x + self.px(60)
        if len(self.why):
            widgets.insert(0, Button("why", pygame.Rect(x, y, button_w, h), _("Pourquoi ?"), icon="question",
                                     kind="plain", on_tap=self.show_why, text_role="subtitle"))
            x += button_w + gap
        if count > 1:
            # Square arrows around the page counter, as big as the buttons beside them.
            self.counter = pygame.Rect(x + h, y, self.px(COUNTER), h)
            widgets[-1:-1] = [
                Button("feedback-previous", pygame.Rect(x, y, h, h), icon="back", kind="plain",
                       enabled=self.page > 0, on_tap=lambda: self.turn_page(-1)),
                Button("feedback-next", pygame.Rect(self.counter.right, y, h, h), icon="next", kind="primary",
                       enabled=self.page < count - 1, on_tap=lambda: self.turn_page(1)),
            ]
        self.widgets = widgets
        self.focus = "feedback-next" if self.page < count - 1 else "continue"

    def card_content(self) -> Hashable | None:
        # What it says at its width, the page on show; the « Pourquoi ? » cards are not told.
        if self.showing_why:
            return None
        return (self.verdict.correct, tuple(self._said(self.card().w - self.px(120))), self.page)

    def turn_page(self, step: int) -> None:
        self.page = max(0, self.page + step)
        self.refresh()
        self.app.dirty = True

    def show_why(self) -> None:
        """Open the cards that explain each item, from the first (when there are some)."""
        self.showing_why = len(self.why) > 0
        self.why.page = self.why.sheet = 0
        self.refresh()
        self.app.dirty = True

    def turn(self, step: int) -> None:
        self.why.turn(step)
        self.refresh()
        self.app.dirty = True

    def close(self) -> None:
        """Closed with whether the answer was right (the puzzle screen then closes too)."""
        self.dismiss(self.verdict.correct)

    def paint(self, surface: pygame.Surface, card: pygame.Rect) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        _ = self._
        right = self.verdict.correct
        self.panel(surface, card, edge=p.good if right else p.accent, shadow=p.good if right else p.accent_dark)
        if self.showing_why:
            self.why.draw(surface, card)
            self.draw_widgets(surface)
            return
        badge = pygame.Rect(card.x + self.px(50), card.y + self.px(44), self.px(150), self.px(150))
        pygame.draw.ellipse(surface, p.good if right else p.accent, badge)
        icon = app.assets.icon("check" if right else "bulb", self.px(100), p.surface if right else p.on_accent)
        surface.blit(icon, icon.get_rect(center=badge.center))
        title = _("C'est juste !") if right else _("Pas tout à fait…")
        app.type.block(surface, title, pygame.Rect(badge.right + self.px(40), badge.y, card.right - badge.right
                       - self.px(90), badge.h), size=m.text("huge"), color=p.good if right else p.accent_dark,
                       bold=True, valign="middle", max_lines=1, name="feedback-title")
        pages = self.pages(card)
        x = card.x + self.px(60)
        width = card.w - self.px(120)
        y = card.y + self.px(HEADER)
        for block in pages[min(self.page, len(pages) - 1)]:
            left = x
            if block.icon:
                image = app.assets.icon(block.icon, self.px(40), p.primary)
                surface.blit(image, (x, y + self.px(4)))
                left += self.px(ICON_ROOM)
            app.type.block(surface, block.text, pygame.Rect(left, y, x + width - left, block.height),
                           size=m.text(block.role), color=p.ink_soft if block.soft else p.ink, bold=block.bold,
                           name=block.name)
            y += block.height + self.px(BLOCK_GAP)
        if len(pages) > 1:
            shift = card.bottom - self.card().bottom
            app.type.block(surface, f"{self.page + 1} / {len(pages)}", self.counter.move(0, shift),
                           size=m.text("subtitle"), color=p.ink_soft, bold=True, align="center",
                           valign="middle", max_lines=1, name="feedback-page")
        self.draw_widgets(surface)

    def _reward_lines(self) -> list[str]:
        mission = self.app.mission
        words = self.app.words
        if mission is None or words is None:
            return []
        rewards = {r.id: r for pz in mission.puzzles for r in pz.rewards}
        lines = []
        for rid in self.earned:
            reward = rewards.get(rid)
            if reward is not None:
                lines.append(self._("Trouvaille gagnée : « {label} »").format(label=words.reward_label(rid)))
        return lines


class HintPanel(PopUp[None]):
    """The hint ladder, one step at a time, told by Lumi."""

    def __init__(self, app: Host, puzzle: Puzzle) -> None:
        super().__init__(app)
        self.puzzle = puzzle
        self.name = "hints"
        # Which page of hints is shown when they do not all fit (None: the latest one's).
        self.page: int | None = None

    def ladder(self) -> list[str]:
        words = self.app.words
        return words.texts(self.puzzle.hints, puzzle_id=self.puzzle.id) if words else []

    def shown(self) -> list[str]:
        progress = self.app.state.puzzles.get(self.puzzle.id)
        if progress is None:
            return []
        return [*self.ladder()[: progress.hints], *progress.pushed]

    def card(self) -> pygame.Rect:
        rect = pygame.Rect(0, 0, self.px(1500), self.height - self.px(220))
        rect.center = (self.width // 2, self.height // 2)
        return rect

    def layout(self) -> None:
        _ = self._
        app = self.app
        card = self.card()
        progress = app.state.puzzles.get(self.puzzle.id)
        more = progress is not None and progress.hints < len(self.ladder())
        y = card.bottom - self.px(BUTTON_ROW)
        widgets: list[Widget] = [Button("close", pygame.Rect(card.right - self.px(560), y, self.px(500), self.px(130)),
                                        _("Retour à l'énigme"), icon="back", kind="plain", on_tap=self.close)]
        if more:
            label = _("Voir un indice") if progress and progress.hints == 0 else _("Un autre indice")
            widgets.insert(0, Button("more", pygame.Rect(card.x + self.px(60), y, self.px(560), self.px(130)), label,
                                     icon="bulb", kind="accent", on_tap=self.more, text_role="subtitle"))
        pages = self.pages(self.inner(card))
        if len(pages) > 1:
            # Hints that do not all fit go on pages, the latest first shown; arrows turn them.
            page = self.current(pages)
            # Between « Un autre indice » and « Retour à l'énigme ».
            h = self.px(120)
            x = card.x + self.px(60 + 560 + 30)
            widgets += [
                Button("hint-previous", pygame.Rect(x, y, h, h), icon="back", kind="plain", enabled=page > 0,
                       on_tap=lambda: self.turn(-1)),
                Button("hint-next", pygame.Rect(x + h + self.px(16), y, h, h), icon="next", kind="plain",
                       enabled=page < len(pages) - 1, on_tap=lambda: self.turn(1)),
            ]
        self.widgets = widgets

    def bubble(self, card: pygame.Rect) -> pygame.Rect:
        """Lumi's bubble, right of Lumi, above the buttons."""
        return pygame.Rect(card.x + self.px(340), card.y + self.px(50), card.w - self.px(390), card.h - self.px(270))

    def inner(self, card: pygame.Rect) -> pygame.Rect:
        """Where the hints are written, inside Lumi's bubble."""
        return self.bubble(card).inflate(-self.px(60), -self.px(50))

    def pages(self, inner: pygame.Rect) -> list[list[tuple[int, str, int, int]]]:
        """The hints shown, page by page, as (rank, text, height, size): as many on a page as fit
        under the heading at their full size (the latest one larger, unless that larger size
        would not fit the page alone)."""
        app = self.app
        m = app.metrics
        shown = self.shown()
        room = inner.h - self.px(80)
        pages: list[list[tuple[int, str, int, int]]] = [[]]
        used = 0
        for i, hint in enumerate(shown):
            latest = i == len(shown) - 1
            size = m.text("subtitle" if latest else "body")
            height = self._height(hint, size, latest, inner.w - self.px(60))
            if latest and height > room:
                size = m.text("body")
                height = self._height(hint, size, latest, inner.w - self.px(60))
            gap = self.px(14) if pages[-1] else 0
            if pages[-1] and used + gap + height > room:
                pages.append([])
                used = gap = 0
            pages[-1].append((i, hint, height, size))
            used += gap + height
        return pages

    def _height(self, hint: str, size: int, bold: bool, width: int) -> int:
        """Whole lines (the last one's leading too), as the hints are stacked."""
        lines = self.app.type.measure(hint, size, width, bold)[0]
        return len(lines) * self.app.type.font(size, bold).get_linesize()

    def current(self, pages: list[list[tuple[int, str, int, int]]]) -> int:
        return len(pages) - 1 if self.page is None else max(0, min(self.page, len(pages) - 1))

    def turn(self, step: int) -> None:
        pages = self.pages(self.inner(self.card()))
        self.page = max(0, min(len(pages) - 1, self.current(pages) + step))
        self.refresh()
        self.app.dirty = True

    def stale(self) -> bool:
        progress = self.app.state.puzzles.get(self.puzzle.id)
        return progress is None or progress.state is not PuzzleState.AVAILABLE

    def more(self) -> None:
        reply = self.app.command(RequestHint(self.puzzle.id))
        if reply.ok:
            self.app.play("hint")
            # The new hint is the one to read.
            self.page = None

    def paint(self, surface: pygame.Surface, card: pygame.Rect) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        _ = self._
        self.panel(surface, card, edge=p.accent, shadow=p.accent_dark)
        head = lumi(surface, (card.x + self.px(170), card.bottom - self.px(200)), self.px(300), mood="thinking",
                    high_contrast=app.settings.high_contrast)
        speech_bubble(surface, self.bubble(card), p.surface_alt, p.outline, radius=self.px(30),
                      tail_to=(head.right + self.px(10), head.centery), width=self.px(3))
        inner = self.inner(card)
        shown = self.shown()
        total = len(self.ladder())
        progress = app.state.puzzles.get(self.puzzle.id)
        penalty = app.mission.hint_policy.penalty_seconds if app.mission else 0
        if not shown:
            text = _("Besoin d'un coup de pouce ? Je peux vous donner un indice.")
            if penalty:
                text += " " + self.ngettext("Chaque indice coûte {n} seconde.", "Chaque indice coûte {n} secondes.",
                                            penalty).format(n=penalty)
            app.type.block(surface, text, inner, size=m.text("subtitle"), color=p.ink, valign="middle",
                           name="hint-offer")
        else:
            heading = _("Indice {n} sur {total}").format(n=min(progress.hints if progress else 0, total) or 1,
                                                           total=max(total, 1))
            app.type.block(surface, heading, pygame.Rect(inner.x, inner.y, inner.w, self.px(64)),
                           size=m.text("subtitle"), color=p.accent_dark, bold=True, max_lines=1,
                           name="hint-heading")
            y = inner.y + self.px(80)
            pages = self.pages(inner)
            for i, hint, height, size in pages[self.current(pages)]:
                latest = i == len(shown) - 1
                image = app.assets.icon("bulb", self.px(44), p.accent_dark if latest else p.ink_soft)
                surface.blit(image, (inner.x, y + self.px(4)))
                app.type.block(surface, hint, pygame.Rect(inner.x + self.px(60), y, inner.w - self.px(60), height),
                               size=size, color=p.ink if latest else p.ink_soft, bold=latest, name="hint-step")
                y += height + self.px(14)
        self.draw_widgets(surface)
