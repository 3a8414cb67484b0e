"""File-scope evidence: whether a provider API host occurs anywhere in the stream being scanned.

A rule whose context has a ``provider_host`` piece of scope ``file`` counts only in a file that
calls a provider. The
host may come before or after the hit, a mebibyte away, so the question is answered as the
engine goes, buffer by buffer, until a host is found. Its one pass already reports where record
anchors (``asaas.com``, ``iugu.com``: the loader makes every provider host contain one) occur: a
buffer without one cannot hold a host and costs nothing; in one with anchors, each host is looked
for as a literal (a substring search, as fast as memory) and only its occurrences are checked as
whole host names, so a log that names ``app.iugu.com`` on every line costs a few searches a
mebibyte, not a pattern run at every anchor.
"""

from __future__ import annotations

from typing import Sequence

from keyaudit.rulebook.context import Evidence


class FileEvidence:
    """The provider hosts found so far in one stream, for each file-scope requirement."""

    def __init__(self, requirements: Sequence[Evidence] = ()) -> None:
        self._pending = {requirement.pattern_text: requirement for requirement in requirements}
        self._found: dict[str, tuple[str, str]] = {}  # pattern text -> (host as written, provider)

    def observe(self, buffer: bytes, anchors: list[int]) -> None:
        """Look for the pending requirements' hosts in ``buffer``, when it has record anchors."""
        if not anchors:
            return
        for text, requirement in list(self._pending.items()):
            found = _first_host(requirement, buffer)
            if found is not None:
                self._found[text] = found
                del self._pending[text]

    def host(self, requirement: Evidence, line: bytes = b"") -> tuple[str, str] | None:
        """(the host as written, its provider) when the requirement's evidence was seen: the
        host on the hit's own ``line`` (the same call) first, else the first one in the file."""
        return _first_host(requirement, line) or self._found.get(requirement.pattern_text)


def _first_host(requirement: Evidence, text: bytes) -> tuple[str, str] | None:
    """A whole host name of the requirement in ``text`` (as the record anchors are matched: in
    lower or upper case), and its provider."""
    for host, provider in requirement.hosts:
        for written in {host.encode("ascii"), host.upper().encode("ascii")}:
            position = text.find(written)
            while position >= 0:
                if requirement.pattern.match(text, position) is not None:
                    return written.decode("ascii"), provider
                position = text.find(written, position + 1)
    return None
