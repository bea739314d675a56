"""The console end to end: a real mosquitto, two headless kiosks, `gardiens console` as its own
process, and Debian's chromium driven by Playwright — log in, see the kiosks, launch, push a
hint, pause, survive a broker restart, see a killed kiosk go offline."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gardiens.core.facilitator import set_pin
from gardiens.core.session import Lifecycle
from tests.net.conftest import Broker, free_port, until
from tests.net.test_link import Kiosk
from tests.ui.conftest import MISSION_DIR

CHROMIUM = "/usr/bin/chromium"
PIN = "1357"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="Debian's chromium is not installed (./run-tests installs it when it can)")


@pytest.fixture(scope="module")
def kiosks(broker: Broker) -> Iterator[dict[str, Kiosk]]:
    started = {name: Kiosk(broker, name) for name in ("kiosk-a", "kiosk-b")}
    yield started
    for kiosk in started.values():
        kiosk.close()


@pytest.fixture(scope="module")
def console_url(broker: Broker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("console")
    set_pin(folder, PIN)
    (folder / "console.password").write_text(broker.password("console") + "\n")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gardiens", "console", "--data-dir", str(folder), "--port", str(port),
         "--broker", "127.0.0.1", "--broker-port", str(broker.port),
         "--password-file", str(folder / "console.password"), "--mission", str(MISSION_DIR),
         "--lang", "fr"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        until(lambda: _answers(port), timeout=30)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def test_the_console_in_a_real_browser(broker: Broker, kiosks: dict[str, Kiosk], console_url: str,
                                       tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    a, b = kiosks["kiosk-a"], kiosks["kiosk-b"]

    def frames() -> None:
        for kiosk in kiosks.values():
            kiosk.pilot.advance()

    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1024, "height": 768})
        try:
            page.goto(console_url)
            page.fill("#pin", PIN)
            page.click("button[type=submit]")
            card = {name: page.locator(f'article[data-kiosk="{name}"]') for name in ("kiosk-a", "kiosk-b",
                                                                                      "kiosk-c")}

            def shows(name: str, text: str) -> Callable[[], bool]:
                return lambda: card[name].count() == 1 and text in card[name].inner_text()

            until(shows("kiosk-a", "en ligne"), step=frames)
            until(shows("kiosk-b", "en ligne"), step=frames)

            # Launch on kiosk-a from its card; the kiosk acknowledges, the card says so.
            launch = card["kiosk-a"].locator("form.launch")
            launch.locator("select[name=mission]").select_option("essai-ui")
            launch.locator("button[type=submit]").click()
            until(lambda: a.pilot.app.state.lifecycle is Lifecycle.BRIEFING, step=frames)
            until(lambda: card["kiosk-a"].locator(".command.confirmed").count() == 1, step=frames)
            a.pilot.tap("start")
            b_launch = card["kiosk-b"].locator("form.launch")
            b_launch.locator("select[name=mission]").select_option("essai-ui")
            b_launch.locator("button[type=submit]").click()
            until(lambda: b.pilot.app.state.lifecycle is Lifecycle.BRIEFING, step=frames)
            b.pilot.tap("start")
            until(shows("kiosk-a", "en jeu"), step=frames)
            until(shows("kiosk-b", "en jeu"), step=frames)

            # The next hint reaches kiosk-a's team.
            card["kiosk-a"].locator('button[data-order="hint"]').click()
            until(lambda: sum(len(p.pushed) + p.hints for p in a.pilot.app.state.puzzles.values()) == 1,
                  step=frames)
            until(lambda: card["kiosk-a"].locator(".hints").inner_text() == "1", step=frames)

            # Pause kiosk-b only.
            card["kiosk-b"].locator('button[data-order="pause"]').click()
            until(lambda: b.pilot.app.state.lifecycle is Lifecycle.PAUSED, step=frames)
            until(shows("kiosk-b", "en pause"), step=frames)
            assert a.pilot.app.state.lifecycle is Lifecycle.PLAYING

            # The broker goes away and comes back: the page says so, then converges again.
            broker.stop()
            until(lambda: page.locator("#banner").is_visible(), step=frames, timeout=15)
            broker.start()
            until(lambda: not page.locator("#banner").is_visible(), step=frames, timeout=30)
            card["kiosk-b"].locator('button[data-order="resume"]').click()
            until(lambda: b.pilot.app.state.lifecycle is Lifecycle.PLAYING, step=frames, timeout=20)
            until(shows("kiosk-b", "en jeu"), step=frames)

            # A kiosk killed outright: its last will turns its card offline.
            password = tmp_path / "kiosk.password"
            password.write_text(broker.password("kiosk-c") + "\n")
            (tmp_path / "kiosk.toml").write_text(
                f'[link]\nhost = "127.0.0.1"\nport = {broker.port}\nkiosk = "kiosk-c"\n'
                f'password_file = "{password}"\n')
            child = subprocess.Popen([sys.executable, "-m", "gardiens", "play", str(MISSION_DIR),
                                      "--windowed", "--size", "640x400", "--data-dir", str(tmp_path)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                until(shows("kiosk-c", "en ligne"), step=frames, timeout=30)
                child.send_signal(signal.SIGKILL)
                child.wait(timeout=10)
                until(shows("kiosk-c", "hors ligne"), step=frames, timeout=30)
            finally:
                if child.poll() is None:
                    child.kill()
                    child.wait()
            assert page.locator(".command.failed").count() == 0
        finally:
            browser.close()

