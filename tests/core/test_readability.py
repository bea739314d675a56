"""Readability for ages 9-12: sentence length and uncommon words, with names and glossary spared."""

from __future__ import annotations

from gardiens.core.lint import lint_mission
from gardiens.core.model import Mission
from gardiens.core.readability import MAX_WORDS_9_12, read
from tests.core.sample import sample_data


def test_counts_the_longest_sentence() -> None:
    text = "Une phrase courte. " + " ".join(["mot"] * 25) + " ! Fin."
    assert read(text, "fr").longest_sentence == 25
    assert read("Qu'est-ce que l'info ?", "fr").longest_sentence == 3


def test_common_words_and_their_forms_pass() -> None:
    assert read("Vérifiez la source avant de partager une information.", "fr").rare_words == ()
    assert read("Ils devinent et protégeraient leurs comptes.", "fr").rare_words == ()
    assert read("Check the sources before sharing.", "en").rare_words == ()


def test_rare_words_are_listed_once() -> None:
    reading = read("Le carrelage ondule. Le sol ondule encore.", "fr")
    assert reading.rare_words == ("ondule",)


def test_names_acronyms_numbers_and_glossary_are_spared() -> None:
    assert read("Lumi appelle le 3018 et la CNIL.", "fr").rare_words == ()
    assert read("Le cyberharcèlement blesse.", "fr").rare_words == ("cyberharcèlement",)
    glossary = frozenset({"cyberharcèlement"})
    assert read("Le cyberharcèlement blesse.", "fr", glossary).rare_words == ()


def test_unknown_language_checks_length_only() -> None:
    reading = read("Zzyzx qwrtp.", "xx")
    assert reading.rare_words == () and reading.longest_sentence == 2


def lint(data: dict) -> list[str]:
    return [d.code for d in lint_mission(Mission.model_validate(data))]


def test_lint_warns_for_the_young_band_only() -> None:
    data = sample_data()
    long_sentence = " ".join(["mot"] * (MAX_WORDS_9_12 + 1)) + "."
    data["briefing"] = {"9-12": long_sentence, "13-16": long_sentence}
    assert lint(data).count("GDN406") == 1
    data["briefing"] = {"9-12": "Court.", "13-16": long_sentence}
    assert "GDN406" not in lint(data)


def test_lint_spares_facilitator_questions_and_older_only_missions() -> None:
    data = sample_data()
    data["debrief"]["questions"] = ["Quels subterfuges sophistiqués ondulent ?"]
    assert "GDN407" not in lint(data)
    data["briefing"] = "Le carrelage ondule."
    assert "GDN407" in lint(data)
    data["ages"] = ["13-16"]
    for puzzle in data["puzzles"]:
        puzzle["hints"] = ["indice"]
    data["duration"] = 15
    data["debrief"]["key_messages"] = ["Croise les sources."]
    assert "GDN407" not in lint(data)


def test_glossary_words_are_accepted() -> None:
    data = sample_data()
    data["briefing"] = "Le carrelage ondule."
    data["glossary"] = ["ondule"]
    assert "GDN407" not in lint(data)


def test_names_after_an_elision_are_spared() -> None:
    assert read("Le compte d'InfoChoc ment.", "fr").rare_words == ()
    assert read("Le goût d'anacoluthe.", "fr").rare_words == ("d'anacoluthe",)
