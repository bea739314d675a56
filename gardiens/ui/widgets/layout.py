"""Cells in a grid, as Arcade's `UIGridLayout` lays them out: a view says how many columns and how
tall a cell may be, the grid does the arithmetic."""

from __future__ import annotations

import math

import pygame


def grid(area: pygame.Rect, count: int, *, columns: int, gap: int, max_height: int, by_columns: bool = False,
         middle: bool = False, centre_rows: bool = False) -> list[pygame.Rect]:
    """`count` cells of one size across `area` in `columns` columns, `gap` apart; a cell is at most
    `max_height` tall, less when its rows would not fit in `area`.

    by_columns: the cells fill the first column from top to bottom, then the next one.
    middle: the rows stand in the middle of `area`, not from its top.
    centre_rows: a shorter last row is centred, not set on the left.
    """
    if count <= 0:
        return []
    rows = math.ceil(count / columns)
    w = (area.w - gap * (columns - 1)) // columns
    h = min(max_height, (area.h - gap * (rows - 1)) // rows)
    top = area.y + (area.h - (h * rows + gap * (rows - 1))) // 2 if middle else area.y
    cells: list[pygame.Rect] = []
    for i in range(count):
        col, row = divmod(i, rows) if by_columns else (i % columns, i // columns)
        left = area.x
        if centre_rows:
            in_row = min(columns, count - row * columns)
            left += (area.w - (in_row * w + (in_row - 1) * gap)) // 2
        cells.append(pygame.Rect(left + col * (w + gap), top + row * (h + gap), w, h))
    return cells
