"""`gardiens stats`: anonymous aggregates per mission, age band and puzzle."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from gardiens.cli.steps import Gettext, data_dir, data_dir_argument, library_missions
from gardiens.core.journal import Journal
from gardiens.core.records import MissionStats, record_finished, stats
from gardiens.i18n.format import format_duration, format_ratio
from gardiens.i18n.interface import N_, InterfaceTranslator, cli_translator

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
    journal = Journal.open(data_dir(args))
    try:
        record_finished(journal, library_missions())
        table = stats(journal.results())
    finally:
        journal.close()
    if args.csv:
        write_csv(table)
    else:
        print(describe(table, cli_translator()))
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


def describe(table: list[MissionStats], translator: InterfaceTranslator | None = None) -> str:
    translator = translator or cli_translator()
    _ = translator.gettext
    language = translator.language
    if not table:
        return _("Aucune partie terminée pour l'instant.")
    lines = []
    for group in table:
        median = format_duration(group.median_seconds, language) if group.median_seconds else "—"
        sessions = translator.ngettext("{n} partie", "{n} parties", group.sessions).format(
            n=group.sessions
        )
        lines.append(
            _("{mission} ({age}) : {sessions}, réussite {rate}, temps médian {median}").format(
                mission=group.mission,
                age=group.age,
                sessions=sessions,
                rate=format_ratio(group.win_rate, language),
                median=median,
            )
        )
        for p in group.puzzles:
            wrong = ", ".join(f"{w} ×{n}" for w, n in p.common_wrong) or "—"
            lines.append(
                "  "
                + _(
                    "{puzzle}  essais ratés {attempts}  indices {hints}  erreurs fréquentes : {wrong}"
                ).format(
                    puzzle=f"{p.puzzle:<20}",
                    attempts=f"{p.mean_attempts:>4}",
                    hints=f"{p.mean_hints:>4}",
                    wrong=wrong,
                )
            )
    return "\n".join(lines)
