"""Drawing primitives of the game's look: soft panels, Lumi the lighthouse-robot, the fog, stars."""

from __future__ import annotations

import math
import random

import pygame

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
    """A full-screen gradient drawn once, as 1-pixel-wide strip scaled up."""
    strip = pygame.Surface((1, 256))
    for y in range(256):
        strip.set_at((0, y), mix(top, bottom, y / 255))
    return pygame.transform.smoothscale(strip, size)


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


def lumi(
    surface: pygame.Surface,
    base: tuple[int, int],
    height: int,
    *,
    mood: str = "happy",
    glow: float = 1.0,
    wave: float = 0.0,
    high_contrast: bool = False,
) -> pygame.Rect:
    """Lumi, the little lighthouse-robot guide, standing on `base` (bottom centre).

    `mood` is "happy", "thinking" or "sad"; `wave` (0..1) lifts an arm; `glow` lights the lamp.
    Returns the lamp's rectangle, where a beam can start.
    """
    u = height / 100.0
    cx, by = base
    red = (255, 255, 255) if high_contrast else (232, 84, 72)
    cream = (0, 0, 0) if high_contrast else (255, 246, 232)
    dark = (255, 255, 255) if high_contrast else (44, 42, 74)
    lamp = (255, 230, 0) if high_contrast else mix((255, 214, 120), (255, 240, 170), glow)
    outline = max(2, round(2.2 * u))

    head = pygame.Rect(0, 0, round(32 * u), round(26 * u))
    head.midbottom = (cx, round(by - 62 * u))
    if glow > 0 and not high_contrast:
        halo = pygame.Surface((head.w * 3, head.w * 3), pygame.SRCALPHA)
        for r, a in ((1.5, 40), (1.1, 60), (0.8, 80)):
            pygame.draw.circle(halo, (255, 226, 120, round(a * glow)), halo.get_rect().center,
                               head.w * r)
        surface.blit(halo, halo.get_rect(center=head.center))
    # Feet and body: a tapered tower with stripes.
    pygame.draw.ellipse(surface, dark, (cx - 26 * u, by - 7 * u, 52 * u, 10 * u))
    body = [(cx - 20 * u, by - 4 * u), (cx + 20 * u, by - 4 * u), (cx + 14 * u, by - 58 * u),
            (cx - 14 * u, by - 58 * u)]
    pygame.draw.polygon(surface, cream, body)
    for y0, y1 in ((-4, -16), (-28, -40), (-52, -58)):
        t0 = (-y0 - 4) / 54
        t1 = (-y1 - 4) / 54
        w0 = 20 - 6 * t0
        w1 = 20 - 6 * t1
        pygame.draw.polygon(surface, red, [(cx - w0 * u, by + y0 * u), (cx + w0 * u, by + y0 * u),
                                           (cx + w1 * u, by + y1 * u), (cx - w1 * u, by + y1 * u)])
    pygame.draw.polygon(surface, dark, body, outline)
    # A little door, and the arms.
    pygame.draw.rect(surface, dark, (cx - 5 * u, by - 16 * u, 10 * u, 12 * u),
                     border_top_left_radius=round(5 * u), border_top_right_radius=round(5 * u))
    left_hand = (cx - 30 * u, by - 30 * u)
    right_hand = (cx + 30 * u, by - (30 + 26 * wave) * u)
    pygame.draw.line(surface, dark, (cx - 16 * u, by - 40 * u), left_hand, max(3, round(4 * u)))
    pygame.draw.line(surface, dark, (cx + 16 * u, by - 40 * u), right_hand, max(3, round(4 * u)))
    pygame.draw.circle(surface, red, left_hand, 5 * u)
    pygame.draw.circle(surface, red, right_hand, 5 * u)
    # Gallery and lamp room with the face.
    pygame.draw.rect(surface, dark, (cx - 20 * u, by - 63 * u, 40 * u, 6 * u), border_radius=round(2 * u))
    pygame.draw.rect(surface, lamp, head, border_radius=round(8 * u))
    pygame.draw.rect(surface, dark, head, outline, border_radius=round(8 * u))
    eye_y = head.centery - 2 * u
    for side in (-1, 1):
        ex = head.centerx + side * 7 * u
        if mood == "happy":
            pygame.draw.arc(surface, dark, (ex - 4 * u, eye_y - 3 * u, 8 * u, 8 * u), 0.2, math.pi - 0.2,
                            max(2, round(2.5 * u)))
        else:
            pygame.draw.circle(surface, dark, (ex, eye_y), 3 * u)
    mouth = pygame.Rect(head.centerx - 6 * u, head.centery + 2 * u, 12 * u, 7 * u)
    if mood == "happy":
        pygame.draw.arc(surface, dark, mouth, math.pi + 0.3, 2 * math.pi - 0.3, max(2, round(2.2 * u)))
    elif mood == "sad":
        pygame.draw.arc(surface, dark, mouth.move(0, 4 * u), 0.4, math.pi - 0.4, max(2, round(2.2 * u)))
    else:
        pygame.draw.line(surface, dark, (mouth.left + 2 * u, mouth.centery), (mouth.right - 2 * u, mouth.centery - 2 * u),
                         max(2, round(2.2 * u)))
    # Roof and antenna.
    roof = [(cx - 20 * u, head.top + 1), (cx + 20 * u, head.top + 1), (cx, head.top - 14 * u)]
    pygame.draw.polygon(surface, red, roof)
    pygame.draw.polygon(surface, dark, roof, outline)
    pygame.draw.line(surface, dark, (cx, head.top - 14 * u), (cx, head.top - 22 * u), outline)
    pygame.draw.circle(surface, lamp, (cx, head.top - 24 * u), 3.5 * u)
    pygame.draw.circle(surface, dark, (cx, head.top - 24 * u), 3.5 * u, max(1, outline - 1))
    return head


def beam(
    surface: pygame.Surface, origin: tuple[int, int], angle: float, length: int, spread: float,
    color: Color, alpha: int,
) -> None:
    """A cone of light from the lamp, added to what is below so it glows rather than greys."""
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
    # Drawn on every frame of an animated screen, so the light is built with as few full-size
    # passes as possible: the wide cone straight onto the black layer (adding to black is a
    # plain draw), the narrow one on a layer only as big as itself, added where it lies.
    light = pygame.Surface(bounds.size)
    (wide, wide_share), (narrow, narrow_share) = layers
    pygame.draw.polygon(light, _shade(color, alpha, wide_share),
                        [(x - bounds.x, y - bounds.y) for x, y in wide])
    inner = pygame.Rect(int(min(x for x, _ in narrow)), int(min(y for _, y in narrow)), 0, 0)
    inner.size = (int(max(x for x, _ in narrow)) - inner.x + 1, int(max(y for _, y in narrow)) - inner.y + 1)
    inner = inner.clip(bounds)
    if inner.w > 0 and inner.h > 0:
        part = pygame.Surface(inner.size)
        pygame.draw.polygon(part, _shade(color, alpha, narrow_share),
                            [(x - inner.x, y - inner.y) for x, y in narrow])
        light.blit(part, (inner.x - bounds.x, inner.y - bounds.y), special_flags=pygame.BLEND_RGB_ADD)
    surface.blit(light, bounds.topleft, special_flags=pygame.BLEND_RGB_ADD)


def _shade(color: Color, alpha: int, share: float) -> tuple[int, ...]:
    return tuple(round(c * alpha / 255 * share) for c in color)


def fog_layer(size: tuple[int, int], color: Color, seed: int, density: float = 1.0) -> pygame.Surface:
    """Le Brouillard: soft grey puffs on a transparent layer, drawn once per size."""
    w, h = size
    layer = pygame.Surface((w * 2, h), pygame.SRCALPHA)
    rng = random.Random(seed)
    count = int(26 * density)
    for _ in range(count):
        r = rng.uniform(0.08, 0.2) * h
        x = rng.uniform(0, w)
        y = rng.uniform(0.55, 1.05) * h
        for dx in (0, w):
            for k, a in ((1.0, 26), (0.7, 30), (0.45, 34)):
                pygame.draw.circle(layer, (*color, a), (x + dx, y), r * k)
    return layer


def brouillard(surface: pygame.Surface, center: tuple[int, int], height: int, *, fog: Color, ink: Color) -> pygame.Rect:
    """Le Brouillard when it speaks: the fog's puffs gathered into one grumpy cloud with eyes,
    cheeky rather than frightening (its players are 9). Returns the cloud's bounds."""
    u = height / 100.0
    cx, cy = center
    # (x, y, radius) of each puff, in hundredths of `height`, around the centre.
    puffs = ((-52, 14, 30), (-22, -8, 40), (20, -14, 42), (54, 10, 32), (-24, 26, 30), (22, 26, 32))
    outline = max(2, round(3 * u))
    for dx, dy, r in puffs:
        pygame.draw.circle(surface, ink, (cx + dx * u, cy + dy * u), r * u + outline)
    for dx, dy, r in puffs:
        pygame.draw.circle(surface, fog, (cx + dx * u, cy + dy * u), r * u)
    for side in (-1, 1):
        eye = (cx + side * 18 * u, cy + 2 * u)
        pygame.draw.ellipse(surface, (255, 255, 255), (eye[0] - 9 * u, eye[1] - 11 * u, 18 * u, 22 * u))
        pygame.draw.circle(surface, ink, (eye[0] + 2 * u, eye[1] + 3 * u), 5 * u)
        # Frowning brows: the outer end high, the inner end low.
        pygame.draw.line(surface, ink, (eye[0] + side * 12 * u, eye[1] - 20 * u),
                         (eye[0] - side * 8 * u, eye[1] - 13 * u), max(2, round(4 * u)))
    mouth = pygame.Rect(cx - 14 * u, cy + 16 * u, 28 * u, 14 * u)
    pygame.draw.arc(surface, ink, mouth, 0.5, math.pi - 0.5, max(2, round(3 * u)))
    return pygame.Rect(cx - 82 * u - outline, cy - 56 * u - outline, 168 * u + 2 * outline, 114 * u + 2 * outline)


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


def confetti(surface: pygame.Surface, t: float, seed: int, colors: list[Color]) -> None:
    """Falling paper pieces, placed from a seed so every frame is cheap and repeatable."""
    w, h = surface.get_size()
    rng = random.Random(seed)
    size = max(6, h // 90)
    for _ in range(70):
        x0 = rng.uniform(0, w)
        speed = rng.uniform(0.15, 0.35) * h
        phase = rng.uniform(0, h)
        y = (phase + speed * t) % (h + 40) - 20
        x = x0 + math.sin(t * 2 + x0) * size * 2
        color = rng.choice(colors)
        rect = pygame.Rect(0, 0, size, size * 2 // 3)
        rect.center = (round(x), round(y))
        pygame.draw.rect(surface, color, rect, border_radius=2)
