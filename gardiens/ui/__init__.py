"""The kiosk interface on pygame-ce, from the top floor down (pyproject.toml's import contracts
keep it so): the App (window, loop, screen stack); frame, follow, input, ahead and the layers over the
game (desk, preview); screens; one view per puzzle kind (puzzles); kit (the screen base, Host,
pop-ups); widgets, text, assets, drawing, theme."""

import os

# pygame prints a banner on import; a kiosk's log should only hold what matters.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
