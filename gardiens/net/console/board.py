"""The console's view of the venue: every kiosk's retained state and presence as read from the
broker, and the commands sent to them until each is acknowledged, refused or timed out.

paho's network loop runs on its own thread; every message is handed to the asyncio loop
(`call_soon_threadsafe`), so the cards are only ever read and changed there, without locks.
Each change is pushed to the subscribed pages (one queue per WebSocket).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
from paho.mqtt.reasoncodes import ReasonCode
from pydantic import ValidationError

from gardiens.core.attention import Alarm, Stuck, alarm_of
from gardiens.core.pseudonym import is_team, team_name
from gardiens.net.protocol import (
    MAX_PAYLOAD,
    CommandMessage,
    Order,
    ReplyMessage,
    StateMessage,
    StatusMessage,
    encode,
    topic,
)

log = logging.getLogger(__name__)

# A command not answered in this many seconds is shown as failed (the kiosk is gone, or busy).
REPLY_TIMEOUT = 10.0
# The commands a card remembers (the newest): enough to see what was just done.
SHOWN_COMMANDS = 4
# A page that reads more slowly than this many changes behind is sent the whole board again.
QUEUE_LIMIT = 500
RECONNECT_DELAYS = (1, 10)
# Loudness order of the cards: red first, then yellow, a kiosk that went away, a game, the rest.
RANK = {Alarm.RED: 0, Alarm.YELLOW: 1}
PLAYING = ("playing", "paused", "briefing")


@dataclass
class Sent:
    """A command sent to a kiosk, as its card shows it."""

    id: str
    kind: str
    at: float
    status: str = "pending"  # "pending", "confirmed" or "failed"
    message: str | None = None


@dataclass
class Card:
    kiosk: str
    online: bool | None = None
    state: StateMessage | None = None
    commands: OrderedDict[str, Sent] = field(default_factory=OrderedDict)

    def alarm(self, red_after: float) -> Alarm:
        if self.state is None:
            return Alarm.CALM
        level = self.state.stuck
        return alarm_of(Stuck(level.quiet_for, level.slow, level.puzzles), red_after)

    def team(self) -> str | None:
        """The team's pseudonym as it reads it on its kiosk (the state carries its key)."""
        state = self.state
        if state is None or not state.team:
            return None
        if not is_team(state.team):
            return state.team
        return team_name(state.team, state.language or "fr")

    def loudness(self, red_after: float) -> tuple[int, str]:
        alarm = self.alarm(red_after)
        if alarm in RANK:
            rank = RANK[alarm]
        elif self.online is False:
            rank = 2
        elif self.state is not None and self.state.lifecycle in PLAYING:
            rank = 3
        else:
            rank = 4
        return rank, self.kiosk

    def as_json(self, red_after: float) -> dict[str, Any]:
        return {
            "kiosk": self.kiosk,
            "online": self.online,
            "alarm": self.alarm(red_after).value,
            "rank": self.loudness(red_after)[0],
            "state": None if self.state is None else self.state.model_dump(),
            "team": self.team(),
            "commands": [vars(sent) for sent in self.commands.values()],
        }


@dataclass(frozen=True)
class BrokerSettings:
    host: str
    port: int = 1883
    username: str = "console"
    password: str | None = None
    ca_file: str | None = None
    prefix: str = "gardiens/v1"


class Board:
    """The kiosks as the console knows them. `start(loop)` once, `stop()` at the end."""

    def __init__(self, broker: BrokerSettings, *, red_after: float,
                 reply_timeout: float = REPLY_TIMEOUT,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.broker = broker
        self.red_after = red_after
        self.reply_timeout = reply_timeout
        self.clock = clock
        self.cards: dict[str, Card] = {}
        self.connected = False
        self._pages: set[asyncio.Queue[dict[str, Any]]] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._watch: asyncio.Task[None] | None = None
        self.client = mqtt.Client(CallbackAPIVersion.VERSION2,
                                  client_id=f"gardiens-console-{uuid.uuid4().hex[:8]}")

    # -- life -----------------------------------------------------------------------------

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        """Connect in the background (the broker may be down: paho retries with backoff)."""
        self._loop = loop
        client = self.client
        client.username_pw_set(self.broker.username, self.broker.password)
        if self.broker.ca_file is not None:
            client.tls_set(ca_certs=self.broker.ca_file)
        client.reconnect_delay_set(*RECONNECT_DELAYS)
        client.on_connect = self._connected
        client.on_disconnect = self._disconnected
        client.on_message = self._received
        client.connect_async(self.broker.host, self.broker.port, keepalive=10)
        client.loop_start()
        self._watch = loop.create_task(self._time_out_commands())

    def stop(self) -> None:
        if self._watch is not None:
            self._watch.cancel()
        self.client.disconnect()
        self.client.loop_stop()

    # -- pages ----------------------------------------------------------------------------

    def subscribe(self) -> asyncio.Queue[dict[str, Any]]:
        """A new page's queue of changes, starting with the whole board."""
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        queue.put_nowait(self.snapshot())
        self._pages.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[dict[str, Any]]) -> None:
        self._pages.discard(queue)

    def snapshot(self) -> dict[str, Any]:
        cards = sorted(self.cards.values(), key=lambda c: c.loudness(self.red_after))
        return {"type": "board", "connected": self.connected,
                "cards": [card.as_json(self.red_after) for card in cards]}

    def _push(self, message: dict[str, Any]) -> None:
        for queue in self._pages:
            if queue.qsize() > QUEUE_LIMIT:
                # A page that stopped reading: it gets the whole board once it reads again.
                while not queue.empty():
                    queue.get_nowait()
                queue.put_nowait(self.snapshot())
            else:
                queue.put_nowait(message)

    def _changed(self, card: Card) -> None:
        self._push({"type": "card", "card": card.as_json(self.red_after)})

    # -- commands -------------------------------------------------------------------------

    def send(self, kiosk: str, order: Order) -> Sent:
        """Publish `order` to `kiosk` with a fresh id; its card shows it pending."""
        card = self.cards.setdefault(kiosk, Card(kiosk))
        sent = Sent(id=f"c-{uuid.uuid4().hex[:12]}", kind=order.kind, at=self.clock())
        card.commands[sent.id] = sent
        while len(card.commands) > SHOWN_COMMANDS:
            card.commands.popitem(last=False)
        payload = encode(CommandMessage(id=sent.id, command=order))
        info = self.client.publish(topic(self.broker.prefix, kiosk, "command"), payload, qos=1)
        if info.rc != mqtt.MQTT_ERR_SUCCESS:
            sent.status, sent.message = "failed", "broker"
        self._changed(card)
        return sent

    async def _time_out_commands(self) -> None:
        while True:
            await asyncio.sleep(0.5)
            now = self.clock()
            for card in self.cards.values():
                late = [s for s in card.commands.values()
                        if s.status == "pending" and now - s.at > self.reply_timeout]
                for sent in late:
                    sent.status, sent.message = "failed", "timeout"
                if late:
                    self._changed(card)

    # -- on paho's thread: hand everything to the loop --------------------------------------

    def _connected(self, client: mqtt.Client, userdata: object, flags: mqtt.ConnectFlags,
                   reason: ReasonCode, properties: object) -> None:
        if reason.is_failure:
            log.warning("the broker refused the console: %s", reason)
            return
        for leaf in ("state", "status", "reply"):
            client.subscribe(f"{self.broker.prefix}/kiosk/+/{leaf}", qos=1)
        self._call(self._set_connected, True)

    def _disconnected(self, client: mqtt.Client, userdata: object, flags: mqtt.DisconnectFlags,
                      reason: ReasonCode, properties: object) -> None:
        log.warning("the console lost the broker (%s): reconnecting", reason)
        self._call(self._set_connected, False)

    def _received(self, client: mqtt.Client, userdata: object, message: mqtt.MQTTMessage) -> None:
        self._call(self.take, message.topic, bytes(message.payload))

    def _call(self, function: Callable[..., None], *args: object) -> None:
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(function, *args)

    # -- on the loop ------------------------------------------------------------------------

    def _set_connected(self, connected: bool) -> None:
        self.connected = connected
        self._push({"type": "broker", "connected": connected})

    def take(self, where: str, payload: bytes) -> None:
        """A message from the broker: a state, a presence or a reply; anything else is logged."""
        parts = where.split("/")
        if len(parts) < 3 or parts[-3] != "kiosk":
            return
        kiosk, leaf = parts[-2], parts[-1]
        if len(payload) > MAX_PAYLOAD:
            log.warning("ignored %s: %d bytes", where, len(payload))
            return
        if not payload:
            # A retained message cleared: the kiosk was retired from the venue.
            if leaf == "state" and kiosk in self.cards:
                self.cards.pop(kiosk)
                self._push({"type": "gone", "kiosk": kiosk})
            return
        try:
            raw = json.loads(payload)
            card = self.cards.get(kiosk) or Card(kiosk)
            if leaf == "state":
                card.state = StateMessage.model_validate(raw)
            elif leaf == "status":
                card.online = StatusMessage.model_validate(raw).online
            elif leaf == "reply":
                self._replied(card, ReplyMessage.model_validate(raw))
            else:
                return
        except (ValueError, ValidationError) as error:
            log.warning("ignored a malformed message on %s: %s", where, str(error)[:200])
            return
        self.cards[kiosk] = card
        self._changed(card)

    def _replied(self, card: Card, reply: ReplyMessage) -> None:
        sent = card.commands.get(reply.id or "")
        if sent is None:
            return
        if reply.ok:
            sent.status, sent.message = "confirmed", None
        else:
            sent.status, sent.message = "failed", reply.message or reply.code
