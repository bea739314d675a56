"""`gardiens new`: a new mission folder from the bundled template, valid and winnable as it is."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from gardiens.authoring.schema import schema_text
from gardiens.core.lint import MISSION_FILE
from gardiens.core.model import THEMES
from gardiens.i18n.interface import cli_translator
from gardiens.paths import SCHEMA_FILE, checkout_root, schema_file

MISSION_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
TEMPLATE_FILES = ("scenario.yaml", "illustration.svg", "SOURCES.md")


class ScaffoldError(ValueError):
    """The mission cannot be created; the message says why, for the educator."""


@dataclass(frozen=True)
class Created:
    folder: Path
    files: tuple[Path, ...]


def suggest_id(text: str) -> str:
    """A valid mission id close to what was typed: « Ma Mission ! » becomes « ma-mission »."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9_-]+", "-", plain).strip("-_")
    return slug[:64]


def check_id(mission_id: str) -> None:
    if MISSION_ID.match(mission_id):
        return
    _ = cli_translator().gettext
    message = _(
        "« {mission} » ne peut pas servir d'identifiant de mission : il s'écrit en lettres "
        "minuscules sans accent, chiffres, « - » ou « _ », sans espace (64 caractères au plus)."
    ).format(mission=mission_id)
    guess = suggest_id(mission_id)
    if guess and MISSION_ID.match(guess):
        message += " " + _("Essayez « {guess} ».").format(guess=guess)
    raise ScaffoldError(message)


def schema_reference(folder: Path) -> str | None:
    """How the modeline names the schema, relative to the mission's folder: the checkout's own
    schema when the folder is in the checkout; None elsewhere (a copy is written beside it)."""
    root = checkout_root()
    target = folder.resolve()
    if root is not None and target.is_relative_to(root):
        return Path(os.path.relpath(schema_file(), target)).as_posix()
    return None


def _template(name: str) -> bytes:
    return resources.files("gardiens").joinpath("templates", "mission", name).read_bytes()


def create_mission(mission_id: str, *, theme: str = "infox", parent: Path) -> Created:
    """Write `parent/mission_id/` from the template; refuses a bad id, theme or existing folder."""
    check_id(mission_id)
    _ = cli_translator().gettext
    if theme not in THEMES:
        raise ScaffoldError(
            _("« {theme} » n'est pas un thème. Thèmes possibles : {themes}.").format(
                theme=theme, themes=", ".join(THEMES)
            )
        )
    folder = parent / mission_id
    if folder.exists():
        raise ScaffoldError(
            _(
                "Le dossier « {folder} » existe déjà : choisissez un autre identifiant, ou "
                "renommez ce dossier si vous voulez repartir de zéro."
            ).format(folder=folder)
        )
    try:
        folder.mkdir(parents=True)
    except OSError as error:
        raise ScaffoldError(
            _("Impossible de créer le dossier « {folder} » : {reason}.").format(
                folder=folder, reason=error.strerror or error
            )
        ) from error
    schema = schema_reference(folder)
    if schema is None:
        # Outside the checkout the schema is copied beside the mission folders, as in
        # scenarios/: the modeline is the guide's relative one, never a path of this machine.
        (parent / SCHEMA_FILE).write_text(schema_text(), encoding="utf-8")
        schema = f"../{SCHEMA_FILE}"
    values = {
        "@@MISSION_ID@@": mission_id,
        "@@THEME@@": theme,
        "@@SCHEMA@@": schema,
        "@@FOLDER@@": folder.as_posix(),
    }
    written: list[Path] = []
    for name in TEMPLATE_FILES:
        data = _template(name)
        if name.endswith((".yaml", ".md")):
            text = data.decode("utf-8")
            for token, value in values.items():
                text = text.replace(token, value)
            data = text.encode("utf-8")
        target = folder / name
        target.write_bytes(data)
        written.append(target)
    return Created(folder=folder, files=tuple(written))


__all__ = ["MISSION_FILE", "Created", "ScaffoldError", "check_id", "create_mission", "suggest_id"]
