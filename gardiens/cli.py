"""The `gardiens` command: one sub-command per module of `gardiens.commands`, imported when it runs."""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from types import FrameType

from gardiens.core.folder_lock import FolderBusy
from gardiens.i18n.interface import N_, cli_translator

# Exit status of a command refused because another process holds its data folder.
FOLDER_BUSY = 3

# Command name → (module of gardiens.commands exposing `register(subparsers)`, one-line help).
# Only the module of the command being run is imported (the kiosk starts faster); the help line
# here is what `gardiens --help` lists, so keep it the same as the one the module registers.
# Help lines are French message ids of the `cli` catalog, translated when the parser is built.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("validate", N_("vérifier des fichiers de mission")),
    "schema": ("schema", N_("écrire le schéma JSON des missions")),
    "list": ("list_missions", N_("lister les missions fournies")),
    "autoplay": ("autoplay", N_("faire jouer une mission par un robot (vérifie qu'elle se gagne)")),
    "facilitator": ("facilitator", N_("réglages de l'animateur (code PIN du panneau)")),
    "data": ("data", N_("gérer les données gardées par la borne")),
    "stats": ("stats", N_("statistiques anonymes : réussite, temps, indices, erreurs fréquentes")),
    "report": (
        "report",
        N_("fiches de débriefing imprimables (familles et animateur) d'une partie"),
    ),
    "new": ("new", N_("créer une nouvelle mission à partir d'un modèle")),
    "graph": ("graph", N_("dessiner la carte d'une mission (SVG)")),
    "playtest": ("playtest", N_("faire jouer une mission par des robots de niveaux différents")),
    "play": ("play", N_("lancer le jeu sur la borne")),
    "screenshot": ("screenshot", N_("enregistrer l'image d'un écran")),
    "audit": ("audit", N_("vérifier la mise en page de chaque écran et énigme")),
    "bench": ("bench", N_("mesurer les performances de l'interface")),
    "i18n": ("i18n", N_("catalogues de traduction : extraire, mettre à jour, compiler, vérifier")),
}


def chosen_command(argv: Sequence[str]) -> str | None:
    """The sub-command named on the command line (the top level takes no other argument)."""
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser, with the full parser of `command` only (every command if "*")."""
    _ = cli_translator().gettext
    parser = argparse.ArgumentParser(
        prog="gardiens",
        description=_(
            "Les Gardiens du numérique : moteur de missions d'escape game sur borne tactile."
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        if command in (name, "*"):
            importlib.import_module(f"gardiens.commands.{module}").register(sub)
        else:
            # A placeholder that lists the command in `gardiens --help`; never parsed, as an
            # argument list naming it builds the parser with the real one.
            sub.add_parser(name, help=_(help_text))
    return parser


class Stopped(KeyboardInterrupt):
    """The system asked the command to end (SIGTERM): unwound like Ctrl+C, so what must be
    saved is saved on the way out."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise Stopped


def stop_when_asked() -> None:
    """SIGTERM and SIGINT end any command. SDL would otherwise turn both into a window event
    that only `play` listens for (so `timeout gardiens screenshot …` was ignored); `play` then
    puts its own handler in place, which ends its loop after the current frame."""
    os.environ["SDL_NO_SIGNAL_HANDLERS"] = "1"
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, signal.default_int_handler)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(chosen_command(argv))
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except Stopped:
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        return 128 + signal.SIGINT
    except BrokenPipeError:
        return 0
    except FolderBusy as busy:
        print(busy_message(busy), file=sys.stderr)
        return FOLDER_BUSY


def busy_message(busy: FolderBusy) -> str:
    _ = cli_translator().gettext
    return _(
        "Le dossier de données {folder} est déjà utilisé par une partie en cours (processus "
        "{pid} : {command}). Attendez qu'elle se termine, ou choisissez un autre dossier avec "
        "--data-dir."
    ).format(folder=busy.folder, pid=busy.pid or "?", command=busy.command)


def run() -> None:
    """The console script: a process of its own, which stops when the system asks."""
    stop_when_asked()
    sys.exit(main())


if __name__ == "__main__":
    run()
