"""Gardiens: the kiosk escape-game engine of *Les Gardiens du numérique*."""

__version__ = "0.1.0"
