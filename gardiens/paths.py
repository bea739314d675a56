"""The one place that finds what ships with the game: missions, fonts and icons, catalogs and the
mission schema, inside the installed package (`gardiens/bundled/`), wherever it is installed.

In a checkout, `gardiens/bundled/` holds links to the top-level `scenarios/`, `assets/` and
`locales/`, which the wheel carries as package data; both read the same from here. Environment
variables point a kiosk or a test at other missions or catalogs.
"""

from __future__ import annotations

import os
from pathlib import Path

# The installed package's folder, where `importlib.resources.files("gardiens")` points for a package
# installed as files, which is the only way the real paths below can exist: found without
# importing importlib.resources, whose imports (zipfile, tempfile, shutil…) weigh on the kiosk's
# start-up.
PACKAGE_DIR = Path(__file__).parent
SCENARIOS_ENV = "GARDIENS_SCENARIOS"
LOCALES_ENV = "GARDIENS_LOCALES"
SCHEMA_FILE = "mission.schema.json"
# The file that marks a checkout: the mapping `gardiens i18n extract` reads the sources with.
MAPPING_FILE = "babel.cfg"


def bundled(name: str) -> Path:
    """A folder shipped with the package (`scenarios`, `assets`, `locales`), as a real path."""
    return (PACKAGE_DIR / "bundled" / name).resolve()


def scenarios_dir() -> Path:
    """The bundled missions: `$GARDIENS_SCENARIOS`, else those shipped with the game."""
    override = os.environ.get(SCENARIOS_ENV)
    return Path(override) if override else bundled("scenarios")


def locales_dir() -> Path:
    """The gettext catalogs (`<lang>/LC_MESSAGES/*.po`): `$GARDIENS_LOCALES`, else the shipped ones."""
    override = os.environ.get(LOCALES_ENV)
    return Path(override) if override else bundled("locales")


def assets_dir() -> Path:
    """Fonts, icons and their licences."""
    return bundled("assets")


def schema_file() -> Path:
    """The JSON schema of a mission, as shipped beside the bundled missions."""
    return bundled("scenarios") / SCHEMA_FILE


def checkout_root() -> Path | None:
    """The source checkout the game runs from, where authoring commands write catalogs and
    missions; None for an installed package, which has no sources to extract from."""
    root = bundled("scenarios").parent
    return root if (root / MAPPING_FILE).is_file() else None
