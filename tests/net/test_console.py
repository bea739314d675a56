"""The console's web side with Starlette's TestClient: the PIN and its lockout, the session
cookie, cross-site refusals, bad bodies, and the cards a broker's messages make."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from gardiens.core.attention import Alarm
from gardiens.core.clock import ManualClock
from gardiens.core.facilitator import PinGuard, set_pin
from gardiens.net.console.board import Board, BrokerSettings
from gardiens.net.console.web import COOKIE, ORDERS, ConsoleSettings, console_app, page_language
from gardiens.net.protocol import Order, StateMessage, StatusMessage, StuckLevel, encode
from tests.net.conftest import free_port
from tests.ui.conftest import MISSION_DIR, load

PIN = "2468"
ORIGIN = {"Origin": "http://testserver"}


def state(kiosk: str, *, lifecycle: str = "playing", quiet: int = 0, slow: bool = False) -> bytes:
    return encode(StateMessage(kiosk=kiosk, lifecycle=lifecycle, mission="essai-ui", band="9-12",
                               language="fr", time_left=300, time_limit=600,
                               stuck=StuckLevel(quiet_for=quiet, slow=slow)))


class Console:
    def __init__(self, folder: Path) -> None:
        set_pin(folder, PIN)
        self.clock = ManualClock(1000.0)
        # A broker nobody listens on: the board keeps trying, the page works from what it has.
        self.board = Board(BrokerSettings(host="127.0.0.1", port=free_port()), red_after=600)
        mission = load(MISSION_DIR / "scenario.yaml")
        settings = ConsoleSettings(data_dir=folder, missions={mission.id: mission},
                                   guard=PinGuard(folder, self.clock, attempts=3, lockout=60),
                                   clock=self.clock.now)
        self.client = TestClient(console_app(self.board, settings), follow_redirects=False)

    def login(self, pin: str = PIN) -> int:
        return self.client.post("/login", data={"pin": pin}, headers=ORIGIN).status_code


@pytest.fixture
def console(tmp_path: Path) -> Iterator[Console]:
    made = Console(tmp_path)
    with made.client:
        yield made


def test_the_page_asks_for_the_pin_first(console: Console) -> None:
    page = console.client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9,fr;q=0.5"})
    assert page.status_code == 200 and 'name="pin"' in page.text
    assert "Facilitator" in page.text  # English from the browser's languages
    assert console.client.get("/", headers={"Accept-Language": "de"}).text.count("animateur") >= 1
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert console.client.post("/kiosk/k/command", json={"order": {"kind": "pause"}},
                               headers=ORIGIN).status_code == 401


def test_login_sets_a_strict_httponly_session_cookie(console: Console) -> None:
    response = console.client.post("/login", data={"pin": PIN}, headers=ORIGIN)
    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Max-Age=" in cookie
    token = cookie.split(";")[0].split("=", 1)[1]
    assert len(token) >= 40
    assert 'id="cards"' in console.client.get("/").text
    # The session is the server's: a made-up token opens nothing.
    console.client.cookies.clear()
    console.client.cookies.set(COOKIE, "forged")
    assert 'name="pin"' in console.client.get("/").text
    console.client.cookies.clear()
    console.client.cookies.set(COOKIE, token)
    console.client.post("/logout", headers=ORIGIN)
    console.client.cookies.clear()
    console.client.cookies.set(COOKIE, token)
    assert 'name="pin"' in console.client.get("/").text


def test_the_session_expires(console: Console) -> None:
    console.login()
    assert 'id="cards"' in console.client.get("/").text
    console.clock.advance(13 * 3600)
    assert 'name="pin"' in console.client.get("/").text


def test_wrong_pins_lock_the_console_like_the_kiosk(console: Console) -> None:
    assert console.login("1111") == 401
    second = console.client.post("/login", data={"pin": "2222"}, headers=ORIGIN)
    assert second.status_code == 401 and "1" in second.text
    assert console.login("3333") == 401
    # Locked: even the right PIN is refused until the lockout is over.
    assert console.login(PIN) == 401
    assert COOKIE not in console.client.cookies
    console.clock.advance(61)
    assert console.login(PIN) == 303


def test_cross_site_requests_are_refused(console: Console) -> None:
    evil = {"Origin": "http://evil.example"}
    assert console.client.post("/login", data={"pin": PIN}, headers=evil).status_code == 403
    assert console.client.post("/login", data={"pin": PIN}).status_code == 403  # no Origin
    console.login()
    console.board.take("gardiens/v1/kiosk/kiosk-a/state", state("kiosk-a"))
    order = {"order": {"kind": "pause"}}
    assert console.client.post("/kiosk/kiosk-a/command", json=order, headers=evil).status_code == 403
    assert console.client.post("/kiosk/kiosk-a/command", json=order).status_code == 403
    with pytest.raises(WebSocketDisconnect), console.client.websocket_connect(
            "/live", headers=evil) as socket:
        socket.receive_text()
    assert console.client.post("/kiosk/kiosk-a/command", json=order, headers=ORIGIN).status_code == 200


def test_bad_bodies_and_unknown_actions_are_refused(console: Console) -> None:
    console.login()
    console.board.take("gardiens/v1/kiosk/kiosk-a/state", state("kiosk-a"))
    post = console.client.post
    url = "/kiosk/kiosk-a/command"
    headers = {**ORIGIN, "Content-Type": "application/json"}
    assert post(url, content=b"{not json", headers=headers).json()["error"] == "malformed"
    assert post(url, content=b"[1]", headers=headers).status_code == 400
    assert post(url, json={"order": {"kind": "explode"}}, headers=ORIGIN).json()["error"] == (
        "unknown_command")
    assert post(url, json={"order": {"kind": "add_time", "seconds": "lots"}},
                headers=ORIGIN).status_code == 400
    assert post(url, json={"order": {"kind": "launch", "mission": "x", "band": "3-5",
                                     "language": "fr"}}, headers=ORIGIN).status_code == 400
    assert post(url, content=b"x" * 5000, headers=headers).status_code == 413
    assert post("/kiosk/nowhere/command", json={"order": {"kind": "pause"}},
                headers=ORIGIN).status_code == 404
    # Nothing of that was sent: the card shows no command.
    assert console.board.cards["kiosk-a"].commands == {}


def test_a_command_is_pending_then_confirmed_or_failed(console: Console,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    console.login()
    board = console.board
    board.take("gardiens/v1/kiosk/kiosk-a/state", state("kiosk-a"))
    # No broker: the command fails at once, it is not left pending.
    lost = board.send("kiosk-a", board_order("pause"))
    assert (lost.status, lost.message) == ("failed", "broker")
    published = accept_publishes(board, monkeypatch)
    with console.client.websocket_connect("/live", headers=ORIGIN) as socket:
        first = json.loads(socket.receive_text())
        assert first["type"] == "board" and [c["kiosk"] for c in first["cards"]] == ["kiosk-a"]
        sent = console.client.post("/kiosk/kiosk-a/command", json={"order": {"kind": "pause"}},
                                   headers=ORIGIN).json()
        assert sent["status"] == "pending" and sent["id"].startswith("c-")
        assert json.loads(socket.receive_text())["card"]["commands"][-1]["status"] == "pending"
        assert published[-1][0] == "gardiens/v1/kiosk/kiosk-a/command"
        assert json.loads(published[-1][1]) == {"v": 1, "type": "command", "id": sent["id"],
                                                 "command": {"v": 1, "kind": "pause"}}
        reply = {"v": 1, "type": "reply", "kiosk": "kiosk-a", "id": sent["id"], "ok": True}
        board.take("gardiens/v1/kiosk/kiosk-a/reply", json.dumps(reply).encode())
        assert json.loads(socket.receive_text())["card"]["commands"][-1]["status"] == "confirmed"
    again = board.send("kiosk-a", board_order("resume"))
    refusal = {"v": 1, "type": "reply", "kiosk": "kiosk-a", "id": again.id, "ok": False,
               "code": "not_paused", "message": "la partie n'est pas en pause."}
    board.take("gardiens/v1/kiosk/kiosk-a/reply", json.dumps(refusal).encode())
    assert (again.status, again.message) == ("failed", "la partie n'est pas en pause.")
    # Two different ids: each command is its own.
    assert again.id != sent["id"]


def accept_publishes(board: Board, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bytes]]:
    """The board's publishes kept here, as a connected client would take them."""
    published: list[tuple[str, bytes]] = []

    def publish(where: str, payload: bytes, qos: int = 0) -> mqtt.MQTTMessageInfo:
        published.append((where, payload))
        info = mqtt.MQTTMessageInfo(len(published))
        info.rc = mqtt.MQTT_ERR_SUCCESS
        return info

    monkeypatch.setattr(board.client, "publish", publish)
    return published


def board_order(kind: str) -> Order:
    return ORDERS.validate_python({"kind": kind})


def test_an_unanswered_command_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [0.0]
    board = Board(BrokerSettings(host="127.0.0.1", port=free_port()), red_after=600,
                  reply_timeout=5, clock=lambda: now[0])
    accept_publishes(board, monkeypatch)
    board.take("gardiens/v1/kiosk/kiosk-a/state", state("kiosk-a"))
    sent = board.send("kiosk-a", board_order("pause"))
    now[0] = 6.0

    async def one_round() -> None:
        board._watch = asyncio.get_running_loop().create_task(board._time_out_commands())
        await asyncio.sleep(0.7)
        board._watch.cancel()

    asyncio.run(one_round())
    assert (sent.status, sent.message) == ("failed", "timeout")


def test_cards_go_loudest_first_and_bad_messages_change_nothing() -> None:
    board = Board(BrokerSettings(host="127.0.0.1", port=free_port()), red_after=600)
    board.take("gardiens/v1/kiosk/calm/state", state("calm", quiet=20))
    board.take("gardiens/v1/kiosk/slow/state", state("slow", quiet=400, slow=True))
    board.take("gardiens/v1/kiosk/lost/state", state("lost", quiet=700, slow=True))
    board.take("gardiens/v1/kiosk/idle/state", state("idle", lifecycle="attract"))
    board.take("gardiens/v1/kiosk/gone/status", encode(StatusMessage(kiosk="gone", online=False)))
    cards = board.snapshot()["cards"]
    assert [c["kiosk"] for c in cards] == ["lost", "slow", "gone", "calm", "idle"]
    assert [c["alarm"] for c in cards[:2]] == [Alarm.RED, Alarm.YELLOW]
    board.take("gardiens/v1/kiosk/idle/state", encode(StateMessage(
        kiosk="idle", lifecycle="playing", language="en", team="licornes-malins",
        stuck=StuckLevel(quiet_for=0, slow=False))))
    assert board.cards["idle"].as_json(600)["team"] == "The Clever Unicorns"
    for junk in (b"{not json", b'{"v": 1, "type": "state"}', b"x" * 20000, b"[]"):
        board.take("gardiens/v1/kiosk/calm/state", junk)
    assert board.cards["calm"].state is not None and board.cards["calm"].state.stuck.quiet_for == 20


def test_accept_language() -> None:
    settings = ConsoleSettings(data_dir=Path("."), guard=None)  # type: ignore[arg-type]
    assert page_language(settings, "en-US,en;q=0.9") == "en"
    assert page_language(settings, "de-DE,en;q=0.3,fr;q=0.8") == "fr"
    assert page_language(settings, "") == "fr"
    settings.language = "en"
    assert page_language(settings, "fr") == "en"


def test_the_debrief_sheets_of_a_kiosk_open_from_its_card(tmp_path: Path) -> None:
    from gardiens.core.autoplay import Bot, play
    from gardiens.core.commands import Launch
    from gardiens.core.journal import Journal
    from gardiens.core.session import Session

    # GIVEN a kiosk whose data folder holds a team's finished session
    mission = load(MISSION_DIR / "scenario.yaml")
    kiosk_data = tmp_path / "kiosk-a"
    kiosk_data.mkdir()
    journal = Journal.open(kiosk_data)
    clock = ManualClock(1000.0)
    session = Session({mission.id: mission}, journal, clock)
    assert session.handle(Launch(mission.id, "9-12", "fr")).ok
    play(Bot(mission, "9-12", "fr", 1), session, clock)
    journal.close()
    console_dir = tmp_path / "console"
    console_dir.mkdir()
    set_pin(console_dir, PIN)
    settings = ConsoleSettings(data_dir=console_dir, missions={mission.id: mission},
                               guard=PinGuard(console_dir, clock, attempts=3, lockout=60),
                               clock=clock.now, sheets={"kiosk-a": kiosk_data, "kiosk-b": tmp_path / "none"})
    board = Board(BrokerSettings(host="127.0.0.1", port=free_port()), red_after=600)
    with TestClient(console_app(board, settings), follow_redirects=False) as client:
        # WHEN nobody has logged in, THEN the sheets are not shown
        assert client.get("/kiosk/kiosk-a/sheets").status_code == 303
        assert client.post("/login", data={"pin": PIN}, headers=ORIGIN).status_code == 303
        # WHEN the facilitator opens them, THEN they are the last session's, in the page's language
        sheets = client.get("/kiosk/kiosk-a/sheets", headers={"Accept-Language": "fr"})
        assert sheets.status_code == 200
        assert '<html lang="fr">' in sheets.text
        assert 'class="sheet family"' in sheets.text and 'class="sheet facilitator"' in sheets.text
        assert "Mission réussie" in sheets.text
        # AND a kiosk with no finished game says so, with no traceback
        empty = client.get("/kiosk/kiosk-b/sheets")
        assert empty.status_code == 404 and "Traceback" not in empty.text
        assert client.get("/kiosk/unknown/sheets").status_code == 404
