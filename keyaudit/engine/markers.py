"""Literal markers that say a text deserves a second look (a provider host, a curl command).

Checked on every chunk of every file, so they must cost next to nothing: with Hyperscan all
markers are one database scanned once per chunk; without it, one substring search each.
"""

from __future__ import annotations

import re

from keyaudit.engine import hyperscan_available


class MarkerSet:
    """Groups of literal byte strings; :meth:`seen` says which groups occur in a buffer."""

    def __init__(self, groups: dict[str, tuple[bytes, ...]]) -> None:
        self._groups = groups
        self._literals = [(group, literal) for group, literals in groups.items() for literal in literals]
        self._database = self._compile() if self._literals and hyperscan_available() else None

    def _compile(self):  # type: ignore[no-untyped-def]
        import hyperscan

        database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        database.compile(expressions=[re.escape(literal) for _, literal in self._literals],
                         ids=list(range(len(self._literals))), elements=len(self._literals),
                         flags=[hyperscan.HS_FLAG_SINGLEMATCH] * len(self._literals))
        return database

    def seen(self, buffer: bytes, already: set[str]) -> set[str]:
        """The groups with a literal in ``buffer``, not counting those in ``already``."""
        wanted = [group for group in self._groups if group not in already]
        if not wanted or not buffer:
            return set()
        if self._database is None:
            return {group for group in wanted if any(literal in buffer for literal in self._groups[group])}
        found: set[str] = set()

        def on_match(identifier: int, _start: int, _end: int, _flags: int, _context: object) -> None:
            found.add(self._literals[identifier][0])

        self._database.scan(buffer, match_event_handler=on_match)
        return found - already
