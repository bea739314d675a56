"""`python -m gardiens` runs the `gardiens` command."""

from gardiens.cli import run

# Guarded: a worker process started fresh (the music's) imports this module under another name.
if __name__ == "__main__":
    run()
