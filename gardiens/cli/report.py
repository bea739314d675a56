"""`gardiens report`: the printable debrief sheets of one session, as a self-contained HTML page."""

from __future__ import annotations

import argparse
from pathlib import Path

from gardiens.cli.steps import Gettext, data_dir, data_dir_argument, library_missions, say
from gardiens.core.journal import Journal
from gardiens.core.session import debrief_of
from gardiens.i18n.interface import N_, cli_translator
from gardiens.reports import session_report

DESCRIPTION = N_(
    "Écrit une page HTML autonome, imprimable en A4, dans la langue de la partie : "
    "une fiche pour les familles (sans pseudonyme) et une fiche pour l'animateur."
)


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    parser.add_argument(
        "session", help=_("identifiant de la partie (ou son début), ou « last » pour la dernière")
    )
    parser.add_argument("--out", type=Path, default=None, help=_("fichier HTML à écrire"))
    data_dir_argument(parser)


def run(args: argparse.Namespace) -> int:
    _ = cli_translator().gettext
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
