from __future__ import annotations

import shutil

import pytest


@pytest.fixture
def espeak() -> str:
    """espeak-ng must be there: `./run-tests` installs it where apt-get can."""
    program = shutil.which("espeak-ng")
    assert program, "espeak-ng is not installed (apt-get install espeak-ng)"
    return program
