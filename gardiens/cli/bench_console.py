"""`gardiens bench --console [--kiosks 50]`: the console's end-to-end latency, CPU and memory,
shown as `gardiens bench` shows its table (the measuring is `gardiens.net.console.bench`)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from gardiens.cli.steps import Gettext, say
from gardiens.i18n.interface import cli_translator


def table(results: dict[str, Any], _: Gettext) -> list[list[str]]:
    held = "✓" if results["latency_p99_within_goal"] else "✗"
    return [
        [_("borne → page p50 (ms)"), f"{results['latency_ms_p50']:.0f}", ""],
        [_("borne → page p99 (ms)"), f"{results['latency_ms_p99']:.0f}",
         f"≤ {results['latency_goal_ms']:g} ms {held}"],
        [_("borne → page max (ms)"), f"{results['latency_ms_max']:.0f}", ""],
        [_("mises à jour vues / publiées"),
         f"{results['updates_seen']} / {results['updates_expected']}", ""],
        [_("CPU de la console (%)"), f"{results['console_cpu_percent']:.1f}", ""],
        [_("mémoire de la console (MB)"), f"{results['console_rss_mb']:.0f}", ""],
        [_("mémoire de la console, pic (MB)"), f"{results['console_peak_rss_mb']:.0f}", ""],
    ]


def show(results: dict[str, Any], _: Gettext) -> None:
    head = [_("mesure"), _("console"), _("objectif")]
    rows = [head, *table(results, _)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    for number, row in enumerate(rows):
        print("  ".join([row[0].ljust(widths[0]), row[1].rjust(widths[1]), row[2]]).rstrip())
        if number == 0:
            print("  ".join("─" * width for width in widths))
    print()
    print(_("{kiosks} bornes simulées à 1 état par seconde, {seconds:g} s mesurées, "
            "mosquitto et chromium sur la même machine.").format(
        kiosks=results["kiosks"], seconds=results["seconds"]))


def run_console(args: argparse.Namespace) -> int:
    from gardiens.net.console.bench import BenchUnavailable, measure_console

    _ = cli_translator().gettext
    try:
        results = measure_console(args.kiosks, args.seconds)
    except BenchUnavailable as missing:
        say(_("Mesure impossible : {reason}").format(reason=missing))
        return 1
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        show(results, _)
    return 0
