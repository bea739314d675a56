"""`gardiens graph MISSION`: draw the mission map (puzzles, prerequisites, rewards) as SVG."""

from __future__ import annotations

import argparse
from pathlib import Path

from gardiens.authoring.graph import mission_svg
from gardiens.cli.steps import Gettext, find_mission, say_diagnostics, write_out
from gardiens.core.loader import load_mission
from gardiens.i18n.interface import N_, InterfaceTranslator, cli_translator

DESCRIPTION = N_(
    "Dessine la carte d'une mission : une boîte par énigme, une flèche pour chaque "
    "« requires », les pièces du code gagnées et le cadenas qu'elles ouvrent, l'énigme finale "
    "mise en avant et les énigmes inatteignables hachurées. Une mission qui a des "
    "erreurs est dessinée quand même si sa forme est correcte."
)


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    parser.add_argument("mission", help=_("identifiant d'une mission fournie, ou chemin"))
    parser.add_argument(
        "--out", type=Path, metavar="FILE.svg", help=_("fichier à écrire (sinon l'écran)")
    )


def run(args: argparse.Namespace) -> int:
    path = find_mission(args.mission, N_("gardiens graph: mission introuvable : {mission}"))
    if path is None:
        return 2
    checked = load_mission(path)
    say_diagnostics(checked.diagnostics)
    # The map helps most when lint fails (unreachable puzzles): draw any mission of valid shape.
    mission = checked.mission or load_mission(path, lint=False).mission
    if mission is None:
        return 1
    language = cli_translator().language
    if not write_out(mission_svg(mission, InterfaceTranslator(language)), args.out, "gardiens graph"):
        return 2
    if args.out is not None:
        print(cli_translator().gettext("Carte écrite dans {path}").format(path=args.out))
    return 0
