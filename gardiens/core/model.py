"""The mission model: what an educator's YAML file means once it has been validated.

Every text an author writes is a `Text`: a plain string, or one string per age band.
Puzzles are a discriminated union on `type`, one member per kind in `KINDS`
(`gardiens.core.puzzles`); each kind carries its own check data.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Sequence
from pathlib import Path
from types import GenericAlias
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias, get_args

from pydantic import Field, PrivateAttr, create_model, model_validator

from gardiens.core.learning import CheckQuestion
from gardiens.core.puzzles import KINDS, PuzzleKind, register
from gardiens.core.puzzles.ads import AdPost, Ads
from gardiens.core.puzzles.base import (
    AGE_BANDS,
    D_,
    AgeBand,
    Feedback,
    Identifier,
    PuzzleBase,
    Reward,
    Strict,
    Text,
    TextList,
    Voices,
)
from gardiens.core.puzzles.categorise import Categorise, CategoriseItem, Category
from gardiens.core.puzzles.chat import Chat, ChatMessage
from gardiens.core.puzzles.choice import Choice, MultipleChoice
from gardiens.core.puzzles.cipher import Cipher
from gardiens.core.puzzles.code import CodeLock
from gardiens.core.puzzles.cookies import CookieAction, CookieButton, CookiePurpose, Cookies
from gardiens.core.puzzles.feed import Feed, FeedPost, Post
from gardiens.core.puzzles.hotspots import Hotspots, Region
from gardiens.core.puzzles.match import Match, MatchTarget
from gardiens.core.puzzles.order import Ordering, OrderItem
from gardiens.core.puzzles.password import Password, PasswordRule, PasswordRuleKind
from gardiens.core.puzzles.pegi import PEGI_RATINGS, Game, Pegi, PegiRating
from gardiens.core.puzzles.rebuild import Rebuild
from gardiens.core.puzzles.settings import Setting, SettingOption, Settings
from gardiens.core.puzzles.text import Mistake, ShortText
from gardiens.core.puzzles.true_false import Statement, TrueFalse

__all__ = [
    "AGE_BANDS",
    "HELP_KINDS",
    "MAX_HELP",
    "PEGI_RATINGS",
    "PUZZLE_TYPES",
    "SPEAKERS",
    "THEMES",
    "AdPost",
    "Address",
    "Ads",
    "AgeBand",
    "Categorise",
    "CategoriseItem",
    "Category",
    "Chat",
    "ChatMessage",
    "CheckQuestion",
    "Choice",
    "Cipher",
    "CodeLock",
    "CookieAction",
    "CookieButton",
    "CookiePurpose",
    "Cookies",
    "Debrief",
    "Feed",
    "FeedPost",
    "Feedback",
    "Game",
    "HelpKind",
    "HelpResource",
    "HintPolicy",
    "Hotspots",
    "Identifier",
    "LanguageCode",
    "Match",
    "MatchTarget",
    "Minutes",
    "Mission",
    "Mistake",
    "MultipleChoice",
    "OrderItem",
    "Ordering",
    "Password",
    "PasswordRule",
    "PasswordRuleKind",
    "Pegi",
    "PegiRating",
    "Post",
    "Puzzle",
    "PuzzleBase",
    "Rebuild",
    "Region",
    "Reward",
    "Scene",
    "Setting",
    "SettingOption",
    "Settings",
    "ShortText",
    "Speaker",
    "Statement",
    "StoryEvent",
    "Strict",
    "Text",
    "TextList",
    "Theme",
    "TrueFalse",
    "Voices",
    "mission_model",
    "pick",
    "pick_list",
    "puzzle_union",
]

Theme: TypeAlias = Literal[
    "infox",
    "cyberharcelement",
    "donnees-personnelles",
    "jeux-video",
    "economie-donnee",
    "influence",
]
THEMES: tuple[Theme, ...] = get_args(Theme)

# How a mission addresses the team; see gardiens.core.register.
Address: TypeAlias = Literal["vous", "tu"]

LanguageCode = Annotated[
    str,
    Field(pattern=r"^[a-z]{2,3}$", description=D_("Code de langue ISO 639 (ex. « fr », « en »).")),
]
Minutes: TypeAlias = Annotated[int, Field(ge=1, le=120)]


def puzzle_union(kinds: Sequence[PuzzleKind[Any]]) -> Any:
    """The pydantic type of a puzzle of one of `kinds`, told apart by its `type`."""
    members: Any = functools.reduce(operator.or_, (kind.model for kind in kinds))
    return Annotated[members, Field(discriminator="type")]


if TYPE_CHECKING:
    # To the type checker a puzzle is any kind's model; pydantic validates the union below.
    Puzzle: TypeAlias = PuzzleBase
else:
    Puzzle = puzzle_union(KINDS)
PUZZLE_TYPES: tuple[str, ...] = tuple(kind.name for kind in KINDS)


class HintPolicy(Strict):
    """When hints are offered without being asked for, and what they cost."""

    offer_after_seconds: int = Field(
        default=180, ge=0, description=D_("0 : jamais automatiquement.")
    )
    offer_after_wrong: int = Field(default=3, ge=0, description=D_("0 : jamais automatiquement."))
    penalty_seconds: int = Field(default=0, ge=0, le=600)


# What a help resource is, which decides its icon: a helpline to call, an adult to talk to, a
# website, the rights over one's data, a fact-checking resource, video-game ratings.
HelpKind: TypeAlias = Literal["phone", "adult", "website", "rights", "fact-check", "games"]
HELP_KINDS: tuple[HelpKind, ...] = get_args(HelpKind)
# The debrief's help card holds this many resources at most.
MAX_HELP = 3


class HelpResource(Strict):
    """Where a child finds help after the game: shown on the debrief, chosen for the mission."""

    kind: HelpKind = Field(
        description=D_(
            "Le genre de ressource, qui choisit son icône : « phone » (un numéro à appeler), "
            "« adult » (un adulte à qui parler), « website » (un site), « rights » (ses droits "
            "sur ses données), « fact-check » (vérifier une information), « games » (les jeux vidéo)."
        )
    )
    title: Text = Field(description=D_("Le nom de la ressource (ex. « 3018 »), en quelques mots."))
    text: Text = Field(description=D_("Ce qu'elle offre et comment la joindre, en une ou deux phrases."))


class Debrief(Strict):
    key_messages: TextList = Field(description=D_("Trois messages clés au plus par tranche d'âge."))
    questions: TextList = Field(
        description=D_("Questions pour lancer la discussion en débriefing.")
    )
    help: list[HelpResource] | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_HELP,
        description=D_(
            "Où trouver de l'aide, montré au débriefing (trois ressources au plus). Sans ce champ, "
            "les ressources du thème de la mission sont montrées."
        ),
    )


# Who speaks in a story event: Lumi, the guide, or the mission's adversary (le Brouillard).
Speaker: TypeAlias = Literal["lumi", "adversary"]
SPEAKERS: tuple[Speaker, ...] = get_args(Speaker)


class StoryEvent(Strict):
    """A moment of the story during play, fired once: Lumi or the adversary speaks, and a puzzle
    may open. Its trigger is one of `after_solved`, `time_left` or `on_solved`."""

    after_solved: int | None = Field(
        default=None,
        ge=1,
        description=D_("Se déclenche quand l'équipe a résolu ce nombre d'énigmes."),
    )
    time_left: int | None = Field(
        default=None,
        ge=1,
        description=D_("Se déclenche quand il reste ce nombre de secondes au compte à rebours."),
    )
    on_solved: Identifier | None = Field(
        default=None, description=D_("Se déclenche quand cette énigme est résolue.")
    )
    speaker: Speaker = Field(
        description=D_("Qui parle : « lumi » (le guide) ou « adversary » (le Brouillard).")
    )
    text: Text = Field(description=D_("Ce que dit le personnage, en une ou deux phrases."))
    opens: Identifier | None = Field(
        default=None,
        description=D_(
            "Une énigme qui s'ouvre à ce moment, même si ses « requires » ne sont pas tous "
            "résolus (ses « requires » l'ouvrent aussi, comme d'habitude)."
        ),
    )

    @model_validator(mode="after")
    def _one_trigger(self) -> StoryEvent:
        triggers = [self.after_solved, self.time_left, self.on_solved]
        if sum(trigger is not None for trigger in triggers) != 1:
            raise ValueError("an event needs one trigger")
        return self


# Where a puzzle sits on the scene: x and y in percent of the picture, from its top-left corner.
Spot: TypeAlias = tuple[float, float]


class Scene(Strict):
    """The place the mission happens in: a picture of the restored world, and where each puzzle
    sits in it. The game greys it and lays fog over it; colour returns as puzzles are solved."""

    picture: str = Field(
        description=D_(
            "L'image du lieu, dans le dossier de la mission (.svg ou .png, format 16:9) : le monde "
            "restauré, en couleurs, sans texte ni personnage."
        )
    )
    spots: dict[Identifier, Spot] = Field(
        default_factory=dict,
        description=D_(
            "Où se trouve chaque énigme : [x, y] en pourcentage de l'image depuis son coin en haut "
            "à gauche, au centre de l'objet (entre 10 et 90 en x, entre 15 et 85 en y). Le jeu "
            "place lui-même les énigmes qui n'y sont pas."
        ),
    )


class Mission(Strict):
    """A whole mission: its story frame, its puzzles, and what the debrief teaches."""

    id: Identifier
    title: Text
    theme: Theme
    ages: list[AgeBand] = Field(min_length=1, max_length=2)
    language: LanguageCode = Field(description=D_("Langue dans laquelle le fichier est écrit."))
    translations: list[LanguageCode] = Field(
        default_factory=list, description=D_("Langues dans lesquelles la mission est traduite.")
    )
    address: Address = Field(
        default="vous",
        description=D_(
            "Comment la mission s'adresse à l'équipe : « vous » ou « tu ». L'interface suit ce "
            "choix, et la vérification signale les textes du jeu écrits dans l'autre registre."
        ),
    )
    duration: Minutes | dict[AgeBand, Minutes] = Field(
        description=D_("Durée en minutes, commune ou par tranche d'âge.")
    )
    cover: str | None = Field(default=None, description=D_("Image de couverture de la mission."))
    briefing: Text
    victory: Text | None = Field(
        default=None, description=D_("Ce que dit le guide en cas de victoire.")
    )
    time_up: Text | None = Field(
        default=None,
        description=D_(
            "Ce que dit le guide quand le temps est écoulé : encourageant, car l'équipe a avancé."
        ),
    )
    goal: Identifier = Field(description=D_("L'énigme finale : la résoudre gagne la mission."))
    scene: Scene | None = Field(
        default=None,
        description=D_(
            "Le lieu de la mission : une image et la place de chaque énigme. Sans ce champ, le jeu "
            "dessine un paysage et y place les énigmes le long d'un chemin."
        ),
    )
    hint_policy: HintPolicy = Field(default_factory=HintPolicy)
    glossary: list[Annotated[str, Field(min_length=1, max_length=40)]] = Field(
        default_factory=list,
        description=D_(
            "Mots du thème que la mission explique (ex. « infox ») : la vérification de "
            "lisibilité pour les 9-12 ans ne les signale pas."
        ),
    )
    puzzles: list[Puzzle] = Field(min_length=1, max_length=20)
    events: list[StoryEvent] = Field(
        default_factory=list,
        description=D_(
            "Les moments de l'histoire pendant la partie : après quelques énigmes, quand le temps "
            "presse ou à une énigme donnée, Lumi ou le Brouillard parle."
        ),
    )
    learning_check: list[CheckQuestion] = Field(
        default_factory=list,
        description=D_(
            "Une ou deux questions rapides sur le message clé de la mission, posées avant le "
            "briefing puis au débriefing : le tableau de bord compare les réponses justes avant et "
            "après (des comptes seulement)."
        ),
    )
    debrief: Debrief
    voice: Voices = Field(
        default_factory=dict,
        description=D_(
            "Des enregistrements des textes de la mission (hors énigmes), lus à la place de la "
            "voix de synthèse : la place de chaque texte (ex. « briefing », « events.0.text », "
            "« debrief.key_messages.1 ») et un fichier WAV ou OGG du dossier de la mission."
        ),
    )
    # The folder the mission was read from, set by the loader: its pictures and its own
    # translation catalogs sit there. Not part of the file, so not a field.
    _folder: Path | None = PrivateAttr(default=None)

    @property
    def folder(self) -> Path | None:
        return self._folder

    def read_from(self, folder: Path | None) -> None:
        """Record where the mission was read from (the loader does)."""
        self._folder = folder

    def puzzle(self, puzzle_id: str) -> Puzzle:
        for puzzle in self.puzzles:
            if puzzle.id == puzzle_id:
                return puzzle
        raise KeyError(puzzle_id)

    def minutes(self, age: AgeBand) -> int:
        if isinstance(self.duration, int):
            return self.duration
        return self.duration.get(age, max(self.duration.values()))

    def reward_values(self) -> dict[str, str]:
        return {r.id: r.value for p in self.puzzles for r in p.rewards}


def mission_model(kinds: Sequence[PuzzleKind[Any]]) -> type[Mission]:
    """A `Mission` whose puzzles are of `kinds`: how kinds from outside this package are played
    (and tested). The kinds become known to the checkers, the bot and the journal."""
    register(kinds)
    puzzles: Any = GenericAlias(list, puzzle_union(kinds))
    return create_model(
        "Mission",
        __base__=Mission,
        __module__=__name__,
        puzzles=(puzzles, Mission.model_fields["puzzles"]),
    )


def pick(text: str | dict[AgeBand, str], age: AgeBand) -> str:
    """The source text for one age band (a plain string serves every band)."""
    if isinstance(text, str):
        return text
    if age in text:
        return text[age]
    return next(iter(text.values()))


def pick_list(
    texts: list[str | dict[AgeBand, str]] | dict[AgeBand, list[str]], age: AgeBand
) -> list[str]:
    """The source texts of a `TextList` for one age band."""
    if isinstance(texts, dict):
        if age in texts:
            return list(texts[age])
        return list(next(iter(texts.values()), []))
    return [pick(t, age) for t in texts]
