"""Why the core refused a command, in words a facilitator reads at a glance (interface catalog)."""

from __future__ import annotations

from gardiens.core.commands import Refusal
from gardiens.i18n.interface import N_

REFUSAL_MESSAGES: dict[Refusal, str] = {
    Refusal.ADDED_TIME_OUT_OF_RANGE: N_("on ajoute entre quelques secondes et une heure."),
    Refusal.AGE_BAND_NOT_OFFERED: N_("cette mission n'existe pas pour cette tranche d'âge."),
    Refusal.ALREADY_RESET: N_("la borne est déjà prête pour une nouvelle équipe."),
    Refusal.DURATION_OUT_OF_RANGE: N_("la durée doit être entre 1 et 180 minutes."),
    Refusal.GAME_IN_PROGRESS: N_(
        "une mission est déjà lancée : réinitialisez d'abord la borne."
    ),
    Refusal.HINT_TEXT_LENGTH: N_("le message est vide ou trop long."),
    Refusal.LANGUAGE_NOT_OFFERED: N_("cette mission n'existe pas dans cette langue."),
    Refusal.MALFORMED_ANSWER: N_("cette réponse n'a pas la forme attendue par l'énigme."),
    Refusal.NO_AGE_BAND_CHOSEN: N_("choisissez d'abord une tranche d'âge."),
    Refusal.NO_LANGUAGE_CHOSEN: N_("choisissez d'abord une langue."),
    Refusal.NO_MISSION_CHOSEN: N_("choisissez d'abord une mission."),
    Refusal.NO_MORE_HINTS: N_("tous les indices de cette énigme ont déjà été donnés."),
    Refusal.NO_TEAM_NAME: N_("l'équipe n'a pas encore de nom."),
    Refusal.NOT_IN_SETUP: N_("une mission est déjà lancée : réinitialisez d'abord la borne."),
    Refusal.NOT_ON_ATTRACT_SCREEN: N_(
        "une mission est déjà lancée : réinitialisez d'abord la borne."
    ),
    Refusal.NOT_ON_BRIEFING: N_("la mission n'est pas prête à démarrer."),
    Refusal.NOT_PAUSED: N_("la partie n'est pas en pause."),
    Refusal.NOT_PLAYING: N_("aucune mission n'est en cours."),
    Refusal.NOTHING_CHOSEN: N_("rien n'a été choisi."),
    Refusal.NOTHING_TO_DO: N_("il n'y a rien à faire pour l'instant."),
    Refusal.PUZZLE_ALREADY_DONE: N_("cette énigme est déjà résolue."),
    Refusal.PUZZLE_LOCKED: N_("cette énigme n'est pas encore ouverte."),
    Refusal.TEAM_MUST_BE_GENERATED: N_("le nom d'équipe est tiré au sort par la borne."),
    Refusal.TIME_IS_UP: N_("le temps est écoulé."),
    Refusal.UNKNOWN_MISSION: N_("cette mission n'est pas installée sur la borne."),
    Refusal.UNKNOWN_PUZZLE: N_("cette énigme n'existe pas dans la mission."),
    Refusal.UNKNOWN_QUESTION: N_("cette question n'est pas posée par la mission."),
    Refusal.QUESTION_NOT_ASKED_NOW: N_("cette question ne se pose pas maintenant."),
    Refusal.VISIT_CODE_INVALID: N_(
        "le code de visite a de 3 à 16 caractères : lettres, chiffres et tirets (ex. CM2-B-0607)."
    ),
}
