"""The mission map: puzzles as boxes in layers, `requires` as arrows, rewards feeding the lock,
drawn as one standalone SVG (no external resource) for educators to check a mission's shape."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from gardiens.core.lint import solvable_puzzles
from gardiens.core.model import CodeLock, Mission, Puzzle, pick
from gardiens.core.puzzles import kind_of

BOX_W = 240
BOX_H = 92
BADGE_H = 24
GAP_X = 40
GAP_Y = 90
MARGIN = 40
HEADER = 70
FONT = "Andika, 'DejaVu Sans', Verdana, Arial, sans-serif"


@dataclass(frozen=True)
class Placed:
    puzzle: Puzzle
    layer: int
    x: float
    y: float
    height: float


def _code_from(puzzle: Puzzle) -> list[str]:
    return list(puzzle.code_from or []) if isinstance(puzzle, CodeLock) else []


def layers(mission: Mission) -> dict[str, int]:
    """Longest-path layer of each puzzle over `requires` and the rewards its code needs."""
    givers = {r.id: p.id for p in mission.puzzles for r in p.rewards}
    ids = {p.id for p in mission.puzzles}
    parents = {
        p.id: sorted(
            {r for r in p.requires if r in ids}
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
            seen = [position[r] for r in p.requires if r in position]
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


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: int = 14,
    weight: str = "normal",
    anchor: str = "start",
    cls: str = "",
) -> str:
    klass = f' class="{cls}"' if cls else ""
    return (
        f'<text x="{x:.0f}" y="{y:.0f}" font-size="{size}" font-weight="{weight}" '
        f'text-anchor="{anchor}"{klass}>{escape(text)}</text>'
    )


def mission_svg(mission: Mission) -> str:
    """The whole map as SVG text. Unreachable puzzles are dashed, hatched and labelled."""
    age = mission.ages[0]
    placed = _place(mission)
    by_id = {p.puzzle.id: p for p in placed}
    solvable = solvable_puzzles(mission)
    width = max(p.x for p in placed) + BOX_W + MARGIN
    height = max(p.y + p.height for p in placed) + MARGIN + 30
    subtitle = (
        f"{mission.id} · {len(mission.puzzles)} énigmes · objectif : {mission.goal} · "
        "flèche pleine = « requires », flèche pointillée = indice vers le code"
    )
    # About 7 px per character at 13 px: the legend must not be cut on a narrow map.
    width = max(width, 2 * MARGIN + 7.0 * len(subtitle))
    parts: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="{FONT}">',
        "<title>" + escape(f"Carte de la mission {mission.id}") + "</title>",
        "<defs>"
        '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" '
        'markerHeight="9" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" '
        'fill="#37474f"/></marker>'
        '<marker id="arrow-reward" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" '
        'markerHeight="9" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" '
        'fill="#b26a00"/></marker>'
        '<pattern id="hatch" width="10" height="10" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="10" height="10" fill="#fde8e8"/>'
        '<line x1="0" y1="0" x2="0" y2="10" stroke="#e0a0a0" stroke-width="4"/></pattern>'
        "</defs>",
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
        _text(MARGIN, MARGIN + 6, pick(mission.title, age), size=24, weight="bold"),
        _text(MARGIN, MARGIN + 32, subtitle, size=13),
    ]
    badge_at: dict[str, tuple[float, float]] = {}
    for item in placed:
        for j, reward in enumerate(item.puzzle.rewards):
            badge_at[reward.id] = (item.x + BOX_W - 16, item.y + BOX_H + j * BADGE_H + 12)
    edges: list[str] = []
    for child in placed:
        # Every arrow into a box gets its own point on the top edge, ordered by where it
        # comes from, so that arrows into the final lock stay apart.
        incoming: list[tuple[float, float, str, str]] = []
        for parent_id in child.puzzle.requires:
            parent = by_id.get(parent_id)
            if parent is not None:
                px, py = parent.x + BOX_W / 2, parent.y + parent.height
                incoming.append((px, py, "requires", parent_id))
        for reward_id in _code_from(child.puzzle):
            if reward_id in badge_at:
                bx, by = badge_at[reward_id]
                incoming.append((bx, by, "reward", reward_id))
        incoming.sort(key=lambda entry: (entry[0], entry[2]))
        for k, (sx, sy, kind, source) in enumerate(incoming):
            tx = child.x + 16 + (BOX_W - 32) * (k + 1) / (len(incoming) + 1)
            ty = child.y
            ends = (
                f'class="edge {kind}" data-from="{escape(source)}" '
                f'data-to="{escape(child.puzzle.id)}"'
            )
            if kind == "requires":
                edges.append(
                    f'<line {ends} x1="{sx:.0f}" y1="{sy:.0f}" x2="{tx:.0f}" y2="{ty:.0f}" '
                    'stroke="#37474f" stroke-width="2" marker-end="url(#arrow)"/>'
                )
            else:
                edges.append(
                    f'<path {ends} d="M{sx:.0f} {sy:.0f} C{sx + 30:.0f} {sy + 40:.0f} '
                    f'{tx:.0f} {ty - 50:.0f} {tx:.0f} {ty:.0f}" fill="none" stroke="#b26a00" '
                    'stroke-width="2" stroke-dasharray="6 4" marker-end="url(#arrow-reward)"/>'
                )
    parts.append('<g class="edges">' + "".join(edges) + "</g>")
    for item in placed:
        parts.append(_box(mission, item, solvable))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _box(mission: Mission, item: Placed, solvable: set[str]) -> str:
    puzzle = item.puzzle
    age = mission.ages[0]
    goal = puzzle.id == mission.goal
    reachable = puzzle.id in solvable
    kind = kind_of(puzzle)
    label, sign = kind.label, kind.sign
    classes = ["puzzle"] + (["goal"] if goal else []) + ([] if reachable else ["unreachable"])
    x, y = item.x, item.y
    fill = "url(#hatch)" if not reachable else ("#fff4c2" if goal else "#eaf2fb")
    stroke = "#b3261e" if not reachable else ("#7a5b00" if goal else "#2f5d8a")
    dash = ' stroke-dasharray="8 5"' if not reachable else ""
    out = [
        f'<g class="{" ".join(classes)}" data-id="{escape(puzzle.id)}" '
        f'data-type="{escape(puzzle.type)}">',
        f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="12" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="{5 if goal else 2}"{dash}/>',
    ]
    tag_w = 12 + 8 * len(sign)
    out.append(
        f'<rect x="{x + BOX_W - tag_w - 8:.0f}" y="{y + 8:.0f}" width="{tag_w}" height="20" '
        f'rx="6" fill="#ffffff" stroke="{stroke}"/>'
    )
    out.append(_text(x + BOX_W - tag_w / 2 - 8, y + 23, sign, size=12, anchor="middle"))
    top = y + 24
    if goal:
        out.append(_text(x + 12, top, "★ OBJECTIF", size=12, weight="bold", cls="goal-label"))
    elif not reachable:
        out.append(
            _text(x + 12, top, "⚠ INATTEIGNABLE", size=12, weight="bold", cls="unreachable-label")
        )
    else:
        out.append(_text(x + 12, top, puzzle.id, size=12))
    for k, line in enumerate(_wrap(pick(puzzle.title, age), 26, 2)):
        out.append(_text(x + 12, top + 22 + 18 * k, line, size=16, weight="bold", cls="title"))
    out.append(_text(x + 12, y + BOX_H - 10, label, size=12, cls="type"))
    for j, reward in enumerate(puzzle.rewards):
        by = y + BOX_H + j * BADGE_H
        text = f"indice {reward.id} = {reward.value}"
        out.append(
            f'<g class="reward" data-id="{escape(reward.id)}" data-value="{escape(reward.value)}">'
            f'<rect x="{x + 16:.0f}" y="{by + 2:.0f}" width="{BOX_W - 32}" height="{BADGE_H - 4}" '
            'rx="10" fill="#ffe0b2" stroke="#b26a00"/>'
            + _text(x + BOX_W / 2, by + 17, _wrap(text, 30, 1)[0], size=12, anchor="middle")
            + "</g>"
        )
    out.append("</g>")
    return "".join(out)
