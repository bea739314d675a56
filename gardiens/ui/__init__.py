"""The kiosk interface on pygame-ce: one App, its screens, widgets and theme."""

import os

# pygame prints a banner on import; a kiosk's log should only hold what matters.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
