"""Drawing primitives of the game's look: soft panels, Lumi the lighthouse-robot, the fog, stars."""

from __future__ import annotations

import io
import math
import random
import re
from functools import lru_cache

import pygame

from gardiens.paths import assets_dir
from gardiens.ui.theme import Color, Palette, mix


def panel(
    surface: pygame.Surface,
    rect: pygame.Rect,
    fill: Color,
    *,
    radius: int,
    shadow: Color | None = None,
    depth: int = 0,
    border: Color | None = None,
    border_width: int = 0,
) -> None:
    """A rounded card with an optional drop shadow below it (the "button" look)."""
    if shadow is not None and depth > 0:
        pygame.draw.rect(surface, shadow, rect.move(0, depth), border_radius=radius)
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    if border is not None and border_width > 0:
        pygame.draw.rect(surface, border, rect, width=border_width, border_radius=radius)


def out_of_clip(surface: pygame.Surface, rect: pygame.Rect) -> bool:
    """Whether `rect` lies wholly outside the surface's clip: nothing drawn inside it can show.
    A tap repaints a few areas under a clip, each walking the screen's whole drawing; what a
    part skips there is work no pixel needed."""
    return not surface.get_clip().colliderect(rect)


def raised_face(area: pygame.Rect, depth: int, pressed: bool, *, sunk: int) -> tuple[pygame.Rect, int]:
    """Where the face of a card raised `depth` above its shadow goes in `area`, and the depth to
    draw its shadow at: pressed, the face sinks until it stands `sunk` above the shadow."""
    face = area.copy()
    if pressed:
        face.y += depth - sunk
        return face, sunk
    face.h -= depth
    return face, depth


def vertical_gradient(size: tuple[int, int], top: Color, bottom: Color) -> pygame.Surface:
    """A full-screen gradient drawn once (see `paint_gradient`)."""
    surface = pygame.Surface(size)
    paint_gradient(surface, top, bottom)
    return surface


def paint_gradient(surface: pygame.Surface, top: Color, bottom: Color,
                   size: tuple[int, int] | None = None) -> None:
    """`surface` painted from `top` to `bottom` (as if it were `size`, its own by default): a
    strip of 256 steps smoothed down the height, each row one colour."""
    strip = pygame.Surface((1, 256))
    for y in range(256):
        strip.set_at((0, y), mix(top, bottom, y / 255))
    width, height = size or surface.get_size()
    # Smoothed down the height only, then each run of rows of one colour filled at once: the
    # pixels of smoothing both ways (every row is one colour), without widening the strip pixel
    # by pixel.
    column = pygame.transform.smoothscale(strip, (1, height))
    start = 0
    for y in range(1, height + 1):
        if y == height or column.get_at((0, y)) != column.get_at((0, start)):
            surface.fill(column.get_at((0, start)), (0, start, width, y - start))
            start = y


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, palette: Palette, radius: int, px: int) -> None:
    """The keyboard focus: a thick outline with an inner contrast line (a shape, not a tint)."""
    outer = rect.inflate(px * 2 + 8, px * 2 + 8)
    pygame.draw.rect(surface, palette.focus, outer, width=max(3, px), border_radius=radius + px)
    pygame.draw.rect(
        surface, palette.focus_inner, outer.inflate(-2 * px, -2 * px), width=2, border_radius=radius
    )


def speech_bubble(
    surface: pygame.Surface,
    rect: pygame.Rect,
    fill: Color,
    border: Color,
    *,
    radius: int,
    tail_to: tuple[int, int],
    width: int,
) -> None:
    """A rounded bubble whose tail points at the speaker."""
    cx = min(max(tail_to[0], rect.left + radius * 2), rect.right - radius * 2)
    base_y = rect.bottom - 2 if tail_to[1] > rect.bottom else rect.top + 2
    if rect.left <= tail_to[0] <= rect.right or tail_to[1] > rect.bottom or tail_to[1] < rect.top:
        tail = [(cx - radius, base_y), (cx + radius, base_y), tail_to]
    else:
        side = rect.left + 2 if tail_to[0] < rect.left else rect.right - 2
        cy = min(max(tail_to[1], rect.top + radius * 2), rect.bottom - radius * 2)
        tail = [(side, cy - radius), (side, cy + radius), tail_to]
    pygame.draw.polygon(surface, border, tail)
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    pygame.draw.rect(surface, border, rect, width=width, border_radius=radius)
    inner = [(x + (rect.centerx - x) * 0.08, y + (rect.centery - y) * 0.08) for x, y in tail[:2]]
    pygame.draw.polygon(surface, fill, [*inner, _towards(tail[2], rect.center, width * 2.2)])


def _towards(p: tuple[int, int], q: tuple[int, int], d: float) -> tuple[float, float]:
    dx, dy = q[0] - p[0], q[1] - p[1]
    n = math.hypot(dx, dy) or 1.0
    return (p[0] + dx / n * d, p[1] + dy / n * d)


# Lumi and le Brouillard are drawn once, in assets/characters/, and the game rasterises those
# files; the mission pictures embed the same drawings, so the guide looks the same everywhere.
MOODS = ("happy", "thinking", "sad", "worried")
# The canonical colours of the character files, swapped for the wanted ones before rasterising.
_LUMI_RED = "#E85448"
_LUMI_CREAM = "#FFF6E8"
_LUMI_DARK = "#2C2A4A"
_LUMI_LAMP = "#FFF0AA"
_FOG = "#BEC2CE"
_FOG_INK = "#262442"
# Lumi's drawing spans this box around its base (bottom centre), in hundredths of its height.
_LUMI_BOX = pygame.Rect(-40, -120, 80, 125)
# Glow is shown in this many steps of the halo, and the lamp's colour in fewer, so a breathing lamp
# reuses two or three rasterised Lumis (each costs a few milliseconds the first time).
_GLOW_STEPS = 8
_LAMP_STEPS = 2
_GROUP = r'<g id="{}"[^>]*>.*?</g>\n?'


def character_source(name: str) -> str:
    """The SVG text of a canonical character (`lumi`, `brouillard`) from assets/characters."""
    return _read_character(name)


@lru_cache(maxsize=4)
def _read_character(name: str) -> str:
    return (assets_dir() / "characters" / f"{name}.svg").read_text(encoding="utf-8")


def lumi_svg(mood: str, *, high_contrast: bool = False, lamp: Color | None = None,
             right_arm: bool = True) -> str:
    """Lumi's SVG with only the face of `mood` (shown), in the game's colours.

    High contrast draws a white outline around a black body, the face in black on the yellow lamp.
    """
    if mood not in MOODS:
        raise ValueError(f"Lumi has no mood {mood!r}; it has {', '.join(MOODS)}")
    source = character_source("lumi")
    face = re.search(_GROUP.format(f"face-{mood}"), source, re.S)
    if face is None:
        raise ValueError(f"assets/characters/lumi.svg has no face-{mood}")
    body = re.sub(_GROUP.format("face-[a-z]+"), "", source, flags=re.S)
    if not right_arm:
        body = re.sub(_GROUP.format("arm-right"), "", body, flags=re.S)
    shown = face.group(0).replace(' display="none"', "")
    lamp_hex = _hex((255, 230, 0) if high_contrast else lamp or (255, 240, 170))
    if high_contrast:
        body = (body.replace(_LUMI_RED, "#FFFFFF").replace(_LUMI_CREAM, "#000000")
                .replace(_LUMI_DARK, "#FFFFFF"))
        shown = shown.replace(_LUMI_DARK, "#000000")
    body = body.replace(_LUMI_LAMP, lamp_hex)
    closing = body.rindex("</g>")
    return body[:closing] + shown + body[closing:]


def lumi(
    surface: pygame.Surface,
    base: tuple[int, int],
    height: int,
    *,
    mood: str = "happy",
    glow: float = 1.0,
    wave: float = 0.0,
    high_contrast: bool = False,
    arm: bool = True,
) -> pygame.Rect:
    """Lumi, the little lighthouse-robot guide, standing on `base` (bottom centre).

    `mood` is "happy", "thinking", "sad" or "worried"; `wave` (0..1) lifts an arm; `glow` lights
    the lamp. Drawn from assets/characters/lumi.svg, rasterised once per size, mood and glow step.
    Without its `arm`, the still part alone is drawn (an animation keeps it in a layer and draws
    the arm with `lumi_arm` on each frame). Returns the lamp's rectangle, where a beam can start.
    """
    u = height / 100.0
    cx, by = base
    head = lumi_lamp(base, height)
    level = round(max(0.0, min(1.0, glow)) * _GLOW_STEPS)
    if level > 0 and not high_contrast:
        halo = _halo(head.w, level)
        surface.blit(halo, halo.get_rect(center=head.center))
    lamp = round(level / _GLOW_STEPS * _LAMP_STEPS)
    sprite = _lumi_sprite(height, mood, lamp, high_contrast)
    surface.blit(sprite, (round(cx + _LUMI_BOX.x * u), round(by + _LUMI_BOX.y * u)))
    if arm:
        lumi_arm(surface, base, height, wave=wave, high_contrast=high_contrast)
    return head


def lumi_lamp(base: tuple[int, int], height: int) -> pygame.Rect:
    """Where the lamp of a Lumi standing on `base` lies (what `lumi` returns)."""
    u = height / 100.0
    head = pygame.Rect(0, 0, round(32 * u), round(26 * u))
    head.midbottom = (base[0], round(base[1] - 62 * u))
    return head


def lumi_arm(surface: pygame.Surface, base: tuple[int, int], height: int, *, wave: float = 0.0,
             high_contrast: bool = False) -> None:
    """Lumi's right arm, lifted by `wave` (0..1), for a Lumi standing on `base` (see `lumi`)."""
    # The right arm waves, so it is drawn over the sprite rather than rasterised per angle.
    u = height / 100.0
    cx, by = base
    dark = (255, 255, 255) if high_contrast else _rgb(_LUMI_DARK)
    red = (255, 255, 255) if high_contrast else _rgb(_LUMI_RED)
    shoulder = (cx + 16 * u, by - 40 * u)
    hand = (cx + 30 * u, by - (30 + 26 * max(0.0, min(1.0, wave))) * u)
    thick = max(3, round(4 * u))
    pygame.draw.line(surface, dark, shoulder, hand, thick)
    pygame.draw.circle(surface, dark, shoulder, thick / 2)
    pygame.draw.aacircle(surface, dark, hand, 6.5 * u)
    pygame.draw.aacircle(surface, red, hand, 5 * u)


@lru_cache(maxsize=48)
def _lumi_sprite(height: int, mood: str, level: int, high_contrast: bool) -> pygame.Surface:
    lamp = mix((255, 214, 120), (255, 240, 170), level / _LAMP_STEPS)
    source = lumi_svg(mood, high_contrast=high_contrast, lamp=lamp, right_arm=False)
    u = height / 100.0
    return _rasterise(source, (round(_LUMI_BOX.w * u), round(_LUMI_BOX.h * u)))


@lru_cache(maxsize=16)
def _halo(width: int, level: int) -> pygame.Surface:
    halo = pygame.Surface((width * 3, width * 3), pygame.SRCALPHA)
    for r, a in ((1.5, 40), (1.1, 60), (0.8, 80)):
        pygame.draw.circle(halo, (255, 226, 120, round(a * level / _GLOW_STEPS)),
                           halo.get_rect().center, width * r)
    return halo


def _rasterise(source: str, size: tuple[int, int]) -> pygame.Surface:
    """An SVG drawn at exactly `size` (its viewBox stretched to it), ready to blit."""
    sized = re.sub(r'width="[^"]*" height="[^"]*"', f'width="{size[0]}" height="{size[1]}"', source,
                   count=1)
    sprite = pygame.image.load(io.BytesIO(sized.encode("utf-8")), "character.svg")
    return sprite.convert_alpha() if pygame.display.get_surface() is not None else sprite


def _hex(color: Color) -> str:
    return "#{:02X}{:02X}{:02X}".format(*color[:3])


def _rgb(value: str) -> tuple[int, int, int]:
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def beam(
    surface: pygame.Surface, origin: tuple[int, int], angle: float, length: int, spread: float,
    color: Color, alpha: int, *, scratch: pygame.Surface | None = None,
) -> None:
    """A cone of light from the lamp, added to what is below so it glows rather than greys.

    An animation drawing it on every frame passes a `scratch` surface the size of `surface`,
    kept by its screen: the cones are then drawn on it and added band by band over their own
    rows only, with no surface made per frame (the same pixels either way)."""
    layers = []
    for k, share in ((1.0, 0.45), (0.55, 0.55)):
        a = spread * k
        tip1 = (origin[0] + math.cos(angle - a) * length, origin[1] + math.sin(angle - a) * length)
        tip2 = (origin[0] + math.cos(angle + a) * length, origin[1] + math.sin(angle + a) * length)
        layers.append(([origin, tip1, tip2], share))
    xs = [p[0] for poly, _ in layers for p in poly]
    ys = [p[1] for poly, _ in layers for p in poly]
    bounds = pygame.Rect(int(min(xs)), int(min(ys)), int(max(xs) - min(xs)) + 1, int(max(ys) - min(ys)) + 1)
    bounds = bounds.clip(surface.get_rect())
    if bounds.w <= 0 or bounds.h <= 0:
        return
    (wide, wide_share), (narrow, narrow_share) = layers
    inner = pygame.Rect(int(min(x for x, _ in narrow)), int(min(y for _, y in narrow)), 0, 0)
    inner.size = (int(max(x for x, _ in narrow)) - inner.x + 1, int(max(y for _, y in narrow)) - inner.y + 1)
    inner = inner.clip(bounds)
    if scratch is not None and scratch.get_size() == surface.get_size():
        # The light is added where it lies, without a layer of its own: adding the two cones
        # one after the other gives what adding their sum did (no channel reaches 255 before).
        _add_cone(surface, scratch, wide, bounds, _shade(color, alpha, wide_share))
        if inner.w > 0 and inner.h > 0:
            _add_cone(surface, scratch, narrow, inner, _shade(color, alpha, narrow_share))
        return
    # The light as a layer of the cones' size would hold it, made a band of rows at a time on two
    # small layers: the wide cone straight onto black (adding to black is a plain draw), the
    # narrow one beside it, added where it lies; each band then added to the surface. A layer
    # the cones' size is fresh memory, most of a beam's cost (3 ms before the kiosk's first frame).
    wide_points = [(x - bounds.x, y - bounds.y) for x, y in wide]
    narrow_points = [(x - inner.x, y - inner.y) for x, y in narrow]
    wide_shade, narrow_shade = _shade(color, alpha, wide_share), _shade(color, alpha, narrow_share)
    light = pygame.Surface((bounds.w, min(BEAM_BAND, bounds.h)))
    part = pygame.Surface((max(1, inner.w), min(BEAM_BAND, max(1, inner.h))))
    inner_top = inner.y - bounds.y
    for top in range(0, bounds.h, BEAM_BAND):
        rows = min(BEAM_BAND, bounds.h - top)
        light.fill((0, 0, 0))
        pygame.draw.polygon(light, wide_shade, _rows_from(wide_points, top))
        first, last = max(0, top - inner_top), min(inner.h, top + rows - inner_top)
        if inner.w > 0 and first < last:
            part.fill((0, 0, 0))
            pygame.draw.polygon(part, narrow_shade, _rows_from(narrow_points, first))
            light.blit(part, (inner.x - bounds.x, inner_top + first - top), pygame.Rect(0, 0, inner.w, last - first),
                       special_flags=pygame.BLEND_RGB_ADD)
        surface.blit(light, (bounds.x, bounds.y + top), pygame.Rect(0, 0, bounds.w, rows),
                     special_flags=pygame.BLEND_RGB_ADD)


def _rows_from(points: list[tuple[float, float]], top: int) -> list[tuple[float, int]]:
    """A polygon's `points` moved up `top` rows: on whole rows, cut towards zero as the polygon
    cuts them where it is drawn whole, so that a band of it has the pixels of those rows."""
    return [(x, int(y) - top) for x, y in points]


# Rows of a cone added to the screen in one blit: few enough blits, little black beside the cone.
BEAM_BAND = 48


def _add_cone(surface: pygame.Surface, scratch: pygame.Surface, cone: list[tuple[float, float]],
              area: pygame.Rect, shade: tuple[int, ...]) -> None:
    """Add a triangle of light in `shade`, cut to `area`, to `surface`: drawn on the black
    `scratch` (at the corner, placed as a layer of `area`'s size would have it), added a band
    of rows at a time over the columns it spans there, then drawn again in black."""
    points = [(x - area.x, y - area.y) for x, y in cone]
    scratch.set_clip(pygame.Rect((0, 0), area.size))
    try:
        pygame.draw.polygon(scratch, shade, points)
        for top in range(0, area.h, BEAM_BAND):
            bottom = min(area.h, top + BEAM_BAND)
            left, right = _span(points, top - 1, bottom + 1)
            band = pygame.Rect(left - 2, top, right - left + 5, bottom - top).clip(0, 0, area.w, area.h)
            if band.w > 0:
                surface.blit(scratch, (area.x + band.x, area.y + band.y), band,
                             special_flags=pygame.BLEND_RGB_ADD)
        pygame.draw.polygon(scratch, (0, 0, 0), points)
    finally:
        scratch.set_clip(None)


def _span(points: list[tuple[float, float]], top: float, bottom: float) -> tuple[int, int]:
    """The columns a convex polygon covers between the rows `top` and `bottom`."""
    xs = [x for x, y in points if top <= y <= bottom]
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        for row in (top, bottom):
            if min(y1, y2) <= row <= max(y1, y2) and y1 != y2:
                xs.append(x1 + (x2 - x1) * (row - y1) / (y2 - y1))
    if not xs:
        return 0, -1
    return math.floor(min(xs)), math.ceil(max(xs))


def _shade(color: Color, alpha: int, share: float) -> tuple[int, ...]:
    return tuple(round(c * alpha / 255 * share) for c in color)


def fog_layer(size: tuple[int, int], color: Color, seed: int, density: float = 1.0,
              half: int = 0) -> pygame.Surface:
    """Le Brouillard: soft grey puffs on a transparent layer twice the screen's width (it scrolls
    sideways), drawn once per size, a screen's width at a time: `half` 0 is the part shown
    first, 1 the part that scrolls in after it (blitted the screen's width right of the first;
    not needed before the kiosk's first frame). The layer starts at its highest puff and ends at
    the bottom of the screen: blit it at `height - layer height`. The clear sky above is neither
    allocated nor blended (a third of a full-screen layer)."""
    w, h = size
    rng = random.Random(seed)
    puffs = []
    for _ in range(int(26 * density)):
        r = rng.uniform(0.08, 0.2) * h
        x = rng.uniform(0, w)
        y = rng.uniform(0.55, 1.05) * h
        puffs.append((x, y, r))
    # A row of margin above the highest puff, whatever way the circle rounds its edge.
    top = min(h - 1, max(0, min((math.floor(y - r) - 2 for _, y, r in puffs), default=h)))
    layer = pygame.Surface((w, h - top), pygame.SRCALPHA)
    for x, y, r in puffs:
        for dx in (0, w):
            # The circle sets its centre on whole pixels, cut towards zero: cut here, where the
            # centre is never left of the whole layer, both halves are the pixels of one layer.
            cx = int(x + dx) - half * w
            if cx + r < -2 or cx - r > w + 2:
                continue
            for k, a in ((1.0, 26), (0.7, 30), (0.45, 34)):
                pygame.draw.circle(layer, (*color, a), (cx, y - top), r * k)
    return layer


def brouillard(surface: pygame.Surface, center: tuple[int, int], height: int, *, fog: Color, ink: Color) -> pygame.Rect:
    """Le Brouillard when it speaks: the fog's puffs gathered into one grumpy cloud with eyes,
    cheeky rather than frightening (its players are 9), drawn from assets/characters/brouillard.svg
    in the palette's `fog` and `ink`. Returns the cloud's bounds."""
    u = height / 100.0
    cx, cy = center
    outline = max(2, round(3 * u))
    sprite = _brouillard_sprite(height, fog, ink)
    surface.blit(sprite, (round(cx + _FOG_BOX.x * u), round(cy + _FOG_BOX.y * u)))
    return pygame.Rect(cx - 82 * u - outline, cy - 56 * u - outline, 168 * u + 2 * outline, 114 * u + 2 * outline)


# Le Brouillard's drawing spans this box around its centre, in hundredths of its height.
_FOG_BOX = pygame.Rect(-90, -61, 180, 122)


@lru_cache(maxsize=8)
def _brouillard_sprite(height: int, fog: Color, ink: Color) -> pygame.Surface:
    source = character_source("brouillard").replace(_FOG, _hex(fog)).replace(_FOG_INK, _hex(ink))
    u = height / 100.0
    return _rasterise(source, (round(_FOG_BOX.w * u), round(_FOG_BOX.h * u)))


def stars(surface: pygame.Surface, count: int, seed: int, color: Color, area: pygame.Rect) -> None:
    rng = random.Random(seed)
    for _ in range(count):
        x = rng.randint(area.left, area.right)
        y = rng.randint(area.top, area.bottom)
        r = rng.choice((1, 1, 2, 2, 3))
        pygame.draw.circle(surface, color, (x, y), r)


def badge(surface: pygame.Surface, center: tuple[int, int], radius: int, palette: Palette,
          tier: int) -> None:
    """A medal with one to three stars; its ribbon and stars carry the tier, not only its colour."""
    cx, cy = center
    ribbon = palette.primary
    pygame.draw.polygon(surface, ribbon, [(cx - radius * 0.7, cy - radius * 0.2),
                                          (cx - radius * 0.95, cy + radius * 1.5),
                                          (cx - radius * 0.45, cy + radius * 1.2),
                                          (cx - radius * 0.1, cy + radius * 1.6),
                                          (cx + radius * 0.1, cy)])
    pygame.draw.polygon(surface, palette.accent, [(cx + radius * 0.7, cy - radius * 0.2),
                                                  (cx + radius * 0.95, cy + radius * 1.5),
                                                  (cx + radius * 0.45, cy + radius * 1.2),
                                                  (cx + radius * 0.1, cy + radius * 1.6),
                                                  (cx - radius * 0.1, cy)])
    pygame.draw.circle(surface, palette.gold, center, radius)
    pygame.draw.circle(surface, palette.ink, center, radius, max(2, radius // 14))
    pygame.draw.circle(surface, palette.ink, center, int(radius * 0.78), max(1, radius // 24))
    n = max(1, min(3, tier))
    for i in range(n):
        offset = (i - (n - 1) / 2) * radius * 0.5
        _star(surface, (cx + offset, cy), radius * (0.3 if n > 1 else 0.45), palette.ink)


def _star(surface: pygame.Surface, center: tuple[float, float], r: float, color: Color) -> None:
    points = []
    for k in range(10):
        rad = r if k % 2 == 0 else r * 0.45
        a = -math.pi / 2 + k * math.pi / 5
        points.append((center[0] + math.cos(a) * rad, center[1] + math.sin(a) * rad))
    pygame.draw.polygon(surface, color, points)


# The share of the screen's height, from the top, that still confetti are scattered over.
STILL_CONFETTI_BAND = 0.16


@lru_cache(maxsize=8)
def _confetti_pieces(seed: int, w: int, h: int, colors: tuple[Color, ...]) -> tuple[tuple[float, float, float, Color], ...]:
    """Where each of the 70 pieces starts, how fast it falls and its colour, drawn from `seed`
    once (not at every frame of the celebration)."""
    rng = random.Random(seed)
    pieces = []
    for _ in range(70):
        x0 = rng.uniform(0, w)
        speed = rng.uniform(0.15, 0.35) * h
        phase = rng.uniform(0, h)
        pieces.append((x0, speed, phase, rng.choice(colors)))
    return tuple(pieces)


def confetti(surface: pygame.Surface, t: float, seed: int, colors: list[Color], *, still: bool = False) -> None:
    """Falling paper pieces, placed from a seed so every frame is cheap and repeatable; `still`,
    they hang scattered along the top of the screen like a garland, and do not move."""
    w, h = surface.get_size()
    size = max(6, h // 90)
    for x0, speed, phase, color in _confetti_pieces(seed, w, h, tuple(colors)):
        if still:
            x, y = x0, phase * STILL_CONFETTI_BAND + size
        else:
            y = (phase + speed * t) % (h + 40) - 20
            x = x0 + math.sin(t * 2 + x0) * size * 2
        rect = pygame.Rect(0, 0, size, size * 2 // 3)
        rect.center = (round(x), round(y))
        pygame.draw.rect(surface, color, rect, border_radius=2)
