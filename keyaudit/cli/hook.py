"""What a commit blocked by keyaudit says: every file to fix, with the lines of its findings, and
the three ways out.

A hook's user did not ask for a scan and may not know keyaudit: the report alone says what was
found, not what to do. The message is printed on stderr whenever a scan blocks in a hook,
whatever the report format: with ``--staged`` (what ``keyaudit install-hook`` writes into
``.git/hooks/pre-commit``) and under the pre-commit framework, which sets ``PRE_COMMIT=1`` in its
hooks' environment (pre-commit's ``commands/run.py``).
"""

from __future__ import annotations

import os
import shlex
import sys
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from keyaudit.config import DEFAULT_BASELINE
from keyaudit.model.printable import printable

if TYPE_CHECKING:  # a hook's start-up pays for every module imported; these are only annotations
    from keyaudit.model.findings import Finding

FRAMEWORK_VARIABLE = "PRE_COMMIT"
LINES_SHOWN = 12  # per file; a file with more says how many more


def in_hook(staged: bool) -> bool:
    """Whether this scan runs as a commit hook: ``--staged``, or under the pre-commit framework."""
    return staged or bool(os.environ.get(FRAMEWORK_VARIABLE))


class _FilePlaces:
    """The lines of one file's blocking findings, and how many places the report left out."""

    def __init__(self) -> None:
        self.lines: set[int] = set()
        self.more = 0

    def __str__(self) -> str:
        lines = sorted(self.lines)
        more = max(0, len(lines) - LINES_SHOWN) + self.more
        shown = ", ".join(map(str, lines[:LINES_SHOWN]))
        return f"line{'s' if len(lines) > 1 else ''} {shown}" + (f" and {more} more" if more else "")


def _files_to_fix(blocking: Iterable["Finding"]) -> tuple[int, dict[str, _FilePlaces]]:
    """The number of findings that block, and the lines they are on, by file.

    Every place a finding was seen counts (its occurrences): a secret folded from several files
    names each of them, so that one commit attempt is enough to fix them all.
    """
    files: dict[str, _FilePlaces] = defaultdict(_FilePlaces)
    count = 0
    for finding in blocking:  # once, in order: findings may be streamed from disk
        count += 1
        occurrences = finding.occurrences
        for location in occurrences.locations if occurrences and occurrences.locations else [finding.location]:
            files[location.path].lines.add(location.line)
        if occurrences and occurrences.count > len(occurrences.locations):
            files[finding.location.path].more += occurrences.count - len(occurrences.locations)
    return count, files


def program() -> str:
    """How to run this keyaudit from a shell: the interpreter for ``python -m keyaudit`` (the plain
    git hook runs that), the script's full path under the framework (its environment is not on
    the user's PATH), ``keyaudit`` otherwise."""
    script = sys.argv[0] if sys.argv and sys.argv[0] else "keyaudit"
    if Path(script).name == "__main__.py":
        return f"{shlex.quote(sys.executable)} -m keyaudit"
    if os.environ.get(FRAMEWORK_VARIABLE) and Path(script).name == "keyaudit":
        return shlex.quote(os.path.abspath(script))
    return "keyaudit"


def blocked_message(blocking: Iterable["Finding"], staged: bool) -> str:
    """The message for the findings that block: what was found where, then the ways out (the
    third says the exact command that writes the baseline every scan finds by itself)."""
    count, files = _files_to_fix(blocking)
    head = (f"keyaudit: {'commit ' if staged else ''}blocked: {count} finding{'s' if count != 1 else ''} in "
            f"{len(files)} file{'s' if len(files) != 1 else ''}:")
    where = [f"  {printable(path)}: {places}" for path, places in sorted(files.items())]
    scope = "--staged " if staged else ""
    ways = [
        "Ways out, for each finding:",
        "  1. remove the secret from the file (and rotate it: it may already be in history);",
        "  2. if it is not a secret, say why on its line: a comment with 'keyaudit:allow <reason>'",
        "     (or 'keyaudit:allow-next-line <reason>' on the line before); a marker without a reason allows nothing;",
        "  3. accept it knowingly: record it in the baseline, then commit that file too:",
        f"       {program()} scan {scope}--write-baseline",
        f"     writes {DEFAULT_BASELINE} at the repository root, which every scan there reads by itself.",
    ]
    return "\n".join(["", head, *where, *ways]) + "\n"
