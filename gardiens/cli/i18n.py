"""`gardiens i18n extract|update|compile|check`: the translation catalogs of the code and missions."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from gardiens.cli.steps import Gettext, actions, say
from gardiens.core.library import MissionNotFoundError, resolve_mission
from gardiens.i18n.catalogs import (
    Templates,
    compile_catalogs,
    coverage,
    extract_templates,
    mission_locales,
    mission_templates,
    shipped_templates,
    update_catalogs,
    write_templates,
)
from gardiens.i18n.format import format_ratio
from gardiens.i18n.interface import N_, cli_translator
from gardiens.paths import bundled, checkout_root, locales_dir

DESCRIPTION = N_(
    "Les textes de l'interface, des erreurs, de la ligne de commande et des missions "
    "passent par des catalogues gettext (locales/<langue>/LC_MESSAGES/*.po ; ceux d'une "
    "mission hors de scenarios/ sont à côté d'elle, dans <dossier>/locales/) : voir "
    "docs/translation.md."
)


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    each = actions(parser)
    steps: tuple[tuple[str, str, Callable[[argparse.Namespace], int]], ...] = (
        (
            "extract",
            N_("écrire les modèles .pot (interface, erreurs, ligne de commande, une par mission)"),
            run_extract,
        ),
        (
            "update",
            N_(
                "extraire, puis fusionner dans les .po de chaque langue (phrases changées : floues)"
            ),
            run_update,
        ),
        (
            "compile",
            N_("compiler chaque .po en .mo (entrées floues laissées de côté)"),
            run_compile,
        ),
        (
            "check",
            N_("couverture par langue et catalogue ; code 1 si une langue livrée est incomplète"),
            run_check,
        ),
    )
    for name, help_id, func in steps:
        help_text = _(help_id)
        action = each.add_parser(
            name, help=help_text, description=help_text[0].upper() + help_text[1:] + "."
        )
        action.add_argument(
            "missions",
            nargs="*",
            type=Path,
            metavar=_("MISSION"),
            help=_(
                "seulement ces missions (un dossier, un scenario.yaml ou l'identifiant d'une "
                "mission du projet) ; les catalogues d'une mission hors de scenarios/ sont à côté "
                "d'elle, dans <dossier>/locales/"
            ),
        )
        action.add_argument(
            "--root",
            type=Path,
            default=None,
            help=_("dossier du projet, avec babel.cfg (défaut : ce dépôt)"),
        )
        action.add_argument(
            "--locales",
            type=Path,
            default=None,
            help=_("dossier des catalogues (défaut : locales/)"),
        )
        if name != "compile":
            action.add_argument(
                "--domain",
                action="append",
                default=None,
                metavar=_("CATALOGUE"),
                help=_(
                    "seulement ce catalogue : « gardiens » (interface), « diagnostics » (erreurs), "
                    "« cli » (ligne de commande) ou un identifiant de mission"
                ),
            )
        if name == "check":
            action.add_argument("--lang", default=None, help=_("ne vérifier que cette langue"))
        action.set_defaults(run=func)


def run(args: argparse.Namespace) -> int:
    """The action named: `extract`, `update`, `compile` or `check`."""
    action: Callable[[argparse.Namespace], int] = args.run
    return action(args)


def _folders(args: argparse.Namespace) -> tuple[Path | None, Path]:
    """The project's sources (None for an installed game) and its catalogs."""
    if args.root:
        return args.root, args.locales or args.root / "locales"
    return checkout_root(), args.locales or locales_dir()


def _work(args: argparse.Namespace, _: Callable[[str], str]) -> list[tuple[Templates, Path]]:
    """The templates to work on, each with the folder of its catalogs: the whole project, or
    each mission named, grouped by where its catalogs live."""
    if not args.missions:
        return [_extract(args, _)]
    root, shared = _folders(args)
    groups: dict[Path, list[Path]] = {}
    for given in args.missions:
        try:
            file = resolve_mission(str(given), root=root / "scenarios" if root else None)
        except MissionNotFoundError:
            raise SystemExit(
                _("Pas de mission ici : {path} (un dossier de mission, son scenario.yaml ou un "
                  "identifiant de mission du projet).").format(path=given)
            ) from None
        groups.setdefault(mission_locales(file, root, shared), []).append(file)
    work = []
    for locales, files in groups.items():
        templates = mission_templates(files, base=root if locales == shared else None)
        for problem in templates.problems:
            say(_("ignoré : {problem}").format(problem=problem))
        work.append((templates, locales))
    return work


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
        say(_("ignoré : {problem}").format(problem=problem))
    return templates, locales


def run_extract(args: argparse.Namespace) -> int:
    _ = cli_translator().gettext
    failed = False
    for templates, locales in _work(args, _):
        for path in write_templates(templates, locales):
            print(_("écrit : {path}").format(path=path))
        failed = failed or bool(templates.problems)
    return 1 if failed else 0


def run_update(args: argparse.Namespace) -> int:
    _ = cli_translator().gettext
    failed = False
    written: list[Path] = []
    for templates, locales in _work(args, _):
        written += write_templates(templates, locales) + update_catalogs(templates, locales)
        failed = failed or bool(templates.problems)
    for path in written:
        print(_("écrit : {path}").format(path=path))
    if not written:
        print(_("Les catalogues étaient déjà à jour."))
    return 1 if failed else 0


def run_compile(args: argparse.Namespace) -> int:
    translator = cli_translator()
    _ = translator.gettext
    if args.missions:
        results = [
            result
            for templates, locales in _work(args, _)
            for result in compile_catalogs(locales, list(templates.catalogs))
        ]
    else:
        results = compile_catalogs(_folders(args)[1])
    for result in results:
        if result.written:
            print(
                translator.ngettext(
                    "{path} : {n} entrée compilée",
                    "{path} : {n} entrées compilées",
                    result.compiled,
                ).format(path=result.po.with_suffix(".mo"), n=result.compiled)
            )
        for entry in result.broken:
            say(
                _(
                    "{path} : les {{champs}} de la traduction diffèrent de la source, entrée ignorée : {entry}"
                ).format(path=result.po, entry=entry)
            )
    return 0


def run_check(args: argparse.Namespace) -> int:
    translator = cli_translator()
    _ = translator.gettext
    language = translator.language
    work = _work(args, _)
    rows = [
        row
        for templates, locales in work
        for row in coverage(templates, locales)
        if args.lang in (None, row.language)
    ]
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
    failed = any(templates.problems for templates, _locales in work)
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
