"""The YAML examples of the documentation, turned into mission folders that can be checked.

A fenced block's info string says what it is: ```yaml mission (a whole file), ```yaml puzzle
(puzzles, placed in a small wrapper mission) or ```yaml fragment (top-level keys that replace
the wrapper's). Without a word, the kind is guessed. Extra words: `encoding=latin-1`,
`folder=NAME` (the folder's name), `missing-images` (no placeholder pictures), `linked-images`
(each picture a symbolic link to a file beside the folder).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from gardiens.authoring.fit import fit_warnings
from gardiens.core.diagnostics import Diagnostic
from gardiens.core.loader import check_paths, load_mission

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300">'
    '<rect width="400" height="300" fill="#9bc4e2"/></svg>'
)
# The smallest PNG: one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6300010000050001"
    "0d0a2db40000000049454e44ae426082"
)

WRAPPER: dict[str, str] = {
    "id": "id: exemple\n",
    "title": "title: Un exemple\n",
    "theme": "theme: infox\n",
    "ages": 'ages: ["9-12", "13-16"]\n',
    "language": "language: fr\n",
    "duration": "duration: 15\n",
    "briefing": "briefing: Une mission pour essayer.\n",
    "goal": "goal: fin\n",
    "puzzles": "puzzles:\n@@PUZZLES@@",
    "debrief": (
        "debrief:\n  key_messages:\n    - On vérifie avant de partager.\n"
        "  questions:\n    - Qu'avez-vous appris ?\n"
    ),
}
FINAL = """  - id: fin
    type: choice
    title: La fin
    prompt: Prêts à finir ?
    feedback: {right: Bravo !, wrong: Relisez la consigne.}
    hints: [La réponse est « Oui ».]
    choices:
      - {id: oui, text: Oui, correct: true}
      - {id: non, text: Non}
"""


@dataclass(frozen=True)
class Block:
    words: tuple[str, ...]
    text: str
    line: int
    section: str

    @property
    def options(self) -> dict[str, str]:
        return dict(w.split("=", 1) for w in self.words if "=" in w)

    @property
    def kind(self) -> str:
        for word in self.words:
            if word in ("mission", "puzzle", "fragment"):
                return word
        lines = [x for x in self.text.splitlines() if x.strip() and not x.startswith("#")]
        if lines and lines[0].startswith("- "):
            return "puzzle"
        keys = {x.split(":", 1)[0] for x in lines if re.match(r"^[a-z_]+:", x)}
        return "mission" if {"id", "puzzles"} <= keys else "fragment"


def yaml_blocks(markdown: str) -> list[Block]:
    """Every ```yaml block, with its line and the heading it sits under."""
    blocks: list[Block] = []
    section = ""
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        fence = re.match(r"^```yaml\b(.*)$", line)
        if fence:
            start = i + 1
            i += 1
            while not lines[i].startswith("```"):
                i += 1
            text = "\n".join(lines[start:i]) + "\n"
            blocks.append(Block(tuple(fence.group(1).split()), text, start + 1, section))
        i += 1
    return blocks


def _top_keys(text: str) -> set[str]:
    return {m.group(1) for m in re.finditer(r"^([a-z_]+):", text, re.MULTILINE)}


def mission_text(block: Block) -> str:
    """The whole mission file a block stands for."""
    kind = block.kind
    if kind == "mission":
        return block.text
    puzzles = FINAL
    if kind == "puzzle":
        snippet = "".join("  " + x if x.strip() else x for x in block.text.splitlines(True))
        puzzles = snippet + puzzles
        return "".join(WRAPPER.values()).replace("@@PUZZLES@@", puzzles)
    # A fragment is kept as written (duplicate or odd keys are what some examples show);
    # the wrapper supplies the keys it does not write.
    given = _top_keys(block.text)
    kept = [text for key, text in WRAPPER.items() if key not in given]
    return "".join(kept).replace("@@PUZZLES@@", puzzles) + block.text


def write_example(block: Block, root: Path) -> Path:
    """The block as `root/<folder>/scenario.yaml`, with placeholder pictures; the file."""
    text = mission_text(block)
    ident = re.search(r"^id:\s*\"?([^\s\"#]+)", text, re.MULTILINE)
    folder = root / block.options.get("folder", ident.group(1) if ident else "exemple")
    folder.mkdir(parents=True, exist_ok=True)
    if "missing-images" not in block.words:
        for name in re.findall(r"(?:image|cover|picture):\s*\"?([^\s\"#]+)", text):
            if ".." in name or name.startswith(("/", "~")):
                continue
            picture = folder / name
            picture.parent.mkdir(parents=True, exist_ok=True)
            if "linked-images" in block.words:
                outside = root / "ailleurs" / name
                outside.parent.mkdir(parents=True, exist_ok=True)
                outside.write_bytes(PNG if name.endswith(".png") else SVG.encode())
                picture.symlink_to(outside)
                continue
            picture.write_bytes(PNG if name.endswith(".png") else SVG.encode())
    file = folder / "scenario.yaml"
    file.write_bytes(text.encode(block.options.get("encoding", "utf-8")))
    return file


def check_blocks(blocks: list[Block], root: Path) -> list[Diagnostic]:
    """What `gardiens validate` says of the blocks (loader, lint, and texts that cannot fit their
    place at the floor), each written in its own folder under `root`."""
    files = [write_example(b, root / f"n{i}") for i, b in enumerate(blocks)]
    found = check_paths(files)
    for file in files:
        loaded = load_mission(file)
        if loaded.mission is not None:
            found += fit_warnings(file, loaded.mission, loaded.source)
    return found
