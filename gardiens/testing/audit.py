"""The layout audit: every screen and puzzle of some missions drawn headless in each language, age
band, window size, text size and spacing, and each text or touch target that is too small, cut, on top of
another or off the screen, found and located. With reduced motion, each screen is also drawn a
moment later: whatever moved on its own (but a text that changed, the countdown) is found. In the pseudo-locale `qps`, each text drawn (a
picture's words included) that did not come through a translation is found too, with where it
was drawn from.

    result = run_audit(load_library())
    for group in group_findings(result.findings): ...
"""

from __future__ import annotations

import gc
import random
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, cast

import pygame

from gardiens.core.facilitator import set_pin
from gardiens.core.model import AgeBand, Mission
from gardiens.i18n.pseudo import PSEUDO_LANGUAGE
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import KIOSK_SCREENS, SCREENS, SceneError, stage, stage_kiosk
from gardiens.ui.app import headless_environment
from gardiens.ui.assets import Assets
from gardiens.ui.text import TextFit
from gardiens.ui.theme import (
    SPACINGS,
    TEXT_FLOORS,
    TEXT_STEPS,
    TOUCH_FLOOR,
    Settings,
    Spacing,
    floor_at,
)
from gardiens.ui.widgets.base import Display, Widget

FindingKind = Literal["small-text", "cut", "overlap", "small-target", "off-screen", "moving", "untranslated"]
FINDING_KINDS: tuple[FindingKind, ...] = ("small-text", "cut", "overlap", "small-target", "off-screen",
                                          "moving", "untranslated")
Motion = Literal["normal", "reduced"]
MOTIONS: tuple[Motion, ...] = ("normal", "reduced")
# With reduced motion, a settled screen drawn again this much of the kiosk's time later must not
# have moved.
STILL_SECONDS = 1.5
LANGUAGES: tuple[str, ...] = ("fr", "en")
# Every language the audit can render: the pseudo-locale too, which every mission can show.
AUDIT_LANGUAGES: tuple[str, ...] = (*LANGUAGES, PSEUDO_LANGUAGE)
SIZES: tuple[tuple[int, int], ...] = ((1920, 1080), (1280, 800))
# The pop-ups shown over each puzzle; the other screens are staged once per mission.
PUZZLE_SCREENS: tuple[str, ...] = ("puzzle", "hints", "feedback")
MISSION_SCREENS: tuple[str, ...] = tuple(s for s in SCREENS if s not in ("attract", *PUZZLE_SCREENS))
ALL_SCREENS: tuple[str, ...] = ("attract", *MISSION_SCREENS, *PUZZLE_SCREENS, *KIOSK_SCREENS)
# How long a staged screen is left to settle (tweens, pop-ups sliding in), in large steps: the
# audit looks at where things end, not at the way there.
SETTLE_STEP = 0.25
SETTLE_STEPS = 16
# A shown text is named by this many of its characters at most.
SHOWN_CHARACTERS = 60


@dataclass(frozen=True, order=True)
class Scene:
    """One render: which screen (and puzzle) of which mission, in which language, age band,
    window size, text-size step (an index of TEXT_STEPS), text spacing and motion."""

    screen: str
    mission: str = ""
    puzzle: str = ""
    language: str = "fr"
    band: str = ""
    size: tuple[int, int] = (1920, 1080)
    step: int = 0
    spacing: Spacing = "normal"
    motion: Motion = "normal"


@dataclass(frozen=True)
class Problem:
    """What is wrong with one element of a render.

    `subject` is the text (or the target's name) at fault, `other` the element it overlaps;
    `measured` and `floor` are pixels (the text's size or the target's short side, and the least
    allowed); `detail` says more in one word: reading or label, ellipsised, clipped or overflows.
    A part that moves with reduced motion is named by its place (`subject`, `x,y w×h`).
    An untranslated text names the words that did not come through a translation (`other`), the
    widget or picture that drew them (`detail`) and the code it was drawn from (`where`,
    `module.py:line`).
    """

    kind: FindingKind
    subject: str
    other: str = ""
    measured: int = 0
    floor: int = 0
    detail: str = ""
    where: str = ""


@dataclass(frozen=True)
class Finding:
    problem: Problem
    scene: Scene


@dataclass
class AuditResult:
    findings: list[Finding] = field(default_factory=list)
    renders: int = 0
    # Scenes a mission cannot show (no wrong answer that brings a feedback, for one).
    skipped: list[Scene] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def renders_per_second(self) -> float:
        return self.renders / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class FindingGroup:
    """The same problem (the same text, or pair, at fault in the same way on the same screen)
    found in several renders, whatever the language, band, size or step, in order."""

    kind: FindingKind
    screen: str
    mission: str
    puzzle: str
    subject: str
    other: str
    detail: str
    findings: tuple[Finding, ...]

    @property
    def scenes(self) -> tuple[Scene, ...]:
        return tuple(finding.scene for finding in self.findings)


def _shown(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SHOWN_CHARACTERS else flat[: SHOWN_CHARACTERS - 1] + "…"


def inspect(texts: Sequence[TextFit], targets: Sequence[tuple[str, pygame.Rect]],
            size: tuple[int, int], shows: Iterable[str] = ()) -> list[Problem]:
    """The problems of one drawn screen: its texts as the typesetter reported them, its touch
    targets (name, rectangle), the window's size. Those named in `shows` only show something
    (a gauge, a scroll track): no touch reaches them, so they may be smaller than a finger.

    A text lying wholly inside a target is that target's own (a button's label), and a target
    wholly inside another belongs to it (a card in its box): neither is an overlap. Any other
    meeting of a text's ink with another text or a target, or of two targets, is one.
    """
    screen = pygame.Rect((0, 0), size)
    height = size[1]
    problems: list[Problem] = []
    inks: list[pygame.Rect] = []
    shown: list[str] = []
    for fit in texts:
        ink = pygame.Rect(fit.ink)
        text = _shown(fit.text)
        if not text or ink.w <= 0 or ink.h <= 0:
            continue
        inks.append(ink)
        shown.append(text)
        floor = floor_at(TEXT_FLOORS[fit.kind], height)
        if fit.size < floor:
            problems.append(Problem("small-text", text, measured=int(fit.size), floor=floor, detail=fit.kind))
        if fit.cut or not fit.fit:
            problems.append(Problem("cut", text, detail=fit.cut or "overflows"))
        if not screen.contains(ink):
            problems.append(Problem("off-screen", text))
    rects = [pygame.Rect(rect) for _, rect in targets]
    names = [name for name, _ in targets]
    touch_floor = floor_at(TOUCH_FLOOR, height)
    shown_only = set(shows)
    for name, rect in zip(names, rects, strict=True):
        if rect.w <= 0 or rect.h <= 0:
            continue
        if min(rect.w, rect.h) < touch_floor and name not in shown_only:
            problems.append(Problem("small-target", name, measured=min(rect.w, rect.h), floor=touch_floor))
        if not screen.contains(rect):
            problems.append(Problem("off-screen", name))
    for i, ink in enumerate(inks):
        for j in ink.collidelistall(inks[i + 1:]):
            if shown[i] != shown[i + 1 + j] or ink != inks[i + 1 + j]:
                problems.append(Problem("overlap", shown[i], other=shown[i + 1 + j]))
        for j in ink.collidelistall(rects):
            if not rects[j].contains(ink):
                problems.append(Problem("overlap", shown[i], other=names[j]))
    for i, rect in enumerate(rects):
        for j in rect.collidelistall(rects[i + 1:]):
            other = rects[i + 1 + j]
            if not rect.contains(other) and not other.contains(rect):
                problems.append(Problem("overlap", names[i], other=names[i + 1 + j]))
    # A text drawn twice in the same place (a shadow, a label kept with its look) is one problem.
    return list(dict.fromkeys(problems))


def untranslated(texts: Sequence[TextFit], pictures: Sequence[tuple[str, str]] = ()) -> list[Problem]:
    """The texts drawn, and the pictures' words, that did not come through a translation: in
    the pseudo-locale, a text whose letters the pseudo-locale did not mark (and that the code
    drawing it did not declare as needing no translation)."""
    problems = [Problem("untranslated", _shown(fit.text), other=_shown(fit.untranslated), detail=fit.name,
                        where=fit.source) for fit in texts if fit.untranslated]
    problems += [Problem("untranslated", _shown(words), other=_shown(words), detail=picture, where=picture)
                 for picture, words in pictures]
    return list(dict.fromkeys(problems))


def look(pilot: Pilot, *, translated: bool = False) -> list[Problem]:
    """The problems of the screen on top of the pilot's App, drawn once more on its own: what
    lies under a pop-up is veiled and out of reach, audited as a screen of its own. With
    `translated`, each text that did not come through a translation is one too (the App shows
    the pseudo-locale)."""
    app = pilot.app
    texts = _draw_top(pilot)
    widgets = list(_targets(app.all_widgets()))
    targets = [(widget.name, widget.rect) for widget in widgets]
    shows = [widget.name for widget in widgets if isinstance(widget, Display)]
    # A picture's words that do not fit their place even at their smallest are cut texts too.
    cut = [Problem("cut", _shown(f"{m.picture}: {m.text}"), detail="picture")
           for m in app.assets.picture_misfits()]
    found = [*inspect(texts, targets, app.size, shows), *cut]
    if translated:
        found += untranslated(texts, app.assets.picture_untranslated(PSEUDO_LANGUAGE))
    app.assets.looked()
    return found


def _draw_top(pilot: Pilot) -> list[TextFit]:
    """The screen on top drawn once more on its own, with the corner buttons over it; the texts
    it set, as the typesetter reported them."""
    app = pilot.app
    surface = app.surface
    top = app.top
    assert surface is not None and top is not None
    app.type.report = []
    top.draw(surface)
    corner = app.input.corner_shown()
    if corner is not None:
        corner.draw(surface, app, focused=False, pressed=False)
    speaker = app.speech.button() if app.speech is not None else None
    if speaker is not None:
        speaker.draw(surface, app, focused=False, pressed=False)
    return app.type.report


def still(pilot: Pilot) -> list[Problem]:
    """With reduced motion: the parts of the screen on top that changed on their own over
    STILL_SECONDS of the kiosk's time, but for the texts that said something else (the
    countdown, the time played)."""
    app = pilot.app
    surface = app.surface
    assert surface is not None

    def frame(seconds: float) -> dict[str, pygame.Rect]:
        # A whole frame drawn as the kiosk draws it, `seconds` of its time later.
        app.step(seconds)
        app.type.report = []
        app.dirty = True
        app.step(0.0)
        return {fit.text: pygame.Rect(fit.ink) for fit in app.type.report}

    before_texts = frame(0.0)
    before = surface.copy()
    after_texts = frame(STILL_SECONDS)
    # The difference either way, added: black where nothing changed.
    change = before.copy()
    change.blit(surface, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    back = surface.copy()
    back.blit(before, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    change.blit(back, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    moved = pygame.mask.from_threshold(change, (0, 0, 0, 255), (1, 1, 1, 255))
    moved.invert()
    said = [ink for text, ink in before_texts.items() if text not in after_texts]
    said += [ink for text, ink in after_texts.items() if text not in before_texts]
    margin = app.metrics.px(8)
    allowed = [ink.inflate(2 * margin, 2 * margin) for ink in said]
    return [Problem("moving", f"{area.x},{area.y} {area.w}×{area.h}")
            for area in moved.get_bounding_rects()
            if not any(place.contains(area) for place in allowed)]


def _targets(widgets: Iterable[Widget]) -> Iterator[Widget]:
    seen: set[int] = set()
    for widget in widgets:
        if id(widget) not in seen:
            seen.add(id(widget))
            yield widget


def _settle(pilot: Pilot) -> None:
    # Undrawn: `look` draws the settled screen, and only its texts and targets are inspected.
    for _ in range(SETTLE_STEPS):
        if not pilot.app.step(SETTLE_STEP, draw=False):
            return


def _expected_top(scene: Scene) -> str:
    """The name of the screen on top once `scene` is staged."""
    if scene.screen == "puzzle":
        return f"puzzle:{scene.puzzle}"
    # A right answer's pop-up, and its « Pourquoi ? » cards, are the feedback screen; the notice
    # of a journal that could not be opened is the journal notice; the learning check's second
    # ask, and its right answer, are the learning check.
    return {"panel": "facilitator", "accessibility-more": "accessibility", "success": "feedback", "why": "feedback",
            "journal-unopened": "journal", "learning-after": "learning",
            "learning-answer": "learning"}.get(scene.screen, scene.screen)


def plan(missions: Mapping[str, Mission], *, languages: Sequence[str] = LANGUAGES,
         sizes: Sequence[tuple[int, int]] = SIZES,
         steps: Sequence[int] = tuple(range(len(TEXT_STEPS))),
         screens: Sequence[str] = (), spacings: Sequence[Spacing] = SPACINGS,
         motions: Sequence[Motion] = MOTIONS) -> list[Scene]:
    """Every render the audit makes, in order: per language, size, step, spacing and motion, the
    attract screen, then for each mission its screens, the facilitator's and each puzzle with its
    pop-ups (only the named `screens` when some are given).

    Reduced motion changes what moves, not where things are: it is rendered at the first step and
    spacing asked only, unless it is the only motion asked."""
    scenes: list[Scene] = []
    settings = [(step, spacing, motion) for motion in motions for step in steps for spacing in spacings
                if motion == motions[0] or (step, spacing) == (steps[0], spacings[0])]
    for language in languages:
        for size in sizes:
            for step, spacing, motion in settings:
                scenes.append(Scene("attract", language=language, size=size, step=step, spacing=spacing,
                                    motion=motion))
                for mission in missions.values():
                    if language not in (mission.language, *mission.translations, PSEUDO_LANGUAGE):
                        continue
                    where = Scene("", mission=mission.id, language=language, size=size, step=step, spacing=spacing,
                                  motion=motion)
                    for band in mission.ages:
                        scenes += [replace(where, screen=name, band=band) for name in MISSION_SCREENS]
                        scenes += [replace(where, screen=name, puzzle=puzzle.id, band=band)
                                   for puzzle in mission.puzzles for name in PUZZLE_SCREENS]
                    # The facilitator's screens do not change with the team's age band.
                    scenes += [replace(where, screen=name, band=mission.ages[0]) for name in KIOSK_SCREENS]
    return [scene for scene in scenes if scene.screen in screens] if screens else scenes


class Auditor:
    """Stages and inspects scenes. One kiosk serves every scene of a mission in one language,
    window size and text size, a new team's session staged in it for each; the fonts, pictures
    and rendered texts are shared by all. The kiosks only make pictures: no sound is synthesised
    and nothing is prepared ahead of a tap, so a render costs little more than its drawing. Each
    has a voice (never asked to speak), so that its speaker button is drawn and checked."""

    def __init__(self, missions: Mapping[str, tuple[Mission, Path]], data_dir: Path) -> None:
        headless_environment()
        self.missions = missions
        self.data_dir = data_dir
        self.assets = Assets()
        self._kiosk: tuple[str, str, tuple[int, int], int, Spacing, Motion] | None = None
        # The facilitator's PIN, set once for every kiosk screen staged.
        self.pin = "".join(random.SystemRandom().choice("0123456789") for _ in range(6))
        set_pin(data_dir, self.pin)
        self._last: Pilot | None = None

    def pilot(self, scene: Scene) -> Pilot:
        """The kiosk for `scene`, with a new session on it (the same kiosk as the last scene's
        when only the screen, puzzle or band differ)."""
        band = cast("AgeBand | None", scene.band or None)
        kiosk = (scene.mission, scene.language, scene.size, scene.step, scene.spacing, scene.motion)
        if self._last is not None and kiosk == self._kiosk:
            self._last.renew(age=band)
            return self._last
        self.close()
        # The mission audited comes first: the one the staging picks, among all the others (the
        # kiosk's picker shows them all).
        order = sorted(self.missions, key=lambda mid: mid != scene.mission)
        pilot = Pilot.launch({mid: self.missions[mid][0] for mid in order},
                             mission_dirs={mid: self.missions[mid][1].parent for mid in order},
                             size=scene.size, language=scene.language, age=band,
                             settings=Settings(text_step=scene.step, spacing=scene.spacing,
                                               reduced_motion=scene.motion == "reduced"), assets=self.assets,
                             pictures_only=True, voice=self.data_dir / "voice")
        self._kiosk = kiosk
        self._last = pilot
        return pilot

    def render(self, scene: Scene) -> list[Problem] | None:
        """The problems of `scene`, or None when the mission cannot show it."""
        pilot = self.pilot(scene)
        clock = pilot.clock
        assert clock is not None
        band = cast("AgeBand | None", scene.band or None)
        # The pseudo-locale is shown over a session in the mission's own language.
        pseudo = scene.language == PSEUDO_LANGUAGE
        language = None if pseudo else scene.language
        try:
            if scene.screen in KIOSK_SCREENS:
                stage_kiosk(pilot, scene.screen, self.data_dir, language=language, pin=self.pin)
            else:
                stage(pilot.app, clock, screen=None if scene.screen == "puzzle" else scene.screen,
                      puzzle=scene.puzzle or None, age=band, language=language)
        except SceneError:
            return None
        _settle(pilot)
        if pilot.screen != _expected_top(scene):
            return None
        problems = look(pilot, translated=pseudo)
        if scene.motion == "reduced":
            problems += still(pilot)
        return problems

    def close(self) -> None:
        """Let the last kiosk go (only its display: the assets are kept for the next one)."""
        if self._last is not None:
            self._last.close()
            self._last = None
            self._kiosk = None
            # A kiosk left behind keeps full-screen surfaces in reference cycles, which the
            # collector, not seeing how large they are, would leave for long.
            gc.collect()


def run_audit(missions: Mapping[str, tuple[Mission, Path]], *, languages: Sequence[str] = LANGUAGES,
              sizes: Sequence[tuple[int, int]] = SIZES,
              steps: Sequence[int] = tuple(range(len(TEXT_STEPS))), screens: Sequence[str] = (),
              spacings: Sequence[Spacing] = SPACINGS, motions: Sequence[Motion] = MOTIONS,
              progress: Callable[[int, int, Scene], None] | None = None) -> AuditResult:
    """Render every scene of `plan` for these missions (by id, with their files) and collect
    the findings; `progress(done, total, scene)` is called before each render."""
    scenes = plan({mid: mission for mid, (mission, _) in missions.items()},
                  languages=languages, sizes=sizes, steps=steps, screens=screens, spacings=spacings,
                  motions=motions)
    result = AuditResult()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="gardiens-audit-") as data_dir:
        auditor = Auditor(missions, Path(data_dir))
        try:
            for done, scene in enumerate(scenes):
                if progress is not None:
                    progress(done, len(scenes), scene)
                problems = auditor.render(scene)
                if problems is None:
                    result.skipped.append(scene)
                    continue
                result.renders += 1
                result.findings += [Finding(problem, scene) for problem in problems]
        finally:
            auditor.close()
    result.seconds = time.perf_counter() - started
    return result


def group_findings(findings: Iterable[Finding]) -> list[FindingGroup]:
    """The findings grouped (see FindingGroup), ordered by screen, mission, puzzle and kind."""
    order = {kind: index for index, kind in enumerate(FINDING_KINDS)}
    groups: dict[tuple[str, str, str, int, str, str, str], list[Finding]] = {}
    for finding in findings:
        scene, problem = finding.scene, finding.problem
        key = (scene.screen, scene.mission, scene.puzzle, order[problem.kind], problem.subject,
               problem.other, problem.detail)
        groups.setdefault(key, []).append(finding)
    return [FindingGroup(FINDING_KINDS[kind], screen, mission, puzzle, subject, other, detail,
                         tuple(sorted(groups[key], key=lambda f: f.scene)))
            for key in sorted(groups) for screen, mission, puzzle, kind, subject, other, detail in [key]]
