"""`gardiens audit [MISSION...]`: every screen and puzzle rendered headless, each text too small,
cut, overlapping or off screen and each touch target too small reported, and with `--lang qps`
each text that did not come through a translation, with where it is drawn from; exit 1 if any."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from gardiens.cli.steps import Gettext, load, window_size
from gardiens.i18n.interface import N_, cli_translator

DESCRIPTION = N_(
    "Dessine sans fenêtre chaque écran et chaque énigme (deux langues, deux tranches d'âge, "
    "deux tailles, chaque taille de texte) et signale les textes trop petits, coupés, qui se "
    "chevauchent ou sortent de l'écran, et les cibles trop petites ; avec --lang qps, aussi "
    "chaque texte qui n'est pas passé par une traduction."
)

# What each kind of finding is called in the table (message ids of the `cli` catalog).
KIND_NAMES = {
    "small-text": N_("texte trop petit"),
    "cut": N_("texte coupé"),
    "overlap": N_("chevauchement"),
    "small-target": N_("cible trop petite"),
    "off-screen": N_("hors de l'écran"),
    "moving": N_("bouge malgré les animations réduites"),
    "untranslated": N_("texte non traduit"),
}
DETAILS = {
    "reading": N_("texte à lire"),
    "label": N_("étiquette"),
    "ellipsised": N_("finit par …"),
    "clipped": N_("lettres perdues au bord"),
    "overflows": N_("déborde de sa place"),
    "picture": N_("mots d'une image"),
}


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    parser.add_argument("missions", nargs="*", metavar="MISSION",
                        help=_("identifiant, fichier ou dossier (par défaut : toutes les missions fournies)"))
    parser.add_argument("--lang", choices=("fr", "en", "qps"),
                        help=_("une seule langue (qps : la pseudo-langue, qui signale aussi les textes non traduits)"))
    parser.add_argument("--size", type=window_size, help=_("une seule taille, ex. 1280x800"))
    parser.add_argument("--step", type=int, help=_("une seule taille de texte (0, 1 ou 2)"))
    parser.add_argument("--spacing", choices=("normal", "wide"),
                        help=_("un seul espacement du texte (wide : lettres, mots et lignes espacés)"))
    parser.add_argument("--motion", choices=("normal", "reduced"),
                        help=_("un seul réglage des animations (reduced : animations réduites, où rien ne doit "
                               "bouger de lui-même)"))
    parser.add_argument("--screen", action="append", default=[], metavar="SCREEN",
                        help=_("seulement cet écran (répétable), ex. puzzle, panel, map"))
    parser.add_argument("--json", type=Path, metavar="FILE", help=_("écrire aussi chaque constat en JSON"))


def run(args: argparse.Namespace) -> int:
    from gardiens.ui.app import headless_environment

    headless_environment()
    from gardiens.core.library import load_library
    from gardiens.testing.audit import (
        ALL_SCREENS,
        LANGUAGES,
        MOTIONS,
        SIZES,
        group_findings,
        run_audit,
    )
    from gardiens.ui.theme import SPACINGS, TEXT_STEPS

    _ = cli_translator().gettext
    missions = load_library() if not args.missions else _resolve(args.missions)
    if missions is None:
        return 2
    if args.step is not None and not 0 <= args.step < len(TEXT_STEPS):
        print(_("taille de texte inconnue : {step}").format(step=args.step), file=sys.stderr)
        return 2
    unknown = [name for name in args.screen if name not in ALL_SCREENS]
    if unknown:
        print(_("écran inconnu : {screen} (au choix : {screens})").format(
            screen=unknown[0], screens=", ".join(ALL_SCREENS)), file=sys.stderr)
        return 2
    progress = _progress if sys.stderr.isatty() else None
    result = run_audit(missions, languages=(args.lang,) if args.lang else LANGUAGES,
                       sizes=(args.size,) if args.size else SIZES,
                       steps=(args.step,) if args.step is not None else tuple(range(len(TEXT_STEPS))),
                       screens=args.screen, spacings=(args.spacing,) if args.spacing else SPACINGS,
                       motions=(args.motion,) if args.motion else MOTIONS, progress=progress)
    if progress is not None:
        print(file=sys.stderr)
    screen = None
    for group in group_findings(result.findings):
        if group.screen != screen:
            screen = group.screen
            print(f"\n== {screen}")
        where = " ".join(part for part in (group.mission, group.puzzle) if part)
        if group.kind == "untranslated":
            print(f"  {_(KIND_NAMES[group.kind])}  {where}  « {group.other} »  ({group.detail})")
            print("      " + _("dans « {text} », dessiné par {source}").format(
                text=group.subject, source=group.findings[0].problem.where))
            print(f"      {_scenes(group.scenes)}")
            continue
        subject = f"« {group.subject} »" + (f" ↔ « {group.other} »" if group.other else "")
        detail = _(DETAILS[group.detail]) if group.detail else ""
        measured = sorted({(f.problem.measured, f.problem.floor) for f in group.findings if f.problem.floor})
        if measured:
            detail = ", ".join(filter(None, (detail, " ".join(f"{m}<{f} px" for m, f in measured))))
        print(f"  {_(KIND_NAMES[group.kind])}  {where}  {subject}" + (f"  ({detail})" if detail else ""))
        print(f"      {_scenes(group.scenes)}")
    counts = {kind: sum(1 for f in result.findings if f.problem.kind == kind) for kind in KIND_NAMES}
    print()
    print(_("{renders} rendus en {seconds:.0f} s ({rate:.1f}/s), {findings} constats").format(
        renders=result.renders, seconds=result.seconds, rate=result.renders_per_second,
        findings=len(result.findings)))
    print(", ".join(f"{_(KIND_NAMES[kind])} : {count}" for kind, count in counts.items() if count))
    if args.json is not None:
        rows = [{**asdict(f.problem), **asdict(f.scene)} for f in result.findings]
        try:
            args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
        except OSError as error:
            print(error, file=sys.stderr)
            return 2
    return 1 if result.findings else 0


def _resolve(names: list[str]) -> dict[str, Any] | None:
    missions: dict[str, Any] = {}
    for name in names:
        loaded = load(name)
        if loaded is None:
            return None
        missions[loaded[0].id] = loaded
    return missions


def _scenes(scenes: Any) -> str:
    """Where a group was found, compactly: each language, band, size and text factor seen."""
    from gardiens.ui.theme import TEXT_STEPS

    parts = [sorted({s.language for s in scenes}), sorted({s.band for s in scenes if s.band}),
             [f"{w}×{h}" for w, h in sorted({s.size for s in scenes}, reverse=True)],
             [f"×{TEXT_STEPS[s]}" for s in sorted({s.step for s in scenes})],
             sorted({s.spacing for s in scenes if s.spacing != "normal"}),
             sorted({s.motion for s in scenes if s.motion != "normal"})]
    return " · ".join("/".join(str(p) for p in part) for part in parts if part) + f"  [{len(scenes)}]"


def _progress(done: int, total: int, scene: Any) -> None:
    print(f"\r{done + 1}/{total} {scene.screen} {scene.mission} {scene.puzzle}".ljust(78)[:78],
          end="", file=sys.stderr, flush=True)
