"""The catalog pipeline behind `gardiens i18n`: extract templates, update and compile catalogs, check coverage.

Files are matched by the project's mapping file (`babel.cfg`) exactly as `pybabel extract -F` does.
"""

from __future__ import annotations

import copy
import fnmatch
import io
import os
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import check_and_call_extract_file
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from gardiens import __version__
from gardiens.core.library import MISSION_FILE
from gardiens.core.model import Mission
from gardiens.core.register import slips
from gardiens.core.translations import MISSION_LOCALES
from gardiens.i18n.interface import (
    CLI_DOMAIN,
    CODE_DOMAINS,
    DIAGNOSTICS_DOMAIN,
    INTERFACE_DOMAIN,
    INTERFACE_LANGUAGES,
    SCHEMA_DOMAIN,
    SOURCE_LANGUAGE,
    TU_CONTEXT,
)
from gardiens.i18n.pictures import mission_of as _mission_of
from gardiens.paths import MAPPING_FILE

PROJECT = "Les Gardiens du numérique"
# The names under which code marks its strings; missions need `pgettext` (see extract.py).
# `T_` and `NT_` build the core's diagnostics (`gardiens.core.diagnostics`), shown later.
KEYWORDS: dict[str, Any] = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "N_": None,
    "T_": None,
    "NT_": (1, 2),
}
# Which catalog the strings of a source file go to (first matching pattern); the rest of the
# code is the interface. `pybabel extract` knows no domains: it writes them all into one template.
CODE_DOMAIN_FILES: tuple[tuple[str, str], ...] = (
    ("gardiens/core/diagnostics.py", DIAGNOSTICS_DOMAIN),
    ("gardiens/core/loader.py", DIAGNOSTICS_DOMAIN),
    ("gardiens/core/lint.py", DIAGNOSTICS_DOMAIN),
    ("gardiens/cli/*", CLI_DOMAIN),
    ("gardiens/authoring/playtest.py", CLI_DOMAIN),
    ("gardiens/authoring/scaffold.py", CLI_DOMAIN),
)
# Markers whose strings go to a catalog of their own, whatever file they are written in: a schema
# field's description (`D_`) sits beside the field, in the file that also holds a kind's label.
MARKER_DOMAINS: dict[str, str] = {"D_": SCHEMA_DOMAIN}
# `# Translators: …` just above a marked string reaches the translator's tool.
COMMENT_TAGS = ("Translators:",)
# Interface strings read by adults, in « vous » whatever the mission: the facilitator's desk
# (it has its own translator) and its ready-made messages, the families' debrief sheet, the
# author's live preview. Every other interface string that says « vous » needs a « tu » form in
# the French catalog.
ADULT_SOURCES: tuple[str, ...] = (
    "gardiens/ui/desk/", "gardiens/i18n/ready_hints.py", "gardiens/reports/", "gardiens/ui/preview/",
    "gardiens/net/console/")
# Wide enough that most sentences stay on one line in a .po, as the mission catalogs were written.
PO_WIDTH = 100

MessageKey = tuple[str | None, str]


@dataclass
class Templates:
    """What the sources hold: one template catalog per domain, and the missions found."""

    catalogs: dict[str, Catalog] = field(default_factory=dict)
    missions: dict[str, Mission] = field(default_factory=dict)
    # Files that could not be read, each with its reason; their messages are left out.
    problems: list[str] = field(default_factory=list)


def extract_templates(root: Path, *, mapping: Path | None = None) -> Templates:
    """Extract every marked string under `root`: code into `gardiens`, `diagnostics` or `cli`
    (see `CODE_DOMAIN_FILES`) or the domain of its marker (`MARKER_DOMAINS`), each mission into
    a domain named after the mission."""
    mapping_path = mapping if mapping is not None else root / MAPPING_FILE
    with mapping_path.open(encoding="utf-8") as fileobj:
        method_map, options_map = parse_mapping_cfg(fileobj, str(mapping_path))  # type: ignore[no-untyped-call]
    code = {domain: _template(domain) for domain in CODE_DOMAINS}
    return _extract(root, method_map, options_map, code)


def shipped_templates(bundle: Path) -> Templates:
    """What an installed game, which has no sources, checks its catalogs against: the code's
    templates shipped as `locales/<domain>.pot` and the texts of each bundled mission."""
    code = {}
    for domain in CODE_DOMAINS:
        with template_path(bundle / "locales", domain).open("rb") as fileobj:
            code[domain] = read_po(fileobj, domain=domain)
    return _extract(bundle, [(f"scenarios/*/{MISSION_FILE}", "gardiens_mission"),
                             ("scenarios/**.svg", "gardiens_picture")], {}, code)


def mission_templates(files: list[Path], *, base: Path | None = None) -> Templates:
    """The template of each mission file given: its texts, located from `base` (the project's
    root for a mission of the project) or else from the mission's folder."""
    templates = Templates()
    for path in files:
        where = base if base is not None else path.parent
        pattern = path.resolve().relative_to(where.resolve()).as_posix()
        try:
            extracted = _messages(where, path, [(pattern, "gardiens_mission")], {}, KEYWORDS)
        except (ValueError, SyntaxError, UnicodeDecodeError, yaml.YAMLError) as error:
            templates.problems.append(f"{path}: {error}")
            continue
        mission = _mission(path)
        templates.missions[mission.id] = mission
        _add(templates.catalogs.setdefault(mission.id, _template(mission.id)), extracted)
    return templates


def mission_locales(file: Path, project: Path | None, shared: Path) -> Path:
    """Where a mission's catalogs are written: the project's shared catalogs (`shared`) for a
    mission of the project's `scenarios/`, else the `locales/` folder beside the mission."""
    folder = file.resolve().parent
    if project is not None and folder.parent == (project / "scenarios").resolve():
        return shared
    return folder / MISSION_LOCALES


def _extract(
    root: Path,
    method_map: list[tuple[str, str]],
    options_map: dict[str, dict[str, str]],
    code: dict[str, Catalog],
) -> Templates:
    templates = Templates()
    templates.catalogs.update(code)
    for path in _walk(root):
        # The code's markers of their own domains are looked for in a second reading of the file.
        markers = MARKER_DOMAINS if path.suffix == ".py" else {}
        try:
            extracted = _messages(root, path, method_map, options_map, KEYWORDS)
            by_marker = {
                domain: _messages(root, path, method_map, options_map, {marker: None})
                for marker, domain in markers.items()
            }
        except (ValueError, SyntaxError, UnicodeDecodeError, yaml.YAMLError) as error:
            templates.problems.append(f"{path.relative_to(root)}: {error}")
            continue
        if path.name == MISSION_FILE and extracted:
            mission = _mission(path)
            catalog = templates.catalogs.setdefault(mission.id, _template(mission.id))
            templates.missions[mission.id] = mission
        elif path.suffix == ".svg" and extracted and (mission_file := _mission_of(path)) is not None:
            # A picture's words belong to the catalog of the mission whose folder holds it.
            mission = _mission(mission_file)
            catalog = templates.catalogs.setdefault(mission.id, _template(mission.id))
            templates.missions[mission.id] = mission
        else:
            catalog = templates.catalogs[code_domain(path.relative_to(root).as_posix())]
        _add(catalog, extracted)
        for domain, messages in by_marker.items():
            _add(templates.catalogs[domain], messages)
    return templates


def _messages(
    root: Path,
    path: Path,
    method_map: list[tuple[str, str]],
    options_map: dict[str, dict[str, str]],
    keywords: dict[str, Any],
) -> list[tuple[str, int, Any, list[str], str | None]]:
    return list(
        check_and_call_extract_file(
            str(path),
            method_map,
            options_map,
            None,
            keywords,
            COMMENT_TAGS,
            True,
            dirpath=str(root),
        )
    )


def _add(catalog: Catalog, extracted: list[tuple[str, int, Any, list[str], str | None]]) -> None:
    for filename, lineno, message, comments, context in extracted:
        catalog.add(
            message,
            None,
            [(Path(filename).as_posix(), lineno)],
            auto_comments=comments,
            context=context,
        )


def code_domain(relative: str) -> str:
    """The catalog of the code file at `relative` (a POSIX path from the project root)."""
    for pattern, domain in CODE_DOMAIN_FILES:
        if fnmatch.fnmatchcase(relative, pattern):
            return domain
    return INTERFACE_DOMAIN


def _walk(root: Path) -> Iterator[Path]:
    # Same folders as `pybabel extract`: hidden and `_`-prefixed ones are skipped.
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for name in sorted(filenames):
            yield Path(dirpath) / name


def _mission(path: Path) -> Mission:
    # The extractor has just validated this file; read it again for its languages.
    return Mission.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def _template(domain: str) -> Catalog:
    return Catalog(
        domain=domain,
        project=PROJECT,
        version=__version__,
        copyright_holder=PROJECT,
        charset="utf-8",
    )


def template_path(locales: Path, domain: str) -> Path:
    return locales / f"{domain}.pot"


def catalog_path(locales: Path, language: str, domain: str) -> Path:
    return locales / language / "LC_MESSAGES" / f"{domain}.po"


def write_templates(templates: Templates, locales: Path) -> list[Path]:
    """Write each template as `<locales>/<domain>.pot`; an unchanged one keeps its date and file."""
    written = []
    for domain, catalog in templates.catalogs.items():
        path = template_path(locales, domain)
        if path.is_file():
            old = _read(path, None, domain)
            if _signature(old) == _signature(catalog):
                # Same messages: keep the old date so the file is not rewritten for nothing.
                catalog.creation_date = old.creation_date
        if _write(path, _po_bytes(catalog)):
            written.append(path)
    return written


def _signature(catalog: Catalog) -> list[tuple[Any, ...]]:
    # A long comment is written wrapped over several `#.` lines and read back as several
    # comments: compare their words, or every update would redate an unchanged template.
    return [
        (m.id, m.context, sorted(m.locations), " ".join(m.auto_comments).split(), sorted(m.flags))
        for m in catalog
        if m.id
    ]


def languages_of(domain: str, templates: Templates, locales: Path) -> list[str]:
    """The languages a domain ships in, then any other language a translator has started."""
    if domain in CODE_DOMAINS:
        shipped = list(INTERFACE_LANGUAGES)
    else:
        mission = templates.missions[domain]
        shipped = [mission.language, *mission.translations]
    started = sorted(p.parent.parent.name for p in locales.glob(f"*/LC_MESSAGES/{domain}.po"))
    return list(dict.fromkeys([*shipped, *started]))


def source_language(domain: str, templates: Templates) -> str:
    if domain in CODE_DOMAINS:
        return SOURCE_LANGUAGE
    return templates.missions[domain].language


def update_catalogs(templates: Templates, locales: Path) -> list[Path]:
    """Merge each template into its `.po` per language, creating missing ones.

    Translations are kept; an entry whose source sentence changed keeps its old translation
    marked fuzzy (and the previous source as `#| msgid`), so it is not shown until a translator
    checks it. The code's French catalogs are the source itself, refreshed every time.
    A mission needs no catalog in its own language.
    """
    written = []
    for domain, template in templates.catalogs.items():
        source = source_language(domain, templates)
        for language in languages_of(domain, templates, locales):
            if language == source and domain not in CODE_DOMAINS:
                continue
            path = catalog_path(locales, language, domain)
            if path.is_file():
                catalog = _read(path, language, domain)
            else:
                catalog = Catalog(
                    locale=language,
                    domain=domain,
                    project=PROJECT,
                    version=__version__,
                    copyright_holder=PROJECT,
                    charset="utf-8",
                    fuzzy=False,
                    last_translator=PROJECT,
                    language_team=language,
                )
            # The « tu » forms are written by hand in the French catalog; Babel's update would
            # drop them as obsolete.
            tu_forms = [m for m in catalog if m.id and m.context == TU_CONTEXT]
            # Babel's update shares the template's messages; filling the French catalog must
            # not fill the next language's.
            catalog.update(copy.deepcopy(template))
            if language == source:
                _fill_with_source(catalog)
                _keep_tu_forms(catalog, template, tu_forms)
            if _write(path, _po_bytes(catalog, include_previous=True)):
                written.append(path)
    return written


def needs_tu_form(message: Message) -> bool:
    """Whether an interface string says « vous » to the team, so that a mission that says « tu »
    needs its « tu » form (msgctxt `TU_CONTEXT` in the French catalog)."""
    if not message.id or message.context is not None:
        return False
    if all(path.startswith(ADULT_SOURCES) for path, _line in message.locations):
        return False
    texts = message.id if isinstance(message.id, tuple | list) else (message.id,)
    return any(slips(text, "tu") for text in texts)


def _keep_tu_forms(catalog: Catalog, template: Catalog, tu_forms: list[Message]) -> None:
    """Put back the « tu » forms whose string is still in the sources, where it now is."""
    for old in tu_forms:
        source = template.get(old.id)
        if source is not None:
            catalog.add(old.id, old.string, source.locations, context=TU_CONTEXT)


def _fill_with_source(catalog: Catalog) -> None:
    # The source-language catalog carries the French plural rule; its text is the source.
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy or not _complete(message):
            message.string = _source_forms(message, catalog.num_plurals)
            message.flags.discard("fuzzy")
            message.previous_id = []


def _source_forms(message: Message, forms: int) -> str | tuple[str, ...]:
    """The source text as its own translation: the singular, then the plural in every other form
    the language's rule has (Babel's French rule has a third form, for millions)."""
    if not message.pluralizable:
        return str(message.id)
    singular, plural = message.id[0], message.id[-1]
    return (singular, *([plural] * (forms - 1)))


def compile_catalogs(locales: Path, domains: list[str] | None = None) -> list[CompileResult]:
    """Write a `.mo` beside every `.po` (of `domains` only, when given): fuzzy entries and broken
    placeholders left out."""
    results = []
    for path in sorted(locales.glob("*/LC_MESSAGES/*.po")):
        if domains is not None and path.stem not in domains:
            continue
        language, domain = path.parent.parent.name, path.stem
        catalog = _read(path, language, domain)
        broken = [
            m for m in catalog if m.id and not m.fuzzy and _complete(m) and not _same_fields(m)
        ]
        for message in broken:
            # A translation that loses `{n}` would crash `.format()` on the kiosk.
            message.flags.add("fuzzy")
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        compiled = sum(1 for m in catalog if m.id and not m.fuzzy and _complete(m))
        changed = _write(path.with_suffix(".mo"), buffer.getvalue())
        results.append(CompileResult(path, compiled, [_key_text(m) for m in broken], changed))
    return results


@dataclass(frozen=True, slots=True)
class CompileResult:
    po: Path
    compiled: int
    broken: list[str]
    written: bool


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of one catalog is usable in one language."""

    domain: str
    language: str
    total: int
    translated: int
    fuzzy: int
    missing: int
    # Translated entries whose {placeholders} differ from the source: they are not used.
    broken: list[str]
    # A language the interface or the mission declares; an incomplete one fails the check.
    shipped: bool
    # The language the texts are written in: complete by definition.
    source: bool

    @property
    def complete(self) -> bool:
        return self.translated == self.total

    @property
    def ratio(self) -> float:
        return self.translated / self.total if self.total else 1.0


def coverage(templates: Templates, locales: Path) -> list[Coverage]:
    """Coverage of every catalog in every language, against the sources as they are now."""
    rows = []
    for domain, template in templates.catalogs.items():
        keys = [(m.context, _key(m.id)) for m in template if m.id]
        source = source_language(domain, templates)
        tu_keys = [
            (TU_CONTEXT, _key(m.id)) for m in template if domain == INTERFACE_DOMAIN and needs_tu_form(m)
        ]
        for language in languages_of(domain, templates, locales):
            # The French interface is complete when every string that says « vous » to the team
            # also has its « tu » form.
            wanted = [*keys, *tu_keys] if language == SOURCE_LANGUAGE else keys
            shipped = language in _shipped(domain, templates)
            if language == source and domain not in CODE_DOMAINS:
                rows.append(
                    Coverage(domain, language, len(wanted), len(wanted), 0, 0, [], True, True)
                )
                continue
            path = catalog_path(locales, language, domain)
            catalog = _read(path, language, domain) if path.is_file() else None
            translated = fuzzy = missing = 0
            broken: list[str] = []
            for context, msgid in wanted:
                message = catalog.get(msgid, context) if catalog is not None else None
                if message is None or not _complete(message):
                    missing += 1
                elif message.fuzzy:
                    fuzzy += 1
                elif not _same_fields(message):
                    broken.append(_key_text(message))
                else:
                    translated += 1
            rows.append(
                Coverage(
                    domain, language, len(wanted), translated, fuzzy, missing, broken, shipped, False
                )
            )
    return rows


def _shipped(domain: str, templates: Templates) -> set[str]:
    if domain in CODE_DOMAINS:
        return set(INTERFACE_LANGUAGES)
    mission = templates.missions[domain]
    return {mission.language, *mission.translations}


def _key(msgid: str | tuple[str, ...] | list[str]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]


def _key_text(message: Message) -> str:
    context = f"[{message.context}] " if message.context else ""
    return context + _key(message.id)


def _complete(message: Message) -> bool:
    if isinstance(message.string, str):
        return bool(message.string)
    return bool(message.string) and all(message.string or ())


def fields(text: str) -> set[str] | None:
    """The `{names}` a text formats, or None when its braces are not valid format syntax."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def _same_fields(message: Message) -> bool:
    sources = [message.id] if isinstance(message.id, str) else list(message.id)
    strings = [message.string] if isinstance(message.string, str) else list(message.string or ())
    # A translation may drop the count of a singular form ("One hint" for "{n} indice").
    allowed: set[str] = set()
    for source in sources:
        names = fields(source)
        if names is None:
            return True
        allowed |= names
    for translated in strings:
        names = fields(translated)
        if names is None or not names <= allowed:
            return False
    return True


def _read(path: Path, language: str | None, domain: str) -> Catalog:
    with path.open("rb") as fileobj:
        return read_po(fileobj, locale=language, domain=domain)


def _po_bytes(catalog: Catalog, *, include_previous: bool = False) -> bytes:
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=PO_WIDTH,
        ignore_obsolete=True,
        include_previous=include_previous,
    )
    return buffer.getvalue()


def _write(path: Path, content: bytes) -> bool:
    """Write `content` unless the file already holds it; True when written."""
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True
