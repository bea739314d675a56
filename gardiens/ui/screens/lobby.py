"""Before play: the team's setup and Lumi's briefing."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pygame

from gardiens.core.commands import Choose, Confirm, RerollTeam, Start, TimerMode
from gardiens.core.model import Mission, Theme
from gardiens.i18n.interface import N_
from gardiens.ui.draw import lumi, panel, speech_bubble
from gardiens.ui.kit.screen import CORNER, TOP_BAR, Screen, draw_title
from gardiens.ui.picture_text import PictureWords, pictures_of
from gardiens.ui.screens.attract import language_name, night_scene
from gardiens.ui.theme import TOUCH, Color, Palette
from gardiens.ui.widgets.base import Button, Widget
from gardiens.ui.widgets.layout import grid
from gardiens.ui.widgets.mission_card import DEPTH, MissionCard, text_height
from gardiens.ui.words import MissionWords

# The kiosk's picker, in design pixels at 1920×1080: the margin around it all, the width of the
# right column, the padding of the team card, the gaps between buttons, between sections (and
# between the cards and the column) and between cards.
MARGIN = 50
COLUMN = 520
PAD = 24
GAP = 16
SECTION = 32
CARD_GAP = 24
# Six missions make two rows of three.
COLUMNS = 3
# The square of the top-right corner a facilitator holds to open the desk (the desk's
# CORNER_TARGET, which a screen cannot import): nothing to tap is put there.
HIDDEN_CORNER = 110
# A rule card of the briefing: what its icon and margins take from its width, and the margins
# above and below its text.
RULE_TEXT = 136
RULE_PAD = 40
# Where Lumi's bubble starts, right of Lumi; the column kept left of the rules for a small Lumi
# when the bubble takes the width right of the corner buttons; the height of the buttons that turn the story's pages.
BUBBLE_LEFT = 560
SMALL_LUMI_COLUMN = 380
PAGER = 110
# Where a sentence ends: after its stop and the spaces that follow it (not before a closing quote).
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[^\s»”)])")


@dataclass(frozen=True)
class ThemeLook:
    """How a theme is named on a mission card, and the emblem drawn when a mission has no cover."""

    name: str
    emblem: str
    role: str

    def tint(self, palette: Palette) -> Color:
        colour: Color = getattr(palette, self.role)
        return colour


THEMES: dict[Theme, ThemeLook] = {
    "infox": ThemeLook(N_("Infox"), "search", "night"),
    "cyberharcelement": ThemeLook(N_("Cyberharcèlement"), "heart", "bad"),
    "donnees-personnelles": ThemeLook(N_("Données personnelles"), "lock", "primary"),
    "jeux-video": ThemeLook(N_("Jeux vidéo"), "play", "focus"),
    "economie-donnee": ThemeLook(N_("Économie de la donnée"), "key", "good"),
    "influence": ThemeLook(N_("Mécanismes d'influence"), "phone", "accent_dark"),
}


# The countdown's modes as the team reads them: each with its icon and words (never colour alone).
TIMER_CHOICES = (
    (TimerMode.NORMAL, "clock", N_("Normal")),
    (TimerMode.RELAXED, "hourglass", N_("Plus long")),
    (TimerMode.OFF, "infinity", N_("Sans chrono")),
)


def timer_row(screen: Screen, row: pygame.Rect) -> list[Widget]:
    """The three timer modes side by side in `row`, the chosen one checked; a tap is journaled."""
    app = screen.app
    gap = screen.px(GAP)
    w = (row.w - 2 * gap) // 3
    return [Button(f"timer:{mode.value}", pygame.Rect(row.x + i * (w + gap), row.y, w, row.h), screen._(label),
                   icon=icon, selected=app.state.timer is mode,
                   on_tap=functools.partial(app.command, Choose(timer=mode)))
            for i, (mode, icon, label) in enumerate(TIMER_CHOICES)]


class SetupScreen(Screen):
    """The team picks its age band, language and timer, and gets a pseudonym it can re-roll."""

    name = "setup"

    def layout(self) -> None:
        # What needs no decision is chosen first, so the buttons show it.
        self._preselect()
        state = self.app.state
        self.ready = bool(state.age and state.language and state.team and self.app.mission)
        self.picker = len(self.app.session.missions) > 1
        self.labels: list[tuple[str, pygame.Rect]] = []
        self.timer_heading: tuple[str, pygame.Rect] | None = None
        if self.picker:
            self._layout_picker()
        else:
            self._layout_single()

    def _layout_single(self) -> None:
        """One mission: the team card on the left, the age and language on the right."""
        app = self.app
        _ = self._
        state = app.state
        mission = app.mission
        W = self.width
        widgets: list[Widget] = []
        # Right of the corner's column, where the speaker button lies.
        self.team_card = pygame.Rect(self.px(CORNER), self.px(210), self.px(700), self.px(520))
        widgets.append(Button("reroll", pygame.Rect(self.team_card.x + self.px(60), self.team_card.bottom - self.px(160),
                                                    self.team_card.w - self.px(120), self.px(120)),
                              _("Un autre nom"), on_tap=lambda: app.command(RerollTeam()), icon="dice",
                              kind="plain"))
        x0 = self.px(930)
        col_w = W - x0 - self.px(90)
        y = self.px(230)
        ages = mission.ages if mission else []
        # Until an age band is chosen, its heading says that it must be.
        heading = _("Votre âge") if self.ready else _("Choisissez votre âge pour continuer.")
        self.labels.append((heading, pygame.Rect(x0, y - self.px(70), col_w, self.px(60))))
        bw = (col_w - self.px(30)) // 2
        for i, age in enumerate(ages):
            widgets.append(Button(f"age:{age}", pygame.Rect(x0 + i * (bw + self.px(30)), y, bw, self.px(130)),
                                  self._age_label(age), selected=state.age == age, icon="people",
                                  on_tap=functools.partial(app.command, Choose(age=age))))
        y += self.px(230)
        languages = [mission.language, *mission.translations] if mission else []
        self.labels.append((_("Langue"), pygame.Rect(x0, y - self.px(70), col_w, self.px(60))))
        count = max(1, len(languages))
        bw = (col_w - self.px(30) * (count - 1)) // count
        for i, lang in enumerate(languages):
            widgets.append(Button(f"lang:{lang}", pygame.Rect(x0 + i * (bw + self.px(30)), y, bw, self.px(130)),
                                  language_name(lang), selected=state.language == lang, icon="globe",
                                  on_tap=functools.partial(app.choose_language, lang), as_is="language-name"))
        y += self.px(230)
        self.timer_heading = (_("Le temps"), pygame.Rect(x0, y - self.px(70), col_w, self.px(60)))
        widgets += self._timer_row(pygame.Rect(x0, y, col_w, self.px(130)))
        go_w = self.px(620)
        confirm = self._confirm(pygame.Rect(W - self.px(90) - go_w, self.height - self.px(200), go_w, self.px(150)))
        widgets.append(confirm)
        self.widgets = widgets

    def _timer_row(self, row: pygame.Rect) -> list[Widget]:
        return timer_row(self, row)

    def _layout_picker(self) -> None:
        """Several missions (a venue's kiosk): their cards in a grid on the left; the team, the
        age band and the button to go on in a column on the right; the languages in the top bar.

        Every height is measured from the texts at the chosen text size, so that the larger
        settings push the pictures smaller instead of pushing texts out or over one another.
        """
        app = self.app
        state = app.state
        mission = app.mission
        W, H = self.width, self.height
        gap = self.px(GAP)
        widgets: list[Widget] = []
        # The languages, at the right of the top bar, left of the facilitator's hidden corner.
        languages = [mission.language, *mission.translations] if mission else []
        right = W - self.px(HIDDEN_CORNER + 40)
        button_h = self.px(TOUCH)
        top = (self.px(TOP_BAR) - button_h) // 2
        for lang in reversed(languages):
            name = language_name(lang)
            w = self._button_width(name)
            widgets.append(Button(f"lang:{lang}", pygame.Rect(right - w, top, w, button_h), name,
                                  selected=state.language == lang, icon="globe",
                                  on_tap=functools.partial(app.choose_language, lang), as_is="language-name"))
            right -= w + gap
        self.title_right = right
        # The column: the team, the age band; the button to go on at its foot. It widens (the
        # cards give it room) when its texts, long in some languages and text sizes, need it.
        go_h = self.px(130)
        confirm = self._confirm(pygame.Rect(0, H - self.px(MARGIN) - go_h, 0, go_h))
        for col_w in (self.px(COLUMN), self.px(COLUMN + 100), self.px(COLUMN + 200)):
            self.labels = []
            column, bottom = self._column(W - self.px(MARGIN) - col_w, col_w)
            if bottom <= confirm.rect.y:
                break
        x0 = W - self.px(MARGIN) - col_w
        confirm.rect.x, confirm.rect.w = x0, col_w
        widgets += [*column, confirm]
        # The cards, three by two, as tall as the space left allows; the tallest texts decide
        # how much of it the pictures get.
        # On a kiosk with a voice, right of the corner's column, where the speaker button lies.
        speech = app.speech
        left = CORNER if speech is not None and speech.available else MARGIN
        area = pygame.Rect(self.px(left), self.px(TOP_BAR + 20), x0 - self.px(SECTION + left), 0)
        area.h = H - self.px(MARGIN) - area.y
        missions = list(app.session.missions.values())
        cells = grid(area, len(missions), columns=COLUMNS if len(missions) > 4 else 2, gap=self.px(CARD_GAP),
                     max_height=area.h)
        cards = [(m_, *self._card_texts(m_)) for m_ in missions]
        texts = max((text_height(app, title, theme, cells[0].w) for _m, title, theme, _d, _w in cards), default=0)
        picture_h = cells[0].h - self.px(DEPTH) - texts if cells else 0
        for cell, (mission_, title, theme_name, duration, pictures) in zip(cells, cards, strict=True):
            theme = THEMES[mission_.theme]
            folder = app.mission_dirs.get(mission_.id)
            cover = folder / mission_.cover if folder is not None and mission_.cover else None
            widgets.append(MissionCard(f"mission:{mission_.id}", cell, title, theme_name, duration, cover=cover,
                                       cover_words=pictures,
                                       emblem=theme.emblem, tint=theme.tint(app.palette), picture_height=picture_h,
                                       selected=mission_.id == state.mission_id,
                                       on_tap=functools.partial(app.command, Choose(mission=mission_.id))))
        self.widgets = widgets

    def _column(self, x0: int, col_w: int) -> tuple[list[Widget], int]:
        """The picker's column at `x0`, `col_w` wide: the team card and its re-roll button, the
        age band's heading and buttons; returns its widgets and where it ends."""
        app = self.app
        _ = self._
        m = app.metrics
        state = app.state
        mission = app.mission
        gap = self.px(GAP)
        button_h = self.px(TOUCH)
        widgets: list[Widget] = []
        y = self.px(TOP_BAR + 20)
        pad = self.px(PAD)
        inner_w = col_w - 2 * pad
        name_w = inner_w - button_h - gap
        team_label = _("Votre équipe s'appelle")
        label_h = self._height(team_label, m.text("body"), inner_w)
        name_h = max(button_h, self._height(app.team(), m.text("button"), name_w, bold=True))
        self.team_card = pygame.Rect(x0, y, col_w, pad + label_h + gap + name_h + pad)
        self.team_label_box = pygame.Rect(x0 + pad, y + pad, inner_w, label_h)
        self.team_name_box = pygame.Rect(x0 + pad, self.team_label_box.bottom + gap, name_w, name_h)
        widgets.append(Button("reroll", pygame.Rect(self.team_card.right - pad - button_h, self.team_name_box.y
                                                    + (name_h - button_h) // 2, button_h, button_h),
                              on_tap=lambda: app.command(RerollTeam()), icon="dice", kind="plain"))
        y = self.team_card.bottom + self.px(SECTION)
        ages = mission.ages if mission else []
        # Until an age band is chosen, its heading says that it must be; the heading keeps the
        # height of the longer text, so that the buttons do not move under the finger.
        headings = (_("Votre âge"), _("Choisissez votre âge pour continuer."))
        label_h = max(self._height(text, m.text("button"), col_w, bold=True) for text in headings)
        self.labels.append((headings[0] if self.ready else headings[1], pygame.Rect(x0, y, col_w, label_h)))
        y += label_h + gap
        half = (col_w - gap) // 2
        side_by_side = all(self._button_width(self._age_label(age)) <= half for age in ages)
        for i, age in enumerate(ages):
            rect = (pygame.Rect(x0 + i * (half + gap), y, half, button_h) if side_by_side
                    else pygame.Rect(x0, y + i * (button_h + gap), col_w, button_h))
            widgets.append(Button(f"age:{age}", rect, self._age_label(age), selected=state.age == age,
                                  icon="people", on_tap=functools.partial(app.command, Choose(age=age))))
        rows = 1 if side_by_side else len(ages)
        y += rows * button_h + (rows - 1) * gap
        return widgets, y

    def _card_texts(self, mission: Mission) -> tuple[str, str, str, PictureWords | None]:
        """A mission's title as the team reads it, its theme, its duration for the team's age,
        and how its cover's words are read."""
        state = self.app.state
        age = state.age if state.age in mission.ages else mission.ages[0]
        words = MissionWords(mission, age, self.app.translator.language)
        minutes = self._("{n} min").format(n=mission.minutes(age))
        return (words.text(mission.title), self._(THEMES[mission.theme].name), minutes,
                pictures_of(words, self.app.type.family))

    def _age_label(self, age: str) -> str:
        low, high = age.split("-")
        return self._("{low} à {high} ans").format(low=low, high=high)

    def _confirm(self, rect: pygame.Rect) -> Button:
        app = self.app
        return Button("confirm", rect, self._("C'est parti !"), on_tap=lambda: app.command(Confirm()), icon="next",
                      kind="accent", enabled=self.ready, text_role="subtitle")

    def _height(self, text: str, size: int, width: int, *, bold: bool = False) -> int:
        return self.app.type.measure(text, size, width, bold)[2]

    def _button_width(self, label: str) -> int:
        """The width a button needs to show `label` on one line with its icon (or check mark)."""
        m = self.app.metrics
        text_w = self.app.type.measure(label, m.text("button"), self.width, bold=True)[1]
        # The button's padding on both sides and between icon and text (see Button.draw_content),
        # its border, and the icon itself.
        return text_w + 3 * m.px(18) + m.px(56) + 2 * m.px(8)

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
            app.command(Choose(mission=changes.get("mission"), age=changes.get("age"),
                               language=changes.get("language")), hold=True)

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        self.draw_background(surface)
        card = self.team_card
        panel(surface, card, p.surface, radius=self.px(36), shadow=p.shadow, depth=self.px(10),
              border=p.outline, border_width=self.px(3))
        if self.picker:
            draw_title(self, surface, self._("Choisissez votre mission"), right=self.title_right)
            app.type.block(surface, self._("Votre équipe s'appelle"), self.team_label_box, size=m.text("body"),
                           color=p.ink_soft, name="team-label")
            app.type.block(surface, app.team(), self.team_name_box, size=m.text("button"), color=p.primary_dark,
                           bold=True, valign="middle", name="team-name")
        else:
            draw_title(self, surface, self._("Préparez votre mission"))
            app.type.block(surface, self._("Votre équipe s'appelle"), pygame.Rect(card.x + self.px(40), card.y
                           + self.px(30), card.w - self.px(80), self.px(60)), size=m.text("body"), color=p.ink_soft,
                           align="center", name="team-label")
            app.type.block(surface, app.team(), pygame.Rect(card.x + self.px(40), card.y + self.px(100),
                           card.w - self.px(80), self.px(250)), size=m.text("huge"), color=p.primary_dark, bold=True,
                           align="center", valign="middle", name="team-name")
            lumi(surface, (self.px(470), self.height - self.px(50)), self.px(240), mood="happy",
                 high_contrast=app.settings.high_contrast)
        role = "button" if self.picker else "subtitle"
        for text, rect in self.labels:
            app.type.block(surface, text, rect, size=m.text(role), color=p.ink, bold=True,
                           valign="bottom" if self.picker else "top", name="setup-label")
        if self.timer_heading is not None:
            text, rect = self.timer_heading
            app.type.block(surface, text, rect, size=m.text(role), color=p.ink, bold=True, name="timer-label")
        self.draw_widgets(surface)


class BriefingScreen(Screen):
    """Lumi tells the story, the rules and the time, then the team starts the countdown.

    The cards of the rules are as tall as their texts need; Lumi's bubble gives them the room."""

    name = "briefing"
    # The page of the story shown, when it is told in pages.
    story_page = 0

    def layout(self) -> None:
        _ = self._
        go_w = self.px(620)
        start = pygame.Rect(self.width - self.px(90) - go_w, self.height - self.px(190), go_w, self.px(150))
        self.widgets = [Button("start", start, _("C'est parti !"), on_tap=lambda: self.app.command(Start()),
                               icon="play", kind="accent", text_role="subtitle")]
        if len(self.app.session.missions) > 1:
            # A venue's kiosk: its set-up offers no timer (the picker has no room for it), the
            # team chooses it here, under Lumi, left of the button to start.
            h = self.px(130)
            row = pygame.Rect(self.px(90), start.centery - h // 2, start.x - self.px(40) - self.px(90), h)
            self.widgets += timer_row(self, row)
        gap = self.px(24)
        top = self.px(150)
        # Lumi's bubble, then the rules, above the button: the bubble keeps what its story needs.
        room = start.y - self.px(30) - top - self.px(40)
        # Lumi stands tall left of the bubble; when the story would not fit there at its size
        # (large, widely spaced text) Lumi is drawn small left of the rules and the bubble takes
        # the width; then the story may shrink, as far as the typesetter allows; when even that is
        # not enough, it is told in pages turned by big buttons.
        for self.small_lumi, shrunk in ((False, False), (True, False), (True, True)):
            x = self.px(CORNER + 10) if self.small_lumi else self.px(BUBBLE_LEFT)
            rules_x = self.px(SMALL_LUMI_COLUMN) if self.small_lumi else x
            w = (self.width - rules_x - self.px(90) - 2 * gap) // 3
            story = self._story_height(self.width - x - self.px(90) - self.px(90))
            # The rules' icons go first when the texts need their room (the larger text sizes).
            for icons in (True, False):
                self.rule_icons = icons
                rule_h = self._rule_height(w)
                if rule_h + story <= room:
                    break
            bubble_h = min(max(self.px(470), story), room - rule_h)
            self.bubble = pygame.Rect(x, top, self.width - x - self.px(90), bubble_h)
            self.story_pages = [self._story()]
            if self._fits(self.story_pages[0], self._story_box(paged=False), shrunk=shrunk):
                break
        else:
            self.story_pages = self._paged(self._story(), self._story_box(paged=True))
            self.widgets += self._pager()
        y = self.bubble.bottom + self.px(40)
        self.rule_cards = [pygame.Rect(rules_x + i * (w + gap), y, w, rule_h) for i in range(len(self.rules()))]

    def _story(self) -> str:
        app = self.app
        if app.mission is None or app.words is None:
            return ""
        return app.words.text(app.mission.briefing)

    def _story_size(self) -> int:
        return self.app.metrics.text("body") + self.px(4)

    def _story_box(self, *, paged: bool) -> pygame.Rect:
        """Where the story is drawn in the bubble: under the greeting, above the page buttons
        when it is told in pages."""
        inner = self.bubble.inflate(-self.px(90), -self.px(70))
        below = self.px(PAGER + 20) if paged else 0
        return pygame.Rect(inner.x, inner.y + self.px(85), inner.w, inner.h - self.px(85) - below)

    def _fits(self, text: str, box: pygame.Rect, *, shrunk: bool = True) -> bool:
        """`text` fits `box` whole, shrunk at most as the typesetter allows (not at all when not
        `shrunk`)."""
        kind = self.app.type
        if shrunk:
            return kind.fit_size(kind.shape(text), self._story_size(), box)[2]
        _lines, widest, height = kind.measure(text, kind.floored(self._story_size()), box.w)
        return widest <= box.w and height <= box.h

    def _paged(self, story: str, box: pygame.Rect) -> list[str]:
        """The story in pages of whole sentences, each as long as `box` shows whole at the story's
        full size (a sentence longer than a page has a page of its own, shrunk if need be)."""
        pages: list[str] = []
        page = ""
        for sentence in SENTENCE_END.split(story.strip()):
            longer = f"{page} {sentence}" if page else sentence
            if page and not self._fits(longer, box, shrunk=False):
                pages.append(page)
                page = sentence
            else:
                page = longer
        return [*pages, page]

    def _pager(self) -> list[Widget]:
        """« Retour » and « Suite » at the bottom of the bubble, for the story's pages."""
        _ = self._
        count = len(self.story_pages)
        self.story_page = max(0, min(self.story_page, count - 1))
        inner = self.bubble.inflate(-self.px(90), -self.px(70))
        h = self.px(PAGER)
        y = inner.bottom - h
        size = self.app.metrics.text("button")
        widgets: list[Widget] = []
        if self.story_page > 0:
            w = self.app.type.measure(_("Retour"), size, 10_000, bold=True)[1] + self.px(150)
            widgets.append(Button("story:back", pygame.Rect(inner.x, y, w, h), _("Retour"), icon="back",
                                  kind="quiet", on_tap=functools.partial(self.turn, -1)))
        if self.story_page < count - 1:
            w = self.app.type.measure(_("Suite"), size, 10_000, bold=True)[1] + self.px(150)
            widgets.append(Button("story:next", pygame.Rect(inner.right - w, y, w, h), _("Suite"), icon="next",
                                  kind="accent", on_tap=functools.partial(self.turn, 1)))
        self.page_count = pygame.Rect(inner.x, y, inner.w, h)
        return widgets

    def turn(self, step: int) -> None:
        """Show the story's next (or previous) page."""
        self.story_page += step
        self.refresh()
        self.app.dirty = True

    def _story_height(self, width: int) -> int:
        """The height Lumi's bubble needs for the greeting and the story, its margins included."""
        story = self._story()
        if not story:
            return 0
        return self.px(70 + 85) + self.app.type.measure(story, self._story_size(), width)[2]

    def _rule_text(self, card: pygame.Rect) -> pygame.Rect:
        """Where a rule's text goes in its card: right of its icon, when the icons are shown."""
        left = self.px(RULE_TEXT - 20) if self.rule_icons else self.px(30)
        right = self.px(20) if self.rule_icons else self.px(30)
        return pygame.Rect(card.x + left, card.y + self.px(RULE_PAD // 2), card.w - left - right,
                           card.h - self.px(RULE_PAD))

    def _rule_height(self, width: int) -> int:
        app = self.app
        text_w = self._rule_text(pygame.Rect(0, 0, width, 0)).w
        needed = max((app.type.measure(text, app.metrics.text("body"), text_w)[2] for _icon, text in self.rules()),
                     default=0)
        return max(self.px(170), needed + self.px(RULE_PAD))

    def rules(self) -> list[tuple[str, str]]:
        """The rules of the game, each with its icon: the map, the hints, the time."""
        _ = self._
        app = self.app
        mission = app.mission
        if mission is None:
            return []
        timer = app.state.timer
        minutes = round((app.state.time_limit / 60 or mission.minutes(app.state.age or mission.ages[0]))
                        * timer.factor)
        time = (self.ngettext("Vous avez {minutes} minute.", "Vous avez {minutes} minutes.", minutes)
                .format(minutes=minutes) if timer.counts_down else _("Pas de chrono : prenez votre temps."))
        return [
            ("map", _("Choisissez une énigme sur la carte.")),
            ("bulb", _("Bloqués ? Touchez « Indice ».")),
            ("clock", time),
        ]

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
        if self.small_lumi:
            cards = self.rule_cards[0]
            base = ((self.px(90) + cards.x) // 2, cards.bottom)
            head = lumi(surface, base, min(cards.h, self.px(320)), mood="happy", wave=1.0,
                        high_contrast=app.settings.high_contrast)
            tail = (head.centerx, head.top - self.px(10))
        else:
            head = lumi(surface, (self.px(280), self.height - self.px(230)), self.px(480), mood="happy", wave=1.0,
                        high_contrast=app.settings.high_contrast)
            tail = (head.right + self.px(20), head.centery)
        bubble = self.bubble
        speech_bubble(surface, bubble, p.surface, p.outline, radius=self.px(40), tail_to=tail, width=self.px(4))
        team = app.team()
        inner = bubble.inflate(-self.px(90), -self.px(70))
        greet = pygame.Rect(inner.x, inner.y, inner.w, self.px(70))
        app.type.block(surface, _("Bonjour, {team} ! Je suis Lumi.").format(team=team), greet,
                       size=m.text("subtitle"), color=p.primary_dark, bold=True, max_lines=1, name="briefing-hello")
        paged = len(self.story_pages) > 1
        app.type.block(surface, self.story_pages[self.story_page if paged else 0], self._story_box(paged=paged),
                       size=self._story_size(), color=p.ink, name="briefing-story")
        if paged:
            app.type.block(surface, _("Page {n} sur {total}").format(n=self.story_page + 1,
                                                                     total=len(self.story_pages)),
                           self.page_count, size=m.text("button"), color=p.ink, bold=True, align="center",
                           valign="middle", max_lines=1, name="story-page")
        for (icon, text), card in zip(self.rules(), self.rule_cards, strict=True):
            panel(surface, card, p.surface_alt, radius=self.px(28), border=p.outline, border_width=self.px(3))
            if self.rule_icons:
                image = app.assets.icon(icon, self.px(72), p.primary_dark)
                surface.blit(image, image.get_rect(midleft=(card.x + self.px(24), card.centery)))
            app.type.block(surface, text, self._rule_text(card), size=m.text("body"), color=p.ink,
                           valign="middle", name="rule")
        self.draw_widgets(surface)
