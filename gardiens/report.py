"""Debrief sheets: one printable, self-contained A4 page for families, one for the facilitator.

The family sheet carries the mission, its key messages and where to find help, and nothing
about the team. The facilitator sheet shows where the team struggled, as a small chart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from html import escape

from gardiens.core.journal import Event
from gardiens.core.model import Mission
from gardiens.core.pseudonym import is_team, team_name
from gardiens.core.session import DebriefData, PuzzleState, debrief_of
from gardiens.i18n.format import format_day
from gardiens.i18n.interface import N_, InterfaceTranslator
from gardiens.i18n.missions import MissionTexts

Gettext = Callable[[str], str]

CSS = """
@page { size: A4; margin: 16mm; }
* { box-sizing: border-box; }
body { font-family: Andika, "Andika", "DejaVu Sans", Arial, sans-serif; color: #1d2340;
       font-size: 12.5pt; line-height: 1.45; margin: 0; }
.sheet { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
.sheet + .sheet { break-before: page; page-break-before: always; }
header { border-bottom: 3px solid #f2a03d; margin-bottom: 6mm; padding-bottom: 3mm; }
.brand { font-size: 10pt; letter-spacing: .08em; text-transform: uppercase; color: #5b6285; }
h1 { font-size: 22pt; margin: 1mm 0 0; }
h2 { font-size: 14pt; margin: 6mm 0 2mm; color: #2d3a8c; }
ul { padding-left: 6mm; margin: 0; }
li { margin: 1.5mm 0; }
.help { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4mm; margin-top: 2mm; }
.card { border: 2px solid #2d3a8c; border-radius: 4mm; padding: 3mm; }
.card strong { display: block; font-size: 16pt; color: #2d3a8c; }
.facts { display: flex; gap: 6mm; margin: 2mm 0 4mm; }
.fact { border: 1.5px solid #c7cbe0; border-radius: 3mm; padding: 2mm 4mm; }
.fact b { font-size: 15pt; display: block; }
svg text { font-family: inherit; }
footer { margin-top: 8mm; font-size: 9.5pt; color: #5b6285; }
@media print { .sheet { padding: 0; } }
"""

# Marked here, translated where the sheet is written.
HELP_3018 = (
    N_("Le 3018"),
    N_(
        "Gratuit, anonyme et confidentiel, 7 jours sur 7 de 9 h à 23 h, par téléphone, tchat ou "
        "application. Pour les victimes et les témoins de harcèlement en ligne."
    ),
)
HELP_ADULT = (
    N_("Un adulte de confiance"),
    N_(
        "Un parent, un professeur, l'infirmière ou le CPE : on n'est jamais seul face à un problème en ligne."
    ),
)
HELP_CNIL = (
    N_("La CNIL"),
    N_("Son site a une rubrique pour les jeunes, avec des conseils pour protéger sa vie privée."),
)
BAR_COLOURS = {"attempts": "#e4572e", "hints": "#2d7dd2"}


def render_report(
    debrief: DebriefData,
    mission: Mission,
    texts: MissionTexts,
    _: Gettext,
    *,
    team: str | None = None,
    date: str | None = None,
) -> str:
    """The whole HTML page: the family sheet, then the facilitator sheet."""
    lang = escape(debrief.language)
    title = escape(texts.text(mission.title))
    family = _family_sheet(debrief, mission, texts, _, title)
    facilitator = _facilitator_sheet(debrief, mission, texts, _, title, team, date)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(_('Les Gardiens du numérique'))} — {title}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n{family}\n{facilitator}\n</body>\n</html>\n"
    )


def session_report(
    missions: Mapping[str, Mission], events: list[Event], started_at: float
) -> tuple[Mission, str] | None:
    """The sheets of one session from its journal events, or None if it never reached play."""
    debrief = debrief_of(missions, events)
    if debrief is None:
        return None
    mission = missions[debrief.mission_id]
    texts = MissionTexts.load(mission, age=debrief.age, language=debrief.language)
    team_key = next((str(e.data["team"]) for e in reversed(events) if "team" in e.data), None)
    team = team_name(team_key, debrief.language) if team_key and is_team(team_key) else None
    # The sheet is in the language the team played in, not the facilitator's.
    sheet = InterfaceTranslator(debrief.language)
    day = dt.datetime.fromtimestamp(started_at).date()
    date = format_day(day, debrief.language, length="short")
    return mission, render_report(debrief, mission, texts, sheet.gettext, team=team, date=date)


def _items(lines: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


def _family_sheet(
    debrief: DebriefData, mission: Mission, texts: MissionTexts, _: Gettext, title: str
) -> str:
    messages = texts.texts(mission.debrief.key_messages)
    cards = "".join(
        f'<div class="card"><strong>{escape(_(name))}</strong>{escape(_(body))}</div>'
        for name, body in (HELP_3018, HELP_ADULT, HELP_CNIL)
    )
    return (
        '<section class="sheet family">\n<header>'
        f'<div class="brand">{escape(_("Les Gardiens du numérique"))}</div>'
        f"<h1>{title}</h1></header>\n"
        f"<p>{escape(_('Aujourd’hui, votre enfant a joué une mission de l’escape game des Gardiens du numérique. Voici ce que la mission voulait faire comprendre, pour en reparler à la maison.'))}</p>\n"
        f"<h2>{escape(_('Ce que nous avons appris'))}</h2>\n{_items(messages)}\n"
        f'<h2>{escape(_("Où trouver de l’aide"))}</h2>\n<div class="help">{cards}</div>\n'
        f"<footer>{escape(_('Aucune donnée personnelle n’a été collectée pendant la partie.'))}</footer>\n"
        "</section>"
    )


def _facilitator_sheet(
    debrief: DebriefData,
    mission: Mission,
    texts: MissionTexts,
    _: Gettext,
    title: str,
    team: str | None,
    date: str | None,
) -> str:
    outcome = {
        "won": _("Mission réussie"),
        "time_up": _("Temps écoulé"),
        "abandoned": _("Mission arrêtée"),
    }.get(debrief.outcome.value if debrief.outcome else "", _("Mission en cours"))
    minutes, seconds = divmod(round(debrief.elapsed), 60)
    facts = [
        (outcome, _("résultat")),
        (f"{minutes}:{seconds:02d}", _("temps de jeu")),
        (f"{debrief.solved}/{len(debrief.puzzles)}", _("énigmes résolues")),
        (str(debrief.hints_used), _("indices utilisés")),
    ]
    facts_html = "".join(
        f'<div class="fact"><b>{escape(value)}</b>{escape(label)}</div>' for value, label in facts
    )
    struggled = [
        texts.text(mission.puzzle(pid).title, puzzle_id=pid) for pid in debrief.struggled
    ] or [_("Aucune énigme n’a posé de grosse difficulté.")]
    subtitle = " · ".join(escape(x) for x in (team, date) if x)
    return (
        '<section class="sheet facilitator">\n<header>'
        f'<div class="brand">{escape(_("Fiche animateur"))}</div>'
        f"<h1>{title}</h1><div>{subtitle}</div></header>\n"
        f'<div class="facts">{facts_html}</div>\n'
        f"<h2>{escape(_('Énigme par énigme'))}</h2>\n{_chart(debrief, mission, texts, _)}\n"
        f"<h2>{escape(_('Là où l’équipe a bloqué'))}</h2>\n{_items(struggled)}\n"
        f"<h2>{escape(_('Questions pour le débriefing'))}</h2>\n"
        f"{_items(texts.texts(mission.debrief.questions))}\n"
        "</section>"
    )


def _chart(debrief: DebriefData, mission: Mission, texts: MissionTexts, _: Gettext) -> str:
    """Wrong attempts and hints per puzzle as labelled bars (numbers written, not only colour)."""
    row, label_w, bar_w = 26, 250, 380
    top = max([1, *(p.attempts + p.hints for p in debrief.puzzles)])
    unit = bar_w / top
    height = row * len(debrief.puzzles) + 34
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {label_w + bar_w + 60} {height}" '
        f'role="img" aria-label="{escape(_("Essais ratés et indices par énigme"))}">'
    ]
    for i, report in enumerate(debrief.puzzles):
        y = i * row
        name = texts.text(mission.puzzle(report.id).title, puzzle_id=report.id)
        mark = {
            PuzzleState.SOLVED: "✓",
            PuzzleState.SKIPPED: "→",
        }.get(report.state, "·")
        parts.append(
            f'<text x="0" y="{y + 17}" font-size="13">{escape(mark)} {escape(name[:34])}</text>'
        )
        x: float = label_w
        for kind, count in (("attempts", report.attempts), ("hints", report.hints)):
            if count:
                w = count * unit
                parts.append(
                    f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" rx="4" '
                    f'fill="{BAR_COLOURS[kind]}"/>'
                )
                parts.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + 17}" font-size="12" fill="#fff" '
                    f'text-anchor="middle">{count}</text>'
                )
                x += w
    legend_y = row * len(debrief.puzzles) + 22
    parts.append(
        f'<rect x="{label_w}" y="{legend_y - 11}" width="14" height="14" fill="{BAR_COLOURS["attempts"]}"/>'
        f'<text x="{label_w + 20}" y="{legend_y}" font-size="12">{escape(_("essais ratés"))}</text>'
        f'<rect x="{label_w + 140}" y="{legend_y - 11}" width="14" height="14" fill="{BAR_COLOURS["hints"]}"/>'
        f'<text x="{label_w + 160}" y="{legend_y}" font-size="12">{escape(_("indices"))}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
