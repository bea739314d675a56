"""`gardiens play [MISSION]`: run the kiosk game (fullscreen, or in a window for development)."""

from __future__ import annotations

import argparse
import logging
import os
import signal
from pathlib import Path
from typing import Any

from gardiens.commands._ui_common import load_for_ui, window_size


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "play",
        help="lancer le jeu sur la borne",
        description="Lance le jeu en plein écran (mode borne) ; « infox » si aucune mission n'est donnée.",
    )
    parser.add_argument("mission", nargs="?", metavar="MISSION", help="identifiant, fichier ou dossier")
    parser.add_argument("--age", choices=("9-12", "13-16"), help="tranche d'âge proposée d'office")
    parser.add_argument("--lang", default="fr", help="langue de l'interface au démarrage (fr)")
    parser.add_argument("--windowed", action="store_true", help="dans une fenêtre plutôt qu'en plein écran")
    parser.add_argument("--size", type=window_size, help="taille de la fenêtre, ex. 1280x800")
    parser.add_argument("--data-dir", type=Path, help="dossier du journal des sessions")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gardiens.core.clock import SystemClock
    from gardiens.core.journal import Journal, default_data_dir
    from gardiens.core.session import Session
    from gardiens.ui.app import App

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    loaded = load_for_ui(args.mission)
    if loaded is None:
        return 1
    mission, folder = loaded
    journal = Journal.open(args.data_dir or default_data_dir())
    try:
        session = Session({mission.id: mission}, journal, SystemClock())
        fullscreen = not args.windowed
        size = args.size or ((0, 0) if fullscreen else (1920, 1080))
        # SDL turns SIGTERM into a window-close event, which a kiosk ignores; let Python handle
        # the signal instead and stop the loop cleanly so the journal is closed.
        os.environ["SDL_NO_SIGNAL_HANDLERS"] = "1"
        app = App(session, size=size, fullscreen=fullscreen, kiosk=fullscreen, language=args.lang,
                  age=args.age, mission_dirs={mission.id: folder}, default_mission=mission.id)
        signal.signal(signal.SIGTERM, lambda *_: app.stop())
        app.open()
        app.run()
        app.close()
    finally:
        journal.close()
    return 0
