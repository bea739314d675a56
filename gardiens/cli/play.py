"""`gardiens play [MISSION]`: run the kiosk game (fullscreen, or in a window for development)."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gardiens.cli.steps import Gettext, data_dir, data_dir_argument, load, say, window_size
from gardiens.core.folder_lock import DataFolderLock
from gardiens.i18n.interface import N_, cli_translator

if TYPE_CHECKING:
    from gardiens.core.journal import Journal
    from gardiens.core.kiosk import KioskSettings, VoiceSettings
    from gardiens.core.model import Mission
    from gardiens.core.service import ServiceNotifier
    from gardiens.net.link import KioskLink
    from gardiens.ui.app import App
    from gardiens.ui.speech import ReadAloud

log = logging.getLogger(__name__)

# With this set in the environment, `play` prints a line when its first frame is on screen and
# one when the missions are in, for `gardiens bench` to time them from outside.
BENCH_MARKS = "GARDIENS_BENCH_MARKS"
FIRST_FRAME = "first-frame"
MISSIONS_READY = "missions-ready"

DESCRIPTION = N_("Lance le jeu en plein écran (mode borne) ; « infox » si aucune mission n'est donnée.")


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    parser.add_argument("mission", nargs="?", metavar="MISSION", help=_("identifiant, fichier ou dossier"))
    parser.add_argument("--age", choices=("9-12", "13-16"), help=_("tranche d'âge proposée d'office"))
    parser.add_argument("--lang", default="fr",
                        help=_("langue de l'interface au démarrage (fr) ; qps : pseudo-langue de test"))
    parser.add_argument("--windowed", action="store_true", help=_("dans une fenêtre plutôt qu'en plein écran"))
    parser.add_argument("--size", type=window_size, help=_("taille de la fenêtre, ex. 1280x800"))
    data_dir_argument(parser, _("dossier du journal des sessions"))
    parser.add_argument("--kiosk", action="store_true",
                        help=_("mode borne verrouillé : impossible de quitter, panneau animateur protégé par "
                               "le code PIN ; sans MISSION, toutes les missions sont proposées"))
    parser.add_argument("--watch", action="store_true",
                        help=_("aperçu pour l'auteur, dans une fenêtre : la mission se recharge à chaque "
                               "enregistrement (F2 énigmes, F3 résoudre, F4 âge, F5 langue)"))


def run(args: argparse.Namespace) -> int:
    from gardiens.core.service import ServiceNotifier
    from gardiens.ui.app import App
    from gardiens.ui.boot import Boot

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    _ = cli_translator().gettext
    folder = data_dir(args)
    if args.kiosk and args.watch:
        say(_("L'aperçu (--watch) n'existe pas en mode borne."))
        return 2
    if args.kiosk and not _has_pin(folder):
        # A locked kiosk with no way into the facilitator panel could only be switched off.
        print(_("Le mode borne demande un code PIN animateur. Réglez-le d'abord avec :"),
              f"  gardiens facilitator set-pin --data-dir {folder}", sep="\n", file=sys.stderr)
        return 2
    fullscreen = not args.windowed and not args.watch
    size = args.size or ((0, 0) if fullscreen else (1920, 1080))
    # One game per data folder: a second one would write into this team's session. An author's
    # preview keeps no record, so it holds nothing. Refused here, before any window opens.
    lock = DataFolderLock(folder)
    if not args.watch:
        try:
            lock.acquire()
        except OSError as error:
            # A folder that cannot even hold the lock cannot hold the journal: the game plays on
            # with one in memory and says so on screen; there is nothing on disk to guard.
            log.error("the data folder %s cannot be locked (%s)", folder, error)
    # SDL would turn SIGTERM into a window-close event, which a kiosk ignores; let Python handle
    # the signal instead and stop the loop cleanly so the journal is closed.
    os.environ["SDL_NO_SIGNAL_HANDLERS"] = "1"
    # The attract screen needs no mission: it is on screen at once, and the missions are read
    # and checked on a worker behind it (a tap meanwhile starts the setup once they are in).
    app = App(None, size=size, fullscreen=fullscreen, kiosk=args.kiosk, language=args.lang, age=args.age)
    signal.signal(signal.SIGTERM, lambda *_: app.stop())
    signal.signal(signal.SIGINT, lambda *_: app.stop())
    # Under systemd (deploy/gardiens-kiosk.service): ready once the missions are in, then a
    # watchdog ping from the frame loop; elsewhere this says nothing.
    notifier = ServiceNotifier()
    app.heartbeat = notifier.alive
    start = _Start(args, folder, notifier)
    try:
        app.open()
        app.step()
        _mark(FIRST_FRAME)
        app.start_boot(Boot(start.load, lambda loaded: start.finish(app, loaded)))
        app.run()
        notifier.stopping()
        app.close()
    finally:
        start.close()
        lock.release()
    return start.status


def _has_pin(folder: Path) -> bool:
    # Imported only for a locked kiosk: its hashing and JSON are not needed before an open one's
    # first frame (start-up time).
    from gardiens.core.facilitator import has_pin

    return has_pin(folder)


@dataclass
class _Loaded:
    """What the worker read: the missions to offer and the kiosk's settings."""

    mission: Mission
    folder: Path
    missions: dict[str, Mission]
    mission_dirs: dict[str, Path]
    library: dict[str, tuple[Mission, Path]]
    settings: KioskSettings
    problem: str | None


class _Start:
    """The part of `play` that needs the missions: read on a worker, then set up between two frames."""

    def __init__(self, args: argparse.Namespace, data_dir: Path, notifier: ServiceNotifier) -> None:
        self.args = args
        self.data_dir = data_dir
        self.notifier = notifier
        self.journal: Journal | None = None
        self.link: KioskLink | None = None
        self.status = 0

    def load(self) -> _Loaded | None:
        """On the worker: read and check the missions (no window, journal or screen here)."""
        try:
            return self._load()
        except Exception:
            log.exception("could not load the missions")
            return None

    def _load(self) -> _Loaded | None:
        from gardiens.core.kiosk import load_settings
        from gardiens.core.library import load_library

        loaded = load(self.args.mission)
        if loaded is None:
            return None
        mission, folder = loaded[0], loaded[1].parent
        settings, problem = load_settings(self.data_dir)
        missions = {mission.id: mission}
        mission_dirs = {mission.id: folder}
        library = {mid: (m, file.parent) for mid, (m, file) in load_library().items()} if self.args.kiosk else {}
        if self.args.mission is None:
            # At the venue the facilitator picks the mission: every valid bundled one is offered.
            for mid, (other, other_folder) in library.items():
                missions.setdefault(mid, other)
                mission_dirs.setdefault(mid, other_folder)
        # Imported here too, so that setting up between two frames does not wait for them.
        for module in SESSION_MODULES:
            importlib.import_module(module)
        return _Loaded(mission, folder, missions, mission_dirs, library, settings, problem)

    def finish(self, app: App, loaded: _Loaded | None) -> None:
        """On the main thread: the journal, the session, the attendant (and the author's preview)."""
        from gardiens.core.clock import SystemClock
        from gardiens.core.housekeeping import open_for_the_day
        from gardiens.core.journal import Journal
        from gardiens.core.session import Session
        from gardiens.i18n.missions import CatalogAnswers
        from gardiens.ui.desk.attendant import KioskAttendant

        if loaded is None:
            self.status = 1
            app.stop()
            return
        if loaded.problem:
            message = cli_translator().gettext("réglages de la borne ignorés : {problem}")
            say(message.format(problem=loaded.problem))
        # An author's preview keeps no record: its sessions are tests, not teams.
        self.journal = Journal.memory() if self.args.watch else Journal.open_or_memory(self.data_dir)
        if self.args.kiosk:
            offered = {**{mid: m for mid, (m, _) in loaded.library.items()}, **loaded.missions}
            open_for_the_day(self.journal, offered, self.data_dir, loaded.settings, now=SystemClock().now())
        app.mission_dirs = loaded.mission_dirs
        app.default_mission = loaded.mission.id
        app.replace_session(Session(loaded.missions, self.journal, SystemClock(), answers=CatalogAnswers()))
        app.speech = read_aloud(app, loaded.settings.voice, self.data_dir)
        if not self.args.watch:
            # An author's preview waits while its author edits: no idle prompt, no panel.
            KioskAttendant(app, data_dir=self.data_dir, settings=loaded.settings)
        if loaded.settings.link is not None and not self.args.watch:
            # Imported only here: a kiosk standing alone loads no network code at all.
            from gardiens.net.link import KioskLink

            self.link = app.link = KioskLink(loaded.settings.link, loaded.settings)
            self.link.start()
        if self.args.watch:
            from gardiens.ui.preview.layer import preview_for

            preview_for(app, loaded.folder, loaded.mission, lang=self.args.lang)
        _mark(MISSIONS_READY)
        self.notifier.ready()

    def close(self) -> None:
        if self.link is not None:
            self.link.stop()
        if self.journal is not None:
            self.journal.close()


def _mark(name: str) -> None:
    if os.environ.get(BENCH_MARKS):
        print(name, flush=True)


# What the main thread needs once the missions are in: the session, the kiosk and the screens.
SESSION_MODULES = (
    "gardiens.core.session",
    "gardiens.ui.desk.attendant",
    "gardiens.ui.words",
    "gardiens.ui.screens.lobby",
    "gardiens.ui.screens.play",
    "gardiens.ui.screens.ending",
    "gardiens.ui.follow",
    # The voice's, which the first tap of a visit asks for (imported with the voice itself).
    "gardiens.ui.speech",
)


def read_aloud(app: App, settings: VoiceSettings, data_dir: Path) -> ReadAloud:
    """The kiosk's voice as `kiosk.toml` sets it, its audio cached in `data_dir`, the authors'
    recordings winning; without an engine that can speak here, no speaker button is shown."""
    from gardiens.ui.speech import ReadAloud
    from gardiens.voice.cache import VoiceCache
    from gardiens.voice.engines import VoiceError, engine_from, missing
    from gardiens.voice.speaker import Speaker
    from gardiens.voice.texts import spoken_texts

    def recordings(mission: Mission) -> dict[tuple[str, str], Path]:
        return {(t.language, t.text): t.recording for t in spoken_texts(mission, languages=[mission.language])
                if t.recording is not None and t.recording.is_file()}

    try:
        engine = engine_from(settings)
    except VoiceError as error:
        return ReadAloud(app, None, missing=str(error))
    why = missing(engine)
    if why is not None:
        say(cli_translator().gettext("pas de lecture à voix haute : {problem}").format(problem=why))
    return ReadAloud(app, Speaker(engine, VoiceCache(data_dir)), missing=why, recordings=recordings)
