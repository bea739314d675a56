"""Before play: the team's setup and Lumi's briefing."""

from __future__ import annotations

import functools

import pygame

from gardiens.core.commands import Choose, Confirm, RerollTeam, Start
from gardiens.ui.draw import lumi, panel, speech_bubble
from gardiens.ui.kit.screen import CORNER, TOP_BAR, Screen, draw_title
from gardiens.ui.screens.attract import language_name, night_scene
from gardiens.ui.widgets.base import Button, Widget
from gardiens.ui.words import MissionWords


class SetupScreen(Screen):
    """The team picks its age band and language, and gets a pseudonym it can re-roll."""

    name = "setup"

    def layout(self) -> None:
        app = self.app
        _ = self._
        # What needs no decision is chosen first, so the buttons show it.
        self._preselect()
        state = app.state
        mission = app.mission
        W = self.width
        widgets: list[Widget] = []
        self.team_card = pygame.Rect(self.px(90), self.px(210), self.px(760), self.px(520))
        widgets.append(Button("reroll", pygame.Rect(self.team_card.x + self.px(60), self.team_card.bottom - self.px(160),
                                                    self.team_card.w - self.px(120), self.px(120)),
                              _("Un autre nom"), on_tap=lambda: app.command(RerollTeam()), icon="dice",
                              kind="plain"))
        x0 = self.px(930)
        col_w = W - x0 - self.px(90)
        y = self.px(250)
        missions = list(app.session.missions.values())
        self.labels: list[tuple[str, pygame.Rect]] = []
        if len(missions) > 1:
            self.labels.append((_("Mission"), pygame.Rect(x0, y - self.px(70), col_w, self.px(60))))
            bw = (col_w - self.px(20) * (len(missions) - 1)) // len(missions)
            for i, m in enumerate(missions):
                words_title = MissionWords(m, state.age or m.ages[0], app.translator.language).text(m.title)
                widgets.append(Button(f"mission:{m.id}", pygame.Rect(x0 + i * (bw + self.px(20)), y, bw, self.px(120)),
                                      words_title, selected=m.id == state.mission_id,
                                      on_tap=functools.partial(app.command, Choose(mission=m.id)), icon="flag"))
            y += self.px(250)
        ages = mission.ages if mission else []
        self.labels.append((_("Votre âge"), pygame.Rect(x0, y - self.px(70), col_w, self.px(60))))
        bw = (col_w - self.px(30)) // 2
        for i, age in enumerate(ages):
            label = _("{low} à {high} ans").format(low=age.split("-")[0], high=age.split("-")[1])
            widgets.append(Button(f"age:{age}", pygame.Rect(x0 + i * (bw + self.px(30)), y, bw, self.px(140)),
                                  label, selected=state.age == age, icon="people",
                                  on_tap=functools.partial(app.command, Choose(age=age))))
        y += self.px(280)
        languages = [mission.language, *mission.translations] if mission else []
        self.labels.append((_("Langue"), pygame.Rect(x0, y - self.px(70), col_w, self.px(60))))
        count = max(1, len(languages))
        bw = (col_w - self.px(30) * (count - 1)) // count
        for i, lang in enumerate(languages):
            widgets.append(Button(f"lang:{lang}", pygame.Rect(x0 + i * (bw + self.px(30)), y, bw, self.px(130)),
                                  language_name(lang), selected=state.language == lang, icon="globe",
                                  on_tap=functools.partial(app.choose_language, lang)))
        ready = bool(state.age and state.language and state.team and mission)
        go_w = self.px(620)
        widgets.append(Button("confirm", pygame.Rect(W - self.px(90) - go_w, self.height - self.px(200), go_w,
                                                     self.px(150)),
                              _("C'est parti !"), on_tap=lambda: app.command(Confirm()), icon="next",
                              kind="accent", enabled=ready, text_role="subtitle"))
        self.ready = ready
        self.widgets = widgets

    def _preselect(self) -> None:
        """Choose what needs no decision: the only mission, the kiosk's language and age if set."""
        app = self.app
        state = app.state
        changes: dict[str, str] = {}
        if state.mission_id is None:
            default = app.default_mission if app.default_mission in app.session.missions else None
            changes["mission"] = default or next(iter(app.session.missions))
        mission = app.session.missions.get(changes.get("mission") or state.mission_id or "")
        if mission is not None and state.language is None:
            offered = [mission.language, *mission.translations]
            # A language picked on the attract screen (accessibility panel) comes before the kiosk's.
            wanted = app.display_language or app.default_language
            changes["language"] = wanted if wanted in offered else mission.language
        if mission is not None and state.age is None and app.default_age in mission.ages:
            changes["age"] = str(app.default_age)
        if changes:
            app.command(Choose(**changes), hold=True)

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        self.draw_background(surface)
        draw_title(self, surface, self._("Préparez votre mission"))
        card = self.team_card
        panel(surface, card, p.surface, radius=self.px(36), shadow=p.shadow, depth=self.px(10),
              border=p.outline, border_width=self.px(3))
        app.type.block(surface, self._("Votre équipe s'appelle"), pygame.Rect(card.x + self.px(40), card.y + self.px(30),
                       card.w - self.px(80), self.px(60)), size=m.text("body"), color=p.ink_soft, align="center",
                       name="team-label")
        app.type.block(surface, app.team(), pygame.Rect(card.x + self.px(40), card.y + self.px(100), card.w - self.px(80),
                       self.px(250)), size=m.text("huge"), color=p.primary_dark, bold=True, align="center",
                       valign="middle", name="team-name")
        for text, rect in self.labels:
            app.type.block(surface, text, rect, size=m.text("subtitle"), color=p.ink, bold=True, name="setup-label")
        if not self.ready:
            box = pygame.Rect(self.px(930), self.height - self.px(200), self.width - self.px(930) - self.px(740),
                              self.px(150))
            app.type.block(surface, self._("Choisissez votre âge pour continuer."), box, size=m.text("body"),
                           color=p.ink_soft, valign="middle", align="right", name="setup-help")
        lumi(surface, (self.px(470), self.height - self.px(50)), self.px(240), mood="happy",
             high_contrast=app.settings.high_contrast)
        self.draw_widgets(surface)


class BriefingScreen(Screen):
    """Lumi tells the story, the rules and the time, then the team starts the countdown."""

    name = "briefing"

    def layout(self) -> None:
        _ = self._
        go_w = self.px(620)
        self.widgets = [Button("start", pygame.Rect(self.width - self.px(90) - go_w, self.height - self.px(190), go_w,
                                                    self.px(150)),
                               _("C'est parti !"), on_tap=lambda: self.app.command(Start()), icon="play",
                               kind="accent", text_role="subtitle")]

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        _ = self._
        surface.blit(night_scene(self), (0, 0))
        mission = app.mission
        words = app.words
        if mission is None or words is None:
            self.draw_widgets(surface)
            return
        title = words.text(mission.title)
        box = pygame.Rect(self.px(CORNER), self.px(10), self.width - self.px(CORNER + 40), self.px(TOP_BAR - 20))
        app.type.block(surface, title, box, size=m.text("title"), color=(255, 246, 226), bold=True,
                       valign="middle", max_lines=1, name="briefing-title")
        head = lumi(surface, (self.px(280), self.height - self.px(230)), self.px(480), mood="happy", wave=1.0,
                    high_contrast=app.settings.high_contrast)
        bubble = pygame.Rect(self.px(560), self.px(150), self.width - self.px(650), self.px(470))
        speech_bubble(surface, bubble, p.surface, p.outline, radius=self.px(40),
                      tail_to=(head.right + self.px(20), head.centery), width=self.px(4))
        team = app.team()
        inner = bubble.inflate(-self.px(90), -self.px(70))
        greet = pygame.Rect(inner.x, inner.y, inner.w, self.px(70))
        app.type.block(surface, _("Bonjour, {team} ! Je suis Lumi.").format(team=team), greet,
                       size=m.text("subtitle"), color=p.primary_dark, bold=True, max_lines=1, name="briefing-hello")
        story = pygame.Rect(inner.x, inner.y + self.px(85), inner.w, inner.h - self.px(85))
        app.type.block(surface, words.text(mission.briefing), story, size=m.text("body") + self.px(4),
                       color=p.ink, name="briefing-story")
        minutes = round(app.state.time_limit / 60) or mission.minutes(app.state.age or mission.ages[0])
        rules = [
            ("map", _("Choisissez une énigme sur la carte.")),
            ("bulb", _("Bloqués ? Touchez « Indice ».")),
            ("clock", self.ngettext("Vous avez {minutes} minute.", "Vous avez {minutes} minutes.",
                                    minutes).format(minutes=minutes)),
        ]
        x = self.px(560)
        y = bubble.bottom + self.px(40)
        gap = self.px(24)
        w = (self.width - x - self.px(90) - 2 * gap) // 3
        for icon, text in rules:
            card = pygame.Rect(x, y, w, self.px(170))
            panel(surface, card, p.surface_alt, radius=self.px(28), border=p.outline, border_width=self.px(3))
            image = app.assets.icon(icon, self.px(72), p.primary_dark)
            surface.blit(image, image.get_rect(midleft=(card.x + self.px(24), card.centery)))
            app.type.block(surface, text, pygame.Rect(card.x + self.px(116), card.y + self.px(14), card.w - self.px(136),
                           card.h - self.px(28)), size=m.text("body"), color=p.ink, valign="middle", name="rule")
            x += w + gap
        self.draw_widgets(surface)
