"""The package as a user installs it: a wheel built from the checkout, in a venv of its own,
used from a folder that is not the checkout."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# What a wheel needs to be built from: the sources, not the venvs, caches or test references.
LEFT_OUT = shutil.ignore_patterns(
    ".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "tests", ".hypothesis"
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv holding only the built wheel; its dependencies are this test venv's own (the same
    locked releases), so the test needs no network."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(REPO, source, ignore=LEFT_OUT, symlinks=True)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(work / "dist"), str(source)],
        capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    # Verbose, so that the build back-end's own warnings would show.
    assert "Deprecat" not in built.stdout + built.stderr
    wheel = next((work / "dist").glob("gardiens-*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install",
         "--no-deps", "--no-index", "--quiet", str(wheel)],
        check=True,
    )
    site = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    Path(site, "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return venv


def test_the_wheel_carries_missions_fonts_icons_catalogs_and_schema(installed: Path) -> None:
    wheel = next(installed.parent.joinpath("dist").glob("gardiens-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "gardiens/bundled/scenarios/infox/scenario.yaml",
        "gardiens/bundled/scenarios/mission.schema.json",
        "gardiens/bundled/assets/fonts/Andika-Regular.ttf",
        "gardiens/bundled/assets/icons/lock.svg",
        "gardiens/bundled/locales/en/LC_MESSAGES/gardiens.mo",
        "gardiens/bundled/locales/en/LC_MESSAGES/infox.mo",
        "gardiens/i18n/keyboards/fr.yaml",
        "gardiens/i18n/keyboards/en.yaml",
    ):
        assert expected in names
    missions = [n for n in names if n.startswith("gardiens/bundled/scenarios/")]
    assert len([n for n in missions if n.endswith("/scenario.yaml")]) == 6


def run(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               GARDIENS_DATA_DIR=str(cwd / "data"))
    for name in ("GARDIENS_SCENARIOS", "GARDIENS_LOCALES", "PYTHONPATH"):
        env.pop(name, None)
    return subprocess.run(
        [str(installed / "bin" / "gardiens"), *args],
        capture_output=True, text=True, env=env, cwd=cwd, timeout=300,
    )


def test_commands_work_from_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import gardiens; print(gardiens.__file__)"],
        capture_output=True, text=True, cwd=tmp_path, check=True,
    ).stdout
    assert where.startswith(str(installed))
    listed = run(installed, tmp_path, "list")
    assert listed.returncode == 0, listed.stderr
    assert "infox" in listed.stdout and "jeux-video" in listed.stdout
    checked = run(installed, tmp_path, "validate")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "6 " in checked.stdout
    shot = run(installed, tmp_path, "screenshot", "infox", "--screen", "map", "--out", "map.png")
    assert shot.returncode == 0, shot.stderr
    assert (tmp_path / "map.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    catalogs = run(installed, tmp_path, "i18n", "check")
    assert catalogs.returncode == 0, catalogs.stdout + catalogs.stderr
    assert "infox" in catalogs.stdout


def test_the_installed_game_plays(installed: Path, tmp_path: Path) -> None:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               GARDIENS_BENCH_MARKS="1")
    game = subprocess.Popen(
        [str(installed / "bin" / "gardiens"), "play", "--windowed", "--data-dir", "data"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
    )
    assert game.stdout is not None
    assert [game.stdout.readline().strip() for _ in range(2)] == ["first-frame", "missions-ready"]
    game.send_signal(signal.SIGTERM)
    assert game.wait(timeout=30) == 0
    assert "Traceback" not in game.communicate()[1]
    won = run(installed, tmp_path, "autoplay", "infox", "--json")
    assert won.returncode == 0, won.stderr
