"""No French sentence is written in the code outside a translation marker: every text a person
reads goes through a gettext catalog (interface, diagnostics, command line)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "gardiens"

# Calls whose string arguments are message ids, extracted into a catalog and translated.
MARKERS = frozenset({"_", "N_", "T_", "NT_", "D_", "gettext", "ngettext", "pgettext", "npgettext"})

# Words only French uses; one is enough to call a literal French.
FRENCH_WORDS = frozenset(
    {
        "aucun",
        "aucune",
        "aux",
        "avec",
        "avez",
        "ces",
        "cette",
        "dans",
        "des",
        "doit",
        "dossier",
        "elle",
        "est",
        "faire",
        "fichier",
        "introuvable",
        "les",
        "mais",
        "nous",
        "pas",
        "peut",
        "pour",
        "qui",
        "sont",
        "sur",
        "une",
        "votre",
        "vous",
    }
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_ACCENTED = re.compile(r"[àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŸŒÆ]")
_PLAIN = re.compile(r"[a-zA-Z]")

# Literals that are names or typed data, not sentences shown to someone: never translated.
NOT_SENTENCES = frozenset(
    {
        "Les Gardiens du numérique",  # the project's name
        "César",  # the name drawn as the cipher's sign on the mission map
        "Français",  # a language's own name, shown to choose it
        "je ne sais pas",  # a wrong answer the autoplay bot types
        "vous",  # a value of a mission's `address` field, written so in the YAML
    }
)

def is_french(text: str) -> bool:
    """True for a literal that reads as French words (not a lone letter, symbol or alphabet)."""
    # Long runs of letters are character tables (fonts, keyboards), not words.
    words = [w for w in _WORD.findall(text) if len(w) <= 25]
    if not words or text in NOT_SENTENCES:
        return False
    for word in words:
        if (_ACCENTED.search(word) and _PLAIN.search(word)) or word.lower() in FRENCH_WORDS:
            return True
    return "«" in text or "»" in text


def _marked(tree: ast.AST) -> set[int]:
    """Ids of the string nodes that are message ids or docstrings."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in MARKERS:
                skipped.update(id(arg) for arg in node.args)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skipped.add(id(body[0].value))
    return skipped


def french_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string literal of `source` that is French and not a message id."""
    tree = ast.parse(source)
    skipped = _marked(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and is_french(node.value)
    ]


def _files() -> list[str]:
    return sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("relative", _files())
def test_no_french_outside_a_translation_marker(relative: str) -> None:
    found = french_literals((PACKAGE / relative).read_text(encoding="utf-8"))
    assert not found, "\n".join(f"gardiens/{relative}:{line}: {text!r}" for line, text in found)


@pytest.mark.parametrize(
    "line",
    [
        'print(f"Carte écrite dans {out}")',
        'print("mission introuvable : " + name)',
        'help = "fichier ou dossier"',
        "x = {'k': 'Le code doit faire de 4 à 8 chiffres'}",
        'raise ValueError(f"« {text} » refusé")',
    ],
)
def test_the_scan_finds_french(line: str) -> None:
    assert french_literals(line)


@pytest.mark.parametrize(
    "line",
    [
        'print(_("Carte écrite dans {path}").format(path=out))',
        'HELP = N_("fichier ou dossier")',
        'reason = T_("elle attend en boucle")',
        'x = NT_("{n} erreur", "{n} erreurs", n)',
        'def f():\n    """Écrit la carte."""',
        "KEYS = ['é', 'è', 'ç']",
        'GLYPHS = "àçďéğħîķļḿñöþŕšţûŵýžÅÇĎÉĞĦÎĶĻḾÑÖÞŔŠŢÛŴÝŽ"',
        'print("file not found: " + name)',
        'QUOTES = re.compile(r"«[ \\u00a0]*")',
        'PROJECT = "Les Gardiens du numérique"',
        'TABLE = "eaisnrtoludcmpévqfbghjàxèyêzçôùâûîœëïüÿkwæEAISNRTOLUD «»"',
    ],
)
def test_the_scan_leaves_markers_names_and_symbols(line: str) -> None:
    assert not french_literals(line)


def template_french(source: str) -> list[tuple[int, str]]:
    """(line, text) of each French text of a Jinja2 template written outside `_()`: its literal
    markup and the string constants not given to a translation marker."""
    from jinja2 import Environment, nodes

    tree = Environment(extensions=["jinja2.ext.i18n"]).parse(source)
    marked = {
        id(arg)
        for call in tree.find_all(nodes.Call)
        if isinstance(call.node, nodes.Name) and call.node.name in MARKERS
        for arg in call.args
    }
    found = [
        (data.lineno, text)
        for data in tree.find_all(nodes.TemplateData)
        for text in re.split(r"<[^>]*>", data.data)
        if is_french(text.strip())
    ]
    found += [
        (const.lineno, const.value)
        for const in tree.find_all(nodes.Const)
        if isinstance(const.value, str) and id(const) not in marked and is_french(const.value)
    ]
    return found


def _templates() -> list[str]:
    return sorted(
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("templates/*")
        if p.suffix in (".html", ".svg") and "{{" in p.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("relative", _templates())
def test_no_french_in_a_template_outside_a_translation_marker(relative: str) -> None:
    found = template_french((PACKAGE / relative).read_text(encoding="utf-8"))
    assert not found, "\n".join(f"gardiens/{relative}:{line}: {text!r}" for line, text in found)


@pytest.mark.parametrize(
    "line",
    [
        "<h2>Questions pour le débriefing</h2>",
        '{% set outcomes = {"won": "Mission réussie"} %}',
        '<p>{{ _("Bonjour") }} et merci pour votre visite</p>',
    ],
)
def test_the_template_scan_finds_french(line: str) -> None:
    assert template_french(line)


@pytest.mark.parametrize(
    "line",
    [
        '<h2>{{ _("Questions pour le débriefing") }}</h2>',
        '{% set outcomes = {"won": _("Mission réussie")} %}',
        '<text font-size="13">{{ row.mark }} {{ row.name }}</text>',
    ],
)
def test_the_template_scan_leaves_markers_and_values(line: str) -> None:
    assert not template_french(line)
