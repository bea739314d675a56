"""`gardiens validate PATH...`: check mission files and folders, printing every located problem."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from gardiens.cli.steps import Gettext, say
from gardiens.core.diagnostics import Diagnostic, has_errors, make, sort_diagnostics
from gardiens.core.library import find_mission_files, scenarios_dir
from gardiens.core.loader import check_paths, describe_counts, load_mission
from gardiens.i18n.interface import N_, cli_translator, diagnostics_translator
from gardiens.i18n.missions import mission_catalog
from gardiens.i18n.pictures import untranslated_runs

PROG = "gardiens validate"

DESCRIPTION = N_(
    "Vérifie des missions (fichiers scenario.yaml ou dossiers qui en contiennent) et "
    "affiche chaque problème sous la forme FICHIER:LIGNE:COLONNE: CODE message. "
    "Code de sortie : 0 sans erreur (avertissements permis), 1 s'il y a des erreurs, "
    "2 si la commande est mal utilisée."
)


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help=_("fichier ou dossier (défaut : les missions fournies)"),
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=_("forme du rapport (text)")
    )
    parser.add_argument(
        "--lang",
        default=None,
        help=_("langue des messages (défaut : GARDIENS_LANG ou LANG, sinon fr)"),
    )


def run(args: argparse.Namespace) -> int:
    _ = cli_translator(args.lang).gettext
    shown = diagnostics_translator(args.lang)
    paths: list[Path] = list(args.paths) or [scenarios_dir()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        for path in missing:
            say(_("{prog}: « {path} » n'existe pas.").format(prog=PROG, path=path))
        return 2
    files = find_mission_files(paths)
    if not files:
        listed = ", ".join(str(p) for p in paths)
        say(
            _("{prog}: aucune mission (scenario.yaml) trouvée dans {paths}.").format(
                prog=PROG, paths=listed
            )
        )
        return 2
    checked = check_paths(files)
    # A file with errors has no mission to measure: it is not read a second time.
    refused = {d.file for d in checked if d.severity == "error"}
    loadable = [f for f in files if str(f) not in refused]
    diagnostics = sort_diagnostics([*checked, *_fit_warnings(loadable), *_picture_warnings(loadable)])
    summary = describe_counts(diagnostics, len(files)).translate(shown)
    if args.format == "json":
        errors = sum(1 for d in diagnostics if d.severity == "error")
        report = {
            "files": [str(f) for f in files],
            "errors": errors,
            "warnings": len(diagnostics) - errors,
            "diagnostics": [d.to_dict(shown) for d in diagnostics],
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for diagnostic in diagnostics:
            print(diagnostic.render(shown))
        print(summary)
    return 1 if has_errors(diagnostics) else 0


def _picture_warnings(files: list[Path]) -> list[Diagnostic]:
    """GDN420: a picture's text run that a language the mission declares has not translated."""
    found: list[Diagnostic] = []
    for file in files:
        mission = load_mission(file).mission
        if mission is None:
            continue
        for language in mission.translations:
            translations = mission_catalog(mission, language)
            for picture, line, text in untranslated_runs(file.parent, translations):
                found.append(make("GDN420", file=str(picture), line=line, col=1, text=text, language=language))
    return found


def _fit_warnings(files: list[Path]) -> list[Diagnostic]:
    """GDN409: texts too long for their place on screen even at the text floors (measured with
    the kiosk's fonts, so done here rather than in the core's lint)."""
    from gardiens.authoring.fit import Measure, fit_warnings

    measure = Measure()
    found: list[Diagnostic] = []
    for file in files:
        loaded = load_mission(file)
        if loaded.mission is not None:
            found += fit_warnings(file, loaded.mission, loaded.source, measure)
    return found
