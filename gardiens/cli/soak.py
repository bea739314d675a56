"""`gardiens soak --sessions N | --random-minutes M [--json]`: the kiosk's memory over a long day.

Whole sessions (random mission, age, language; wrong answers, hints, pauses, text-size and
language changes) or a storm of random input, played in one process through the real interface;
the memory (RSS) sampled after each session or every few seconds, shown as a table and a curve.
Nothing is asserted: the figures are reported, beside the goals they are held to.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from gardiens.cli.steps import Gettext, window_size
from gardiens.i18n.interface import N_, cli_translator

if TYPE_CHECKING:
    from gardiens.testing.soak import Sample

DESCRIPTION = N_(
    "Joue de nombreuses parties, ou une tempête de touchers au hasard, dans un seul processus, "
    "et relève la mémoire après chacune."
)
SPARKS = "▁▂▃▄▅▆▇█"
# The goals of a kiosk open all day (MB): after one session, from the 10th session on, and over
# a storm once its first minute is past.
FIRST_SESSION_MB = 150.0
SESSIONS_GROWTH_MB = 10.0
STORM_GROWTH_MB = 30.0


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--sessions", type=int, metavar="N", help=_("parties complètes à jouer"))
    what.add_argument("--random-minutes", type=float, metavar="M",
                      help=_("minutes de touchers, glissers, touches et collages au hasard"))
    what.add_argument("--kill", type=int, metavar="N",
                      help=_("parties tuées (SIGKILL) à un moment au hasard, puis reprises : la reprise "
                             "doit retrouver l'état de la partie jouée sans arrêt"))
    parser.add_argument("--seed", type=int, default=0, help=_("graine du hasard (0 par défaut)"))
    parser.add_argument("--size", type=window_size, default=(1920, 1080),
                        help=_("taille de l'écran, LARGEURxHAUTEUR (1920x1080 par défaut)"))
    parser.add_argument("--json", action="store_true", help=_("résultat en JSON"))


def sparkline(values: list[float]) -> str:
    """The values as a line of eighth blocks, lowest to highest."""
    if not values:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    return "".join(SPARKS[min(len(SPARKS) - 1, int((v - low) / span * len(SPARKS)))] for v in values)


def growth(samples: list[Sample], first: int) -> float | None:
    """MB grown from sample `first` (1-based) to the last; None if the run did not get that far."""
    if len(samples) <= first:
        return None
    return round(samples[-1].rss_mb - samples[first - 1].rss_mb, 1)


def summary(samples: list[Sample], sessions: bool, every: float) -> dict[str, object]:
    """What the run shows, beside its goals."""
    if sessions:
        grown = growth(samples, 10)
        return {"first_mb": samples[0].rss_mb if samples else 0.0,
                "growth_from_10_mb": grown,
                "goals": {"first_within_150mb": bool(samples) and samples[0].rss_mb <= FIRST_SESSION_MB,
                          "growth_within_10mb": grown is not None and grown <= SESSIONS_GROWTH_MB}}
    after_minute = 1 + int(60 / every)
    grown = growth(samples, after_minute)
    return {"growth_after_first_minute_mb": grown,
            "goals": {"growth_within_30mb": grown is not None and grown <= STORM_GROWTH_MB}}


def show(samples: list[Sample], result: dict[str, object], sessions: bool, _: Gettext) -> None:
    """The curve as a table and a sparkline, then the figures compared to the goals."""
    head = _("partie") if sessions else _("relevé")
    print(f"{head:>8}  {'RSS MB':>8}  {_('secondes'):>9}  {_('note')}")
    for sample in samples:
        print(f"{sample.index:>8}  {sample.rss_mb:>8.1f}  {sample.seconds:>9.1f}  {sample.note}")
    values = [s.rss_mb for s in samples]
    if values:
        print()
        print(f"RSS  {min(values):.0f}–{max(values):.0f} MB  {sparkline(values)}")
    def verdict(value: object, goal: float) -> str:
        if value is None:
            return _("trop court pour le dire")
        return _("tenu") if isinstance(value, float) and value <= goal else _("NON tenu")

    print()
    if sessions:
        first = result.get("first_mb")
        print(_("Après la première partie : {mb} MB (objectif : {goal} MB au plus) — {verdict}.").format(
            mb=first, goal=FIRST_SESSION_MB, verdict=verdict(first, FIRST_SESSION_MB)))
        grown = result.get("growth_from_10_mb")
        print(_("De la partie 10 à la dernière : {mb} MB de plus (objectif : {goal} MB au plus) — {verdict}.").format(
            mb="—" if grown is None else grown, goal=SESSIONS_GROWTH_MB, verdict=verdict(grown, SESSIONS_GROWTH_MB)))
    else:
        grown = result.get("growth_after_first_minute_mb")
        print(_("Après la première minute : {mb} MB de plus (objectif : {goal} MB au plus) — {verdict}.").format(
            mb="—" if grown is None else grown, goal=STORM_GROWTH_MB, verdict=verdict(grown, STORM_GROWTH_MB)))


def run(args: argparse.Namespace) -> int:
    if args.kill is not None:
        return run_kills(args)
    from gardiens.cli.steps import library_missions
    from gardiens.core.library import load_library
    from gardiens.testing.soak import launch_kiosk, play_sessions, random_storm
    from gardiens.ui.app import headless_environment

    _ = cli_translator().gettext
    headless_environment()
    missions = library_missions()
    dirs = {mid: file.parent for mid, (_mission, file) in load_library().items() if mid in missions}
    rng = random.Random(args.seed)
    live = sys.stderr.isatty() and not args.json
    every = 10.0

    def progress(sample: Sample) -> None:
        if live:
            print(f"\r{sample.index:>5}  {sample.rss_mb:>7.1f} MB  {sample.note[:50]:<50}", end="",
                  file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="gardiens-soak-") as data:
        pilot = launch_kiosk(missions, dirs, args.size, Path(data))
        try:
            if args.sessions is not None:
                samples = play_sessions(pilot, missions, max(1, args.sessions), rng, progress)
            else:
                samples = random_storm(pilot, args.random_minutes, rng, progress, every=every)
        finally:
            pilot.close()
            pilot.app.session.journal.close()
    if live:
        print(file=sys.stderr)
    sessions = args.sessions is not None
    result = summary(samples, sessions, every)
    if args.json:
        print(json.dumps({**result, "samples": [
            {"index": s.index, "rss_mb": s.rss_mb, "seconds": s.seconds, "note": s.note,
             "caches": s.caches} for s in samples]}, indent=2))
    else:
        show(samples, result, sessions, _)
    return 0


def run_kills(args: argparse.Namespace) -> int:
    """`--kill N`: N playthroughs killed and resumed, a line each; 1 if any resumed differently."""
    from gardiens.cli.steps import library_missions
    from gardiens.core.library import load_library
    from gardiens.testing.kill import KillRound, KillRunner
    from gardiens.ui.app import headless_environment

    _ = cli_translator().gettext
    headless_environment()
    missions = library_missions()
    dirs = {mid: file.parent for mid, (_mission, file) in load_library().items() if mid in missions}
    live = sys.stderr.isatty() and not args.json

    def progress(done: KillRound) -> None:
        if live:
            mark = _("oui") if done.same else _("NON")
            print(f"\r{done.index:>4}/{args.kill}  {done.mission:<22} {mark:<4}", end="", file=sys.stderr,
                  flush=True)

    rounds = KillRunner(missions, dirs).rounds(max(1, args.kill), args.seed, on_round=progress)
    if live:
        print(file=sys.stderr)
    differing = [r for r in rounds if not r.same]

    def moment(done: KillRound) -> str:
        if done.moment.seconds is not None:
            return _("{seconds} s").format(seconds=f"{done.moment.seconds:.2f}")
        return _("événement {number}").format(number=done.moment.events)

    if args.json:
        print(json.dumps({"rounds": [
            {"round": r.index, "mission": r.mission, "team": r.team, "moment": str(r.moment),
             "accepted": r.accepted, "kept": r.kept, "total": r.total, "same": r.same,
             "differences": list(r.differences)} for r in rounds],
            "differing": len(differing)}, indent=2))
        return 1 if differing else 0
    heads = (_("tour"), _("mission"), _("tuée à"), _("événements gardés"), _("même état ?"), _("ce qui diffère"))
    print(f"{heads[0]:>5}  {heads[1]:<22} {heads[2]:>14}  {heads[3]:>18}  {heads[4]:<12} {heads[5]}")
    for r in rounds:
        kept = f"{r.kept}/{r.total}"
        same = _("oui") if r.same else _("NON")
        print(f"{r.index:>5}  {r.mission:<22} {moment(r):>14}  {kept:>18}  {same:<12} "
              f"{'; '.join(r.differences)}")
    print()
    print(_("{same} reprises sur {count} retrouvent l'état de la partie jouée sans arrêt ; {differing} diffèrent.")
          .format(same=len(rounds) - len(differing), count=len(rounds), differing=len(differing)))
    return 1 if differing else 0
