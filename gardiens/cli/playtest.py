"""`gardiens playtest MISSION`: bots of several skills play many times; attempts, hints, duration."""

from __future__ import annotations

import argparse
import json

from gardiens.authoring.playtest import DEFAULT_RUNS, describe, playtest
from gardiens.cli.steps import NOT_FOUND_EXPLAINED, Gettext, load
from gardiens.i18n.interface import N_, cli_translator

DESCRIPTION = N_(
    "Des robots plus ou moins à l'aise jouent la mission plusieurs fois par tranche "
    "d'âge. Le rapport donne, par énigme, les erreurs et les indices attendus, et par "
    "tranche d'âge la durée estimée (médiane et 90 % des équipes) face à la durée "
    "prévue, avec un avertissement si la mission risque d'être trop longue."
)


def _runs(text: str) -> int:
    _ = cli_translator().gettext
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("« {text} » n'est pas un nombre entier").format(text=text)
        ) from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError(_("entre 1 et 1000 parties"))
    return value


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    parser.add_argument("mission", help=_("identifiant d'une mission fournie, ou chemin"))
    parser.add_argument(
        "--runs",
        type=_runs,
        default=DEFAULT_RUNS,
        help=_("parties par tranche d'âge ({runs})").format(runs=DEFAULT_RUNS),
    )
    parser.add_argument("--seed", type=int, default=0, help=_("graine des robots (0)"))
    parser.add_argument("--json", action="store_true", help=_("rapport JSON"))


def run(args: argparse.Namespace) -> int:
    loaded = load(args.mission, NOT_FOUND_EXPLAINED)
    if loaded is None:
        return 1
    translator = cli_translator()
    report = playtest(loaded[0], runs=args.runs, seed=args.seed, translator=translator)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(describe(report, translator))
    return 0
