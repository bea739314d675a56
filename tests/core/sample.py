"""A small mission using every puzzle type, built in code for the core's tests."""

from __future__ import annotations

from typing import Any

from gardiens.core.model import Mission

FEEDBACK = {"right": "Bravo !", "wrong": "Pas tout à fait : relisez la consigne."}


def puzzle(pid: str, kind: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": pid,
        "type": kind,
        "title": pid.capitalize(),
        "prompt": f"Consigne de {pid.capitalize()}",
        "feedback": FEEDBACK,
        "hints": {
            "9-12": ["petit indice", "gros indice", "solution"],
            "13-16": ["indice", "solution"],
        },
    }
    base.update(fields)
    return base


def sample_data() -> dict[str, Any]:
    return {
        "id": "essai",
        "title": "Mission d'essai",
        "theme": "infox",
        "ages": ["9-12", "13-16"],
        "language": "fr",
        "translations": ["en"],
        "duration": {"9-12": 20, "13-16": 15},
        "briefing": "Le Brouillard arrive.",
        "goal": "final",
        "hint_policy": {"offer_after_seconds": 120, "offer_after_wrong": 2, "penalty_seconds": 0},
        "puzzles": [
            puzzle(
                "qcm",
                "choice",
                choices=[
                    {"id": "a", "text": "La source", "correct": True},
                    {
                        "id": "b",
                        "text": "Le nombre de likes",
                        "feedback": "Les likes ne prouvent rien.",
                    },
                ],
                rewards=[{"id": "d1", "value": "4", "label": "Premier chiffre : 4"}],
            ),
            puzzle(
                "vf",
                "true_false",
                requires=["qcm"],
                statements=[
                    {
                        "id": "s1",
                        "text": "Une photo peut être ancienne.",
                        "answer": True,
                        "explanation": "Oui.",
                    },
                    {
                        "id": "s2",
                        "text": "Tout ce qui est partagé est vrai.",
                        "answer": False,
                        "explanation": "Non.",
                    },
                ],
                rewards=[{"id": "d2", "value": "0", "label": "Deuxième chiffre : 0"}],
            ),
            puzzle(
                "ordre",
                "order",
                requires=["qcm"],
                items=[
                    {"id": "lire", "text": "Lire"},
                    {"id": "verifier", "text": "Vérifiez."},
                    {"id": "partager", "text": "Partager"},
                ],
                rewards=[{"id": "d3", "value": "7", "label": "Troisième chiffre : 7"}],
            ),
            puzzle(
                "boites",
                "categorise",
                requires=["qcm"],
                categories=[
                    {"id": "fiable", "label": "Fiable"},
                    {"id": "douteux", "label": "Douteux"},
                ],
                items=[
                    {"id": "agence", "text": "Agence de presse", "category": "fiable"},
                    {
                        "id": "rumeur",
                        "text": "Rumeur",
                        "category": "douteux",
                        "feedback": "Une rumeur n'a pas de source.",
                    },
                ],
            ),
            puzzle(
                "zones",
                "hotspots",
                requires=["qcm"],
                image="post.svg",
                regions=[
                    {
                        "id": "date",
                        "label": "Pas de date",
                        "x": 0.1,
                        "y": 0.1,
                        "w": 0.2,
                        "h": 0.1,
                        "correct": True,
                    },
                    {
                        "id": "logo",
                        "label": "Logo",
                        "x": 0.5,
                        "y": 0.5,
                        "w": 0.2,
                        "h": 0.2,
                        "correct": False,
                        "feedback": "Le logo est normal.",
                    },
                ],
            ),
            puzzle(
                "mot",
                "text",
                requires=["boites"],
                answers=["source", "sources"],
                mistakes=[{"answers": ["like"], "feedback": "Un like n'est pas une preuve."}],
            ),
            puzzle(
                "secret",
                "cipher",
                requires=["zones"],
                shift=3,
                plaintext="VERIFIE",
                rewards=[{"id": "d4", "value": "2", "label": "Quatrième chiffre : 2"}],
            ),
            puzzle(
                "fil",
                "feed",
                requires=["qcm"],
                categories=[
                    {"id": "fiable", "label": "Fiable"},
                    {"id": "verifier", "label": "À vérifier"},
                ],
                posts=[
                    {
                        "id": "p1",
                        "author": "Journal du Val",
                        "text": "Le pont rouvre lundi.",
                        "category": "fiable",
                    },
                    {
                        "id": "p2",
                        "author": "InfoChoc",
                        "text": "INCROYABLE !!!",
                        "category": "verifier",
                        "feedback": "Un titre en majuscules cherche à choquer.",
                    },
                ],
            ),
            puzzle(
                "discussion",
                "chat",
                requires=["qcm"],
                group="Les 6e B",
                messages=[
                    {"author": "Zed", "text": "Regardez cette photo de Sam 😂"},
                    {"author": "Moi", "text": "...", "me": True},
                ],
                choices=[
                    {"id": "soutenir", "text": "J'écris à Sam pour le soutenir", "correct": True},
                    {
                        "id": "partager",
                        "text": "Je partage",
                        "feedback": "Partager, c'est participer.",
                    },
                ],
            ),
            puzzle(
                "reglages",
                "settings",
                requires=["qcm"],
                profile="Profil de Lina",
                settings=[
                    {
                        "id": "visibilite",
                        "label": "Qui voit mes posts ?",
                        "start": "tous",
                        "expected": ["amis"],
                        "options": [
                            {"id": "tous", "label": "Tout le monde"},
                            {"id": "amis", "label": "Mes amis"},
                        ],
                        "feedback": "Un profil public est visible par des inconnus.",
                    },
                ],
            ),
            puzzle(
                "motdepasse",
                "password",
                requires=["qcm"],
                persona="Lina, née en 2013, chat Pixel",
                rules=[
                    {
                        "kind": "min_length",
                        "value": 12,
                        "label": "12 caractères",
                        "feedback": "Trop court.",
                    },
                    {"kind": "digit", "label": "Un chiffre", "feedback": "Ajoutez un chiffre."},
                    {"kind": "symbol", "label": "Un symbole", "feedback": "Ajoutez un symbole."},
                    {
                        "kind": "avoid",
                        "words": ["Lina", "2013", "Pixel"],
                        "label": "Rien sur vous",
                        "feedback": "Votre prénom ou votre chat se devinent.",
                    },
                ],
            ),
            puzzle(
                "bandeau",
                "cookies",
                requires=["qcm"],
                site="SuperQuiz",
                banner="Nous utilisons des cookies.",
                buttons=[
                    {
                        "id": "tout",
                        "label": "Tout accepter",
                        "action": "accept_all",
                        "feedback": "Piège !",
                    },
                    {
                        "id": "choisir",
                        "label": "Paramétrer",
                        "action": "customise",
                        "style": "small",
                    },
                    {
                        "id": "refuser",
                        "label": "Continuer sans accepter",
                        "action": "refuse_all",
                        "style": "link",
                    },
                ],
                purposes=[
                    {
                        "id": "pub",
                        "label": "Publicité",
                        "start": True,
                        "expected": False,
                        "feedback": "La pub vous suit.",
                    },
                ],
            ),
            puzzle(
                "pegi",
                "pegi",
                requires=["qcm"],
                games=[
                    {
                        "id": "ferme",
                        "title": "Ma Petite Ferme",
                        "description": "Des animaux.",
                        "rating": "3",
                    },
                    {
                        "id": "zombies",
                        "title": "Nuit des zombies",
                        "description": "Violence réaliste.",
                        "rating": "18",
                        "feedback": "PEGI parle du contenu, pas de la difficulté.",
                    },
                ],
            ),
            puzzle(
                "pubs",
                "ads",
                requires=["qcm"],
                posts=[
                    {
                        "id": "a1",
                        "author": "Lou_voyage",
                        "text": "Ma crème préférée, code LOU10 !",
                        "hidden_ad": True,
                        "feedback": "Un code promo, c'est de la pub.",
                    },
                    {
                        "id": "a2",
                        "author": "Lou_voyage",
                        "text": "Mon nouveau sac",
                        "label": "Collaboration commerciale",
                        "hidden_ad": False,
                    },
                ],
            ),
            puzzle("message", "rebuild", requires=["vf", "ordre"], **{"from": ["d2", "d1"], "order": ["d1", "d2"]}),
            puzzle(
                "reflexes",
                "match",
                requires=["vf", "ordre"],
                targets=[{"id": "source", "text": "Je cherche la source"}, {"id": "date", "text": "Je regarde la date"}],
                pairs={"d3": "source", "d4": "date"},
                **{"from": ["d3", "d4"]},
            ),
            puzzle("final", "code", requires=["vf", "ordre"], code_from=["d1", "d2", "d3", "d4"]),
        ],
        "debrief": {
            "key_messages": {
                "9-12": ["Qui a publié ?", "Vérifiez."],
                "13-16": ["Croisez les sources."],
            },
            "questions": ["Qu'avez-vous appris ?"],
        },
    }


def sample_mission() -> Mission:
    return Mission.model_validate(sample_data())
