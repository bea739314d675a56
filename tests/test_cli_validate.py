"""The `validate`, `schema` and `list` commands, driven like an educator would run them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gardiens.authoring.schema import schema_text
from gardiens.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
INVALID = sorted((DATA / "invalid").glob("*.yaml"))
VALID = DATA / "valid" / "minimal" / "scenario.yaml"


def expectations(path: Path) -> list[tuple[str, int]]:
    """The `# expect: CODE LINE` comments at the top of a fixture."""
    found = re.findall(r"^# expect: (GDN\d{3}) (\d+)$", path.read_text(encoding="utf-8"), re.M)
    return [(code, int(line)) for code, line in found]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_invalid_fixture_states_what_it_expects() -> None:
    names = {p.name for p in INVALID}
    assert {
        "duplicate_key.yaml",
        "unknown_field.yaml",
        "wrong_type.yaml",
        "unknown_reference.yaml",
        "unreachable.yaml",
        "unwinnable.yaml",
        "leading_zero.yaml",
        "python_tag.yaml",
        "image_parent.yaml",
        "image_absolute.yaml",
        "multi_error.yaml",
    } <= names
    assert all(expectations(p) for p in INVALID)


@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_fails_with_located_coded_lines(
    capsys: pytest.CaptureFixture[str], fixture: Path
) -> None:
    code, out, _ = run(capsys, "validate", str(fixture))
    assert code == 1
    for expected_code, line in expectations(fixture):
        pattern = rf"^{re.escape(str(fixture))}:{line}:\d+: {expected_code} "
        assert re.search(pattern, out, re.M), f"{expected_code} at line {line} missing in:\n{out}"


def test_multi_error_file_reports_every_problem_sorted_by_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    fixture = DATA / "invalid" / "multi_error.yaml"
    _, out, _ = run(capsys, "validate", str(fixture))
    lines = [int(m) for m in re.findall(r"^\S+?:(\d+):\d+: GDN", out, re.M)]
    assert len(lines) >= 6
    assert lines == sorted(lines)


def test_unknown_field_suggests_the_right_name(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "validate", str(DATA / "invalid" / "unknown_field.yaml"))
    assert "« promt »" in out
    assert "Vouliez-vous dire « prompt » ?" in out


def test_valid_mission_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(VALID))
    assert code == 0
    assert "0 erreur, 0 avertissement." in out


def test_folder_is_searched_for_missions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(DATA / "valid"))
    assert code == 0
    assert out.startswith("1 fichier vérifié : 0 erreur, 0 avertissement.")


def test_messages_in_french_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    fixture = str(DATA / "invalid" / "duplicate_key.yaml")
    _, french, _ = run(capsys, "validate", fixture)
    _, english, _ = run(capsys, "validate", "--lang", "en", fixture)
    assert "La clé « title » est écrite deux fois" in french
    assert "The key “title” is written twice" in english
    assert "1 file checked: 1 error, 0 warnings." in english


def test_warnings_are_marked_and_do_not_fail(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = VALID.read_text(encoding="utf-8").replace(
        "    code_from: [chiffre-1, chiffre-2]", '    code: "07"'
    )
    mission = tmp_path / "minimal" / "scenario.yaml"
    mission.parent.mkdir()
    mission.write_text(text, encoding="utf-8")
    (mission.parent / "fil.png").write_bytes((VALID.parent / "fil.png").read_bytes())
    shutil.copytree(VALID.parent / "locales", mission.parent / "locales")
    code, out, _ = run(capsys, "validate", str(mission))
    assert code == 0
    assert re.search(r":\d+:\d+: GDN401 avertissement : ", out)
    _, english, _ = run(capsys, "validate", "--lang", "en", str(mission))
    assert re.search(r":\d+:\d+: GDN401 warning: ", english)


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    fixture = DATA / "invalid" / "multi_error.yaml"
    code, out, _ = run(capsys, "validate", "--format", "json", str(fixture))
    assert code == 1
    report = json.loads(out)
    assert report["files"] == [str(fixture)]
    assert report["errors"] == len(report["diagnostics"]) >= 6
    first = report["diagnostics"][0]
    assert set(first) == {"file", "line", "col", "code", "severity", "message"}
    assert first["severity"] == "error"


def test_nonexistent_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", "nulle/part.yaml")
    assert code == 2
    assert "« nulle/part.yaml » n'existe pas" in err


def test_folder_without_missions_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path))
    assert code == 2
    assert "aucune mission" in err


def test_command_line_exit_codes() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "gardiens", "validate"]
    bad = subprocess.run(
        [*command, str(DATA / "invalid" / "python_tag.yaml")],
        capture_output=True,
        text=True,
        env=env,
    )
    good = subprocess.run([*command, str(VALID)], capture_output=True, text=True, env=env)
    usage = subprocess.run([*command, "--format", "xml", str(VALID)], capture_output=True, env=env)
    assert (bad.returncode, good.returncode, usage.returncode) == (1, 0, 2)
    assert "Traceback" not in bad.stderr
    assert "GDN103" in bad.stdout


def test_committed_schema_is_in_sync() -> None:
    committed = (ROOT / "scenarios" / "mission.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "run: GARDIENS_LANG=fr gardiens schema --out scenarios/mission.schema.json"
    )


def test_schema_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["title"]
    assert "puzzles" in schema["properties"]
    assert schema["properties"]["language"]["description"].startswith("Langue")
    target = tmp_path / "schema.json"
    assert run(capsys, "schema", "--out", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == out


def test_list_missions(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GARDIENS_SCENARIOS", str(DATA / "valid"))
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "id": "minimal",
            "title": "Le fil d'actu",
            "theme": "infox",
            "ages": ["9-12", "13-16"],
            "languages": ["fr", "en"],
            "path": str(VALID),
        }
    ]
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert out.startswith("minimal")
