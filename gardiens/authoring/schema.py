"""The JSON Schema of a mission file, derived from the mission model, for editors that complete
and check YAML (`gardiens schema`, and the copy `gardiens new` gives a mission made outside the
checkout)."""

from __future__ import annotations

import json
from typing import Any

from gardiens.core.diagnostics import SOURCE, Translator
from gardiens.core.model import Mission
from gardiens.core.puzzles.base import D_
from gardiens.i18n.schema import translated_schema

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_TITLE = D_("Mission des Gardiens du numérique")


def mission_schema(translator: Translator = SOURCE) -> dict[str, Any]:
    """The schema derived from the mission model, its descriptions in `translator`'s language
    (the French source unless told)."""
    schema = Mission.model_json_schema()
    return translated_schema(
        {
            "$schema": SCHEMA_DIALECT,
            "title": SCHEMA_TITLE,
            **{k: v for k, v in schema.items() if k != "title"},
        },
        translator,
    )


def schema_text(translator: Translator = SOURCE) -> str:
    return json.dumps(mission_schema(translator), ensure_ascii=False, indent=2) + "\n"
