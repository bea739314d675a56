"""The kiosk's side of the venue's MQTT link: publishes the game, takes the console's commands.

paho's network loop runs on its own thread (`loop_start`); the game's thread never waits on it.
Commands arrive there, are checked and queued; `serve`, called by the App between two frames,
applies them through the same typed commands as the kiosk's own panel and publishes the state
(at most twice a second, only when it changed). With the broker gone the game goes on; paho
reconnects with backoff and `_connected` republishes the status and the last state.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
from paho.mqtt.reasoncodes import ReasonCode

from gardiens.core.attention import stuck_of
from gardiens.core.commands import Command
from gardiens.core.kiosk import KioskSettings, LinkSettings
from gardiens.core.session import Reply, Session
from gardiens.i18n.ready_hints import READY_HINTS
from gardiens.i18n.refusals import REFUSAL_MESSAGES
from gardiens.net.protocol import (
    BadCommand,
    CommandMessage,
    LinkRefusal,
    ReplyMessage,
    StatusMessage,
    Topic,
    core_command,
    encode,
    event_message,
    parse_command,
    state_message,
    topic,
)

log = logging.getLogger(__name__)

# The state goes out at most this often (seconds): a countdown needs no more, a console of
# fifty kiosks gets at most a hundred messages a second.
STATE_INTERVAL = 0.5
# Replies kept for replayed ids: a console retries within seconds, not hundreds of commands later.
REMEMBERED_REPLIES = 256
# Commands taken per frame: a flood waits for the next frames rather than stalling one.
COMMANDS_PER_FRAME = 8
RECONNECT_DELAYS = (1, 30)
KEEPALIVE = 10


class KioskLink:
    """One kiosk on the broker. `start()` once, `serve(...)` every frame, `stop()` at the end."""

    def __init__(self, link: LinkSettings, settings: KioskSettings,
                 *, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.link = link
        self.settings = settings
        self.kiosk = link.kiosk
        self.monotonic = monotonic
        self.inbox: queue.SimpleQueue[CommandMessage] = queue.SimpleQueue()
        self._replies: OrderedDict[str, ReplyMessage] = OrderedDict()
        # The last state sent (or to send once connected), shared with the network thread.
        self._lock = threading.Lock()
        self._state: bytes | None = None
        self._state_at = float("-inf")
        self._seen: tuple[str | None, int] | None = None
        self._version = -1
        self.client = mqtt.Client(CallbackAPIVersion.VERSION2,
                                  client_id=f"gardiens-{self.kiosk}-{uuid.uuid4().hex[:8]}")

    def topic(self, leaf: Topic) -> str:
        return topic(self.link.prefix, self.kiosk, leaf)

    # -- on the game's thread --------------------------------------------------------

    def start(self) -> None:
        """Begin connecting (in the background: the broker may well be down)."""
        client = self.client
        client.username_pw_set(self.link.account(), self.link.secret())
        if self.link.ca_file is not None:
            client.tls_set(ca_certs=str(self.link.ca_file))
        client.will_set(self.topic("status"), encode(StatusMessage(kiosk=self.kiosk, online=False)),
                        qos=1, retain=True)
        client.reconnect_delay_set(*RECONNECT_DELAYS)
        client.on_connect = self._connected
        client.on_disconnect = self._disconnected
        client.on_message = self._received
        client.connect_async(self.link.host, self.link.port, keepalive=KEEPALIVE)
        client.loop_start()

    def stop(self) -> None:
        """Say offline (a clean stop sends no last will), then close the connection."""
        if self.client.is_connected():
            info = self.client.publish(self.topic("status"),
                                       encode(StatusMessage(kiosk=self.kiosk, online=False)),
                                       qos=1, retain=True)
            info.wait_for_publish(timeout=1.0)
        self.client.disconnect()
        self.client.loop_stop()

    def serve(self, session: Session, send: Callable[[Command], Reply],
              words: Callable[[str], str]) -> None:
        """Between two frames: apply the queued commands, publish new events and the state."""
        for _ in range(COMMANDS_PER_FRAME):
            try:
                message = self.inbox.get_nowait()
            except queue.Empty:
                break
            self._apply(message, session, send, words)
        if session.version != self._version:
            self._version = session.version
            self._publish_events(session)
        now = self.monotonic()
        if now - self._state_at >= STATE_INTERVAL:
            self._state_at = now
            self._publish_state(session)

    def _apply(self, message: CommandMessage, session: Session,
               send: Callable[[Command], Reply], words: Callable[[str], str]) -> None:
        known = self._replies.get(message.id)
        if known is not None:
            # A replayed id: answered again, done once.
            log.info("command %s replayed: answered again, not applied", message.id)
            self._publish_reply(known)
            return
        command = core_command(message.command, session.state, tuple(map(words, READY_HINTS)))
        if isinstance(command, LinkRefusal):
            reply = self._refusal(message.id, command, command.value)
        else:
            result = send(command)
            if result.ok:
                reply = ReplyMessage(kiosk=self.kiosk, id=message.id, ok=True)
            else:
                reason = result.reason
                text = words(REFUSAL_MESSAGES[reason]) if reason is not None else None
                reply = ReplyMessage(kiosk=self.kiosk, id=message.id, ok=False,
                                     code=reason.value if reason else None, message=text)
                log.info("command %s refused by the game: %s", message.id, reason)
        self._replies[message.id] = reply
        while len(self._replies) > REMEMBERED_REPLIES:
            self._replies.popitem(last=False)
        self._publish_reply(reply)

    def _publish_events(self, session: Session) -> None:
        sid = session.state.session_id
        events = session.events()
        last = events[-1].seq if events else 0
        if self._seen is not None:
            # On the first frame, history from before the link started is not news.
            after = self._seen[1] if self._seen[0] == sid else 0
            for event in events:
                if event.seq > after:
                    self._send("event", encode(event_message(self.kiosk, event.kind, event.data)))
        self._seen = (sid, last)

    def _publish_state(self, session: Session) -> None:
        state = session.state
        stuck = stuck_of(state, session.elapsed(), self.settings)
        payload = encode(state_message(self.kiosk, state, session.remaining(), stuck))
        with self._lock:
            if payload == self._state:
                return
            self._state = payload
        self._send("state", payload, retain=True)

    def _publish_reply(self, reply: ReplyMessage) -> None:
        self._send("reply", encode(reply))

    def _refusal(self, id: str | None, code: LinkRefusal, detail: str) -> ReplyMessage:
        return ReplyMessage(kiosk=self.kiosk, id=id, ok=False, code=code.value, message=detail)

    def _send(self, leaf: Topic, payload: bytes, *, retain: bool = False) -> None:
        # Never waits: paho queues it, or drops it while disconnected (the state is resent on
        # reconnection; events and replies of that moment are lost, the console sees the state).
        self.client.publish(self.topic(leaf), payload, qos=1, retain=retain)

    # -- on paho's network thread -------------------------------------------------------

    def _connected(self, client: mqtt.Client, userdata: object, flags: mqtt.ConnectFlags,
                   reason: ReasonCode, properties: object) -> None:
        if reason.is_failure:
            log.warning("the broker refused the kiosk %s: %s", self.kiosk, reason)
            return
        log.info("kiosk %s linked to %s:%s", self.kiosk, self.link.host, self.link.port)
        client.subscribe(self.topic("command"), qos=1)
        client.publish(self.topic("status"), encode(StatusMessage(kiosk=self.kiosk, online=True)),
                       qos=1, retain=True)
        with self._lock:
            state = self._state
        if state is not None:
            client.publish(self.topic("state"), state, qos=1, retain=True)

    def _disconnected(self, client: mqtt.Client, userdata: object, flags: mqtt.DisconnectFlags,
                      reason: ReasonCode, properties: object) -> None:
        if reason.is_failure:
            log.warning("kiosk %s lost the broker (%s): playing on, reconnecting", self.kiosk, reason)

    def _received(self, client: mqtt.Client, userdata: object, message: mqtt.MQTTMessage) -> None:
        try:
            command = parse_command(message.payload)
        except BadCommand as error:
            log.warning("refused a command on %s: %s %s", message.topic, error.code.value, error.detail)
            self._publish_reply(self._refusal(error.id, error.code, error.detail))
            return
        self.inbox.put(command)
