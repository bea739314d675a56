"""`gardiens list`: the bundled missions a facilitator can launch."""

from __future__ import annotations

import argparse
import json
from typing import Any

from gardiens.core.library import load_library, scenarios_dir
from gardiens.core.model import Mission, pick
from gardiens.i18n.interface import cli_translator


def _row(mission: Mission, path: str) -> dict[str, Any]:
    return {
        "id": mission.id,
        "title": pick(mission.title, mission.ages[0]),
        "theme": mission.theme,
        "ages": list(mission.ages),
        "languages": [mission.language, *mission.translations],
        "path": path,
    }


def register(subparsers: Any) -> None:
    _ = cli_translator().gettext
    parser = subparsers.add_parser(
        "list",
        help=_("lister les missions fournies"),
        description=_(
            "Liste les missions valides du dossier des missions (scenarios/, ou la variable "
            "d'environnement GARDIENS_SCENARIOS). Une mission qui a des erreurs n'apparaît pas : "
            "« gardiens validate » explique pourquoi."
        ),
    )
    parser.add_argument("--json", action="store_true", help=_("sortie JSON"))
    parser.set_defaults(func=run)


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
