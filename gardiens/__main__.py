"""`python -m gardiens` runs the `gardiens` command."""

from gardiens.cli import run

run()
