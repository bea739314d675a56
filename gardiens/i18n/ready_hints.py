"""Ready-made words of encouragement a facilitator sends to a team, from the kiosk's panel or the
console (by their number): translated into the team's language where they are shown."""

from __future__ import annotations

from gardiens.i18n.interface import N_

READY_HINTS: tuple[str, ...] = (
    N_("Relisez la consigne ensemble."),
    N_("Regardez bien l'image."),
    N_("Chacun donne son idée, puis choisissez ensemble."),
    N_("Vous y êtes presque, continuez !"),
    N_("Essayez une autre énigme, puis revenez."),
    N_("Demandez de l'aide à l'animateur."),
)
