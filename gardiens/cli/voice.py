"""`gardiens voice build|check MISSION`: render a mission's texts aloud ahead, into the kiosk's
voice cache; list those that have no audio yet."""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from gardiens.cli.steps import Gettext, actions, data_dir, data_dir_argument, load, say
from gardiens.core.model import AGE_BANDS

DESCRIPTION = None


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    chosen = actions(parser)
    build = chosen.add_parser(
        "build",
        help=_("préparer la lecture à voix haute de chaque texte d'une mission"),
        description=_(
            "Chaque texte que l'équipe lit (présentation, consignes, choix, réponses, indices, "
            "événements, débriefing) est dit par la voix réglée dans kiosk.toml et gardé dans "
            "le dossier de données ; un enregistrement donné par l'auteur (« voice: ») passe "
            "toujours avant."
        ),
    )
    check = chosen.add_parser(
        "check",
        help=_("lister les textes d'une mission qui n'ont pas encore de voix"),
    )
    for action in (build, check):
        action.add_argument("mission", metavar=_("MISSION"), help=_("identifiant ou chemin"))
        action.add_argument("--lang", default=None, help=_("une seule langue (ex. « fr »)"))
        action.add_argument("--age", choices=AGE_BANDS, default=None, help=_("une seule tranche d'âge"))
        data_dir_argument(action)
    build.add_argument(
        "--workers", type=int, default=2, help=_("textes rendus en même temps (défaut : 2)")
    )


def run(args: argparse.Namespace) -> int:
    from gardiens.core.kiosk import load_settings
    from gardiens.i18n.interface import cli_translator
    from gardiens.voice.build import build, missing
    from gardiens.voice.cache import VoiceCache
    from gardiens.voice.engines import VoiceError, engine_from
    from gardiens.voice.texts import spoken_texts

    _ = cli_translator().gettext
    loaded = load(args.mission)
    if loaded is None:
        return 2
    mission, _file = loaded
    folder = data_dir(args)
    settings, problem = load_settings(folder)
    if problem:
        say(_("réglages ignorés : {problem}").format(problem=problem))
    try:
        engine = engine_from(settings.voice)
    except VoiceError as error:
        say(str(error))
        return 2
    texts = spoken_texts(
        mission,
        languages=[args.lang] if args.lang else None,
        ages=[args.age] if args.age else None,
    )
    cache = VoiceCache(folder)
    if args.action == "check":
        absent = missing(texts, cache, engine)
        for text in absent:
            print(f"{text.language} {text.age} {text.place}: {_short(text.text)}")
        print(
            _("{missing} texte(s) sans voix sur {total}.").format(
                missing=len(absent), total=len(texts)
            )
        )
        return 1 if absent else 0
    progress = _progress if sys.stderr.isatty() else None
    results = build(texts, cache, engine, workers=args.workers, progress=progress)
    if progress is not None:
        print(file=sys.stderr)
    counts: Counter[tuple[str, str, str]] = Counter()
    seconds: dict[tuple[str, str], float] = {}
    for built in results:
        group = (built.text.language, built.text.age)
        counts[(*group, built.outcome)] += 1
        seconds[group] = seconds.get(group, 0.0) + built.seconds
        if built.error:
            say(f"{built.text.language} {built.text.age} {built.text.place}: {built.error}")
    header = (_("langue"), _("âge"), _("textes"), _("enregistrés"), _("déjà prêts"),
              _("rendus"), _("échecs"), _("durée (s)"))
    rows: list[tuple[str, ...]] = [header]
    for language, age in dict.fromkeys((t.language, t.age) for t in texts):
        found = [counts[(language, age, o)] for o in ("recorded", "cached", "rendered", "failed")]
        rows.append((language, age, str(sum(found)), *map(str, found),
                     f"{seconds.get((language, age), 0.0):.0f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return 1 if any(b.outcome == "failed" for b in results) else 0


def _short(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _progress(done: int, total: int) -> None:
    print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
