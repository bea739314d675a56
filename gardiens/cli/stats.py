"""`gardiens stats`: anonymous aggregates per mission, age band and puzzle, as text, CSV or an
educator's HTML page."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Mapping
from pathlib import Path

from gardiens.cli.steps import (
    Gettext,
    data_dir,
    data_dir_argument,
    library_missions,
    read_journal,
    say,
)
from gardiens.core.journal import Journal
from gardiens.core.kiosk import load_settings
from gardiens.core.model import Mission
from gardiens.core.records import figures, record_finished, stats, uninstalled
from gardiens.i18n.interface import N_, InterfaceTranslator, cli_translator
from gardiens.reports.dashboard import dashboard_csv, render_dashboard, uninstalled_notes
from gardiens.reports.stats import describe_stats
from gardiens.reports.xapi import Export, as_jsonl, export_statements
from gardiens.reports.xapi_send import send_statements

DESCRIPTION = N_(
    "Par mission et tranche d'âge, puis par énigme : parties, taux de réussite, "
    "temps médian, indices par énigme et erreurs les plus fréquentes."
)


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--csv", action="store_true", help=_("sortie CSV (une ligne par énigme)"))
    output.add_argument(
        "--html",
        type=Path,
        metavar="OUT",
        help=_("page HTML autonome pour les équipes éducatives (un fichier, ou un dossier)"),
    )
    output.add_argument(
        "--xapi",
        type=Path,
        metavar="OUT",
        help=_("déclarations xAPI anonymes, une par ligne (JSON Lines), envoyées au LRS de "
               "kiosk.toml s'il y en a un"),
    )
    parser.add_argument("--lang", default=None, help=_("langue du rapport (fr, en…)"))
    data_dir_argument(parser)


def run(args: argparse.Namespace) -> int:
    _ = cli_translator().gettext
    language = args.lang or cli_translator().language
    missions = library_missions()
    folder = data_dir(args)
    if args.xapi is not None:
        return export_xapi(args.xapi, folder, missions)
    if folder.exists() and not folder.is_dir():
        say(_("{folder} n'est pas un dossier de données.").format(folder=folder))
        return 1

    def read(journal: Journal) -> tuple[list[dict[str, object]], dict[str, int]]:
        record_finished(journal, missions)
        return journal.results(), dict(uninstalled(journal, missions))

    nothing: tuple[list[dict[str, object]], dict[str, int]] = ([], {})
    read_back = read_journal(folder, read, nothing)
    if read_back is None:
        return 1
    results, gone = read_back
    # A report, like the debrief sheets: written with the interface's words.
    translator = InterfaceTranslator(language)
    if args.csv:
        sys.stdout.write(dashboard_csv(figures(results), missions, translator))
        return 0
    notes = uninstalled_notes(gone, translator)
    if args.html is None:
        print("\n".join([describe_stats(stats(results), missions, translator), *notes]))
        return 0
    out = args.html
    if out.is_dir():
        out = out / f"gardiens-stats-{language}.html"
    page = render_dashboard(figures(results), missions, translator, notes=notes,
                            day=dt.date.today())
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as error:
        say(f"{out}: {error.strerror or error}")
        return 1
    print(_("Tableau de bord écrit dans {path}").format(path=out))
    return 0


def export_xapi(out: Path, folder: Path, missions: Mapping[str, Mission]) -> int:
    """Write the statements to OUT first, then send them if kiosk.toml names a record store:
    whatever the network does, every statement stays in OUT."""
    translator = cli_translator()
    _ = translator.gettext
    settings, problem = load_settings(folder)
    if problem:
        say(problem)
    home = settings.xapi.homepage
    export = read_journal(folder, lambda journal: export_statements(journal, missions, home=home),
                          Export([], 0, 0))
    if export is None:
        return 1
    if out.is_dir():
        out = out / "gardiens-xapi.jsonl"
    try:
        out.write_text(as_jsonl(export.statements), encoding="utf-8")
    except OSError as error:
        say(f"{out}: {error.strerror or error}")
        return 1
    print(translator.ngettext(
        "{count} déclaration xAPI écrite dans {path}",
        "{count} déclarations xAPI écrites dans {path}",
        len(export.statements),
    ).format(count=len(export.statements), path=out))
    if export.skipped:
        say(translator.ngettext(
            "{count} partie laissée de côté : écrite par une autre version, ou d'une mission "
            "qui n'est plus installée.",
            "{count} parties laissées de côté : écrites par une autre version, ou d'une mission "
            "qui n'est plus installée.",
            export.skipped,
        ).format(count=export.skipped))
    lrs = settings.xapi
    if lrs.endpoint is None or not export.statements:
        return 0
    sent = send_statements(
        export.statements,
        endpoint=lrs.endpoint,
        key=lrs.key,
        secret=lrs.secret.get_secret_value(),
        batch=lrs.batch,
        timeout=lrs.timeout,
    )
    if sent.problem is not None:
        say(_("Envoi au LRS {endpoint} interrompu ({problem}) : {sent} déclarations sur "
              "{count} envoyées. Toutes restent dans {path} ; relancer la commande les renvoie "
              "sans doublon.").format(endpoint=lrs.endpoint, problem=sent.problem,
                                      sent=sent.sent, count=len(export.statements), path=out))
        return 1
    print(translator.ngettext(
        "{count} déclaration envoyée au LRS {endpoint}",
        "{count} déclarations envoyées au LRS {endpoint}",
        sent.sent,
    ).format(count=sent.sent, endpoint=lrs.endpoint))
    return 0
