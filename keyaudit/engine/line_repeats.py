"""A bound on the sightings of one secret on one line: one token written 200,000 times on a line (a runaway log
statement, a crafted file) made as many findings, each held until its line ended (their URLs are redacted with
the line's secrets) and then folded into one: half a gigabyte for a 6 MB line, and a millisecond each. Past
:data:`MAX_LINE_REPEATS` sightings of the same match by the same rule on one line, the rest are passed over
before a finding is made of them, counted, and said as an error naming the line: the secret's finding stands,
with that many of its sightings; a different secret on the line is still found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keyaudit.engine.stream import Hit

MAX_LINE_REPEATS = 1000
MAX_NAMED_LINES = 5  # lines named one by one in a file's error; the rest are counted


class LineRepeats:
    """The sightings kept on the current line, by rule and match; the lines some were passed over on. ``most``:
    the sightings of one match kept a line (None: every one)."""

    def __init__(self, most: int | None = None) -> None:
        self._most = most
        self._line = -1
        self._kept: dict[tuple[int, bytes], int] = {}  # (rule, match) -> sightings kept on ``_line``
        self.passed: dict[int, int] = {}  # line -> sightings passed over there

    def past(self, hit: Hit) -> bool:
        """Whether ``hit`` repeats a match its rule found :data:`MAX_LINE_REPEATS` times on its line already (then
        it is counted as passed over)."""
        if self._most is None or self._kept.get((hit.match.rule_index, hit.secret), 0) < self._most:
            return False
        if hit.place[0] != self._line:
            return False
        self.passed[self._line] = self.passed.get(self._line, 0) + 1
        return True

    def kept(self, hit: Hit) -> None:
        """Count ``hit``, made a finding, on its line."""
        if self._most is None:
            return
        if hit.place[0] != self._line:
            self._line, self._kept = hit.place[0], {}
        key = (hit.match.rule_index, hit.secret)
        self._kept[key] = self._kept.get(key, 0) + 1

    def said(self) -> list[str]:
        """The error line for the lines sightings were passed over on; none when there were none."""
        if not self.passed:
            return []
        lines = sorted(self.passed)
        named = ", ".join(f"line {line} ({self.passed[line]} passed over)" for line in lines[:MAX_NAMED_LINES])
        more = f" and {len(lines) - MAX_NAMED_LINES} more lines" if len(lines) > MAX_NAMED_LINES else ""
        return [f"a secret repeated more than {self._most} times on one line: the sightings past that were not "
                f"counted, its finding stands: {named}{more}"]
