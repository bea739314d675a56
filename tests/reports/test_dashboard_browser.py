"""The dashboard in a real headless browser (Debian's chromium): nothing wider than the window at
1280 and 800 px, and a printed A4 PDF of a sane number of pages, in French and in English."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from gardiens.core.journal import Journal
from gardiens.core.library import load_library
from gardiens.core.records import figures, record_finished
from gardiens.i18n.interface import InterfaceTranslator
from gardiens.reports.dashboard import render_dashboard

OLD_JOURNAL = Path(__file__).resolve().parents[1] / "data" / "journal-0.1.0.sqlite3"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Read after layout: the widest right edge of any element, written where --dump-dom shows it.
MEASURE = (
    "<script>window.addEventListener('load', () => {"
    " let right = 0; for (const e of document.querySelectorAll('*')) {"
    " right = Math.max(right, e.getBoundingClientRect().right); }"
    " document.body.dataset.measured = document.documentElement.scrollWidth + ' ' +"
    " Math.ceil(right); });</script>"
)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def chromium(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--no-first-run", "--virtual-time-budget=2000", *args],
        capture_output=True, text=True, timeout=90,
    )


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("dashboard")
    shutil.copy(OLD_JOURNAL, folder / "journal.sqlite3")
    journal = Journal.open(folder)
    missions = {mid: mission for mid, (mission, _) in load_library().items()}
    record_finished(journal, missions)
    table = figures(journal.results())
    journal.close()
    out = {}
    for language in ("fr", "en"):
        out[language] = folder / f"{language}.html"
        out[language].write_text(
            render_dashboard(table, missions, InterfaceTranslator(language)), encoding="utf-8"
        )
    return out


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("width", [1280, 800])
def test_nothing_overflows_the_window(pages: dict[str, Path], language: str, width: int,
                                      tmp_path: Path) -> None:
    measured = tmp_path / "measured.html"
    measured.write_text(pages[language].read_text(encoding="utf-8").replace(
        "</body>", MEASURE + "</body>"), encoding="utf-8")
    done = chromium(f"--window-size={width},900", "--dump-dom", measured.as_uri())
    found = re.search(r'data-measured="(\d+) (\d+)"', done.stdout)
    assert found, done.stderr[-2000:]
    scroll_width, right = map(int, found.groups())
    assert scroll_width <= width and right <= width


@pytest.mark.parametrize("language", ["fr", "en"])
def test_it_prints_on_a_sane_number_of_a4_pages(pages: dict[str, Path], language: str,
                                                tmp_path: Path) -> None:
    pdf = tmp_path / "dashboard.pdf"
    done = chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", pages[language].as_uri())
    assert pdf.exists(), done.stderr[-2000:]
    count = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    # Four groups, each starting a page, none so long that it needs more than three.
    assert 4 <= count <= 12
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf.read_bytes())
    assert box and (round(float(box[1])), round(float(box[2]))) == (595, 842)
