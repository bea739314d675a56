"""The words every puzzle is written with: texts per age band, identifiers, feedback, rewards,
and `PuzzleBase`, the fields that every kind of puzzle shares."""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING, Annotated, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator

AgeBand: TypeAlias = Literal["9-12", "13-16"]
AGE_BANDS: tuple[AgeBand, ...] = ("9-12", "13-16")


def D_(description: str) -> str:
    """Mark a field's description as a message id of the `schema` catalog: the model keeps the
    French source, and whatever shows the schema translates it in its reader's language."""
    return description


Identifier = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$",
        description=D_(
            "Identifiant : lettres minuscules, chiffres, « - » ou « _ » (ex. « fil-actu »)."
        ),
    ),
]

Text: TypeAlias = Annotated[
    str | dict[AgeBand, str],
    Field(
        description=D_(
            "Un texte dans la langue source : soit une phrase, soit une phrase par tranche d'âge "
            "(clés « 9-12 » et « 13-16 »)."
        )
    ),
]
TextList: TypeAlias = Annotated[
    list[Text] | dict[AgeBand, list[str]],
    Field(
        description=D_(
            "Une liste de textes, soit commune aux tranches d'âge, soit une liste par tranche "
            "d'âge (clés « 9-12 » et « 13-16 »)."
        )
    ),
]

Voices: TypeAlias = Annotated[
    dict[str, str],
    Field(
        description=D_(
            "Des enregistrements lus à la place de la voix de synthèse : pour chaque texte, sa "
            "place (ex. « prompt », « feedback.wrong », « hints.0 », « prompt.9-12 ») et un "
            "fichier WAV ou OGG du dossier de la mission, dit dans la langue de la mission."
        )
    ),
]


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, numbers given for strings are accepted."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


class Feedback(Strict):
    """What the team reads after an answer. A wrong answer explains; it never only says no."""

    right: Text = Field(description=D_("Message affiché quand la réponse est juste."))
    wrong: Text = Field(
        description=D_("Explication affichée quand la réponse est fausse : elle aide à comprendre.")
    )


class Reward(Strict):
    """A finding the team earns by solving a puzzle and uses in a later one: a fragment of the
    message to rebuild, a situation to match, a digit of a lock's code (never called a hint: a
    hint is the help the team asks for)."""

    id: Identifier
    value: str = Field(
        min_length=1,
        max_length=32,
        description=D_("La valeur gagnée (ex. un chiffre, pour un cadenas « code_from »)."),
    )
    label: Text = Field(
        description=D_(
            "Ce que l'équipe lit en gagnant cette trouvaille, et ce que l'énigme qui l'utilise "
            "lui montre (un morceau de message, une situation…)."
        )
    )


class AtLeast(Strict):
    """"N of these": a puzzle opens once at least `at_least` of the puzzles `of` are solved."""

    at_least: int = Field(ge=1, description=D_("Combien de ces énigmes il faut résoudre."))
    of: list[Identifier] = Field(
        min_length=2, description=D_("Les énigmes parmi lesquelles l'équipe choisit.")
    )

    @model_validator(mode="after")
    def _possible(self) -> AtLeast:
        if self.at_least > len(self.of):
            raise ValueError("at_least is more than the puzzles listed")
        return self


class PuzzleBase(Strict):
    """Fields shared by every puzzle type."""

    if TYPE_CHECKING:
        # Each kind declares `type` as its own literal, last among its fields (the order the
        # schema shows); declared here for the type checker only, so that it keeps that place.
        type: str

    id: Identifier
    title: Text = Field(description=D_("Titre court, affiché sur la carte de la mission."))
    prompt: Text = Field(description=D_("La consigne de l'énigme."))
    image: str | None = Field(
        default=None,
        description=D_("Image illustrant l'énigme, chemin relatif au dossier de la mission."),
    )
    feedback: Feedback
    hints: TextList = Field(
        description=D_(
            "Échelle d'indices, du plus léger à la solution (coup de pouce → indice fort → solution)."
        )
    )
    key_message: Text | None = Field(
        default=None, description=D_("Le message clé que l'énigme fait comprendre.")
    )
    requires: list[Identifier] = Field(
        default_factory=list,
        description=D_("Énigmes à résoudre avant que celle-ci ne s'ouvre (identifiants)."),
    )
    requires_any: list[Identifier] = Field(
        default_factory=list,
        description=D_(
            "L'énigme s'ouvre dès qu'une de ces énigmes est résolue (au choix de l'équipe)."
        ),
    )
    requires_some: AtLeast | None = Field(
        default=None,
        description=D_(
            "L'énigme s'ouvre quand au moins « at_least » des énigmes de « of » sont résolues "
            "(ex. deux sur trois)."
        ),
    )
    optional: StrictBool = Field(
        default=False,
        description=D_(
            "Une énigme bonus : pas besoin de la résoudre pour gagner, et l'équipe ne perd rien "
            "à la laisser. L'énigme finale ne peut pas être bonus."
        ),
    )
    rewards: list[Reward] = Field(
        default_factory=list,
        description=D_(
            "Trouvailles gagnées en résolvant l'énigme, pour une énigme suivante (ex. un morceau "
            "du message à reformer)."
        ),
    )
    voice: Voices = Field(default_factory=dict)

    def prerequisites(self) -> list[str]:
        """Every puzzle its unlock rules name, each once, in the order written."""
        named = [*self.requires, *self.requires_any]
        if self.requires_some is not None:
            named += self.requires_some.of
        return list(dict.fromkeys(named))

    def opens_after(self, solved: Set[str]) -> bool:
        """Whether its unlock rules hold once `solved` are solved: all of `requires`, one of
        `requires_any`, `at_least` of `requires_some` (a puzzle without rules is open at once)."""
        some = self.requires_some
        return (
            all(r in solved for r in self.requires)
            and (not self.requires_any or any(r in solved for r in self.requires_any))
            and (some is None or sum(r in solved for r in dict.fromkeys(some.of)) >= some.at_least)
        )
