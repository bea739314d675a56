"""One view per puzzle type: the widgets a team touches to build its answer for the core to check."""

from __future__ import annotations

import math
import random
import unicodedata
from abc import ABC, abstractmethod
from functools import partial
from typing import TYPE_CHECKING

import pygame

from gardiens.core import checkers
from gardiens.core.model import (
    Ads,
    Categorise,
    Chat,
    Cipher,
    CodeLock,
    Cookies,
    Feed,
    Hotspots,
    MultipleChoice,
    Ordering,
    Password,
    Pegi,
    Puzzle,
    Region,
    Settings,
    ShortText,
    TrueFalse,
)
from gardiens.ui.draw import focus_ring, panel
from gardiens.ui.widgets.base import Button, Widget
from gardiens.ui.widgets.keys import (
    KEYBOARD_ROWS,
    LETTERS_ONLY,
    AnswerField,
    allowed_char,
    keyboard,
    keypad,
)

if TYPE_CHECKING:
    from gardiens.ui.app import App
    from gardiens.ui.screens.play import PuzzleScreen

RIPPLE_SECONDS = 0.6


class PuzzleView:
    """The answer-building part of a puzzle screen. It keeps the answer across re-layouts."""

    # False when the view shows the puzzle's picture itself (a website under a cookie banner).
    side_picture = True

    def __init__(self, screen: PuzzleScreen, puzzle: Puzzle) -> None:
        self.screen = screen
        self.app: App = screen.app
        self.puzzle = puzzle
        self.area = pygame.Rect(0, 0, 0, 0)

    def _(self, message: str) -> str:
        return self.app.translator.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.app.translator.ngettext(singular, plural, n)

    def px(self, value: float) -> int:
        return self.app.metrics.px(value)

    def text(self, value: object) -> str:
        words = self.app.words
        return words.text(value, puzzle_id=self.puzzle.id) if words else ""  # type: ignore[arg-type]

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        return []

    def draw(self, surface: pygame.Surface) -> None:
        """Drawn under the widgets."""

    def draw_over(self, surface: pygame.Surface) -> None:
        """Drawn over the widgets (a card being dragged)."""

    def answer(self) -> object | None:
        """The answer to submit, or None while it is incomplete."""
        return None

    def status(self) -> str:
        return ""

    def after_wrong(self) -> None:
        """What to clear after a wrong answer so the team can try again."""

    def on_text(self, text: str) -> None:
        """Typed or pasted text."""

    def on_key(self, event: pygame.event.Event) -> bool:
        return False

    def on_drag(self, widget: Widget, pos: tuple[int, int]) -> None:
        """A finger moves a card."""

    def on_drop(self, widget: Widget, pos: tuple[int, int]) -> None:
        """A card is released."""

    def animating(self) -> bool:
        return False

    def changed(self) -> None:
        self.screen.refresh()
        self.app.dirty = True


def _seeded(puzzle_id: str) -> random.Random:
    return random.Random(sum(ord(c) * (i + 1) for i, c in enumerate(puzzle_id)))


# -- code lock ---------------------------------------------------------------------------


class CodeView(PuzzleView):
    """A padlock: a big digit pad, one box per digit, and the clue digits earned so far."""

    puzzle: CodeLock

    def __init__(self, screen: PuzzleScreen, puzzle: CodeLock) -> None:
        super().__init__(screen, puzzle)
        self.digits = ""

    @property
    def length(self) -> int:
        mission = self.app.mission
        values = mission.reward_values() if mission else {}
        return len(checkers.expected_code(self.puzzle, values))

    def press(self, key: str) -> None:
        if key == "back":
            self.digits = self.digits[:-1]
        elif key == "clear":
            self.digits = ""
        elif key.isdigit() and len(self.digits) < self.length:
            self.digits += key
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        gap = self.px(16)
        pad_w = min(self.px(600), area.w)
        field_h = self.px(130)
        pad = pygame.Rect(0, 0, pad_w, area.h - field_h - self.px(30))
        right = self.app.state.rewards and self.puzzle.code_from
        centre_x = area.x + (area.w * 2) // 3 if right else area.centerx
        pad.midtop = (centre_x, area.y + field_h + self.px(30))
        field = pygame.Rect(0, area.y, pad_w, field_h)
        field.centerx = centre_x
        self.clues = pygame.Rect(area.x, area.y, max(0, pad.left - area.x - self.px(60)), area.h)
        return [AnswerField("answer", field, lambda: self.digits, cells=self.length),
                *keypad(pad, self.press, gap)]

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        mission = app.mission
        if not (self.puzzle.code_from and mission and self.clues.w > self.px(200)):
            return
        p = app.palette
        m = app.metrics
        labels = {r.id: r for pz in mission.puzzles for r in pz.rewards}
        app.type.block(surface, self._("Indices gagnés"), pygame.Rect(self.clues.x, self.clues.y, self.clues.w,
                       self.px(60)), size=m.text("subtitle"), color=p.ink, bold=True, name="clues-title")
        y = self.clues.y + self.px(80)
        for rid in self.puzzle.code_from:
            card = pygame.Rect(self.clues.x, y, self.clues.w, self.px(110))
            earned = rid in app.state.rewards
            panel(surface, card, p.surface if earned else p.locked_soft, radius=self.px(20),
                  border=p.outline, border_width=self.px(3))
            value = labels[rid].value if earned and rid in labels else "?"
            app.type.line(surface, value, (card.x + self.px(60), card.centery), size=m.text("title"),
                          color=p.primary_dark if earned else p.locked, bold=True, anchor="center")
            words = app.words
            text = words.reward_label(rid) if earned and words else self._("Pas encore trouvé")
            app.type.block(surface, text, pygame.Rect(card.x + self.px(120), card.y + self.px(8), card.w - self.px(140),
                           card.h - self.px(16)), size=m.text("small"), color=p.ink, valign="middle",
                           name="clue")
            y += card.h + self.px(16)
            if y > self.clues.bottom - self.px(110):
                break

    def answer(self) -> object | None:
        return self.digits if len(self.digits) == self.length else None

    def status(self) -> str:
        return self.ngettext("Tape le chiffre du code.", "Tape les {n} chiffres du code.", self.length).format(
            n=self.length)

    def after_wrong(self) -> None:
        self.digits = ""

    def on_text(self, text: str) -> None:
        for char in text:
            if char.isdigit() and char.isascii():
                self.press(char)

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_BACKSPACE:
            self.press("back")
            return True
        return False


# -- multiple choice ---------------------------------------------------------------------


class ChoiceView(PuzzleView):
    """Answer cards; round marks for one answer, square boxes when several are expected."""

    puzzle: MultipleChoice

    def __init__(self, screen: PuzzleScreen, puzzle: MultipleChoice) -> None:
        super().__init__(screen, puzzle)
        self.chosen: list[str] = []

    def toggle(self, cid: str) -> None:
        if cid in self.chosen:
            self.chosen.remove(cid)
        elif self.puzzle.multiple:
            self.chosen.append(cid)
        else:
            self.chosen = [cid]
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        choices = self.puzzle.choices
        cols = 2 if len(choices) > 3 else 1
        rows = math.ceil(len(choices) / cols)
        gap = self.px(22)
        w = (area.w - gap * (cols - 1)) // cols
        h = min(self.px(170), (area.h - gap * (rows - 1)) // rows)
        top = area.y + (area.h - (h * rows + gap * (rows - 1))) // 2
        idle = "square" if self.puzzle.multiple else "circle"
        widgets: list[Widget] = []
        for i, choice in enumerate(choices):
            rect = pygame.Rect(area.x + (i % cols) * (w + gap), top + (i // cols) * (h + gap), w, h)
            widgets.append(Button(f"choice:{choice.id}", rect, self.text(choice.text), icon=idle,
                                  selected=choice.id in self.chosen, text_role="body", align="left",
                                  on_tap=partial(self.toggle, choice.id)))
        return widgets

    def answer(self) -> object | None:
        return list(self.chosen) if self.chosen else None

    def status(self) -> str:
        if self.puzzle.multiple:
            return self._("Plusieurs réponses possibles.")
        return self._("Une seule réponse.")


# -- true / false ------------------------------------------------------------------------


class TrueFalseView(PuzzleView):
    """Each statement gets one of two answers (« Info » / « Intox » or true / false)."""

    puzzle: TrueFalse

    @property
    def side_picture(self) -> bool:  # type: ignore[override]
        # Beside a picture, more than four statements leave too little room to read them.
        return len(self.puzzle.statements) <= 4

    def __init__(self, screen: PuzzleScreen, puzzle: TrueFalse) -> None:
        super().__init__(screen, puzzle)
        self.answers: dict[str, bool] = {}
        self.cards: list[tuple[pygame.Rect, str]] = []

    def labels(self) -> tuple[str, str]:
        if self.puzzle.labels:
            return self.text(self.puzzle.labels[0]), self.text(self.puzzle.labels[1])
        return self._("Vrai"), self._("Faux")

    def choose(self, sid: str, value: bool) -> None:
        if self.answers.get(sid) is value:
            del self.answers[sid]
        else:
            self.answers[sid] = value
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        statements = self.puzzle.statements
        cols = 1 if len(statements) <= 4 else 2
        rows = math.ceil(len(statements) / cols)
        gap = self.px(18)
        w = (area.w - gap * (cols - 1)) // cols
        h = min(self.px(160), (area.h - gap * (rows - 1)) // rows)
        yes, no = self.labels()
        bw = self.px(230 if cols == 1 else 190)
        bh = min(h - self.px(24), self.px(110))
        widgets: list[Widget] = []
        self.cards = []
        for i, statement in enumerate(statements):
            card = pygame.Rect(area.x + (i % cols) * (w + gap), area.y + (i // cols) * (h + gap), w, h)
            self.cards.append((card, statement.id))
            chosen = self.answers.get(statement.id)
            y = card.centery - bh // 2
            widgets.append(Button(f"tf:{statement.id}:true", pygame.Rect(card.right - 2 * bw - self.px(30), y, bw, bh),
                                  yes, icon="check", selected=chosen is True, selected_icon=None, text_role="body",
                                  on_tap=partial(self.choose, statement.id, True)))
            widgets.append(Button(f"tf:{statement.id}:false", pygame.Rect(card.right - bw - self.px(16), y, bw, bh),
                                  no, icon="cross", selected=chosen is False, selected_icon=None, text_role="body",
                                  on_tap=partial(self.choose, statement.id, False)))
        self.button_w = 2 * bw + self.px(46)
        return widgets

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        texts = {s.id: self.text(s.text) for s in self.puzzle.statements}
        boxes = [pygame.Rect(card.x + self.px(26), card.y + self.px(10), card.w - self.button_w - self.px(40),
                             card.h - self.px(20)) for card, _sid in self.cards]
        size = app.type.common_size([texts[sid] for _card, sid in self.cards], boxes, m.text("body"))
        for (card, sid), box in zip(self.cards, boxes, strict=True):
            done = sid in self.answers
            panel(surface, card, p.surface if not done else p.surface_alt, radius=self.px(24),
                  border=p.primary if done else p.outline, border_width=self.px(3))
            app.type.block(surface, texts[sid], box, size=size, color=p.ink, valign="middle",
                           name=f"statement:{sid}")

    def answer(self) -> object | None:
        if len(self.answers) < len(self.puzzle.statements):
            return None
        return dict(self.answers)

    def status(self) -> str:
        done = len(self.answers)
        return self.ngettext("{done} réponse sur {total}", "{done} réponses sur {total}", done).format(
            done=done, total=len(self.puzzle.statements))


# -- ordering ----------------------------------------------------------------------------


class OrderCard(Widget):
    """One card of an ordering puzzle: tap two cards to swap them, or drag one to its place."""

    draggable = True

    def __init__(self, view: OrderView, item_id: str, rect: pygame.Rect, position: int, text: str) -> None:
        super().__init__(f"order:{item_id}", rect, on_tap=lambda: view.tap(item_id))
        self.view = view
        self.item_id = item_id
        self.position = position
        self.text = text

    def draw(self, surface: pygame.Surface, app: App, *, focused: bool, pressed: bool) -> None:
        drag = app.dragging()
        if drag is not None and drag[0] is self:
            pygame.draw.rect(surface, app.palette.outline, self.rect, width=max(2, app.metrics.px(4)),
                             border_radius=app.metrics.px(22))
            return
        self.paint(surface, app, self.rect, focused=focused, pressed=pressed)

    def paint(self, surface: pygame.Surface, app: App, rect: pygame.Rect, *, focused: bool = False,
              pressed: bool = False) -> None:
        p = app.palette
        m = app.metrics
        selected = self.view.selected == self.item_id
        fill = p.primary if selected else p.surface
        ink = p.on_primary if selected else p.ink
        panel(surface, rect, fill, radius=m.px(22), shadow=p.shadow, depth=m.px(6),
              border=p.primary_dark if selected else p.outline, border_width=m.px(5 if selected else 3))
        badge = pygame.Rect(rect.x + m.px(14), rect.y + m.px(10), rect.h - m.px(20), rect.h - m.px(20))
        pygame.draw.ellipse(surface, p.accent, badge)
        app.type.line(surface, str(self.position + 1), badge.center, size=m.text("subtitle"), color=p.on_accent,
                      bold=True, anchor="center")
        icon = app.assets.icon("swap" if selected else "grip", m.px(48), ink)
        surface.blit(icon, icon.get_rect(midright=(rect.right - m.px(18), rect.centery)))
        box = pygame.Rect(badge.right + m.px(20), rect.y + m.px(6), rect.w - badge.w - m.px(120), rect.h - m.px(12))
        app.type.block(surface, self.text, box, size=m.text("body"), color=ink, valign="middle", name=self.name)
        if focused:
            focus_ring(surface, rect, p, m.px(22), m.px(6))


class OrderView(PuzzleView):
    """Cards to put in order, shuffled the same way each time the puzzle opens."""

    puzzle: Ordering

    def __init__(self, screen: PuzzleScreen, puzzle: Ordering) -> None:
        super().__init__(screen, puzzle)
        ids = [item.id for item in puzzle.items]
        order = list(ids)
        _seeded(puzzle.id).shuffle(order)
        if order == ids:
            order = order[1:] + order[:1]
        self.order = order
        self.selected: str | None = None
        self.cards: list[OrderCard] = []

    def tap(self, item_id: str) -> None:
        if self.selected is None:
            self.selected = item_id
        elif self.selected == item_id:
            self.selected = None
        else:
            a, b = self.order.index(self.selected), self.order.index(item_id)
            self.order[a], self.order[b] = self.order[b], self.order[a]
            self.selected = None
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        n = len(self.order)
        gap = self.px(14)
        h = min(self.px(116), (area.h - gap * (n - 1)) // n)
        w = min(area.w, self.px(1400))
        x = area.centerx - w // 2
        texts = {item.id: self.text(item.text) for item in self.puzzle.items}
        self.cards = [OrderCard(self, iid, pygame.Rect(x, area.y + i * (h + gap), w, h), i, texts[iid])
                      for i, iid in enumerate(self.order)]
        return list(self.cards)

    def draw_over(self, surface: pygame.Surface) -> None:
        drag = self.app.dragging()
        if drag is None or not isinstance(drag[0], OrderCard):
            return
        card = drag[0]
        rect = card.rect.copy()
        rect.centery = drag[1][1]
        card.paint(surface, self.app, rect.move(self.px(12), 0))

    def on_drag(self, widget: Widget, pos: tuple[int, int]) -> None:
        self.selected = None

    def on_drop(self, widget: Widget, pos: tuple[int, int]) -> None:
        if not isinstance(widget, OrderCard) or not self.cards:
            return
        target = min(range(len(self.cards)), key=lambda i: abs(self.cards[i].rect.centery - pos[1]))
        self.order.remove(widget.item_id)
        self.order.insert(target, widget.item_id)
        self.selected = None
        self.changed()

    def answer(self) -> object | None:
        return list(self.order)

    def status(self) -> str:
        return self._("Touche deux cartes pour les échanger, ou fais-les glisser.")


# -- categorise --------------------------------------------------------------------------


class ItemChip(Widget):
    """A card to sort: tap it then a box, or drag it onto a box."""

    draggable = True

    def __init__(self, view: CategoriseView, item_id: str, rect: pygame.Rect, text: str) -> None:
        super().__init__(f"item:{item_id}", rect, on_tap=lambda: view.tap_card(item_id))
        self.view = view
        self.item_id = item_id
        self.text = text

    def draw(self, surface: pygame.Surface, app: App, *, focused: bool, pressed: bool) -> None:
        drag = app.dragging()
        if drag is not None and drag[0] is self:
            pygame.draw.rect(surface, app.palette.outline, self.rect, width=max(2, app.metrics.px(4)),
                             border_radius=app.metrics.px(18))
            return
        self.paint(surface, app, self.rect, focused=focused)

    def paint(self, surface: pygame.Surface, app: App, rect: pygame.Rect, *, focused: bool = False) -> None:
        p = app.palette
        m = app.metrics
        selected = self.view.selected == self.item_id
        fill = p.primary if selected else p.surface
        ink = p.on_primary if selected else p.ink
        panel(surface, rect, fill, radius=m.px(18), shadow=p.shadow, depth=m.px(5),
              border=p.primary_dark if selected else p.outline, border_width=m.px(5 if selected else 3))
        inner = rect.inflate(-m.px(28), -m.px(8))
        if selected:
            icon = app.assets.icon("touch", m.px(40), ink)
            surface.blit(icon, icon.get_rect(midleft=(inner.x, rect.centery)))
            inner = pygame.Rect(inner.x + m.px(50), inner.y, inner.w - m.px(50), inner.h)
        app.type.block(surface, self.text, inner, size=m.text("small"), color=ink, valign="middle",
                       align="center", name=self.name)
        if focused:
            focus_ring(surface, rect, p, m.px(18), m.px(6))


class CategoryBox(Widget):
    """A box that receives cards; tapping it places the selected card."""

    def __init__(self, view: CategoriseView, name: str, rect: pygame.Rect, label: str,
                 category: str | None) -> None:
        super().__init__(name, rect, on_tap=lambda: view.place(category))
        self.label = label
        self.category = category
        self.view = view

    def draw(self, surface: pygame.Surface, app: App, *, focused: bool, pressed: bool) -> None:
        p = app.palette
        m = app.metrics
        if self.category is None:
            panel(surface, self.rect, p.surface_alt, radius=m.px(26), border=p.outline, border_width=m.px(3))
        else:
            ready = self.view.selected is not None
            panel(surface, self.rect, p.surface, radius=m.px(26), border=p.accent if ready else p.primary,
                  border_width=m.px(6 if ready else 4))
            head = pygame.Rect(self.rect.x, self.rect.y, self.rect.w, m.px(84))
            pygame.draw.rect(surface, p.primary, head, border_top_left_radius=m.px(26),
                             border_top_right_radius=m.px(26))
            icon = app.assets.icon("box", m.px(46), p.on_primary)
            surface.blit(icon, icon.get_rect(midleft=(head.x + m.px(18), head.centery)))
            app.type.block(surface, self.label, head.inflate(-m.px(100), -m.px(10)).move(m.px(30), 0),
                           size=m.text("body"), color=p.on_primary, bold=True, valign="middle", align="center",
                           name=self.name)
        if focused:
            focus_ring(surface, self.rect, p, m.px(26), m.px(6))


class SortingView(PuzzleView, ABC):
    """Cards to put into boxes: tap a card then its box, or drag it; loose cards sit in a tray."""

    def __init__(self, screen: PuzzleScreen, puzzle: Puzzle) -> None:
        super().__init__(screen, puzzle)
        self.placed: dict[str, str] = {}
        self.selected: str | None = None
        self.tray = pygame.Rect(0, 0, 0, 0)

    @abstractmethod
    def card_ids(self) -> list[str]:
        """Every card to sort, in the puzzle's order."""

    def tap_card(self, card_id: str) -> None:
        box = self.placed.get(card_id)
        if self.selected is not None and self.selected != card_id and box is not None:
            # A full box is mostly cards: a card tapped while another is picked up stands
            # for its box, since children tap inside the box wherever the cards are.
            self.place(box)
            return
        self.selected = None if self.selected == card_id else card_id
        self.changed()

    def place(self, box_id: str | None) -> None:
        """Put the picked-up card into a box, or back into the tray (None)."""
        if self.selected is None:
            return
        if box_id is None:
            self.placed.pop(self.selected, None)
        else:
            self.placed[self.selected] = box_id
        self.selected = None
        self.changed()

    def drop(self, card_id: str, pos: tuple[int, int], boxes: list[tuple[pygame.Rect, str]]) -> None:
        """A dragged card let go at `pos`: into the box under it, the tray, or nowhere."""
        self.selected = card_id
        for rect, box_id in boxes:
            if rect.collidepoint(pos):
                self.place(box_id)
                return
        if self.tray.collidepoint(pos):
            self.place(None)
            return
        self.selected = None
        self.changed()

    def answer(self) -> object | None:
        if not self.placed.keys() >= set(self.card_ids()):
            return None
        return dict(self.placed)


class CategoriseView(SortingView):
    """Cards to sort into two to five boxes."""

    puzzle: Categorise

    @property
    def side_picture(self) -> bool:  # type: ignore[override]
        # Beside a picture, a long tray of cards pushes the boxes off the screen.
        return len(self.puzzle.items) <= 5

    def __init__(self, screen: PuzzleScreen, puzzle: Categorise) -> None:
        super().__init__(screen, puzzle)
        self.boxes: list[CategoryBox] = []
        self.tray_text = ""

    def card_ids(self) -> list[str]:
        return [item.id for item in self.puzzle.items]

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        app = self.app
        m = app.metrics
        gap = self.px(18)
        chip_h = self.px(96)
        texts = {item.id: self.text(item.text) for item in self.puzzle.items}
        loose = [item.id for item in self.puzzle.items if item.id not in self.placed]
        font = app.type.font(m.text("small"))
        widths = {iid: min(self.px(520), font.size(texts[iid])[0] + self.px(64)) for iid in loose}
        rows: list[list[str]] = [[]]
        used = 0
        for iid in loose:
            if rows[-1] and used + widths[iid] > area.w - self.px(40):
                rows.append([])
                used = 0
            rows[-1].append(iid)
            used += widths[iid] + gap
        tray_rows = max(1, len(rows))
        self.tray = pygame.Rect(area.x, area.y, area.w, tray_rows * (chip_h + gap) + gap)
        tray_widget = CategoryBox(self, "tray", self.tray, "", None)
        tray_widget.focusable = False
        chips: list[Widget] = []
        y = self.tray.y + gap
        for row in rows:
            total = sum(widths[i] for i in row) + gap * (len(row) - 1)
            x = self.tray.centerx - total // 2
            for iid in row:
                chips.append(ItemChip(self, iid, pygame.Rect(x, y, widths[iid], chip_h), texts[iid]))
                x += widths[iid] + gap
            y += chip_h + gap
        self.tray_text = "" if loose else self._("Toutes les cartes sont rangées.")
        cats = self.puzzle.categories
        top = self.tray.bottom + gap
        bw = (area.w - gap * (len(cats) - 1)) // len(cats)
        bh = area.bottom - top
        self.boxes = []
        for i, cat in enumerate(cats):
            rect = pygame.Rect(area.x + i * (bw + gap), top, bw, bh)
            self.boxes.append(CategoryBox(self, f"box:{cat.id}", rect, self.text(cat.label), cat.id))
            inside = [item.id for item in self.puzzle.items if self.placed.get(item.id) == cat.id]
            if not inside:
                continue
            room = rect.h - self.px(84) - gap
            h = min(chip_h, (room - gap * (len(inside) - 1)) // len(inside))
            cy = rect.y + self.px(84) + gap // 2
            for iid in inside:
                chips.append(ItemChip(self, iid, pygame.Rect(rect.x + gap, cy, rect.w - 2 * gap, h), texts[iid]))
                cy += h + gap // 2
        return [tray_widget, *self.boxes, *chips]

    def draw(self, surface: pygame.Surface) -> None:
        if self.tray_text:
            app = self.app
            app.type.block(surface, self.tray_text, self.tray.inflate(-self.px(40), -self.px(20)),
                           size=app.metrics.text("body"), color=app.palette.ink_soft, align="center",
                           valign="middle", name="tray-empty")

    def draw_over(self, surface: pygame.Surface) -> None:
        drag = self.app.dragging()
        if drag is None or not isinstance(drag[0], ItemChip):
            return
        rect = drag[0].rect.copy()
        rect.center = drag[1]
        drag[0].paint(surface, self.app, rect)

    def on_drag(self, widget: Widget, pos: tuple[int, int]) -> None:
        if isinstance(widget, ItemChip):
            self.selected = widget.item_id

    def on_drop(self, widget: Widget, pos: tuple[int, int]) -> None:
        if isinstance(widget, ItemChip):
            targets = [(box.rect, box.category) for box in self.boxes if box.category is not None]
            self.drop(widget.item_id, pos, targets)

    def status(self) -> str:
        return self._("Touche une carte, puis la boîte où elle va.")


# -- hotspots ----------------------------------------------------------------------------


class PictureArea(Widget):
    """The picture to search: a tap is turned into image fractions for `Region.contains`."""

    focusable = False

    def __init__(self, view: HotspotsView, rect: pygame.Rect) -> None:
        super().__init__("picture", rect)
        self.view = view

    def activate(self, pos: tuple[int, int] | None = None) -> None:
        if pos is not None:
            self.view.tap_picture(pos)

    def draw(self, surface: pygame.Surface, app: App, *, focused: bool, pressed: bool) -> None:
        self.view.draw_picture(surface)


class RegionTarget(Widget):
    """A region for keyboard players (Tab, Enter); fingers tap the picture itself."""

    def __init__(self, view: HotspotsView, region: Region, rect: pygame.Rect) -> None:
        super().__init__(f"region:{region.id}", rect, on_tap=lambda: view.toggle(region.id))
        self.region = region

    def hit(self, pos: tuple[int, int]) -> bool:
        return False


class HotspotsView(PuzzleView):
    """Find the right places on a picture; each chosen place is circled and named."""

    puzzle: Hotspots

    def __init__(self, screen: PuzzleScreen, puzzle: Hotspots) -> None:
        super().__init__(screen, puzzle)
        self.chosen: list[str] = []
        self.picture = pygame.Rect(0, 0, 0, 0)
        self.image: pygame.Surface | None = None
        self.ripples: list[tuple[tuple[int, int], float]] = []
        self.side = pygame.Rect(0, 0, 0, 0)

    def region_rect(self, region: Region) -> pygame.Rect:
        pic = self.picture
        return pygame.Rect(pic.x + round(region.x * pic.w), pic.y + round(region.y * pic.h),
                           max(1, round(region.w * pic.w)), max(1, round(region.h * pic.h)))

    def toggle(self, rid: str) -> None:
        if rid in self.chosen:
            self.chosen.remove(rid)
        else:
            self.chosen.append(rid)
        self.changed()

    def tap_picture(self, pos: tuple[int, int]) -> None:
        pic = self.picture
        if pic.w <= 0 or pic.h <= 0:
            return
        fx = (pos[0] - pic.x) / pic.w
        fy = (pos[1] - pic.y) / pic.h
        hits = [r for r in self.puzzle.regions if r.contains(fx, fy)]
        if not hits:
            self.ripples.append((pos, self.app.time))
            self.app.dirty = True
            return
        # Overlapping regions: the smallest one is the most precise answer.
        region = min(hits, key=lambda r: r.w * r.h)
        self.toggle(region.id)

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        side_w = self.px(500)
        room = pygame.Rect(area.x, area.y, area.w - side_w - self.px(30), area.h)
        self.side = pygame.Rect(room.right + self.px(30), area.y, side_w, area.h)
        directory = self.app.mission_dir()
        self.image = None
        if directory is not None:
            self.image = self.app.assets.image(directory / self.puzzle.image, room.size)
        if self.image is not None:
            self.picture = self.image.get_rect(center=room.center)
        else:
            self.picture = room.copy()
        widgets: list[Widget] = [PictureArea(self, self.picture)]
        regions = sorted(self.puzzle.regions, key=lambda r: -r.w * r.h)
        widgets += [RegionTarget(self, r, self.region_rect(r)) for r in regions]
        y = self.side.y + self.px(80)
        for rid in self.chosen:
            region = next(r for r in self.puzzle.regions if r.id == rid)
            widgets.append(Button(f"unpick:{rid}", pygame.Rect(self.side.x, y, self.side.w, self.px(96)),
                                  self.text(region.label), icon="cross", kind="plain", text_role="small",
                                  align="left", on_tap=partial(self.toggle, rid)))
            y += self.px(110)
            if y > self.side.bottom - self.px(96):
                break
        return widgets

    def draw_picture(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        pic = self.picture
        panel(surface, pic.inflate(self.px(16), self.px(16)), p.surface, radius=self.px(16), shadow=p.shadow,
              depth=self.px(8))
        if self.image is not None:
            surface.blit(self.image, pic)
        else:
            # Without its picture the puzzle stays playable: the places are drawn as labelled boxes.
            for region in self.puzzle.regions:
                r = self.region_rect(region)
                pygame.draw.rect(surface, p.outline, r, width=max(2, self.px(3)), border_radius=self.px(10))
                app.type.block(surface, self.text(region.label), r.inflate(-self.px(10), -self.px(10)),
                               size=m.text("small"), color=p.ink_soft, align="center", valign="middle",
                               name=f"region-label:{region.id}")
        focused = self.screen.focus if app.show_focus else None
        for region in self.puzzle.regions:
            r = self.region_rect(region)
            if region.id in self.chosen:
                radius = max(self.px(40), min(max(r.w, r.h) // 2 + self.px(12), self.px(160)))
                pygame.draw.circle(surface, p.focus_inner, r.center, radius, max(4, self.px(12)))
                pygame.draw.circle(surface, p.primary, r.center, radius, max(3, self.px(8)))
                mark = pygame.Rect(0, 0, self.px(64), self.px(64))
                mark.center = (r.centerx + int(radius * 0.7), r.centery - int(radius * 0.7))
                pygame.draw.ellipse(surface, p.primary, mark)
                icon = app.assets.icon("check", self.px(46), p.on_primary)
                surface.blit(icon, icon.get_rect(center=mark.center))
            if focused == f"region:{region.id}":
                    focus_ring(surface, r, p, self.px(10), self.px(6))
        for pos, started in self.ripples:
            age = (app.time - started) / RIPPLE_SECONDS
            if 0 <= age < 1:
                pygame.draw.circle(surface, p.ink_soft, pos, self.px(20 + 50 * age), max(2, self.px(5 * (1 - age))))

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        app.type.block(surface, self._("Tes choix"), pygame.Rect(self.side.x, self.side.y, self.side.w, self.px(64)),
                       size=app.metrics.text("subtitle"), color=app.palette.ink, bold=True, name="hotspot-choices")
        if not self.chosen:
            app.type.block(surface, self._("Touche l'image là où tu vois un indice."),
                           pygame.Rect(self.side.x, self.side.y + self.px(80), self.side.w, self.px(200)),
                           size=app.metrics.text("body"), color=app.palette.ink_soft, name="hotspot-help")

    def update(self, now: float) -> None:
        self.ripples = [(pos, t) for pos, t in self.ripples if now - t < RIPPLE_SECONDS]

    def animating(self) -> bool:
        self.update(self.app.time)
        return bool(self.ripples)

    def answer(self) -> object | None:
        return list(self.chosen) if self.chosen else None

    def status(self) -> str:
        n = len(self.chosen)
        return self.ngettext("Zone choisie : {n}", "Zones choisies : {n}", n).format(n=n)


# -- short text and cipher ---------------------------------------------------------------


class TypedView(PuzzleView, ABC):
    """An answer typed on the on-screen keyboard, or on a real one, or pasted: what `accepts`
    lets through, up to `max_length` characters."""

    def __init__(self, screen: PuzzleScreen, puzzle: Puzzle) -> None:
        super().__init__(screen, puzzle)
        self.typed = ""

    @property
    @abstractmethod
    def max_length(self) -> int:
        """The most characters the answer may have."""

    @abstractmethod
    def accepts(self, char: str) -> bool:
        """Whether `char` may be part of the answer."""

    def on_text(self, text: str) -> None:
        room = self.max_length - len(self.typed)
        kept = [c for c in text[: self.max_length * 4] if self.accepts(c)]
        self.typed += "".join(kept)[: max(0, room)]
        self.changed()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_BACKSPACE:
            self.press("back")
            return True
        # The space bar types a space here (it arrives as text), it does not press the focused key.
        return event.key == pygame.K_SPACE

    @abstractmethod
    def press(self, key: str) -> None:
        """A key of the on-screen keyboard, "back" included."""


class TextView(TypedView):
    """A short answer typed on the on-screen keyboard (accents included)."""

    puzzle: ShortText | Cipher
    rows = KEYBOARD_ROWS

    @property
    def max_length(self) -> int:
        if isinstance(self.puzzle, ShortText):
            return self.puzzle.max_length
        return min(60, len(self.puzzle.plaintext) + 10)

    def accepts(self, char: str) -> bool:
        return allowed_char(char)

    def press(self, key: str) -> None:
        if key == "back":
            self.typed = self.typed[:-1]
        elif (len(self.typed) < self.max_length and allowed_char(key)
              and (key != " " or (self.typed and not self.typed.endswith(" ")))):
            self.typed += key
        self.changed()

    def field_and_keys(self, area: pygame.Rect, top: int) -> list[Widget]:
        gap = self.px(12)
        field_h = self.px(110)
        field = pygame.Rect(area.x, top, min(area.w, self.px(1300)), field_h)
        field.centerx = area.centerx
        keys = pygame.Rect(area.x, field.bottom + self.px(20), area.w, area.bottom - field.bottom - self.px(20))
        return [AnswerField("answer", field, lambda: self.typed, placeholder=self._("Écris ta réponse ici")),
                *keyboard(keys, self.press, gap, space_label=self._("espace"), rows=self.rows)]

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        return self.field_and_keys(area, area.y)

    def answer(self) -> object | None:
        return self.typed.strip() or None

    def status(self) -> str:
        return self.ngettext("{n} lettre au plus.", "{n} lettres au plus.", self.max_length).format(
            n=self.max_length)

    def after_wrong(self) -> None:
        self.typed = ""


def _plain_upper(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


class CipherView(TextView):
    """A Caesar-coded message, its key, an alphabet strip to decode with, and the keyboard."""

    puzzle: Cipher
    rows = LETTERS_ONLY

    def ciphertext(self) -> str:
        return checkers.caesar(_plain_upper(self.puzzle.plaintext), self.puzzle.shift)

    def layout(self, area: pygame.Rect) -> list[Widget]:
        # The coded message and the answer share one row so the keys keep a finger's size.
        self.area = area
        gap = self.px(30)
        row_h = self.px(104)
        self.code_box = pygame.Rect(area.x, area.y, (area.w - gap) // 2, row_h)
        field = pygame.Rect(self.code_box.right + gap, area.y, area.w - self.code_box.w - gap, row_h)
        self.strip = pygame.Rect(area.x, area.y + row_h + self.px(14), area.w, self.px(116))
        keys = pygame.Rect(area.x, self.strip.bottom + self.px(16), area.w, area.bottom - self.strip.bottom
                           - self.px(16))
        return [AnswerField("answer", field, lambda: self.typed, placeholder=self._("Écris le mot décodé")),
                *keyboard(keys, self.press, self.px(12), space_label=self._("espace"), rows=self.rows)]

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        code = self.ciphertext()
        box = self.code_box
        panel(surface, box, p.night if not app.settings.high_contrast else p.surface, radius=self.px(20),
              border=p.outline, border_width=self.px(3))
        icon = app.assets.icon("key", self.px(56), (255, 232, 150) if not app.settings.high_contrast else p.ink)
        surface.blit(icon, icon.get_rect(midleft=(box.x + self.px(24), box.centery)))
        app.type.block(surface, code, box.inflate(-self.px(180), -self.px(8)), size=m.text("title"),
                       color=(255, 232, 150) if not app.settings.high_contrast else p.ink, bold=True,
                       valign="middle", align="center", max_lines=1, name="ciphertext")
        strip = self.strip
        head_w = self.px(210)
        cell_w = (strip.w - head_w) / 26
        row_h = strip.h // 2
        used = set(code)
        shift = self.puzzle.shift
        heads = (self._("codé"), self._("clair"))
        for row in range(2):
            y = strip.y + row * row_h
            app.type.block(surface, heads[row], pygame.Rect(strip.x, y, head_w - self.px(10), row_h),
                           size=m.text("small"), color=p.ink_soft, bold=True, valign="middle", align="right",
                           name=f"strip-head:{row}")
            for i in range(26):
                cell = pygame.Rect(round(strip.x + head_w + i * cell_w), y, math.ceil(cell_w) - 2, row_h - 4)
                letter = chr(65 + i)
                hot = letter in used
                if row == 0:
                    panel(surface, cell, p.accent if hot else p.surface, radius=self.px(8), border=p.outline,
                          border_width=1)
                    app.type.line(surface, letter, cell.center, size=m.text("small"),
                                  color=p.on_accent if hot else p.ink, bold=True, anchor="center")
                else:
                    plain = chr(65 + (i - shift) % 26) if self.puzzle.show_key else "?"
                    panel(surface, cell, p.surface_alt, radius=self.px(8), border=p.outline, border_width=1)
                    app.type.line(surface, plain, cell.center, size=m.text("small"),
                                  color=p.primary_dark if hot else p.ink_soft, bold=hot, anchor="center")

    def status(self) -> str:
        if self.puzzle.show_key:
            shift = self.puzzle.shift
            return self.ngettext("Clé : chaque lettre a avancé de {n} place.",
                                 "Clé : chaque lettre a avancé de {n} places.", shift).format(n=shift)
        return self._("Trouve de combien de places les lettres ont avancé.")


def view_for(screen: PuzzleScreen, puzzle: Puzzle) -> PuzzleView:
    """The view that fits the puzzle's type."""
    match puzzle:
        case CodeLock():
            return CodeView(screen, puzzle)
        case MultipleChoice():
            return ChoiceView(screen, puzzle)
        case TrueFalse():
            return TrueFalseView(screen, puzzle)
        case Ordering():
            return OrderView(screen, puzzle)
        case Categorise():
            return CategoriseView(screen, puzzle)
        case Hotspots():
            return HotspotsView(screen, puzzle)
        case Cipher():
            return CipherView(screen, puzzle)
        case ShortText():
            return TextView(screen, puzzle)
    # Imported here: the themed views build on PuzzleView, defined in this module.
    from gardiens.ui.widgets import themed

    match puzzle:
        case Feed():
            return themed.FeedView(screen, puzzle)
        case Chat():
            return themed.ChatView(screen, puzzle)
        case Settings():
            return themed.SettingsView(screen, puzzle)
        case Password():
            return themed.PasswordView(screen, puzzle)
        case Cookies():
            return themed.CookiesView(screen, puzzle)
        case Pegi():
            return themed.PegiView(screen, puzzle)
        case Ads():
            return themed.AdsView(screen, puzzle)
    raise TypeError(f"no view for puzzle type {type(puzzle).__name__}")
