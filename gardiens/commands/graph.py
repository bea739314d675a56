"""`gardiens graph MISSION`: draw the mission map (puzzles, prerequisites, rewards) as SVG."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from gardiens.authoring.graph import mission_svg
from gardiens.core.library import MissionNotFoundError, resolve_mission
from gardiens.core.loader import load_mission
from gardiens.i18n.interface import InterfaceTranslator, cli_translator, diagnostics_translator


def register(subparsers: Any) -> None:
    _ = cli_translator().gettext
    parser = subparsers.add_parser(
        "graph",
        help=_("dessiner la carte d'une mission (SVG)"),
        description=_(
            "Dessine la carte d'une mission : une boîte par énigme, une flèche pour chaque "
            "« requires », les indices gagnés et le cadenas qu'ils ouvrent, l'énigme finale "
            "mise en avant et les énigmes inatteignables hachurées. Une mission qui a des "
            "erreurs est dessinée quand même si sa forme est correcte."
        ),
    )
    parser.add_argument("mission", help=_("identifiant d'une mission fournie, ou chemin"))
    parser.add_argument(
        "--out", type=Path, metavar="FILE.svg", help=_("fichier à écrire (sinon l'écran)")
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    _ = cli_translator().gettext
    try:
        path = resolve_mission(args.mission)
    except MissionNotFoundError:
        print(
            _("gardiens graph: mission introuvable : {mission}").format(mission=args.mission),
            file=sys.stderr,
        )
        return 2
    checked = load_mission(path)
    shown = diagnostics_translator()
    for diagnostic in checked.diagnostics:
        print(diagnostic.render(shown), file=sys.stderr)
    # The map helps most when lint fails (unreachable puzzles): draw any mission of valid shape.
    mission = checked.mission or load_mission(path, lint=False).mission
    if mission is None:
        return 1
    svg = mission_svg(mission, gettext=InterfaceTranslator(cli_translator().language).gettext)
    if args.out is None:
        sys.stdout.write(svg)
    else:
        out: Path = args.out
        try:
            out.write_text(svg, encoding="utf-8")
        except OSError as error:
            print(f"gardiens graph: {out}: {error.strerror or error}", file=sys.stderr)
            return 2
        print(_("Carte écrite dans {path}").format(path=out))
    return 0
