"""`gardiens report`: the printable debrief sheets of one session, as a self-contained HTML page."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from gardiens.cli.steps import (
    Gettext,
    data_dir,
    data_dir_argument,
    library_missions,
    read_journal,
    say,
)
from gardiens.core.commands import visit_code
from gardiens.core.journal import Journal
from gardiens.core.records import record_finished
from gardiens.core.session import debrief_of
from gardiens.i18n.interface import N_, InterfaceTranslator, cli_translator
from gardiens.reports import session_report
from gardiens.reports.class_sheet import class_sheet, render_class_sheet

DESCRIPTION = N_(
    "Écrit une page HTML autonome, imprimable en A4, dans la langue de la partie : "
    "une fiche pour les familles (sans pseudonyme) et une fiche pour l'animateur ; "
    "avec --visit, la fiche de classe d'une visite scolaire (sans nom d'équipe)."
)


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    parser.add_argument(
        "session",
        nargs="?",
        help=_("identifiant de la partie (ou son début), ou « last » pour la dernière"),
    )
    parser.add_argument("--out", type=Path, default=None, help=_("fichier HTML à écrire"))
    parser.add_argument(
        "--visit",
        metavar="CODE",
        help=_("la fiche de classe des équipes lancées avec ce code de visite (ex. CM2-B-0607)"),
    )
    parser.add_argument("--lang", default=None, help=_("langue de la fiche de classe (fr, en…)"))
    data_dir_argument(parser)


def run(args: argparse.Namespace) -> int:
    _ = cli_translator().gettext
    if args.visit is not None:
        return class_report(args)
    if args.session is None:
        say(_("Donnez l'identifiant d'une partie, « last », ou --visit CODE."))
        return 2
    missions = library_missions()
    journal = Journal.open(data_dir(args))
    try:
        sessions = [
            s for s in journal.sessions() if debrief_of(missions, journal.events(s.session))
        ]
        if args.session == "last":
            chosen = sessions[-1:]
        else:
            chosen = [s for s in sessions if s.session.startswith(args.session)]
        if len(chosen) != 1:
            known = ", ".join(s.session[:8] for s in sessions[-5:]) or _("aucune")
            problem = (
                _("plusieurs parties commencent ainsi") if chosen else _("partie introuvable")
            )
            say(
                _("{problem} : {session} (dernières parties : {known})").format(
                    problem=problem, session=args.session, known=known
                )
            )
            return 1
        summary = chosen[0]
        events = journal.events(summary.session)
    finally:
        journal.close()
    report = session_report(missions, events, summary.first_at)
    assert report is not None
    mission, html = report
    out = args.out or Path(f"gardiens-{mission.id}-{summary.session[:8]}.html")
    out.write_text(html, encoding="utf-8")
    print(_("Fiches écrites dans {path}").format(path=out))
    return 0


def class_report(args: argparse.Namespace) -> int:
    """The class sheet of the teams launched with one visit code."""
    _ = cli_translator().gettext
    code = visit_code(args.visit)
    if code is None:
        say(_("« {code} » n'est pas un code de visite : de 3 à 16 caractères, lettres, chiffres "
              "et tirets (ex. CM2-B-0607).").format(code=args.visit))
        return 1
    missions = library_missions()
    folder = data_dir(args)
    def read(journal: Journal) -> list[dict[str, object]]:
        record_finished(journal, missions)
        return journal.results()

    nothing: list[dict[str, object]] = []
    results = read_journal(folder, read, nothing)
    if results is None:
        return 1
    translator = InterfaceTranslator(args.lang or cli_translator().language)
    sheet = class_sheet(results, missions, translator, code)
    if not sheet.teams:
        say(_("Aucune partie terminée n'a le code de visite {code}.").format(code=code))
    out = args.out or Path(f"gardiens-classe-{code}.html")
    try:
        out.write_text(render_class_sheet(sheet, translator, day=dt.date.today()),
                       encoding="utf-8")
    except OSError as error:
        say(f"{out}: {error.strerror or error}")
        return 1
    print(_("Fiche de classe écrite dans {path}").format(path=out))
    return 0
