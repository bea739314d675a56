"""The mission schema in its reader's language: field descriptions are message ids of the
`schema` catalog, the French source is the schema committed for editors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

from gardiens.authoring.schema import mission_schema, schema_text
from gardiens.cli import main
from gardiens.core.diagnostics import SOURCE
from gardiens.i18n.interface import schema_translator
from gardiens.i18n.schema import translated_schema

REPO = Path(__file__).resolve().parents[2]


def _without_texts(node: Any) -> Any:
    if isinstance(node, list):
        return [_without_texts(item) for item in node]
    if isinstance(node, dict):
        return {
            k: _without_texts(v)
            for k, v in node.items()
            if not (k in ("description", "title") and isinstance(v, str))
        }
    return node


def test_the_french_schema_is_the_committed_one() -> None:
    committed = (REPO / "scenarios" / "mission.schema.json").read_text(encoding="utf-8")
    assert schema_text(schema_translator("fr")) == committed == schema_text()


def test_the_english_schema_says_the_same_in_english() -> None:
    french, english = mission_schema(), mission_schema(schema_translator("en"))
    assert _without_texts(english) == _without_texts(french)
    assert english["title"] == "Gardiens du numérique mission"
    right = english["$defs"]["Feedback"]["properties"]["right"]
    assert right["description"] == "Message shown when the answer is right."
    goal = english["properties"]["goal"]["description"]
    assert goal == "The final puzzle: solving it wins the mission."


def test_the_schema_command_speaks_the_readers_language(monkeypatch: Any, capsys: Any) -> None:
    monkeypatch.setenv("GARDIENS_LANG", "en")
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["language"]["description"] == "Language the file is written in."


def test_a_field_named_description_is_a_field_not_a_text() -> None:
    class Upper:
        def gettext(self, message: str, /) -> str:
            return message.upper()

        def ngettext(self, singular: str, plural: str, n: int, /) -> str:
            return singular

    schema = {"title": "t", "properties": {"description": {"description": "d", "title": "x"}}}
    assert translated_schema(schema, Upper()) == {
        "title": "T",
        "properties": {"description": {"description": "D", "title": "x"}},
    }
    assert translated_schema(schema, SOURCE) == schema


def test_descriptions_are_extracted_into_their_own_catalog(tmp_path: Path) -> None:
    (tmp_path / "babel.cfg").write_text("[python: gardiens/**.py]\n", encoding="utf-8")
    code = tmp_path / "gardiens" / "puzzle.py"
    code.parent.mkdir()
    code.write_text(
        'label = N_("Cadenas à code")\ncode: str = Field(description=D_("Le code (chiffres)."))\n',
        encoding="utf-8",
    )
    assert main(["i18n", "update", "--root", str(tmp_path)]) == 0
    catalogs = {}
    for domain in ("gardiens", "schema"):
        path = tmp_path / "locales" / "en" / "LC_MESSAGES" / f"{domain}.po"
        with path.open("rb") as fileobj:
            catalogs[domain] = [m.id for m in read_po(fileobj) if m.id]
    assert catalogs == {"gardiens": ["Cadenas à code"], "schema": ["Le code (chiffres)."]}
