"""`Frozen`: the base of the core's small values (commands, journal events), each a frozen
dataclass without saying so on every class."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, dataclass_transform


@dataclass_transform(frozen_default=True)
class Frozen:
    """A subclass is a frozen dataclass: its annotated fields, compared and matched by value."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(frozen=True)(cls)
