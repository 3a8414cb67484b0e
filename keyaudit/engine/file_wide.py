"""What a piece of a file leaves to be judged by the whole of it: hits whose rule's context counts
a provider host anywhere in the file, and the hosts the piece saw.

A file cut into byte ranges is read by several workers, none of which sees every host it names:
a certificate check turned off near the end of a log whose only iugu URL is near its top was
reported with ``--jobs 1`` and not with ``--jobs 2``. So a range does not settle its waiting hits
itself; it hands them on with its hosts, and once all of the file's ranges are in, they are judged
by the hosts of all of them, in the file's order, as one reader of the whole file judges them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from keyaudit.engine.context import Verdict
from keyaudit.model.findings import Finding
from keyaudit.rulebook.context import ContextSpec

Waiting = tuple[ContextSpec, Verdict, Finding]  # a hit's rule's context, its verdict so far, its finding


@dataclass
class Unsettled:
    """The waiting hits of a file's pieces read so far, and the first host of each provider
    they saw (provider -> host as written), in the file's order."""

    hosts: dict[str, str] = field(default_factory=dict)
    waiting: list[Waiting] = field(default_factory=list)

    def join(self, later: "Unsettled", lines: int) -> None:
        """Take on a later piece's: its hosts after those seen before it, its hits moved down by
        the ``lines`` of the pieces before it."""
        for provider, written in later.hosts.items():
            self.hosts.setdefault(provider, written)
        self.waiting.extend((spec, verdict, finding.moved_down(lines)) for spec, verdict, finding in later.waiting)
