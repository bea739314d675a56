"""The asset cache: fonts, icons, pictures (SVG included) and rendered text, loaded on first use."""

from __future__ import annotations

import io
import logging
import re
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from gardiens.i18n.pseudo import unmarked
from gardiens.paths import assets_dir
from gardiens.ui.bounded import BoundedCache, SurfaceCache, font_bytes, surface_bytes
from gardiens.ui.theme import Color, FontChoice

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from gardiens.core.pictures import PictureRun
    from gardiens.ui.picture_text import PictureMisfit, PictureWords

log = logging.getLogger(__name__)


_FONT_FILES: dict[tuple[FontChoice, bool], str] = {
    ("andika", False): "Andika-Regular.ttf",
    ("andika", True): "Andika-Bold.ttf",
    ("opendyslexic", False): "OpenDyslexic-Regular.otf",
    ("opendyslexic", True): "OpenDyslexic-Bold.otf",
}
# Rendered text and pictures are cached; a kiosk runs all day, so each cache is bounded, by
# count and by the bytes of its pixels (one line of large text on a wide screen is half a MB, a
# picture of the scene 8 MB): about two screens' worth, the least recently used dropped first.
# A 1080p screen full of text is 8 MB of pixels, and most screens hold a quarter of that. The
# texts hold more: while a team plays, those of the puzzles it may open next are set ahead
# (`gardiens/ui/ahead.py`), some of them long before; at 16 MB a whole mission at 1920×1080
# (34 MB of texts in all) had dropped a chat's before the team opened it. Between two teams
# they all go.
TEXT_CACHE_SIZE = 1500
TEXT_CACHE_BYTES = 32 << 20
ICON_CACHE_BYTES = 4 << 20
# Pictures: the scene (8 MB at 1080p, drawn once into the map's layer) and a puzzle's pictures.
IMAGE_CACHE_SIZE = 64
IMAGE_CACHE_BYTES = 24 << 20
# Pictures read ahead by the worker and not drawn yet, taken from it or not (each is kept once
# drawn, in the above).
RASTER_CACHE_BYTES = 24 << 20


# Fonts kept open (one per family, weight and size): about what three text settings use, and
# at most this many bytes as `font_bytes` counts them, the most each could hold (a session at
# 1080p opens about 66, 112 MB by that count, about a fifth of it really held: most fonts draw
# a few dozen letters). Large sizes are let go first that way; opening a font again costs about
# 8 ms, so a team's own fonts stay open.
FONTS_KEPT = 96
FONT_CACHE_BYTES = 128 << 20
# Pictures asked of the worker: at most this many waiting to be drawn (those of a screen the
# team never opened are let go first).
PENDING_KEPT = 32

class Assets:
    """Everything the screens draw from disk, cached by what was asked for."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root if root is not None else assets_dir()
        self._fonts: BoundedCache[tuple[FontChoice, bool, int], pygame.font.Font] = BoundedCache(
            FONTS_KEPT, FONT_CACHE_BYTES, lambda key, _font: font_bytes(key[2]))
        self._icon_sources: dict[str, str] = {}
        self._icons: SurfaceCache[tuple[str, int, Color], pygame.Surface] = SurfaceCache(
            TEXT_CACHE_SIZE, ICON_CACHE_BYTES)
        # Pictures as drawn for a team (their words translated), and those rasterised (read by
        # the worker ahead of time) but not drawn yet: a picture is kept once, drawn or not.
        self._images: SurfaceCache[tuple[Path, tuple[int, int], PictureWords], pygame.Surface | None] = (
            SurfaceCache(IMAGE_CACHE_SIZE, IMAGE_CACHE_BYTES, self._forget_image)
        )
        self._rasters: SurfaceCache[tuple[Path, tuple[int, int]], pygame.Surface | None] = SurfaceCache(
            IMAGE_CACHE_SIZE, RASTER_CACHE_BYTES)
        # The size each picture says it has (what a screen shapes itself on), read without
        # drawing it.
        self._natural: dict[Path, tuple[float, float] | None] = {}
        self._runs: dict[Path, tuple[list[PictureRun], float | None]] = {}
        # The picture runs that could not fit their place, per picture drawn (for the audit).
        self._misfits: dict[tuple[Path, tuple[int, int], PictureWords], list[PictureMisfit]] = {}
        # And the words of their runs that did not come through a translation (picture, words).
        self._untranslated: dict[tuple[Path, tuple[int, int], PictureWords], list[tuple[str, str]]] = {}
        # The pictures asked for since the audit last looked: what its next look reports on.
        self._asked: set[tuple[Path, tuple[int, int], PictureWords]] = set()
        self._texts: SurfaceCache[tuple[str, FontChoice, bool, int, Color], pygame.Surface] = (
            SurfaceCache(TEXT_CACHE_SIZE, TEXT_CACHE_BYTES)
        )
        # Pictures rasterised on a worker (pygame-ce lets go of the interpreter while it reads a
        # picture), asked for by `request_image` before a screen needs them. A screen prepared
        # ahead that the team does not open leaves its pictures here: the oldest are let go.
        self._pending: OrderedDict[tuple[Path, tuple[int, int]], Future[pygame.Surface]] = OrderedDict()
        self._worker: ThreadPoolExecutor | None = None
        # Set while a screen is laid out ahead of time: the vector pictures it asks for are
        # requested from the worker (and listed here), a clear stand-in of their size returned.
        self.prefetch: list[tuple[Path, tuple[int, int]]] | None = None

    def cache_sizes(self) -> dict[str, int]:
        """How many entries each cache holds (what `gardiens soak` watches grow)."""
        return {"fonts": len(self._fonts), "icons": len(self._icons), "images": len(self._images),
                "rasters": len(self._rasters), "texts": len(self._texts),
                "misfits": len(self._misfits), "asked": len(self._asked), "pending": len(self._pending)}

    def cache_bytes(self) -> dict[str, int]:
        """The bytes each cache bounded by bytes holds, as it counts them (fonts: the most their
        glyphs may hold)."""
        return {"fonts": self._fonts.bytes, "icons": self._icons.bytes, "images": self._images.bytes,
                "rasters": self._rasters.bytes, "texts": self._texts.bytes, "pending": self.pending_bytes()}

    def font(self, family: FontChoice, size: int, bold: bool = False) -> pygame.font.Font:
        key = (family, bold, size)
        font = self._fonts.get(key)
        if font is None:
            font = pygame.font.Font(self.root / "fonts" / _FONT_FILES[(family, bold)], size)
            # Each open font keeps the glyphs it drew: a day of text sizes, fonts and spacings
            # changed in the panel would open hundreds. The least recently used is closed.
            self._fonts[key] = font
        return font

    def text(
        self, text: str, family: FontChoice, size: int, color: Color, bold: bool = False
    ) -> pygame.Surface:
        """One line of text, rendered once and reused."""
        key = (text, family, bold, size, color)
        surface = self._texts.get(key)
        if surface is None:
            surface = self.font(family, size, bold).render(text, True, color)
            self._texts[key] = surface
        return surface

    def app_icon(self, size: int = 64) -> pygame.Surface:
        """The game's own icon, for the window and the task bar."""
        return pygame.image.load_sized_svg(str(self.root / "app-icon.svg"), (size, size))

    def icon(self, name: str, size: int, color: Color) -> pygame.Surface:
        """An interface icon from assets/icons, drawn in `color` at `size` pixels."""
        key = (name, size, color)
        surface = self._icons.get(key)
        if surface is None:
            source = self._icon_sources.get(name)
            if source is None:
                source = (self.root / "icons" / f"{name}.svg").read_text(encoding="utf-8")
                self._icon_sources[name] = source
            coloured = source.replace("#000000", "#{:02x}{:02x}{:02x}".format(*color))
            surface = pygame.image.load_sized_svg(io.BytesIO(coloured.encode()), (size, size))
            self._icons[key] = surface
        return surface

    def image(self, path: Path, size: tuple[int, int], words: PictureWords | None = None,
              keep: bool = True) -> pygame.Surface | None:
        """A mission picture fitted inside `size`, keeping its proportions, its words drawn as
        `words` says (its own language's variant taken when there is one); None if unreadable.
        Not `keep`: drawn once into a layer the caller keeps, so not kept here as well."""
        path, words = _in_language(path, words)
        key = (path, size, words)
        self._asked.add(key)
        if key in self._images:
            return self._images.get(key) if keep else self._images.pop(key)
        if self.prefetch is not None and path.suffix.lower() == ".svg":
            target = _fitted_size(path, size)
            if target is not None:
                self.prefetch.append((path, size))
                if not self.request_image(path, size):
                    return pygame.Surface(target, pygame.SRCALPHA)
        raster = self._take(path, size)
        surface = raster
        if raster is not None:
            runs, width = self._picture_runs(path)
            if runs and width:
                from gardiens.ui.picture_text import draw_runs  # lazy: start-up

                # The raster is not kept apart: its words are drawn on it.
                self._misfits[key] = draw_runs(
                    raster, runs, raster.get_width() / width, path.name, words,
                    lambda px, bold: self.font(words.family, px, bold))
                self._untranslated[key] = [
                    (path.name, left) for run in runs if (left := unmarked(words.translate(path.name, run.text)))]
        if keep:
            self._images[key] = surface
        return surface

    def fitted_size(self, path: Path, size: tuple[int, int],
                    words: PictureWords | None = None) -> tuple[int, int] | None:
        """The size `image(path, size, words)` gives, known without drawing the picture (a
        vector picture's from its tag, another's read once); None if unreadable."""
        path = _in_language(path, words)[0]
        if path not in self._natural:
            declared: tuple[float, float] | None = None
            try:
                if path.suffix.lower() == ".svg":
                    declared = _svg_size(path)
                if declared is None:
                    declared = pygame.image.load(path).get_size()
            except (OSError, pygame.error, ValueError) as error:
                log.warning("cannot load picture %s: %s", path, error)
            self._natural[path] = declared
        natural = self._natural[path]
        return _fit(natural, size) if natural is not None else None

    def _forget_image(self, key: tuple[Path, tuple[int, int], PictureWords]) -> None:
        """What was kept beside a picture the cache let go."""
        self._misfits.pop(key, None)
        self._untranslated.pop(key, None)
        self._asked.discard(key)

    def picture_misfits(self) -> list[PictureMisfit]:
        """The runs of the pictures asked for since `looked` that did not fit their `textLength`."""
        return [misfit for key, misfits in self._misfits.items() if key in self._asked for misfit in misfits]

    def picture_untranslated(self, language: str) -> list[tuple[str, str]]:
        """The words of the pictures asked for since `looked` in `language` that did not come
        through a translation, as (picture, words)."""
        return [left for key, lefts in self._untranslated.items()
                if key in self._asked and key[2].language == language for left in lefts]

    def looked(self) -> None:
        """The audit has reported on the pictures asked for so far: the next look reports on
        those asked for after (a screen lays its pictures out once, and each is audited once)."""
        self._asked.clear()

    def _picture_runs(self, path: Path) -> tuple[list[PictureRun], float | None]:
        """A vector picture's text runs and the width of its units, read once."""
        if path.suffix.lower() != ".svg":
            return [], None
        if path not in self._runs:
            try:
                source = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                source = ""
            from gardiens.core.pictures import picture_width, read_runs  # lazy: start-up

            self._runs[path] = (read_runs(source), picture_width(source))
        return self._runs[path]

    def _take(self, path: Path, size: tuple[int, int]) -> pygame.Surface | None:
        """Into the cache: the worker's picture (waited for if need be), else one read now."""
        key = (path, size)
        if key in self._rasters:
            # Drawn now, and kept as drawn by `image`: not twice.
            return self._rasters.pop(key)
        return self._converted(path, self._pending.pop(key, None), size)

    def _converted(self, path: Path, pending: Future[pygame.Surface] | None,
                   size: tuple[int, int] = (0, 0)) -> pygame.Surface | None:
        """The worker's picture (waited for if need be), else one read now, converted here, on
        the thread that draws, for fast drawing; None if unreadable."""
        try:
            raw = pending.result() if pending is not None else self._load_fitted(path, size)
            return raw.convert_alpha()
        except (OSError, pygame.error, ValueError) as error:
            log.warning("cannot load picture %s: %s", path, error)
            return None

    def request_image(self, path: Path, size: tuple[int, int]) -> bool:
        """Start reading a picture on the worker; True once `image` can return it at no cost."""
        key = (path, size)
        if key in self._rasters:
            return True
        pending = self._pending.get(key)
        if pending is None:
            if self._worker is None:
                # Imported with the first picture asked for, not before the kiosk's first frame.
                from concurrent.futures import ThreadPoolExecutor  # lazy: start-up

                self._worker = ThreadPoolExecutor(1, thread_name_prefix="gardiens-pictures")
            self._pending[key] = self._worker.submit(self._load_fitted, path, size)
        elif pending.done():
            del self._pending[key]
            self._rasters[key] = self._converted(path, pending)
        else:
            self._pending.move_to_end(key)
        self._bound_pending()
        return key in self._rasters

    def _bound_pending(self) -> None:
        """Let the oldest pictures asked of the worker go while more are waiting than
        `PENDING_KEPT`, or those read, with those taken from the worker and not drawn yet, hold
        more than `RASTER_CACHE_BYTES`: a storm of text sizes asks for each picture at each
        size, and a screen prepared ahead but never opened never takes its pictures. The newest
        is always kept."""
        read = self.pending_bytes() + self._rasters.bytes
        while len(self._pending) > 1 and (len(self._pending) > PENDING_KEPT or read > RASTER_CACHE_BYTES):
            _key, oldest = self._pending.popitem(last=False)
            if not oldest.cancel() and oldest.done() and oldest.exception() is None:
                read -= surface_bytes(oldest.result())

    def pending_bytes(self) -> int:
        """The bytes of the pictures the worker read and no screen took yet."""
        return sum(surface_bytes(future.result()) for future in self._pending.values()
                   if future.done() and future.exception() is None)

    def image_arriving(self, path: Path, size: tuple[int, int], words: PictureWords | None = None) -> bool:
        """Whether `image(path, size, words)` would read the picture or wait for the worker: if
        so, it is asked of the worker (if not yet), and True until the worker has read it."""
        path, words = _in_language(path, words)
        return (path, size, words) not in self._images and not self.request_image(path, size)

    def close(self) -> None:
        """Let the picture worker go (pictures still being read are dropped)."""
        if self._worker is not None:
            self._worker.shutdown(wait=False, cancel_futures=True)
            self._worker = None
        self._pending.clear()

    @staticmethod
    def _load_fitted(path: Path, size: tuple[int, int]) -> pygame.Surface:
        is_svg = path.suffix.lower() == ".svg"
        # A vector picture's size is read from its tag, not by rasterising it a first time.
        natural = None if is_svg else pygame.image.load(path)
        target = _fitted_size(path, size) if is_svg else None
        if target is None:
            natural = natural or pygame.image.load(path)
            target = _fit(natural.get_size(), size)
        if is_svg:
            # Rasterise the vector picture at the final size rather than scaling pixels; its
            # text runs are drawn by the engine, translated, so the rasteriser never sees them.
            from gardiens.core.pictures import without_text  # lazy: start-up

            source = without_text(path.read_text(encoding="utf-8"))
            return pygame.image.load_sized_svg(io.BytesIO(source.encode("utf-8")), target)
        assert natural is not None
        # Any pixel format to 32 bits with alpha (smoothscale needs it), without the display.
        full = pygame.Surface(natural.get_size(), pygame.SRCALPHA)
        full.blit(natural, (0, 0))
        return pygame.transform.smoothscale(full, target)

    def _setting_caches(self) -> tuple[BoundedCache[Any, Any], ...]:
        """The caches whose entries are made for one text size, font, contrast, spacing or
        language (a picture's size and words follow them)."""
        return (self._fonts, self._texts, self._icons, self._images, self._rasters)

    def mark(self) -> None:
        """A setting changed: what is held now goes at `sweep` unless used before (see
        `BoundedCache.mark`)."""
        for cache in self._setting_caches():
            cache.mark()

    def sweep(self) -> int:
        """Let go of what was not used since `mark`; how many entries went."""
        return sum(cache.sweep() for cache in self._setting_caches())

    def font_open(self, family: FontChoice, size: int, bold: bool = False) -> bool:
        """Whether that font is open (its glyphs kept)."""
        return (family, bold, size) in self._fonts

    def close_fonts(self) -> None:
        """Close the fonts opened so far (and the glyphs each keeps); they open again when used."""
        self._fonts.clear()

    def clear_text(self) -> None:
        self._texts.clear()

    def clear_icons(self) -> None:
        """Forget the icons drawn so far (at each size and colour a team's screens used: a day
        of teams fills their budget); they are drawn again when shown."""
        self._icons.clear()

    def clear_images(self) -> None:
        """Forget the mission pictures read so far (an author replaced one in the preview)."""
        self._images.clear()
        self._rasters.clear()
        self._runs.clear()
        self._misfits.clear()
        self._untranslated.clear()
        self._pending.clear()
        # Kept for the audit beside the misfits above, which are gone with them.
        self._asked.clear()


def _in_language(path: Path, words: PictureWords | None) -> tuple[Path, PictureWords]:
    """`path`'s variant in the language of `words`, and those words (the picture's own if none)."""
    # The pictures' words are read from the first picture on, not before the kiosk's first
    # frame, which has none (start-up time).
    from gardiens.ui.picture_text import PictureWords, language_variant  # lazy: start-up

    words = words or PictureWords()
    return language_variant(path, words.language), words


def _fit(natural: tuple[float, float], size: tuple[int, int]) -> tuple[int, int]:
    w, h = natural
    ratio = min(size[0] / w, size[1] / h)
    return max(1, round(w * ratio)), max(1, round(h * ratio))


def _fitted_size(path: Path, size: tuple[int, int]) -> tuple[int, int] | None:
    """The size a vector picture takes inside `size`, from its tag; None when it does not say."""
    try:
        declared = _svg_size(path)
    except OSError:
        return None
    return _fit(declared, size) if declared is not None else None


_SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE | re.DOTALL)
_SVG_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


def _svg_attribute(tag: str, name: str) -> str | None:
    found = re.search(rf"\s{name}\s*=\s*([\"'])(.*?)\1", tag, re.DOTALL)
    return found.group(2) if found else None


def _svg_size(path: Path) -> tuple[float, float] | None:
    """The size an SVG declares (width/height in pixels, else its viewBox); None when unsure."""
    with path.open("rb") as file:
        head = file.read(8192)
    match = _SVG_TAG.search(head)
    if match is None:
        return None
    tag = match.group(0).decode("utf-8", "replace")
    width, height = _svg_attribute(tag, "width"), _svg_attribute(tag, "height")
    sizes = [_SVG_LENGTH.match(v) if v is not None else None for v in (width, height)]
    if sizes[0] and sizes[1]:
        w, h = float(sizes[0].group(1)), float(sizes[1].group(1))
        if w > 0 and h > 0:
            return w, h
    box = _svg_attribute(tag, "viewBox")
    if box is not None and width is None and height is None:
        parts = box.replace(",", " ").split()
        try:
            w, h = float(parts[2]), float(parts[3])
        except (IndexError, ValueError):
            return None
        if w > 0 and h > 0:
            return w, h
    # Percentages, units other than pixels, or one side only: the rasteriser decides.
    return None
