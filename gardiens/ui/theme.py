"""Colours, sizes and accessibility settings: the look of the kiosk, scaled from 1920×1080."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, TypeAlias

Color: TypeAlias = tuple[int, int, int]
FontChoice: TypeAlias = Literal["andika", "opendyslexic"]
# The steps of the music and effects volumes in the accessibility panel.
Volume: TypeAlias = Literal["off", "low", "normal"]
VOLUME_STEPS: tuple[Volume, ...] = ("off", "low", "normal")
# Text spacing: as the fonts set it, or wide (WCAG 2.2, 1.4.12: letters +0.12 em, words +0.16 em,
# lines at least 1.5 times the size).
Spacing: TypeAlias = Literal["normal", "wide"]
SPACINGS: tuple[Spacing, ...] = ("normal", "wide")
WIDE_LETTERS = 0.12
WIDE_WORDS = 0.16
WIDE_LINES = 1.5
# Each step as a loudness (0..1). Low music is half as loud: a quiet room can still hear it.
MUSIC_LEVELS: dict[Volume, float] = {"off": 0.0, "low": 0.5, "normal": 1.0}
EFFECT_LEVELS: dict[Volume, float] = {"off": 0.0, "low": 0.4, "normal": 1.0}

DESIGN_SIZE = (1920, 1080)
# Text size steps offered by the accessibility panel (factor on every text size).
TEXT_STEPS: tuple[float, ...] = (1.0, 1.2, 1.4)
# Text sizes in pixels at 1920×1080, before the accessibility factor: body text stays
# readable from a metre away (at least 32 px).
TEXT_SIZES: dict[str, int] = {
    "small": 30,
    "body": 36,
    "button": 40,
    "subtitle": 46,
    "title": 64,
    "huge": 96,
    "giant": 140,
}
# How much of the accessibility text factor each role takes.
_GROWTH: dict[str, float] = {"title": 0.3, "huge": 0.2, "giant": 0.1, "button": 0.5, "subtitle": 0.7}
# The smallest a text may shrink to fit its box, as a share of its normal size.
MIN_SHRINK = 0.72
# The smallest touch target at 1920×1080.
TOUCH = 96
# Reading text (sentences a child reads) has a higher floor than a label (a button, a heading, a
# number glanced at).
TextClass: TypeAlias = Literal["reading", "label"]
# The theme roles of reading text; the other roles of TEXT_SIZES are labels.
READING_ROLES = frozenset({"small", "body"})
# The smallest a text of each class is ever drawn, and the smallest short side of a touch
# target, in pixels at 1080 lines. They scale with the window's height, not with the layout's
# scale: a 16:10 window (1280×800) is laid out by its width but read from the same metre.
TEXT_FLOORS: dict[TextClass, int] = {"reading": 28, "label": 24}
TOUCH_FLOOR = 64
FLOOR_HEIGHT = 1080


def floor_at(pixels: int, height: int) -> int:
    """A floor given at 1080 lines, in pixels for a window `height` lines tall."""
    return round(pixels * height / FLOOR_HEIGHT)


def role_class(role: str) -> TextClass:
    return "reading" if role in READING_ROLES else "label"


class TextSize(int):
    """A text size in pixels that remembers its role in TEXT_SIZES: the layout audit tells
    reading text from labels by it."""

    role: str

    def __new__(cls, value: int, role: str) -> TextSize:
        size = super().__new__(cls, value)
        size.role = role
        return size

    def __getnewargs__(self) -> tuple[int, str]:  # type: ignore[override]
        return int(self), self.role


@dataclass(frozen=True)
class Settings:
    """What the accessibility panel changes; kept by the App for the whole kiosk session."""

    text_step: int = 0
    high_contrast: bool = False
    font: FontChoice = "andika"
    music: Volume = "normal"
    effects: Volume = "normal"
    # Each new screen read aloud as it opens (the speaker button reads on demand).
    auto_read: bool = False
    # Every animation shown in a still form (WCAG 2.2, 2.3.3): no sweeping beam, drifting fog,
    # confetti, bouncing or sliding; fewer frames drawn too.
    reduced_motion: bool = False
    spacing: Spacing = "normal"

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Palette:
    """Every colour a screen uses, by role; widgets never hard-code a colour."""

    background: Color
    background_top: Color
    surface: Color
    surface_alt: Color
    ink: Color
    ink_soft: Color
    outline: Color
    primary: Color
    primary_dark: Color
    on_primary: Color
    accent: Color
    accent_dark: Color
    on_accent: Color
    good: Color
    good_soft: Color
    bad: Color
    bad_soft: Color
    locked: Color
    locked_soft: Color
    focus: Color
    focus_inner: Color
    shadow: Color
    night: Color
    night_top: Color
    fog: Color
    gold: Color
    dim: tuple[int, int, int, int]


# Each role's colour in the warm look and in high contrast, side by side: a role is never
# given in one look and forgotten in the other.
_LOOKS: dict[str, tuple[Color, Color]] = {
    "background":     ((255, 243, 224), (0, 0, 0)),
    "background_top": ((255, 224, 190), (0, 0, 0)),
    "surface":        ((255, 252, 245), (0, 0, 0)),
    "surface_alt":    ((255, 236, 209), (24, 24, 24)),
    "ink":            ((38, 36, 66), (255, 255, 255)),
    "ink_soft":       ((88, 84, 120), (255, 255, 255)),
    "outline":        ((226, 196, 160), (255, 255, 255)),
    "primary":        ((22, 122, 140), (255, 230, 0)),
    "primary_dark":   ((12, 84, 99), (255, 255, 255)),
    "on_primary":     ((255, 255, 255), (0, 0, 0)),
    "accent":         ((255, 140, 66), (0, 230, 255)),
    "accent_dark":    ((170, 68, 12), (255, 255, 255)),
    "on_accent":      ((38, 24, 10), (0, 0, 0)),
    "good":           ((22, 106, 68), (80, 255, 120)),
    "good_soft":      ((214, 243, 224), (0, 48, 0)),
    "bad":            ((170, 50, 34), (255, 160, 160)),
    "bad_soft":       ((255, 226, 216), (64, 0, 0)),
    "locked":         ((96, 92, 114), (200, 200, 200)),
    "locked_soft":    ((232, 228, 236), (40, 40, 40)),
    "focus":          ((124, 58, 237), (255, 0, 255)),
    "focus_inner":    ((255, 255, 255), (255, 255, 255)),
    "shadow":         ((214, 170, 130), (90, 90, 90)),
    "night":          ((29, 40, 88), (0, 0, 0)),
    "night_top":      ((12, 16, 46), (0, 0, 0)),
    "fog":            ((190, 194, 206), (120, 120, 120)),
    "gold":           ((255, 196, 46), (255, 230, 0)),
}
# What veils the screen under a pop-up: a colour and its opacity.
_DIM: tuple[tuple[int, int, int, int], tuple[int, int, int, int]] = ((30, 24, 50, 150), (0, 0, 0, 210))

# Which grounds each colour of text is drawn on, by role: the contrast test measures every pair,
# in every palette. Inks sit on the pale grounds; the "on_" colours on the fills they name.
PALE_GROUNDS = ("background", "background_top", "surface", "surface_alt", "good_soft", "bad_soft", "locked_soft")
TEXT_GROUNDS: dict[str, tuple[str, ...]] = {
    **{ink: PALE_GROUNDS for ink in ("ink", "ink_soft", "primary_dark", "good", "bad", "accent_dark", "locked")},
    "on_primary": ("primary", "primary_dark", "good", "bad", "locked", "accent_dark"),
    "on_accent": ("accent", "gold"),
}
# The smallest contrast ratio (WCAG 2.2, 1.4.3 and 1.4.6) of any text on its ground: every text
# of the kiosk is held to the rule for normal text, large or not.
MIN_CONTRAST = {"warm": 4.5, "high_contrast": 7.0}

WARM = Palette(**{role: warm for role, (warm, _high) in _LOOKS.items()}, dim=_DIM[0])
HIGH_CONTRAST = Palette(**{role: high for role, (_warm, high) in _LOOKS.items()}, dim=_DIM[1])


class Metrics:
    """Converts design sizes (at 1920×1080) to pixels for the window's actual size.

    The design canvas keeps a width of 1920 units; a taller screen (16:10) gets more height.
    """

    def __init__(self, size: tuple[int, int], settings: Settings) -> None:
        self.size = size
        self.scale = min(size[0] / DESIGN_SIZE[0], size[1] / DESIGN_SIZE[1])
        self.text_factor = TEXT_STEPS[max(0, min(settings.text_step, len(TEXT_STEPS) - 1))]

    @property
    def width(self) -> int:
        return self.size[0]

    @property
    def height(self) -> int:
        return self.size[1]

    def px(self, value: float) -> int:
        return round(value * self.scale)

    def text(self, role: str) -> int:
        # Larger text helps reading sentences; headings and big numbers are already large,
        # so they grow less and keep their place in the layout.
        growth = _GROWTH.get(role, 1.0)
        factor = 1 + (self.text_factor - 1) * growth
        size = round(TEXT_SIZES[role] * self.scale * factor)
        return TextSize(max(self.floor(role_class(role)), size), role)

    def floor(self, kind: TextClass) -> int:
        """The smallest size text of this class is drawn at in this window."""
        return floor_at(TEXT_FLOORS[kind], self.height)

    @property
    def floors(self) -> dict[TextClass, int]:
        return {kind: self.floor(kind) for kind in TEXT_FLOORS}

    @property
    def touch(self) -> int:
        return self.px(TOUCH)


def palette_for(settings: Settings) -> Palette:
    return HIGH_CONTRAST if settings.high_contrast else WARM


def mix(a: Color, b: Color, t: float) -> Color:
    """A colour between `a` (t=0) and `b` (t=1)."""
    t = max(0.0, min(1.0, t))
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def luminance(color: Color) -> float:
    """The relative luminance of an sRGB colour, as WCAG 2.2 defines it (0 black .. 1 white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in color[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
