"""Property tests: whatever an author's file contains, the loader answers with located
diagnostics and never raises."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gardiens.core.diagnostics import MESSAGES
from gardiens.core.loader import load_mission_bytes

VALID = Path(__file__).resolve().parents[1] / "data" / "valid" / "minimal"
VALID_TEXT = (VALID / "scenario.yaml").read_text(encoding="utf-8")
VALID_LINES = VALID_TEXT.splitlines()

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_well_located(raw: bytes) -> None:
    result = load_mission_bytes(raw, file="fuzz.yaml", folder=VALID)
    lines = max(raw.count(b"\n") + 1, 1)
    for diagnostic in result.diagnostics:
        assert diagnostic.code in MESSAGES
        assert 1 <= diagnostic.line <= lines + 1
        assert diagnostic.col >= 1
        assert diagnostic.message
        assert diagnostic.severity == MESSAGES[diagnostic.code].severity
    assert (result.mission is None) == any(d.severity == "error" for d in result.diagnostics)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["no", "yes", "on", "off", "0123", "9-12", "code", "choice", "fil.png"]),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=8), children, max_size=4),
    ),
    max_leaves=12,
)


@st.composite
def mutated_lines(draw: st.DrawFn) -> bytes:
    """The valid mission after a few edits an author could make by mistake."""
    lines = list(VALID_LINES)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        key, sep, rest = line.partition(":")
        action = draw(st.sampled_from(["delete", "duplicate", "retype", "rename", "indent"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "retype" and sep:
            replacement = draw(
                st.sampled_from(
                    [
                        "[1, 2]",
                        "{a: 1}",
                        "0123",
                        "no",
                        "~",
                        "''",
                        "3.5",
                        "-",
                        "!!python/object:os.system x",
                    ]
                )
            )
            lines[index] = f"{key}: {replacement}"
        elif action == "rename" and sep:
            indent = key[: len(key) - len(key.lstrip())]
            lines[index] = (
                f"{indent}{draw(st.text(string_alphabet(), min_size=1, max_size=8))}:{rest}"
            )
        elif action == "indent":
            lines[index] = " " * draw(st.integers(0, 6)) + line.lstrip()
        if not lines:
            break
    return "\n".join(lines).encode()


def string_alphabet() -> str:
    return "abcdefghijklmnopqrstuvwxyz_-"


@FUZZ
@given(mutated_lines())
def test_mutated_mission_never_raises(raw: bytes) -> None:
    assert_well_located(raw)


@FUZZ
@given(st.integers(0, len(VALID_TEXT.encode())), st.binary(max_size=8))
def test_truncated_or_corrupted_mission_never_raises(cut: int, noise: bytes) -> None:
    raw = VALID_TEXT.encode()
    assert_well_located(raw[:cut])
    assert_well_located(raw[:cut] + noise + raw[cut:])


@settings(FUZZ, max_examples=100)
@given(st.data())
def test_retyped_values_never_raise(data: st.DataObject) -> None:
    document: Any = yaml.safe_load(VALID_TEXT)
    node = document
    while isinstance(node, dict | list) and node:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = data.draw(st.sampled_from(keys))
        if data.draw(st.booleans()) or not isinstance(node[key], dict | list):
            node[key] = data.draw(values)
            break
        node = node[key]
    assert_well_located(yaml.safe_dump(document, allow_unicode=True).encode())


@FUZZ
@given(values)
def test_random_yaml_never_raises(value: Any) -> None:
    assert_well_located(yaml.safe_dump(value, allow_unicode=True).encode())


@FUZZ
@given(st.text(max_size=200))
def test_random_text_never_raises(text: str) -> None:
    assert_well_located(text.encode("utf-8", errors="surrogatepass"))
