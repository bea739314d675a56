"""The core never imports pygame: it runs in tests, tools and kiosks without a display."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import gardiens.core

ROOT = Path(__file__).resolve().parents[2]


def test_core_modules_do_not_import_pygame() -> None:
    modules = sorted(m.name for m in pkgutil.iter_modules(gardiens.core.__path__, "gardiens.core."))
    assert "gardiens.core.loader" in modules
    script = (
        "import sys, importlib\n"
        f"for name in ['gardiens.core', *{modules!r}]:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'pygame' or m.startswith('pygame.'))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)
