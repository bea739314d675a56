"""`gardiens screenshot MISSION --screen NAME | --puzzle ID --out FILE.png`: one screen, rendered headless."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from gardiens.cli.steps import Gettext, load, say, window_size
from gardiens.i18n.interface import N_, cli_translator

DESCRIPTION = N_("Dessine un écran du jeu sans fenêtre et l'enregistre en PNG.")
SCREEN_NAMES = ("attract", "setup", "briefing", "map", "pause", "victory", "time_up", "debrief", "questions",
                "accessibility", "accessibility-more", "hints", "feedback", "success", "why", "story", "pin", "panel", "visit", "idle",
                "journal", "journal-unopened", "learning", "learning-after", "learning-answer")


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    parser.add_argument("mission", metavar="MISSION", help=_("identifiant, fichier ou dossier"))
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--screen", choices=SCREEN_NAMES,
                       help=_("l'écran à dessiner ; pin, panel, visit, idle, journal et journal-unopened : ceux de l'animateur, sur une borne"))
    which.add_argument("--puzzle", metavar="ID", help=_("l'énigme à dessiner"))
    parser.add_argument("--age", choices=("9-12", "13-16"))
    parser.add_argument("--lang", default=None,
                        help=_("langue (celle de la mission par défaut) ; qps : pseudo-langue de test"))
    parser.add_argument("--size", type=window_size, default=(1920, 1080), help=_("ex. 1280x800"))
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.png")
    parser.add_argument("--reduced-motion", action="store_true", help=_("animations réduites (poses immobiles)"))
    parser.add_argument("--spacing", choices=("normal", "wide"), default="normal",
                        help=_("espacement du texte (wide : lettres, mots et lignes espacés)"))
    parser.add_argument("--step", type=int, choices=(0, 1, 2), default=0,
                        help=_("taille du texte choisie par l'équipe (0 : normale, 2 : la plus grande)"))


def run(args: argparse.Namespace) -> int:
    from gardiens.ui.app import headless_environment

    headless_environment()
    from gardiens.testing.pilot import Pilot, give_voice
    from gardiens.testing.scenes import KIOSK_SCREENS, SceneError, stage, stage_kiosk

    loaded = load(args.mission)
    if loaded is None:
        return 1
    mission, folder = loaded[0], loaded[1].parent
    from gardiens.i18n.pseudo import PSEUDO_LANGUAGE

    language = args.lang or mission.language
    # The pseudo-locale is shown over a session in the mission's own language.
    played = mission.language if language == PSEUDO_LANGUAGE else language
    if played not in (mission.language, *mission.translations):
        message = cli_translator().gettext("la mission {mission} n'existe pas en « {language} »")
        say(message.format(mission=mission.id, language=language))
        return 2
    age = args.age or mission.ages[0]
    from gardiens.ui.theme import Settings

    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: folder}, size=args.size,
                         language=language, age=age,
                         settings=Settings(reduced_motion=args.reduced_motion, spacing=args.spacing,
                                           text_step=args.step))
    try:
        with tempfile.TemporaryDirectory(prefix="gardiens-screenshot-") as data_dir:
            # As a kiosk with a voice shows it: the speaker button under the accessibility one.
            give_voice(pilot.app, Path(data_dir) / "voice")
            if args.screen in KIOSK_SCREENS:
                stage_kiosk(pilot, args.screen, Path(data_dir), language=played)
            else:
                stage(pilot.app, pilot.clock, screen=args.screen, puzzle=args.puzzle,  # type: ignore[arg-type]
                      age=age, language=played)
            pilot.settle()
            pilot.screenshot(args.out)
    except SceneError as error:
        say(str(error))
        return 2
    finally:
        pilot.close()
    print(args.out)
    return 0
