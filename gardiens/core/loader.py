"""Read a mission file into a validated `Mission`, reporting every problem at its line and column.

YAML is read without YAML 1.1 guessing (`0123`, `no` and `on` stay as written) and every
pydantic error is placed back on the key or value the author wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from gardiens.core.diagnostics import (
    N_,
    NT_,
    T_,
    Diagnostic,
    Mark,
    Reporter,
    SourceMap,
    Text,
    Value,
    YamlPath,
    cap_per_code,
    has_errors,
    make,
    quote_all,
    sort_diagnostics,
    suggest,
    suggest_field,
)
from gardiens.core.lint import MISSION_FILE, lint_mission
from gardiens.core.model import AGE_BANDS, PUZZLE_TYPES, Mission

__all__ = [
    "LoadResult",
    "MissionYamlLoader",
    "SourceMap",
    "check_paths",
    "describe_counts",
    "load_mission",
    "load_mission_bytes",
    "parse_mission",
]

_PLAIN = "gardiens:plain"
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

# YAML 1.2 core schema, minus the integers with a leading zero (see _AMBIGUOUS_NUMBER).
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")
# Numbers other YAML tools read differently: 0123 is 83 (octal) in YAML 1.1, 123 in 1.2.
_AMBIGUOUS_NUMBER = re.compile(r"[-+]?0[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|0b[01]+")
# Words YAML 1.1 reads as booleans; kept as text, but refused where a boolean is expected.
_BOOLEAN_WORDS = frozenset({"yes", "no", "on", "off", "y", "n"})

# Aliases are expanded when building the data; this bounds how many nodes they may repeat
# (the nodes written once in the file are bounded by the file's size, not by this).
MAX_ALIAS_NODES = 50_000
# A mission is a few dozen kilobytes; past this size the file is refused before it is read, so
# that nothing on the kiosk or in `validate` spends long on it.
MAX_FILE_BYTES = 1_000_000
# Past this many problems of one kind in a file, the rest are counted, not listed.
MAX_SHOWN_PER_CODE = 20

# PyYAML's own explanations, reworded for people who do not write YAML every day.
_YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        N_(
            "un « : » de trop sur cette ligne, ou une ligne mal décalée. Si le texte contient "
            "« : », mettez-le entre guillemets."
        ),
    ),
    (
        "'\\t'",
        N_("une tabulation : décalez les lignes avec des espaces."),
    ),
    (
        "found unexpected end of stream",
        N_("un guillemet ouvert n'est jamais refermé."),
    ),
    (
        "expected ',' or ']'",
        N_("un crochet « [ » n'est pas refermé."),
    ),
    (
        "expected ',' or '}'",
        N_("une accolade « {{ » n'est pas refermée."),
    ),
    (
        "expected <block end>",
        N_("le décalage de cette ligne ne correspond pas aux lignes du dessus."),
    ),
    (
        "could not find expected ':'",
        N_("il manque « : » après une clé, ou une ligne est mal décalée."),
    ),
    (
        "did not find expected key",
        N_("le décalage de cette ligne ne correspond pas aux lignes du dessus."),
    ),
    (
        "found another document",
        N_("le fichier contient plusieurs documents (« --- ») : une seule mission par fichier."),
    ),
    (
        "unknown escape character",
        N_("un « \\ » dans un texte entre guillemets doubles : utilisez des guillemets simples."),
    ),
    (
        "found undefined alias",
        N_("un alias « *nom » est utilisé sans ancre « &nom » au-dessus."),
    ),
    (
        "cannot start any token",
        N_("ce caractère ne peut pas commencer une valeur : mettez le texte entre guillemets."),
    ),
)


class MissionYamlLoader(yaml.SafeLoader):
    """SafeLoader that leaves plain scalars untyped so `_Builder` resolves them by YAML 1.2 core.

    Plain scalars get the private tag `gardiens:plain`; quoted ones keep `!!str`; any other tag
    on a node was written by the author and is refused.
    """

    yaml_implicit_resolvers: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}  # noqa: RUF012

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0]:
            return _PLAIN
        return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]


# libyaml reads a file about twenty times faster than PyYAML's Python reader; its nodes, tags
# and marks are the same. The Python reader stays the one that explains a broken file, since
# its messages are the ones reworded in _YAML_PROBLEMS.
_FastLoader: type[yaml.CSafeLoader] | None = None
if yaml.__with_libyaml__:

    class _CMissionLoader(yaml.CSafeLoader):
        yaml_implicit_resolvers: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}  # noqa: RUF012

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is yaml.ScalarNode and implicit[0]:
                return _PLAIN
            return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]

    _FastLoader = _CMissionLoader


def _compose(text: str) -> yaml.Node | None:
    """The node tree of `text`; a YAML error is raised by the Python reader, with its words."""
    if _FastLoader is not None:
        try:
            return yaml.compose(text, Loader=_FastLoader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=MissionYamlLoader)


@dataclass
class LoadResult:
    """A mission file once read: the mission if it has no error, and every diagnostic."""

    path: Path
    mission: Mission | None
    diagnostics: list[Diagnostic]
    source: SourceMap = field(default_factory=SourceMap)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def _show_tag(tag: str) -> str:
    return (
        "!!" + tag.removeprefix("tag:yaml.org,2002:")
        if tag.startswith("tag:yaml.org,2002:")
        else tag
    )


class _TooLarge(Exception):
    """The document's aliases repeat more than `MAX_ALIAS_NODES` nodes."""


class _Builder:
    """Turns a composed node tree into plain data, filling a `SourceMap` and loading problems."""

    def __init__(self, report: Reporter) -> None:
        self.report = report
        self.source = report.source
        # Nodes met once are the file's own text; a node met again was reached through an
        # alias, and only those repetitions count towards an alias explosion.
        self.seen: set[int] = set()
        self.repeated = 0
        self.open: set[int] = set()

    def build(self, node: yaml.Node, path: YamlPath) -> Any:
        key = id(node)
        if key in self.seen:
            self.repeated += 1
            if self.repeated > MAX_ALIAS_NODES:
                raise _TooLarge
        else:
            self.seen.add(key)
        if key in self.open:
            self.report.add_at("GDN111", _mark(node))
            return None
        if not self._check_tag(node):
            self.source.add_refused(path)
        self.source.add_value(path, _mark(node), scalar=isinstance(node, yaml.ScalarNode))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        self.open.add(key)
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        finally:
            self.open.discard(key)

    def _check_tag(self, node: yaml.Node) -> bool:
        allowed = {
            yaml.ScalarNode: (_PLAIN, _STR),
            yaml.SequenceNode: (_SEQ,),
            yaml.MappingNode: (_MAP,),
        }[type(node)]
        if node.tag in allowed:
            return True
        # The node is still read as if untagged, so one bad tag gives one message.
        self.report.add_at("GDN103", _mark(node), tag=_show_tag(node.tag))
        return False

    def _scalar(self, node: yaml.ScalarNode, path: YamlPath) -> Any:
        text: str = node.value
        if node.tag != _PLAIN:
            return text
        if text in _NULL:
            return None
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        if _INT.fullmatch(text):
            return int(text)
        if _AMBIGUOUS_NUMBER.fullmatch(text):
            self.report.add_at("GDN107", _mark(node), value=text)
            return text
        if _FLOAT.fullmatch(text):
            return float(text)
        if _INF.fullmatch(text):
            return float("-inf") if text.startswith("-") else float("inf")
        if _NAN.fullmatch(text):
            return float("nan")
        if text.lower() in _BOOLEAN_WORDS:
            self.source.add_plain_word(path, text)
        return text

    def _mapping(self, node: yaml.MappingNode, path: YamlPath) -> dict[str, Any]:
        data: dict[str, Any] = {}
        first_seen: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.report.add_at("GDN110", _mark(key_node))
                continue
            self._check_tag(key_node)
            key = str(key_node.value)
            if key in first_seen:
                self.report.add_at(
                    "GDN102", _mark(key_node), key=key, first_line=first_seen[key].line
                )
                continue
            first_seen[key] = _mark(key_node)
            self.source.add_key((*path, key), _mark(key_node))
            data[key] = self.build(value_node, (*path, key))
        return data


def _yaml_detail(error: yaml.YAMLError) -> Value:
    if isinstance(error, yaml.reader.ReaderError):
        # An invisible control character (often pasted from a word processor or a PDF):
        # PyYAML's own words are English and do not say what to do.
        code = f"U+{error.character:04X}" if isinstance(error.character, int) else "?"
        return T_(
            "un caractère invisible ({code}) que YAML refuse : effacez-le (il vient souvent d'un "
            "texte copié depuis un autre logiciel) ou retapez ce mot.",
            code=code,
        )
    problem = str(getattr(error, "problem", None) or error)
    for needle, explained in _YAML_PROBLEMS:
        if needle in problem:
            return T_(explained)
    return problem


def _error_mark(error: yaml.YAMLError, text: str) -> Mark:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        return Mark(mark.line + 1, mark.column + 1)
    position = getattr(error, "position", None)
    if isinstance(position, int):
        before = text[:position]
        return Mark(before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1)
    return Mark(1, 1)


def _decode(raw: bytes, report: Reporter) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        col = error.start - (before.rfind(b"\n") + 1) + 1
        report.add_at("GDN104", Mark(line, col), byte=f"0x{raw[error.start]:02X}")
        return None


_KIND_WORDS: dict[str, str] = {
    "list": N_("une liste"),
    "dict": N_("un bloc de clés"),
    "none": N_("une valeur vide"),
    "bool": N_("un vrai/faux"),
    "number": N_("un nombre"),
    "text": N_("un texte"),
}


def _kind_word(value: Any) -> Text:
    if isinstance(value, list):
        kind = "list"
    elif isinstance(value, dict):
        kind = "dict"
    elif value is None:
        kind = "none"
    elif isinstance(value, bool):
        kind = "bool"
    elif isinstance(value, int | float):
        kind = "number"
    else:
        kind = "text"
    return T_(_KIND_WORDS[kind])


def parse_yaml(text: str, report: Reporter) -> Any:
    """The data of a YAML document, or None after reporting why it could not be read."""
    report.source.add_document(text)
    try:
        root = _compose(text)
    except yaml.YAMLError as error:
        report.add_at("GDN101", _error_mark(error, text), detail=_yaml_detail(error))
        return None
    except RecursionError:
        report.add_at("GDN111", Mark(1, 1))
        return None
    if root is None:
        report.add_at("GDN105", Mark(1, 1))
        return None
    builder = _Builder(report)
    try:
        data = builder.build(root, ())
    except (_TooLarge, RecursionError):
        report.add_at("GDN111", _mark(root))
        return None
    if not isinstance(data, dict):
        report.add_at("GDN106", _mark(root), found=_kind_word(data))
        return None
    return data


# --- pydantic errors, placed back on the YAML ---------------------------------------------


@dataclass
class _Placed:
    """A pydantic error once its `loc` has been followed through the data."""

    error: ErrorDetails
    path: YamlPath
    value: Any
    unions: list[tuple[YamlPath, str, Any]]
    on_key: bool
    rest: list[str | int]


def _is_union_member(elem: str) -> bool:
    return (
        elem in {"str", "int", "float", "bool", "none"}
        or elem.startswith("constrained-")
        or "[" in elem
    )


def _place(error: ErrorDetails, data: Any) -> _Placed:
    current = data
    path: YamlPath = ()
    unions: list[tuple[YamlPath, str, Any]] = []
    on_key = False
    rest: list[str | int] = []
    tag_skipped: YamlPath | None = None
    for elem in error["loc"]:
        if elem == "[key]":
            on_key = True
            continue
        if rest:
            rest.append(elem)
            continue
        if isinstance(current, dict) and isinstance(elem, str):
            # A discriminated union puts the puzzle's `type` in the loc before its fields.
            if tag_skipped != path and current.get("type") == elem:
                tag_skipped = path
                continue
            if elem in current:
                current = current[elem]
                path = (*path, elem)
                continue
        if isinstance(current, list) and isinstance(elem, int) and 0 <= elem < len(current):
            current = current[elem]
            path = (*path, elem)
            continue
        if isinstance(elem, str) and _is_union_member(elem):
            unions.append((path, elem, current))
            continue
        rest.append(elem)
    return _Placed(error, path, current, unions, on_key, rest)


def _member_kind(tag: str) -> str:
    if tag.startswith(("list[", "tuple[", "set[")):
        return "list"
    if tag.startswith("dict["):
        return "dict"
    return "scalar"


def _value_kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "dict"
    return "scalar"


def _expected_for_members(tags: Iterable[str]) -> Text:
    bands = quote_all(AGE_BANDS)
    kinds = {_member_kind(t) if _member_kind(t) != "scalar" else t for t in tags}
    if "str" in kinds and "dict" in kinds:
        return T_("un texte, ou un texte par tranche d'âge ({bands})", bands=bands)
    if "list" in kinds and "dict" in kinds:
        return T_(
            "une liste de textes (lignes commençant par « - »), ou une liste par tranche "
            "d'âge ({bands})",
            bands=bands,
        )
    if "dict" in kinds:
        return T_("un nombre entier, ou un nombre par tranche d'âge ({bands})", bands=bands)
    return T_("une valeur d'un autre genre")


_EXPECTED_BY_TYPE: dict[str, str] = {
    "string_type": N_("un texte"),
    "int_type": N_("un nombre entier"),
    "int_parsing": N_("un nombre entier"),
    "int_from_float": N_("un nombre entier (sans virgule)"),
    "float_type": N_("un nombre"),
    "float_parsing": N_("un nombre"),
    "bool_type": N_("true ou false (sans guillemets)"),
    "bool_parsing": N_("true ou false (sans guillemets)"),
    "list_type": N_("une liste (lignes commençant par « - »)"),
    "tuple_type": N_("une liste (lignes commençant par « - »)"),
    "dict_type": N_("un bloc de clés (« clé: valeur »)"),
    "model_type": N_("un bloc de clés (« clé: valeur »)"),
    "model_attributes_type": N_("un bloc de clés (« clé: valeur »)"),
}

_PATTERN_RULES: dict[str, str] = {
    r"^[a-z0-9][a-z0-9_-]{0,63}$": N_(
        "un identifiant s'écrit en lettres minuscules sans accent, chiffres, « - » ou « _ » "
        "(ex. « fil-actu »)."
    ),
    r"^[0-9]{1,8}$": N_("un code s'écrit avec 1 à 8 chiffres."),
    r"^[a-z]{2,3}$": N_(
        "un code de langue s'écrit en 2 ou 3 lettres minuscules (ex. « fr », « en »)."
    ),
}

_MODEL_RULES: tuple[tuple[str, str], ...] = (
    (
        "exactly one of",
        N_(
            "Un cadenas à code a besoin soit de « code » (le code écrit en chiffres), soit de "
            "« code_from » (les récompenses qui le composent) : l'un des deux, pas les deux."
        ),
    ),
    (
        "one trigger",
        N_(
            "Un événement a besoin d'un seul déclencheur : « after_solved » (après N énigmes), "
            "« time_left » (quand il reste N secondes) ou « on_solved » (à une énigme donnée)."
        ),
    ),
    (
        "more than the puzzles listed",
        N_("« at_least » ne peut pas dépasser le nombre d'énigmes nommées dans « of »."),
    ),
    (
        "at least one reward",
        N_("« code_from » doit nommer au moins une récompense."),
    ),
)


def _unwrap(tp: Any) -> Any:
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return tp


def _is_union(tp: Any) -> bool:
    origin = get_origin(tp)
    return origin is Union or (
        origin is not None and getattr(origin, "__name__", "") == "UnionType"
    )


def _model_at(loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc` (a pydantic loc, tags included)."""
    tp: Any = Mission
    index = 0
    while index < len(loc) or _is_union(_unwrap(tp)):
        tp = _unwrap(tp)
        elem = loc[index] if index < len(loc) else None
        if _is_union(tp):
            members = [_unwrap(m) for m in get_args(tp) if m is not type(None)]
            chosen = [
                m
                for m in members
                if isinstance(m, type)
                and issubclass(m, BaseModel)
                and "type" in m.model_fields
                and elem in get_args(m.model_fields["type"].annotation)
            ]
            if chosen:
                tp, index = chosen[0], index + 1
            elif len(members) == 1:
                tp = members[0]
            elif isinstance(elem, str) and _is_union_member(elem):
                # Plain unions name their member in the loc: "list[...]", "dict[...]", "str".
                name = elem.split("[")[0]
                matches = [
                    m for m in members if getattr(get_origin(m) or m, "__name__", "") == name
                ]
                if not matches:
                    return None
                tp, index = matches[0], index + 1
            else:
                return None
            continue
        if elem is None:
            break
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if not isinstance(elem, str) or elem not in tp.model_fields:
                return None
            tp = tp.model_fields[elem].annotation
        elif get_origin(tp) in (list, tuple) and isinstance(elem, int):
            args = get_args(tp)
            tp = args[elem] if get_origin(tp) is tuple and elem < len(args) else args[0]
        elif get_origin(tp) is dict:
            tp = get_args(tp)[1]
        else:
            return None
        index += 1
    tp = _unwrap(tp)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _allowed_values(error: ErrorDetails) -> list[str]:
    expected = str(error.get("ctx", {}).get("expected", ""))
    return re.findall(r"'([^']*)'", expected)


_BOUND_RULES: dict[str, str] = {
    "greater_than_equal": N_("il faut au moins {ge}."),
    "greater_than": N_("il faut plus que {gt}."),
    "less_than_equal": N_("il faut au plus {le}."),
    "less_than": N_("il faut moins que {lt}."),
}


def _bound_rule(error: ErrorDetails) -> Text:
    ctx = error.get("ctx", {})
    template = _BOUND_RULES[error["type"]]
    return T_(template, **{name: str(value) for name, value in ctx.items()})


def _length_rule(error: ErrorDetails) -> Text:
    ctx = error.get("ctx", {})
    kind = error["type"]
    if kind == "too_short":
        return NT_(
            "il faut au moins {n} élément.", "il faut au moins {n} éléments.", ctx["min_length"]
        )
    if kind == "too_long":
        return NT_("au plus {n} élément.", "au plus {n} éléments.", ctx["max_length"])
    if kind == "string_too_short":
        return NT_(
            "le texte doit avoir au moins {n} caractère.",
            "le texte doit avoir au moins {n} caractères.",
            ctx["min_length"],
        )
    return NT_(
        "le texte doit avoir au plus {n} caractère.",
        "le texte doit avoir au plus {n} caractères.",
        ctx["max_length"],
    )


def _report_placed(placed: _Placed, report: Reporter) -> None:
    error, path = placed.error, placed.path
    kind = error["type"]
    value = placed.value
    if kind == "missing":
        name = placed.rest[-1] if placed.rest else "?"
        if isinstance(name, int):
            rule = T_("il manque l'élément n°{number}.", number=name + 1)
            report.add("GDN208", path, rule=rule)
        else:
            report.add("GDN202", path, key=name)
    elif kind == "extra_forbidden":
        key = str(path[-1]) if path else "?"
        loc = tuple(error["loc"])
        model = _model_at(loc[:-1])
        suggestion = None
        if model is not None:
            suggestion = suggest_field(key, list(model.model_fields))
        report.add("GDN201", path, on_key=True, suggestion=suggestion, key=key)
    elif kind == "union_tag_invalid":
        tag = str(error.get("ctx", {}).get("tag", value))
        report.add(
            "GDN205",
            (*path, "type"),
            suggestion=suggest(tag, PUZZLE_TYPES),
            value=tag,
            allowed=quote_all(PUZZLE_TYPES),
        )
    elif kind == "union_tag_not_found":
        report.add("GDN210", path, allowed=quote_all(PUZZLE_TYPES))
    elif kind == "literal_error":
        allowed = _allowed_values(error)
        shown = str(path[-1]) if placed.on_key and path else str(value)
        report.add(
            "GDN204",
            path,
            on_key=placed.on_key,
            suggestion=suggest(shown, allowed),
            value=shown,
            allowed=quote_all(allowed),
        )
    elif kind in {"bool_type", "bool_parsing"} and report.source.plain_word(path) is not None:
        report.add("GDN108", path, value=str(report.source.plain_word(path)))
    elif kind in _EXPECTED_BY_TYPE:
        report.add("GDN203", path, expected=T_(_EXPECTED_BY_TYPE[kind]), found=_kind_word(value))
    elif kind == "string_pattern_mismatch":
        pattern = str(error.get("ctx", {}).get("pattern", ""))
        rule = (
            T_(_PATTERN_RULES[pattern])
            if pattern in _PATTERN_RULES
            else T_("motif attendu {pattern}", pattern=pattern)
        )
        report.add("GDN206", path, value=value, rule=rule)
    elif kind in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        report.add("GDN207", path, value=value, rule=_bound_rule(error))
    elif kind in {"too_short", "too_long", "string_too_short", "string_too_long"}:
        report.add("GDN208", path, rule=_length_rule(error))
    elif kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        detail: Value = next(
            (T_(explained) for needle, explained in _MODEL_RULES if needle in message), message
        )
        report.add("GDN209", path, detail=detail)
    else:
        report.add("GDN299", path, detail=error["msg"])


def _report_validation(error: ValidationError, data: Any, report: Reporter) -> None:
    placed = [_place(e, data) for e in error.errors(include_url=False)]
    placed = [p for p in placed if not report.source.is_refused(p.path)]
    # A typo in a key gives both "unknown field" and "missing field": keep the first only,
    # since it already names the right field.
    typos = set()
    for item in placed:
        if item.error["type"] == "extra_forbidden" and item.path:
            model = _model_at(tuple(item.error["loc"])[:-1])
            if model is not None:
                guess = suggest_field(str(item.path[-1]), list(model.model_fields))
                if guess is not None:
                    typos.add((item.path[:-1], guess))
    placed = [
        p
        for p in placed
        if not (p.error["type"] == "missing" and p.rest and (p.path, p.rest[-1]) in typos)
    ]
    # pydantic reports one error per member of a union: keep only the members that match
    # the kind of value written (a list, a block, a single value).
    branch_fits: dict[YamlPath, bool] = {}
    members: dict[YamlPath, list[str]] = {}
    kept: list[_Placed] = []
    for item in placed:
        fits = True
        for upath, tag, uvalue in item.unions:
            fit = _member_kind(tag) == _value_kind(uvalue)
            members.setdefault(upath, []).append(tag)
            if fits:
                branch_fits[upath] = branch_fits.get(upath, False) or fit
            fits = fits and fit
        if fits:
            kept.append(item)
    for item in kept:
        _report_placed(item, report)
    for upath, fits_somewhere in branch_fits.items():
        if not fits_somewhere:
            found = next(u for p in placed for (pp, _, u) in p.unions if pp == upath)
            report.add(
                "GDN203",
                upath,
                expected=_expected_for_members(members[upath]),
                found=_kind_word(found),
            )


def parse_mission(raw: bytes, report: Reporter) -> Mission | None:
    """Decode, parse and shape-check the bytes of a mission file; the mission if its shape is
    valid. Loading and shape problems go to `report` (lint is not run)."""
    if len(raw) > MAX_FILE_BYTES:
        report.add_at(
            "GDN112", Mark(1, 1), size=len(raw) // 1000, limit=MAX_FILE_BYTES // 1000
        )
        return None
    text = _decode(raw, report)
    if text is None:
        return None
    data = parse_yaml(text, report)
    if data is None:
        return None
    try:
        return Mission.model_validate(data)
    except ValidationError as error:
        _report_validation(error, data, report)
        return None


def load_mission_bytes(
    raw: bytes,
    *,
    file: str,
    folder: Path | None = None,
    lint: bool = True,
) -> LoadResult:
    """Like `load_mission` for content already in memory; `file` names it in diagnostics and
    `folder` is where its images are looked for (image checks are skipped without it)."""
    report = Reporter(file, SourceMap())
    mission = parse_mission(raw, report)
    if mission is not None:
        mission.read_from(folder)
    if mission is not None and lint:
        report.diagnostics.extend(
            lint_mission(mission, file=file, source=report.source, folder=folder)
        )
    diagnostics = cap_per_code(sort_diagnostics(report.diagnostics), MAX_SHOWN_PER_CODE)
    return LoadResult(
        path=Path(file),
        mission=mission if not has_errors(diagnostics) else None,
        diagnostics=diagnostics,
        source=report.source,
    )


def load_mission(path: Path, *, lint: bool = True, display: str | None = None) -> LoadResult:
    """Read, shape-check and (by default) lint one mission file.

    `mission` is set only when no error was found; warnings are allowed. `display` is how the
    file is named in diagnostics (the path as given by default).
    """
    file = display if display is not None else str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        report = Reporter(file, SourceMap())
        report.add_at("GDN109", Mark(1, 1), detail=error.strerror or str(error))
        return LoadResult(path=path, mission=None, diagnostics=report.diagnostics)
    result = load_mission_bytes(raw, file=file, folder=path.parent, lint=lint)
    result.path = path
    return result


def find_mission_files(paths: Iterable[Path]) -> list[Path]:
    """Files given as such, plus every `scenario.yaml` below the folders given, in order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob(MISSION_FILE) if p.is_file()))
        else:
            files.append(path)
    unique: dict[Path, None] = dict.fromkeys(files)
    return list(unique)


def check_paths(paths: Iterable[Path]) -> list[Diagnostic]:
    """Load and lint every mission file among `paths` (folders are searched for
    `scenario.yaml`); all diagnostics, sorted by file and line."""
    diagnostics: list[Diagnostic] = []
    seen: dict[str, Path] = {}
    for file in find_mission_files(paths):
        result = load_mission(file)
        diagnostics.extend(result.diagnostics)
        mission = result.mission
        if mission is None:
            continue
        if mission.id in seen:
            mark = result.source.at(("id",))
            diagnostics.append(
                make(
                    "GDN316",
                    file=str(file),
                    line=mark.line,
                    col=mark.col,
                    id=mission.id,
                    other=str(seen[mission.id]),
                )
            )
        else:
            seen[mission.id] = file
    return sort_diagnostics(diagnostics)


def describe_counts(diagnostics: Sequence[Diagnostic], files: int) -> Text:
    """The one-line summary printed after a check, translated when shown."""
    errors = sum(1 for d in diagnostics if d.severity == "error")
    warnings = len(diagnostics) - errors
    # Real plural forms: French puts 0 and 1 in the singular, English only 1.
    return T_(
        "{files} : {errors}, {warnings}.",
        files=NT_("{n} fichier vérifié", "{n} fichiers vérifiés", files),
        errors=NT_("{n} erreur", "{n} erreurs", errors),
        warnings=NT_("{n} avertissement", "{n} avertissements", warnings),
    )
