"""The "hotspots" kind: the right places found on a picture."""

from __future__ import annotations

from collections.abc import Hashable
from functools import partial
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import Hotspots, Region
from gardiens.ui.draw import focus_ring, panel
from gardiens.ui.picture_text import pictures_of
from gardiens.ui.puzzles.base import RIPPLE_SECONDS, GestureError, Hand, Part, ids
from gardiens.ui.puzzles.picking import PickingView
from gardiens.ui.theme import TOUCH_FLOOR, floor_at
from gardiens.ui.widgets.base import Button, Display, Widget

# The side of a chosen zone's number badge, in design pixels: small enough to hide little.
BADGE = 52
# Design pixels: the height of a row of the list of choices.
ROW = 120

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen
    from gardiens.ui.widgets.base import Canvas


class PictureArea(Part["HotspotsView"]):
    """The picture to search: a tap is turned into image fractions for `Region.contains`."""

    focusable = False

    def activate(self, pos: tuple[int, int] | None = None) -> None:
        if pos is not None:
            self.view.tap_picture(pos)

    def draw(self, surface: pygame.Surface, app: Canvas, *, focused: bool, pressed: bool) -> None:
        self.view.draw_picture(surface)

    def appearance(self, app: Canvas) -> Hashable | None:
        view = self.view
        focused = view.screen.focus if view.app.show_focus else None
        return self.appearance_of(id(view.image), tuple(view.chosen), focused, tuple(view.ripples))


class RegionTarget(Widget):
    """A region for keyboard players (Tab, Enter); fingers tap the picture itself."""

    def __init__(self, view: HotspotsView, region: Region, rect: pygame.Rect) -> None:
        super().__init__(f"region:{region.id}", rect, on_tap=lambda: view.toggle(region.id))
        self.region = region

    def hit(self, pos: tuple[int, int]) -> bool:
        return False

    def appearance(self, app: Canvas) -> Hashable | None:
        # Nothing but its focus ring (compared besides); the picture shows it too.
        return (type(self).__name__, tuple(self.rect))


class ChoiceList(Display):
    """The heading of the team's choices beside the picture, the help while there is none, and
    the number by each choice (its button goes over the rest of the row)."""

    def __init__(self, view: HotspotsView, rect: pygame.Rect) -> None:
        super().__init__("choices", rect)
        self.view = view

    def draw(self, surface: pygame.Surface, app: Canvas, *, focused: bool, pressed: bool) -> None:
        self.view.draw_choices(surface)

    def appearance(self, app: Canvas) -> Hashable | None:
        view = self.view
        return (type(self).__name__, tuple(self.rect), tuple(map(tuple, view.rows)), not view.chosen)


class HotspotsView(PickingView):
    """Find the right places on a picture; each chosen place is outlined, numbered and named."""

    puzzle: Hotspots
    pick_prefix = "region"

    def __init__(self, screen: Screen, puzzle: Hotspots) -> None:
        super().__init__(screen, puzzle)
        self.picture = pygame.Rect(0, 0, 0, 0)
        self.image: pygame.Surface | None = None
        self.ripples: list[tuple[tuple[int, int], float]] = []
        self.side = pygame.Rect(0, 0, 0, 0)
        self.rows: list[pygame.Rect] = []
        self.targets: dict[str, pygame.Rect] = {}

    def region_rect(self, region: Region) -> pygame.Rect:
        pic = self.picture
        return pygame.Rect(pic.x + round(region.x * pic.w), pic.y + round(region.y * pic.h),
                           max(1, round(region.w * pic.w)), max(1, round(region.h * pic.h)))

    def hit_areas(self) -> dict[str, pygame.Rect]:
        """Where a tap chooses each place: its zone, grown to the touch floor when it is smaller,
        inside the picture, and never across another place's area (one may hold another whole)."""
        floor = floor_at(TOUCH_FLOOR, self.app.size[1])
        zones = {r.id: self.region_rect(r) for r in self.puzzle.regions}
        areas: dict[str, pygame.Rect] = {}
        for rid, zone in sorted(zones.items(), key=lambda kv: kv[1].w * kv[1].h):
            wide = pygame.Rect(0, 0, max(zone.w, floor), max(zone.h, floor))
            # Centred on the zone first, then pushed to each side: the first that crosses no other place.
            tries = []
            for fx in (0.5, 0.0, 1.0):
                for fy in (0.5, 0.0, 1.0):
                    rect = wide.copy()
                    rect.x = zone.x - round((wide.w - zone.w) * fx)
                    rect.y = zone.y - round((wide.h - zone.h) * fy)
                    tries.append(rect.clamp(self.picture) if self.picture.contains(zone) else rect)
            others = [r for other, r in (zones | areas).items() if other != rid]
            areas[rid] = next((t for t in tries if t.contains(zone) and not any(crosses(t, o) for o in others)),
                              zone)
        return areas

    def tap_picture(self, pos: tuple[int, int]) -> None:
        pic = self.picture
        if pic.w <= 0 or pic.h <= 0:
            return
        fx = (pos[0] - pic.x) / pic.w
        fy = (pos[1] - pic.y) / pic.h
        hits = [r for r in self.puzzle.regions if r.contains(fx, fy)]
        if not hits:
            # Beside a small place, inside the area grown around it to a finger's size.
            hits = [r for r in self.puzzle.regions if self.targets.get(r.id, pygame.Rect(0, 0, 0, 0)).collidepoint(pos)]
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
            words = self.app.words
            self.image = self.app.assets.image(directory / self.puzzle.image, room.size,
                                               pictures_of(words, self.app.type.family))
        if self.image is not None:
            self.picture = self.image.get_rect(center=room.center)
        else:
            self.picture = room.copy()
        widgets: list[Widget] = [PictureArea(self, "picture", self.picture)]
        self.targets = self.hit_areas()
        regions = sorted(self.puzzle.regions, key=lambda r: -r.w * r.h)
        widgets += [RegionTarget(self, r, self.targets[r.id]) for r in regions]
        # Under the buttons of the choices, as when the view drew it.
        widgets.append(ChoiceList(self, self.side))
        y = self.side.y + self.px(80)
        # Each choice in the list wears the number of its mark on the picture.
        indent = self.px(BADGE + 12)
        self.rows = []
        for rid in self.chosen:
            region = next(r for r in self.puzzle.regions if r.id == rid)
            # Two lines of a long label fit the row: it is never cut.
            row = pygame.Rect(self.side.x + indent, y, self.side.w - indent, self.px(ROW))
            widgets.append(Button(f"unpick:{rid}", row, self.text(region.label), icon="cross", kind="plain",
                                  text_role="small", align="left", on_tap=partial(self.toggle, rid)))
            self.rows.append(row)
            y += self.px(ROW + 14)
            if y > self.side.bottom - self.px(ROW):
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
        clip = surface.get_clip()
        # Marks stay on the picture: they never spill over the instruction bar or the choices.
        surface.set_clip(pic.clip(clip))
        for region in self.puzzle.regions:
            r = self.region_rect(region)
            if region.id in self.chosen:
                outline = self.mark_rect(region)
                pygame.draw.rect(surface, p.primary, outline, width=max(3, self.px(6)), border_radius=self.px(14))
                pygame.draw.rect(surface, p.focus_inner, outline.inflate(-2 * self.px(6), -2 * self.px(6)),
                                 width=max(1, self.px(2)), border_radius=self.px(8))
            if focused == f"region:{region.id}":
                focus_ring(surface, r, p, self.px(10), self.px(6))
        for number, badge in enumerate(self.badges(), start=1):
            self.number_badge(surface, badge, number)
        surface.set_clip(clip)
        for pos, started in self.ripples:
            age = (app.time - started) / RIPPLE_SECONDS
            if 0 <= age < 1:
                # Still (reduced motion): one ring that stays the same while it shows.
                shown = 0.5 if app.settings.reduced_motion else age
                pygame.draw.circle(surface, p.ink_soft, pos, self.px(20 + 50 * shown), max(2, self.px(5 * (1 - shown))))

    def mark_rect(self, region: Region) -> pygame.Rect:
        """The outline of a chosen zone: hugging it, so that what is inside stays readable."""
        return self.region_rect(region).inflate(self.px(12), self.px(12)).clip(self.picture)

    def badges(self) -> list[pygame.Rect]:
        """Where each chosen zone's number sits: on a corner of its outline, inside the picture,
        the top-right one unless an earlier number is there (zones side by side)."""
        placed: list[pygame.Rect] = []
        for rid in self.chosen:
            outline = self.mark_rect(next(r for r in self.puzzle.regions if r.id == rid))
            corners = [outline.topright, outline.topleft, outline.bottomright, outline.bottomleft]
            spots = [self.badge_at(corner) for corner in corners]
            placed.append(next((b for b in spots if b.collidelist(placed) < 0), spots[0]))
        return placed

    def badge_at(self, corner: tuple[int, int]) -> pygame.Rect:
        badge = pygame.Rect(0, 0, self.px(BADGE), self.px(BADGE))
        badge.center = corner
        return badge.clamp(self.picture)

    def number_badge(self, surface: pygame.Surface, rect: pygame.Rect, number: int) -> None:
        """The number of a choice, the same on the picture and in the list of choices."""
        app = self.app
        p = app.palette
        pygame.draw.ellipse(surface, p.primary, rect)
        pygame.draw.ellipse(surface, p.on_primary, rect, max(2, self.px(3)))
        app.type.line(surface, str(number), rect.center, size=app.metrics.text("small"), color=p.on_primary,
                      bold=True, anchor="center")

    def draw_choices(self, surface: pygame.Surface) -> None:
        app = self.app
        for number, row in enumerate(self.rows, start=1):
            badge = pygame.Rect(self.side.x, 0, self.px(BADGE), self.px(BADGE))
            badge.centery = row.centery
            self.number_badge(surface, badge, number)
        app.type.block(surface, self._("Vos choix"), pygame.Rect(self.side.x, self.side.y, self.side.w, self.px(64)),
                       size=app.metrics.text("subtitle"), color=app.palette.ink, bold=True, name="hotspot-choices")
        if not self.chosen:
            app.type.block(surface, self._("Touchez l'image là où vous voyez un signe."),
                           pygame.Rect(self.side.x, self.side.y + self.px(80), self.side.w, self.px(200)),
                           size=app.metrics.text("body"), color=app.palette.ink_soft, name="hotspot-help")

    def update(self, now: float) -> None:
        self.ripples = [(pos, t) for pos, t in self.ripples if now - t < RIPPLE_SECONDS]

    def animating(self) -> bool:
        self.update(self.app.time)
        return bool(self.ripples)

    def status(self) -> str:
        n = len(self.chosen)
        return self.ngettext("Zone choisie : {n}", "Zones choisies : {n}", n).format(n=n)

    def enter(self, hand: Hand, answer: object) -> int:
        """Tap each right place at a point no smaller region covers."""
        wanted = ids(answer)
        for rid in wanted:
            hand.tap(self.inside_only(rid))
        if sorted(self.chosen) != sorted(wanted):
            raise GestureError(f"hotspots chosen {self.chosen}, wanted {wanted}")
        return len(wanted)

    def inside_only(self, rid: str) -> tuple[int, int]:
        """A point of region `rid` that no smaller region covers, so that a tap there chooses it."""
        regions = self.puzzle.regions
        rect = self.region_rect(next(r for r in regions if r.id == rid))
        pic = self.picture
        for fy in (0.5, 0.3, 0.7, 0.15, 0.85):
            for fx in (0.5, 0.3, 0.7, 0.15, 0.85):
                x = rect.x + int(rect.w * fx)
                y = rect.y + int(rect.h * fy)
                hits = [r for r in regions if r.contains((x + 0.5 - pic.x) / pic.w, (y + 0.5 - pic.y) / pic.h)]
                if hits and min(hits, key=lambda r: r.w * r.h).id == rid:
                    return (x, y)
        return rect.center


def crosses(a: pygame.Rect, b: pygame.Rect) -> bool:
    """Whether two areas overlap without one holding the other whole."""
    return a.colliderect(b) and not a.contains(b) and not b.contains(a)
