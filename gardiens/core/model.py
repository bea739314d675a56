"""The mission model: what an educator's YAML file means once it has been validated.

Every text an author writes is a `Text`: a plain string, or one string per age band.
Puzzles are a discriminated union on `type`; each type carries its own check data.
"""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator

AgeBand: TypeAlias = Literal["9-12", "13-16"]
AGE_BANDS: tuple[AgeBand, ...] = ("9-12", "13-16")

Theme: TypeAlias = Literal[
    "infox",
    "cyberharcelement",
    "donnees-personnelles",
    "jeux-video",
    "economie-donnee",
    "influence",
]
THEMES: tuple[Theme, ...] = (
    "infox",
    "cyberharcelement",
    "donnees-personnelles",
    "jeux-video",
    "economie-donnee",
    "influence",
)

Identifier = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$",
        description="Identifiant : lettres minuscules, chiffres, « - » ou « _ » (ex. « fil-actu »).",
    ),
]
LanguageCode = Annotated[
    str,
    Field(pattern=r"^[a-z]{2,3}$", description="Code de langue ISO 639 (ex. « fr », « en »)."),
]

Text: TypeAlias = Annotated[
    str | dict[AgeBand, str],
    Field(
        description=(
            "Un texte dans la langue source : soit une phrase, soit une phrase par tranche d'âge "
            "(clés « 9-12 » et « 13-16 »)."
        )
    ),
]
TextList: TypeAlias = Annotated[
    list[Text] | dict[AgeBand, list[str]],
    Field(
        description=(
            "Une liste de textes, soit commune aux tranches d'âge, soit une liste par tranche "
            "d'âge (clés « 9-12 » et « 13-16 »)."
        )
    ),
]
Minutes: TypeAlias = Annotated[int, Field(ge=1, le=120)]


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, numbers given for strings are accepted."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


class Feedback(Strict):
    """What the team reads after an answer. A wrong answer explains; it never only says no."""

    right: Text = Field(description="Message affiché quand la réponse est juste.")
    wrong: Text = Field(
        description="Explication affichée quand la réponse est fausse : elle aide à comprendre."
    )


class Reward(Strict):
    """A clue fragment the team earns by solving a puzzle, e.g. one digit of the final code."""

    id: Identifier
    value: str = Field(
        min_length=1, max_length=32, description="La valeur gagnée (ex. un chiffre du code final)."
    )
    label: Text = Field(description="Ce que l'équipe lit en gagnant l'indice.")


class PuzzleBase(Strict):
    """Fields shared by every puzzle type."""

    id: Identifier
    title: Text = Field(description="Titre court, affiché sur la carte de la mission.")
    prompt: Text = Field(description="La consigne de l'énigme.")
    image: str | None = Field(
        default=None,
        description="Image illustrant l'énigme, chemin relatif au dossier de la mission.",
    )
    feedback: Feedback
    hints: TextList = Field(
        description="Échelle d'indices, du plus léger à la solution (coup de pouce → indice fort → solution)."
    )
    key_message: Text | None = Field(
        default=None, description="Le message clé que l'énigme fait comprendre."
    )
    requires: list[Identifier] = Field(
        default_factory=list,
        description="Énigmes à résoudre avant que celle-ci ne s'ouvre (identifiants).",
    )
    rewards: list[Reward] = Field(
        default_factory=list, description="Indices gagnés en résolvant l'énigme."
    )


class CodeLock(PuzzleBase):
    """A padlock with digits. Its code is written out, or assembled from earned rewards."""

    type: Literal["code"]
    code: str | None = Field(
        default=None,
        pattern=r"^[0-9]{1,8}$",
        description="Le code (chiffres). Écrire « code » ou « code_from », pas les deux.",
    )
    code_from: list[Identifier] | None = Field(
        default=None,
        description="Le code est la suite des valeurs de ces récompenses, dans cet ordre.",
    )

    @model_validator(mode="after")
    def _one_code_source(self) -> CodeLock:
        if (self.code is None) == (self.code_from is None):
            raise ValueError("write exactly one of `code` or `code_from`")
        if self.code_from is not None and not self.code_from:
            raise ValueError("`code_from` needs at least one reward")
        return self


class Choice(Strict):
    id: Identifier
    text: Text
    correct: StrictBool = False
    feedback: Text | None = Field(
        default=None, description="Explication propre à ce choix, affichée s'il est choisi à tort."
    )


class MultipleChoice(PuzzleBase):
    """One or several right answers among choices, each with its own explanation."""

    type: Literal["choice"]
    choices: list[Choice] = Field(min_length=2, max_length=8)
    multiple: StrictBool = Field(
        default=False, description="Vrai si plusieurs réponses sont à cocher ensemble."
    )


class Statement(Strict):
    id: Identifier
    text: Text
    answer: StrictBool = Field(
        description="true si l'affirmation est vraie (info), false sinon (intox)."
    )
    explanation: Text = Field(description="Pourquoi c'est vrai ou faux.")


class TrueFalse(PuzzleBase):
    """A series of statements, each to be judged true or false ("info ou intox")."""

    type: Literal["true_false"]
    statements: list[Statement] = Field(min_length=1, max_length=8)
    labels: tuple[Text, Text] | None = Field(
        default=None, description="Libellés des deux boutons, vrai puis faux (ex. Info, Intox)."
    )


class OrderItem(Strict):
    id: Identifier
    text: Text


class Ordering(PuzzleBase):
    """Items to put in order; the YAML lists them in the right order."""

    type: Literal["order"]
    items: list[OrderItem] = Field(min_length=2, max_length=8)


class Category(Strict):
    id: Identifier
    label: Text


class CategoriseItem(Strict):
    id: Identifier
    text: Text
    category: Identifier
    feedback: Text | None = Field(
        default=None, description="Explication affichée si l'élément est mal rangé."
    )


class Categorise(PuzzleBase):
    """Items to sort into boxes."""

    type: Literal["categorise"]
    categories: list[Category] = Field(min_length=2, max_length=5)
    items: list[CategoriseItem] = Field(min_length=2, max_length=10)


class Region(Strict):
    """A rectangle on the image, in fractions of its width and height (0 to 1)."""

    id: Identifier
    label: Text
    x: float = Field(ge=0, le=1)
    y: float = Field(ge=0, le=1)
    w: float = Field(gt=0, le=1)
    h: float = Field(gt=0, le=1)
    correct: StrictBool = Field(
        description="true si cette zone fait partie de ce qu'il faut trouver."
    )
    feedback: Text | None = None

    def contains(self, fx: float, fy: float) -> bool:
        return self.x <= fx <= self.x + self.w and self.y <= fy <= self.y + self.h


class Hotspots(PuzzleBase):
    """Regions to find on an image; every correct region must be found, no wrong one chosen."""

    type: Literal["hotspots"]
    image: str = Field(description="L'image où chercher, relative au dossier de la mission.")
    regions: list[Region] = Field(min_length=1, max_length=12)


class Mistake(Strict):
    answers: list[str] = Field(min_length=1)
    feedback: Text


class ShortText(PuzzleBase):
    """A short typed answer; case, accents, spaces and listed variants are forgiven."""

    type: Literal["text"]
    answers: list[str] = Field(min_length=1, description="Réponses acceptées.")
    mistakes: list[Mistake] = Field(
        default_factory=list, description="Erreurs fréquentes, chacune avec son explication."
    )
    max_length: int = Field(default=24, ge=1, le=60)


class Cipher(PuzzleBase):
    """A message encrypted with a Caesar shift whose key is shown; the answer is the plain text."""

    type: Literal["cipher"]
    method: Literal["caesar"] = "caesar"
    shift: int = Field(ge=1, le=25)
    plaintext: str = Field(
        min_length=1, max_length=40, description="Le message en clair, qui est la réponse."
    )
    show_key: StrictBool = True


class Post(Strict):
    """A post in a made-up social feed: invented authors only, never a real account."""

    id: Identifier
    author: Text = Field(description="Auteur inventé (jamais un vrai compte ni une vraie marque).")
    text: Text
    image: str | None = Field(default=None, description="Image du post, relative au dossier.")
    date: Text | None = Field(
        default=None, description="Date ou ancienneté affichée (ex. « il y a 2 h »)."
    )
    label: Text | None = Field(
        default=None,
        description="Mention affichée sur le post (ex. « Collaboration commerciale »).",
    )


class FeedPost(Post):
    category: Identifier = Field(description="La case où ranger ce post.")
    feedback: Text | None = Field(default=None, description="Explication si le post est mal rangé.")


class Feed(PuzzleBase):
    """A social feed to triage: each post goes into one of the boxes (e.g. fiable / à vérifier)."""

    type: Literal["feed"]
    categories: list[Category] = Field(min_length=2, max_length=4)
    posts: list[FeedPost] = Field(min_length=2, max_length=8)


class ChatMessage(Strict):
    author: Text = Field(description="Pseudonyme inventé de la personne qui écrit.")
    text: Text
    me: StrictBool = Field(
        default=False, description="true pour un message de la personne qui joue."
    )


class Chat(PuzzleBase):
    """A group chat to read, then the reaction to choose among several."""

    type: Literal["chat"]
    group: Text = Field(description="Nom du groupe de discussion (inventé).")
    messages: list[ChatMessage] = Field(min_length=1, max_length=12)
    choices: list[Choice] = Field(min_length=2, max_length=6)
    multiple: StrictBool = False


class SettingOption(Strict):
    id: Identifier
    label: Text


class Setting(Strict):
    id: Identifier
    label: Text
    options: list[SettingOption] = Field(min_length=2, max_length=4)
    start: Identifier = Field(
        description="L'option réglée au départ (souvent la moins protectrice)."
    )
    expected: list[Identifier] = Field(
        min_length=1, description="Les options acceptées comme bon réglage."
    )
    feedback: Text = Field(description="Pourquoi ce réglage compte.")


class Settings(PuzzleBase):
    """A privacy-settings panel to fix, one option per setting."""

    type: Literal["settings"]
    profile: Text = Field(description="Le profil (inventé) dont on règle la confidentialité.")
    settings: list[Setting] = Field(min_length=1, max_length=8)


PasswordRuleKind: TypeAlias = Literal[
    "min_length", "lowercase", "uppercase", "digit", "symbol", "avoid"
]


class PasswordRule(Strict):
    kind: PasswordRuleKind
    value: int | None = Field(
        default=None, ge=1, le=64, description="Pour min_length : la longueur."
    )
    words: list[str] = Field(
        default_factory=list,
        description="Pour avoid : les mots (sur la personne) à ne pas utiliser.",
    )
    label: Text = Field(description="La règle, telle qu'affichée à côté de la jauge.")
    feedback: Text = Field(description="Explication quand la règle n'est pas respectée.")


class Password(PuzzleBase):
    """A password to build against a strength meter; what is typed is never stored."""

    type: Literal["password"]
    persona: Text = Field(description="Ce qu'on sait de la personne (ses mots interdits).")
    rules: list[PasswordRule] = Field(min_length=1, max_length=8)
    max_length: int = Field(default=32, ge=8, le=64)


CookieAction: TypeAlias = Literal["accept_all", "refuse_all", "customise"]


class CookieButton(Strict):
    id: Identifier
    label: Text
    action: CookieAction
    style: Literal["big", "small", "link"] = Field(
        default="big", description="Taille du bouton : les pièges rendent le refus petit."
    )
    feedback: Text | None = None


class CookiePurpose(Strict):
    id: Identifier
    label: Text
    start: StrictBool = Field(
        description="Case cochée au départ (piège fréquent : tout est coché)."
    )
    expected: StrictBool = Field(description="Réglage attendu.")
    feedback: Text | None = None


class Cookies(PuzzleBase):
    """A cookie banner full of traps: refuse, or customise every purpose as expected."""

    type: Literal["cookies"]
    site: Text = Field(description="Nom du site inventé.")
    banner: Text = Field(description="Le texte du bandeau.")
    buttons: list[CookieButton] = Field(min_length=2, max_length=5)
    purposes: list[CookiePurpose] = Field(default_factory=list, max_length=6)


PegiRating: TypeAlias = Literal["3", "7", "12", "16", "18"]
PEGI_RATINGS: tuple[PegiRating, ...] = ("3", "7", "12", "16", "18")


class Game(Strict):
    id: Identifier
    title: Text = Field(description="Titre de jeu inventé (jamais un vrai jeu).")
    description: Text
    image: str | None = None
    rating: PegiRating
    feedback: Text | None = None


class Pegi(PuzzleBase):
    """Games (made up) to sort by PEGI age rating, which is about content, not difficulty."""

    type: Literal["pegi"]
    games: list[Game] = Field(min_length=2, max_length=6)


class AdPost(Post):
    hidden_ad: StrictBool = Field(
        description="true si le post est une publicité qui ne le dit pas."
    )
    feedback: Text | None = None


class Ads(PuzzleBase):
    """Influencer posts: tap the ones that are advertising without saying so."""

    type: Literal["ads"]
    posts: list[AdPost] = Field(min_length=2, max_length=6)


Puzzle: TypeAlias = Annotated[
    CodeLock
    | MultipleChoice
    | TrueFalse
    | Ordering
    | Categorise
    | Hotspots
    | ShortText
    | Cipher
    | Feed
    | Chat
    | Settings
    | Password
    | Cookies
    | Pegi
    | Ads,
    Field(discriminator="type"),
]
PUZZLE_TYPES: tuple[str, ...] = (
    "code",
    "choice",
    "true_false",
    "order",
    "categorise",
    "hotspots",
    "text",
    "cipher",
    "feed",
    "chat",
    "settings",
    "password",
    "cookies",
    "pegi",
    "ads",
)


class HintPolicy(Strict):
    """When hints are offered without being asked for, and what they cost."""

    offer_after_seconds: int = Field(default=180, ge=0, description="0 : jamais automatiquement.")
    offer_after_wrong: int = Field(default=3, ge=0, description="0 : jamais automatiquement.")
    penalty_seconds: int = Field(default=0, ge=0, le=600)


class Debrief(Strict):
    key_messages: TextList = Field(description="Trois messages clés au plus par tranche d'âge.")
    questions: TextList = Field(description="Questions pour lancer la discussion en débriefing.")


class Mission(Strict):
    """A whole mission: its story frame, its puzzles, and what the debrief teaches."""

    id: Identifier
    title: Text
    theme: Theme
    ages: list[AgeBand] = Field(min_length=1, max_length=2)
    language: LanguageCode = Field(description="Langue dans laquelle le fichier est écrit.")
    translations: list[LanguageCode] = Field(
        default_factory=list, description="Langues dans lesquelles la mission est traduite."
    )
    duration: Minutes | dict[AgeBand, Minutes] = Field(
        description="Durée en minutes, commune ou par tranche d'âge."
    )
    cover: str | None = Field(default=None, description="Image de couverture de la mission.")
    briefing: Text
    victory: Text | None = Field(
        default=None, description="Ce que dit le guide en cas de victoire."
    )
    goal: Identifier = Field(description="L'énigme finale : la résoudre gagne la mission.")
    hint_policy: HintPolicy = Field(default_factory=HintPolicy)
    glossary: list[Annotated[str, Field(min_length=1, max_length=40)]] = Field(
        default_factory=list,
        description=(
            "Mots du thème que la mission explique (ex. « infox ») : la vérification de "
            "lisibilité pour les 9-12 ans ne les signale pas."
        ),
    )
    puzzles: list[Puzzle] = Field(min_length=1, max_length=20)
    debrief: Debrief

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
