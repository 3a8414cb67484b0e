"""What the parses of printed values on one line may read, over all of them: the readers of JSON
lines, of logfmt pairs and of the requests a message mentions each try the values printed on a
line (:mod:`.literals`) at many of its positions, and what fails there is charged to the line.
"""

from __future__ import annotations

# what the parses of one text that fail may read of it, over all of them: this many times its length, and this much
FAILURE_READS = 2
FAILURE_FLOOR = 1024


class Reading:
    """The parses of one text (a line) that readers try printed values in, at any of its
    positions: where one failed (not tried again — the reader of JSON lines and that of logfmt
    pairs try the same maps) and what failures may still read, each charged from its start to
    where it failed. A line of pairs each opening a map that never closes (``k=[ k=[ …``) was
    read from each pair to the line's end: time that grew with the square of the line. Once
    failures have read the text :data:`FAILURE_READS` times over, no value is parsed in it any
    more (a value that parses is charged nothing: the readers' values do not overlap)."""

    def __init__(self, text: str) -> None:
        self.left = FAILURE_FLOOR + FAILURE_READS * len(text)
        self.failed: set[int] = set()

    def fails(self, at: int) -> bool:
        """Whether a parse at ``at`` is known to fail, or may not be tried (the failures' reading spent)."""
        return self.left <= 0 or at in self.failed

    def failure(self, at: int, reached: int) -> None:
        """A parse at ``at`` failed having read up to ``reached``: charged that reading."""
        self.failed.add(at)
        self.left -= reached - at
