"""The steps commands share: naming a mission and loading it (problems said on stderr), the data
folder, writing a result to --out or the screen, a window size, a command's actions."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from gardiens.i18n.interface import N_, cli_translator, diagnostics_translator

if TYPE_CHECKING:
    from gardiens.core.diagnostics import Diagnostic
    from gardiens.core.journal import Journal
    from gardiens.core.model import Mission

Gettext = Callable[[str], str]
T = TypeVar("T")

DEFAULT_MISSION = "infox"
# What most commands say when no mission answers to the name given (`{mission}`: that name).
NOT_FOUND = N_("mission introuvable : {mission}")
# The same, saying what a mission can be named by (`autoplay`, `playtest`).
NOT_FOUND_EXPLAINED = N_(
    "mission introuvable : {mission} (un identifiant de mission fournie, ou un chemin)"
)


def say(message: str) -> None:
    """A problem, for the person at the terminal (stderr, so that piped results stay clean)."""
    print(message, file=sys.stderr)


def find_mission(arg: str, not_found: str = NOT_FOUND) -> Path | None:
    """The mission file named by `arg` (bundled id, file or folder); else None, and `not_found`
    (a message id of the `cli` catalog, with `{mission}`) said."""
    # Imported here: reading missions needs pydantic, which `play` loads behind its first frame.
    from gardiens.core.library import MissionNotFoundError, resolve_mission

    try:
        return resolve_mission(arg)
    except MissionNotFoundError:
        say(cli_translator().gettext(not_found).format(mission=arg))
        return None


def say_diagnostics(diagnostics: Sequence[Diagnostic]) -> None:
    shown = diagnostics_translator()
    for diagnostic in diagnostics:
        say(diagnostic.render(shown))


def load(arg: str | None, not_found: str = NOT_FOUND) -> tuple[Mission, Path] | None:
    """The mission named by `arg` (`infox` if None) and its file; else None, and what keeps it
    from loading said (its located errors)."""
    from gardiens.core.loader import load_mission

    path = find_mission(arg or DEFAULT_MISSION, not_found)
    if path is None:
        return None
    result = load_mission(path)
    if result.mission is None:
        say_diagnostics(result.diagnostics)
        return None
    return result.mission, path


def data_dir_argument(parser: argparse.ArgumentParser, help_text: str | None = None) -> None:
    parser.add_argument("--data-dir", type=Path, default=None, help=help_text)


def data_dir(args: argparse.Namespace) -> Path:
    """The data folder given with --data-dir, else the kiosk's own."""
    if args.data_dir:
        return Path(args.data_dir)
    from gardiens.core.journal import default_data_dir

    return default_data_dir()


def read_journal(folder: Path, read: Callable[[Journal], T], empty: T) -> T | None:
    """What `read` takes from the journal of `folder`, `empty` if nothing was ever played there
    (the folder is read as such, not created); None, the reason said, if the journal cannot be
    opened or read."""
    import sqlite3

    from gardiens.core.journal import JOURNAL_FILE, Journal

    if not (folder / JOURNAL_FILE).exists():
        return empty
    _ = cli_translator().gettext
    try:
        journal = Journal.open(folder)
    except (OSError, sqlite3.Error) as error:
        say(_("Le journal de {folder} ne peut pas être ouvert : {reason}").format(
            folder=folder, reason=getattr(error, "strerror", None) or error))
        return None
    try:
        return read(journal)
    except sqlite3.Error as error:
        say(_("Le journal de {folder} ne peut pas être lu : {reason}").format(
            folder=folder, reason=error))
        return None
    finally:
        journal.close()


def library_missions() -> dict[str, Mission]:
    """Every valid bundled mission by id."""
    from gardiens.core.library import load_library

    return {mid: mission for mid, (mission, _file) in load_library().items()}


def write_out(text: str, out: Path | None, prog: str) -> bool:
    """`text` written into `out`, or on the screen if None; False, the reason said, if it cannot."""
    if out is None:
        sys.stdout.write(text)
        return True
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        say(f"{prog}: {out}: {error.strerror or error}")
        return False
    return True


def actions(parser: argparse.ArgumentParser) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """The actions of a command (`gardiens data purge`), one of which must be named."""
    return parser.add_subparsers(dest="action", metavar="ACTION", required=True)


def window_size(text: str) -> tuple[int, int]:
    """`1920x1080` as a pair of pixels (an argparse type)."""
    _ = cli_translator().gettext
    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("taille attendue sous la forme LARGEURxHAUTEUR : {text}").format(text=repr(text))
        ) from None
    if not (320 <= w <= 8192 and 240 <= h <= 8192):
        raise argparse.ArgumentTypeError(_("taille hors limites : {text}").format(text=repr(text)))
    return w, h
