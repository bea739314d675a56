"""Diagnostic messages are message ids with their values, translated only when shown: the core
reads no catalog and imports nothing from `gardiens.i18n`."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import gardiens.core
from gardiens.core.diagnostics import NT_, SOURCE, T_, Listing, make, quote, quote_all

ROOT = Path(__file__).resolve().parents[2]


def _shout(message: str) -> str:
    # Placeholders stay as they are, as a translator keeps them.
    return re.sub(r"[^{}]+(?=\{|$)", lambda m: m.group().upper(), message)


class Shouting:
    """A translator that upper-cases every message id and takes the plural form from n != 1."""

    def gettext(self, message: str, /) -> str:
        return _shout(message)

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        return _shout(singular if n == 1 else plural)


def test_core_modules_do_not_import_the_catalogs() -> None:
    modules = sorted(m.name for m in pkgutil.iter_modules(gardiens.core.__path__, "gardiens.core."))
    script = (
        "import sys, importlib\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('gardiens.i18n', 'babel')))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


def test_values_that_are_texts_are_translated_with_the_message() -> None:
    # The author's own words ("a", "b") are shown as written, in their quotation marks.
    text = T_("{what} : {names}", what=T_("énigme"), names=quote_all(["a", "b"]))
    assert text.translate() == "énigme : « a », « b »"
    assert text.translate(Shouting()) == "ÉNIGME : « a », « b »"


def test_plural_forms_follow_the_language_rule() -> None:
    def hints(n: int) -> str:
        return NT_("{n} indice", "{n} indices", n).translate(SOURCE)

    # French: 0 and 1 are singular.
    assert [hints(0), hints(1), hints(2)] == ["0 indice", "1 indice", "2 indices"]
    zero = NT_("{n} indice", "{n} indices", 0)
    assert zero.translate(Shouting()) == "0 INDICES"


def test_a_listing_translates_its_separator() -> None:
    listing = Listing((quote("9-12"), quote("13-16")), T_(" et "))
    assert listing.translate() == "« 9-12 » et « 13-16 »"
    assert listing.translate(Shouting()) == "« 9-12 » ET « 13-16 »"


def test_did_you_mean_wraps_the_message_so_a_language_can_reorder_it() -> None:
    diagnostic = make("GDN201", file="m.yaml", line=2, col=1, suggestion="title", key="titel")
    assert diagnostic.message.endswith("Vouliez-vous dire « title » ?")
    assert diagnostic.render(Shouting()) == (
        "m.yaml:2:1: GDN201 LE CHAMP « titel » N'EXISTE PAS À CET ENDROIT. "
        "VOULIEZ-VOUS DIRE « title » ?"
    )
