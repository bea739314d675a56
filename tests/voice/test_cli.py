"""`gardiens voice check` and `build`, with a configured command as the engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from gardiens.cli import main
from tests.voice.fakes import fake_command


def test_check_lists_texts_without_audio_until_build_renders_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "kiosk.toml").write_text(
        f'[voice]\nengine = "command"\ncommand = """{fake_command(tmp_path)}"""\n',
        encoding="utf-8",
    )
    where = ["infox", "--lang", "en", "--age", "9-12", "--data-dir", str(tmp_path)]
    # GIVEN nothing rendered: every text is listed, and the check fails
    assert main(["voice", "check", *where]) == 1
    listed = capsys.readouterr().out.splitlines()
    assert listed[0] == "en 9-12 title: Fake news alert!" and len(listed) > 100
    assert listed[-1].startswith(f"{len(listed) - 1} ")
    # WHEN the mission is built THEN a table says what was rendered, and the check passes
    assert main(["voice", "build", *where]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[1].split()[:2] == ["en", "9-12"] and len(table) == 2
    assert main(["voice", "check", *where]) == 0
    summary = capsys.readouterr().out.splitlines()
    assert len(summary) == 1 and summary[0].startswith("0 ")
