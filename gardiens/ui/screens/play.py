"""During play: the mission map, a puzzle, the answer's feedback and the hint ladder."""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

import pygame

from gardiens.core.checkers import Verdict
from gardiens.core.commands import Pause, RequestHint, Submit
from gardiens.core.model import Mission, Puzzle
from gardiens.core.session import PuzzleState
from gardiens.ui.draw import focus_ring, lumi, panel, speech_bubble
from gardiens.ui.kit.modal import ModalScreen, card_panel
from gardiens.ui.kit.screen import CORNER, TOP_BAR, Screen, bar_button_width, draw_title
from gardiens.ui.puzzles import PuzzleView, view_for
from gardiens.ui.puzzles.picking import picks_score
from gardiens.ui.screens.hud import Hud
from gardiens.ui.screens.why import WhyCards
from gardiens.ui.theme import TOUCH, Color, Metrics
from gardiens.ui.widgets.base import Button, Canvas, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host

POP_SECONDS = 0.3
# How far above a pop-up card's foot its row of buttons sits (design pixels).
BUTTON_ROW = 170
# The feedback card, in design pixels: above its text (the badge and title), below it (the row of
# buttons), between two blocks of text, the room an item's icon takes, the page counter's width.
HEADER = 224
FOOTER = 200
BLOCK_GAP = 14
ICON_ROOM = 60
COUNTER = 170
# A map tile, in design pixels: its pressed depth, inner margin, space between its rows, state
# badge and mark (key or trophy); the space between tiles and the widest a tile grows.
TILE_DEPTH = 8
TILE_PAD = 16
TILE_GAP = 12
# The state word is set further from the title than the title from the header: a last line's
# descenders would otherwise seem to touch it.
STATUS_GAP = 20
BADGE = 70
MARK = 56
TILE_SPACING = 30
MAX_TILE_WIDTH = 430
# More columns would make tiles too narrow for a title read from a metre.
MAX_COLUMNS = 6
# The most lines a tile's title and state word take; a longer title asks for wider tiles.
TITLE_LINES = 3
# The sizes a tile's title may take, largest first: the smaller one lets a crowded map keep
# more tiles on a page.
TITLE_ROLES = ("subtitle", "button")
STATUS_LINES = 2

_TILE_LOOK = {
    PuzzleState.LOCKED: ("lock", "locked"),
    PuzzleState.AVAILABLE: ("play", "accent"),
    PuzzleState.SOLVED: ("check", "good"),
    PuzzleState.SKIPPED: ("skip", "quiet"),
}


def ease_out(t: float) -> float:
    t = max(0.0, min(1.0, t))
    return 1 - (1 - t) ** 3


@dataclass(frozen=True)
class TileRows:
    """The heights of a map tile's three rows, the same on every tile of the map: the header
    (state badge, key or trophy, number), the title (wrapped) and the state's word."""

    header: int
    title: int
    status: int
    # The theme role of the titles' size: smaller on a crowded map, never under the label floor.
    title_role: str = "subtitle"


class PuzzleTile(Button):
    """A puzzle on the map: its state is told by an icon and a word, as well as by colour; a key
    marks a puzzle that gives a piece of the code (and only those: not every puzzle does).

    Its number and icons share a header row, the title wraps below it and the state's word has
    a row of its own, so that none of them lies over another whatever the lengths."""

    def __init__(self, name: str, rect: pygame.Rect, title: str, state_label: str, state: PuzzleState,
                 number: int, goal: bool, on_tap: object, *, gives_piece: bool = False,
                 rows: TileRows | None = None) -> None:
        icon, kind = _TILE_LOOK[state]
        super().__init__(name, rect, title, icon=icon, kind=kind, on_tap=on_tap,  # type: ignore[arg-type]
                         enabled=state is PuzzleState.AVAILABLE)
        self.state_label = state_label
        self.state = state
        self.number = number
        self.goal = goal
        self.gives_piece = gives_piece
        self.rows = rows or TileRows(0, 0, 0)

    @staticmethod
    def height_for(rows: TileRows, m: Metrics) -> int:
        """The height of a tile whose rows are `rows` (its pressed depth included)."""
        # Summed as `parts` places them, each rounded on its own.
        return (m.px(TILE_DEPTH) + 2 * m.px(TILE_PAD) + m.px(TILE_GAP) + m.px(STATUS_GAP) + rows.header
                + rows.title + rows.status)

    @staticmethod
    def digits(app: Canvas, number: int) -> tuple[pygame.Rect, pygame.Rect]:
        """Where a tile's number is drawn from (the rendered line) and where its ink lies, both
        relative to the line's top left: the header holds the ink, not the font's empty room."""
        font = app.type.font(app.metrics.text("title"), True)
        text = app.type.shape(f"{number}")
        line = pygame.Rect((0, 0), font.size(text))
        glyphs = [g for g in font.metrics(text) if g is not None]
        ascent = font.get_ascent()
        top = ascent - max((g[3] for g in glyphs), default=ascent)
        bottom = ascent - min((g[2] for g in glyphs), default=0)
        return line, pygame.Rect(0, top, line.w, max(0, bottom - top))

    @staticmethod
    def header_height(app: Canvas, count: int) -> int:
        """The header row's height for numbers up to `count`: the badge's, or the digits' ink."""
        tallest = max(PuzzleTile.digits(app, number)[1].h for number in range(1, count + 1))
        return max(app.metrics.px(BADGE), tallest)

    @staticmethod
    def header_width(app: Canvas, number: int) -> int:
        """The narrowest a tile may be for its header row: badge, mark and number side by side."""
        m = app.metrics
        return 2 * m.px(TILE_PAD) + m.px(BADGE) + m.px(MARK) + 2 * m.px(TILE_GAP) + PuzzleTile.digits(app, number)[0].w

    def parts(self, app: Canvas, rect: pygame.Rect | None = None) -> dict[str, pygame.Rect]:
        """Where the tile's parts lie, for a tile drawn in `rect` (its own when not given): the
        state badge, the mark (key or trophy, if any), the number's ink and its line as drawn, the
        title and the state's word."""
        m = app.metrics
        rect = rect or pygame.Rect(self.rect.x, self.rect.y, self.rect.w, self.rect.h - m.px(TILE_DEPTH))
        pad, gap = m.px(TILE_PAD), m.px(TILE_GAP)
        inner = rect.inflate(-2 * pad, 0)
        header = pygame.Rect(inner.x, rect.y + pad, inner.w, self.rows.header)
        badge = pygame.Rect(0, 0, m.px(BADGE), m.px(BADGE))
        badge.midleft = header.midleft
        line, ink = self.digits(app, self.number)
        line.topright = (header.right, header.centery - ink.centery)
        number = ink.move(line.x, line.y)
        parts = {"badge": badge, "number": number, "line": line}
        if self.goal or self.gives_piece:
            mark = pygame.Rect(0, 0, m.px(MARK), m.px(MARK))
            mark.midright = (number.left - gap, header.centery)
            parts["mark"] = mark
        parts["title"] = pygame.Rect(inner.x, header.bottom + gap, inner.w, self.rows.title)
        parts["status"] = pygame.Rect(inner.x, parts["title"].bottom + m.px(STATUS_GAP), inner.w, self.rows.status)
        return parts

    def draw(self, surface: pygame.Surface, app: Canvas, *, focused: bool, pressed: bool) -> None:
        p = app.palette
        m = app.metrics
        fill, ink, border, shadow = self.colors(app)
        if self.state is not PuzzleState.AVAILABLE:
            fill, ink, border, shadow = {
                PuzzleState.LOCKED: (p.locked_soft, p.ink_soft, p.locked, p.locked),
                PuzzleState.SOLVED: (p.good_soft, p.ink, p.good, p.good),
                PuzzleState.SKIPPED: (p.surface_alt, p.ink_soft, p.outline, p.shadow),
            }[self.state]
        depth = m.px(TILE_DEPTH)
        rect = self.rect.copy()
        rect.h -= depth
        if pressed and self.enabled:
            rect.y += depth - m.px(2)
            depth = m.px(2)
        panel(surface, rect, fill, radius=m.px(30), shadow=shadow, depth=depth, border=border,
              border_width=m.px(5))
        parts = self.parts(app, rect)
        badge = parts["badge"]
        pygame.draw.ellipse(surface, border, badge)
        icon = app.assets.icon(self.icon or "play", m.px(44), p.surface if not app.settings.high_contrast else p.background)
        surface.blit(icon, icon.get_rect(center=badge.center))
        app.type.line(surface, f"{self.number}", parts["line"].topleft, size=m.text("title"), color=border,
                      bold=True)
        mark = parts.get("mark")
        if mark is not None:
            color = ink if self.state is PuzzleState.AVAILABLE and not self.goal else border
            picture = app.assets.icon("trophy" if self.goal else "key", mark.w, color)
            surface.blit(picture, picture.get_rect(center=mark.center))
        app.type.block(surface, self.label, parts["title"], size=m.text(self.rows.title_role), color=ink, bold=True,
                       valign="middle", max_lines=TITLE_LINES, name=self.name)
        app.type.block(surface, self.state_label, parts["status"], size=m.text("small"), color=ink,
                       max_lines=STATUS_LINES, name=f"{self.name}-state")
        if focused:
            focus_ring(surface, rect, p, m.px(30), m.px(6))


@dataclass(frozen=True)
class MapGrid:
    """How the map's tiles are laid out: columns, rows on a page, each tile's size and rows."""

    cols: int
    rows: int
    width: int
    tile: TileRows

    @property
    def per_page(self) -> int:
        return self.cols * self.rows


class MapScreen(Screen):
    """The mission map: puzzles as tiles, the code pieces earned, and Lumi's tip.

    Tiles keep their text at its size: they take as many columns and rows as fit, and a map too
    large for one screen is turned page by page (« 1 / 2 » and arrows in Lumi's place)."""

    name = "map"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        # The page on show; None until the first layout opens the page of the first puzzle to solve.
        self.page: int | None = None
        self.pages = 1

    def _area(self) -> pygame.Rect:
        """Where the tiles go: below the top bar, above the strip of code pieces."""
        top = self.px(TOP_BAR + 20)
        return pygame.Rect(self.px(60), top, self.width - self.px(120), self.strip().y - self.px(30) - top)

    def strip(self) -> pygame.Rect:
        """The strip of code pieces along the bottom, right of Lumi (or of the page turner)."""
        return pygame.Rect(self.px(330), self.height - self.px(200), self.width - self.px(390), self.px(170))

    def pager(self) -> pygame.Rect:
        """Lumi's place, left of the strip: the page turner when the map has pages."""
        strip = self.strip()
        return pygame.Rect(self.px(30), strip.y, strip.x - self.px(50), strip.h)

    def grid(self, titles: list[str], states: list[str]) -> MapGrid:
        """The grid that needs the fewest pages, each title whole in at most three lines: at the
        titles' usual size first, then at a smaller one (a label still); four columns first (the
        usual look), then more, then fewer."""
        app = self.app
        m = app.metrics
        area = self._area()
        n = max(1, len(titles))
        gap = self.px(TILE_SPACING)
        widest = max(PuzzleTile.header_width(app, number) for number in range(1, n + 1))
        header = PuzzleTile.header_height(app, n)
        best: MapGrid | None = None
        for role in TITLE_ROLES:
            for cols in sorted(range(1, min(n, MAX_COLUMNS) + 1), key=lambda c: (c < 4, abs(c - 4))):
                width = min(self.px(MAX_TILE_WIDTH), (area.w - gap * (cols - 1)) // cols)
                inner = width - 2 * self.px(TILE_PAD)
                if width < widest:
                    continue
                title = self._rows(titles, m.text(role), inner, TITLE_LINES, bold=True)
                status = self._rows(states, m.text("small"), inner, STATUS_LINES)
                if title is None or status is None:
                    continue
                tile = TileRows(header, title, status, role)
                rows = min(math.ceil(n / cols), (area.h + gap) // (PuzzleTile.height_for(tile, m) + gap))
                if rows < 1:
                    continue
                found = MapGrid(cols, rows, width, tile)
                if best is None or math.ceil(n / found.per_page) < math.ceil(n / best.per_page):
                    best = found
        if best is None:
            # Not even one tile fits whole: one large tile a page, its title cut and reported.
            width = min(self.px(MAX_TILE_WIDTH), area.w)
            room = max(0, area.h - PuzzleTile.height_for(TileRows(header, 0, 0), m))
            status_h = app.type.font(m.text("small")).get_linesize()
            best = MapGrid(1, 1, width, TileRows(header, max(0, room - status_h), status_h))
        return best

    def _rows(self, texts: list[str], size: int, width: int, most: int, *, bold: bool = False) -> int | None:
        """The height the tallest of `texts` takes wrapped at `width`; None when one needs more
        than `most` lines or has a word wider than `width`."""
        tallest = 0
        for text in texts:
            lines, wide, height = self.app.type.measure(text, size, width, bold)
            if len(lines) > most or wide > width:
                return None
            tallest = max(tallest, height)
        return tallest

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
        grid = self.grid(titles, list(labels.values()))
        self.pages = max(1, math.ceil(len(puzzles) / grid.per_page))
        if self.page is None:
            first = next((i for i, s in enumerate(states) if s is PuzzleState.AVAILABLE), 0)
            self.page = first // grid.per_page
        self.page = max(0, min(self.pages - 1, self.page))
        area = self._area()
        gap = self.px(TILE_SPACING)
        h = PuzzleTile.height_for(grid.tile, app.metrics)
        left = area.x + (area.w - (grid.width * grid.cols + gap * (grid.cols - 1))) // 2
        top = area.y + (area.h - (h * grid.rows + gap * (grid.rows - 1))) // 2
        shown = range(self.page * grid.per_page, min(len(puzzles), (self.page + 1) * grid.per_page))
        for place, i in enumerate(shown):
            puzzle = puzzles[i]
            rect = pygame.Rect(left + (place % grid.cols) * (grid.width + gap),
                               top + (place // grid.cols) * (h + gap), grid.width, h)
            widgets.append(PuzzleTile(f"tile:{puzzle.id}", rect, titles[i], labels[states[i]], states[i], i + 1,
                                      puzzle.id == mission.goal, lambda p=puzzle: self.open_puzzle(p),
                                      gives_piece=bool(puzzle.rewards), rows=grid.tile))
        if self.pages > 1:
            previous, following = self._turner()[:2]
            widgets += [
                Button("map-previous", previous, icon="back", enabled=self.page > 0,
                       on_tap=lambda: self.turn(-1)),
                Button("map-next", following, icon="next", enabled=self.page < self.pages - 1,
                       on_tap=lambda: self.turn(1)),
            ]
        self.widgets = widgets

    def _count(self) -> str:
        return f"{(self.page or 0) + 1} / {self.pages}"

    def _turner(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """The previous and next arrows and the « 1 / 2 » between them, in Lumi's place: side by
        side when the count fits between them, else the count above the arrows."""
        app = self.app
        box = self.pager()
        gap = self.px(12)
        count_w, count_h = app.type.font(app.metrics.text("button"), True).size(self._count())
        side = self.px(TOUCH)
        if 2 * side + count_w + 2 * gap <= box.w:
            previous = pygame.Rect(box.x, box.y, side, box.h)
            following = pygame.Rect(box.right - side, box.y, side, box.h)
            return previous, following, pygame.Rect(previous.right, box.y, following.x - previous.right, box.h)
        arrows = max(self.app.metrics.px(TOUCH * 2 // 3), box.h - count_h - gap)
        half = (box.w - gap) // 2
        count = pygame.Rect(box.x, box.y, box.w, box.h - arrows - gap)
        previous = pygame.Rect(box.x, box.bottom - arrows, half, arrows)
        following = pygame.Rect(box.right - half, box.bottom - arrows, half, arrows)
        return previous, following, count

    def turn(self, by: int) -> None:
        """Show the previous or the next page of tiles."""
        self.page = (self.page or 0) + by
        self.refresh()

    def open_puzzle(self, puzzle: Puzzle) -> None:
        self.app.push(PuzzleScreen(self.app, puzzle))

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_background(surface)
        mission = self.app.mission
        words = self.app.words
        if mission is None or words is None:
            return
        draw_title(self, surface, words.text(mission.title), right=self.hud.left_edge)
        self.hud.draw(surface)
        self.draw_rewards(surface, mission)
        if self.pages > 1:
            count = self._turner()[2]
            self.app.type.block(surface, self._count(), count, size=self.app.metrics.text("button"),
                                color=self.app.palette.ink, bold=True, align="center", valign="middle",
                                max_lines=1, name="map-page", kind="label")
        else:
            lumi(surface, (self.px(160), self.height - self.px(24)), self.px(230), mood="happy",
                 high_contrast=self.app.settings.high_contrast)
        self.draw_widgets(surface)

    def draw_rewards(self, surface: pygame.Surface, mission: Mission) -> None:
        """The strip of code pieces earned along the bottom, next to Lumi (or a tip while there are none)."""
        app = self.app
        p = app.palette
        m = app.metrics
        _ = self._
        strip = self.strip()
        panel(surface, strip, p.surface, radius=self.px(30), border=p.outline, border_width=self.px(3))
        earned = app.state.rewards
        rewards = {r.id: r for pz in mission.puzzles for r in pz.rewards}
        head = pygame.Rect(strip.x + self.px(30), strip.y + self.px(10), self.px(380), strip.h - self.px(20))
        app.type.block(surface, _("Pièces du code"), head, size=m.text("subtitle"), color=p.ink, bold=True,
                       valign="middle", name="rewards-title")
        x = head.right + self.px(20)
        if not rewards:
            tip = _("Résolvez les énigmes pour réussir la mission !")
        elif not earned:
            # Only the puzzles that give a piece say so (their key), not every puzzle.
            tip = _("Une énigme marquée d'une clé vous donne une pièce du code.")
            key = app.assets.icon("key", self.px(56), p.accent_dark)
            surface.blit(key, key.get_rect(midleft=(x, strip.centery)))
            x += self.px(72)
        else:
            tip = ""
        for rid in earned:
            reward = rewards.get(rid)
            if reward is None:
                continue
            card = pygame.Rect(x, strip.y + self.px(20), self.px(130), strip.h - self.px(40))
            if card.right > strip.right - self.px(20):
                break
            panel(surface, card, p.gold, radius=self.px(20), border=p.accent_dark, border_width=self.px(3))
            app.type.block(surface, reward.value, card.inflate(-self.px(10), -self.px(10)), size=m.text("huge"),
                           color=p.on_accent, bold=True, align="center", valign="middle", max_lines=1,
                           name=f"reward:{rid}")
            x = card.right + self.px(16)
        if tip:
            app.type.block(surface, tip, pygame.Rect(x, strip.y + self.px(10), strip.right - x - self.px(30),
                           strip.h - self.px(20)), size=m.text("body"), color=p.ink_soft, valign="middle",
                           name="map-tip")

    def on_back(self) -> None:
        self.app.command(Pause())


class PuzzleScreen(Screen):
    """One puzzle: its prompt, its answer widget, the HUD and the « Valider » button."""

    name = "puzzle"

    def __init__(self, app: Host, puzzle: Puzzle) -> None:
        super().__init__(app)
        self.puzzle = puzzle
        self.view: PuzzleView = view_for(self, puzzle)
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
        self.prompt = pygame.Rect(self.px(60), self.px(TOP_BAR + 4), W - self.px(120), self.px(136))
        area = pygame.Rect(self.px(60), self.prompt.bottom + self.px(16), W - self.px(120),
                           H - self.prompt.bottom - self.px(16) - self.px(160))
        self.picture: pygame.Surface | None = None
        if self.puzzle.image and self.puzzle.type != "hotspots" and self.view.side_picture:
            directory = app.mission_dir()
            side = pygame.Rect(area.x, area.y, area.w * 2 // 5, area.h)
            if directory is not None:
                self.picture = app.assets.image(directory / self.puzzle.image, side.size)
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
        self.widgets = widgets

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
        m = app.metrics
        words = app.words
        self.draw_background(surface)
        if words is None:
            return
        draw_title(self, surface, words.text(self.puzzle.title, puzzle_id=self.puzzle.id), left=self.title_left,
                   right=self.hud.left_edge)
        self.hud.draw(surface)
        panel(surface, self.prompt, p.surface, radius=self.px(26), border=p.outline, border_width=self.px(3))
        icon = app.assets.icon("question", self.px(64), p.primary)
        surface.blit(icon, icon.get_rect(midleft=(self.prompt.x + self.px(24), self.prompt.centery)))
        app.type.block(surface, words.text(self.puzzle.prompt, puzzle_id=self.puzzle.id),
                       self.prompt.inflate(-self.px(150), -self.px(20)).move(self.px(50), 0),
                       size=m.text("body") + self.px(4), color=p.ink, valign="middle", name="prompt")
        if self.picture is not None:
            frame = self.picture_rect.inflate(self.px(16), self.px(16))
            panel(surface, frame, p.surface, radius=self.px(16), shadow=p.shadow, depth=self.px(8))
            surface.blit(self.picture, self.picture_rect)
        self.view.draw(surface)
        status = self.view.status()
        if status:
            app.type.block(surface, status, pygame.Rect(self.footer.x, self.footer.y, self.footer.w - self.px(480),
                           self.footer.h), size=m.text("body"), color=p.ink_soft, valign="middle", name="status")
        self.draw_widgets(surface)
        self.view.draw_over(surface)

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
    """A card over the screen below, which rises into place when it opens."""

    @abstractmethod
    def card(self) -> pygame.Rect:
        """Where the card rests once it has risen."""

    def animating(self) -> bool:
        return self.app.time - self.opened_at < POP_SECONDS

    def rise(self, surface: pygame.Surface, *, edge: Color, shadow: Color) -> pygame.Rect:
        """Veil the screen below, draw the card where it is now, a little low while it rises, and
        return it; the row of buttons at its foot rises with it."""
        self.dim(surface)
        shift = round((1 - ease_out((self.app.time - self.opened_at) / POP_SECONDS)) * self.px(90))
        card = self.card().move(0, shift)
        for widget in self.widgets:
            widget.rect.y = card.bottom - self.px(BUTTON_ROW)
        card_panel(surface, self.app, card, edge=edge, shadow=shadow)
        return card


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
        label = _("Continuer") if self.verdict.correct else _("Réessayer")
        widgets: list[Widget] = [Button("continue", pygame.Rect(card.right - self.px(520), y, self.px(460), h),
                                        label, icon="next", kind="accent", on_tap=self.close,
                                        text_role="subtitle")]
        x = card.x + self.px(60)
        if len(self.why):
            widgets.insert(0, Button("why", pygame.Rect(x, y, self.px(460), h), _("Pourquoi ?"), icon="question",
                                     kind="plain", on_tap=self.show_why, text_role="subtitle"))
            x += self.px(480)
        count = len(self.pages(card))
        self.page = min(self.page, count - 1)
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

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        _ = self._
        right = self.verdict.correct
        card = self.rise(surface, edge=p.good if right else p.accent, shadow=p.good if right else p.accent_dark)
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
                lines.append(self._("Pièce du code gagnée : {value} — {label}").format(
                    value=reward.value, label=words.reward_label(rid)))
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

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        _ = self._
        card = self.rise(surface, edge=p.accent, shadow=p.accent_dark)
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
