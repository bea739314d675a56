"""The code stays lint-clean and typed: ruff on everything, mypy on the package, strict on the core."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("command", [
    ["ruff", "check", "gardiens", "tests"],
    ["mypy", "gardiens"],
    ["mypy", "--strict", "gardiens/core"],
], ids=["ruff", "mypy", "mypy-strict-core"])
def test_static_check_passes(command: list[str], tmp_path: Path) -> None:
    extra = ["--cache-dir", str(tmp_path)] if command[0] == "mypy" else ["--no-cache"]
    done = subprocess.run([sys.executable, "-m", *command, *extra], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
