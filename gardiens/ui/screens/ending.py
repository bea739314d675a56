"""Pause, the end of a mission (victory or time up) and the debrief the team reads together."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from gardiens.core.commands import Reset, Resume
from gardiens.core.debrief import Badge, badge_of
from gardiens.core.session import DebriefData, Outcome, PuzzleState
from gardiens.i18n.format import format_countdown, format_duration
from gardiens.ui.draw import badge, beam, confetti, fog_layer, lumi, panel, speech_bubble
from gardiens.ui.kit.screen import TOP_BAR, Screen, draw_title
from gardiens.ui.screens.attract import night_scene
from gardiens.ui.widgets.base import Button

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host

CELEBRATION_SECONDS = 5.0


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
        remaining = format_countdown(app.session.remaining())
        app.type.block(surface, self._("Le temps est arrêté. Il reste {time}.").format(time=remaining),
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
        return lumi(surface, (self.px(380), self.height - self.px(200)), self.px(520), mood=self.mood,
                    high_contrast=self.app.settings.high_contrast)

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        surface.blit(night_scene(self), (0, 0))
        head = self.draw_scene(surface)
        title, text = self.speech()
        bubble = pygame.Rect(self.px(720), self.px(170), self.width - self.px(810), self.px(560))
        speech_bubble(surface, bubble, p.surface, p.outline, radius=self.px(40),
                      tail_to=(head.right + self.px(20), head.centery), width=self.px(4))
        inner = bubble.inflate(-self.px(90), -self.px(70))
        app.type.block(surface, title, pygame.Rect(inner.x, inner.y, inner.w, self.px(120)), size=m.text("title"),
                       color=p.primary_dark, bold=True, max_lines=1, valign="middle", name=f"{self.name}-title")
        app.type.block(surface, text, pygame.Rect(inner.x, inner.y + self.px(140), inner.w, inner.h - self.px(140)),
                       size=m.text("subtitle"), color=p.ink, name=f"{self.name}-text")
        self.draw_widgets(surface)

    def solved_line(self) -> str:
        puzzles = self.app.state.puzzles.values()
        done = sum(1 for g in puzzles if g.state in (PuzzleState.SOLVED, PuzzleState.SKIPPED))
        return self.ngettext("Vous avez résolu {done} énigme sur {total}.",
                             "Vous avez résolu {done} énigmes sur {total}.", done).format(done=done, total=len(puzzles))


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
        return self.app.time - self.opened_at < CELEBRATION_SECONDS

    def speech(self) -> tuple[str, str]:
        mission = self.app.mission
        words = self.app.words
        text = words.text(mission.victory) if mission and words and mission.victory else ""
        text = text or self._("Grâce à vous, le phare brille de nouveau et le Brouillard recule !")
        return self._("Mission réussie !"), f"{text}\n{self.solved_line()}"

    def draw_scene(self, surface: pygame.Surface) -> pygame.Rect:
        app = self.app
        t = app.time - self.opened_at
        head = lumi(surface, (self.px(380), self.height - self.px(200)), self.px(520), mood="happy",
                    wave=0.5 + 0.5 * math.sin(t * 4), high_contrast=app.settings.high_contrast)
        beam(surface, head.center, -0.35 + 0.25 * math.sin(t * 0.8), self.px(1700), 0.2, (255, 236, 160), 80)
        if t < CELEBRATION_SECONDS:
            p = app.palette
            confetti(surface, t, 11, [p.accent, p.gold, p.primary, p.good, p.bad])
        return head


class TimeUpScreen(_Ending):
    """The fog wins this time: said kindly, with what the team achieved."""

    name = "time_up"
    mood = "sad"

    def speech(self) -> tuple[str, str]:
        text = self._("Le Brouillard a gagné cette fois… mais vous avez bien avancé !")
        return self._("Temps écoulé !"), f"{text}\n{self.solved_line()}"

    def draw_scene(self, surface: pygame.Surface) -> pygame.Rect:
        app = self.app
        head = super().draw_scene(surface)
        fog = app.frame.cached(("thick-fog",), lambda: fog_layer(app.size, app.palette.fog, 5, density=2.0))
        surface.blit(fog, (0, 0))
        return head


class DebriefScreen(Screen):
    """Result, time, hints, a badge, the key messages, where to find help, and the mission's timeline."""

    name = "debrief"

    def layout(self) -> None:
        w = self.px(460)
        self.widgets = [Button("finish", pygame.Rect(self.width - self.px(60) - w, self.px(14), w, self.px(104)),
                               self._("Terminer"), icon="check", kind="accent",
                               on_tap=lambda: self.app.command(Reset()))]

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        _ = self._
        self.draw_background(surface)
        data = app.session.debrief()
        words = app.words
        draw_title(self, surface, _("Bilan de la mission — {team}").format(team=app.team()),
                   right=self.width - self.px(560))
        if data is None or words is None or app.mission is None:
            self.draw_widgets(surface)
            return
        gap = self.px(30)
        top = self.px(TOP_BAR + 10)
        timeline_h = self.px(250)
        body_h = self.height - top - timeline_h - 2 * gap
        # Result card with the badge.
        result = pygame.Rect(self.px(40), top, self.px(500), body_h)
        panel(surface, result, p.surface, radius=self.px(36), shadow=p.shadow, depth=self.px(10), border=p.outline,
              border_width=self.px(3))
        tier = badge_of(data)
        badge(surface, (result.centerx, result.y + self.px(105)), self.px(76), p, tier)
        names = {Badge.GOLDEN_LIGHTHOUSE: _("Phare d'or"), Badge.KEEPERS: _("Gardiens du phare"),
                 Badge.APPRENTICES: _("Apprentis gardiens")}
        app.type.block(surface, names[tier], pygame.Rect(result.x + self.px(20), result.y + self.px(240),
                       result.w - self.px(40), self.px(60)), size=m.text("subtitle"), color=p.primary_dark,
                       bold=True, align="center", max_lines=1, name="badge-name")
        outcome = {Outcome.WON: _("Mission réussie !"), Outcome.TIME_UP: _("Temps écoulé"),
                   Outcome.ABANDONED: _("Mission arrêtée")}.get(data.outcome or Outcome.ABANDONED, "")
        app.type.block(surface, outcome, pygame.Rect(result.x + self.px(20), result.y + self.px(300),
                       result.w - self.px(40), self.px(60)), size=m.text("subtitle"), color=p.ink, bold=True,
                       align="center", max_lines=1, name="outcome")
        facts = [
            ("clock", _("Temps : {time}").format(time=format_duration(data.elapsed, app.language))),
            ("star", _("Énigmes : {done} sur {total}").format(done=data.solved, total=len(data.puzzles))),
            ("bulb", self.ngettext("Indice : {n}", "Indices : {n}", data.hints_used).format(n=data.hints_used)),
        ]
        y = result.y + self.px(375)
        each = max(self.px(56), (result.bottom - self.px(16) - y) // len(facts))
        for icon, text in facts:
            image = app.assets.icon(icon, self.px(48), p.primary)
            surface.blit(image, image.get_rect(midleft=(result.x + self.px(40), y + each // 2)))
            app.type.block(surface, text, pygame.Rect(result.x + self.px(110), y, result.w - self.px(130), each),
                           size=m.text("body"), color=p.ink, valign="middle", max_lines=1, name="fact")
            y += each
        # Key messages.
        x = result.right + gap
        help_w = self.px(520)
        learn = pygame.Rect(x, top, self.width - x - help_w - gap - self.px(40), body_h)
        panel(surface, learn, p.surface, radius=self.px(36), shadow=p.shadow, depth=self.px(10), border=p.outline,
              border_width=self.px(3))
        app.type.block(surface, _("Ce qu'on retient"), pygame.Rect(learn.x + self.px(30), learn.y + self.px(20),
                       learn.w - self.px(60), self.px(80)), size=m.text("subtitle") + self.px(6), color=p.ink, bold=True, max_lines=1,
                       name="learn-title")
        messages = words.texts(app.mission.debrief.key_messages)[:3]
        column = pygame.Rect(learn.x + self.px(118), learn.y + self.px(110), learn.w - self.px(148), 0)
        column.h = learn.bottom - self.px(20) - column.y
        boxes, size = self._stack(messages, column, self.px(28))
        for i, (message, box) in enumerate(zip(messages, boxes, strict=True)):
            dot = pygame.Rect(learn.x + self.px(30), box.y + self.px(6), self.px(64), self.px(64))
            pygame.draw.ellipse(surface, p.accent, dot)
            app.type.line(surface, str(i + 1), dot.center, size=m.text("subtitle"), color=p.on_accent, bold=True,
                          anchor="center")
            app.type.block(surface, message, box, size=size, color=p.ink, name="key-message")
        # Where to find help.
        help_card = pygame.Rect(learn.right + gap, top, help_w, body_h)
        panel(surface, help_card, p.good_soft, radius=self.px(36), shadow=p.good, depth=self.px(10), border=p.good,
              border_width=self.px(4))
        app.type.block(surface, _("Besoin d'aide ?"), pygame.Rect(help_card.x + self.px(30), help_card.y + self.px(20),
                       help_card.w - self.px(60), self.px(80)), size=m.text("subtitle") + self.px(6), color=p.ink, bold=True,
                       max_lines=1, name="help-title")
        helps = [
            ("phone", _("Appelez le 3018 : gratuit, anonyme et confidentiel, 7 jours sur 7 de 9 h à 23 h.")),
            ("adult", _("Parlez-en à un adulte de confiance.")),
            ("shield", _("Le site de la CNIL pour les jeunes : cnil.fr")),
        ]
        column = pygame.Rect(help_card.x + self.px(100), help_card.y + self.px(110), help_card.w - self.px(130), 0)
        column.h = help_card.bottom - self.px(20) - column.y
        boxes, size = self._stack([t for _i, t in helps], column, self.px(28))
        for (icon, text), box in zip(helps, boxes, strict=True):
            image = app.assets.icon(icon, self.px(56), p.good)
            surface.blit(image, (help_card.x + self.px(28), box.y + self.px(4)))
            app.type.block(surface, text, box, size=size, color=p.ink, name="help")
        self.draw_timeline(surface, data, pygame.Rect(self.px(40), self.height - timeline_h - gap,
                                                      self.width - self.px(80), timeline_h))
        self.draw_widgets(surface)

    def _stack(self, texts: list[str], column: pygame.Rect, gap: int) -> tuple[list[pygame.Rect], int]:
        """Boxes for texts one below the other in `column`, each as tall as its text at the
        largest size all of them fit, with `gap` between; and that size."""
        size, heights = self.app.type.stacked(texts, column.w, column.h, self.app.metrics.text("body"), gap)
        boxes = []
        y = column.y
        for height in heights:
            boxes.append(pygame.Rect(column.x, y, column.w, min(height, column.bottom - y)))
            y += height + gap
        return boxes, size

    def draw_timeline(self, surface: pygame.Surface, data: DebriefData, box: pygame.Rect) -> None:
        """The mission as a line in time: a check where a puzzle was solved, bulbs and crosses above it."""
        app = self.app
        p = app.palette
        m = app.metrics
        _ = self._
        words = app.words
        mission = app.mission
        assert words is not None and mission is not None
        panel(surface, box, p.surface, radius=self.px(36), shadow=p.shadow, depth=self.px(10), border=p.outline,
              border_width=self.px(3))
        app.type.block(surface, _("Votre mission, minute par minute"), pygame.Rect(box.x + self.px(30), box.y
                       + self.px(14), box.w * 2 // 3, self.px(56)), size=m.text("subtitle"), color=p.ink, bold=True,
                       max_lines=1, name="timeline-title")
        legend = [("check", p.good, _("résolue")), ("bulb", p.accent_dark, _("indice")),
                  ("cross", p.bad, _("essai"))]
        x = box.right - self.px(30)
        for icon, color, label in reversed(legend):
            rect = app.type.line(surface, label, (x, box.y + self.px(42)), size=m.text("small"), color=p.ink_soft,
                                 anchor="midright")
            image = app.assets.icon(icon, self.px(40), color)
            surface.blit(image, image.get_rect(midright=(rect.left - self.px(8), rect.centery)))
            x = rect.left - self.px(70)
        line_y = box.y + self.px(150)
        left = box.x + self.px(60)
        right = box.right - self.px(60)
        span = max(data.elapsed, 1.0)
        pygame.draw.line(surface, p.outline, (left, line_y), (right, line_y), max(3, self.px(8)))
        for minute in range(0, int(span // 60) + 1):
            tx = round(left + (right - left) * (minute * 60) / span)
            pygame.draw.line(surface, p.outline, (tx, line_y - self.px(10)), (tx, line_y + self.px(10)),
                             max(2, self.px(4)))
            if minute % max(1, int(span // 60) // 8 + 1) == 0:
                app.type.line(surface, f"{minute}′", (tx, line_y + self.px(16)), size=m.text("small"),
                              color=p.ink_soft, anchor="midtop")
        order = {pz.id: i for i, pz in enumerate(mission.puzzles)}
        stacks: dict[int, int] = {}
        for at, pid, what in data.timeline:
            tx = round(left + (right - left) * min(at, span) / span)
            if what in ("solved", "puzzle_skipped"):
                mark = pygame.Rect(0, 0, self.px(64), self.px(64))
                mark.center = (tx, line_y)
                pygame.draw.ellipse(surface, p.good if what == "solved" else p.locked, mark)
                image = app.assets.icon("check" if what == "solved" else "skip", self.px(40), p.surface)
                surface.blit(image, image.get_rect(center=mark.center))
                app.type.line(surface, str(order.get(pid, 0) + 1), (tx, line_y + self.px(44)), size=m.text("body"),
                              color=p.ink, bold=True, anchor="midtop")
            else:
                bucket = tx // max(1, self.px(40))
                level = stacks.get(bucket, 0)
                stacks[bucket] = level + 1
                icon, color = ("cross", p.bad) if what == "wrong" else ("bulb", p.accent_dark)
                image = app.assets.icon(icon, self.px(40), color)
                surface.blit(image, image.get_rect(midbottom=(tx, line_y - self.px(36) - level * self.px(34))))
