# Sourced by ./play and ./run-tests: makes .venv hold exactly what the lock names, then the
# game itself (editable) and its bytecode; quick when that is already so.
# Usage: install_from_lock game|test
install_from_lock() {
    local lock="requirements/$1.txt" stamp=".venv/.installed-$1"
    if [ ! -x .venv/bin/python ]; then "${PYTHON:-python3}" -m venv .venv; fi
    if ! { [ -f "$stamp" ] && [ "$stamp" -nt "$lock" ] && [ "$stamp" -nt pyproject.toml ]; }; then
        # Hash-checked: every file must be the one the lock was made with.
        .venv/bin/python -m pip install --quiet --require-hashes -r "$lock"
        # The game itself, built with the locked setuptools rather than a fresh unpinned download.
        .venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
        touch "$stamp"
    fi
    # pip compiles the libraries' bytecode, not an editable checkout's: the game's is written
    # here, even where Python is told not to write it on import, so that the kiosk starts
    # without compiling its sources (about 35 ms); quick when nothing changed. Only a speed-up:
    # a source that does not compile is reported when it is imported, by the game or the tests.
    .venv/bin/python -m compileall -q gardiens >/dev/null || true
}
