"""Sub-commands of the `gardiens` command, one module each."""
