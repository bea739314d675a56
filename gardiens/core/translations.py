"""Whether a mission has a catalog in a language it declares, read without Babel (the core loads
no catalog): the game offers a language only when its catalog translates something."""

from __future__ import annotations

import ast
import struct
from pathlib import Path

from gardiens.paths import locales_dir

# The folder, beside a mission's file, that holds the mission's own catalogs.
MISSION_LOCALES = "locales"
_MO_MAGIC = 0x950412DE


def catalog_candidates(
    folder: Path | None, mission_id: str, language: str, *, shared: Path | None = None
) -> list[Path]:
    """The catalogs of a mission in `language`, in the order they are looked for: beside the
    mission (`<folder>/locales/<language>/LC_MESSAGES/<id>.po`, then `.mo`), then in the game's
    shared catalogs (`shared`, the game's by default), where the bundled missions keep theirs."""
    roots = [folder / MISSION_LOCALES] if folder is not None else []
    roots.append(shared if shared is not None else locales_dir())
    bases = [root / language / "LC_MESSAGES" / mission_id for root in roots]
    return [base.with_suffix(suffix) for base in bases for suffix in (".po", ".mo")]


def catalog_translates(folder: Path | None, mission_id: str, language: str) -> bool:
    """Whether the first catalog found for the mission in `language` has a usable entry."""
    for path in catalog_candidates(folder, mission_id, language):
        if path.is_file():
            return _po_translates(path) if path.suffix == ".po" else _mo_translates(path)
    return False


def _mo_translates(path: Path) -> bool:
    # A compiled catalog holds only usable entries, plus the header (whose msgid is empty).
    head = path.read_bytes()[:12]
    if len(head) < 12:
        return False
    for order in ("<", ">"):
        magic, _revision, count = struct.unpack(f"{order}III", head)
        if magic == _MO_MAGIC:
            return int(count) > 1
    return False


def _po_translates(path: Path) -> bool:
    """A `.po` with an entry whose msgid and msgstr are both non-empty, and not fuzzy."""
    for entry in path.read_text(encoding="utf-8", errors="replace").split("\n\n"):
        fuzzy = False
        strings: dict[str, str] = {}
        current = ""
        for line in entry.splitlines():
            line = line.strip()
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif line.startswith(("msgid ", "msgid_plural ", "msgstr")):
                current, _, quoted = line.partition(" ")
                strings[current] = strings.get(current, "") + _unquote(quoted)
            elif line.startswith('"') and current:
                strings[current] += _unquote(line)
            elif line.startswith("#"):
                current = ""
        translated = [v for k, v in strings.items() if k.startswith("msgstr") and v]
        if not fuzzy and strings.get("msgid") and translated:
            return True
    return False


def _unquote(quoted: str) -> str:
    try:
        value = ast.literal_eval(quoted.strip())
    except (ValueError, SyntaxError):
        return ""
    return value if isinstance(value, str) else ""
