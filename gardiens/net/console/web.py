"""The facilitator's console as a web app: a PIN page, then the kiosks' cards kept live over a
WebSocket, and the commands the page posts. Everything it serves is its own (no CDN).

Security: the PIN is checked by the core's `PinGuard` (the kiosk's scrypt hash and lockout); a
right PIN opens a server-side session named by a random token in an HttpOnly, SameSite=Strict
cookie; every POST and the WebSocket need that cookie and an Origin header naming this very
host, so another site's page cannot act through a facilitator's browser.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import time
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from pydantic import TypeAdapter, ValidationError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection, Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket, WebSocketDisconnect

from gardiens.core.facilitator import PinGuard
from gardiens.core.journal import JOURNAL_FILE, Journal
from gardiens.core.model import Mission
from gardiens.core.session import debrief_of
from gardiens.i18n.interface import InterfaceTranslator
from gardiens.i18n.missions import MissionTexts
from gardiens.i18n.ready_hints import READY_HINTS
from gardiens.net.console.board import Board
from gardiens.net.protocol import Order
from gardiens.reports import session_report
from gardiens.templating import templates_of

log = logging.getLogger(__name__)

COOKIE = "gardiens_console"
# A session lasts a facilitator's day at most; logging in again is one PIN.
SESSION_SECONDS = 12 * 3600
# Bigger command bodies are refused unread (a command is a few dozen bytes).
MAX_BODY = 4096
LANGUAGES = ("fr", "en")
STATIC = Path(__file__).parent / "static"
ORDERS: TypeAdapter[Order] = TypeAdapter(Order)


@dataclass
class ConsoleSettings:
    """What `gardiens console` was told: the PIN's folder and the lockout, the page's language
    (None: each browser's Accept-Language), the missions offered, where kiosks keep their sheets."""

    data_dir: Path
    guard: PinGuard
    missions: Mapping[str, Mission] = field(default_factory=dict)
    language: str | None = None
    sheets: Mapping[str, Path] = field(default_factory=dict)
    session_seconds: float = SESSION_SECONDS
    clock: Callable[[], float] = time.monotonic


class Sessions:
    """The logged-in browsers: random tokens and when they expire, kept in memory only."""

    def __init__(self, seconds: float, clock: Callable[[], float]) -> None:
        self.seconds = seconds
        self.clock = clock
        self._until: dict[str, float] = {}

    def open(self) -> str:
        now = self.clock()
        self._until = {t: u for t, u in self._until.items() if u > now}
        token = secrets.token_urlsafe(32)
        self._until[token] = now + self.seconds
        return token

    def valid(self, token: str | None) -> bool:
        return token is not None and self._until.get(token, 0.0) > self.clock()

    def close(self, token: str | None) -> None:
        self._until.pop(token or "", None)


@cache
def _translator(language: str) -> InterfaceTranslator:
    return InterfaceTranslator(language)


def page_language(settings: ConsoleSettings, accept: str) -> str:
    """The setting's language, else the browser's first known one (Accept-Language), else French."""
    if settings.language is not None:
        return settings.language
    weighted = []
    for index, part in enumerate(accept.split(",")):
        tag, _sep, quality = part.strip().partition(";q=")
        try:
            weight = float(quality) if quality else 1.0
        except ValueError:
            weight = 0.0
        weighted.append((-weight, index, tag.split("-")[0].strip().lower()))
    return next((tag for *_rank, tag in sorted(weighted) if tag in LANGUAGES), LANGUAGES[0])


def same_origin(connection: HTTPConnection) -> bool:
    """Whether the request comes from a page of this console (Origin names this host)."""
    origin = connection.headers.get("origin")
    host = connection.headers.get("host")
    if not origin or not host:
        return False
    return urlsplit(origin).netloc.lower() == host.lower()


def words(_: Callable[[str], str]) -> dict[str, str]:
    """The page script's own strings, translated here: the script holds no text."""
    return {
        "online": _("en ligne"),
        "offline": _("hors ligne"),
        "unknown": _("pas encore de nouvelles"),
        "calm": _("calme"),
        "yellow": _("à surveiller"),
        "red": _("bloquée"),
        "pending": _("envoyé…"),
        "confirmed": _("fait"),
        "failed": _("échec"),
        "timeout": _("pas de réponse de la borne"),
        "broker": _("le broker est injoignable"),
        "puzzles": _("énigmes"),
        "hints": _("indices"),
        "time_left": _("temps restant"),
        "quiet": _("sans progrès depuis"),
        "no_game": _("pas de partie en cours"),
        "broker_down": _("Le broker MQTT ne répond pas : les cartes ne bougent plus."),
        "disconnected": _("Connexion perdue avec la console, nouvel essai…"),
        "launch": _("Lancer"),
        "pause": _("Pause"),
        "resume": _("Reprendre"),
        "add_time": _("+2 min"),
        "hint": _("Indice suivant"),
        "ready": _("Message tout prêt"),
        "solve": _("Résoudre"),
        "end": _("Terminer"),
        "reset": _("Réinitialiser"),
        "sheets": _("Fiches de débriefing"),
        "confirm_end": _("Terminer la partie de cette borne ?"),
        "confirm_reset": _("Réinitialiser cette borne ?"),
        "confirm_solve": _("Résoudre cette énigme pour l'équipe ?"),
        "attract": _("en attente d'une équipe"),
        "setup": _("réglage"),
        "briefing": _("présentation de la mission"),
        "playing": _("en jeu"),
        "paused": _("en pause"),
        "debrief": _("débriefing"),
        "won": _("mission réussie"),
        "time_up": _("temps écoulé"),
        "abandoned": _("partie arrêtée"),
    }


def mission_choices(missions: Mapping[str, Mission], language: str) -> list[dict[str, Any]]:
    """What the launch form offers, and each puzzle's title for the force-solve list."""
    choices = []
    for mission in missions.values():
        texts = MissionTexts.load(mission, age=mission.ages[0],
                                  language=language if language in _languages(mission) else mission.language)
        duration = mission.duration if isinstance(mission.duration, int) else min(mission.duration.values())
        choices.append({
            "id": mission.id,
            "title": texts.text(mission.title),
            "bands": list(mission.ages),
            "languages": _languages(mission),
            "minutes": duration,
            "puzzles": {p.id: texts.text(p.title, puzzle_id=p.id) for p in mission.puzzles},
        })
    return sorted(choices, key=lambda c: str(c["title"]))


def _languages(mission: Mission) -> list[str]:
    return [mission.language, *(t for t in mission.translations if t != mission.language)]


def console_app(board: Board, settings: ConsoleSettings) -> Starlette:
    sessions = Sessions(settings.session_seconds, settings.clock)

    def logged_in(connection: HTTPConnection) -> bool:
        return sessions.valid(connection.cookies.get(COOKIE))

    def language_of(connection: HTTPConnection) -> str:
        return page_language(settings, connection.headers.get("accept-language", ""))

    def render(name: str, request: Request, status: int = 200, **values: Any) -> HTMLResponse:
        language = language_of(request)
        _ = _translator(language).gettext
        html = templates_of("gardiens.net.console").get_template(name).render(
            _=_, language=language, **values)
        return HTMLResponse(html, status_code=status, headers={
            # Only this console's own files, no frame around it, no referrer leaving it (not
            # "no-referrer": the browser would then send Origin: null with the page's forms).
            "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'",
            "Referrer-Policy": "same-origin",
            "X-Content-Type-Options": "nosniff",
        })

    async def home(request: Request) -> Response:
        if not logged_in(request):
            locked = settings.guard.locked_for()
            return render("login.html", request, locked=round(locked), problem=None)
        _ = _translator(language_of(request)).gettext
        page = {
            "words": words(_),
            "missions": mission_choices(settings.missions, language_of(request)),
            "ready": [_(text) for text in READY_HINTS],
            "sheets": sorted(settings.sheets),
            "red_after": board.red_after,
        }
        return render("console.html", request, page=page)

    async def login(request: Request) -> Response:
        if not same_origin(request):
            return JSONResponse({"error": "cross_site"}, status_code=403)
        _ = _translator(language_of(request)).gettext
        # A one-field form, read by hand (Starlette's form parser needs another package).
        body = (await request.body())[:MAX_BODY]
        pin = parse_qs(body.decode("utf-8", "replace")).get("pin", [""])[0][:16]
        # scrypt takes tens of milliseconds: off the loop, which serves the other pages.
        check = await run_in_threadpool(settings.guard.check, pin)
        if not check.ok:
            if check.locked_for > 0:
                problem = _("Trop d'essais : attendez {seconds} s.").format(
                    seconds=round(check.locked_for))
            else:
                problem = _translator(language_of(request)).ngettext(
                    "Code incorrect. Encore {n} essai.", "Code incorrect. Encore {n} essais.",
                    check.attempts_left).format(n=check.attempts_left)
            log.warning("console: wrong PIN from %s", request.client.host if request.client else "?")
            return render("login.html", request, status=401, locked=round(check.locked_for),
                          problem=problem)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(COOKIE, sessions.open(), max_age=int(settings.session_seconds),
                            httponly=True, samesite="strict", path="/",
                            secure=request.url.scheme == "https")
        return response

    async def logout(request: Request) -> Response:
        if not same_origin(request):
            return JSONResponse({"error": "cross_site"}, status_code=403)
        sessions.close(request.cookies.get(COOKIE))
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    async def command(request: Request) -> Response:
        if not same_origin(request):
            return JSONResponse({"error": "cross_site"}, status_code=403)
        if not logged_in(request):
            return JSONResponse({"error": "login"}, status_code=401)
        body = await request.body()
        if len(body) > MAX_BODY:
            return JSONResponse({"error": "too_large"}, status_code=413)
        try:
            raw = json.loads(body)
        except ValueError:
            return JSONResponse({"error": "malformed"}, status_code=400)
        if not isinstance(raw, dict) or not isinstance(raw.get("order"), dict):
            return JSONResponse({"error": "malformed"}, status_code=400)
        kiosk = request.path_params["kiosk"]
        if kiosk not in board.cards:
            return JSONResponse({"error": "unknown_kiosk"}, status_code=404)
        order = raw["order"]
        if order.get("kind") not in ("launch", "pause", "resume", "add_time", "hint", "solve",
                                     "end", "reset"):
            return JSONResponse({"error": "unknown_command"}, status_code=400)
        try:
            checked = ORDERS.validate_python({"v": 1, **order})
        except ValidationError as error:
            return JSONResponse({"error": "malformed", "detail": str(error)[:300]}, status_code=400)
        sent = board.send(kiosk, checked)
        return JSONResponse({"id": sent.id, "status": sent.status})

    async def sheets(request: Request) -> Response:
        if not logged_in(request):
            return RedirectResponse("/", status_code=303)
        folder = settings.sheets.get(request.path_params["kiosk"])
        _ = _translator(language_of(request)).gettext
        html = None if folder is None else await run_in_threadpool(_last_sheets, folder,
                                                                   settings.missions)
        if html is None:
            return render("message.html", request, status=404,
                          message=_("Aucune partie terminée sur cette borne."))
        return HTMLResponse(html)

    async def live(socket: WebSocket) -> None:
        if not same_origin(socket) or not logged_in(socket):
            await socket.close(code=1008)
            return
        await socket.accept()
        queue = board.subscribe()

        async def forward() -> None:
            while True:
                await socket.send_text(json.dumps(await queue.get()))

        sender = asyncio.create_task(forward())
        # The page sends nothing; reading is how its going away is seen (and the server's
        # shutdown does not wait for a page that left).
        try:
            with contextlib.suppress(WebSocketDisconnect, RuntimeError):
                while True:
                    if (await socket.receive())["type"] == "websocket.disconnect":
                        break
        finally:
            sender.cancel()
            board.unsubscribe(queue)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        board.start(asyncio.get_running_loop())
        try:
            yield
        finally:
            board.stop()

    return Starlette(
        routes=[
            Route("/", home),
            Route("/favicon.ico", lambda request: Response(status_code=204)),
            Route("/login", login, methods=["POST"]),
            Route("/logout", logout, methods=["POST"]),
            Route("/kiosk/{kiosk}/command", command, methods=["POST"]),
            Route("/kiosk/{kiosk}/sheets", sheets),
            WebSocketRoute("/live", live),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        lifespan=lifespan,
    )


def _last_sheets(folder: Path, missions: Mapping[str, Mission]) -> str | None:
    """The debrief sheets of the last session that reached play on the kiosk whose data folder
    this is, as `gardiens report last` writes them."""
    if not (folder / JOURNAL_FILE).exists():
        return None
    journal = Journal.open(folder)
    try:
        for summary in reversed(journal.sessions()):
            events = journal.events(summary.session)
            if debrief_of(missions, events) is not None:
                report = session_report(missions, events, summary.first_at)
                return None if report is None else report[1]
    finally:
        journal.close()
    return None
