"""Missions the authoring tests run on: every valid bundled mission, plus the core's sample."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from gardiens.core.library import load_library
from gardiens.core.model import Mission
from tests.core.sample import sample_data, sample_mission

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300">'
    '<rect width="400" height="300" fill="#fc6"/></svg>'
)


def every_mission() -> list[Mission]:
    bundled = [mission for mission, _ in load_library().values()]
    return [*bundled, sample_mission()]


def write_sample(folder: Path, data: dict[str, Any] | None = None) -> Path:
    """The core's sample mission (or `data`) as a file in a folder named after it."""
    target = folder / "essai"
    target.mkdir(parents=True)
    (target / "post.svg").write_text(SVG)
    if data is None:
        data = sample_data()
        data["translations"] = []
    file = target / "scenario.yaml"
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return file
