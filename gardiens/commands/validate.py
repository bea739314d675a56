"""`gardiens validate PATH...`: check mission files and folders, printing every located problem."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, cast

from gardiens.core.diagnostics import LANGS, Lang, has_errors
from gardiens.core.library import find_mission_files, scenarios_dir
from gardiens.core.loader import check_paths, describe_counts
from gardiens.i18n.interface import cli_translator, language_from_environment

PROG = "gardiens validate"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="vérifier des fichiers de mission",
        description=(
            "Vérifie des missions (fichiers scenario.yaml ou dossiers qui en contiennent) et "
            "affiche chaque problème sous la forme FICHIER:LIGNE:COLONNE: CODE message. "
            "Code de sortie : 0 sans erreur (avertissements permis), 1 s'il y a des erreurs, "
            "2 si la commande est mal utilisée."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="fichier ou dossier (défaut : les missions fournies)",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="forme du rapport (text)"
    )
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default=None,
        help="langue des messages (défaut : GARDIENS_LANG ou LANG, sinon fr)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    asked = args.lang or language_from_environment()
    lang = cast(Lang, asked if asked in LANGS else "fr")
    _ = cli_translator(lang).gettext
    paths: list[Path] = list(args.paths) or [scenarios_dir()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        for path in missing:
            print(
                _("{prog}: « {path} » n'existe pas.").format(prog=PROG, path=path),
                file=sys.stderr,
            )
        return 2
    files = find_mission_files(paths)
    if not files:
        shown = ", ".join(str(p) for p in paths)
        print(
            _("{prog}: aucune mission (scenario.yaml) trouvée dans {paths}.").format(
                prog=PROG, paths=shown
            ),
            file=sys.stderr,
        )
        return 2
    diagnostics = check_paths(files, lang=lang)
    summary = describe_counts(diagnostics, len(files), lang)
    if args.format == "json":
        errors = sum(1 for d in diagnostics if d.severity == "error")
        report = {
            "files": [str(f) for f in files],
            "errors": errors,
            "warnings": len(diagnostics) - errors,
            "diagnostics": [d.to_dict() for d in diagnostics],
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for diagnostic in diagnostics:
            print(diagnostic.render(lang))
        print(summary)
    return 1 if has_errors(diagnostics) else 0
