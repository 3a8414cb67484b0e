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

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from keyaudit.rulebook.context import Evidence
from keyaudit.rulebook.rules import compile_pattern
from keyaudit.rulebook.scopes import host_pattern

if TYPE_CHECKING:
    import regex


@dataclass(frozen=True)
class HostSet:
    """The hosts file-scope pieces look for, prepared once per scan (a request rebuilt as text is
    a stream of its own, with evidence of its own): each host as it is searched for (lower and
    upper case), and the pattern that tells a whole host name from part of a longer one."""

    hosts: tuple[tuple[str, str], ...]  # (host, provider), in the order the rule files give them

    @functools.cached_property
    def written(self) -> tuple[tuple[str, tuple[bytes, ...]], ...]:
        return tuple((provider, tuple(dict.fromkeys((host.encode("ascii"), host.upper().encode("ascii")))))
                     for host, provider in self.hosts)

    @functools.cached_property
    def whole(self) -> "regex.Pattern[bytes]":
        return compile_pattern(host_pattern([host for host, _ in self.hosts]))

    @classmethod
    def of(cls, pieces: Sequence[Evidence]) -> "HostSet":
        return cls(tuple(dict.fromkeys(pair for piece in pieces for pair in piece.hosts)))

    def find(self, index: int, text: bytes) -> str | None:
        """Host ``index`` as a whole host name in ``text`` (as the record anchors are matched:
        in lower or upper case), as written."""
        for written in self.written[index][1]:
            position = text.find(written)
            while position >= 0:
                if self.whole.match(text, position) is not None:
                    return written.decode("ascii")
                position = text.find(written, position + 1)
        return None


class FileEvidence:
    """The provider hosts found so far in one stream: the first one of each provider, in the
    order they were found, for every file-scope host piece at once (pieces differ in whose
    hosts they ask for, not in where they look)."""

    def __init__(self, hosts: HostSet = HostSet(())) -> None:
        self._hosts = hosts
        self._pending = {provider for _, provider in hosts.hosts}
        self._found: dict[str, str] = {}  # provider -> its first host, as written; in the order found

    def observe(self, buffer: bytes, anchors: list[int]) -> None:
        """Look for the hosts of the providers not seen yet in ``buffer``, when it has record
        anchors."""
        if not anchors or not self._pending:
            return
        for index, (provider, _) in enumerate(self._hosts.written):
            if provider in self._pending and (written := self._hosts.find(index, buffer)) is not None:
                self._found[provider] = written
                self._pending.discard(provider)

    @property
    def found(self) -> dict[str, str]:
        """The first host of each provider seen so far (provider -> host as written), in the order seen."""
        return dict(self._found)

    def heard(self, found: dict[str, str]) -> None:
        """Take on the hosts another piece of the file saw (:attr:`found`), after those seen here."""
        for provider, written in found.items():
            self._found.setdefault(provider, written)
            self._pending.discard(provider)

    def host(self, piece: Evidence, on_line: Callable[[int], str | None] | None = None) -> tuple[str, str] | None:
        """(the host as written, its provider) when one of the piece's hosts was seen: the host
        on the hit's own line (the same call) first, else the first one found in the file.
        ``on_line(index)`` is host ``index`` as written on that line (see :meth:`on`): asked of the
        line once, not once a hit, as a long line of many hits would have it read again each time."""
        providers = {provider for _, provider in piece.hosts}
        if on_line is not None:
            for index, (host, provider) in enumerate(self._hosts.hosts):
                if (host, provider) in piece.hosts and (written := on_line(index)) is not None:
                    return written, provider
        return next(((written, provider) for provider, written in self._found.items() if provider in providers), None)

    def on(self, index: int, line: bytes) -> str | None:
        """Host ``index`` as a whole host name in ``line``, as written; None where it is not."""
        return self._hosts.find(index, line)
