"""The mission map: puzzles as boxes in layers, `requires` as arrows, rewards feeding the lock,
drawn as one standalone SVG (no external resource) for educators to check a mission's shape.

This module places the boxes and arrows; the `map.svg` template draws them, escaping every text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gardiens.core.lint import solvable_puzzles
from gardiens.core.model import Mission, Puzzle, pick
from gardiens.core.puzzles import kind_of
from gardiens.i18n.interface import SOURCE_LANGUAGE, InterfaceTranslator
from gardiens.templating import templates_of

Gettext = Callable[[str], str]


BOX_W = 240
BOX_H = 92
BADGE_H = 24
GAP_X = 40
GAP_Y = 90
MARGIN = 40
HEADER = 70


@dataclass(frozen=True)
class Placed:
    puzzle: Puzzle
    layer: int
    x: float
    y: float
    height: float


def _code_from(puzzle: Puzzle) -> list[str]:
    """The rewards a puzzle's answer is made of (a code's digits, a message's fragments)."""
    return list(kind_of(puzzle).rewards_needed(puzzle))


def layers(mission: Mission) -> dict[str, int]:
    """Longest-path layer of each puzzle over `requires` and the rewards its code needs."""
    givers = {r.id: p.id for p in mission.puzzles for r in p.rewards}
    ids = {p.id for p in mission.puzzles}
    parents = {
        p.id: sorted(
            {r for r in p.prerequisites() if r in ids}
            | {givers[r] for r in _code_from(p) if r in givers and givers[r] != p.id}
        )
        for p in mission.puzzles
    }
    layer: dict[str, int] = {}
    visiting: set[str] = set()

    def depth(pid: str) -> int:
        if pid in layer:
            return layer[pid]
        if pid in visiting:
            # A prerequisite loop (an error lint reports): cut it so the map can still be drawn.
            return -1
        visiting.add(pid)
        value = 1 + max((depth(q) for q in parents[pid]), default=-1)
        visiting.discard(pid)
        layer[pid] = max(value, 0)
        return layer[pid]

    for puzzle in mission.puzzles:
        depth(puzzle.id)
    return layer


def _wrap(text: str, width: int, lines: int) -> list[str]:
    words, out, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if len(candidate) <= width:
            line = candidate
            continue
        if line:
            out.append(line)
        line = word
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return [o if len(o) <= width else o[: width - 1] + "…" for o in out]


def _place(mission: Mission) -> list[Placed]:
    layer = layers(mission)
    rows: dict[int, list[Puzzle]] = {}
    for puzzle in mission.puzzles:
        rows.setdefault(layer[puzzle.id], []).append(puzzle)
    index = {p.id: i for i, p in enumerate(mission.puzzles)}
    position: dict[str, float] = {}
    for depth in sorted(rows):
        # Order each row by where its parents sit, so arrows cross less.
        def key(p: Puzzle) -> tuple[float, int]:
            seen = [position[r] for r in p.prerequisites() if r in position]
            return (sum(seen) / len(seen) if seen else float(index[p.id]), index[p.id])

        rows[depth].sort(key=key)
        for i, puzzle in enumerate(rows[depth]):
            position[puzzle.id] = float(i)
    widest = max(len(r) for r in rows.values())
    placed: list[Placed] = []
    y = float(MARGIN + HEADER)
    for depth in sorted(rows):
        row = rows[depth]
        offset = (widest - len(row)) * (BOX_W + GAP_X) / 2
        height = max(BOX_H + BADGE_H * len(p.rewards) for p in row)
        for i, puzzle in enumerate(row):
            x = MARGIN + offset + i * (BOX_W + GAP_X)
            placed.append(Placed(puzzle, depth, x, y, BOX_H + BADGE_H * len(puzzle.rewards)))
        y += height + GAP_Y
    return placed


@dataclass(frozen=True)
class Edge:
    """An arrow into a box: from a prerequisite ("requires"), from one of the puzzles it opens
    after by choice ("choice": `requires_any`, `requires_some`) or from a reward's badge
    ("reward")."""

    kind: str
    source: str
    target: str
    sx: float
    sy: float
    tx: float
    ty: float


@dataclass(frozen=True)
class RewardBadge:
    id: str
    value: str
    text: str


@dataclass(frozen=True)
class Box:
    id: str
    type: str
    x: float
    y: float
    goal: bool
    reachable: bool
    title: list[str]
    label: str
    sign: str
    rewards: tuple[RewardBadge, ...]


def mission_svg(mission: Mission, words: InterfaceTranslator | None = None) -> str:
    """The whole map as SVG text. Unreachable puzzles are dashed, hatched and labelled.

    Its words are in the language of `words`, French (the source) when none is given.
    """
    words = words or InterfaceTranslator(SOURCE_LANGUAGE)
    _ = words.gettext
    placed = _place(mission)
    solvable = solvable_puzzles(mission)
    count = len(mission.puzzles)
    subtitle = _(
        "{mission} · {puzzles} · objectif : {goal} · "
        "flèche pleine = « requires », flèche à tirets = au choix (« requires_any », "
        "« requires_some »), flèche pointillée = trouvaille vers l'énigme qui l'utilise"
    ).format(
        mission=mission.id,
        puzzles=words.ngettext("{count} énigme", "{count} énigmes", count).format(count=count),
        goal=mission.goal,
    )
    # About 7 px per character at 13 px: the legend must not be cut on a narrow map.
    width = max(max(p.x for p in placed) + BOX_W + MARGIN, 2 * MARGIN + 7.0 * len(subtitle))
    height = max(p.y + p.height for p in placed) + MARGIN + 30
    boxes = [_box(mission, item, solvable, _) for item in placed]
    return templates_of("gardiens.authoring").get_template("map.svg").render(
        _=_, mission=mission, title=pick(mission.title, mission.ages[0]), subtitle=subtitle,
        width=width, height=height, edges=_edges(placed), boxes=boxes,
        margin=MARGIN, box_w=BOX_W, box_h=BOX_H, badge_h=BADGE_H,
    )


def _box(mission: Mission, item: Placed, solvable: set[str], _: Gettext) -> Box:
    puzzle = item.puzzle
    kind = kind_of(puzzle)
    label, sign = _(kind.label), _(kind.sign)
    rewards = tuple(
        RewardBadge(
            reward.id,
            reward.value,
            _wrap(_("pièce {reward} = {value}").format(reward=reward.id, value=reward.value), 30, 1)[0],
        )
        for reward in puzzle.rewards
    )
    return Box(
        id=puzzle.id,
        type=puzzle.type,
        x=item.x,
        y=item.y,
        goal=puzzle.id == mission.goal,
        reachable=puzzle.id in solvable,
        title=_wrap(pick(puzzle.title, mission.ages[0]), 26, 2),
        label=label,
        sign=sign,
        rewards=rewards,
    )


def _edges(placed: list[Placed]) -> list[Edge]:
    by_id = {p.puzzle.id: p for p in placed}
    badge_at: dict[str, tuple[float, float]] = {}
    for item in placed:
        for j, reward in enumerate(item.puzzle.rewards):
            badge_at[reward.id] = (item.x + BOX_W - 16, item.y + BOX_H + j * BADGE_H + 12)
    edges: list[Edge] = []
    for child in placed:
        # Every arrow into a box gets its own point on the top edge, ordered by where it
        # comes from, so that arrows into the final lock stay apart.
        incoming: list[tuple[float, float, str, str]] = []
        for parent_id in child.puzzle.prerequisites():
            parent = by_id.get(parent_id)
            if parent is not None:
                px, py = parent.x + BOX_W / 2, parent.y + parent.height
                # All of `requires` are needed; `requires_any` and `requires_some` leave a choice.
                kind = "requires" if parent_id in child.puzzle.requires else "choice"
                incoming.append((px, py, kind, parent_id))
        for reward_id in _code_from(child.puzzle):
            if reward_id in badge_at:
                bx, by = badge_at[reward_id]
                incoming.append((bx, by, "reward", reward_id))
        incoming.sort(key=lambda entry: (entry[0], entry[2]))
        for k, (sx, sy, kind, source) in enumerate(incoming):
            tx = child.x + 16 + (BOX_W - 32) * (k + 1) / (len(incoming) + 1)
            edges.append(Edge(kind, source, child.puzzle.id, sx, sy, tx, child.y))
    return edges
