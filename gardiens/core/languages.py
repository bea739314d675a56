"""Words and rules of one language that the core reads from its own package data,
`data/<name>-<language>.<suffix>`: a language is added by adding its files, not by changing code."""

from __future__ import annotations

from functools import cache
from typing import Any


def language_file(name: str, language: str, suffix: str) -> str | None:
    """The text of `data/<name>-<language><suffix>`, or None when the language has none."""
    from importlib import resources  # not needed before the kiosk's first frame (start-up time)

    data = resources.files("gardiens.core").joinpath("data", f"{name}-{language}{suffix}")
    return data.read_text(encoding="utf-8") if data.is_file() else None


@cache
def language_data(name: str, language: str) -> dict[str, Any] | None:
    """The mapping in `data/<name>-<language>.yaml`, or None when the language has none; shared
    between callers, so never changed."""
    # Imported here: the kiosk's first screen needs none of these files (start-up time).
    import yaml

    text = language_file(name, language, ".yaml")
    return None if text is None else dict(yaml.safe_load(text))
