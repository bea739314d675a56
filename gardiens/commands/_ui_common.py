"""What the interface commands share: naming a mission on the command line and a window size."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gardiens.i18n.interface import cli_translator, diagnostics_translator

if TYPE_CHECKING:
    from gardiens.core.model import Mission

DEFAULT_MISSION = "infox"


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


def load_for_ui(arg: str | None) -> tuple[Mission, Path] | None:
    """The mission named by `arg` (bundled id, file or folder) and its folder; errors printed."""
    from gardiens.core.library import MissionNotFoundError, resolve_mission
    from gardiens.core.loader import load_mission

    try:
        path = resolve_mission(arg or DEFAULT_MISSION)
    except MissionNotFoundError:
        message = cli_translator().gettext("mission introuvable : {mission}")
        print(message.format(mission=arg or DEFAULT_MISSION), file=sys.stderr)
        return None
    result = load_mission(path)
    if result.mission is None:
        shown = diagnostics_translator()
        for diagnostic in result.diagnostics:
            print(diagnostic.render(shown), file=sys.stderr)
        return None
    return result.mission, path.parent
