"""The import contracts of pyproject.toml ([tool.importlinter]) hold: layers, a pure core."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    # Without cache: a stale graph must not hide a new arrow.
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


# The one mark that lets an import sit inside a function in gardiens/ui: start-up time, where the
# attract screen must show before the mission model (pydantic), the commands, Babel or the
# workers' thread pools are imported.
LAZY_MARK = "# lazy: start-up"


def _imports_in_functions(path: Path) -> list[tuple[int, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for node in ast.walk(ast.parse("\n".join(lines))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    found.append((inner.lineno, lines[inner.lineno - 1].strip()))
    return found


def test_the_interface_imports_at_the_top_of_its_modules() -> None:
    # No import inside a function to dodge a circle; a lazy import for start-up time says so.
    hidden = [f"{path.relative_to(ROOT)}:{line}: {text}"
              for path in sorted((ROOT / "gardiens" / "ui").rglob("*.py"))
              for line, text in _imports_in_functions(path) if not text.endswith(LAZY_MARK)]
    assert hidden == []


def test_the_lazy_imports_are_few() -> None:
    lazy = [(path.name, text) for path in sorted((ROOT / "gardiens" / "ui").rglob("*.py"))
            for _line, text in _imports_in_functions(path) if text.endswith(LAZY_MARK)]
    assert lazy == [
        ("assets.py", f"from gardiens.ui.picture_text import PictureWords, language_variant  {LAZY_MARK}"),
        ("assets.py", f"from gardiens.ui.picture_text import draw_runs  {LAZY_MARK}"),
        ("assets.py", f"from gardiens.core.pictures import picture_width, read_runs  {LAZY_MARK}"),
        ("assets.py", f"from concurrent.futures import ThreadPoolExecutor  {LAZY_MARK}"),
        ("assets.py", f"from gardiens.core.pictures import without_text  {LAZY_MARK}"),
        ("bounded.py", f"import ctypes  {LAZY_MARK}"),
        ("input.py", f"from gardiens.ui.speech import SPEAKER_BUTTON  {LAZY_MARK}"),
        ("attract.py", f"from babel import Locale, UnknownLocaleError  {LAZY_MARK}"),
        ("attract.py", f"from gardiens.core.commands import StartSetup  {LAZY_MARK}"),
        ("session_side.py", f"from gardiens.ui.follow import Follower  {LAZY_MARK}"),
        ("sound.py", f"from concurrent.futures import ThreadPoolExecutor  {LAZY_MARK}"),
    ]
