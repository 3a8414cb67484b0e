"""Placing a unit's findings: secret findings in a file (or on a line) of a place — code shipped to
browsers and phones, development and test configuration — become the place rules' findings.

A file's places come from its reported path, from the manifest of the app it belongs to (for a
file on disk: the nearest ``package.json`` or ``pubspec.yaml`` above it), and, for the lines that
hold a finding, from the names on them (``NEXT_PUBLIC_…=``). Lines are read again only for a whole
file of at most :data:`MAX_LINES_BYTES` with a finding a place rule could take: the files that set
variables (code, ``.env``, configuration) are small, and a large log is no front-end code.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Collection, Iterator

from keyaudit.model.findings import Finding
from keyaudit.rulebook.place_rules import PlaceRule, rule_in_place
from keyaudit.rulebook.places import MAX_MANIFEST_BYTES, Place, matched_path
from keyaudit.rulebook.rules import RuleSet
from keyaudit.rulebook.takeover import take_over
from keyaudit.sources.manifests import Manifests
from keyaudit.sources.opening import Opener

MAX_LINES_BYTES = 2 << 20


class Placer:
    """The place rules of one scan, and the places they name, applied to units' findings."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules: list[PlaceRule] = list(rules.place_rules)
        named = dict.fromkeys(place for rule in self.rules for place in rule.places)
        self.places: list[Place] = [rules.places[name] for name in named if name in rules.places]
        manifests = tuple(dict.fromkeys(app.manifest for place in self.places for app in place.apps))
        self.manifests = Manifests(manifests, MAX_MANIFEST_BYTES)
        self.by_line = any(place.names_text for place in self.places)

    def placed(self, findings: Collection[Finding], display: str, file: Path | None,
               opener: Opener | None) -> Iterator[Finding]:
        """``findings`` of the unit reported as ``display`` (read from ``file`` when on disk; its
        lines from ``opener`` when it is read whole), those in a place taken over. Read twice
        (a unit's packed findings are unpacked as they are iterated, never all at once)."""
        wanted = {f.location.line for f in findings if f.location.path == display and self._takeable(f)}
        if not wanted and not any(self._takeable(f) for f in findings):
            yield from findings
            return
        by_path: dict[str, tuple[str, ...]] = {}
        lines = self._lines(opener, wanted) if self.by_line and opener is not None and wanted else {}
        for finding in findings:
            path = finding.location.path
            if path not in by_path:
                by_path[path] = self._file_places(path, file if path == display else None)
            places = by_path[path]
            line = lines.get(finding.location.line) if path == display else None
            if line is not None:
                places += tuple(place.id for place in self.places if place.holds_line(line))
            rule = rule_in_place(self.rules, finding, places) if places else None
            if rule is None:
                yield finding
                continue
            taken = take_over(finding, rule)
            taken.context["place"] = next(place for place in places if place in rule.places)
            yield taken

    def _takeable(self, finding: Finding) -> bool:
        return any(rule.takes(finding) for rule in self.rules)

    def _file_places(self, path: str, file: Path | None) -> tuple[str, ...]:
        """The places a file is in by its path and, on disk, by the app it belongs to."""
        places = [place.id for place in self.places if place.holds_path(path)]
        manifest = self.manifests.nearest(file) if file is not None else None
        if manifest is not None:
            folder, name, text = manifest
            relative = matched_path(os.path.relpath(file.absolute(), folder).replace(os.sep, "/"))
            places += [place.id for place in self.places if place.id not in places
                       and place.holds_in_app(name, text, relative, path)]
        return tuple(places)

    @staticmethod
    def _lines(opener: Opener, wanted: set[int]) -> dict[int, str]:
        """The text of the ``wanted`` lines (1-based), or nothing for a file too large to read again."""
        with opener() as stream:
            data = stream.read(MAX_LINES_BYTES + 1)
        if len(data) > MAX_LINES_BYTES:
            return {}
        return {number: line.decode("utf-8", "replace")
                for number, line in enumerate(data.split(b"\n"), start=1) if number in wanted}
