"""`gardiens bench --console`: many simulated kiosks → a real mosquitto → `gardiens console` →
Debian's chromium. Each simulated state carries when it was published (`at`); the page notes
how long after that its card changed. Reports p50/p99 of that delay and the console's CPU and
memory. Needs `mosquitto` and chromium (with the `playwright` package of the test lock)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from gardiens.core.facilitator import set_pin
from gardiens.net.protocol import PuzzleStatus, StateMessage, StatusMessage, StuckLevel, encode

CHROMIUM = "/usr/bin/chromium"
PIN = "2580"
LATENCY_GOAL_MS = 250.0
TICK = os.sysconf("SC_CLK_TCK")


class BenchUnavailable(Exception):
    """What the bench needs and is missing (said to the user, not a crash)."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise BenchUnavailable(f"nothing answers on port {port}")


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def _memory_mb(pid: int) -> tuple[float, float]:
    """(RSS now, peak RSS) in MB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _sep, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(value.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


class Kiosks:
    """`count` simulated kiosks, each its own MQTT client, publishing a state every second
    (spread over the second), from one thread."""

    def __init__(self, port: int, count: int) -> None:
        self.count = count
        self.clients = []
        for number in range(count):
            client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"bench-kiosk-{number}")
            client.connect("127.0.0.1", port)
            client.loop_start()
            self.clients.append(client)
        self.published = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._publish, daemon=True)

    def name(self, number: int) -> str:
        return f"bench-{number:02d}"

    def start(self) -> None:
        for number, client in enumerate(self.clients):
            client.publish(f"gardiens/v1/kiosk/{self.name(number)}/status",
                           encode(StatusMessage(kiosk=self.name(number), online=True)), qos=1,
                           retain=True)
        self._thread.start()

    def _publish(self) -> None:
        tick = 0
        started = time.monotonic()
        while not self._stop.is_set():
            for number, client in enumerate(self.clients):
                due = started + tick + number / self.count
                delay = due - time.monotonic()
                if delay > 0 and self._stop.wait(delay):
                    return
                puzzles = tuple(PuzzleStatus(id=f"p{i}", status="solved" if i < tick % 6 else "available",
                                             attempts=i, hints=0) for i in range(6))
                state = StateMessage(kiosk=self.name(number), lifecycle="playing", mission="infox",
                                     band="9-12", language="fr", time_left=900 - tick,
                                     time_limit=900, puzzles=puzzles, hints_used=tick % 3,
                                     stuck=StuckLevel(quiet_for=tick % 400, slow=tick % 400 > 300),
                                     at=time.time())
                client.publish(f"gardiens/v1/kiosk/{self.name(number)}/state", encode(state),
                               qos=1, retain=True)
                self.published += 1
            tick += 1

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for client in self.clients:
            client.disconnect()
            client.loop_stop()


def measure_console(kiosks: int, seconds: float) -> dict[str, Any]:
    """Run the chain for `seconds` (after a warm-up) and return the figures."""
    if shutil.which("mosquitto") is None:
        raise BenchUnavailable("mosquitto is not installed")
    if not Path(CHROMIUM).exists():
        raise BenchUnavailable(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise BenchUnavailable("the playwright package is not installed (test lock)") from None
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        broker_port, console_port = _free_port(), _free_port()
        # A throw-away broker on localhost only: anonymous, no persistence.
        (folder / "mosquitto.conf").write_text(
            f"listener {broker_port} 127.0.0.1\nallow_anonymous true\npersistence false\n"
            f"max_queued_messages 10000\n")
        broker = subprocess.Popen(["mosquitto", "-c", str(folder / "mosquitto.conf")],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        set_pin(folder, PIN)
        console = subprocess.Popen(
            [sys.executable, "-m", "gardiens", "console", "--data-dir", str(folder),
             "--port", str(console_port), "--broker", "127.0.0.1", "--broker-port",
             str(broker_port), "--lang", "fr"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        simulated: Kiosks | None = None
        try:
            _wait_port(broker_port)
            _wait_port(console_port)
            simulated = Kiosks(broker_port, kiosks)
            simulated.start()
            with sync_playwright() as driver:
                browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(f"http://127.0.0.1:{console_port}/")
                page.fill("#pin", PIN)
                page.click("button[type=submit]")
                page.wait_for_function(f"document.querySelectorAll('article.card').length >= {kiosks}",
                                       timeout=30_000)
                time.sleep(2)  # warm-up: the first burst of retained states is not the steady state
                page.evaluate("window.gardiensLatencies.length = 0")
                cpu_before, wall_before = _cpu_seconds(console.pid), time.monotonic()
                time.sleep(seconds)
                cpu = _cpu_seconds(console.pid) - cpu_before
                wall = time.monotonic() - wall_before
                latencies = sorted(1000 * x for x in page.evaluate("window.gardiensLatencies"))
                browser.close()
            rss, peak = _memory_mb(console.pid)
        finally:
            if simulated is not None:
                simulated.stop()
            for process in (console, broker):
                process.terminate()
                process.wait(timeout=10)
    if not latencies:
        raise BenchUnavailable("the page saw no update")

    def percentile(share: float) -> float:
        return latencies[min(len(latencies) - 1, int(share * len(latencies)))]

    return {
        "kiosks": kiosks,
        "seconds": round(wall, 1),
        "updates_seen": len(latencies),
        "updates_expected": round(kiosks * wall),
        "latency_ms_p50": round(percentile(0.50), 1),
        "latency_ms_p99": round(percentile(0.99), 1),
        "latency_ms_max": round(latencies[-1], 1),
        "latency_goal_ms": LATENCY_GOAL_MS,
        "latency_p99_within_goal": percentile(0.99) <= LATENCY_GOAL_MS,
        "console_cpu_percent": round(100 * cpu / wall, 1),
        "console_rss_mb": round(rss, 1),
        "console_peak_rss_mb": round(peak, 1),
    }
