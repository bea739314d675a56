"""Pause, the end of a mission (victory or time up) and the debrief the team reads together."""

from __future__ import annotations

import math
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Literal, NamedTuple

import pygame

from gardiens.core.commands import Reset, Resume, TimerMode
from gardiens.core.debrief import Badge, badge_of, help_for, lanes_of
from gardiens.core.model import HelpKind, pick
from gardiens.core.session import DONE, DebriefData, Outcome, PuzzleState
from gardiens.i18n.format import format_countdown, format_duration
from gardiens.ui.draw import badge, beam, confetti, lumi, lumi_arm, lumi_lamp, panel, speech_bubble
from gardiens.ui.kit.modal import ModalScreen
from gardiens.ui.kit.screen import CORNER, TOP_BAR, Screen, draw_title
from gardiens.ui.screens.attract import night_scene
from gardiens.ui.screens.play import MapScreen
from gardiens.ui.text import TEXT_FLOORS, TextFit
from gardiens.ui.theme import DESIGN_SIZE, TOUCH
from gardiens.ui.widgets.base import Button, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host

CELEBRATION_SECONDS = 5.0
# The colour keyed out around the ending's speech bubble (checked absent from the bubble).
OUTSIDE_KEY = (1, 254, 3)
# The ending's speech bubble, in design pixels: its top and bottom margins together, the room its
# title takes above the text, and the least gap kept to the screen's top and to the button below.
BUBBLE_MARGIN = 70
BUBBLE_TITLE = 140
BUBBLE_GAP = 30


class PauseScreen(Screen):
    """The countdown is stopped; one big button resumes."""

    name = "pause"

    def layout(self) -> None:
        w = self.px(640)
        self.one_way_on("resume", pygame.Rect(self.width // 2 - w // 2, self.height - self.px(300), w, self.px(150)),
                        self._("Reprendre"), "play", lambda: self.app.command(Resume()))

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        m = app.metrics
        surface.blit(night_scene(self), (0, 0))
        lumi(surface, (self.width // 2, self.px(640)), self.px(360), mood="thinking", glow=0.3,
             high_contrast=app.settings.high_contrast)
        app.type.block(surface, self._("Pause"), pygame.Rect(0, self.px(TOP_BAR), self.width, self.px(130)),
                       size=m.text("huge"), color=(255, 246, 226), bold=True, align="center", name="pause-title")
        if app.state.timer.counts_down:
            said = self._("Le temps est arrêté. Il reste {time}.").format(
                time=format_countdown(app.session.remaining()))
        else:
            said = self._("Le temps est arrêté.")
        app.type.block(surface, said,
                       pygame.Rect(self.px(200), self.px(660), self.width - self.px(400), self.px(100)),
                       size=m.text("subtitle"), color=(255, 224, 170), align="center", name="pause-text")
        self.draw_widgets(surface)

    def on_back(self) -> None:
        self.app.command(Resume())


class _Ending(Screen):
    """Shared by the victory and time-up screens: Lumi speaks, then the debrief follows."""

    mood = "happy"

    def layout(self) -> None:
        w = self.px(620)
        self.one_way_on("debrief", pygame.Rect(self.width - self.px(90) - w, self.height - self.px(200), w,
                                               self.px(150)), self._("Voir le bilan"), "next", self.to_debrief)

    def to_debrief(self) -> None:
        self.app.show_debrief()

    def on_back(self) -> None:
        self.to_debrief()

    def speech(self) -> tuple[str, str]:
        return "", ""

    def draw_scene(self, surface: pygame.Surface) -> pygame.Rect:
        """The backdrop and Lumi; returns her lamp, where the bubble's tail points."""
        surface.blit(self.backdrop(), (0, 0))
        return lumi(surface, (self.px(380), self.height - self.px(200)), self.px(520), mood=self.mood,
                    high_contrast=self.app.settings.high_contrast)

    def backdrop(self) -> pygame.Surface:
        """The mission's scene behind Lumi (the night sky when there is no mission)."""
        return night_scene(self)

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        head = self.draw_scene(surface)
        title, text = self.speech()
        bubble = self._bubble_rect(text)
        tail_to = (head.right + self.px(20), head.centery)
        # The bubble and its words are the same on every frame of the animation: drawn once in
        # a layer of the display's format (the letters blend exactly as on the screen), its
        # outside keyed out; the texts' report is given again at each frame.
        # Kept by the frame, not the screen: the ending prepared ahead hands it to the one shown.
        key = (self.name, title, text, tuple(bubble), tail_to, p, m.text("title"), m.text("subtitle"),
               app.settings, app.type.family)
        layer, at, fits = app.frame.latest("ending-bubble", key,
                                           lambda: self._bubble_layer(surface, bubble, tail_to, title, text))
        surface.blit(layer, at)
        app.type.report.extend(fits)
        self.draw_widgets(surface)

    def _bubble_rect(self, text: str) -> pygame.Rect:
        """Where the speech bubble goes: taller than usual when its text would not fit at the
        smallest size allowed (with wide spacing, a long victory text needs more lines), down
        to just above the button, then up towards the top of the screen."""
        bubble = pygame.Rect(self.px(720), self.px(170), self.width - self.px(810), self.px(560))
        type_ = self.app.type
        room = bubble.h - self.px(BUBBLE_MARGIN + BUBBLE_TITLE)
        smallest = type_.smallest(type_.floored(self.app.metrics.text("subtitle")))
        needed = type_.measure(text, smallest, bubble.w - self.px(90))[2]
        if needed <= room:
            return bubble
        bubble.h += needed - room
        lowest = self.height - self.px(200 + BUBBLE_GAP)
        if bubble.bottom > lowest:
            bubble.y = max(self.px(BUBBLE_GAP), lowest - bubble.h)
        return bubble

    def _bubble_layer(self, surface: pygame.Surface, bubble: pygame.Rect, tail_to: tuple[int, int], title: str,
                      text: str) -> tuple[pygame.Surface, tuple[int, int], list[TextFit]]:
        app = self.app
        p = app.palette
        m = app.metrics
        area = bubble.union(pygame.Rect(tail_to, (1, 1))).inflate(2, 2).clip(surface.get_rect())
        layer = pygame.Surface(area.size, 0, surface)
        bubble = bubble.move(-area.x, -area.y)
        tail_to = (tail_to[0] - area.x, tail_to[1] - area.y)
        # Where the bubble lies in the layer, to key out the rest.
        speech_bubble(layer, bubble, (255, 255, 255), (255, 255, 255), radius=self.px(40), tail_to=tail_to,
                      width=self.px(4))
        shape = pygame.mask.from_threshold(layer, (255, 255, 255), (1, 1, 1, 255))
        layer.fill(OUTSIDE_KEY)
        speech_bubble(layer, bubble, p.surface, p.outline, radius=self.px(40), tail_to=tail_to,
                      width=self.px(4))
        inner = bubble.inflate(-self.px(90), -self.px(BUBBLE_MARGIN))
        start = len(app.type.report)
        app.type.block(layer, title, pygame.Rect(inner.x, inner.y, inner.w, self.px(120)), size=m.text("title"),
                       color=p.primary_dark, bold=True, max_lines=1, valign="middle", name=f"{self.name}-title")
        app.type.block(layer, text, pygame.Rect(inner.x, inner.y + self.px(BUBBLE_TITLE), inner.w,
                                                inner.h - self.px(BUBBLE_TITLE)),
                       size=m.text("subtitle"), color=p.ink, name=f"{self.name}-text")
        fits = [_moved(fit, area.x, area.y) for fit in app.type.report[start:]]
        del app.type.report[start:]
        if pygame.mask.from_threshold(layer, OUTSIDE_KEY, (1, 1, 1, 255)).overlap_area(shape, (0, 0)):
            # A letter's edge happens to be drawn in the key colour: the outside is made
            # transparent instead (a slower blit, for this bubble only).
            layer = layer.convert_alpha()
            outside = shape.copy()
            outside.invert()
            outside.to_surface(layer, setcolor=(0, 0, 0, 0), unsetcolor=None)
        else:
            layer.set_colorkey(OUTSIDE_KEY, pygame.RLEACCEL)
        return layer, area.topleft, fits

    def solved_line(self) -> str:
        """The puzzles the team had to solve, « 5 sur 5 », and the bonus ones solved apart."""
        mission = self.app.mission
        optional = {p.id for p in mission.puzzles if p.optional} if mission else set()
        games = self.app.state.puzzles
        passed = {pid for pid, g in games.items() if g.state in DONE}
        total = len(games.keys() - optional)
        done = len(passed - optional)
        line = self.ngettext("Vous avez résolu {done} énigme sur {total}.",
                             "Vous avez résolu {done} énigmes sur {total}.", done).format(done=done, total=total)
        bonus = len(passed & optional)
        return f"{line} {self._('+{n} bonus').format(n=bonus)}" if bonus else line


def _moved(fit: TextFit, dx: int, dy: int) -> TextFit:
    x, y, w, h = fit.box
    ix, iy, iw, ih = fit.ink
    return replace(fit, box=(x + dx, y + dy, w, h), ink=(ix + dx, iy + dy, iw, ih))


class VictoryScreen(_Ending):
    """The lighthouse shines again and the fog clears; confetti for a few seconds."""

    name = "victory"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self._cheered = False

    def update(self, dt: float) -> None:
        super().update(dt)
        if not self._cheered:
            # Once, when the screen first shows (not when it is prepared off screen).
            self._cheered = True
            self.app.play("victory")

    def animating(self) -> bool:
        return not self.app.settings.reduced_motion and self.app.time - self.opened_at < CELEBRATION_SECONDS

    def backdrop(self) -> pygame.Surface:
        """The world restored: the scene in full colour, the fog gone, every spot lit."""
        app = self.app
        if app.mission is None:
            return super().backdrop()
        return app.frame.cached(("victory-scene", app.mission.id, app.display_language),
                                lambda: MapScreen(app).ending_scene(restored=True))

    def speech(self) -> tuple[str, str]:
        mission = self.app.mission
        words = self.app.words
        text = words.text(mission.victory) if mission and words and mission.victory else ""
        text = text or self._("Grâce à vous, le phare brille de nouveau et le Brouillard recule !")
        return self._("Mission réussie !"), f"{text}\n{self.solved_line()}"

    def draw_scene(self, surface: pygame.Surface) -> pygame.Rect:
        app = self.app
        t = app.time - self.opened_at
        p = app.palette
        colors = [p.accent, p.gold, p.primary, p.good, p.bad]
        if app.settings.reduced_motion:
            # The still celebration: Lumi's arm up, the beam high, confetti hung along the top.
            surface.blit(self.backdrop(), (0, 0))
            head = lumi(surface, (self.px(380), self.height - self.px(200)), self.px(520), mood="happy",
                        wave=1.0, high_contrast=app.settings.high_contrast)
            beam(surface, head.center, -0.45, self.px(1700), 0.2, (255, 236, 160), 80)
            confetti(surface, 0.0, 11, colors, still=True)
            return head
        base = (self.px(380), self.height - self.px(200))
        height = self.px(520)
        high_contrast = app.settings.high_contrast
        # Each frame copies the still layer and draws only what moves over it, in the order the
        # whole scene was drawn before (the same pixels): the arm, the beam, the confetti.
        backdrop = self.backdrop()

        def compose() -> pygame.Surface:
            still = backdrop.copy()
            lumi(still, base, height, mood="happy", high_contrast=high_contrast, arm=False)
            return still

        # What stays still while the celebration moves: the backdrop with Lumi on it (but for
        # her waving arm), composed once; kept by the frame, so the victory prepared ahead hands
        # it to the one shown.
        still = app.frame.latest("victory-still", (backdrop, surface.get_size(), base, height, high_contrast),
                                 compose)
        surface.blit(still, (0, 0))
        head = lumi_lamp(base, height)
        lumi_arm(surface, base, height, wave=0.5 + 0.5 * math.sin(t * 4), high_contrast=high_contrast)
        # The black surface the beam is drawn on before it is added (black again after), kept
        # by the frame: the victory prepared ahead makes it, not the frame that shows it.
        scratch = app.frame.latest("beam-scratch", (surface.get_size(), surface.get_bitsize()),
                                   lambda: pygame.Surface(surface.get_size(), 0, surface))
        beam(surface, head.center, -0.35 + 0.25 * math.sin(t * 0.8), self.px(1700), 0.2, (255, 236, 160), 80,
             scratch=scratch)
        if t < CELEBRATION_SECONDS:
            confetti(surface, t, 11, colors)
        return head


class TimeUpScreen(_Ending):
    """The fog wins this time: said kindly, with what the team achieved."""

    name = "time_up"
    mood = "sad"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self._scene: pygame.Surface | None = None

    def speech(self) -> tuple[str, str]:
        mission = self.app.mission
        words = self.app.words
        text = words.text(mission.time_up) if mission and words and mission.time_up else ""
        text = text or self._("Le Brouillard a gagné cette fois… mais vous avez bien avancé !")
        return self._("Temps écoulé !"), f"{text}\n{self.solved_line()}"

    def backdrop(self) -> pygame.Surface:
        """The scene as the team left it: lit where they solved, foggy elsewhere."""
        if self.app.mission is None:
            return super().backdrop()
        if self._scene is None or self._scene.get_size() != self.app.size:
            self._scene = MapScreen(self.app).ending_scene(restored=False)
        return self._scene


class DebriefScreen(Screen):
    """Result, time, hints, a badge, the key messages, where to find help, and the mission's
    puzzles one lane each; the discussion questions open on demand for the facilitator.

    The key messages and the help are set at the size of reading text, never smaller: when they
    do not all fit, they share one wide card turned page by page (« 1 / 3 » and arrows)."""

    name = "debrief"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        # Where the timeline drew each puzzle's mark, for the layout checks.
        self.timeline_marks: list[pygame.Rect] = []
        # The page on show of each card that has several.
        self.pages: dict[str, int] = {}

    def layout(self) -> None:
        _ = self._
        w = self.px(400)
        y, h = self.px(14), self.px(104)
        finish = pygame.Rect(self.width - self.px(60) - w, y, w, h)
        questions = pygame.Rect(finish.x - self.px(24) - w, y, w, h)
        widgets: list[Widget] = [
            Button("questions", questions, _("Questions"), icon="question", on_tap=self.open_questions),
            Button("finish", finish, _("Terminer"), icon="check", kind="accent",
                   on_tap=lambda: self.app.command(Reset())),
        ]
        for card in self.cards():
            if len(card.pages) < 2:
                continue
            page = self.pages[card.key] = max(0, min(len(card.pages) - 1, self.pages.get(card.key, 0)))
            row = self._pager_row(card.rect)
            side = row.h
            widgets += [
                Button(f"{card.key}-previous", pygame.Rect(row.x, row.y, side, side), icon="back",
                       enabled=page > 0, on_tap=partial(self.turn, card.key, -1)),
                Button(f"{card.key}-next", pygame.Rect(row.right - side, row.y, side, side), icon="next",
                       enabled=page < len(card.pages) - 1, on_tap=partial(self.turn, card.key, 1)),
            ]
        self.widgets = widgets

    def turn(self, key: str, by: int) -> None:
        """Show the previous or next page of the card `key` (« learn », « help » or « all »)."""
        self.pages[key] = self.pages.get(key, 0) + by
        self.refresh()

    def questions(self) -> list[str]:
        words = self.app.words
        mission = self.app.mission
        return words.texts(mission.debrief.questions) if words and mission else []

    def open_questions(self) -> None:
        self.app.push(QuestionsPanel(self.app, self.questions()))

    def help_resources(self) -> list[tuple[str, str, str]]:
        """Each resource of the help card as (icon, title, text), in the team's language."""
        mission = self.app.mission
        words = self.app.words
        if mission is None or words is None:
            return []
        card = help_for(mission)
        if card.authored:
            return [(HELP_ICONS[r.kind], words.text(r.title), words.text(r.text)) for r in card.resources]
        age = self.app.state.age or "9-12"
        return [(HELP_ICONS[r.kind], self._(pick(r.title, age)), self._(pick(r.text, age))) for r in card.resources]

    # -- where things go ---------------------------------------------------------------

    def _body(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """The result card, the room for the key messages and the help, and the timeline's box."""
        data = self.app.session.debrief()
        gap = self.px(30)
        top = self.px(TOP_BAR + 10)
        timeline_h = self.timeline_height(len(data.puzzles) if data else 1)
        body_h = self.height - top - timeline_h - 2 * gap
        # Right of the corner's column, where the speaker button lies.
        result = pygame.Rect(self.px(CORNER), top, self.px(430), body_h)
        room = pygame.Rect(result.right + gap, top, self.width - result.right - gap - self.px(40), body_h)
        timeline = pygame.Rect(self.px(40), self.height - timeline_h - gap, self.width - self.px(80), timeline_h)
        return result, room, timeline

    def entries(self) -> list[Entry]:
        """The key messages (three at most) then the help resources, in the team's language."""
        words = self.app.words
        mission = self.app.mission
        if words is None or mission is None:
            return []
        messages = words.texts(mission.debrief.key_messages)[:3]
        return ([Entry("learn", str(i + 1), "", text) for i, text in enumerate(messages)]
                + [Entry("help", icon, title, text) for icon, title, text in self.help_resources()])

    def cards(self) -> list[Card]:
        """The key messages and the help side by side, each card turned page by page if it must;
        when one entry alone is too tall for its card, both share one wide card."""
        _result, room, _timeline = self._body()
        entries = self.entries()
        gap = self.px(30)
        learn_w = (room.w - gap) * 11 // 20
        left = pygame.Rect(room.x, room.y, learn_w, room.h)
        right = pygame.Rect(left.right + gap, room.y, room.w - learn_w - gap, room.h)
        learn = self._paged([e for e in entries if e.section == "learn"], left)
        helps = self._paged([e for e in entries if e.section == "help"], right)
        if learn is not None and helps is not None:
            return [Card("learn", left, learn), Card("help", right, helps)]
        return [Card("all", room, self._paged(entries, room, whole=False) or [])]

    def _paged(self, entries: list[Entry], card: pygame.Rect, *, whole: bool = True) -> list[list[Entry]] | None:
        """The pages of `entries` in `card`, with a pager if there are several; None if `whole`
        and an entry does not fit a page by itself."""
        pages = self._paginate(entries, card, pager=False)
        if len(pages) > 1:
            pages = self._paginate(entries, card, pager=True)
        if whole and any(len(page) == 1 and not self._fits(page, card, len(pages) > 1) for page in pages):
            return None
        return pages

    def _fits(self, page: list[Entry], card: pygame.Rect, pager: bool) -> bool:
        entry = page[0]
        title, text = self._entry_heights(entry, card)
        return self._first_top(entry.section, card, pager) + title + text <= card.h - self.px(40)

    def _reading_size(self) -> int:
        return self.app.type.floored(self.app.metrics.text("body"), "reading")

    def _heading_size(self) -> int:
        return self.app.metrics.text("subtitle") + self.px(6)

    def _column(self, card: pygame.Rect) -> pygame.Rect:
        """Where the entries' texts go in `card`: right of their number or icon."""
        return pygame.Rect(card.x + self.px(110), card.y, card.w - self.px(140), card.h)

    def _pager_row(self, card: pygame.Rect) -> pygame.Rect:
        """The arrows and « 1 / 3 » of a card with pages: at the right of its heading."""
        side = self.px(TOUCH)
        width = 2 * side + self.px(130)
        return pygame.Rect(card.right - self.px(24) - width, card.y + self.px(16), width, side)

    def _heading_width(self, card: pygame.Rect, pager: bool) -> int:
        return card.w - self.px(60) - ((self._pager_row(card).w + self.px(16)) if pager else 0)

    def _first_top(self, section: str, card: pygame.Rect, pager: bool) -> int:
        """The room the heading of a page's first section takes, beside the pager if any."""
        heading = self._heading_height(section, self._heading_width(card, pager))
        return self.px(16) + max(heading, self.px(TOUCH) if pager else 0) + self.px(20)

    def _heading(self, section: str) -> str:
        return self._("Ce qu'on retient") if section == "learn" else self._("Besoin d'aide ?")

    def _heading_height(self, section: str, width: int) -> int:
        return self.app.type.measure(self._heading(section), self._heading_size(), width, True)[2]

    def _entry_heights(self, entry: Entry, card: pygame.Rect) -> tuple[int, int]:
        """The height of an entry's title (none for a key message) and of its text in `card`."""
        measure = self.app.type.measure
        size = self._reading_size()
        width = self._column(card).w
        title = measure(entry.title, size, width, True)[2] if entry.title else 0
        return title, max(self.px(60), measure(entry.text, size, width)[2])

    def _paginate(self, entries: list[Entry], card: pygame.Rect, *, pager: bool) -> list[list[Entry]]:
        """Entries in pages that each fit `card` (less the pager's row), in order: an entry taller
        than a whole page has a page of its own."""
        room = card.h - self.px(40)
        pages: list[list[Entry]] = []
        page: list[Entry] = []
        used = 0
        for entry in entries:
            title, text = self._entry_heights(entry, card)
            if not page:
                need = title + text + self._first_top(entry.section, card, pager)
            elif page[-1].section != entry.section:
                need = title + text + self.px(8) + self._segment_top(entry.section, card)
            else:
                need = title + text + self.px(24)
            if page and used + need > room:
                pages.append(page)
                page, used = [], 0
                need = title + text + self._first_top(entry.section, card, pager)
            page.append(entry)
            used += need
        if page:
            pages.append(page)
        return pages

    def _segment_top(self, section: str, card: pygame.Rect) -> int:
        """The room a section's heading takes where it starts on a page (its panel's margin too)."""
        return self.px(16) + self._heading_height(section, card.w - self.px(60)) + self.px(20)

    # -- drawing ---------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        _ = self._
        self.draw_background(surface)
        data = app.session.debrief()
        questions = self.find("questions")
        draw_title(self, surface, _("Bilan — {team}").format(team=app.team()),
                   right=questions.rect.x - self.px(30) if questions else None)
        if data is None or app.words is None or app.mission is None:
            self.draw_widgets(surface)
            return
        result, _room, timeline = self._body()
        self.draw_result(surface, data, result)
        for card in self.cards():
            pages = card.pages or [[]]
            page = min(self.pages.get(card.key, 0), len(pages) - 1)
            self.draw_page(surface, card.rect, pages[page], page, len(pages))
        self.draw_timeline(surface, data, timeline)
        self.draw_widgets(surface)

    def section(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The raised panel a part of the debrief stands on (the result, the timeline)."""
        p = self.app.palette
        panel(surface, rect, p.surface, radius=self.px(36), shadow=p.shadow, depth=self.px(10), border=p.outline,
              border_width=self.px(3))

    def puzzles_fact(self, data: DebriefData) -> str:
        """« Énigmes : 5 sur 5 », and the bonus puzzles solved apart (« · +1 bonus »)."""
        _ = self._
        fact = _("Énigmes : {done} sur {total}").format(done=data.required_solved, total=data.required_total)
        if data.bonus_solved:
            fact += " · " + _("+{n} bonus").format(n=data.bonus_solved)
        return fact

    def draw_result(self, surface: pygame.Surface, data: DebriefData, card: pygame.Rect) -> None:
        """The badge and its name, the outcome, then time, puzzles and hints, one below the other;
        the medal's picture gives way when the words need its room."""
        app = self.app
        p = app.palette
        m = app.metrics
        _ = self._
        self.section(surface, card)
        tier = badge_of(data)
        names = {Badge.GOLDEN_LIGHTHOUSE: _("Phare d'or"), Badge.KEEPERS: _("Gardiens du phare"),
                 Badge.APPRENTICES: _("Apprentis gardiens")}
        outcome = {Outcome.WON: _("Mission réussie !"), Outcome.TIME_UP: _("Temps écoulé"),
                   Outcome.ABANDONED: _("Mission arrêtée")}.get(data.outcome or Outcome.ABANDONED, "")
        taken = format_duration(data.elapsed, app.language)
        # The timer mode is said with the time, in the words and icon the team chose it by.
        timed = {TimerMode.NORMAL: ("clock", _("Temps : {time}")),
                 TimerMode.RELAXED: ("hourglass", _("Temps : {time} (plus long)")),
                 TimerMode.OFF: ("infinity", _("Temps : {time} (sans chrono)"))}[data.timer]
        facts = [
            (timed[0], timed[1].format(time=taken)),
            ("star", self.puzzles_fact(data)),
            ("bulb", self.ngettext("Indice : {n}", "Indices : {n}", data.hints_used).format(n=data.hints_used)),
        ]
        inner = card.inflate(-self.px(40), -self.px(32))
        heading = m.text("subtitle")
        fact_w = inner.w - self.px(66)
        measure = app.type.measure
        radius = self.px(56)
        medal = round(radius * 2.6) + self.px(16)
        floor = m.floor("reading")
        body = self._reading_size()
        while True:
            heights = ([measure(names[tier], body, inner.w, True)[2], measure(outcome, heading, inner.w, True)[2]]
                       + [max(self.px(56), measure(text, body, fact_w)[2]) for _icon, text in facts])
            words_h = sum(heights) + self.px(12) * (len(heights) - 1)
            # The medal gives way first, then the words get smaller, never under the reading floor.
            if words_h <= inner.h or body <= floor:
                break
            body = max(floor, int(body * 0.92))
            heading = max(body, int(heading * 0.92))
        y = inner.y
        if words_h + medal <= inner.h:
            badge(surface, (inner.centerx, y + radius), radius, p, tier)
            y += medal
        spare = max(0, inner.bottom - y - words_h) // (len(heights) + 1)
        y += spare
        name_h, outcome_h, *fact_hs = heights
        app.type.block(surface, names[tier], pygame.Rect(inner.x, y, inner.w, name_h), size=body,
                       color=p.primary_dark, bold=True, align="center", name="badge-name")
        y += name_h + self.px(12)
        app.type.block(surface, outcome, pygame.Rect(inner.x, y, inner.w, outcome_h), size=heading, color=p.ink,
                       bold=True, align="center", name="outcome")
        y += outcome_h + self.px(12) + spare
        for (icon, text), height in zip(facts, fact_hs, strict=True):
            row = pygame.Rect(inner.right - fact_w, y, fact_w, height)
            image = app.assets.icon(icon, self.px(48), p.primary)
            surface.blit(image, image.get_rect(midleft=(inner.x, y + min(height, self.px(56)) // 2)))
            app.type.block(surface, text, row, size=body, color=p.ink, valign="middle", name="fact")
            y += height + self.px(12)

    def draw_page(self, surface: pygame.Surface, card: pygame.Rect, entries: list[Entry], page: int,
                  pages: int) -> None:
        """One page of a card: each run of key messages or of help under its heading (the help on
        green), and the pager when there are several pages."""
        app = self.app
        p = app.palette
        all_help = bool(entries) and all(e.section == "help" for e in entries)
        fill, edge = (p.good_soft, p.good) if all_help else (p.surface, p.outline)
        panel(surface, card, fill, radius=self.px(36), shadow=p.good if all_help else p.shadow, depth=self.px(10),
              border=edge, border_width=self.px(4 if all_help else 3))
        runs: list[list[Entry]] = []
        for entry in entries:
            if runs and runs[-1][0].section == entry.section:
                runs[-1].append(entry)
            else:
                runs.append([entry])
        pager = pages > 1
        bottom = card.bottom - self.px(20)
        y = card.y
        for number, run in enumerate(runs):
            heights = [self._entry_heights(e, card) for e in run]
            section = run[0].section
            first = number == 0
            if section == "help" and not all_help:
                y += self.px(8)
                tall = (self._segment_top(section, card) + sum(a + b for a, b in heights)
                        + self.px(24) * (len(run) - 1))
                green = pygame.Rect(card.x + self.px(12), y, card.w - self.px(24),
                                    min(tall, card.bottom - self.px(12) - y))
                panel(surface, green, p.good_soft, radius=self.px(28), border=p.good, border_width=self.px(3))
            y += self.px(16)
            width = self._heading_width(card, pager and first)
            heading_h = self._heading_height(section, width)
            row_h = max(heading_h, self.px(TOUCH)) if pager and first else heading_h
            app.type.block(surface, self._heading(section), pygame.Rect(card.x + self.px(30), y, width, row_h),
                           size=self._heading_size(), color=p.ink, bold=True, valign="middle",
                           name="learn-title" if section == "learn" else "help-title")
            y += row_h + self.px(20)
            for entry, (title_h, text_h) in zip(run, heights, strict=True):
                self._draw_entry(surface, card, entry, y, title_h, min(text_h, max(0, bottom - y - title_h)))
                y += title_h + text_h + self.px(24)
            y -= self.px(24)
        if pager:
            row = self._pager_row(card)
            app.type.block(surface, f"{page + 1} / {pages}", row.inflate(-2 * row.h - self.px(16), 0),
                           size=app.metrics.text("subtitle"), color=p.ink, bold=True, align="center",
                           valign="middle", max_lines=1, name="page-count", kind="label")

    def _draw_entry(self, surface: pygame.Surface, card: pygame.Rect, entry: Entry, y: int, title_h: int,
                    text_h: int) -> None:
        app = self.app
        p = app.palette
        column = self._column(card)
        size = self._reading_size()
        if entry.section == "learn":
            dot = pygame.Rect(card.x + self.px(30), y + self.px(2), self.px(60), self.px(60))
            pygame.draw.ellipse(surface, p.accent, dot)
            app.type.line(surface, entry.mark, dot.center, size=app.metrics.text("subtitle"), color=p.on_accent,
                          bold=True, anchor="center")
            app.type.block(surface, entry.text, pygame.Rect(column.x, y, column.w, text_h), size=size, color=p.ink,
                           name="key-message")
            return
        image = app.assets.icon(entry.mark, self.px(56), p.good)
        surface.blit(image, (card.x + self.px(32), y))
        app.type.block(surface, entry.title, pygame.Rect(column.x, y, column.w, title_h), size=size, color=p.ink,
                       bold=True, name="help-name")
        app.type.block(surface, entry.text, pygame.Rect(column.x, y + title_h, column.w, text_h), size=size,
                       color=p.ink, name="help")

    # -- the timeline ----------------------------------------------------------------

    def _timeline_area(self, box: pygame.Rect) -> pygame.Rect:
        """Where the lanes go in the timeline's panel `box`: below its title row."""
        top = box.y + self.px(14) + self.px(64) + self.px(10)
        return pygame.Rect(box.x + self.px(20), top, box.w - self.px(40), box.bottom - self.px(14) - top)

    def _lane_fit(self, puzzles: int, width: int) -> LaneFit:
        """How a lane is drawn when `puzzles` lanes share `width`: the counts take the largest
        size, down to the labels' floor, at which the widest count fits beside its icon."""
        text = self.app.metrics.text("small")
        lane = width // max(1, puzzles)
        mark = min(max(self.px(60), round(text * 1.7)), lane - self.px(8))
        icon = min(max(self.px(34), round(text * 0.9)), lane // 3)
        floor = round(TEXT_FLOORS["label"] * self.height / DESIGN_SIZE[1])
        widest = count_label(MAX_COUNT + 1)
        size = text
        while size > floor and icon + self.px(4) + self.app.type.font(size, True).size(widest)[0] > lane - self.px(8):
            size = max(floor, int(size * 0.92))
        row = max(icon, self.app.type.font(size, True).get_linesize())
        return LaneFit(lane, mark, icon, size, row)

    def timeline_height(self, puzzles: int) -> int:
        """As tall as its title, two rows of counts, the marks and their numbers need."""
        box = pygame.Rect(self.px(40), 0, self.width - self.px(80), self.height)
        fit = self._lane_fit(puzzles, self._timeline_area(box).w)
        lanes = 2 * fit.row + self.px(6) + fit.mark + self.px(4) + fit.row
        return self.px(14) + self.px(64) + self.px(10) + lanes + self.px(14)

    def draw_timeline(self, surface: pygame.Surface, data: DebriefData, box: pygame.Rect) -> None:
        """The puzzles in the order the team finished them, one lane each: a mark for how it ended,
        its number on the map, and how many wrong tries and hints it took ("×7")."""
        app = self.app
        p = app.palette
        m = app.metrics
        _ = self._
        self.section(surface, box)
        legend = [("check", p.good, _("résolue")), ("bulb", p.accent_dark, _("indices")),
                  ("cross", p.bad, _("essais ratés"))]
        x = box.right - self.px(30)
        title_row = pygame.Rect(box.x + self.px(30), box.y + self.px(14), box.w - self.px(60), self.px(64))
        for name, color, label in reversed(legend):
            rect = app.type.line(surface, label, (x, title_row.centery), size=m.text("small"), color=p.ink_soft,
                                 anchor="midright", kind="label")
            image = app.assets.icon(name, self.px(40), color)
            surface.blit(image, image.get_rect(midright=(rect.left - self.px(8), rect.centery)))
            x = rect.left - self.px(70)
        app.type.block(surface, _("Votre mission, énigme par énigme"),
                       pygame.Rect(title_row.x, title_row.y, max(self.px(10), x - title_row.x), title_row.h),
                       size=m.text("subtitle"), color=p.ink, bold=True, max_lines=1, valign="middle",
                       name="timeline-title")
        lanes = lanes_of(data)
        area = self._timeline_area(box)
        lane_w, mark, icon, size, row = self._lane_fit(len(lanes), area.w)
        mark_y = area.y + 2 * row + self.px(6) + mark // 2
        self.timeline_marks = []
        if len(lanes) > 1:
            first, last = area.x + lane_w // 2, area.x + lane_w * (len(lanes) - 1) + lane_w // 2
            pygame.draw.line(surface, p.outline, (first, mark_y), (last, mark_y), max(3, self.px(8)))
        for i, lane in enumerate(lanes):
            cell = pygame.Rect(area.x + i * lane_w, area.y, lane_w, area.h)
            counts = [("cross", p.bad, lane.wrong), ("bulb", p.accent_dark, lane.hints)]
            y = cell.y
            for icon_name, color, n in counts:
                if n:
                    label = count_label(n)
                    width = icon + self.px(4) + app.type.font(size, True).size(label)[0]
                    left = cell.centerx - width // 2
                    image = app.assets.icon(icon_name, icon, color)
                    spot = image.get_rect(midleft=(left, y + row // 2))
                    surface.blit(image, spot)
                    self.timeline_marks.append(spot)
                    app.type.line(surface, label, (spot.right + self.px(4), y + row // 2), size=size, color=color,
                                  bold=True, anchor="midleft", kind="label")
                y += row
            spot = pygame.Rect(0, 0, mark, mark)
            spot.center = (cell.centerx, mark_y)
            self._draw_mark(surface, spot, lane.state)
            self.timeline_marks.append(spot)
            app.type.line(surface, str(lane.number), (cell.centerx, spot.bottom + self.px(4)), size=size,
                          color=p.ink, bold=True, anchor="midtop", kind="label")

    def _draw_mark(self, surface: pygame.Surface, spot: pygame.Rect, state: PuzzleState) -> None:
        """A check on green when solved, a skip sign on grey when skipped, an empty ring when not
        finished: the icon tells them apart, not only the colour."""
        p = self.app.palette
        if state is PuzzleState.SOLVED or state is PuzzleState.SKIPPED:
            solved = state is PuzzleState.SOLVED
            pygame.draw.ellipse(surface, p.good if solved else p.locked, spot)
            image = self.app.assets.icon("check" if solved else "skip", spot.w * 5 // 8, p.surface)
            surface.blit(image, image.get_rect(center=spot.center))
        else:
            pygame.draw.ellipse(surface, p.surface, spot)
            pygame.draw.ellipse(surface, p.outline, spot, max(2, self.px(6)))


class Entry(NamedTuple):
    """A key message (its number as mark, no title) or a help resource (its icon as mark)."""

    section: Literal["learn", "help"]
    mark: str
    title: str
    text: str


class Card(NamedTuple):
    """A card of the debrief (« learn », « help », or « all » when they share one) and its pages."""

    key: str
    rect: pygame.Rect
    pages: list[list[Entry]]


class LaneFit(NamedTuple):
    """The sizes of one lane of the timeline, in pixels."""

    width: int
    mark: int
    icon: int
    text: int
    row: int


# Counts above this are drawn as "×99+": a lane keeps its width whatever the team did.
MAX_COUNT = 99
# The icon of each kind of help resource.
HELP_ICONS: dict[HelpKind, str] = {"phone": "phone", "adult": "adult", "website": "globe", "rights": "shield",
                                   "fact-check": "search", "games": "dice"}


def count_label(n: int) -> str:
    """How many times, as the timeline writes it: "×7", and "×99+" past MAX_COUNT."""
    return f"×{n}" if n <= MAX_COUNT else f"×{MAX_COUNT}+"


class QuestionsPanel(ModalScreen[None]):
    """The mission's discussion questions for the facilitator, one at a time in large print,
    with the previous and next ones a tap away."""

    name = "questions"

    def __init__(self, app: Host, questions: list[str]) -> None:
        super().__init__(app)
        self.questions = questions
        self.index = 0

    def card(self) -> pygame.Rect:
        rect = pygame.Rect(0, 0, self.px(1500), self.height - self.px(160))
        rect.center = (self.width // 2, self.height // 2)
        return rect

    def layout(self) -> None:
        _ = self._
        card = self.card()
        h = self.px(120)
        y = card.bottom - self.px(40) - h
        w = self.px(400)
        widgets: list[Widget] = [Button("close", pygame.Rect(card.right - self.px(50) - w, y, w, h), _("Fermer"),
                                        icon="check", kind="accent", on_tap=self.close)]
        if len(self.questions) > 1:
            step = self.px(300)
            widgets += [
                Button("previous", pygame.Rect(card.x + self.px(50), y, step, h), _("Précédente"), icon="back",
                       enabled=self.index > 0, on_tap=lambda: self.turn(-1)),
                Button("next", pygame.Rect(card.x + self.px(50) + step + self.px(24), y, step, h), _("Suivante"),
                       icon="next", enabled=self.index < len(self.questions) - 1, on_tap=lambda: self.turn(1)),
            ]
        self.widgets = widgets

    def turn(self, by: int) -> None:
        self.index = max(0, min(len(self.questions) - 1, self.index + by))
        self.refresh()

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        _ = self._
        card = self.card()
        self.draw_card(surface, card, edge=p.primary, shadow=p.primary_dark)
        self.draw_heading(surface, card, "people", _("Parlons-en ensemble"), name="questions-title", right=50)
        top = card.y + self.px(160)
        if len(self.questions) > 1:
            # Under the title, the whole width: long enough for any language.
            app.type.block(surface, _("Question {n} sur {total}").format(n=self.index + 1, total=len(self.questions)),
                           pygame.Rect(card.x + self.px(80), top - self.px(20), card.w - self.px(160), self.px(70)),
                           size=m.text("subtitle"), color=p.primary_dark, bold=True, align="center",
                           valign="middle", max_lines=1, name="questions-count")
            top += self.px(70)
        text = self.questions[self.index] if self.questions else _("Cette mission n'a pas de question.")
        body = pygame.Rect(card.x + self.px(80), top, card.w - self.px(160), card.bottom - self.px(200) - top)
        app.type.block(surface, text, body, size=m.text("title"), color=p.ink, align="center", valign="middle",
                       name="question", kind="reading")
        self.draw_widgets(surface)
