"""Two headless kiosks linked through a real mosquitto, driven by a test client as the console:
retained state, commands and their replies, bad input, the ACL, a broker restart, a killed kiosk."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gardiens.core.kiosk import KioskSettings, LinkSettings
from gardiens.core.session import Lifecycle
from gardiens.net.link import KioskLink
from gardiens.net.protocol import MAX_PAYLOAD, topic
from gardiens.testing.pilot import Pilot
from tests.net.conftest import Broker, Listener, until
from tests.ui.conftest import MISSION_DIR, load

PREFIX = "gardiens/v1"


def path(kiosk: str, leaf: str) -> str:
    return topic(PREFIX, kiosk, leaf)  # type: ignore[arg-type]


class Kiosk:
    def __init__(self, broker: Broker, name: str) -> None:
        mission = load(MISSION_DIR / "scenario.yaml")
        self.pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: MISSION_DIR},
                                  size=(800, 600))
        settings = LinkSettings(host="127.0.0.1", port=broker.port, kiosk=name,
                                password=broker.password(name))
        self.link = KioskLink(settings, KioskSettings(link=settings))
        self.pilot.app.link = self.link
        self.link.start()

    def close(self) -> None:
        self.link.stop()
        self.pilot.close()


@pytest.fixture(scope="module")
def kiosks(broker: Broker) -> Iterator[dict[str, Kiosk]]:
    started = {name: Kiosk(broker, name) for name in ("kiosk-a", "kiosk-b")}
    yield started
    for kiosk in started.values():
        kiosk.close()


@pytest.fixture
def console(broker: Broker) -> Iterator[Listener]:
    listener = Listener(broker, "console", *(f"{PREFIX}/kiosk/+/{leaf}"
                                              for leaf in ("state", "event", "status", "reply")))
    yield listener
    listener.close()


def frames(kiosks: dict[str, Kiosk]) -> None:
    for kiosk in kiosks.values():
        kiosk.pilot.advance()


def last_state(listener: Listener, kiosk: str) -> dict[str, object]:
    states = listener.on(path(kiosk, "state"))
    return json.loads(states[-1]) if states else {}


def order(console: Listener, kiosks: dict[str, Kiosk], kiosk: str, id: str | None,
          command: dict[str, object] | None = None, *, raw: bytes | None = None) -> dict[str, object]:
    """Send a command and wait for its reply (the reply with that id, or the next one)."""
    before = len(console.on(path(kiosk, "reply")))
    console.publish(path(kiosk, "command"),
                    raw if raw is not None else json.dumps({"v": 1, "id": id, "command": command}))
    until(lambda: len(console.on(path(kiosk, "reply"))) > before, step=lambda: frames(kiosks))
    reply = json.loads(console.on(path(kiosk, "reply"))[-1])
    assert reply["id"] == id
    return reply


def test_console_drives_two_kiosks(broker: Broker, kiosks: dict[str, Kiosk], console: Listener) -> None:
    a, b = kiosks["kiosk-a"], kiosks["kiosk-b"]
    until(lambda: last_state(console, "kiosk-a").get("lifecycle") == "attract", step=lambda: frames(kiosks))
    until(lambda: [json.loads(s)["online"] for s in console.on(path("kiosk-b", "status"))][-1:] == [True],
          step=lambda: frames(kiosks))

    launch = {"kind": "launch", "mission": "essai-ui", "band": "9-12", "language": "fr", "minutes": 10}
    assert order(console, kiosks, "kiosk-a", "a-1", launch)["ok"] is True
    assert a.pilot.app.state.lifecycle is Lifecycle.BRIEFING
    a.pilot.tap("start")
    assert order(console, kiosks, "kiosk-b", "b-1", launch)["ok"] is True
    b.pilot.tap("start")

    # A prop that connects late gets the state at once: it is retained.
    until(lambda: last_state(console, "kiosk-a").get("lifecycle") == "playing", step=lambda: frames(kiosks))
    prop = Listener(broker, "props", path("kiosk-a", "state"))
    until(lambda: prop.on(path("kiosk-a", "state")), step=lambda: frames(kiosks))
    seen = json.loads(prop.on(path("kiosk-a", "state"))[0])
    prop.close()
    assert seen["mission"] == "essai-ui" and seen["band"] == "9-12" and seen["team"]
    assert seen["time_left"] > 0 and seen["v"] == 1

    assert order(console, kiosks, "kiosk-a", "a-2", {"kind": "hint"})["ok"] is True
    assert sum(len(p.pushed) + p.hints for p in a.pilot.app.state.puzzles.values()) == 1
    until(lambda: last_state(console, "kiosk-a").get("hints_used") == 1, step=lambda: frames(kiosks))
    # A ready-made message, by its number, reaches the team in the kiosk's language.
    assert order(console, kiosks, "kiosk-a", "a-2b", {"kind": "hint", "ready": 0})["ok"] is True
    pushed = [text for p in a.pilot.app.state.puzzles.values() for text in p.pushed]
    assert pushed == ["Relisez la consigne ensemble."]

    add = {"kind": "add_time", "seconds": 60}
    assert order(console, kiosks, "kiosk-a", "a-3", add)["ok"] is True
    # The same id again: answered again, applied once.
    assert order(console, kiosks, "kiosk-a", "a-3", add)["ok"] is True
    assert a.pilot.app.state.added == 60

    assert order(console, kiosks, "kiosk-b", "b-2", {"kind": "pause"})["ok"] is True
    assert b.pilot.app.state.lifecycle is Lifecycle.PAUSED
    assert a.pilot.app.state.lifecycle is Lifecycle.PLAYING
    until(lambda: last_state(console, "kiosk-b").get("lifecycle") == "paused", step=lambda: frames(kiosks))
    events = [json.loads(e)["kind"] for e in console.on(path("kiosk-b", "event"))]
    assert "paused" in events


def test_bad_commands_are_refused_and_nothing_breaks(kiosks: dict[str, Kiosk], console: Listener) -> None:
    a = kiosks["kiosk-a"]
    refusal = order(console, kiosks, "kiosk-a", "bad-1", {"kind": "solve", "puzzle": "nowhere"})
    assert (refusal["ok"], refusal["code"]) == (False, "unknown_puzzle") and refusal["message"]
    assert order(console, kiosks, "kiosk-a", "bad-2", {"kind": "add_time", "seconds": 1e9})["code"] == (
        "added_time_out_of_range")
    assert order(console, kiosks, "kiosk-a", "bad-3", {"kind": "explode"})["code"] == "unknown_command"
    assert order(console, kiosks, "kiosk-a", "bad-4", {"kind": "hint", "ready": 42})["code"] == (
        "unknown_ready_hint")
    assert order(console, kiosks, "kiosk-a", None, raw=b"{not json")["code"] == "malformed"
    assert order(console, kiosks, "kiosk-a", None, raw=b"[1, 2]")["code"] == "malformed"
    huge = json.dumps({"v": 1, "id": "big", "command": {"kind": "pause", "x": "a" * MAX_PAYLOAD}})
    assert order(console, kiosks, "kiosk-a", None, raw=huge.encode())["code"] == "too_large"
    assert order(console, kiosks, "kiosk-a", "old", raw=b'{"v": 0, "id": "old"}')["code"] == (
        "unsupported_version")
    assert a.pilot.app.errors == []
    frames(kiosks)
    assert a.pilot.app.state.lifecycle is not Lifecycle.ATTRACT


def test_a_kiosk_cannot_command_or_speak_for_another(broker: Broker, kiosks: dict[str, Kiosk],
                                                     console: Listener) -> None:
    b = kiosks["kiosk-b"]
    intruder = Listener(broker, "kiosk-a")
    intruder.publish(path("kiosk-b", "command"),
                     json.dumps({"v": 1, "id": "forged", "command": {"kind": "reset"}}))
    intruder.publish(path("kiosk-b", "state"), b'{"forged": true}')
    intruder.publish(path("kiosk-a", "command"),
                     json.dumps({"v": 1, "id": "self", "command": {"kind": "end"}}))
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:
        frames(kiosks)
        time.sleep(0.02)
    intruder.close()
    replies = [json.loads(r)["id"] for k in ("kiosk-a", "kiosk-b") for r in console.on(path(k, "reply"))]
    assert "forged" not in replies and "self" not in replies
    assert b.pilot.app.state.lifecycle is not Lifecycle.ATTRACT
    assert all(b'forged' not in s for s in console.on(path("kiosk-b", "state")))
    assert kiosks["kiosk-a"].pilot.app.state.lifecycle is Lifecycle.PLAYING


def test_broker_restart_mid_game(broker: Broker, kiosks: dict[str, Kiosk], console: Listener) -> None:
    a = kiosks["kiosk-a"]
    broker.stop()
    # The game goes on without the broker: frames run and the team's commands are taken.
    played = a.pilot.app.frames
    for _ in range(30):
        frames(kiosks)
    assert a.pilot.app.frames == played + 30
    a.pilot.clock.advance(5)  # type: ignore[union-attr]
    broker.start()
    before = len(console.on(path("kiosk-a", "state")))
    until(lambda: len(console.on(path("kiosk-a", "state"))) > before, step=lambda: frames(kiosks),
          timeout=20)
    until(lambda: json.loads(console.on(path("kiosk-a", "status"))[-1])["online"], step=lambda: frames(kiosks))
    assert last_state(console, "kiosk-a")["lifecycle"] == "playing"
    assert order(console, kiosks, "kiosk-b", "after-restart", {"kind": "resume"})["ok"] is True


def test_a_killed_kiosk_goes_offline(broker: Broker, console: Listener, tmp_path: Path) -> None:
    password = tmp_path / "kiosk.password"
    password.write_text(broker.password("kiosk-c") + "\n")
    (tmp_path / "kiosk.toml").write_text(
        f'[link]\nhost = "127.0.0.1"\nport = {broker.port}\nkiosk = "kiosk-c"\n'
        f'password_file = "{password}"\n')
    child = subprocess.Popen([sys.executable, "-m", "gardiens", "play", str(MISSION_DIR), "--windowed",
                              "--size", "640x400", "--data-dir", str(tmp_path)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        status = path("kiosk-c", "status")
        until(lambda: console.on(status) and json.loads(console.on(status)[-1])["online"], timeout=30)
        until(lambda: last_state(console, "kiosk-c").get("lifecycle") == "attract")
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        until(lambda: json.loads(console.on(status)[-1])["online"] is False)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
