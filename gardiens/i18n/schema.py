"""The mission schema in its reader's language: its title and field descriptions are message ids
of the `schema` catalog (marked `D_` where the models declare them)."""

from __future__ import annotations

from typing import Any

from gardiens.core.diagnostics import Translator


def translated_schema(schema: dict[str, Any], translator: Translator) -> dict[str, Any]:
    """A copy of a JSON schema with its title and every description translated; the names of
    fields, whose `description` is a schema and not a text, are left as they are."""
    copy = _translated(schema, translator)
    if isinstance(schema.get("title"), str):
        copy["title"] = translator.gettext(schema["title"])
    return copy


def _translated(node: Any, translator: Translator) -> Any:
    if isinstance(node, list):
        return [_translated(item, translator) for item in node]
    if not isinstance(node, dict):
        return node
    return {
        key: translator.gettext(value)
        if key == "description" and isinstance(value, str)
        else _translated(value, translator)
        for key, value in node.items()
    }
