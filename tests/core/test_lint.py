"""Lint of shape-valid missions: ids, references, images, reachability, winnability, age bands."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from gardiens.core.diagnostics import Diagnostic
from gardiens.core.lint import TEXT_MAXIMUMS, lint_mission, solvable_puzzles
from gardiens.core.loader import load_mission

VALID = Path(__file__).resolve().parents[1] / "data" / "valid" / "minimal"

Edit = Callable[[dict[str, Any]], None]


def check(tmp_path: Path, edit: Edit, *, folder: str = "minimal") -> list[Diagnostic]:
    """GIVEN the minimal valid mission, WHEN `edit` changes it, THEN its diagnostics."""
    data = yaml.safe_load((VALID / "scenario.yaml").read_text(encoding="utf-8"))
    edit(data)
    target = tmp_path / folder
    target.mkdir(exist_ok=True)
    shutil.copy(VALID / "fil.png", target / "fil.png")
    # Its English catalog comes along: `translations: [en]` needs one.
    shutil.copytree(VALID / "locales", target / "locales", dirs_exist_ok=True)
    (target / "scenario.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return load_mission(target / "scenario.yaml").diagnostics


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def puzzle(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(p for p in data["puzzles"] if p["id"] == ident)


def test_minimal_mission_is_clean(tmp_path: Path) -> None:
    assert check(tmp_path, lambda d: None) == []


def test_solvable_puzzles_follow_prerequisites_and_rewards() -> None:
    mission = load_mission(VALID / "scenario.yaml").mission
    assert mission is not None
    assert solvable_puzzles(mission) == {"source", "intox", "cadenas"}


def test_lint_without_source_or_folder_still_works() -> None:
    mission = load_mission(VALID / "scenario.yaml").mission
    assert mission is not None
    assert lint_mission(mission) == []


def test_duplicate_ids(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        puzzle(d, "intox")["id"] = "source"
        puzzle(d, "source")["choices"][1]["id"] = "journal"
        puzzle(d, "source")["rewards"][0]["id"] = "chiffre-2"

    found = codes(check(tmp_path, edit))
    assert found.count("GDN301") == 3


def test_unknown_references_suggest_a_name(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["goal"] = "cadena"
        puzzle(d, "intox")["requires"] = ["sourse"]
        puzzle(d, "cadenas")["code_from"] = ["chiffre-1", "chiffre-3"]

    diagnostics = [d for d in check(tmp_path, edit) if d.code == "GDN302"]
    assert len(diagnostics) == 3
    assert any("Vouliez-vous dire « cadenas » ?" in d.message for d in diagnostics)
    assert any("Vouliez-vous dire « source » ?" in d.message for d in diagnostics)


def test_prerequisite_cycle_is_reported_once(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        puzzle(d, "source")["requires"] = ["intox"]

    diagnostics = check(tmp_path, edit)
    loops = [d for d in diagnostics if d.code == "GDN307"]
    assert len(loops) == 1
    assert "« source » → « intox » → « source »" in loops[0].message
    assert "GDN306" in codes(diagnostics)


def test_final_code_needs_rewards_earned_elsewhere(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        puzzle(d, "cadenas")["rewards"] = [{"id": "bonus", "value": "1", "label": "Bonus"}]
        puzzle(d, "cadenas")["code_from"] = ["chiffre-1", "bonus"]

    found = codes(check(tmp_path, edit))
    assert "GDN308" in found
    assert "GDN306" in found


def test_goal_with_written_code_is_only_a_warning(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        del puzzle(d, "cadenas")["code_from"]
        puzzle(d, "cadenas")["code"] = "07"

    diagnostics = check(tmp_path, edit)
    assert codes(diagnostics) == ["GDN401"]
    assert diagnostics[0].severity == "warning"


def test_age_band_texts(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["title"] = {"9-12": "Le fil d'actu"}
        d["ages"] = ["9-12"]

    found = codes(check(tmp_path, edit))
    # briefing and a hint ladder have a 13-16 version the mission no longer declares.
    assert found.count("GDN311") == 2
    assert "GDN310" not in found


def test_missing_age_band_text(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        puzzle(d, "source")["prompt"] = {"9-12": "Qui a publié ce message ?"}

    diagnostics = check(tmp_path, edit)
    assert codes(diagnostics) == ["GDN310"]
    assert "« 13-16 »" in diagnostics[0].message


def test_empty_hint_ladders(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        puzzle(d, "source")["hints"] = []
        puzzle(d, "intox")["hints"]["13-16"] = []

    assert codes(check(tmp_path, edit)) == ["GDN309", "GDN309", "GDN309"]


@pytest.mark.parametrize(
    ("multiple", "correct", "count"), [(False, 2, 1), (False, 0, 1), (True, 0, 1), (True, 2, 0)]
)
def test_choice_rules(tmp_path: Path, multiple: bool, correct: int, count: int) -> None:
    def edit(d: dict[str, Any]) -> None:
        p = puzzle(d, "source")
        p["multiple"] = multiple
        for i, choice in enumerate(p["choices"]):
            choice["correct"] = i < correct

    assert codes(check(tmp_path, edit)).count("GDN312") == count


def hotspots(regions: list[dict[str, Any]]) -> Edit:
    def edit(d: dict[str, Any]) -> None:
        d["puzzles"].insert(
            0,
            {
                "id": "photo",
                "type": "hotspots",
                "title": "La photo",
                "prompt": "Trouvez l'indice.",
                "image": "fil.png",
                "feedback": {"right": "Oui.", "wrong": "Regardez mieux."},
                "hints": ["En haut."],
                "regions": regions,
            },
        )

    return edit


def test_hotspots(tmp_path: Path) -> None:
    wrong = {
        "id": "ciel",
        "label": "Le ciel",
        "x": 0.8,
        "y": 0.7,
        "w": 0.3,
        "h": 0.3,
        "correct": False,
    }
    edge = {
        "id": "sol",
        "label": "Le sol",
        "x": 0.7,
        "y": 0.7,
        "w": 0.3,
        "h": 0.3,
        "correct": False,
    }
    assert codes(check(tmp_path, hotspots([wrong, edge]))) == ["GDN313", "GDN314"]


def test_categories(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["puzzles"].insert(
            0,
            {
                "id": "tri",
                "type": "categorise",
                "title": "Le tri",
                "prompt": "Rangez.",
                "feedback": {"right": "Oui.", "wrong": "Non."},
                "hints": ["Lisez bien."],
                "categories": [
                    {"id": "fiable", "label": "Fiable"},
                    {"id": "douteux", "label": "Douteux"},
                    {"id": "vide", "label": "Vide"},
                ],
                "items": [
                    {"id": "a", "text": "A", "category": "fiable"},
                    {"id": "b", "text": "B", "category": "douteu"},
                ],
            },
        )

    diagnostics = check(tmp_path, edit)
    assert codes(diagnostics) == ["GDN404", "GDN404", "GDN302"]
    assert "Vouliez-vous dire « douteux » ?" in diagnostics[2].message


def test_translation_into_source_language_and_debrief_length(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["translations"] = ["en", "fr"]
        d["debrief"]["key_messages"] = ["Un.", "Deux.", "Trois.", "Quatre."]
        puzzle(d, "source")["prompt"] = "Lisez bien. " * 45
        puzzle(d, "source")["title"] = (
            "Un titre beaucoup trop long pour tenir sur la carte de la mission"
        )

    diagnostics = check(tmp_path, edit)
    assert sorted(codes(diagnostics)) == ["GDN315", "GDN402", "GDN402", "GDN403", "GDN403"]
    assert all(d.severity == "warning" for d in diagnostics if d.code.startswith("GDN4"))


@pytest.mark.parametrize(
    ("image", "code"),
    [
        ("absente.png", "GDN303"),
        ("../fil.png", "GDN304"),
        ("/etc/passwd", "GDN304"),
        ("C:\\images\\fil.png", "GDN304"),
        ("images/../../fil.png", "GDN304"),
        ("lien.png", "GDN304"),
    ],
)
def test_images_stay_inside_the_mission_folder(tmp_path: Path, image: str, code: str) -> None:
    (tmp_path / "minimal").mkdir()
    (tmp_path / "dehors.png").write_bytes(b"x")
    (tmp_path / "minimal" / "lien.png").symlink_to(tmp_path / "dehors.png")

    def edit(d: dict[str, Any]) -> None:
        d["cover"] = image

    assert codes(check(tmp_path, edit)) == [code]


def test_folder_named_after_the_mission(tmp_path: Path) -> None:
    diagnostics = check(tmp_path, lambda d: None, folder="autre-nom")
    assert codes(diagnostics) == ["GDN405"]


def test_settings_reference_their_options(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["puzzles"].insert(
            0,
            {
                "id": "reglages",
                "type": "settings",
                "title": "Les réglages",
                "prompt": "Protégez le profil.",
                "profile": "Lou, 12 ans",
                "feedback": {"right": "Oui.", "wrong": "Non."},
                "hints": ["Qui peut voir ?"],
                "settings": [
                    {
                        "id": "profil",
                        "label": "Qui voit le profil",
                        "options": [
                            {"id": "tous", "label": "Tout le monde"},
                            {"id": "amis", "label": "Amis"},
                        ],
                        "start": "tout",
                        "expected": ["amis"],
                        "feedback": "Un profil public se voit de partout.",
                    }
                ],
            },
        )

    diagnostics = check(tmp_path, edit)
    assert codes(diagnostics) == ["GDN302"]
    assert "« tous »" in diagnostics[0].message


def test_story_events_name_known_puzzles_and_triggers_that_can_happen(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["duration"] = 10
        d["events"] = [
            {"on_solved": "sourse", "speaker": "lumi", "text": "Bravo !"},
            {"after_solved": 2, "speaker": "adversary", "text": "Ha !", "opens": "intoks"},
            {"after_solved": 3, "speaker": "adversary", "text": "Trop tard."},
            {"time_left": 600, "speaker": "lumi", "text": "Vite !"},
        ]

    diagnostics = check(tmp_path, edit)
    assert codes(diagnostics) == ["GDN302", "GDN302", "GDN317", "GDN318"]
    assert "Vouliez-vous dire « source » ?" in diagnostics[0].message
    assert "Vouliez-vous dire « intox » ?" in diagnostics[1].message
    assert [d.line for d in diagnostics] == sorted(d.line for d in diagnostics)
    assert "moins de 3" in diagnostics[2].message
    assert "600 secondes" in diagnostics[3].message


def test_a_story_event_with_two_triggers_is_a_located_shape_error(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["events"] = [{"after_solved": 1, "time_left": 60, "speaker": "lumi", "text": "Oh."}]

    diagnostics = check(tmp_path, edit)
    assert codes(diagnostics) == ["GDN209"]
    assert "un seul déclencheur" in diagnostics[0].message


def test_scene_spots_name_puzzles_and_stay_on_the_picture(tmp_path: Path) -> None:
    # GIVEN a scene whose picture is the mission's own, with a typo, a spot off the picture and
    # one at the cropped edge
    def edit(d: dict[str, Any]) -> None:
        d["scene"] = {"picture": "fil.png",
                      "spots": {"sourse": [30, 40], "intox": [50, 130], "cadenas": [96, 50]}}

    diagnostics = check(tmp_path, edit)
    # THEN each is reported at its spot, the typo with the puzzle it meant
    unknown = [d for d in diagnostics if d.code == "GDN302"]
    assert len(unknown) == 1 and "Vouliez-vous dire « source » ?" in unknown[0].message
    assert codes(diagnostics).count("GDN325") == 1 and codes(diagnostics).count("GDN415") == 1
    assert len({d.line for d in diagnostics}) == 3


def test_scene_picture_must_exist(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["scene"] = {"picture": "absente.svg", "spots": {}}
        d["time_up"] = "Le temps est écoulé, mais vous avez bien avancé !"

    assert codes(check(tmp_path, edit)) == ["GDN303"]


@pytest.mark.parametrize(
    ("where", "field"),
    [
        (("title",), "title"),
        (("briefing", "13-16"), "briefing"),
        (("puzzles", 0, "prompt"), "prompt"),
        (("puzzles", 0, "hints", 0), "hints"),
        (("puzzles", 0, "feedback", "wrong"), "wrong"),
        (("debrief", "key_messages", 0), "key_messages"),
    ],
)
def test_a_text_past_its_maximum_is_an_error_located_at_it(
    tmp_path: Path, where: tuple[str | int, ...], field: str
) -> None:
    limit = TEXT_MAXIMUMS[field]

    def edit(d: dict[str, Any]) -> None:
        if where == ("briefing", "13-16"):
            d["briefing"] = {"9-12": "Court.", "13-16": "x" * (limit + 1)}
            return
        node: Any = d
        for step in where[:-1]:
            node = node[step]
        node[where[-1]] = "Un mot. " * (limit // 8) + "x" * (limit % 8 + 1)

    diagnostics = check(tmp_path, edit)
    over = [d for d in diagnostics if d.code == "GDN326"]
    assert len(over) == 1, [d.render() for d in diagnostics]
    assert over[0].severity == "error"
    assert f"{limit + 1} caractères" in over[0].message
    # Located at the text itself, not at the file or its block.
    source = load_mission(tmp_path / "minimal" / "scenario.yaml").source
    assert (over[0].line, over[0].col) == (source.at(where).line, source.at(where).col)
    assert over[0].line > 1


def test_a_text_at_its_maximum_is_allowed_in_each_band(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["briefing"] = {"9-12": "Court.", "13-16": "x" * TEXT_MAXIMUMS["briefing"]}

    assert "GDN326" not in codes(check(tmp_path, edit))


def test_root_causes_come_before_the_errors_they_lead_to(tmp_path: Path) -> None:
    """A loop through the final puzzle: the loop (GDN307, further down the file) is listed
    before "the mission cannot be won" (GDN306), which says where it comes from."""

    def edit(d: dict[str, Any]) -> None:
        puzzle(d, "source")["requires"] = ["cadenas"]

    diagnostics = [d for d in check(tmp_path, edit) if d.severity == "error"]
    assert codes(diagnostics) == ["GDN307", "GDN306"]
    loop, lost = diagnostics
    assert loop.line > lost.line
    assert lost.follows == "GDN307"
    assert f"Cela découle de GDN307 en {loop.file}:{loop.line}" in lost.message


def test_an_unknown_prerequisite_is_the_cause_of_an_unwinnable_mission(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        puzzle(d, "intox")["id"] = "source"

    diagnostics = [d for d in check(tmp_path, edit) if d.severity == "error"]
    assert codes(diagnostics) == ["GDN301", "GDN302", "GDN306"]
    unknown = diagnostics[1]
    assert "« intox », qui n'existe pas" in diagnostics[2].message
    assert f"Cela découle de GDN302 en {unknown.file}:{unknown.line}" in diagnostics[2].message


def _after_the_end(d: dict[str, Any]) -> None:
    bonus = {**puzzle(d, "intox"), "id": "epilogue", "requires": ["cadenas"], "rewards": []}
    d["puzzles"].append(bonus)


def test_a_puzzle_that_waits_for_the_final_one_never_opens(tmp_path: Path) -> None:
    diagnostics = check(tmp_path, _after_the_end)
    assert codes(diagnostics) == ["GDN305"]
    (found,) = diagnostics
    assert "« epilogue »" in found.message
    assert "l'énigme finale « cadenas », dont la résolution termine la mission" in found.message
    text = (tmp_path / "minimal" / "scenario.yaml").read_text(encoding="utf-8").splitlines()
    assert text[found.line - 1].strip() == "- id: epilogue"


def test_a_story_event_can_open_what_its_rules_never_would(tmp_path: Path) -> None:
    """Reachability is one fixed point over every way a puzzle opens, story events included."""

    def edit(d: dict[str, Any]) -> None:
        _after_the_end(d)
        d["events"] = [{"on_solved": "source", "speaker": "lumi", "text": "Vite !", "opens": "epilogue"}]

    assert codes(check(tmp_path, edit)) == []
    mission = load_mission(tmp_path / "minimal" / "scenario.yaml").mission
    assert mission is not None
    assert "epilogue" in solvable_puzzles(mission)


def test_an_event_after_the_final_puzzle_opens_nothing(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        _after_the_end(d)
        d["events"] = [{"on_solved": "cadenas", "speaker": "lumi", "text": "Vite !", "opens": "epilogue"}]

    assert codes(check(tmp_path, edit)) == ["GDN305"]
