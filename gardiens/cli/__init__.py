"""The `gardiens` command: one table of sub-commands, each in a module of this package that is
imported only when it runs (`gardiens.cli.<command>`; what they share is in `steps`)."""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from types import FrameType
from typing import TYPE_CHECKING, Protocol, cast

from gardiens.core.folder_lock import FolderBusy
from gardiens.i18n.interface import N_, cli_translator

if TYPE_CHECKING:
    from gardiens.cli.steps import Gettext

# Exit status of a command refused because another process holds its data folder.
FOLDER_BUSY = 3

# Command name → its one-line help, which `gardiens --help` lists (a French message id of the
# `cli` catalog, translated when the parser is built). A command's module, `gardiens.cli.<name>`
# (see `CommandModule`), is imported only when that command runs: the kiosk starts faster.
COMMANDS: dict[str, str] = {
    "validate": N_("vérifier des fichiers de mission"),
    "schema": N_("écrire le schéma JSON des missions"),
    "list": N_("lister les missions fournies"),
    "autoplay": N_("faire jouer une mission par un robot (vérifie qu'elle se gagne)"),
    "facilitator": N_("réglages de l'animateur (code PIN du panneau)"),
    "data": N_("gérer les données gardées par la borne"),
    "stats": N_("statistiques anonymes : réussite, temps, indices, erreurs fréquentes"),
    "report": N_("fiches de débriefing imprimables (familles et animateur) d'une partie"),
    "new": N_("créer une nouvelle mission à partir d'un modèle"),
    "graph": N_("dessiner la carte d'une mission (SVG)"),
    "playtest": N_("faire jouer une mission par des robots de niveaux différents"),
    "play": N_("lancer le jeu sur la borne"),
    "console": N_("la page web de l'animateur pour toutes les bornes reliées (MQTT)"),
    "screenshot": N_("enregistrer l'image d'un écran"),
    "audit": N_("vérifier la mise en page de chaque écran et énigme"),
    "bench": N_("mesurer les performances de l'interface"),
    "soak": N_("jouer longtemps et relever la mémoire (parties complètes ou touchers au hasard)"),
    "voice": N_("préparer et vérifier la lecture à voix haute des textes d'une mission"),
    "i18n": N_("catalogues de traduction : extraire, mettre à jour, compiler, vérifier"),
}
# `list` would shadow the builtin inside this package: its module has a longer name.
MODULE_NAMES = {"list": "list_missions"}


class CommandModule(Protocol):
    """What the module of a command holds: its `--help` description, its arguments, its run."""

    DESCRIPTION: str | None
    """A French message id of the `cli` catalog (None: argparse's usage line only)."""

    def arguments(self, parser: argparse.ArgumentParser, _: Gettext) -> None:
        """Add the command's arguments (and its actions, if it has some) to its own parser."""

    def run(self, args: argparse.Namespace) -> int:
        """Do the command; the exit status."""


def command_module(name: str) -> CommandModule:
    """The module of the command `name`, imported now."""
    module = importlib.import_module(f"gardiens.cli.{MODULE_NAMES.get(name, name)}")
    return cast(CommandModule, module)


def chosen_command(argv: Sequence[str]) -> str | None:
    """The sub-command named on the command line (the top level takes no other argument);
    None when the top level's help is asked for before it (`gardiens -h play`)."""
    for arg in argv:
        if arg in ("-h", "--help"):
            return None
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser, with the full parser of `command` only (every command if "*"); the others
    are listed for `gardiens --help` only when no command is named."""
    _ = cli_translator().gettext
    parser = argparse.ArgumentParser(
        prog="gardiens",
        description=_(
            "Les Gardiens du numérique : moteur de missions d'escape game sur borne tactile."
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        if command not in (name, "*"):
            # A placeholder that lists the command in `gardiens --help`, never parsed. Once a
            # command is named, only the top level's help could show it, and that help is asked
            # before the command (see `chosen_command`): left out, as each parser argparse builds
            # looks its own messages up on disk (a few milliseconds of the kiosk's start-up).
            if command is None:
                sub.add_parser(name, help=_(help_text))
            continue
        module = command_module(name)
        description = module.DESCRIPTION and _(module.DESCRIPTION)
        one = sub.add_parser(name, help=_(help_text), description=description)
        module.arguments(one, _)
        one.set_defaults(func=module.run)
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
    try:
        parser = build_parser(chosen_command(argv))
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
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
    status = main()
    # The work is done and saved: a signal landing while Python shuts down (flushing its logs)
    # changes nothing, and must not print a traceback over the command's own result.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(status)


if __name__ == "__main__":
    run()
