"""An order puzzle's shuffle: never solved by a single drag, and the same every time it opens."""

from __future__ import annotations

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from gardiens.core.puzzles.order import moves_to_sort, needed_moves, shuffled


def fewest_moves(order: tuple[str, ...], right: tuple[str, ...]) -> int:
    """Breadth-first search over single take-and-insert moves: the count `moves_to_sort` claims."""
    seen = {order}
    frontier = [order]
    for depth in itertools.count():
        if right in frontier:
            return depth
        following = []
        for state in frontier:
            for i, j in itertools.permutations(range(len(state)), 2):
                rest = list(state[:i] + state[i + 1:])
                rest.insert(j, state[i])
                moved = tuple(rest)
                if moved not in seen:
                    seen.add(moved)
                    following.append(moved)
        frontier = following
    raise AssertionError("unreachable")


def test_moves_to_sort_counts_the_fewest_single_moves() -> None:
    for n in range(1, 6):
        right = tuple("abcdef"[:n])
        for order in itertools.permutations(right):
            assert moves_to_sort(order, right) == fewest_moves(order, right), order


def test_a_rotation_is_one_move_and_a_reversal_is_n_minus_one() -> None:
    right = ["a", "b", "c", "d", "e"]
    assert moves_to_sort(["b", "c", "d", "e", "a"], right) == 1
    assert moves_to_sort(["e", "a", "b", "c", "d"], right) == 1
    assert moves_to_sort(list(reversed(right)), right) == 4
    assert moves_to_sort(right, right) == 0


@settings(max_examples=400, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32), n=st.integers(min_value=3, max_value=8))
def test_the_shuffle_always_needs_at_least_two_moves(seed: int, n: int) -> None:
    right = [f"item{i}" for i in range(n)]
    order = shuffled(right, random.Random(seed))
    assert sorted(order) == sorted(right)
    assert moves_to_sort(order, right) >= 2


@given(seed=st.integers(min_value=0, max_value=2**32))
def test_two_items_are_always_swapped(seed: int) -> None:
    assert shuffled(["a", "b"], random.Random(seed)) == ["b", "a"]
    assert needed_moves(2) == 1


@given(seed=st.integers(min_value=0, max_value=2**32), n=st.integers(min_value=2, max_value=8))
def test_the_same_seed_gives_the_same_shuffle(seed: int, n: int) -> None:
    right = [f"item{i}" for i in range(n)]
    assert shuffled(right, random.Random(seed)) == shuffled(right, random.Random(seed))
