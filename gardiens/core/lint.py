"""Checks on a mission whose shape is valid: ids, references, images, reachability, winnability,
age-band texts and readability. Errors (GDN3xx) block a mission; warnings (GDN4xx) do not."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from pydantic import BaseModel

from gardiens.core.diagnostics import (
    NT_,
    T_,
    Diagnostic,
    Listing,
    Reporter,
    SourceMap,
    Text,
    Value,
    YamlPath,
    quote,
    quote_all,
    suggest,
)
from gardiens.core.glyphs import undrawable_runs
from gardiens.core.learning import lint_check
from gardiens.core.model import (
    AgeBand,
    CodeLock,
    Hotspots,
    Match,
    Mission,
    Puzzle,
    Rebuild,
    Settings,
    StoryEvent,
)
from gardiens.core.puzzles import kind_of
from gardiens.core.readability import MAX_WORDS_9_12, common_words, read
from gardiens.core.recordings import MAX_RECORDING_SECONDS, inspect_recording
from gardiens.core.register import ADDRESSES, mission_slips
from gardiens.core.texts import iter_source_texts, voice_place
from gardiens.core.translations import MISSION_LOCALES, catalog_translates

__all__ = [
    "DEFAULT_TEXT_MAXIMUM",
    "MAX_KEY_MESSAGES",
    "MISSION_FILE",
    "TEXT_LIMITS",
    "TEXT_MAXIMUMS",
    "lint_mission",
    "solvable_puzzles",
]

MAX_KEY_MESSAGES = 3
MISSION_FILE = "scenario.yaml"

# Characters that still fit on the kiosk screen and stay readable for a 9-year-old.
TEXT_LIMITS: dict[str, int] = {
    "title": 60,
    "label": 140,
    "labels": 140,
    "text": 160,
    "question": 160,
}
DEFAULT_TEXT_LIMIT = 450

# The most characters a text may have, by the field that holds it (each age band's version
# counts on its own); past it the mission is refused (GDN326). Far above what a real mission
# writes (the bundled ones stay under half of it), these keep every screen sane and every text
# quick to lay out on a small board. docs/authoring.md lists them.
TEXT_MAXIMUMS: dict[str, int] = {
    # Names and titles: one line.
    "title": 80,
    "author": 80,
    "group": 80,
    "site": 80,
    "date": 80,
    "profile": 80,
    # Labels on buttons, cards and rewards.
    "label": 160,
    "labels": 160,
    "item": 160,
    # A choice, a chat message, a post, a statement, a debrief message or question.
    "text": 300,
    "feedback": 300,
    "explanation": 300,
    "description": 300,
    "banner": 300,
    "persona": 300,
    "message": 300,
    "key_message": 300,
    "key_messages": 300,
    "questions": 300,
    "question": 300,
    # Feedback after an answer, hints, the guide's last words.
    "right": 400,
    "wrong": 400,
    "hints": 400,
    "victory": 400,
    "time_up": 400,
    # The texts the team reads before playing.
    "prompt": 600,
    "briefing": 1000,
}
DEFAULT_TEXT_MAXIMUM = 600

# Fields whose strings are data (ids, paths, answers), not sentences shown as prose.
_NOT_PROSE = frozenset(
    {
        "id",
        "image",
        "cover",
        "picture",
        "code",
        "code_from",
        "fragments",
        "order",
        "pairs",
        "value",
        "plaintext",
        "answers",
        "language",
        "translations",
        "goal",
        "requires",
        "requires_any",
        "requires_some",
        "category",
        "method",
        "theme",
        "ages",
        "type",
        "start",
        "expected",
        "action",
        "style",
        "rating",
        "kind",
        "words",
        "voice",
    }
)

# Where a scene's spots stay visible however the picture is cropped to cover the map (percent).
SPOT_X = (10.0, 90.0)
SPOT_Y = (15.0, 85.0)

_IMAGE_FIELDS = frozenset({"image", "cover", "picture"})

# Rounding in decimal fractions (0.7 + 0.3) must not turn a region that touches the edge into
# one that crosses it.
_EPSILON = 1e-9


def solvable_puzzles(mission: Mission) -> set[str]:
    """Ids of the puzzles some play can solve: a fixed point over the unlock rules. A puzzle
    opens when its rules hold over the puzzles solved before it, or when a story event that can
    happen opens it; it is solved once the rewards its answer is made of are earned. Solving the
    final puzzle ends the mission, so nothing opens after it."""
    solved: set[str] = set()
    earned: set[str] = set()
    done: set[int] = set()
    changed = True
    while changed:
        changed = False
        before_end = solved - {mission.goal}
        opened = {e.opens for e in mission.events if _can_happen(e, before_end)}
        for i, puzzle in enumerate(mission.puzzles):
            # Each puzzle on its own, even one whose id is written twice (an error of its own).
            if i in done or not set(_needed(puzzle)) <= earned:
                continue
            if not (puzzle.opens_after(before_end) or puzzle.id in opened):
                continue
            done.add(i)
            solved.add(puzzle.id)
            earned.update(r.id for r in puzzle.rewards)
            changed = True
    return solved


def _can_happen(event: StoryEvent, solved: set[str]) -> bool:
    """Whether a story event fires in some play where `solved` are solved (a countdown's
    moment always comes: one past the mission's time is an error of its own)."""
    if event.on_solved is not None:
        return event.on_solved in solved
    if event.after_solved is not None:
        return len(solved) >= event.after_solved
    return True


def _needed(puzzle: Puzzle) -> list[str]:
    """The rewards a puzzle's answer is made of (a code's digits, a message's fragments)."""
    return list(kind_of(puzzle).rewards_needed(puzzle))


class _Lint:
    def __init__(self, mission: Mission, report: Reporter, folder: Path | None) -> None:
        self.mission = mission
        self.report = report
        self.folder = folder
        self.ages: tuple[AgeBand, ...] = tuple(mission.ages)
        self.puzzle_ids = {p.id for p in mission.puzzles}
        self.reward_ids = {r.id for p in mission.puzzles for r in p.rewards}
        # The root-cause error that breaks each puzzle (a duplicated id, an unknown reference,
        # a loop, a code piece never earned): what the errors it leads to follow from.
        self.broken: dict[str, Diagnostic] = {}

    def run(self) -> None:
        self.too_long = self.maximum_lengths()
        self.unique_ids()
        self.references()
        self.story_events()
        self.scene_spots()
        self.images()
        self.recordings()
        self.final_code()
        self.cycles_and_reachability()
        self.puzzle_rules()
        self.age_bands()
        self.hint_ladders()
        self.debrief()
        lint_check(self.mission.learning_check, self.report)
        self.languages()
        self.folder_name()
        if not self.too_long:
            # Reading every word of texts that are already refused would only take time.
            self.readability()
            self.register()
            self.glyphs()

    def _unique(
        self, entries: Sequence[tuple[str, YamlPath]], what: Text
    ) -> dict[str, Diagnostic]:
        """GDN301 on each id written a second time; the first such error of each id."""
        first: dict[str, YamlPath] = {}
        repeated: dict[str, Diagnostic] = {}
        for ident, path in entries:
            if ident in first:
                line = self.report.source.at(first[ident]).line
                found = self.report.add("GDN301", path, id=ident, first_line=line, what=what)
                repeated.setdefault(ident, found)
            else:
                first[ident] = path
        return repeated

    def unique_ids(self) -> None:
        puzzles = self.mission.puzzles
        repeated = self._unique(
            [(p.id, ("puzzles", i, "id")) for i, p in enumerate(puzzles)],
            T_("énigme"),
        )
        for ident, found in repeated.items():
            self.broken.setdefault(ident, found)
        self._unique(
            [
                (r.id, ("puzzles", i, "rewards", j, "id"))
                for i, p in enumerate(puzzles)
                for j, r in enumerate(p.rewards)
            ],
            T_("récompense"),
        )
        for i, puzzle in enumerate(puzzles):
            for path, entries in self._walk(puzzle, ("puzzles", i)):
                if path[-1] == "rewards" or not isinstance(entries, list | tuple):
                    continue
                if entries and all(isinstance(e, BaseModel) and hasattr(e, "id") for e in entries):
                    what = T_("élément de « {field} »", field=str(path[-1]))
                    self._unique([(e.id, (*path, j, "id")) for j, e in enumerate(entries)], what)

    def _reference(
        self, ident: str, path: YamlPath, known: set[str], what: Text
    ) -> Diagnostic | None:
        if ident in known:
            return None
        return self.report.add(
            "GDN302", path, suggestion=suggest(ident, sorted(known)), id=ident, what=what
        )

    @staticmethod
    def _rules(i: int, puzzle: Puzzle) -> list[tuple[YamlPath, list[str]]]:
        """Where each unlock rule of a puzzle is written, and the puzzles it names."""
        rules: list[tuple[YamlPath, list[str]]] = [
            (("puzzles", i, "requires"), puzzle.requires),
            (("puzzles", i, "requires_any"), puzzle.requires_any),
        ]
        if puzzle.requires_some is not None:
            rules.append((("puzzles", i, "requires_some", "of"), puzzle.requires_some.of))
        return rules

    def _breaks(self, puzzle: Puzzle, found: Diagnostic | None) -> None:
        """Remember `found`, if any, as what keeps `puzzle` from ever opening."""
        if found is not None:
            self.broken.setdefault(puzzle.id, found)

    def references(self) -> None:
        puzzle_word = T_("aucune énigme de la mission")
        self._reference(self.mission.goal, ("goal",), self.puzzle_ids, puzzle_word)
        for i, puzzle in enumerate(self.mission.puzzles):
            for rule, named in self._rules(i, puzzle):
                for j, required in enumerate(named):
                    found = self._reference(required, (*rule, j), self.puzzle_ids, puzzle_word)
                    self._breaks(puzzle, found)
            if puzzle.optional and puzzle.id == self.mission.goal:
                detail = T_(
                    "L'énigme finale ne peut pas être bonus (« optional: true ») : c'est en la "
                    "résolvant que l'équipe gagne."
                )
                self.report.add("GDN209", ("puzzles", i, "optional"), detail=detail)
            if isinstance(puzzle, CodeLock) and puzzle.code_from:
                for j, reward in enumerate(puzzle.code_from):
                    found = self._reference(
                        reward,
                        ("puzzles", i, "code_from", j),
                        self.reward_ids,
                        T_("aucune récompense de la mission"),
                    )
                    self._breaks(puzzle, found)
            if isinstance(puzzle, Rebuild):
                self._rebuild(i, puzzle)
            if isinstance(puzzle, Match):
                self._match(i, puzzle)
            categories = getattr(puzzle, "categories", None)
            if categories is not None:
                self._categories(i, puzzle, categories)
            if isinstance(puzzle, Settings):
                for j, setting in enumerate(puzzle.settings):
                    options = {o.id for o in setting.options}
                    word = T_("aucune option de ce réglage")
                    where: YamlPath = ("puzzles", i, "settings", j)
                    self._reference(setting.start, (*where, "start"), options, word)
                    for k, expected in enumerate(setting.expected):
                        self._reference(expected, (*where, "expected", k), options, word)

    def _rebuild(self, i: int, puzzle: Rebuild) -> None:
        """Each fragment is a reward some puzzle gives, and `order` puts exactly those in order."""
        for j, reward in enumerate(puzzle.fragments):
            if reward not in self.reward_ids:
                found = self.report.add(
                    "GDN319",
                    ("puzzles", i, "from", j),
                    suggestion=suggest(reward, sorted(self.reward_ids)),
                    id=reward,
                )
                self._breaks(puzzle, found)
        if sorted(puzzle.order) != sorted(puzzle.fragments):
            self.report.add(
                "GDN320",
                ("puzzles", i, "order"),
                order=quote_all(puzzle.order),
                fragments=quote_all(puzzle.fragments),
            )

    def _match(self, i: int, puzzle: Match) -> None:
        """Each fragment is a reward some puzzle gives, and `pairs` gives each fragment, and only
        them, one of the targets."""
        for j, reward in enumerate(puzzle.fragments):
            if reward not in self.reward_ids:
                found = self.report.add(
                    "GDN321",
                    ("puzzles", i, "from", j),
                    suggestion=suggest(reward, sorted(self.reward_ids)),
                    id=reward,
                )
                self._breaks(puzzle, found)
        missing = [f for f in puzzle.fragments if f not in puzzle.pairs]
        if missing:
            self.report.add("GDN322", ("puzzles", i, "pairs"), ids=quote_all(missing))
        targets = sorted(t.id for t in puzzle.targets)
        for fragment, target in puzzle.pairs.items():
            where: YamlPath = ("puzzles", i, "pairs", fragment)
            if fragment not in puzzle.fragments:
                self.report.add(
                    "GDN323",
                    where,
                    suggestion=suggest(fragment, puzzle.fragments),
                    id=fragment,
                    fragments=quote_all(puzzle.fragments),
                )
            elif target not in targets:
                self.report.add(
                    "GDN324",
                    where,
                    suggestion=suggest(target, targets),
                    id=target,
                    targets=quote_all(targets),
                )

    def story_events(self) -> None:
        """Each story event names puzzles that exist and a trigger that can happen during play:
        the last puzzle solved ends the mission, and a time left must be shorter than the time."""
        mission = self.mission
        # A duration written as an empty mapping has no length to compare a time left with.
        timed = isinstance(mission.duration, int) or bool(mission.duration)
        shortest = min(mission.minutes(age) for age in self.ages) * 60 if timed else 0
        for i, event in enumerate(mission.events):
            for name in ("on_solved", "opens"):
                ident = getattr(event, name)
                if ident is not None:
                    self._reference(
                        ident, ("events", i, name), self.puzzle_ids, T_("aucune énigme de la mission")
                    )
            if event.after_solved is not None and event.after_solved >= len(mission.puzzles):
                self.report.add(
                    "GDN317",
                    ("events", i, "after_solved"),
                    count=event.after_solved,
                    puzzles=len(mission.puzzles),
                )
            if timed and event.time_left is not None and event.time_left >= shortest:
                self.report.add(
                    "GDN318",
                    ("events", i, "time_left"),
                    seconds=event.time_left,
                    duration=shortest,
                )

    def scene_spots(self) -> None:
        """Each spot of the scene names a puzzle and lies on the picture, away from the edges
        that a screen of another shape crops."""
        scene = self.mission.scene
        if scene is None:
            return
        for ident, (x, y) in scene.spots.items():
            path: YamlPath = ("scene", "spots", ident)
            self._reference(ident, path, self.puzzle_ids, T_("aucune énigme de la mission"))
            if not (0 <= x <= 100 and 0 <= y <= 100):
                self.report.add("GDN325", path, id=ident, x=f"{x:g}", y=f"{y:g}")
            elif not (SPOT_X[0] <= x <= SPOT_X[1] and SPOT_Y[0] <= y <= SPOT_Y[1]):
                self.report.add("GDN415", path, id=ident, x=f"{x:g}", y=f"{y:g}")

    def _categories(self, i: int, puzzle: Puzzle, categories: Sequence[BaseModel]) -> None:
        known = {str(getattr(c, "id", "")) for c in categories}
        used: set[str] = set()
        word = T_("aucune catégorie de cette énigme")
        for path, value in self._walk(puzzle, ("puzzles", i)):
            if path[-1] == "category" and isinstance(value, str):
                used.add(value)
                self._reference(value, path, known, word)
        for j, category in enumerate(categories):
            ident = str(getattr(category, "id", ""))
            if ident not in used:
                self.report.add("GDN404", ("puzzles", i, "categories", j, "id"), id=ident)

    def _inside_folder(self, raw: str) -> Path | None:
        """The file `raw` names inside the mission's folder; None when it points outside."""
        assert self.folder is not None
        written = raw.replace("\\", "/")
        relative = PurePosixPath(written)
        if (
            relative.is_absolute()
            or written.startswith("~")
            or (len(written) > 1 and written[1] == ":")
            or ".." in relative.parts
        ):
            return None
        folder = self.folder.resolve()
        target = (folder / relative).resolve()
        return target if target.is_relative_to(folder) else None

    def _through_link(self, raw: str) -> bool:
        """Whether the file `raw` names is reached through a symbolic link of the folder."""
        assert self.folder is not None
        relative = PurePosixPath(raw.replace("\\", "/"))
        if relative.is_absolute() or ".." in relative.parts:
            return False
        place = self.folder
        for part in relative.parts:
            place = place / part
            if place.is_symlink():
                return True
        return False

    def _image(self, raw: str, path: YamlPath) -> None:
        if self.folder is None:
            return
        target = self._inside_folder(raw)
        if self._through_link(raw):
            self.report.add("GDN327", path, name=raw)
        elif target is None:
            self.report.add("GDN304", path, image=raw)
        elif not target.is_file():
            self.report.add("GDN303", path, image=raw)

    def recordings(self) -> None:
        """Each `voice:` entry names a text of its block, and a WAV or OGG file that reads it."""
        places: dict[int | None, list[str]] = {}
        for text in iter_source_texts(self.mission):
            owner, place = voice_place(text)
            places.setdefault(owner, []).append(place)
        owners: list[tuple[int | None, dict[str, str], YamlPath]] = [
            (None, self.mission.voice, ("voice",))
        ]
        owners += [(i, p.voice, ("puzzles", i, "voice")) for i, p in enumerate(self.mission.puzzles)]
        for owner, voices, path in owners:
            known = places.get(owner, [])
            for place, file in voices.items():
                if place not in known:
                    self.report.add(
                        "GDN331",
                        (*path, place),
                        on_key=True,
                        suggestion=suggest(place, known),
                        place=place,
                        places=quote_all(known[:3]),
                    )
                self._recording(file, (*path, place))

    def _recording(self, raw: str, path: YamlPath) -> None:
        if self.folder is None:
            return
        target = self._inside_folder(raw)
        if self._through_link(raw):
            self.report.add("GDN327", path, name=raw)
            return
        if target is None or not target.is_file():
            self.report.add("GDN332", path, recording=raw)
            return
        recording = inspect_recording(target)
        if recording is None:
            self.report.add("GDN333", path, recording=raw)
        elif recording.seconds > MAX_RECORDING_SECONDS:
            self.report.add(
                "GDN334",
                path,
                recording=raw,
                seconds=round(recording.seconds),
                limit=round(MAX_RECORDING_SECONDS),
            )

    def images(self) -> None:
        for path, value in self._walk(self.mission, ()):
            if path and path[-1] in _IMAGE_FIELDS and isinstance(value, str):
                self._image(value, path)

    def _index(self) -> dict[str, int]:
        index: dict[str, int] = {}
        for i, puzzle in enumerate(self.mission.puzzles):
            index.setdefault(puzzle.id, i)
        return index

    def _cycles(self, solved: set[str]) -> list[list[str]]:
        """Each loop that truly blocks once, in file order of its first puzzle: puzzles that
        never open, each waiting for the next through any of its unlock rules (`requires`,
        `requires_any`, `requires_some`). A puzzle whose id is written again is the first one
        with that id: the others are already an error."""
        graph: dict[str, list[str]] = {}
        for p in self.mission.puzzles:
            if p.id in solved:
                continue
            waits = [r for r in p.prerequisites() if r in self.puzzle_ids and r not in solved]
            graph.setdefault(p.id, waits)
        index = self._index()
        state: dict[str, int] = {}
        cycles: list[list[str]] = []
        seen_loops: set[frozenset[str]] = set()

        def visit(node: str, trail: list[str]) -> None:
            state[node] = 1
            trail.append(node)
            for nxt in graph[node]:
                if state.get(nxt) == 1:
                    loop = trail[trail.index(nxt) :]
                    if frozenset(loop) not in seen_loops:
                        seen_loops.add(frozenset(loop))
                        start = min(range(len(loop)), key=lambda k: index[loop[k]])
                        cycles.append(loop[start:] + loop[:start])
                elif nxt not in state:
                    visit(nxt, trail)
            trail.pop()
            state[node] = 2

        for puzzle_id in graph:
            if puzzle_id not in state:
                visit(puzzle_id, [])
        return cycles

    def _blockers(self, puzzle: Puzzle, solved: set[str], earned: set[str]) -> Listing:
        goal = self.mission.goal
        ends = [r for r in puzzle.requires if r == goal]
        waits = [
            r for r in puzzle.requires if r not in solved and r in self.puzzle_ids and r != goal
        ]
        unknown = [r for r in puzzle.requires if r not in self.puzzle_ids]
        missing = [r for r in _needed(puzzle) if r not in earned]
        parts: list[Value] = []
        if ends:
            parts.append(
                T_(
                    "elle attend l'énigme finale « {id} », dont la résolution termine la mission",
                    id=goal,
                )
            )
        if unknown:
            parts.append(
                NT_(
                    "elle attend {names}, qui n'existe pas",
                    "elle attend {names}, qui n'existent pas",
                    len(unknown),
                    names=quote_all(unknown),
                )
            )
        if waits:
            parts.append(
                NT_(
                    "elle attend {names}, qui ne peut jamais être résolue",
                    "elle attend {names}, qui ne peuvent jamais être résolues",
                    len(waits),
                    names=quote_all(waits),
                )
            )
        any_of = puzzle.requires_any
        if any_of and not any(r in solved for r in any_of):
            parts.append(
                T_(
                    "aucune de celles qu'elle attend au choix ({names}) ne peut être résolue",
                    names=quote_all(any_of),
                )
            )
        some = puzzle.requires_some
        if some is not None:
            can = sum(r in solved for r in dict.fromkeys(some.of))
            if can == 0:
                parts.append(
                    T_(
                        "il lui en faut {at_least} parmi {names}, et aucune ne peut être résolue",
                        at_least=some.at_least,
                        names=quote_all(some.of),
                    )
                )
            elif can < some.at_least:
                parts.append(
                    NT_(
                        "il lui en faut {at_least} parmi {names}, et {n} seule peut être résolue",
                        "il lui en faut {at_least} parmi {names}, et seules {n} peuvent être "
                        "résolues",
                        can,
                        at_least=some.at_least,
                        names=quote_all(some.of),
                    )
                )
        if missing:
            parts.append(
                NT_(
                    "son code utilise {names}, qui ne peut jamais être gagnée",
                    "son code utilise {names}, qui ne peuvent jamais être gagnées",
                    len(missing),
                    names=quote_all(missing),
                )
            )
        return Listing(tuple(parts), T_(" ; "))

    def _root(self, puzzle_id: str, solved: set[str], earned: set[str]) -> Diagnostic | None:
        """The first root-cause error met going back from a puzzle that never opens through
        what it waits for: the error the puzzle's own error follows from."""
        givers: dict[str, list[str]] = {}
        for p in self.mission.puzzles:
            for reward in p.rewards:
                givers.setdefault(reward.id, []).append(p.id)
        by_id: dict[str, Puzzle] = {}
        for p in self.mission.puzzles:
            by_id.setdefault(p.id, p)
        seen: set[str] = set()
        todo = [puzzle_id]
        while todo:
            current = todo.pop(0)
            if current in seen or current not in by_id:
                continue
            seen.add(current)
            if current in self.broken:
                return self.broken[current]
            puzzle = by_id[current]
            todo += [r for r in puzzle.prerequisites() if r not in solved]
            todo += [g for r in _needed(puzzle) if r not in earned for g in givers.get(r, [])]
        return None

    def cycles_and_reachability(self) -> None:
        index = self._index()
        solved = solvable_puzzles(self.mission)
        for loop in self._cycles(solved):
            shown = Listing(tuple(quote(p) for p in [*loop, loop[0]]), T_(" → "))
            first = index[loop[0]]
            following = loop[1] if len(loop) > 1 else loop[0]
            rule = next(
                (
                    where
                    for where, named in self._rules(first, self.mission.puzzles[first])
                    if following in named
                ),
                ("puzzles", first, "requires"),
            )
            found = self.report.add("GDN307", rule, on_key=True, cycle=shown)
            for member in loop:
                self.broken.setdefault(member, found)
        earned = {r.id for p in self.mission.puzzles if p.id in solved for r in p.rewards}
        goal = self.mission.goal
        for i, puzzle in enumerate(self.mission.puzzles):
            if puzzle.id in solved or (puzzle.id in self.broken and puzzle.id != goal):
                continue
            cause = self._root(puzzle.id, solved, earned)
            if puzzle.id != goal:
                blockers = self._blockers(puzzle, solved, earned)
                # A bonus puzzle that never opens loses the team nothing: a warning.
                code = "GDN416" if puzzle.optional else "GDN305"
                self.report.add(
                    code, ("puzzles", i, "id"), follows=cause, id=puzzle.id, reason=blockers
                )
            elif index[goal] == i:
                reason: Value = (
                    T_("elle attend en boucle")
                    if cause is not None and cause.code == "GDN307"
                    else self._blockers(puzzle, solved, earned)
                )
                self.report.add("GDN306", ("goal",), follows=cause, id=goal, reason=reason)

    def final_code(self) -> None:
        givers: dict[str, set[str]] = {}
        for puzzle in self.mission.puzzles:
            for reward in puzzle.rewards:
                givers.setdefault(reward.id, set()).add(puzzle.id)
        for i, puzzle in enumerate(self.mission.puzzles):
            if not isinstance(puzzle, CodeLock):
                continue
            if puzzle.code_from:
                for j, needed in enumerate(puzzle.code_from):
                    if needed in givers and not givers[needed] - {puzzle.id}:
                        found = self.report.add(
                            "GDN308", ("puzzles", i, "code_from", j), id=needed
                        )
                        self._breaks(puzzle, found)
            elif puzzle.id == self.mission.goal:
                self.report.add("GDN401", ("puzzles", i, "code"), id=puzzle.id)

    def puzzle_rules(self) -> None:
        for i, puzzle in enumerate(self.mission.puzzles):
            choices = getattr(puzzle, "choices", None)
            if choices is not None:
                right = sum(1 for c in choices if getattr(c, "correct", False))
                multiple = bool(getattr(puzzle, "multiple", False))
                if not multiple and right != 1:
                    detail = T_(
                        "Une seule réponse doit être juste (« correct: true »), ici {right}. "
                        "Si plusieurs sont justes, ajoutez « multiple: true ».",
                        right=right,
                    )
                    self.report.add("GDN312", ("puzzles", i, "choices"), detail=detail)
                elif multiple and right == 0:
                    detail = T_("Au moins un choix doit être juste (« correct: true »).")
                    self.report.add("GDN312", ("puzzles", i, "choices"), detail=detail)
            if isinstance(puzzle, Hotspots):
                if not any(r.correct for r in puzzle.regions):
                    self.report.add("GDN313", ("puzzles", i, "regions"))
                for j, region in enumerate(puzzle.regions):
                    edge, bottom = region.x + region.w, region.y + region.h
                    if edge > 1 + _EPSILON or bottom > 1 + _EPSILON:
                        self.report.add(
                            "GDN314",
                            ("puzzles", i, "regions", j, "id"),
                            id=region.id,
                            right=f"{edge:g}",
                            bottom=f"{bottom:g}",
                        )

    def _walk(self, value: object, path: YamlPath) -> Iterator[tuple[YamlPath, object]]:
        yield path, value
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                yield from self._walk(getattr(value, name), (*path, name))
        elif isinstance(value, list | tuple):
            for i, item in enumerate(value):
                yield from self._walk(item, (*path, i))
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from self._walk(item, (*path, key))

    def _prose(self) -> Iterator[tuple[YamlPath, str, str]]:
        """Each string an author wrote as prose: its path, its field's name and the text."""
        for path, value in self._walk(self.mission, ()):
            if not isinstance(value, str) or any(
                isinstance(p, str) and p in _NOT_PROSE for p in path
            ):
                continue
            field = next(
                (p for p in reversed(path) if isinstance(p, str) and p not in self.ages), ""
            )
            yield path, field, value

    def maximum_lengths(self) -> set[YamlPath]:
        """GDN326 on each text longer than its field's maximum; the paths of those texts."""
        over: set[YamlPath] = set()
        for path, field, value in self._prose():
            maximum = TEXT_MAXIMUMS.get(field, DEFAULT_TEXT_MAXIMUM)
            if len(value) > maximum:
                over.add(path)
                self.report.add(
                    "GDN326", path, length=len(value), limit=maximum, field=field or "?"
                )
        return over

    def age_bands(self) -> None:
        declared = _and_list(self.ages)
        for path, value in self._walk(self.mission, ()):
            # A scene's spots are keyed by puzzle and a match's `pairs` maps fragments to
            # targets, and `voice` maps texts to recordings: mappings, not a text per band.
            if not isinstance(value, dict) or not value or path[-1:] in (
                ("spots",), ("pairs",), ("voice",)
            ):
                continue
            for age in self.ages:
                if age not in value:
                    self.report.add("GDN310", path, age=age, ages=declared)
            for age in value:
                if age not in self.ages:
                    self.report.add("GDN311", (*path, age), on_key=True, age=age, ages=declared)
        for path, field, value in self._prose():
            limit = TEXT_LIMITS.get(field, DEFAULT_TEXT_LIMIT)
            length = len(value.strip())
            if length > limit and path not in self.too_long:
                self.report.add("GDN403", path, length=length, limit=limit)

    def hint_ladders(self) -> None:
        for i, puzzle in enumerate(self.mission.puzzles):
            path: YamlPath = ("puzzles", i, "hints")
            hints = puzzle.hints
            for age in self.ages:
                if isinstance(hints, dict):
                    if age in hints and not hints[age]:
                        self.report.add("GDN309", (*path, age), id=puzzle.id, age=age)
                elif not hints:
                    self.report.add("GDN309", path, id=puzzle.id, age=age)

    def debrief(self) -> None:
        messages = self.mission.debrief.key_messages
        path: YamlPath = ("debrief", "key_messages")
        for age in self.ages:
            count = len(messages.get(age, [])) if isinstance(messages, dict) else len(messages)
            if count > MAX_KEY_MESSAGES:
                where = (*path, age) if isinstance(messages, dict) else path
                self.report.add("GDN402", where, count=count, age=age)

    def languages(self) -> None:
        for j, code in enumerate(self.mission.translations):
            if code == self.mission.language:
                self.report.add("GDN315", ("translations", j), language=code)
            elif self.folder is not None and not catalog_translates(
                self.folder, self.mission.id, code
            ):
                beside = Path(MISSION_LOCALES, code, "LC_MESSAGES", f"{self.mission.id}.po")
                self.report.add(
                    "GDN330",
                    ("translations", j),
                    language=code,
                    catalog=(self.folder / beside).as_posix(),
                    mission=self.folder.as_posix(),
                )

    def folder_name(self) -> None:
        folder = self.folder
        if folder is None or Path(self.report.file).name != MISSION_FILE:
            return
        if folder.name != self.mission.id:
            self.report.add("GDN405", ("id",), folder=folder.name, id=self.mission.id)

    def readability(self) -> None:
        """Texts the 9-12 band reads: short sentences, common words (see readability.py)."""
        if "9-12" not in self.ages or common_words(self.mission.language) is None:
            return
        glossary = frozenset(w.lower() for w in self.mission.glossary)
        for text in iter_source_texts(self.mission):
            if text.age not in (None, "9-12") or text.path[:2] == ("debrief", "questions"):
                continue
            reading = read(text.msgid, self.mission.language, glossary)
            if reading.longest_sentence > MAX_WORDS_9_12:
                self.report.add(
                    "GDN406", text.path, count=reading.longest_sentence, limit=MAX_WORDS_9_12
                )
            if reading.rare_words:
                self.report.add("GDN407", text.path, words=_and_list(reading.rare_words))

    def register(self) -> None:
        """Game-voice texts in the other register than the mission's (see register.py)."""
        address = self.mission.address
        used = next(other for other in ADDRESSES if other != address)
        for found in mission_slips(self.mission):
            mark = self.report.source.word(found.text.path, found.slip.word, found.slip.occurrence)
            self.report.add_at("GDN408", mark, word=found.slip.word, used=used, address=address)

    def glyphs(self) -> None:
        """Characters no bundled font draws (they would show as empty boxes), where first written."""
        for text in iter_source_texts(self.mission):
            for run in undrawable_runs(text.msgid):
                mark = self.report.source.word(text.path, run)
                self.report.add_at("GDN421", mark, chars=quote(run))


def _and_list(words: Sequence[str]) -> Listing:
    return Listing(tuple(quote(w) for w in words), T_(" et "))


def lint_mission(
    mission: Mission,
    *,
    file: str = "<mission>",
    source: SourceMap | None = None,
    folder: Path | None = None,
) -> list[Diagnostic]:
    """Every lint diagnostic of a shape-valid mission.

    `source` places diagnostics on the lines of the YAML file (line 1 without it); `folder`
    is the mission's folder, needed to check images (skipped when None).
    """
    report = Reporter(file, source if source is not None else SourceMap())
    _Lint(mission, report, folder).run()
    return report.diagnostics
