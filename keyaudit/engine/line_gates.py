"""Rule gates along a line longer than a buffer.

A rule with a gate (``gate: [iugu]``: a bare credential name is iugu's only where iugu is named near)
runs on a buffer only where one of its literals is in it: the buffer is what "near" means. A line
longer than a buffer is read in several, and the mention above it is in none but the first: a token
on a 1.5 MiB line just below ``POST https://api.iugu.com/…`` was never looked at. So such a line
keeps, in the buffers that go on reading it, the gates its start saw, and nothing more: the lines
after it are judged by their own buffer, as every line is (a gate kept open for the rest of the
stream made `cdn purge ok token=…` megabytes below one mention a finding).

A file's path opens gates too, over all of its text: a file named for a provider, or in the provider's folder
(`config/iugu.yml`, `config/iugu.php`, `.env.iugu`, `secrets/asaas.json`, `iugu/production.yml`), names it as a
line above its settings would, and a bare `token:` there is for the rule's context to judge (:func:`path_gates`).

The other way round cannot be decided: the start of a long line read under a shut gate was not
searched, and when its provider is named only further on (a minified record with the host after
the token, a mebibyte on), the text before is gone. That is counted (:data:`GATED_LINES_CUT`), never
silent. A short line at a buffer's edge is left as it was: the overlap holds it whole.
"""

from __future__ import annotations

import re

from keyaudit.engine.matcher import NO_GATES, OVERLAP_BYTES, BufferHits, CarriedGates, Gate

GATED_LINES_CUT = "gated_lines_cut"  # the scan's statistic of the long lines counted here
_PATH_PARTS = re.compile(r"[/\\]")


def path_gates(gates: tuple[Gate, ...], path: str) -> frozenset[Gate]:
    """The gates ``path`` opens: those a literal of which is in the file's name, or is the name of the folder it is
    in (in any case): `iugu.yml`, `.env.iugu`, `IuguService.cs`, `iugu/production.yml`. Not a folder whose name only
    holds one (`iugu-sync/`, a test's temporary folder named for the test), nor one further up: a repository or a
    checkout named for a provider says nothing of the files in it, and a scan of it would run every gated rule on
    every file."""
    parts = _PATH_PARTS.split(path.lower())
    name, folder = parts[-1].encode("utf-8", "surrogateescape"), parts[-2] if len(parts) > 1 else ""
    return frozenset(gate for gate in gates
                     if any(literal.lower() in name or literal.decode("utf-8").lower() == folder for literal in gate))


def _first_end(buffer: bytes, start: int = 0, end: int | None = None) -> int:
    """Where the first line in ``buffer[start:end]`` ends, at a LF or a lone CR (a log written with CR line ends, as
    old Mac tools and some serial consoles write them, is many records, not one line), or -1."""
    ends = [at for at in (buffer.find(b"\n", start, end), buffer.find(b"\r", start, end)) if at >= 0]
    return min(ends) if ends else -1


def _last_end(buffer: bytes, end: int) -> int:
    """Where the last line end (LF or CR) before ``end`` is, or -1."""
    return max(buffer.rfind(b"\n", 0, end), buffer.rfind(b"\r", 0, end))


class LineGates:
    """The gates one stream's long lines carry from buffer to buffer, and the lines it counts."""

    def __init__(self, gates: tuple[Gate, ...]) -> None:
        self._gates = gates
        self._named: frozenset[Gate] = frozenset()  # open over the whole stream by its file's path
        self._open: frozenset[Gate] = frozenset()  # open at the start of the next buffer's first line
        self._shut: frozenset[Gate] = frozenset()  # shut over text of that line already taken (not searched)
        self.cut = 0  # long lines searched in part: their provider named only after text read under a shut gate

    def name(self, path: str) -> None:
        """Open the gates ``path`` names (:func:`path_gates`) over every buffer of the stream."""
        self._named = path_gates(self._gates, path)

    def carried(self, buffer: bytes) -> CarriedGates:
        """The gates open over ``buffer``'s first line (the line the buffer before ended in), and those its path
        opens."""
        if not self._open:
            return CarriedGates(named=self._named) if self._named else NO_GATES
        end = _first_end(buffer)
        return CarriedGates(self._open, len(buffer) if end < 0 else end, self._named)

    def passed(self, buffer: bytes, cut: int, found: BufferHits) -> None:
        """Note what ``buffer`` (taken up to ``cut``; ``found``: its pass) shows of the gates: a line carried under a
        shut gate that opens here is counted, and the line the next buffer begins with, where it is long, keeps the
        gates its start saw."""
        if any(found.gate_open(gate, buffer) for gate in self._shut):
            self.cut += 1
        start = _last_end(buffer, cut) + 1  # the line the cut is on; 0: the one this buffer began with
        if _first_end(buffer, start, start + OVERLAP_BYTES) >= 0:  # a short line: the overlap holds it whole
            self._open = self._shut = frozenset()
            return
        kept = found.carried.open if start == 0 else frozenset()
        shut = self._shut if start == 0 else frozenset()
        self._open = frozenset(gate for gate in self._gates if gate in kept or found.gate_open(gate, buffer))
        self._shut = frozenset(gate for gate in self._gates
                               if gate not in self._open and (gate in shut or cut > start))
