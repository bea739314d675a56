"""Located, coded problems found in a mission file, and the registry of their messages.

Every problem an author can meet has a stable code (GDN1xx loading, GDN2xx shape, GDN3xx lint
errors, GDN4xx lint warnings), a title and a message. Messages are French message ids kept as
`Text` (the id and its named values) and translated only when shown, through the `diagnostics`
gettext domain (`gardiens.i18n.interface.diagnostics_translator`); the core never reads a catalog.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol, TypeAlias

Severity: TypeAlias = Literal["error", "warning"]

# Where a value sits in the parsed document: mapping keys and list indexes from the root.
YamlPath: TypeAlias = tuple[str | int, ...]


class Translator(Protocol):
    """What showing a message needs: gettext's lookups (a `gettext.NullTranslations` fits)."""

    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


class _Source:
    """The French message ids themselves, with the French plural rule (0 and 1 are singular)."""

    def gettext(self, message: str, /) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        return singular if abs(n) < 2 else plural


SOURCE: Translator = _Source()


def N_(message: str) -> str:
    """Mark a message id for extraction where it is written; it is translated where shown."""
    return message


@dataclass(frozen=True)
class Text:
    """A message id and its named values, translated when shown; values may be `Text` too."""

    msgid: str
    params: tuple[tuple[str, Value], ...] = ()
    plural: str | None = None
    n: int = 0

    def translate(self, translator: Translator = SOURCE) -> str:
        if self.plural is None:
            template = translator.gettext(self.msgid)
        else:
            template = translator.ngettext(self.msgid, self.plural, self.n)
        return template.format(**{name: shown(value, translator) for name, value in self.params})


@dataclass(frozen=True)
class Listing:
    """Values shown one after the other, between translated separators (" ou ", " et ")."""

    items: tuple[Value, ...]
    separator: Text

    def translate(self, translator: Translator = SOURCE) -> str:
        separator = self.separator.translate(translator)
        return separator.join(shown(item, translator) for item in self.items)


Value: TypeAlias = str | int | float | Text | Listing


def shown(value: Value, translator: Translator = SOURCE) -> str:
    """A value as it appears in a message: translated if it is a `Text` or `Listing`."""
    if isinstance(value, Text | Listing):
        return value.translate(translator)
    return str(value)


def T_(msgid: str, **params: Value) -> Text:
    """The message `msgid` (marked for extraction) with its values."""
    return Text(msgid, tuple(params.items()))


def NT_(singular: str, plural: str, n: int, **params: Value) -> Text:
    """A message with a plural form chosen by `n` in the shown language; `{n}` is `n`."""
    return Text(singular, (("n", n), *params.items()), plural, n)


def quote(word: Value) -> Text:
    """A word as an author wrote it, between the shown language's quotation marks."""
    return T_("« {word} »", word=word)


def quote_all(words: Iterable[Value]) -> Listing:
    return Listing(tuple(quote(w) for w in words), T_(", "))


@dataclass(frozen=True)
class Template:
    """One kind of problem: its severity, a short title and its message (French message ids)."""

    severity: Severity
    title: str
    message: str


def _e(title: str, message: str) -> Template:
    return Template("error", title, message)


def _w(title: str, message: str) -> Template:
    return Template("warning", title, message)


MESSAGES: dict[str, Template] = {
    # GDN1xx: reading the file and the YAML itself.
    "GDN101": _e(
        N_("YAML mal écrit"),
        N_("Le fichier n'est pas du YAML correct : {detail}"),
    ),
    "GDN102": _e(
        N_("clé en double"),
        N_(
            "La clé « {key} » est écrite deux fois dans ce bloc (déjà ligne {first_line}) : "
            "gardez-en une seule."
        ),
    ),
    "GDN103": _e(
        N_("étiquette YAML refusée"),
        N_(
            "L'étiquette « {tag} » n'est pas acceptée dans une mission : retirez-la. Une mission ne "
            "contient que des textes, des nombres, des listes et des blocs."
        ),
    ),
    "GDN104": _e(
        N_("encodage"),
        N_(
            "Le fichier n'est pas enregistré en UTF-8 (octet {byte} illisible). Enregistrez-le en "
            "UTF-8 depuis votre éditeur."
        ),
    ),
    "GDN105": _e(
        N_("fichier vide"),
        N_("Le fichier est vide : une mission commence par « id: », « title: », etc."),
    ),
    "GDN106": _e(
        N_("pas un bloc de clés"),
        N_(
            "Une mission doit être un bloc de clés (« id: … », « title: … ») ; j'ai trouvé {found}."
        ),
    ),
    "GDN107": _e(
        N_("nombre ambigu"),
        N_(
            '« {value} » doit être écrit entre guillemets : "{value}". Sans guillemets, d\'autres '
            "outils YAML le liraient comme un autre nombre (le zéro du début serait perdu)."
        ),
    ),
    "GDN108": _e(
        N_("oui/non au lieu de true/false"),
        N_(
            "« {value} » n'est pas compris ici : écrivez true (vrai) ou false (faux), sans guillemets."
        ),
    ),
    "GDN109": _e(
        N_("fichier illisible"),
        N_("Impossible de lire le fichier : {detail}"),
    ),
    "GDN110": _e(
        N_("clé complexe"),
        N_("Une clé doit être un simple mot (comme « title »), pas une liste ni un bloc."),
    ),
    "GDN111": _e(
        N_("alias trop nombreux"),
        N_(
            "Les alias (*nom) de ce fichier se répètent à l'infini ou produisent un document "
            "beaucoup trop grand : écrivez les textes directement."
        ),
    ),
    "GDN112": _e(
        N_("fichier trop gros"),
        N_(
            "Le fichier fait {size} Ko, plus que les {limit} Ko qu'une mission peut faire : il "
            "n'est pas lu. Une mission tient en quelques dizaines de Ko ; les images sont des "
            "fichiers à part, rangés dans le dossier de la mission."
        ),
    ),
    # GDN2xx: the shape of the mission (fields, types, allowed values).
    "GDN201": _e(
        N_("champ inconnu"),
        N_("Le champ « {key} » n'existe pas à cet endroit."),
    ),
    "GDN202": _e(
        N_("champ manquant"),
        N_("Il manque le champ « {key} » dans ce bloc."),
    ),
    "GDN203": _e(
        N_("mauvais type"),
        N_("Ici, il faut {expected} ; j'ai trouvé {found}."),
    ),
    "GDN204": _e(
        N_("valeur non prévue"),
        N_("« {value} » n'est pas une valeur possible ici. Valeurs possibles : {allowed}."),
    ),
    "GDN205": _e(
        N_("type d'énigme inconnu"),
        N_("« {value} » n'est pas un type d'énigme. Types possibles : {allowed}."),
    ),
    "GDN206": _e(
        N_("format incorrect"),
        N_("« {value} » n'a pas le bon format : {rule}"),
    ),
    "GDN207": _e(
        N_("nombre hors limites"),
        N_("{value} est hors limites : {rule}"),
    ),
    "GDN208": _e(
        N_("mauvaise longueur"),
        N_("Longueur incorrecte : {rule}"),
    ),
    "GDN209": _e(
        N_("règle non respectée"),
        N_("{detail}"),
    ),
    "GDN210": _e(
        N_("énigme sans type"),
        N_("Cette énigme n'a pas de « type ». Ajoutez « type: » avec l'un de : {allowed}."),
    ),
    "GDN299": _e(
        N_("autre problème de forme"),
        N_("Valeur refusée : {detail}"),
    ),
    # GDN3xx: lint errors, found once the shape is right.
    "GDN301": _e(
        N_("identifiant en double"),
        N_(
            "L'identifiant « {id} » est déjà utilisé ligne {first_line} : chaque {what} doit avoir "
            "le sien."
        ),
    ),
    "GDN302": _e(
        N_("référence inconnue"),
        N_("« {id} » ne correspond à {what}."),
    ),
    "GDN303": _e(
        N_("image introuvable"),
        N_("L'image « {image} » est introuvable dans le dossier de la mission."),
    ),
    "GDN304": _e(
        N_("image hors du dossier"),
        N_(
            "L'image « {image} » doit être rangée dans le dossier de la mission et écrite comme un "
            "chemin relatif (par ex. « images/fil.png »), sans « ../ » ni chemin absolu."
        ),
    ),
    "GDN305": _e(
        N_("énigme inatteignable"),
        N_("L'énigme « {id} » ne pourra jamais s'ouvrir : {reason}."),
    ),
    "GDN306": _e(
        N_("mission impossible à gagner"),
        N_(
            "La mission ne peut pas être gagnée : l'énigme finale « {id} » ne peut jamais être "
            "résolue ({reason})."
        ),
    ),
    "GDN307": _e(
        N_("prérequis en boucle"),
        N_(
            "Ces énigmes s'attendent les unes les autres en boucle : {cycle}. Aucune ne pourra "
            "s'ouvrir."
        ),
    ),
    "GDN308": _e(
        N_("pièce du code jamais gagnée"),
        N_("Le code final utilise la récompense « {id} », mais aucune autre énigme ne la donne."),
    ),
    "GDN309": _e(
        N_("échelle d'indices vide"),
        N_(
            "L'énigme « {id} » n'a aucun indice pour les {age} ans : ajoutez au moins un coup de "
            "pouce."
        ),
    ),
    "GDN310": _e(
        N_("texte manquant pour une tranche d'âge"),
        N_("Il manque la version « {age} » de ce texte (la mission est prévue pour {ages})."),
    ),
    "GDN311": _e(
        N_("tranche d'âge non déclarée"),
        N_(
            "Ce texte a une version « {age} », mais la mission n'est prévue que pour {ages} : "
            "ajoutez « {age} » à « ages » ou retirez cette version."
        ),
    ),
    "GDN312": _e(
        N_("bonnes réponses du QCM"),
        N_("{detail}"),
    ),
    "GDN313": _e(
        N_("aucune zone à trouver"),
        N_("Aucune zone n'est marquée « correct: true » : l'équipe n'aurait rien à trouver."),
    ),
    "GDN314": _e(
        N_("zone hors de l'image"),
        N_(
            "La zone « {id} » dépasse de l'image : il faut x + w ≤ 1 et y + h ≤ 1 "
            "(ici x + w = {right}, y + h = {bottom})."
        ),
    ),
    "GDN315": _e(
        N_("traduction dans la langue source"),
        N_(
            "« {language} » est la langue du fichier (« language ») : ne la mettez pas dans "
            "« translations »."
        ),
    ),
    "GDN316": _e(
        N_("mission en double"),
        N_("Une autre mission a déjà l'identifiant « {id} » ({other})."),
    ),
    "GDN317": _e(
        N_("événement qui n'arrive jamais"),
        N_(
            "Cet événement attend {count} énigmes résolues, mais la mission en a {puzzles} et la "
            "dernière résolue la termine : il faut moins de {puzzles}."
        ),
    ),
    "GDN318": _e(
        N_("événement hors du temps de jeu"),
        N_(
            "Cet événement attend qu'il reste {seconds} secondes, mais la mission ne dure que "
            "{duration} secondes : il faut moins que la durée."
        ),
    ),
    "GDN319": _e(
        N_("morceau de message inconnu"),
        N_(
            "« {id} » n'est la récompense d'aucune énigme : chaque morceau du message à reformer "
            "est une récompense gagnée dans une autre énigme."
        ),
    ),
    "GDN320": _e(
        N_("ordre qui ne reprend pas les morceaux"),
        N_(
            "« order » ({order}) doit reprendre chaque morceau de « from » ({fragments}) une fois "
            "et une seule, dans l'ordre du message."
        ),
    ),
    "GDN321": _e(
        N_("morceau à associer inconnu"),
        N_(
            "« {id} » n'est la récompense d'aucune énigme : chaque morceau à associer est une "
            "récompense gagnée dans une autre énigme."
        ),
    ),
    "GDN322": _e(
        N_("morceau sans cible"),
        N_("« pairs » ne donne pas de cible à {ids} : chaque morceau de « from » en a une."),
    ),
    "GDN323": _e(
        N_("paire d'un morceau inconnu"),
        N_(
            "« {id} » n'est pas un morceau de « from » ({fragments}) : « pairs » ne donne une "
            "cible qu'aux morceaux de « from »."
        ),
    ),
    "GDN324": _e(
        N_("cible inconnue"),
        N_("« {id} » n'est pas l'une des cibles ({targets}) : écrivez l'identifiant d'une cible."),
    ),
    "GDN325": _e(
        N_("place hors de la scène"),
        N_(
            "La place de « {id} » ({x}, {y}) sort de l'image de la scène : x et y sont des "
            "pourcentages, entre 0 et 100."
        ),
    ),
    "GDN327": _e(
        N_("lien symbolique refusé"),
        N_(
            "« {name} » est un lien symbolique : les liens sont refusés, même rangés dans le "
            "dossier de la mission, car ils ne suivent pas la mission quand on la copie sur la "
            "borne (clé USB, archive zip) et peuvent montrer un fichier hors du dossier. Copiez "
            "le fichier lui-même à cette place."
        ),
    ),
    "GDN330": _e(
        N_("langue sans catalogue"),
        N_(
            "La mission se dit traduite en « {language} », mais aucun catalogue ne traduit ses "
            "textes dans cette langue ({catalog} manque ou est vide) : lancez « gardiens i18n update "
            "{mission} », traduisez le .po, ou retirez « {language} » de « translations »."
        ),
    ),
    "GDN326": _e(
        N_("texte au-delà de la longueur permise"),
        N_(
            "Ce texte fait {length} caractères : un texte « {field} » en a {limit} au plus, pour "
            "tenir à l'écran de la borne. Raccourcissez-le, ou mettez le détail dans un indice."
        ),
    ),
    "GDN331": _e(
        N_("enregistrement d'un texte inconnu"),
        N_(
            "« {place} » n'est la place d'aucun texte ici : un enregistrement se donne pour un "
            "texte de ce bloc, par exemple {places}."
        ),
    ),
    "GDN332": _e(
        N_("enregistrement introuvable"),
        N_(
            "Le fichier « {recording} » est introuvable dans le dossier de la mission (un chemin "
            "relatif, par ex. « voix/consigne.ogg », sans « ../ »)."
        ),
    ),
    "GDN333": _e(
        N_("enregistrement illisible"),
        N_("« {recording} » n'est pas un fichier WAV ou OGG que le jeu sait lire."),
    ),
    "GDN334": _e(
        N_("enregistrement trop long"),
        N_(
            "« {recording} » dure {seconds} secondes : un enregistrement lit un seul texte, en "
            "{limit} secondes au plus."
        ),
    ),
    "GDN335": _e(
        N_("trop de questions de vérification"),
        N_(
            "Le « learning_check » pose {count} questions : {limit} au plus, pour qu'il reste "
            "rapide avant et après la mission."
        ),
    ),
    "GDN336": _e(
        N_("nombre de réponses d'une question"),
        N_("Cette question a {count} réponses : il en faut de {least} à {most}."),
    ),
    "GDN337": _e(
        N_("bonne réponse d'une question"),
        N_("Une seule réponse doit être juste (« correct: true »), ici {right}."),
    ),
    "GDN338": _e(
        N_("question en double"),
        N_("L'identifiant « {id} » est déjà celui d'une autre question du « learning_check »."),
    ),
    # GDN4xx: lint warnings; they do not make validation fail.
    "GDN401": _w(
        N_("code final écrit en clair"),
        N_(
            "L'énigme finale « {id} » a un code écrit en clair : d'habitude, le code final est "
            "assemblé à partir des pièces du code gagnées (« code_from »)."
        ),
    ),
    "GDN402": _w(
        N_("trop de messages clés"),
        N_("{count} messages clés pour les {age} ans : trois au plus restent en mémoire."),
    ),
    "GDN403": _w(
        N_("texte très long"),
        N_(
            "Ce texte fait {length} caractères (conseillé : {limit} au plus) : il risque de ne pas "
            "tenir à l'écran ou de décourager les jeunes lecteurs."
        ),
    ),
    "GDN404": _w(
        N_("catégorie inutilisée"),
        N_("Aucun élément n'est à ranger dans la catégorie « {id} »."),
    ),
    "GDN406": _w(
        N_("phrase trop longue pour les 9-12 ans"),
        N_(
            "Une phrase de ce texte fait {count} mots : pour les 9-12 ans, {limit} au plus. "
            "Coupez-la en deux phrases."
        ),
    ),
    "GDN407": _w(
        N_("mots peu courants pour les 9-12 ans"),
        N_(
            "Mots peu courants pour les 9-12 ans : {words}. Choisissez un mot plus simple, ou "
            "expliquez-le dans la mission et ajoutez-le au « glossary »."
        ),
    ),
    "GDN408": _w(
        N_("registre mélangé"),
        N_(
            "« {word} » est du « {used} », alors que la mission s'adresse à l'équipe en "
            "« {address} » (« address »). Écrivez ce texte en « {address} », ou mettez entre "
            "guillemets « … » les paroles d'un personnage."
        ),
    ),
    "GDN409": _w(
        N_("texte trop long pour sa place"),
        N_(
            "Même au plus petit, ce texte prend {lines} lignes à l'écran (1280×800), et sa place "
            "n'en tient que {limit} : il sera coupé. Raccourcissez-le."
        ),
    ),
    "GDN416": _w(
        N_("énigme bonus inatteignable"),
        N_(
            "L'énigme bonus « {id} » ne pourra jamais s'ouvrir : {reason}. L'équipe peut gagner "
            "sans elle, mais ne la verra jamais."
        ),
    ),
    "GDN415": _w(
        N_("énigme au bord de la scène"),
        N_(
            "« {id} » est placée trop près du bord ({x}, {y}) : sur certains écrans, le bord de "
            "l'image est coupé. Restez entre 10 et 90 en x, entre 15 et 85 en y."
        ),
    ),
    "GDN420": _w(
        N_("texte d'image non traduit"),
        N_(
            "L'image a le texte « {text} », qui n'a pas de traduction en « {language} » dans le "
            "catalogue de la mission : une équipe qui lit cette langue le verra dans la langue "
            "de la mission. Lancez « gardiens i18n update » et traduisez-le."
        ),
    ),
    "GDN421": _w(
        N_("caractère que la borne ne sait pas dessiner"),
        N_(
            "Aucune police de la borne ne sait dessiner {chars} : à l'écran, une case vide "
            "prendrait sa place. Les emoji courants et les lettres latines s'affichent ; "
            "l'hébreu, l'arabe et les autres écritures, non."
        ),
    ),
    "GDN405": _w(
        N_("dossier mal nommé"),
        N_("Le dossier « {folder} » devrait porter le nom de la mission : « {id} »."),
    ),
}


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate to a mistyped word, if one is close enough to be a typo."""
    pool = [c for c in candidates if c != word]
    lowered = {c.lower(): c for c in pool}
    if word.lower() in lowered:
        return lowered[word.lower()]
    found = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return found[0] if found else None


# Field names that authors writing in French commonly use, by their unaccented lowercase form:
# the English field each one most likely means (the first that exists where it is written).
FRENCH_FIELDS: dict[str, tuple[str, ...]] = {
    "titre": ("title",),
    "indice": ("hints",),
    "indices": ("hints",),
    "aide": ("hints", "help"),
    "reponse": ("answer", "answers"),
    "reponses": ("answers", "answer"),
    "enigme": ("puzzles",),
    "enigmes": ("puzzles",),
    "explication": ("explanation",),
    "explications": ("explanation",),
    "categorie": ("category", "categories"),
    "categories": ("categories", "category"),
    "choix": ("choices",),
    "type": ("kind",),
    "genre": ("type", "kind"),
    "sorte": ("type", "kind"),
    "consigne": ("prompt",),
    "question": ("prompt", "questions"),
    "enonce": ("prompt",),
    "retour": ("feedback",),
    "retours": ("feedback",),
    "duree": ("duration",),
    "langue": ("language",),
    "objectif": ("goal",),
    "but": ("goal",),
    "recompense": ("rewards",),
    "recompenses": ("rewards",),
    "age": ("ages",),
    "ages": ("ages",),
    "theme": ("theme",),
    "victoire": ("victory",),
    "bilan": ("debrief",),
    "texte": ("text",),
    "nom": ("title", "label"),
    "etiquette": ("label",),
    "prerequis": ("requires",),
    "requiert": ("requires",),
    "facultatif": ("optional",),
    "optionnel": ("optional",),
    "bonus": ("optional",),
    "couverture": ("cover",),
    "evenements": ("events",),
    "glossaire": ("glossary",),
    "elements": ("items",),
    "paires": ("pairs",),
    "ordre": ("order",),
    "juste": ("correct",),
    "bonne": ("correct",),
    "correcte": ("correct",),
    "reglages": ("settings",),
    "traductions": ("translations",),
    "identifiant": ("id",),
    "cibles": ("targets",),
    "morceaux": ("fragments",),
}


def _unaccented(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def suggest_field(key: str, fields: Iterable[str]) -> str | None:
    """The field a mistyped or French key (« indices », « titre ») most likely means, among
    the fields that exist where it is written."""
    known = list(fields)
    for candidate in FRENCH_FIELDS.get(_unaccented(key), ()):
        if candidate in known and candidate != key:
            return candidate
    return suggest(key, known)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place of one file; `line` and `col` start at 1."""

    file: str
    line: int
    col: int
    code: str
    severity: Severity = field(compare=False)
    text: Text = field(compare=False)
    # The code of the error this one follows from (a knock-on effect), if any: it is listed
    # after the root causes of its file.
    follows: str | None = field(default=None, compare=False)

    @property
    def message(self) -> str:
        """The message in the source language (French)."""
        return self.text.translate()

    def render(self, translator: Translator = SOURCE) -> str:
        """`file:line:col: CODE message`, in the language of `translator`."""
        marker = ""
        if self.severity == "warning":
            marker = " " + translator.gettext(N_("avertissement :"))
        message = self.text.translate(translator)
        return f"{self.file}:{self.line}:{self.col}: {self.code}{marker} {message}"

    def to_dict(self, translator: Translator = SOURCE) -> dict[str, str | int]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "severity": self.severity,
            "message": self.text.translate(translator),
        }


def make(
    code: str,
    *,
    file: str,
    line: int,
    col: int,
    suggestion: str | None = None,
    follows: Diagnostic | None = None,
    **params: Value,
) -> Diagnostic:
    """Build the diagnostic `code` with its message's values, adding "did you mean" if any,
    and which error it follows from if it is a knock-on effect of `follows`."""
    template = MESSAGES[code]
    text = Text(template.message, tuple(params.items()))
    if suggestion is not None:
        text = T_("{message} Vouliez-vous dire « {word} » ?", message=text, word=suggestion)
    if follows is not None:
        place = f"{follows.file}:{follows.line}"
        text = T_(
            "{message} Cela découle de {code} en {place} : corrigez d'abord cette erreur.",
            message=text,
            code=follows.code,
            place=place,
        )
    cause = follows.code if follows is not None else None
    return Diagnostic(file, max(line, 1), max(col, 1), code, template.severity, text, cause)


def _order(diagnostic: Diagnostic) -> tuple[str, bool, int, int, str]:
    """By file; in a file, root causes first, then their consequences, each by position."""
    return (
        diagnostic.file,
        diagnostic.follows is not None,
        diagnostic.line,
        diagnostic.col,
        diagnostic.code,
    )


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sorted by file, root causes before the errors that follow from them, then by position,
    without repeating the same problem at the same place."""
    unique: dict[tuple[str, int, int, str, str], Diagnostic] = {}
    for diagnostic in diagnostics:
        key = (
            diagnostic.file,
            diagnostic.line,
            diagnostic.col,
            diagnostic.code,
            diagnostic.message,
        )
        unique.setdefault(key, diagnostic)
    return sorted(unique.values(), key=_order)


def cap_per_code(diagnostics: Sequence[Diagnostic], limit: int) -> list[Diagnostic]:
    """At most `limit` diagnostics of each code and file, in order; the last one shown says how
    many more of its kind follow (a file that breaks one rule a thousand times stays readable)."""
    counts: dict[tuple[str, str], int] = {}
    for diagnostic in diagnostics:
        key = (diagnostic.file, diagnostic.code)
        counts[key] = counts.get(key, 0) + 1
    kept: list[Diagnostic] = []
    shown: dict[tuple[str, str], int] = {}
    for diagnostic in diagnostics:
        key = (diagnostic.file, diagnostic.code)
        shown[key] = shown.get(key, 0) + 1
        if shown[key] < limit or (shown[key] == limit and counts[key] == limit):
            kept.append(diagnostic)
        elif shown[key] == limit:
            more = counts[key] - limit
            text = NT_(
                "{message} ({n} autre problème {code} plus loin dans ce fichier n'est pas montré.)",
                "{message} ({n} autres problèmes {code} plus loin dans ce fichier ne sont pas "
                "montrés.)",
                more,
                message=diagnostic.text,
                code=diagnostic.code,
            )
            kept.append(replace(diagnostic, text=text))
    return kept


def has_errors(diagnostics: Sequence[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)


@dataclass(frozen=True)
class Mark:
    """A 1-based position in a file."""

    line: int
    col: int


START = Mark(1, 1)


class SourceMap:
    """Where each key and value of a parsed mission was written, by `YamlPath`."""

    def __init__(self) -> None:
        self._values: dict[YamlPath, Mark] = {}
        self._keys: dict[YamlPath, Mark] = {}
        self._scalars: set[YamlPath] = set()
        self._plain_words: dict[YamlPath, str] = {}
        self._refused: set[YamlPath] = set()
        self._document = ""

    def add_document(self, text: str) -> None:
        """Keep the file's text, so that a word can be found inside a value (`word`)."""
        self._document = text
    def add_value(self, path: YamlPath, mark: Mark, *, scalar: bool) -> None:
        self._values[path] = mark
        if scalar:
            self._scalars.add(path)

    def add_key(self, path: YamlPath, mark: Mark) -> None:
        self._keys[path] = mark

    def add_plain_word(self, path: YamlPath, word: str) -> None:
        """Remember an unquoted word (like `no`) that some YAML tools would read as a boolean."""
        self._plain_words[path] = word

    def add_refused(self, path: YamlPath) -> None:
        """Mark a value already reported as unreadable, so nothing else is said about it."""
        self._refused.add(path)

    def is_refused(self, path: YamlPath) -> bool:
        return any(path[:n] in self._refused for n in range(len(path) + 1))

    def plain_word(self, path: YamlPath) -> str | None:
        return self._plain_words.get(path)

    def value(self, path: YamlPath) -> Mark:
        """Where the value at `path` starts, or its closest written ancestor."""
        while path:
            if path in self._values:
                return self._values[path]
            path = path[:-1]
        return self._values.get((), START)

    def key(self, path: YamlPath) -> Mark:
        """Where the key naming `path` is written (the value's position for list items)."""
        if path in self._keys:
            return self._keys[path]
        return self.value(path)

    def word(self, path: YamlPath, word: str, occurrence: int = 0) -> Mark:
        """Where `word` is written, for the `occurrence`-th time (from 0), inside the value at
        `path`; the value's place when it is not found there (or the file's text was not kept)."""
        start = self.value(path)
        lines = self._document.splitlines(keepends=True)
        if start.line > len(lines):
            return start
        marks = [*self._values.values(), *self._keys.values()]
        end = min(
            ((m.line, m.col) for m in marks if (m.line, m.col) > (start.line, start.col)),
            default=(len(lines) + 1, 1),
        )
        offset = sum(len(line) for line in lines[: start.line - 1]) + start.col - 1
        stop = sum(len(line) for line in lines[: end[0] - 1]) + end[1] - 1
        pattern = re.compile(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", re.IGNORECASE)
        found = list(pattern.finditer(self._document, offset, stop))
        if occurrence >= len(found):
            return start
        at = found[occurrence].start()
        line = self._document.count("\n", 0, at) + 1
        return Mark(line, at - (self._document.rfind("\n", 0, at) + 1) + 1)

    def at(self, path: YamlPath) -> Mark:
        """The best place to show a problem about `path`: the value if it is a single word,
        otherwise the key that introduces the block or list."""
        if path in self._scalars:
            return self._values[path]
        return self.key(path)


class Reporter:
    """Collects the diagnostics of one file, placing each one with the file's `SourceMap`."""

    def __init__(self, file: str, source: SourceMap) -> None:
        self.file = file
        self.source = source
        self.diagnostics: list[Diagnostic] = []

    def add(
        self,
        code: str,
        path: YamlPath,
        *,
        on_key: bool = False,
        suggestion: str | None = None,
        follows: Diagnostic | None = None,
        **params: Value,
    ) -> Diagnostic:
        mark = self.source.key(path) if on_key else self.source.at(path)
        return self.add_at(code, mark, suggestion=suggestion, follows=follows, **params)

    def add_at(
        self,
        code: str,
        mark: Mark,
        *,
        suggestion: str | None = None,
        follows: Diagnostic | None = None,
        **params: Value,
    ) -> Diagnostic:
        diagnostic = make(
            code,
            file=self.file,
            line=mark.line,
            col=mark.col,
            suggestion=suggestion,
            follows=follows,
            **params,
        )
        self.diagnostics.append(diagnostic)
        return diagnostic
