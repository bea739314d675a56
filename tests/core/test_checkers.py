"""Each puzzle type's checker: right answers pass, wrong ones explain, odd ones are refused."""

from __future__ import annotations

import random

import pytest

from gardiens.core import checkers
from gardiens.core.checkers import (
    Explanation,
    MalformedAnswer,
    Truth,
    Verdict,
    caesar,
    check,
    normalise,
    solution,
    wrong_answer,
)
from tests.core.sample import sample_mission


def whys(verdict: Verdict) -> tuple[object, ...]:
    """The explanations a verdict shows, in the author's words."""
    return tuple(e.why for e in verdict.details)


REWARDS = {"d1": "4", "d2": "0", "d3": "7", "d4": "2"}


@pytest.fixture(scope="module")
def mission():
    return sample_mission()


def test_normalise_forgives_case_accents_spaces_and_punctuation() -> None:
    assert normalise("  L'Élysée  ") == normalise("lelysee")
    assert normalise("Vérifie ça !") == "verifieca"


def test_caesar_shifts_letters_only_and_round_trips() -> None:
    assert caesar("Abc, xyz!", 3) == "Def, abc!"
    assert caesar(caesar("VERIFIE", 5), -5) == "VERIFIE"


@pytest.mark.parametrize("pid", [p.id for p in sample_mission().puzzles])
def test_solution_is_right_and_wrong_answer_is_wrong(mission, pid: str) -> None:
    puzzle = mission.puzzle(pid)
    assert check(puzzle, solution(puzzle, REWARDS), REWARDS).correct
    for seed in range(20):
        verdict = check(puzzle, wrong_answer(puzzle, REWARDS, random.Random(seed)), REWARDS)
        assert not verdict.correct
        assert verdict.message == puzzle.feedback.wrong


def test_code_lock_is_assembled_from_rewards(mission) -> None:
    lock = mission.puzzle("final")
    assert check(lock, "4072", REWARDS).correct
    assert not check(lock, "4072", {"d1": "4"}).correct
    assert not check(lock, "0000", REWARDS).correct


def test_written_code_keeps_its_leading_zero() -> None:
    from gardiens.core.model import CodeLock

    lock = CodeLock.model_validate(
        {
            "id": "c",
            "type": "code",
            "title": "t",
            "prompt": "p",
            "hints": ["h"],
            "feedback": {"right": "r", "wrong": "w"},
            "code": "0123",
        }
    )
    assert check(lock, "0123", {}).correct
    assert not check(lock, "123", {}).correct


def test_choice_explains_the_wrong_choice(mission) -> None:
    verdict = check(mission.puzzle("qcm"), ["b"], REWARDS)
    assert not verdict.correct
    assert whys(verdict) == ("Les likes ne prouvent rien.",)
    assert verdict.score == (0, 2)


def test_true_false_explains_each_wrong_statement(mission) -> None:
    verdict = check(mission.puzzle("vf"), {"s1": True, "s2": True}, REWARDS)
    assert whys(verdict) == ("Non.",)
    assert verdict.score == (1, 2)


def test_categorise_explains_misplaced_items(mission) -> None:
    verdict = check(mission.puzzle("boites"), {"agence": "fiable", "rumeur": "fiable"}, REWARDS)
    assert whys(verdict) == ("Une rumeur n'a pas de source.",)


def test_hotspots_need_every_right_region_and_no_wrong_one(mission) -> None:
    zones = mission.puzzle("zones")
    assert check(zones, ["date"], REWARDS).correct
    assert not check(zones, [], REWARDS).correct
    assert whys(check(zones, ["date", "logo"], REWARDS)) == ("Le logo est normal.",)


def test_text_answer_forgives_and_recognises_listed_mistakes(mission) -> None:
    mot = mission.puzzle("mot")
    assert check(mot, " SOURCES ", REWARDS).correct
    assert check(mot, "Sóurce", REWARDS).correct
    assert whys(check(mot, "like", REWARDS)) == ("Un like n'est pas une preuve.",)
    assert not check(mot, "", REWARDS).correct
    assert checkers.known_mistake(mot, "LIKE") == 0


def test_cipher_accepts_plain_text_in_any_case(mission) -> None:
    secret = mission.puzzle("secret")
    assert check(secret, "vérifie", REWARDS).correct
    assert not check(secret, caesar("VERIFIE", 3), REWARDS).correct


@pytest.mark.parametrize(
    ("pid", "answer"),
    [
        ("qcm", "a"),
        ("qcm", ["a", "a"]),
        ("qcm", ["zzz"]),
        ("vf", {"s1": True}),
        ("vf", {"s1": "yes", "s2": False}),
        ("ordre", ["lire"]),
        ("boites", {"agence": "nowhere", "rumeur": "fiable"}),
        ("mot", "x" * 10_000),
        ("mot", ["source"]),
        ("final", 4072),
    ],
)
def test_malformed_answers_are_refused(mission, pid: str, answer: object) -> None:
    with pytest.raises(MalformedAnswer):
        check(mission.puzzle(pid), answer, REWARDS)


def test_every_model_type_is_in_the_sample(mission) -> None:
    from gardiens.core.model import PUZZLE_TYPES

    assert {p.type for p in mission.puzzles} == set(PUZZLE_TYPES)


def test_feed_explains_misfiled_posts(mission) -> None:
    verdict = check(mission.puzzle("fil"), {"p1": "fiable", "p2": "fiable"}, REWARDS)
    assert whys(verdict) == ("Un titre en majuscules cherche à choquer.",)


def test_settings_start_as_the_unsafe_choice(mission) -> None:
    verdict = check(mission.puzzle("reglages"), {"visibilite": "tous"}, REWARDS)
    assert not verdict.correct
    assert whys(verdict) == ("Un profil public est visible par des inconnus.",)
    with pytest.raises(MalformedAnswer):
        check(mission.puzzle("reglages"), {"visibilite": "personne"}, REWARDS)


def test_password_meter_counts_each_rule(mission) -> None:
    mdp = mission.puzzle("motdepasse")
    assert check(mdp, "Kayak-Nuage-47!", REWARDS).correct
    weak = check(mdp, "pixel2013", REWARDS)
    assert weak.score == (1, 4)
    assert "Votre prénom ou votre chat se devinent." in whys(weak)
    assert not check(mdp, "Mon-Chat-PIXEL-99!", REWARDS).correct


def test_cookie_banner_refusing_or_customising_everything_off(mission) -> None:
    bandeau = mission.puzzle("bandeau")
    assert check(bandeau, {"button": "refuser"}, REWARDS).correct
    assert check(bandeau, {"button": "choisir", "pub": "off"}, REWARDS).correct
    assert whys(check(bandeau, {"button": "choisir"}, REWARDS)) == ("La pub vous suit.",)
    assert whys(check(bandeau, {"button": "tout"}, REWARDS)) == ("Piège !",)


def test_pegi_is_about_content(mission) -> None:
    verdict = check(mission.puzzle("pegi"), {"ferme": "3", "zombies": "12"}, REWARDS)
    assert whys(verdict) == ("PEGI parle du contenu, pas de la difficulté.",)


def test_hidden_ads_must_all_be_found(mission) -> None:
    pubs = mission.puzzle("pubs")
    assert check(pubs, ["a1"], REWARDS).correct
    assert whys(check(pubs, [], REWARDS)) == ("Un code promo, c'est de la pub.",)
    assert not check(pubs, ["a1", "a2"], REWARDS).correct


# Learning from success: a right answer carries every item's explanation.


def test_wrong_answer_explains_only_the_items_it_got_wrong(mission) -> None:
    verdict = check(mission.puzzle("vf"), {"s1": True, "s2": True}, REWARDS)
    assert verdict.details == (
        Explanation("Tout ce qui est partagé est vrai.", Truth.FALSE, False, "Non."),
    )


def test_right_true_false_explains_every_statement(mission) -> None:
    verdict = check(mission.puzzle("vf"), {"s1": True, "s2": False}, REWARDS)
    assert verdict.correct
    assert verdict.details == (
        Explanation("Une photo peut être ancienne.", Truth.TRUE, True, "Oui."),
        Explanation("Tout ce qui est partagé est vrai.", Truth.FALSE, True, "Non."),
    )


def test_true_false_names_its_sides_with_the_puzzles_own_labels(mission) -> None:
    labelled = mission.puzzle("vf").model_copy(update={"labels": ("Info", "Intox")})
    verdict = check(labelled, {"s1": True, "s2": False}, REWARDS)
    assert [e.answer for e in verdict.details] == ["Info", "Intox"]


def test_right_choice_explains_why_the_others_are_not(mission) -> None:
    verdict = check(mission.puzzle("qcm"), ["a"], REWARDS)
    assert verdict.correct
    # Only the wrong choice has an explanation; the right one, which has none, is left out.
    assert verdict.details == (
        Explanation("Le nombre de likes", Truth.LEAVE, True, "Les likes ne prouvent rien."),
    )


def test_right_chat_reaction_explains_the_reaction_not_to_choose(mission) -> None:
    verdict = check(mission.puzzle("discussion"), ["soutenir"], REWARDS)
    assert verdict.details == (
        Explanation("Je partage", Truth.LEAVE, True, "Partager, c'est participer."),
    )


def test_right_sorting_explains_each_element_with_its_box(mission) -> None:
    boxes = check(mission.puzzle("boites"), {"agence": "fiable", "rumeur": "douteux"}, REWARDS)
    assert boxes.details == (
        Explanation("Rumeur", "Douteux", True, "Une rumeur n'a pas de source."),
    )
    feed = check(mission.puzzle("fil"), {"p1": "fiable", "p2": "verifier"}, REWARDS)
    assert feed.details == (
        Explanation("INCROYABLE !!!", "À vérifier", True, "Un titre en majuscules cherche à choquer."),
    )
    pegi = check(mission.puzzle("pegi"), {"ferme": "3", "zombies": "18"}, REWARDS)
    assert pegi.details == (
        Explanation(
            "Nuit des zombies", "PEGI 18", True, "PEGI parle du contenu, pas de la difficulté."
        ),
    )


def test_right_settings_name_the_safe_option(mission) -> None:
    verdict = check(mission.puzzle("reglages"), {"visibilite": "amis"}, REWARDS)
    assert verdict.details == (
        Explanation(
            "Qui voit mes posts ?", "Mes amis", True, "Un profil public est visible par des inconnus."
        ),
    )


def test_strong_password_explains_every_rule(mission) -> None:
    verdict = check(mission.puzzle("motdepasse"), "Kayak-Nuage-47!", REWARDS)
    assert [e.item for e in verdict.details] == [
        "12 caractères",
        "Un chiffre",
        "Un symbole",
        "Rien sur vous",
    ]
    assert all(e.right and e.answer is None for e in verdict.details)


def test_refused_cookies_explain_the_trap_and_every_purpose(mission) -> None:
    bandeau = mission.puzzle("bandeau")
    for answer in ({"button": "refuser"}, {"button": "choisir", "pub": "off"}):
        verdict = check(bandeau, answer, REWARDS)
        assert verdict.details == (
            Explanation("Tout accepter", Truth.LEAVE, True, "Piège !"),
            Explanation("Publicité", Truth.OFF, True, "La pub vous suit."),
        )
    # A wrong customisation explains its purposes only, not the buttons.
    assert check(bandeau, {"button": "choisir"}, REWARDS).details == (
        Explanation("Publicité", Truth.OFF, False, "La pub vous suit."),
    )


def test_right_picks_explain_what_to_tap_and_what_to_leave(mission) -> None:
    ads = check(mission.puzzle("pubs"), ["a1"], REWARDS)
    assert ads.details[0] == Explanation(
        "Ma crème préférée, code LOU10 !", Truth.PICK, True, "Un code promo, c'est de la pub."
    )
    zones = check(mission.puzzle("zones"), ["date"], REWARDS)
    # The logo, rightly left alone, says why it was no clue.
    assert Explanation("Logo", Truth.LEAVE, True, "Le logo est normal.") in zones.details


def test_kinds_without_item_explanations_say_nothing_more(mission) -> None:
    for pid, answer in (("ordre", ["lire", "verifier", "partager"]), ("mot", "source")):
        verdict = check(mission.puzzle(pid), answer, REWARDS)
        assert verdict.correct and verdict.details == ()


@pytest.mark.parametrize("pid", [p.id for p in sample_mission().puzzles])
def test_every_shown_explanation_has_words_and_is_marked(mission, pid: str) -> None:
    puzzle = mission.puzzle(pid)
    right = check(puzzle, solution(puzzle, REWARDS), REWARDS)
    assert all(e.right and e.why for e in right.details)
    for seed in range(5):
        wrong = check(puzzle, wrong_answer(puzzle, REWARDS, random.Random(seed)), REWARDS)
        assert all(not e.right and e.why for e in wrong.details)
