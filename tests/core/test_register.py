"""One register: a mission says « vous » or « tu » to the team, and its own voice keeps to it."""

from __future__ import annotations

import pytest

from gardiens.core.loader import load_mission_bytes
from gardiens.core.model import Address, Mission
from gardiens.core.register import in_world, mission_slips, slips
from tests.core.sample import sample_data


def words(text: str, address: Address = "vous") -> list[str]:
    return [slip.word for slip in slips(text, address)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tu as trouvé le code.", ["Tu"]),
        ("Lumi compte sur toi et sur ton équipe.", ["toi", "ton"]),
        ("Ta photo, tes amis : on peut t'aider.", ["Ta", "tes", "t"]),
        ("Regarde bien. Puis choisis le bon post !", ["Regarde"]),
        ("Lisez le message : clique sur le lien.", ["clique"]),
        ("Ne clique pas sur le lien.", ["clique"]),
        ("Un inconnu écrit ? Parles-en à un adulte.", ["Parles"]),
        ("Garde-la pour vous.", ["Garde"]),
    ],
)
def test_tu_forms_in_a_vous_text(text: str, found: list[str]) -> None:
    assert words(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Vous avez trouvé le code.", ["Vous"]),
        ("Protégez votre compte et vos photos.", ["Protégez", "votre", "vos"]),
        ("Bravo ! Rangez-les dans l'ordre.", ["Rangez"]),
        ("Faites attention : ne cliquez pas.", ["Faites", "cliquez"]),
    ],
)
def test_vous_forms_in_a_tu_text(text: str, found: list[str]) -> None:
    assert words(text, "tu") == found


@pytest.mark.parametrize(
    "text",
    [
        # Quoted speech belongs to a character.
        "Le message dit : « Tu as gagné, clique ici ! » Ne répondez pas.",
        "Zack écrit “ta chanson est nulle”, encore.",
        # Third person, nouns, inversions, labels.
        "Lumi regarde le phare. Elle parle à Noa et garde le secret.",
        "Il répond sur un ton moqueur, du ton le plus sec.",
        "Pour chaque message : parle-t-il du jeu ?",
        "Limite : 30 minutes. Note : le code a 4 chiffres.",
        "Noa ne donne rien, bloque, signale et en parle à un adulte.",
        "Je ne dis rien : je choisis de soutenir Noa.",
        "Un rendez-vous en vrai, chez un inconnu : assez !",
    ],
)
def test_no_false_alarm_in_a_vous_text(text: str) -> None:
    assert words(text) == []


def test_no_false_alarm_in_a_tu_text() -> None:
    assert words("On se donne rendez-vous chez toi ? Assez joué, choisis !", "tu") == []
    assert words("Le message dit : « Cliquez ici, votre cadeau vous attend. »", "tu") == []


def test_a_slip_knows_where_it_is_and_which_occurrence() -> None:
    found = slips("Tes amis voient tes photos.", "vous")
    assert [(s.word, s.start, s.occurrence) for s in found] == [("Tes", 0, 0), ("tes", 16, 1)]


def test_in_world_texts_are_not_the_game_voice() -> None:
    data = sample_data()
    mission = Mission.model_validate(data)
    chat = next(i for i, p in enumerate(mission.puzzles) if p.type == "chat")
    cookies = next(i for i, p in enumerate(mission.puzzles) if p.type == "cookies")
    assert in_world(mission, ("puzzles", chat, "messages", 0, "text"))
    assert in_world(mission, ("puzzles", chat, "group"))
    assert not in_world(mission, ("puzzles", chat, "choices", 0, "text"))
    assert in_world(mission, ("puzzles", cookies, "buttons", 0, "label"))
    assert not in_world(mission, ("puzzles", cookies, "buttons", 0, "feedback"))
    assert not in_world(mission, ("briefing",))


def test_the_mission_says_vous_by_default_and_checks_its_voice_only() -> None:
    data = sample_data()
    chat = next(p for p in data["puzzles"] if p["type"] == "chat")
    chat["messages"][0]["text"] = "Regarde ta photo, Sam 😂"
    mission = Mission.model_validate(data)
    assert mission.address == "vous"
    assert list(mission_slips(mission)) == []
    data["debrief"]["key_messages"] = ["Vérifie la source."]
    found = list(mission_slips(Mission.model_validate(data)))
    assert [(s.text.path, s.slip.word) for s in found] == [
        (("debrief", "key_messages", 0), "Vérifie")
    ]


def test_a_tu_mission_is_checked_the_other_way() -> None:
    data = sample_data()
    data["address"] = "tu"
    data["briefing"] = "Le Brouillard arrive. Rallumez le phare !"
    found = [s.slip.word for s in mission_slips(Mission.model_validate(data))]
    assert found.count("Rallumez") == 1 and "relisez" in found
    data["language"] = "en"
    assert list(mission_slips(Mission.model_validate(data))) == []


def test_an_unknown_address_is_refused() -> None:
    data = sample_data()
    data["address"] = "toi"
    with pytest.raises(ValueError, match="address"):
        Mission.model_validate(data)


MISSION = """\
id: essai
title: "Mission d'essai"
theme: infox
ages: ["13-16"]
language: fr
address: vous
duration: 15
briefing: >-
  Le Brouillard arrive sur la Cité. Vos amis
  comptent sur vous : rallumez le phare avec tes amis.
goal: final
puzzles:
  - id: final
    type: code
    title: "Le phare"
    prompt: "Tapez le code. Tu as 4 chiffres : tu les tapes dans l'ordre."
    code: "1234"
    feedback: {right: "Bravo !", wrong: "Pas encore."}
    hints: ["Le code est 1234."]
debrief:
  key_messages: ["Vérifiez avant de partager."]
  questions: ["Qu'avez-vous appris ?"]
"""


def test_lint_locates_each_slip_on_its_word() -> None:
    result = load_mission_bytes(MISSION.encode(), file="essai.yaml")
    register = [d for d in result.diagnostics if d.code == "GDN408"]
    assert [(d.line, d.col) for d in register] == [(10, 46), (16, 29), (16, 48)]
    assert register[0].render().startswith("essai.yaml:10:46: GDN408 avertissement : « tes »")
    assert "« tu »" in register[0].message and "« vous »" in register[0].message
    assert result.mission is not None, "a warning does not block the mission"
