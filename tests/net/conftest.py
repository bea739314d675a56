"""A real mosquitto with the shipped configuration, on a free localhost port, for the link's tests."""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "deploy" / "mosquitto"
ACCOUNTS = ("console", "props", "kiosk-a", "kiosk-b", "kiosk-c")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Broker:
    """mosquitto run from the shipped mosquitto.conf and aclfile, only its paths and port moved."""

    folder: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    def password(self, account: str) -> str:
        return (self.folder / f"{account}.password").read_text().strip()

    def configure(self) -> None:
        subprocess.run([str(SHIPPED / "make-passwords"), str(self.folder), *ACCOUNTS], check=True,
                       capture_output=True)
        shutil.copy(SHIPPED / "aclfile", self.folder / "aclfile")
        lines = []
        for line in (SHIPPED / "mosquitto.conf").read_text().splitlines():
            key = line.split(" ", 1)[0]
            moved = {
                "password_file": f"password_file {self.folder / 'passwd'}",
                "acl_file": f"acl_file {self.folder / 'aclfile'}",
                "persistence": "persistence false",
                "persistence_location": f"persistence_location {self.folder}/",
                "listener": f"listener {self.port} 127.0.0.1",
            }
            lines.append(moved.get(key, line))
        # As root mosquitto would switch to its own user, who cannot read the test's folder.
        lines.append(f"user {getpass.getuser()}")
        (self.folder / "mosquitto.conf").write_text("\n".join(lines) + "\n")

    def start(self) -> None:
        self.process = subprocess.Popen(["mosquitto", "-c", str(self.folder / "mosquitto.conf")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("mosquitto did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture(scope="module")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Broker]:
    if shutil.which("mosquitto") is None or shutil.which("mosquitto_passwd") is None:
        pytest.skip("mosquitto is not installed (./run-tests installs it when it can)")
    running = Broker(tmp_path_factory.mktemp("broker"))
    running.configure()
    running.start()
    yield running
    running.stop()


class Listener:
    """An MQTT client that keeps every message it gets, by topic (a console, a prop, an intruder)."""

    def __init__(self, broker: Broker, account: str, *subscriptions: str) -> None:
        self.messages: list[tuple[str, bytes, bool]] = []
        self.lock = threading.Lock()
        self.subscriptions = subscriptions
        self.client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"test-{account}-{id(self)}")
        self.client.username_pw_set(account, broker.password(account))
        self.client.on_connect = self._connected
        self.client.on_message = self._received
        self.client.reconnect_delay_set(0.2, 1)
        self.client.connect("127.0.0.1", broker.port, keepalive=10)
        self.client.loop_start()

    def _connected(self, client: mqtt.Client, *_: object) -> None:
        for subscription in self.subscriptions:
            client.subscribe(subscription, qos=1)

    def _received(self, client: mqtt.Client, userdata: object, message: mqtt.MQTTMessage) -> None:
        with self.lock:
            self.messages.append((message.topic, bytes(message.payload), bool(message.retain)))

    def on(self, topic: str) -> list[bytes]:
        with self.lock:
            return [payload for t, payload, _ in self.messages if t == topic]

    def publish(self, topic: str, payload: bytes | str) -> None:
        self.client.publish(topic, payload, qos=1).wait_for_publish(timeout=5)

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


def until(condition: Callable[[], object], *, step: Callable[[], None] = lambda: None,
          timeout: float = 10.0) -> None:
    """Wait for `condition`, running `step` (frames of the kiosks) meanwhile."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        step()
        if condition():
            return
        time.sleep(0.01)
    raise AssertionError("condition not met in time")
