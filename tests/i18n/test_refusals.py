"""Every reason the core can give for refusing a command has words, in French and in English."""

from __future__ import annotations

from gardiens.core.commands import Refusal
from gardiens.i18n.interface import InterfaceTranslator
from gardiens.i18n.refusals import REFUSAL_MESSAGES


def test_every_refusal_has_a_message_translated_into_english() -> None:
    assert set(REFUSAL_MESSAGES) == set(Refusal)
    english = InterfaceTranslator("en")
    untranslated = [r for r, text in REFUSAL_MESSAGES.items() if english.gettext(text) == text]
    assert not untranslated
