"""`gardiens autoplay`: a bot plays a mission to the end, through the core or through the UI."""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

from gardiens.cli.steps import (
    NOT_FOUND_EXPLAINED,
    Gettext,
    data_dir,
    data_dir_argument,
    load,
    say,
)
from gardiens.core.autoplay import Bot
from gardiens.core.clock import ManualClock
from gardiens.core.commands import Reset
from gardiens.core.folder_lock import DataFolderLock
from gardiens.core.journal import Journal
from gardiens.core.model import AGE_BANDS, AgeBand, Mission
from gardiens.core.session import Outcome, Session
from gardiens.i18n.interface import N_, InterfaceTranslator, cli_translator
from gardiens.i18n.missions import CatalogAnswers

DESCRIPTION = N_(
    "Un robot joue la mission : quelques erreurs et indices tirés de la graine, "
    "puis les bonnes réponses. Code de sortie 0 si la mission est gagnée."
)


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    parser.add_argument(
        "mission", help=_("identifiant d'une mission fournie, ou chemin d'un scenario.yaml")
    )
    parser.add_argument("--age", choices=AGE_BANDS, default=None)
    parser.add_argument("--lang", default=None, help=_("langue de jeu (fr, en)"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--pace", type=float, default=0.0, help=_("secondes réelles entre deux actions")
    )
    data_dir_argument(parser)
    parser.add_argument(
        "--resume", action="store_true", help=_("reprendre la partie inachevée du journal")
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--ui", action="store_true", help=_("jouer à travers l'interface, au toucher")
    )


def run(args: argparse.Namespace) -> int:
    translator = cli_translator()
    _ = translator.gettext
    loaded = load(args.mission, NOT_FOUND_EXPLAINED)
    if loaded is None:
        return 1
    mission, path = loaded
    age: AgeBand = args.age or mission.ages[0]
    language: str = args.lang or mission.language
    if age not in mission.ages:
        say(
            _("la mission {mission} n'a pas la tranche d'âge {age}").format(
                mission=mission.id, age=age
            )
        )
        return 2
    if language not in (mission.language, *mission.translations):
        say(
            _("la mission {mission} n'existe pas en « {language} »").format(
                mission=mission.id, language=language
            )
        )
        return 2
    folder = data_dir(args)
    # The robot writes a session: never into the folder of a game being played.
    with DataFolderLock(folder):
        if args.ui:
            os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
            os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
            from gardiens.testing.ui_autoplay import win_through_ui

            summary = win_through_ui(
                path, age=age, language=language, data_dir=folder, seed=args.seed
            )
        else:
            summary = play_core(mission, age, language, args.seed, folder, args.resume, args.pace)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(describe(summary, translator))
    return 0 if summary.get("outcome") == Outcome.WON.value else 1


def play_core(
    mission: Mission,
    age: AgeBand,
    language: str,
    seed: int,
    data_dir: Path,
    resume: bool,
    pace: float,
) -> dict[str, Any]:
    journal = Journal.open(data_dir)
    try:
        last = max((s.last_at for s in journal.sessions()), default=0.0)
        clock = ManualClock(max(time.time(), last))
        session = Session({mission.id: mission}, journal, clock, answers=CatalogAnswers())
        if not resume and session.state.session_id is not None:
            session.handle(Reset())
        bot = Bot(mission, age, language, seed)
        for _ in range(2000):
            clock.advance(bot.think_seconds(session))
            if bot.act(session) is None:
                break
            if pace > 0:
                time.sleep(pace)
        debrief = session.debrief()
        summary: dict[str, Any] = debrief.as_dict() if debrief else {"outcome": None}
        summary["session"] = session.state.session_id
        summary["seed"] = seed
        return summary
    finally:
        journal.close()


def describe(summary: dict[str, Any], translator: InterfaceTranslator | None = None) -> str:
    translator = translator or cli_translator()
    _ = translator.gettext
    lines = [
        _("mission {mission} ({age}, {language}) : {outcome} en {seconds} s").format(
            mission=summary.get("mission"),
            age=summary.get("age"),
            language=summary.get("language"),
            outcome=summary.get("outcome"),
            seconds=summary.get("elapsed"),
        )
    ]
    for pid, p in summary.get("puzzles", {}).items():
        attempts = translator.ngettext(
            "{n} essai raté", "{n} essais ratés", p["attempts"]
        ).format(n=p["attempts"])
        hints = translator.ngettext("{n} indice", "{n} indices", p["hints"]).format(n=p["hints"])
        lines.append(f"  {pid:<20} {p['state']:<9} {attempts}  {hints}")
    return "\n".join(lines)
