"""`python -m gardiens` runs the `gardiens` command."""

from gardiens.cli import main

raise SystemExit(main())
