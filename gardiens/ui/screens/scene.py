"""The mission's scene: the picture (or the drawn landscape) the map and the endings stand on,
greyed and fogged as the team left it, and where each puzzle's spot sits in it."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import Mission
from gardiens.ui.draw import vertical_gradient
from gardiens.ui.picture_text import PictureWords, language_variant, pictures_of
from gardiens.ui.theme import TOUCH, Color, mix

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host

# The picture's shape when it cannot be read (the scene format asks for 16:9).
PICTURE_ASPECT = 16 / 9
# A spot, in design pixels at the largest: the medallion's diameter, the widest title plate, the
# plate's inner margin, the space between medallion and plate and between two spots.
MEDALLION = 116
PLATE = 340
PLATE_NARROW = 200
PLATE_PAD = 10
PLATE_GAP = 8
SPOT_GAP = 16
# The sizes a crowded scene tries, as shares of the usual one, largest first.
SCALES = (1.0, 0.9, 0.8, 0.72, 0.64, 0.56)
TITLE_LINES = 2
# How much fog the adversary's words bring back, as a share of the fog at the start.
THICK = 0.35
# How far around a solved spot the fog clears, in medallions.
CLEARING = 1.6


@dataclass(frozen=True)
class SpotLook:
    """The size of every spot of one scene: its medallion, its title plate and their texts."""

    medallion: int
    plate: int
    pad: int
    gap: int
    title_size: int
    title_h: int
    state_size: int
    state_h: int

    @property
    def plate_h(self) -> int:
        return 2 * self.pad + self.title_h + (self.gap // 2 + self.state_h if self.state_h else 0)

    @property
    def foot(self) -> tuple[int, int]:
        """The width and height a spot takes: its medallion over its plate."""
        return max(self.medallion, self.plate), self.medallion + self.gap + self.plate_h

    def footprint(self, centre: tuple[float, float]) -> pygame.Rect:
        """Where a spot whose medallion is centred on `centre` lies whole."""
        w, h = self.foot
        return pygame.Rect(round(centre[0] - w / 2), round(centre[1] - self.medallion / 2), w, h)


def spot_look(app: Host, titles: Sequence[str], states: Sequence[str], scale: float) -> SpotLook | None:
    """The spots at `scale` of their usual size, with room for the longest title in two lines
    and the longest state word (none when `states` is empty: the icon alone tells the state);
    None when a title needs more."""
    m = app.metrics
    label = m.floor("label")
    title_size = max(label, round(m.text("button") * scale))
    state_size = max(label, round(m.text("small") * scale))
    # The plate is as narrow as its titles allow: a crowded scene keeps room between spots.
    for width in range(PLATE_NARROW, PLATE + 1, 20):
        plate = m.px(width)
        inner = plate - 2 * m.px(PLATE_PAD)
        title_h = _title_height(app, titles, title_size, inner)
        if title_h is not None:
            break
    else:
        return None
    state_h = 0
    for state in states:
        lines, wide, height = app.type.measure(state, state_size, inner)
        if len(lines) > 1 or wide > inner:
            return None
        state_h = max(state_h, height)
    medallion = max(m.touch, m.px(MEDALLION * scale), round(TOUCH * m.height / 1080))
    return SpotLook(medallion, plate, m.px(PLATE_PAD), m.px(PLATE_GAP), title_size, title_h, state_size, state_h)


def _title_height(app: Host, titles: Sequence[str], size: int, width: int) -> int | None:
    """The height the tallest title takes at `width`; None when one needs more than two lines."""
    tallest = 0
    for title in titles:
        lines, wide, height = app.type.measure(title, size, width, True)
        if len(lines) > TITLE_LINES or wide > width:
            return None
        tallest = max(tallest, height)
    return tallest


def grid_cells(area: pygame.Rect, look: SpotLook, keep_out: Sequence[pygame.Rect], gap: int,
               count: int | None = None) -> list[tuple[int, int]]:
    """Medallion centres of a grid of spots spread over `area`, away from `keep_out`, in the
    order of a winding path: from the bottom row up, turning at each end. With a `count`, the
    fewest rows and columns that hold that many; else as many as fit."""
    w, h = look.foot
    most_cols = max(0, (area.w + gap) // (w + gap))
    most_rows = max(0, (area.h + gap) // (h + gap))
    shapes = [(most_cols, most_rows)]
    if count:
        # The fewest cells that hold them, in a grid whose cells are shaped like a spot (a row
        # of eight is a queue, not a place).
        fitting = [(cols, rows) for rows in range(1, most_rows + 1) for cols in range(1, most_cols + 1)
                   if cols * rows >= count]
        shapes = sorted(fitting, key=lambda s: (s[0] * s[1] - count > min(s),
                                                abs(math.log(area.w / s[0] / (area.h / s[1]) / (w / h))))) + shapes
    cells: list[tuple[int, int]] = []
    for cols, rows in shapes:
        cells = _cells(area, look, keep_out, cols, rows)
        if count is None or len(cells) >= count:
            break
    return cells


def _cells(area: pygame.Rect, look: SpotLook, keep_out: Sequence[pygame.Rect], cols: int,
           rows: int) -> list[tuple[int, int]]:
    h = look.foot[1]
    if not cols or not rows:
        return []
    # Spread over the area: the columns share its width, the rows its height.
    step_x = area.w / cols
    step_y = area.h / rows
    cells = []
    for r in range(rows):
        row = rows - 1 - r
        order = range(cols) if r % 2 == 0 else range(cols - 1, -1, -1)
        for c in order:
            x = area.x + step_x * (c + 0.5)
            y = area.y + step_y * (row + 0.5) - h / 2 + look.medallion / 2
            centre = (round(x), round(y))
            if look.footprint(centre).collidelist(list(keep_out)) == -1:
                cells.append(centre)
    return cells


def winding(cells: list[tuple[int, int]], count: int) -> list[tuple[int, int]]:
    """`count` of the path's cells, spread along it from its start to its end."""
    if count >= len(cells):
        return cells[:count]
    return [cells[round(i * (len(cells) - 1) / max(1, count - 1))] for i in range(count)]


def place_spots(wanted: Sequence[tuple[float, float] | None], area: pygame.Rect, look: SpotLook,
                keep_out: Sequence[pygame.Rect], gap: int) -> list[tuple[int, int]]:
    """Medallion centres for the spots: where the author wanted them (nudged apart until no two
    overlap and none leaves `area` or enters `keep_out`), the others along a winding path."""
    unplaced = sum(w is None for w in wanted)
    cells = grid_cells(area, look, keep_out, gap)
    if unplaced == len(wanted):
        path = grid_cells(area, look, keep_out, gap, unplaced)[:unplaced]
    else:
        free = [c for c in cells if all(math.dist(c, w) > look.foot[0] for w in wanted if w is not None)]
        path = winding(free, unplaced)
    picked = iter(path)
    points: list[list[float]] = [[float(v) for v in (w if w is not None else next(picked, area.center))]
                                 for w in wanted]
    if _relax(points, area, look, keep_out, gap):
        return [(round(x), round(y)) for x, y in points]
    # Too crowded to nudge apart: each spot takes the free grid cell nearest to where it wanted to be.
    taken: list[tuple[int, int]] = []
    rest = list(cells)
    for point in points:
        if not rest:
            taken.append((round(point[0]), round(point[1])))
            continue
        best = min(rest, key=lambda c: math.dist(c, point))
        rest.remove(best)
        taken.append(best)
    return taken


def _clamp(point: list[float], area: pygame.Rect, look: SpotLook) -> None:
    w, h = look.foot
    point[0] = min(max(point[0], area.x + w / 2), area.right - w / 2)
    point[1] = min(max(point[1], area.y + look.medallion / 2), area.bottom - h + look.medallion / 2)


def _relax(points: list[list[float]], area: pygame.Rect, look: SpotLook, keep_out: Sequence[pygame.Rect],
           gap: int) -> bool:
    """Push overlapping spots apart, a little at a time; True once none overlaps another."""
    for _ in range(300):
        for point in points:
            _clamp(point, area, look)
        clear = True
        rects = [look.footprint((p[0], p[1])).inflate(gap, gap) for p in points]
        for i, a in enumerate(rects):
            for j in range(i + 1, len(rects)):
                b = rects[j]
                if not a.colliderect(b):
                    continue
                clear = False
                dx = min(a.right, b.right) - max(a.left, b.left)
                dy = min(a.bottom, b.bottom) - max(a.top, b.top)
                sign_x = 1 if points[j][0] >= points[i][0] else -1
                sign_y = 1 if points[j][1] >= points[i][1] else -1
                if dx * a.h < dy * a.w:
                    points[i][0] -= sign_x * (dx / 2 + 1)
                    points[j][0] += sign_x * (dx / 2 + 1)
                else:
                    points[i][1] -= sign_y * (dy / 2 + 1)
                    points[j][1] += sign_y * (dy / 2 + 1)
        for point, rect in zip(points, rects, strict=True):
            for wall in keep_out:
                if rect.colliderect(wall):
                    clear = False
                    up = rect.bottom - wall.top
                    right = wall.right - rect.left
                    if up <= right:
                        point[1] -= up + 1
                    else:
                        point[0] += right + 1
        if clear:
            return all(look.footprint((p[0], p[1])).inflate(gap, gap).collidelist(
                [look.footprint((q[0], q[1])) for q in points if q is not p]) == -1 for p in points) \
                and all(area.contains(look.footprint((p[0], p[1]))) for p in points)
    return False


def cover_rect(size: tuple[int, int], aspect: float) -> pygame.Rect:
    """Where a picture of `aspect` lies when it covers `size`, centred, its edges cropped."""
    w, h = size
    if w / h > aspect:
        cover = pygame.Rect(0, 0, w, round(w / aspect))
    else:
        cover = pygame.Rect(0, 0, round(h * aspect), h)
    cover.center = (w // 2, h // 2)
    return cover


def picture_aspect(app: Host, mission: Mission) -> float:
    """The shape of the mission's scene picture (16:9 unless it says otherwise)."""
    folder = app.mission_dirs.get(mission.id)
    if mission.scene is None or folder is None:
        return PICTURE_ASPECT
    probe = app.assets.fitted_size(folder / mission.scene.picture, (1600, 1600))
    if probe is None or not probe[1]:
        return PICTURE_ASPECT
    return probe[0] / probe[1]


def author_spots(app: Host, mission: Mission, area: pygame.Rect) -> list[tuple[float, float] | None]:
    """Where the author put each puzzle on the picture, in the screen's pixels (None: not placed)."""
    if mission.scene is None:
        return [None] * len(mission.puzzles)
    cover = cover_rect(area.size, picture_aspect(app, mission)).move(area.topleft)
    spots = mission.scene.spots
    return [
        (cover.x + spots[p.id][0] / 100 * cover.w, cover.y + spots[p.id][1] / 100 * cover.h)
        if p.id in spots else None
        for p in mission.puzzles
    ]


def ask_picture(app: Host, mission: Mission, size: tuple[int, int]) -> None:
    """While a screen is prepared ahead: the scene's picture at `size`, asked of the picture
    worker so that drawing the scene then reads nothing."""
    folder = app.mission_dirs.get(mission.id)
    if app.assets.prefetch is not None and mission.scene is not None and folder is not None:
        cover = cover_rect(size, picture_aspect(app, mission))
        app.assets.image(folder / mission.scene.picture, cover.size, pictures_of(app.words, app.type.family))


class PictureArriving(Exception):
    """The scene's picture is still being read on the picture worker."""


def send_for_picture(app: Host, mission: Mission, size: tuple[int, int]) -> bool:
    """Ask the picture worker for the scene's picture covering `size` (the map's area), as the
    map will draw it; True once it is read (or there is none to read)."""
    folder = app.mission_dirs.get(mission.id)
    if mission.scene is None or folder is None:
        return True
    cover = cover_rect(size, picture_aspect(app, mission))
    language = (pictures_of(app.words, app.type.family) or PictureWords()).language
    return app.assets.request_image(language_variant(folder / mission.scene.picture, language), cover.size)


def picture(app: Host, mission: Mission, size: tuple[int, int], path: tuple[tuple[int, int], ...], *,
            wait: bool = True) -> pygame.Surface:
    """The restored world in full colour, covering `size`: the mission's picture, or a drawn
    landscape whose path winds through `path` (the spots, relative to the picture). Not `wait`:
    raises PictureArriving rather than wait for the picture worker still reading it."""
    folder = app.mission_dirs.get(mission.id)
    if mission.scene is not None and folder is not None:
        cover = cover_rect(size, picture_aspect(app, mission))
        words = pictures_of(app.words, app.type.family)
        if not wait and app.assets.image_arriving(folder / mission.scene.picture, cover.size, words):
            raise PictureArriving
        image = app.assets.image(folder / mission.scene.picture, cover.size, words, keep=False)
        if image is not None:
            surface = pygame.Surface(size)
            surface.fill(app.palette.background)
            surface.blit(image, image.get_rect(center=(size[0] // 2, size[1] // 2)))
            return _for_display(surface)
    return _for_display(landscape(size, path, seed=sum(map(ord, mission.id))))


def landscape(size: tuple[int, int], path: tuple[tuple[int, int], ...], *, seed: int) -> pygame.Surface:
    """The default scene: a sky, a sun, rolling hills, a lighthouse far off and a sandy path
    winding through the spots."""
    w, h = size
    surface = vertical_gradient(size, (140, 200, 240), (222, 240, 248))
    rng = random.Random(seed)
    pygame.draw.circle(surface, (255, 226, 140), (round(w * 0.86), round(h * 0.16)), round(h * 0.09))
    hills = ((0.42, (150, 200, 130)), (0.58, (110, 178, 104)), (0.76, (86, 156, 88)))
    for layer, (top, color) in enumerate(hills):
        phase = rng.uniform(0, math.tau)
        points = [(0, h)]
        for x in range(0, w + 40, 40):
            wave = math.sin(x / w * math.tau * (1 + layer * 0.5) + phase)
            points.append((x, round(h * (top + 0.05 * wave))))
        points.append((w, h))
        pygame.draw.polygon(surface, color, points)
    base = (round(w * 0.08), round(h * 0.48))
    pygame.draw.polygon(surface, (250, 246, 236), [(base[0] - 14, base[1]), (base[0] + 14, base[1]),
                                                  (base[0] + 9, base[1] - 70), (base[0] - 9, base[1] - 70)])
    pygame.draw.rect(surface, (232, 84, 72), (base[0] - 12, base[1] - 44, 24, 12))
    pygame.draw.circle(surface, (255, 230, 150), (base[0], base[1] - 78), 10)
    if len(path) > 1:
        width = max(12, h // 24)
        pygame.draw.lines(surface, (214, 190, 140), False, path, width + 8)
        pygame.draw.lines(surface, (240, 222, 176), False, path, width)
        for point in path:
            pygame.draw.circle(surface, (240, 222, 176), point, width * 1.4)
    return surface


def fog_veil(size: tuple[int, int], color: Color, seed: int) -> pygame.Surface:
    """Le Brouillard over the whole scene: an even veil with thicker puffs, fully opaque; the
    scene layer lets part of it through."""
    w, h = size
    veil = pygame.Surface(size, pygame.SRCALPHA)
    veil.fill((*color, 150))
    rng = random.Random(seed)
    for _ in range(40):
        r = rng.uniform(0.06, 0.16) * w
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        for k, a in ((1.0, 30), (0.6, 40)):
            pygame.draw.circle(veil, (*mix(color, (255, 255, 255), 0.3), 150 + a), (x, y), r * k)
    return veil


def clearing(radius: int) -> pygame.Surface:
    """A round mask that multiplies the fog's alpha: 0 at its centre, untouched at its edge."""
    size = 2 * radius
    mask = pygame.Surface((size, size), pygame.SRCALPHA)
    mask.fill((255, 255, 255, 255))
    steps = 24
    for i in range(steps):
        r = radius * (1 - i / steps)
        alpha = round(255 * (1 - (i + 1) / steps) ** 0.7)
        pygame.draw.circle(mask, (255, 255, 255, alpha), (radius, radius), r)
    return mask


def warm_glow(radius: int) -> pygame.Surface:
    """A warm light added around a solved spot."""
    size = 2 * radius
    glow = pygame.Surface((size, size))
    steps = 16
    for i in range(steps):
        t = (i + 1) / steps
        pygame.draw.circle(glow, (round(70 * t), round(54 * t), round(16 * t)), (radius, radius),
                           radius * (1 - i / steps))
    return glow


@dataclass(frozen=True)
class Progress:
    """What the scene shows of the team's progress: the share solved, which spots are lit and
    whether the adversary's fog is rolling back in."""

    share: float
    lit: tuple[tuple[int, int], ...]
    thick: bool = False


def scene_layer(app: Host, mission: Mission, size: tuple[int, int], path: tuple[tuple[int, int], ...],
                progress: Progress, *, wait: bool = True) -> pygame.Surface:
    """The scene as the team has made it: grey and foggy at first, colour returning and the fog
    thinning as puzzles are solved, a warm clearing around each solved spot. Not `wait`: raises
    PictureArriving while the picture worker still reads its picture."""
    frame = app.frame
    colour = frame.cached(("scene-picture", mission.id, size, path),
                          lambda: picture(app, mission, size, path, wait=wait))
    grey = frame.cached(("scene-grey", mission.id, size, path), lambda: _greyed(colour))
    surface = grey.copy()
    if progress.share > 0:
        colour.set_alpha(round(255 * min(1.0, progress.share)))
        surface.blit(colour, (0, 0))
        colour.set_alpha(None)
    # The fog thins as puzzles are solved; the adversary's words bring some of it back.
    fog_share = min(1.0, 1 - progress.share + (THICK if progress.thick else 0))
    radius = max(1, round(app.metrics.px(MEDALLION) * CLEARING))
    if fog_share > 0:
        fog = frame.cached(("scene-fog", size), lambda: fog_veil(size, app.palette.fog, 7)).copy()
        fog.fill((255, 255, 255, round(255 * fog_share)), special_flags=pygame.BLEND_RGBA_MULT)
        hole = frame.cached(("scene-clearing", radius), lambda: clearing(radius))
        for x, y in progress.lit:
            fog.blit(hole, (x - radius, y - radius), special_flags=pygame.BLEND_RGBA_MULT)
        surface.blit(fog, (0, 0))
    glow = frame.cached(("scene-glow", radius), lambda: warm_glow(radius))
    for x, y in progress.lit:
        surface.blit(glow, (x - radius, y - radius), special_flags=pygame.BLEND_RGB_ADD)
    return surface


def plain_scene(app: Host, size: tuple[int, int]) -> pygame.Surface:
    """What the map shows for the frames its picture takes to arrive: the fog, even and still."""
    def build() -> pygame.Surface:
        plain = pygame.Surface(size)
        plain.fill(mix(app.palette.fog, app.palette.background, 0.5))
        return _for_display(plain)
    return app.frame.cached(("scene-plain", size), build)


def _for_display(surface: pygame.Surface) -> pygame.Surface:
    """In the display's own pixel format, when there is a display: the scene made from it is
    then copied to the screen, not converted, every frame."""
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        return surface.convert()
    return surface


def _greyed(colour: pygame.Surface) -> pygame.Surface:
    """The picture without its colours, a little darker and bluer: the world the fog took."""
    grey = pygame.transform.grayscale(colour)
    grey.fill((200, 204, 222), special_flags=pygame.BLEND_RGB_MULT)
    return _for_display(grey)
