"""The one way the package's Jinja2 templates are read: from a package's `templates/` folder,
every value escaped (HTML and SVG alike), an unknown name an error rather than an empty text."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined


def fixed(value: float, decimals: int = 0) -> str:
    """A coordinate written with a fixed number of decimals: `{{ x|fixed }}`, `{{ x|fixed(1) }}`."""
    return f"{value:.{decimals}f}"


@cache
def templates_of(package: str) -> Environment:
    """The templates shipped in `package` (declared as package data in pyproject.toml)."""
    environment = Environment(
        loader=PackageLoader(package),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["fixed"] = fixed
    return environment
