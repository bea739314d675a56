"""Locale-aware formatting in French and English, and French punctuation spacing."""

from __future__ import annotations

import datetime as dt

import pytest

from gardiens.i18n.format import (
    NARROW_NBSP,
    format_clock_time,
    format_countdown,
    format_day,
    format_duration,
    format_number,
    format_ratio,
    typographer,
)
from gardiens.i18n.pseudo import marked

N = NARROW_NBSP


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (299, "04:59"),
        (298.2, "04:59"),
        (0.4, "00:01"),
        (0, "00:00"),
        (-3, "00:00"),
        (3600, "60:00"),
        (5400, "90:00"),
    ],
)
def test_countdown_is_minutes_and_seconds_never_hours(seconds: float, shown: str) -> None:
    assert format_countdown(seconds) == shown


@pytest.mark.parametrize(
    ("language", "seconds", "length", "shown"),
    [
        ("fr", 750, "short", "12\u00a0min 30\u202fs"),
        ("en", 750, "short", "12 min 30 sec"),
        ("fr", 750, "long", "12 minutes et 30\u00a0secondes"),
        ("en", 750, "long", "12 minutes, 30 seconds"),
        ("fr", 60, "long", "1 minute"),
        ("en", 45, "short", "45 sec"),
        ("fr", 0, "short", "0\u202fs"),
        # The pseudo-locale formats as French does, its words marked as come through a translation.
        ("qps", 60, "short", marked("1\u00a0min")),
    ],
)
def test_spoken_durations(language: str, seconds: float, length: str, shown: str) -> None:
    assert format_duration(seconds, language, length=length) == shown  # type: ignore[arg-type]


def test_numbers_dates_times_and_rates() -> None:
    assert format_number(1234.5, "fr") == f"1{N}234,5"
    assert format_number(1234.5, "en") == "1,234.5"
    day = dt.date(2026, 11, 24)
    assert format_day(day, "fr") == "24 novembre 2026"
    assert format_day(day, "en") == "November 24, 2026"
    assert format_day(day, "fr", length="short") == "24/11/2026"
    assert format_clock_time(dt.time(14, 5), "fr") == "14:05"
    assert format_clock_time(dt.time(14, 5), "en") == f"2:05{N}PM"
    assert format_ratio(0.75, "fr") == "75\u00a0%"
    assert format_ratio(0.75, "en") == "75%"


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("Info ou intox ?", f"Info ou intox{N}?"),
        ("Bravo!", f"Bravo{N}!"),
        ("Quoi ?!", f"Quoi{N}?!"),
        ("Attention : lis bien ; puis réponds.", f"Attention{N}: lis bien{N}; puis réponds."),
        ("« Fake news »", f"«{N}Fake news{N}»"),
        ("«Info»", f"«{N}Info{N}»"),
        (
            "Rendez-vous à 12:30 sur https://cnil.fr/jeunes?x=1 !",
            f"Rendez-vous à 12:30 sur https://cnil.fr/jeunes?x=1{N}!",
        ),
        ("Déjà\u00a0!", f"Déjà{N}!"),
    ],
)
def test_french_typography(source: str, shown: str) -> None:
    assert typographer(source, "fr") == shown


def test_english_is_left_alone() -> None:
    assert typographer("Ready? « Go » !", "en") == "Ready? « Go » !"


def test_typography_is_idempotent() -> None:
    once = typographer("Prêts ? « Go » : partez !", "fr")
    assert typographer(once, "fr") == once
