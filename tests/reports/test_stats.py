"""`gardiens stats` as people read it: titles instead of ids, mistakes as sentences, in English."""

from __future__ import annotations

import json

from gardiens.core.library import load_library
from gardiens.core.model import Mission
from gardiens.core.records import MissionStats, PuzzleStats, stats
from gardiens.i18n.interface import InterfaceTranslator
from gardiens.reports.stats import describe_stats


def infox() -> Mission:
    return load_library()["infox"][0]


def played(wrong: list[tuple[str, int]], puzzle: str = "fil-actu") -> list[MissionStats]:
    return [
        MissionStats(
            mission="infox",
            age="9-12",
            sessions=2,
            win_rate=0.5,
            median_seconds=377.0,
            puzzles=[PuzzleStats(puzzle, 2, 1.0, 1.5, 0.5, wrong)],
        )
    ]


def test_stats_in_english_name_missions_and_puzzles_by_their_titles() -> None:
    # GIVEN the news feed sorted with the swimming-pool post in the fake-news box, twice
    mission = infox()
    right = {p.id: p.category for p in mission.puzzle("fil-actu").posts}  # type: ignore[attr-defined]
    wrong = dict(right, piscine="infox" if right["piscine"] != "infox" else "fiable")
    # WHEN the stats are written in English
    text = describe_stats(played([(json.dumps(wrong), 2)]), {"infox": mission},
                          InterfaceTranslator("en"))
    # THEN titles, headings and the mistake are English sentences, with no id nor JSON
    assert "Fake news alert!" in text and "ages 9-12" in text
    assert "The news feed" in text and "Most common mistakes" in text
    assert "fil-actu" not in text and "{" not in text and "piscine" not in text
    (mistake,) = [line for line in text.splitlines() if "put in" in line]
    assert mistake.strip().startswith("· “The swimming pool") and mistake.endswith("(2 times)")
    assert "alerte" not in mistake  # only the post put in a wrong box is named


def test_an_order_and_a_typed_mistake_are_written_out() -> None:
    mission = infox()
    texts = describe_stats(
        played([('["deposer", "enregistrer", "plus-ancienne", "comparer"]', 1)], "recherche-inversee")
        + played([('{"mistake": 0}', 3)], "origine-photo"),
        {"infox": mission},
        InterfaceTranslator("en"),
    )
    assert "in this order: “Upload the image" in texts
    assert "typed: “" in texts and "(3 times)" in texts


def test_bars_compare_the_means_on_one_scale() -> None:
    table = played([])
    table[0].puzzles.append(PuzzleStats("phare", 2, 1.0, 3.0, 0.0, []))
    text = describe_stats(table, {"infox": infox()}, InterfaceTranslator("fr"))
    (feed,) = [line for line in text.splitlines() if "Le fil d'actu" in line]
    (lighthouse,) = [line for line in text.splitlines() if "Rallumer le phare" in line]
    # The largest mean of the table fills the bar; half of it, half the bar.
    assert "3.0 " + "█" * 16 in lighthouse and "█" * 17 not in lighthouse
    assert "1.5 " + "█" * 8 + " " in feed and " 0.5 ███" in feed


def test_no_game_yet_is_said() -> None:
    assert describe_stats([], {}, InterfaceTranslator("en")) == "No finished game yet."


def test_the_timer_modes_played_are_said_and_older_results_are_not_guessed() -> None:
    # GIVEN three results, one kept by a release that had no timer modes
    rows = [{"mission": "infox", "age": "9-12", "language": "en", "outcome": "won", "elapsed": 300.0,
             "puzzles": {}, "timer": timer} for timer in ("relaxed", "off")]
    rows.append({"mission": "infox", "age": "9-12", "language": "en", "outcome": "won", "elapsed": 300.0,
                 "puzzles": {}})
    # WHEN the statistics are written, THEN the modes are counted in the team's words
    (group,) = stats(rows)
    assert group.timers == {"relaxed": 1, "off": 1}
    text = describe_stats([group], {"infox": infox()}, InterfaceTranslator("en"))
    assert "Timer: Longer 1 · No timer 1" in text
    # AND a table with no mode known says nothing of them
    assert "Timer" not in describe_stats(played([]), {"infox": infox()}, InterfaceTranslator("en"))
