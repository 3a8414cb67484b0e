"""Placing a unit's findings: secret findings in a file (or on a line) of a place — code shipped to
browsers and phones, development and test configuration — become the place rules' findings.

A file's places come from its path below what was scanned (the git work tree holding it, else the
folder named on the command line: ``/home/ci/test/app/.env`` is no test configuration because a CI checkout
sits under a folder named ``test``), from the manifest of the app it belongs to (for a
file on disk: the nearest ``package.json`` or ``pubspec.yaml`` above it), and, for the lines that
hold a finding, from the names on them (``NEXT_PUBLIC_…=``). Lines are read again only for a whole
file of at most :data:`MAX_LINES_BYTES` with a finding a place rule could take: the files that set
variables (code, ``.env``, configuration) are small, and a large log is no front-end code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from keyaudit.model.findings import Finding
from keyaudit.rulebook.place_rules import PlaceRule, rule_in_place
from keyaudit.rulebook.places import MAX_MANIFEST_BYTES, Place, matched_path
from keyaudit.rulebook.rules import RuleSet
from keyaudit.rulebook.takeover import take_over
from keyaudit.run.scope import work_tree
from keyaudit.run.tally import Found
from keyaudit.sources.manifests import Manifests
from keyaudit.sources.opening import Opener
from keyaudit.sources.remote import is_url
from keyaudit.sources.targets import STDIN

MAX_LINES_BYTES = 2 << 20


@dataclass(frozen=True)
class ScanFrame:
    """What a scan's reported paths are below: ``base``, the folder relative paths start from,
    and ``roots``, the folders of the local targets (a folder named, or the folder of a file
    named). Reported paths as typed are matched whole when there is no frame (staged files,
    whose paths start at the repository's top)."""

    base: str
    roots: tuple[str, ...]


class Placer:
    """The place rules of one scan, and the places they name, applied to units' findings."""

    def __init__(self, rules: RuleSet, frame: ScanFrame | None = None) -> None:
        self.frame = frame
        # The targets' folders, innermost first: a file is placed below the deepest that holds it.
        self._roots = sorted(frame.roots, key=len, reverse=True) if frame is not None else []
        self._trees: dict[str, str | None] = {}  # folder -> the git work tree holding it
        self.rules: list[PlaceRule] = list(rules.place_rules)
        named = dict.fromkeys(place for rule in self.rules for place in rule.places)
        self.places: list[Place] = [rules.places[name] for name in named if name in rules.places]
        manifests = tuple(dict.fromkeys(app.manifest for place in self.places for app in place.apps))
        self.manifests = Manifests(manifests, MAX_MANIFEST_BYTES)
        self.by_line = any(place.names_text for place in self.places)

    def placed(self, found: Found, display: str, file: Path | None, opener: Opener | None, size: int) -> Found:
        """The findings of the unit reported as ``display`` (read from ``file`` when on disk, its
        lines from ``opener`` when it is read whole and ``size`` is small), those in a place taken
        over; ``found`` itself when none is (most units: no iteration, no repacking).

        Only the unit's own findings are placed: an archive's members were placed by the scans of
        the members, with their own paths, lines and manifests."""
        own = self._file_places(display, file)
        read_lines = self.by_line and opener is not None and size <= MAX_LINES_BYTES
        if not own and not read_lines:
            return found
        wanted = {f.location.line for f in found if f.location.path == display and self._takeable(f)}
        if not wanted:
            return found
        lines = self._lines(opener, wanted) if read_lines and opener is not None else {}
        by_line = {number: tuple(place.id for place in self.places if place.holds_line(text))
                   for number, text in lines.items()}
        if not own and not any(by_line.values()):
            return found
        return Found(self._placed(finding, own + by_line.get(finding.location.line, ()))
                     if finding.location.path == display else finding for finding in found)

    def _placed(self, finding: Finding, places: tuple[str, ...]) -> Finding:
        """``finding`` taken over by the first place rule that takes it in ``places``, if any."""
        rule = rule_in_place(self.rules, finding, places) if places else None
        if rule is None:
            return finding
        taken = take_over(finding, rule)
        taken.context["place"] = next(place for place in places if place in rule.places)
        return taken

    def _takeable(self, finding: Finding) -> bool:
        return any(rule.takes(finding) for rule in self.rules)

    def _file_places(self, path: str, file: Path | None) -> tuple[str, ...]:
        """The places a file is in by its path and, on disk, by the app it belongs to."""
        below = self._below(path, file)
        places = [place.id for place in self.places if place.holds_path(below)]
        manifest = self.manifests.nearest(file) if file is not None else None
        if manifest is not None:
            folder, name, text = manifest
            relative = matched_path(os.path.relpath(file.absolute(), folder).replace(os.sep, "/"))
            places += [place.id for place in self.places if place.id not in places
                       and place.holds_in_app(name, text, relative, path)]
        return tuple(places)

    def _below(self, path: str, file: Path | None) -> str:
        """``path`` (as reported) below what was scanned: the git work tree holding the file,
        else the innermost target folder holding it; as reported where none does."""
        frame = self.frame
        if frame is None or path == STDIN or is_url(path):
            return path
        absolute = str(file) if file is not None else os.path.join(frame.base, path)  # an archive's member
        folder = os.path.dirname(absolute)
        if folder not in self._trees:
            self._trees[folder] = work_tree(folder)
        tops = [self._trees[folder]] if self._trees[folder] is not None else self._roots
        for top in tops:
            prefix = top.rstrip(os.sep) + os.sep
            if absolute.startswith(prefix):
                return absolute[len(prefix):].replace(os.sep, "/")
        return path

    @staticmethod
    def _lines(opener: Opener, wanted: set[int]) -> dict[int, str]:
        """The text of the ``wanted`` lines (1-based), or nothing for a file too large to read again."""
        with opener() as stream:
            data = stream.read(MAX_LINES_BYTES + 1)
        if len(data) > MAX_LINES_BYTES:
            return {}
        return {number: line.decode("utf-8", "replace")
                for number, line in enumerate(data.split(b"\n"), start=1) if number in wanted}
