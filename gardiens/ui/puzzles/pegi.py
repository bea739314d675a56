"""The "pegi" kind: games sorted by their PEGI age rating."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import PEGI_RATINGS, Pegi
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.social import mission_picture, plain
from gardiens.ui.puzzles.sorting import SortView

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host, Screen


def pegi_badge(surface: pygame.Surface, app: Host, rect: pygame.Rect, rating: str) -> None:
    """A generic age badge: a rounded square with the age; green, orange or red like the scale."""
    p = app.palette
    m = app.metrics
    fill = {"3": p.good, "7": p.good, "12": p.accent_dark, "16": p.accent_dark, "18": p.bad}[rating]
    ink = p.on_primary
    if app.settings.high_contrast:
        fill, ink = p.surface, p.ink
    pygame.draw.rect(surface, fill, rect, border_radius=max(4, rect.w // 6))
    pygame.draw.rect(surface, p.on_primary if not app.settings.high_contrast else p.outline, rect,
                     width=max(2, rect.w // 20), border_radius=max(4, rect.w // 6))
    app.type.block(surface, rating, rect.inflate(-m.px(8), -m.px(8)), size=int(rect.h * 0.62), color=ink, bold=True,
                   align="center", valign="middle", max_lines=1, name=f"pegi-badge:{rating}")


class PegiView(SortView):
    """Made-up games to sort into five age boxes: 3, 7, 12, 16 and 18."""

    puzzle: Pegi
    # Five boxes and the game cards need the whole width.
    side_picture = False
    card_prefix = "game"
    box_prefix = "pegi"
    # The cards take the height: their descriptions wrap onto three or four lines. The boxes are
    # targets, a head with the badge and a count, and a strip for the drop arrow.
    card_height = 330
    box_head = 104
    box_height = 150

    def __init__(self, screen: Screen, puzzle: Pegi) -> None:
        super().__init__(screen, puzzle)
        self.description_size = self.app.metrics.text("small")

    def card_ids(self) -> list[str]:
        return [game.id for game in self.puzzle.games]

    def measure(self, cards: list[tuple[str, pygame.Rect]]) -> None:
        games = {g.id: g for g in self.puzzle.games}
        texts = [plain(self.text(games[cid].description)) for cid, _rect in cards]
        boxes = [self.description_box(rect, games[cid].image) for cid, rect in cards]
        self.description_size = self.app.type.common_size(texts, boxes, self.app.metrics.text("small"))

    def description_box(self, rect: pygame.Rect, image: str | None) -> pygame.Rect:
        m = self.app.metrics
        inner = rect.inflate(-m.px(28), -m.px(20))
        x = inner.x + (min(inner.h, m.px(130)) + m.px(16) if image else 0)
        title_h = self.app.type.font(m.text("body"), True).get_linesize()
        return pygame.Rect(x, inner.y + title_h - m.px(4), inner.right - x, inner.h - title_h + m.px(4))

    def box_ids(self) -> list[str]:
        return list(PEGI_RATINGS)

    def box_label(self, box_id: str) -> str:
        return self._("PEGI {n}").format(n=box_id)

    def paint_card(self, surface: pygame.Surface, card_id: str, rect: pygame.Rect) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        game = next(g for g in self.puzzle.games if g.id == card_id)
        selected = self.selected == card_id
        panel(surface, rect, p.surface, radius=m.px(20), shadow=p.shadow, depth=m.px(5),
              border=p.primary if selected else p.outline, border_width=m.px(7 if selected else 3))
        inner = rect.inflate(-m.px(28), -m.px(20))
        side = min(inner.h, m.px(130))
        image = mission_picture(self, game.image, (side, side))
        x = inner.x
        if image is not None:
            surface.blit(image, image.get_rect(midleft=(inner.x, inner.centery)))
            x += image.get_width() + m.px(16)
        title_size = m.text("body")
        title_h = app.type.font(title_size, True).get_linesize()
        icon = app.assets.icon("dice", m.px(38), p.primary_dark)
        surface.blit(icon, icon.get_rect(midleft=(x, inner.y + title_h // 2)))
        app.type.block(surface, plain(self.text(game.title)), pygame.Rect(x + m.px(48), inner.y,
                       inner.right - x - m.px(90), title_h), size=title_size, color=p.ink, bold=True, max_lines=1,
                       name=f"game:{card_id}")
        app.type.block(surface, plain(self.text(game.description)), self.description_box(rect, game.image),
                       size=self.description_size, color=p.ink, name=f"game-text:{card_id}")

    def paint_box(self, surface: pygame.Surface, box_id: str, rect: pygame.Rect) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        head = self.box_frame(surface, rect, p.outline)
        badge = pygame.Rect(0, 0, head.h - m.px(18), head.h - m.px(18))
        badge.midleft = (head.x + m.px(14), head.centery)
        pegi_badge(surface, app, badge, box_id)
        x = badge.right + m.px(14)
        app.type.block(surface, self._("PEGI {n}").format(n=box_id), pygame.Rect(x, head.y + m.px(10),
                       head.right - x - m.px(10), head.h // 2 - m.px(6)), size=m.text("body"), color=p.ink,
                       bold=True, max_lines=1, valign="bottom", name=f"pegi:{box_id}")
        app.type.block(surface, self._("dès {n} ans").format(n=box_id), pygame.Rect(x, head.centery,
                       head.right - x - m.px(10), head.h // 2 - m.px(8)), size=m.text("small"), color=p.ink_soft,
                       max_lines=1, name=f"pegi-age:{box_id}")
        count = sum(1 for b in self.placed.values() if b == box_id)
        if count:
            app.type.line(surface, str(count), (rect.centerx, (head.bottom + rect.bottom) // 2),
                          size=m.text("subtitle"), color=p.ink, bold=True, anchor="center")
        elif self.selected is not None:
            self.drop_arrow(surface, rect)
