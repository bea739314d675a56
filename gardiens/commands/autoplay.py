"""`gardiens autoplay`: a bot plays a mission to the end, through the core or through the UI."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gardiens.core.autoplay import Bot
from gardiens.core.clock import ManualClock
from gardiens.core.commands import Reset
from gardiens.core.folder_lock import DataFolderLock
from gardiens.core.journal import Journal, default_data_dir
from gardiens.core.model import AGE_BANDS, AgeBand, Mission
from gardiens.core.session import Outcome, Session
from gardiens.i18n.interface import InterfaceTranslator, cli_translator


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "autoplay",
        help="faire jouer une mission par un robot (vérifie qu'elle se gagne)",
        description="Un robot joue la mission : quelques erreurs et indices tirés de la graine, "
        "puis les bonnes réponses. Code de sortie 0 si la mission est gagnée.",
    )
    parser.add_argument(
        "mission", help="identifiant d'une mission fournie, ou chemin d'un scenario.yaml"
    )
    parser.add_argument("--age", choices=AGE_BANDS, default=None)
    parser.add_argument("--lang", default=None, help="langue de jeu (fr, en)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--pace", type=float, default=0.0, help="secondes réelles entre deux actions"
    )
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument(
        "--resume", action="store_true", help="reprendre la partie inachevée du journal"
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--ui", action="store_true", help="jouer à travers l'interface, au toucher")
    parser.set_defaults(func=run)


def load_one(arg: str, _: Callable[[str], str] | None = None) -> tuple[Mission, Path] | str:
    """The mission named by `arg`, or the located errors that keep it from loading."""
    from gardiens.core.library import MissionNotFoundError, resolve_mission
    from gardiens.core.loader import load_mission

    _ = _ or cli_translator().gettext
    try:
        path = resolve_mission(arg)
    except MissionNotFoundError:
        return _(
            "mission introuvable : {arg} (un identifiant de mission fournie, ou un chemin)"
        ).format(arg=arg)
    result = load_mission(path)
    if result.mission is None or any(d.severity == "error" for d in result.diagnostics):
        return "\n".join(d.render() for d in result.diagnostics)
    return result.mission, path


def run(args: argparse.Namespace) -> int:
    translator = cli_translator()
    _ = translator.gettext
    loaded = load_one(args.mission, _)
    if isinstance(loaded, str):
        print(loaded, file=sys.stderr)
        return 1
    mission, path = loaded
    age: AgeBand = args.age or mission.ages[0]
    language: str = args.lang or mission.language
    if age not in mission.ages:
        print(
            _("la mission {mission} n'a pas la tranche d'âge {age}").format(
                mission=mission.id, age=age
            ),
            file=sys.stderr,
        )
        return 2
    if language not in (mission.language, *mission.translations):
        print(
            _("la mission {mission} n'existe pas en « {language} »").format(
                mission=mission.id, language=language
            ),
            file=sys.stderr,
        )
        return 2
    data_dir = args.data_dir or default_data_dir()
    # The robot writes a session: never into the folder of a game being played.
    with DataFolderLock(data_dir):
        if args.ui:
            os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
            os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
            from gardiens.testing.ui_autoplay import win_through_ui

            summary = win_through_ui(
                path, age=age, language=language, data_dir=data_dir, seed=args.seed
            )
        else:
            summary = play_core(
                mission, age, language, args.seed, data_dir, args.resume, args.pace
            )
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
        session = Session({mission.id: mission}, journal, clock)
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
