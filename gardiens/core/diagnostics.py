"""Located, coded problems found in a mission file, and the registry of their fr/en messages.

Every problem an author can meet has a stable code (GDN1xx loading, GDN2xx shape, GDN3xx lint
errors, GDN4xx lint warnings) and a message in French and English, kept together in `MESSAGES`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

Severity: TypeAlias = Literal["error", "warning"]
Lang: TypeAlias = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")

# Where a value sits in the parsed document: mapping keys and list indexes from the root.
YamlPath: TypeAlias = tuple[str | int, ...]


@dataclass(frozen=True)
class Template:
    """One kind of problem: its severity, a short title and its message in each language."""

    severity: Severity
    title_fr: str
    title_en: str
    fr: str
    en: str

    def text(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.fr

    def title(self, lang: Lang) -> str:
        return self.title_en if lang == "en" else self.title_fr


def _e(title_fr: str, title_en: str, fr: str, en: str) -> Template:
    return Template("error", title_fr, title_en, fr, en)


def _w(title_fr: str, title_en: str, fr: str, en: str) -> Template:
    return Template("warning", title_fr, title_en, fr, en)


MESSAGES: dict[str, Template] = {
    # GDN1xx: reading the file and the YAML itself.
    "GDN101": _e(
        "YAML mal écrit",
        "YAML syntax error",
        "Le fichier n'est pas du YAML correct : {detail}",
        "The file is not valid YAML: {detail}",
    ),
    "GDN102": _e(
        "clé en double",
        "duplicate key",
        "La clé « {key} » est écrite deux fois dans ce bloc (déjà ligne {first_line}) : "
        "gardez-en une seule.",
        "The key '{key}' is written twice in this block (already on line {first_line}): "
        "keep only one.",
    ),
    "GDN103": _e(
        "étiquette YAML refusée",
        "YAML tag refused",
        "L'étiquette « {tag} » n'est pas acceptée dans une mission : retirez-la. Une mission ne "
        "contient que des textes, des nombres, des listes et des blocs.",
        "The tag '{tag}' is not accepted in a mission: remove it. A mission only contains "
        "texts, numbers, lists and blocks.",
    ),
    "GDN104": _e(
        "encodage",
        "encoding",
        "Le fichier n'est pas enregistré en UTF-8 (octet {byte} illisible). Enregistrez-le en "
        "UTF-8 depuis votre éditeur.",
        "The file is not saved as UTF-8 (unreadable byte {byte}). Save it as UTF-8 from your "
        "editor.",
    ),
    "GDN105": _e(
        "fichier vide",
        "empty file",
        "Le fichier est vide : une mission commence par « id: », « title: », etc.",
        "The file is empty: a mission starts with 'id:', 'title:', and so on.",
    ),
    "GDN106": _e(
        "pas un bloc de clés",
        "not a mapping",
        "Une mission doit être un bloc de clés (« id: … », « title: … ») ; j'ai trouvé {found}.",
        "A mission must be a block of keys ('id: …', 'title: …'); found {found}.",
    ),
    "GDN107": _e(
        "nombre ambigu",
        "ambiguous number",
        '« {value} » doit être écrit entre guillemets : "{value}". Sans guillemets, d\'autres '
        "outils YAML le liraient comme un autre nombre (le zéro du début serait perdu).",
        "'{value}' must be written in quotes: \"{value}\". Without quotes, other YAML tools "
        "would read it as a different number (the leading zero would be lost).",
    ),
    "GDN108": _e(
        "oui/non au lieu de true/false",
        "yes/no instead of true/false",
        "« {value} » n'est pas compris ici : écrivez true (vrai) ou false (faux), sans guillemets.",
        "'{value}' is not understood here: write true or false, without quotes.",
    ),
    "GDN109": _e(
        "fichier illisible",
        "unreadable file",
        "Impossible de lire le fichier : {detail}",
        "Cannot read the file: {detail}",
    ),
    "GDN110": _e(
        "clé complexe",
        "complex key",
        "Une clé doit être un simple mot (comme « title »), pas une liste ni un bloc.",
        "A key must be a plain word (like 'title'), not a list or a block.",
    ),
    "GDN111": _e(
        "alias trop nombreux",
        "too many aliases",
        "Les alias (*nom) de ce fichier se répètent à l'infini ou produisent un document "
        "beaucoup trop grand : écrivez les textes directement.",
        "The aliases (*name) in this file repeat forever or make a far too large document: "
        "write the texts out directly.",
    ),
    # GDN2xx: the shape of the mission (fields, types, allowed values).
    "GDN201": _e(
        "champ inconnu",
        "unknown field",
        "Le champ « {key} » n'existe pas à cet endroit.",
        "The field '{key}' does not exist here.",
    ),
    "GDN202": _e(
        "champ manquant",
        "missing field",
        "Il manque le champ « {key} » dans ce bloc.",
        "The field '{key}' is missing from this block.",
    ),
    "GDN203": _e(
        "mauvais type",
        "wrong type",
        "Ici, il faut {expected} ; j'ai trouvé {found}.",
        "Here, {expected} is expected; found {found}.",
    ),
    "GDN204": _e(
        "valeur non prévue",
        "value not allowed",
        "« {value} » n'est pas une valeur possible ici. Valeurs possibles : {allowed}.",
        "'{value}' is not an allowed value here. Allowed values: {allowed}.",
    ),
    "GDN205": _e(
        "type d'énigme inconnu",
        "unknown puzzle type",
        "« {value} » n'est pas un type d'énigme. Types possibles : {allowed}.",
        "'{value}' is not a puzzle type. Possible types: {allowed}.",
    ),
    "GDN206": _e(
        "format incorrect",
        "invalid format",
        "« {value} » n'a pas le bon format : {rule}",
        "'{value}' does not have the right format: {rule}",
    ),
    "GDN207": _e(
        "nombre hors limites",
        "number out of range",
        "{value} est hors limites : {rule}",
        "{value} is out of range: {rule}",
    ),
    "GDN208": _e(
        "mauvaise longueur",
        "wrong length",
        "Longueur incorrecte : {rule}",
        "Wrong length: {rule}",
    ),
    "GDN209": _e(
        "règle non respectée",
        "rule not followed",
        "{detail}",
        "{detail}",
    ),
    "GDN210": _e(
        "énigme sans type",
        "puzzle without a type",
        "Cette énigme n'a pas de « type ». Ajoutez « type: » avec l'un de : {allowed}.",
        "This puzzle has no 'type'. Add 'type:' with one of: {allowed}.",
    ),
    "GDN299": _e(
        "autre problème de forme",
        "other shape problem",
        "Valeur refusée : {detail}",
        "Value refused: {detail}",
    ),
    # GDN3xx: lint errors, found once the shape is right.
    "GDN301": _e(
        "identifiant en double",
        "duplicate id",
        "L'identifiant « {id} » est déjà utilisé ligne {first_line} : chaque {what} doit avoir "
        "le sien.",
        "The id '{id}' is already used on line {first_line}: each {what} needs its own.",
    ),
    "GDN302": _e(
        "référence inconnue",
        "unknown reference",
        "« {id} » ne correspond à aucun(e) {what} de la mission.",
        "'{id}' does not match any {what} of the mission.",
    ),
    "GDN303": _e(
        "image introuvable",
        "image not found",
        "L'image « {image} » est introuvable dans le dossier de la mission.",
        "The image '{image}' is not found in the mission's folder.",
    ),
    "GDN304": _e(
        "image hors du dossier",
        "image outside the folder",
        "L'image « {image} » doit être rangée dans le dossier de la mission et écrite comme un "
        "chemin relatif (par ex. « images/fil.png »), sans « ../ » ni chemin absolu.",
        "The image '{image}' must be inside the mission's folder and written as a relative "
        "path (e.g. 'images/feed.png'), without '../' or an absolute path.",
    ),
    "GDN305": _e(
        "énigme inatteignable",
        "unreachable puzzle",
        "L'énigme « {id} » ne pourra jamais s'ouvrir : {reason}.",
        "The puzzle '{id}' can never open: {reason}.",
    ),
    "GDN306": _e(
        "mission impossible à gagner",
        "mission cannot be won",
        "La mission ne peut pas être gagnée : l'énigme finale « {id} » ne peut jamais être "
        "résolue ({reason}).",
        "The mission cannot be won: the final puzzle '{id}' can never be solved ({reason}).",
    ),
    "GDN307": _e(
        "prérequis en boucle",
        "prerequisite cycle",
        "Ces énigmes s'attendent les unes les autres en boucle : {cycle}. Aucune ne pourra "
        "s'ouvrir.",
        "These puzzles wait for each other in a loop: {cycle}. None of them can open.",
    ),
    "GDN308": _e(
        "indice jamais gagné",
        "reward never earned",
        "Le code final utilise la récompense « {id} », mais aucune autre énigme ne la donne.",
        "The final code uses the reward '{id}', but no other puzzle gives it.",
    ),
    "GDN309": _e(
        "échelle d'indices vide",
        "empty hint ladder",
        "L'énigme « {id} » n'a aucun indice pour les {age} ans : ajoutez au moins un coup de "
        "pouce.",
        "The puzzle '{id}' has no hint for ages {age}: add at least one nudge.",
    ),
    "GDN310": _e(
        "texte manquant pour une tranche d'âge",
        "text missing for an age band",
        "Il manque la version « {age} » de ce texte (la mission est prévue pour {ages}).",
        "The '{age}' version of this text is missing (the mission is meant for {ages}).",
    ),
    "GDN311": _e(
        "tranche d'âge non déclarée",
        "age band not declared",
        "Ce texte a une version « {age} », mais la mission n'est prévue que pour {ages} : "
        "ajoutez « {age} » à « ages » ou retirez cette version.",
        "This text has a '{age}' version, but the mission is only meant for {ages}: add "
        "'{age}' to 'ages' or remove this version.",
    ),
    "GDN312": _e(
        "bonnes réponses du QCM",
        "correct choices",
        "{detail}",
        "{detail}",
    ),
    "GDN313": _e(
        "aucune zone à trouver",
        "no region to find",
        "Aucune zone n'est marquée « correct: true » : l'équipe n'aurait rien à trouver.",
        "No region is marked 'correct: true': the team would have nothing to find.",
    ),
    "GDN314": _e(
        "zone hors de l'image",
        "region outside the image",
        "La zone « {id} » dépasse de l'image : il faut x + w ≤ 1 et y + h ≤ 1 "
        "(ici x + w = {right}, y + h = {bottom}).",
        "The region '{id}' goes past the image: x + w ≤ 1 and y + h ≤ 1 are needed "
        "(here x + w = {right}, y + h = {bottom}).",
    ),
    "GDN315": _e(
        "traduction dans la langue source",
        "translation into the source language",
        "« {language} » est la langue du fichier (« language ») : ne la mettez pas dans "
        "« translations ».",
        "'{language}' is the file's own language ('language'): do not list it in 'translations'.",
    ),
    "GDN316": _e(
        "mission en double",
        "duplicate mission",
        "Une autre mission a déjà l'identifiant « {id} » ({other}).",
        "Another mission already has the id '{id}' ({other}).",
    ),
    # GDN4xx: lint warnings; they do not make validation fail.
    "GDN401": _w(
        "code final écrit en clair",
        "final code written out",
        "L'énigme finale « {id} » a un code écrit en clair : d'habitude, le code final est "
        "assemblé à partir des indices gagnés (« code_from »).",
        "The final puzzle '{id}' has its code written out: usually the final code is assembled "
        "from the earned rewards ('code_from').",
    ),
    "GDN402": _w(
        "trop de messages clés",
        "too many key messages",
        "{count} messages clés pour les {age} ans : trois au plus restent en mémoire.",
        "{count} key messages for ages {age}: three at most are remembered.",
    ),
    "GDN403": _w(
        "texte très long",
        "very long text",
        "Ce texte fait {length} caractères (conseillé : {limit} au plus) : il risque de ne pas "
        "tenir à l'écran ou de décourager les jeunes lecteurs.",
        "This text is {length} characters long (advised: {limit} at most): it may not fit on "
        "the screen or may discourage young readers.",
    ),
    "GDN404": _w(
        "catégorie inutilisée",
        "unused category",
        "Aucun élément n'est à ranger dans la catégorie « {id} ».",
        "No item belongs in the category '{id}'.",
    ),
    "GDN406": _w(
        "phrase trop longue pour les 9-12 ans",
        "sentence too long for ages 9-12",
        "Une phrase de ce texte fait {count} mots : pour les 9-12 ans, {limit} au plus. "
        "Coupez-la en deux phrases.",
        "A sentence of this text has {count} words: for ages 9-12, {limit} at most. "
        "Split it in two.",
    ),
    "GDN407": _w(
        "mots peu courants pour les 9-12 ans",
        "uncommon words for ages 9-12",
        "Mots peu courants pour les 9-12 ans : {words}. Choisissez un mot plus simple, ou "
        "expliquez-le dans la mission et ajoutez-le au « glossary ».",
        "Uncommon words for ages 9-12: {words}. Pick a simpler word, or explain it in the "
        "mission and add it to the 'glossary'.",
    ),
    "GDN405": _w(
        "dossier mal nommé",
        "folder name",
        "Le dossier « {folder} » devrait porter le nom de la mission : « {id} ».",
        "The folder '{folder}' should be named after the mission: '{id}'.",
    ),
}

# Phrases that complete messages or summaries; not problems, so not in `MESSAGES`.
PHRASES: dict[str, tuple[str, str]] = {
    "did_you_mean": (" Vouliez-vous dire « {word} » ?", " Did you mean '{word}'?"),
    "warning": ("avertissement :", "warning:"),
    "or": (" ou ", " or "),
    "summary": (
        "{files} fichier(s) vérifié(s) : {errors} erreur(s), {warnings} avertissement(s).",
        "{files} file(s) checked: {errors} error(s), {warnings} warning(s).",
    ),
}


def phrase(name: str, lang: Lang, **params: object) -> str:
    fr, en = PHRASES[name]
    return (en if lang == "en" else fr).format(**params)


def quote(word: str, lang: Lang) -> str:
    return f"'{word}'" if lang == "en" else f"« {word} »"


def quote_all(words: Iterable[str], lang: Lang) -> str:
    return ", ".join(quote(w, lang) for w in words)


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate to a mistyped word, if one is close enough to be a typo."""
    pool = [c for c in candidates if c != word]
    lowered = {c.lower(): c for c in pool}
    if word.lower() in lowered:
        return lowered[word.lower()]
    found = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return found[0] if found else None


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place of one file; `line` and `col` start at 1."""

    file: str
    line: int
    col: int
    code: str
    severity: Severity = field(compare=False)
    message: str = field(compare=False)

    def render(self, lang: Lang = "fr") -> str:
        marker = f" {phrase('warning', lang)}" if self.severity == "warning" else ""
        return f"{self.file}:{self.line}:{self.col}: {self.code}{marker} {self.message}"

    def to_dict(self) -> dict[str, str | int]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }


def make(
    code: str,
    *,
    file: str,
    line: int,
    col: int,
    lang: Lang = "fr",
    suggestion: str | None = None,
    **params: object,
) -> Diagnostic:
    """Build the diagnostic `code` with its message in `lang`, adding "did you mean" if any."""
    template = MESSAGES[code]
    message = template.text(lang).format(**params)
    if suggestion is not None:
        message += phrase("did_you_mean", lang, word=suggestion)
    return Diagnostic(file, max(line, 1), max(col, 1), code, template.severity, message)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sorted by file then position, without repeating the same problem at the same place."""
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
    return sorted(unique.values())


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

    def at(self, path: YamlPath) -> Mark:
        """The best place to show a problem about `path`: the value if it is a single word,
        otherwise the key that introduces the block or list."""
        if path in self._scalars:
            return self._values[path]
        return self.key(path)


class Reporter:
    """Collects the diagnostics of one file, placing each one with the file's `SourceMap`."""

    def __init__(self, file: str, source: SourceMap, lang: Lang) -> None:
        self.file = file
        self.source = source
        self.lang: Lang = lang
        self.diagnostics: list[Diagnostic] = []

    def add(
        self,
        code: str,
        path: YamlPath,
        *,
        on_key: bool = False,
        suggestion: str | None = None,
        **params: object,
    ) -> None:
        mark = self.source.key(path) if on_key else self.source.at(path)
        self.add_at(code, mark, suggestion=suggestion, **params)

    def add_at(
        self, code: str, mark: Mark, *, suggestion: str | None = None, **params: object
    ) -> None:
        self.diagnostics.append(
            make(
                code,
                file=self.file,
                line=mark.line,
                col=mark.col,
                lang=self.lang,
                suggestion=suggestion,
                **params,
            )
        )

    def q(self, word: object) -> str:
        return quote(str(word), self.lang)

    def pick(self, fr: str, en: str) -> str:
        return en if self.lang == "en" else fr
