"""The learning check on the dashboard: a before/after section per group that has one, and its
counts in the CSV; a group without one shows no section and leaves those columns empty."""

from __future__ import annotations

import csv
import io

from gardiens.core.records import figures
from gardiens.i18n.interface import InterfaceTranslator
from gardiens.reports.dashboard import dashboard_csv, render_dashboard
from tests.core.test_learning import MISSION

MISSIONS = {MISSION.id: MISSION}


def row(age: str, learning: dict[str, int]) -> dict[str, object]:
    return {"mission": MISSION.id, "age": age, "language": "fr", "outcome": "won", "elapsed": 300.0,
            "puzzles": {}, "learning": learning}


def counts(before: tuple[int, int, int], after: tuple[int, int, int]) -> dict[str, int]:
    out = {}
    for moment, values in (("before", before), ("after", after)):
        for how, n in zip(("right", "wrong", "skipped"), values, strict=True):
            out[f"{moment}_{how}"] = n
    return out


ROWS = [
    row("9-12", counts((1, 1, 0), (2, 0, 0))),
    row("9-12", counts((0, 1, 1), (1, 1, 0))),
    row("13-16", {}),
]


def test_the_page_shows_the_share_right_before_and_after_in_each_language() -> None:
    table = figures(ROWS)
    french = render_dashboard(table, MISSIONS, InterfaceTranslator("fr"))
    assert french.count("Ce que les équipes ont appris") == 1  # the 13-16 group has no check
    # Before: 1 right out of 3 answered; after: 3 out of 4.
    assert "33" in french and "75" in french
    assert "2 équipes ont répondu à la vérification." in french
    english = render_dashboard(table, MISSIONS, InterfaceTranslator("en"))
    assert "Before the mission" in english and "After the mission" in english


def test_the_csv_carries_the_counts_on_the_group_line_only() -> None:
    lines = list(csv.DictReader(io.StringIO(dashboard_csv(figures(ROWS), MISSIONS, InterfaceTranslator("fr")))))
    checked = [line for line in lines if line["check_sessions"]]
    assert len(checked) == 1
    (line,) = checked
    assert (line["age"], line["puzzle"]) == ("9-12", "")
    assert [line[f"check_{how}_before"] for how in ("right", "wrong", "skipped")] == ["1", "2", "1"]
    assert [line[f"check_{how}_after"] for how in ("right", "wrong", "skipped")] == ["3", "1", "0"]
    assert float(line["check_rate_before"]) == 0.333 and float(line["check_rate_after"]) == 0.75
