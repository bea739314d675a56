"""The mission loader: YAML without guessing, located problems, pydantic errors placed back."""

from __future__ import annotations

import shutil
import string
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
from pydantic import BaseModel

from gardiens.core import model
from gardiens.core.diagnostics import (
    MESSAGES,
    Diagnostic,
    Reporter,
    SourceMap,
    make,
    suggest,
)
from gardiens.core.loader import (
    MAX_ALIAS_NODES,
    MAX_FILE_BYTES,
    MAX_SHOWN_PER_CODE,
    load_mission,
    load_mission_bytes,
    parse_yaml,
)
from gardiens.i18n.interface import diagnostics_translator

DATA = Path(__file__).resolve().parents[1] / "data"
VALID = DATA / "valid" / "minimal" / "scenario.yaml"


def parse(text: str) -> tuple[Any, list[Diagnostic], SourceMap]:
    report = Reporter("m.yaml", SourceMap())
    return parse_yaml(text, report), report.diagnostics, report.source


def load(text: str | bytes) -> list[Diagnostic]:
    raw = text.encode() if isinstance(text, str) else text
    return load_mission_bytes(raw, file="m.yaml").diagnostics


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("", None),
        ("~", None),
        ("null", None),
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("0", 0),
        ("-12", -12),
        ("42", 42),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("1_000", "1_000"),
        ("12:30", "12:30"),
        ("'0123'", "0123"),
        ('"yes"', "yes"),
        ("!!str 5", "5"),
    ],
)
def test_plain_scalars_follow_yaml_1_2_core(written: str, value: object) -> None:
    data, diagnostics, _ = parse(f"v: {written}\n")
    assert diagnostics == []
    assert data == {"v": value}
    assert type(data["v"]) is type(value)


@pytest.mark.parametrize("written", ["0123", "007", "-01", "0o17", "0x1F", "0b101"])
def test_ambiguous_numbers_must_be_quoted(written: str) -> None:
    data, diagnostics, _ = parse(f"a: 1\ncode: {written}\n")
    assert codes(diagnostics) == ["GDN107"]
    assert (diagnostics[0].line, diagnostics[0].col) == (2, 7)
    assert f'"{written}"' in diagnostics[0].message
    assert data["code"] == written


def test_marks_of_keys_values_and_items() -> None:
    _, _, source = parse("id: m\npuzzles:\n  - id: p1\n    requires: [a, b]\n")
    assert source.key(("puzzles",)) == model_mark(2, 1)
    assert source.at(("id",)) == model_mark(1, 5)
    assert source.value(("puzzles", 0)) == model_mark(3, 5)
    assert source.at(("puzzles", 0, "requires", 1)) == model_mark(4, 19)
    assert source.at(("puzzles", 0, "nothing", "here")) == model_mark(3, 5)


def model_mark(line: int, col: int) -> Any:
    from gardiens.core.diagnostics import Mark

    return Mark(line, col)


def test_duplicate_key_is_located_on_the_second_one() -> None:
    _, diagnostics, _ = parse("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert [(d.code, d.line, d.col) for d in diagnostics] == [("GDN102", 4, 3)]
    assert "ligne 3" in diagnostics[0].message


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object:os.system x\n",
        "a: !!python/object/apply:os.system [ls]\n",
        "a: !!python/name:os.system\n",
        "a: !custom {x: 1}\n",
        "a: !!binary aGVsbG8=\n",
        "a: !!int 5\n",
        "!!python/object:x b: 1\n",
    ],
)
def test_tags_are_refused_and_located(text: str) -> None:
    _, diagnostics, _ = parse(text)
    assert "GDN103" in codes(diagnostics)
    assert diagnostics[0].line == 1


@pytest.mark.parametrize(
    ("raw", "code", "line"),
    [
        (b"", "GDN105", 1),
        (b"# only a comment\n", "GDN105", 1),
        (b"id: m\ntitle: caf\xe9\n", "GDN104", 2),
        (b"- a\n- b\n", "GDN106", 1),
        (b"just text\n", "GDN106", 1),
        (b"a: 1\nb: [1, 2\n", "GDN101", 3),
        (b"a: 1\n\tb: 2\n", "GDN101", 2),
        (b"a: b: c\n", "GDN101", 1),
        (b"a: 1\n---\nb: 2\n", "GDN101", 2),
        (b"a: \x01\n", "GDN101", 1),
        (b"? [x]\n: 1\n", "GDN110", 1),
        (b"a: &x [*x]\n", "GDN111", 1),
    ],
)
def test_unreadable_files_get_a_located_error(raw: bytes, code: str, line: int) -> None:
    located = [(d.code, d.line) for d in load(raw)]
    assert (code, line) in located


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for n in range(1, 9):
        previous = chr(ord("a") + n - 1)
        lines.append(
            f"{chr(ord('a') + n)}: &{chr(ord('a') + n)} [{', '.join(['*' + previous] * 9)}]"
        )
    assert "GDN111" in codes(load("\n".join(lines)))


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert codes(load_mission(tmp_path / "absent.yaml").diagnostics) == ["GDN109"]
    assert codes(load_mission(tmp_path).diagnostics) == ["GDN109"]


def test_valid_mission_loads_without_diagnostics() -> None:
    result = load_mission(VALID)
    assert result.diagnostics == []
    assert result.ok
    assert result.mission is not None
    assert result.mission.goal == "cadenas"
    assert result.source.at(("goal",)).line == 12


def valid_text() -> str:
    return VALID.read_text(encoding="utf-8")


def test_yes_no_where_a_boolean_is_expected() -> None:
    text = valid_text().replace("        correct: true", "        correct: no")
    diagnostics = load(text)
    assert codes(diagnostics) == ["GDN108"]
    assert "true" in diagnostics[0].message and "false" in diagnostics[0].message
    line = text.splitlines().index("        correct: no") + 1
    assert diagnostics[0].line == line


def test_quoted_true_is_not_a_boolean() -> None:
    text = valid_text().replace("        correct: true", '        correct: "true"')
    assert codes(load(text)) == ["GDN203"]


def test_yes_no_stays_text_where_text_is_expected() -> None:
    text = valid_text().replace("    title: La source", "    title: no")
    assert load(text) == []


def test_text_union_failure_gives_one_clear_message() -> None:
    text = valid_text().replace("    title: La source", "    title: [La, source]")
    diagnostics = load(text)
    assert codes(diagnostics) == ["GDN203"]
    assert "un texte par tranche d'âge" in diagnostics[0].message
    assert "une liste" in diagnostics[0].message


def test_nested_union_failure_points_at_the_item() -> None:
    text = valid_text().replace("      - Regardez en haut du message.", "      - [Regarde, en haut]")
    diagnostics = load(text)
    assert codes(diagnostics) == ["GDN203"]
    assert diagnostics[0].line == text.splitlines().index("      - [Regarde, en haut]") + 1


def test_wrong_age_band_key_is_located_on_the_key() -> None:
    text = valid_text().replace('  "13-16": Une infox', '  "13-17": Une infox')
    diagnostics = load(text)
    assert codes(diagnostics) == ["GDN204"]
    assert "Vouliez-vous dire « 13-16 » ?" in diagnostics[0].message
    assert (diagnostics[0].line, diagnostics[0].col) == (11, 3)


def test_missing_field_points_at_the_parent_block() -> None:
    text = valid_text().replace("      wrong: Ce n'est pas le bon code. Relisez vos indices.\n", "")
    diagnostics = load(text)
    assert codes(diagnostics) == ["GDN202"]
    assert "« wrong »" in diagnostics[0].message
    assert diagnostics[0].line == text.splitlines().index("    feedback:", 60) + 1


def test_unknown_puzzle_type_suggests_a_type() -> None:
    text = valid_text().replace("    type: true_false", "    type: true_flase")
    diagnostics = load(text)
    assert codes(diagnostics) == ["GDN205"]
    assert "« true_false »" in diagnostics[0].message
    assert diagnostics[0].col == 11


def test_unknown_field_inside_a_puzzle_suggests_from_that_puzzle_type() -> None:
    text = valid_text().replace("    statements:", "    statement:")
    diagnostics = load(text)
    assert codes(diagnostics) == ["GDN201"]
    assert "Vouliez-vous dire « statements » ?" in diagnostics[0].message


def test_code_and_code_from_together() -> None:
    text = valid_text().replace("    code_from:", '    code: "07"\n    code_from:')
    diagnostics = load(text)
    assert codes(diagnostics) == ["GDN209"]
    assert "pas les deux" in diagnostics[0].message


def test_several_problems_at_once_in_english() -> None:
    text = (
        valid_text()
        .replace("theme: infox", "theme: infos")
        .replace("duration: 15", "duration: 0")
        .replace("  - id: intox", "  - id: Intox")
    )
    diagnostics = load(text)
    english = diagnostics_translator("en")
    assert codes(diagnostics) == ["GDN204", "GDN207", "GDN206"]
    assert [d.line for d in diagnostics] == sorted(d.line for d in diagnostics)
    assert "Did you mean “infox”?" in diagnostics[0].render(english)
    assert "at least 1" in diagnostics[1].render(english)
    assert "lowercase" in diagnostics[2].render(english)


def test_every_code_has_a_title_a_message_and_the_severity_of_its_range() -> None:
    for code, template in MESSAGES.items():
        assert code[:3] == "GDN" and len(code) == 6
        assert template.title and template.message
        assert list(string.Formatter().parse(template.message)), code
        expected = "warning" if code.startswith("GDN4") else "error"
        assert template.severity == expected, code


def test_rendering_is_stable() -> None:
    error = make("GDN102", file="a.yaml", line=3, col=5, key="id", first_line=2)
    warning = make("GDN405", file="a.yaml", line=1, col=1, folder="x", id="y")
    assert error.render().startswith("a.yaml:3:5: GDN102 La clé « id »")
    english = diagnostics_translator("en")
    assert warning.render(english).startswith("a.yaml:1:1: GDN405 warning: The folder “x”")
    assert warning.render().startswith("a.yaml:1:1: GDN405 avertissement : Le dossier « x »")


def test_suggest() -> None:
    assert suggest("promt", ["prompt", "title"]) == "prompt"
    assert suggest("Title", ["title"]) == "title"
    assert suggest("zzz", ["prompt", "title"]) is None


def _bool_fields(cls: type[BaseModel]) -> list[str]:
    return [
        f"{cls.__name__}.{name}"
        for name, info in cls.model_fields.items()
        if info.annotation is bool and not info.metadata
    ]


def test_model_booleans_are_strict() -> None:
    # A lax `bool` would accept "no" or "off" silently: every boolean must be StrictBool.
    models = [
        obj for obj in vars(model).values() if isinstance(obj, type) and issubclass(obj, BaseModel)
    ]
    lax = [name for cls in models for name in _bool_fields(cls)]
    assert lax == []
    assert get_origin(model.Puzzle) is not None and get_args(model.Puzzle)


def test_library_finds_and_resolves_missions(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from gardiens.core.library import (
        MissionNotFoundError,
        find_mission_files,
        load_library,
        resolve_mission,
        scenarios_dir,
    )

    assert scenarios_dir().name == "scenarios"
    monkeypatch.setenv("GARDIENS_SCENARIOS", str(DATA / "valid"))
    assert scenarios_dir() == DATA / "valid"
    assert find_mission_files([DATA / "valid", VALID]) == [VALID]
    assert resolve_mission("minimal") == VALID
    assert resolve_mission(str(VALID.parent)) == VALID
    assert resolve_mission(str(VALID)) == VALID
    for unknown in ("absente", "../valid/minimal", ""):
        with pytest.raises(MissionNotFoundError):
            resolve_mission(unknown)
    mission, path = load_library()["minimal"]
    assert (mission.id, path) == ("minimal", VALID)
    assert load_library(root=tmp_path / "nothing") == {}


def test_two_missions_with_the_same_id(tmp_path: Path) -> None:
    from gardiens.core.loader import check_paths

    for folder in ("un", "deux"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "scenario.yaml").write_text(valid_text(), encoding="utf-8")
        (tmp_path / folder / "fil.png").write_bytes((VALID.parent / "fil.png").read_bytes())
        shutil.copytree(VALID.parent / "locales", tmp_path / folder / "locales")
    found = [d.code for d in check_paths([tmp_path])]
    assert found.count("GDN316") == 1
    assert found.count("GDN405") == 2


def test_special_floats_are_read_without_a_traceback(tmp_path: Path) -> None:
    from gardiens.core.loader import load_mission_bytes

    for value in (".nan", ".inf", "-.inf", ".NaN"):
        raw = f"id: x\nduration: {value}\n".encode()
        result = load_mission_bytes(raw, file="m.yaml")
        assert result.mission is None
        assert result.errors and all(d.line >= 1 for d in result.errors)


def test_a_file_over_the_size_limit_gets_its_own_code_before_it_is_read() -> None:
    # GIVEN a file one byte over the limit, which would not even decode as UTF-8
    raw = b"\xff" + b"a" * MAX_FILE_BYTES
    # WHEN it is loaded, THEN only its size is reported, at the file's start
    diagnostics = load(raw)
    assert [(d.code, d.line, d.col) for d in diagnostics] == [("GDN112", 1, 1)]
    assert f"{MAX_FILE_BYTES // 1000} Ko" in diagnostics[0].message


def test_a_large_file_without_aliases_is_not_an_alias_explosion() -> None:
    # GIVEN more nodes than aliases may repeat, all written out in a file under the size limit
    items = ", ".join(["1"] * (MAX_ALIAS_NODES + 10))
    text = f"{valid_text()}\nextra: [{items}]\n"
    assert len(text.encode()) < MAX_FILE_BYTES
    # WHEN it is loaded, THEN it is read to the end: the unknown field is what is reported
    assert codes(load(text)) == ["GDN201"]


def test_problems_of_one_kind_are_capped_with_the_count_of_the_others() -> None:
    # GIVEN a mission with 25 unknown fields
    text = valid_text() + "".join(f"inconnu{n}: 1\n" for n in range(25))
    # WHEN it is loaded
    diagnostics = load(text)
    # THEN 20 are listed, the last one saying that 5 more follow
    assert codes(diagnostics) == ["GDN201"] * MAX_SHOWN_PER_CODE
    assert "5 autres problèmes GDN201" in diagnostics[-1].message
    assert "autre" not in diagnostics[-2].message
