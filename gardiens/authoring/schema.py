"""The JSON Schema of a mission file, derived from the mission model, for editors that complete
and check YAML (`gardiens schema`, and the copy `gardiens new` gives a mission made outside the
checkout)."""

from __future__ import annotations

import json
from typing import Any

from gardiens.core.model import Mission

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_TITLE = "Mission des Gardiens du numérique"


def mission_schema() -> dict[str, Any]:
    """The schema derived from the mission model, with its French field descriptions."""
    schema = Mission.model_json_schema()
    return {
        "$schema": SCHEMA_DIALECT,
        "title": SCHEMA_TITLE,
        **{k: v for k, v in schema.items() if k != "title"},
    }


def schema_text() -> str:
    return json.dumps(mission_schema(), ensure_ascii=False, indent=2) + "\n"
