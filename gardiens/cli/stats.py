"""`gardiens stats`: anonymous aggregates per mission, age band and puzzle."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from gardiens.cli.steps import Gettext, data_dir, data_dir_argument, library_missions
from gardiens.core.journal import Journal
from gardiens.core.records import MissionStats, record_finished, stats
from gardiens.i18n.interface import N_, InterfaceTranslator, cli_translator
from gardiens.reports.stats import describe_stats

DESCRIPTION = N_(
    "Par mission et tranche d'âge, puis par énigme : parties, taux de réussite, "
    "temps médian, indices par énigme et erreurs les plus fréquentes."
)
CSV_COLUMNS = (
    "mission",
    "age",
    "puzzle",
    "sessions",
    "win_rate",
    "median_seconds",
    "solved_rate",
    "mean_attempts",
    "mean_hints",
    "common_wrong_answers",
)


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    parser.add_argument("--csv", action="store_true", help=_("sortie CSV (une ligne par énigme)"))
    data_dir_argument(parser)


def run(args: argparse.Namespace) -> int:
    missions = library_missions()
    journal = Journal.open(data_dir(args))
    try:
        record_finished(journal, missions)
        table = stats(journal.results())
    finally:
        journal.close()
    if args.csv:
        write_csv(table)
    else:
        # A report, like the debrief sheets: written with the interface's words.
        print(describe_stats(table, missions, InterfaceTranslator(cli_translator().language)))
    return 0


def write_csv(table: list[MissionStats]) -> None:
    writer = csv.writer(sys.stdout)
    writer.writerow(CSV_COLUMNS)
    for group in table:
        writer.writerow(
            [group.mission, group.age, "", group.sessions, group.win_rate, group.median_seconds, "", "", "", ""]
        )
        for p in group.puzzles:
            wrong = json.dumps([[w, n] for w, n in p.common_wrong], ensure_ascii=False)
            writer.writerow(
                [group.mission, group.age, p.puzzle, p.sessions, "", "", p.solved_rate, p.mean_attempts, p.mean_hints, wrong]
            )
