"""`gardiens console`: the facilitator's web page for every linked kiosk (docs/network.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from gardiens.cli.steps import Gettext, data_dir, data_dir_argument, library_missions, load, say
from gardiens.i18n.interface import N_, cli_translator

DESCRIPTION = N_(
    "Sert la page de l'animateur sur le réseau du lieu : une carte par borne reliée au broker "
    "MQTT, avec ses actions. La page demande le code PIN de l'animateur (gardiens facilitator "
    "set-pin, dans le même dossier de données)."
)


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    parser.add_argument("--bind", default="127.0.0.1",
                        help=_("adresse d'écoute (0.0.0.0 : tout le réseau du lieu)"))
    parser.add_argument("--port", type=int, default=8080, help=_("port de la page"))
    parser.add_argument("--broker", default=None,
                        help=_("adresse du broker MQTT (sinon celle de [link] dans kiosk.toml)"))
    parser.add_argument("--broker-port", type=int, default=None, help=_("port du broker MQTT"))
    parser.add_argument("--username", default="console", help=_("compte de la console sur le broker"))
    parser.add_argument("--password-file", type=Path, default=None,
                        help=_("fichier du mot de passe de ce compte (sa première ligne)"))
    parser.add_argument("--red-minutes", type=float, default=10.0,
                        help=_("minutes sans progrès avant qu'une carte passe au rouge"))
    parser.add_argument("--lang", default=None,
                        help=_("langue de la page (sinon celle du navigateur)"))
    parser.add_argument("--mission", action="append", default=[], metavar="MISSION",
                        help=_("une mission à proposer en plus des missions fournies (dossier ou fichier)"))
    parser.add_argument("--sheets", action="append", default=[], metavar=_("BORNE=DOSSIER"),
                        help=_("dossier de données d'une borne, pour ouvrir ses fiches de débriefing"))
    parser.add_argument("--ssl-certfile", type=Path, default=None, help=_("certificat TLS (HTTPS)"))
    parser.add_argument("--ssl-keyfile", type=Path, default=None, help=_("clé du certificat TLS"))
    data_dir_argument(parser, _("dossier de données (code PIN, kiosk.toml)"))


def run(args: argparse.Namespace) -> int:
    from gardiens.core.facilitator import has_pin
    from gardiens.core.kiosk import load_settings
    from gardiens.net.console.serve import ConsoleOptions, broker_settings, serve

    _ = cli_translator().gettext
    folder = data_dir(args)
    kiosk, problem = load_settings(folder)
    if problem:
        say(problem)
    if not has_pin(folder):
        say(_("Aucun code PIN dans {folder} : réglez-le avec gardiens facilitator set-pin.").format(
            folder=folder))
        return 1
    sheets = {}
    for given in args.sheets:
        name, sep, path = given.partition("=")
        if not sep or not name or not path:
            say(_("--sheets attend BORNE=DOSSIER : {given}").format(given=given))
            return 2
        sheets[name] = Path(path)
    if not args.red_minutes > 0:
        say(_("--red-minutes doit être positif"))
        return 2
    missions = library_missions()
    for given in args.mission:
        loaded = load(given)
        if loaded is None:
            return 1
        missions[loaded[0].id] = loaded[0]
    password = None
    if args.password_file is not None:
        try:
            password = args.password_file.read_text(encoding="utf-8").splitlines()[0].strip()
        except (OSError, IndexError) as error:
            say(f"{args.password_file}: {error}")
            return 2
    broker = broker_settings(kiosk, host=args.broker, port=args.broker_port,
                             username=args.username, password=password)
    if broker is None:
        say(_("Aucun broker : donnez --broker ou une section [link] dans kiosk.toml."))
        return 2
    print(_("Console sur http://{bind}:{port}/ (broker {host}:{broker_port})").format(
        bind=args.bind, port=args.port, host=broker.host, broker_port=broker.port), flush=True)
    serve(ConsoleOptions(data_dir=folder, broker=broker, bind=args.bind, port=args.port,
                         red_minutes=args.red_minutes, language=args.lang, sheets=sheets,
                         ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile),
          kiosk, missions)
    return 0
