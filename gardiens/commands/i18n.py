"""`gardiens i18n extract|update|compile|check`: the translation catalogs of the interface and missions."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gardiens.i18n.catalogs import (
    Templates,
    compile_catalogs,
    coverage,
    extract_templates,
    shipped_templates,
    update_catalogs,
    write_templates,
)
from gardiens.i18n.format import format_ratio
from gardiens.i18n.interface import cli_translator
from gardiens.paths import bundled, checkout_root, locales_dir


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "i18n",
        help="catalogues de traduction : extraire, mettre à jour, compiler, vérifier",
        description="Les textes de l'interface et des missions passent par des catalogues gettext "
        "(locales/<langue>/LC_MESSAGES/*.po) : voir docs/translation.md.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    steps: tuple[tuple[str, str, Callable[[argparse.Namespace], int]], ...] = (
        ("extract", "écrire les modèles .pot (interface et une par mission)", run_extract),
        (
            "update",
            "extraire, puis fusionner dans les .po de chaque langue (phrases changées : floues)",
            run_update,
        ),
        ("compile", "compiler chaque .po en .mo (entrées floues laissées de côté)", run_compile),
        (
            "check",
            "couverture par langue et catalogue ; code 1 si une langue livrée est incomplète",
            run_check,
        ),
    )
    for name, help_text, func in steps:
        action = actions.add_parser(
            name, help=help_text, description=help_text[0].upper() + help_text[1:] + "."
        )
        action.add_argument(
            "--root",
            type=Path,
            default=None,
            help="dossier du projet, avec babel.cfg (défaut : ce dépôt)",
        )
        action.add_argument(
            "--locales", type=Path, default=None, help="dossier des catalogues (défaut : locales/)"
        )
        if name != "compile":
            action.add_argument(
                "--domain",
                action="append",
                default=None,
                metavar="CATALOGUE",
                help="seulement ce catalogue : « gardiens » (interface) ou un identifiant de mission",
            )
        if name == "check":
            action.add_argument("--lang", default=None, help="ne vérifier que cette langue")
        action.set_defaults(func=func)


def _folders(args: argparse.Namespace) -> tuple[Path | None, Path]:
    """The project's sources (None for an installed game) and its catalogs."""
    if args.root:
        return args.root, args.locales or args.root / "locales"
    return checkout_root(), args.locales or locales_dir()


def _extract(args: argparse.Namespace, _: Callable[[str], str]) -> tuple[Templates, Path]:
    root, locales = _folders(args)
    if root is not None:
        templates = extract_templates(root)
    elif args.action == "check":
        templates = shipped_templates(bundled("scenarios").parent)
    else:
        raise SystemExit(
            _(
                "Pas de sources ici : « gardiens i18n {action} » écrit les catalogues d'un projet ; "
                "indiquez son dossier avec --root."
            ).format(action=args.action)
        )
    if args.domain:
        templates.catalogs = {d: c for d, c in templates.catalogs.items() if d in args.domain}
    for problem in templates.problems:
        print(_("ignoré : {problem}").format(problem=problem), file=sys.stderr)
    return templates, locales


def run_extract(args: argparse.Namespace) -> int:
    _ = cli_translator().gettext
    templates, locales = _extract(args, _)
    for path in write_templates(templates, locales):
        print(_("écrit : {path}").format(path=path))
    return 1 if templates.problems else 0


def run_update(args: argparse.Namespace) -> int:
    _ = cli_translator().gettext
    templates, locales = _extract(args, _)
    written = write_templates(templates, locales) + update_catalogs(templates, locales)
    for path in written:
        print(_("écrit : {path}").format(path=path))
    if not written:
        print(_("Les catalogues étaient déjà à jour."))
    return 1 if templates.problems else 0


def run_compile(args: argparse.Namespace) -> int:
    translator = cli_translator()
    _ = translator.gettext
    _root, locales = _folders(args)
    for result in compile_catalogs(locales):
        if result.written:
            print(
                translator.ngettext(
                    "{path} : {n} entrée compilée",
                    "{path} : {n} entrées compilées",
                    result.compiled,
                ).format(path=result.po.with_suffix(".mo"), n=result.compiled)
            )
        for entry in result.broken:
            print(
                _(
                    "{path} : les {{champs}} de la traduction diffèrent de la source, entrée ignorée : {entry}"
                ).format(path=result.po, entry=entry),
                file=sys.stderr,
            )
    return 0


def run_check(args: argparse.Namespace) -> int:
    translator = cli_translator()
    _ = translator.gettext
    language = translator.language
    templates, locales = _extract(args, _)
    rows = [row for row in coverage(templates, locales) if args.lang in (None, row.language)]
    header = (
        _("catalogue"),
        _("langue"),
        _("traduits"),
        _("flous"),
        _("manquants"),
        _("couverture"),
    )
    print(
        f"{header[0]:<24} {header[1]:<7} {header[2]:>10} {header[3]:>6} {header[4]:>10} {header[5]:>11}"
    )
    failed = bool(templates.problems)
    for row in rows:
        if row.source:
            state = _("langue source")
            print(
                f"{row.domain:<24} {row.language:<7} {row.total:>10} {'':>6} {'':>10} {state:>11}"
            )
            continue
        done = f"{row.translated}/{row.total}"
        ratio = format_ratio(row.ratio, language)
        mark = "" if row.shipped else " " + _("(non livrée)")
        print(
            f"{row.domain:<24} {row.language:<7} {done:>10} {row.fuzzy:>6} {row.missing:>10} "
            f"{ratio:>11}{mark}"
        )
        for entry in row.broken:
            print("  " + _("{{champs}} différents de la source : {entry}").format(entry=entry))
        if row.shipped and not row.complete:
            failed = True
    if not rows:
        print(_("Aucun catalogue pour cette langue."))
        return 1
    if failed:
        print(
            _(
                "Des langues livrées sont incomplètes : lancez « gardiens i18n update », traduisez les entrées floues ou manquantes, puis « gardiens i18n compile »."
            )
        )
        return 1
    print(_("Toutes les langues livrées sont complètes."))
    return 0
