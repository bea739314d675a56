"""`gardiens list`: the bundled missions a facilitator can launch."""

from __future__ import annotations

import argparse
import json
from typing import Any

from gardiens.cli.steps import Gettext
from gardiens.core.library import load_library, scenarios_dir
from gardiens.core.model import Mission, pick
from gardiens.i18n.interface import N_, cli_translator

DESCRIPTION = N_(
    "Liste les missions valides du dossier des missions (scenarios/, ou la variable "
    "d'environnement GARDIENS_SCENARIOS). Une mission qui a des erreurs n'apparaît pas : "
    "« gardiens validate » explique pourquoi."
)


def _row(mission: Mission, path: str) -> dict[str, Any]:
    return {
        "id": mission.id,
        "title": pick(mission.title, mission.ages[0]),
        "theme": mission.theme,
        "ages": list(mission.ages),
        "languages": [mission.language, *mission.translations],
        "path": path,
    }


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    parser.add_argument("--json", action="store_true", help=_("sortie JSON"))


def run(args: argparse.Namespace) -> int:
    _ = cli_translator().gettext
    library = load_library()
    rows = [_row(mission, str(path)) for mission, path in library.values()]
    rows.sort(key=lambda row: str(row["id"]))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(_("Aucune mission valide dans {folder}.").format(folder=scenarios_dir()))
        return 0
    for row in rows:
        print(
            _("{id}  {title}  [{theme} ; {ages} ans ; {languages}]  {path}").format(
                id=f"{row['id']:<22}",
                title=row["title"],
                theme=row["theme"],
                ages=", ".join(row["ages"]),
                languages=", ".join(row["languages"]),
                path=row["path"],
            )
        )
    return 0
