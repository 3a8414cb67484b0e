"""Where things end up, as data: places a file or a host belongs to, and marks of who sent a request.

Whether a credential's leak is worse than a leak depends on where it sits: a key in a bundle under
``dist/`` is delivered to every visitor's browser, one in ``.env.staging`` is a production key
handled as a test one, one sent to ``localhost`` is in a developer's hands. Which paths, file kinds,
variable names and hosts say so is knowledge that changes with every framework, so it is data (a
rule file's ``places:`` and ``senders:``) that any rule can name: place rules take over secret
findings in a place's files, request rules ask for a place's hosts (``when.host_in``), leave them
alone (``when.host_not_in``: the loopback interface, which no plain-HTTP call leaks on) or ask for a
sender (``when.sent_by``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from keyaudit.model.exchange import Exchange
from keyaudit.model.findings import MEMBER_SEPARATOR
from keyaudit.rulebook.entries import known_entry
from keyaudit.rulebook.errors import RuleError

if TYPE_CHECKING:  # loaded when a place is first asked about a path
    import pathspec

_PLACE_FIELDS = ("id", "description", "paths", "except", "names", "apps", "hosts")
_APP_FIELDS = ("manifest", "marker", "paths")
_SENDER_FIELDS = ("id", "description", "headers", "unless")
MAX_MANIFEST_BYTES = 1 << 20  # a manifest larger than this is not read


@functools.lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> "pathspec.PathSpec":
    """Patterns matched by pathspec's plain backend: its Hyperscan backend takes about half a
    second to build each spec, more than a pre-commit scan takes in all."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns, backend="simple")


_NOT_PLAIN = re.compile(r"\[[^\]]*\]|[*?/]")  # a character class, a wildcard, a slash


@functools.lru_cache(maxsize=1024)
def _plain_runs(pattern: str) -> tuple[str, ...] | None:
    """The runs of plain characters (between wildcards, character classes and slashes) that
    every path a gitignore pattern matches holds, as they are (matching is case-sensitive);
    None for a pattern with an escape or a bracket left, which this reading does not follow."""
    body = pattern[1:] if pattern.startswith("!") else pattern
    runs = tuple(run.strip() for run in _NOT_PLAIN.split(body))
    if "\\" in body or any("[" in run or "]" in run for run in runs):
        return None
    return tuple(run for run in runs if run)


def _matches(patterns: tuple[str, ...], path: str) -> bool:
    """Whether gitignore ``patterns`` match ``path`` (as :func:`matched_path` gives it). Only
    the patterns whose plain runs all stand in the path are compiled and asked: one that lacks a
    run cannot match, and a pattern that does not match has no say in the outcome (the last
    that matches decides). A scan with a finding places its file, and compiling all of a rule
    set's 130 patterns cost it about 10 ms; most paths hold the runs of none."""
    candidates = tuple(pattern for pattern in patterns
                       if (runs := _plain_runs(pattern)) is None or all(run in path for run in runs))
    return bool(candidates) and _spec(candidates).match_file(path)


def matched_path(path: str) -> str:
    """A reported path as place patterns see it: an archive member below its archive, no
    leading ``./`` or ``/`` (patterns without a slash in their middle match at any depth), a
    byte that is not UTF-8 in a file name as U+FFFD (matchers take text that encodes)."""
    path = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace").replace(MEMBER_SEPARATOR, "/")
    while path.startswith(("./", "/")):
        path = path[2:] if path.startswith("./") else path[1:]
    return path


@dataclass(frozen=True)
class App:
    """A kind of client application, known by its manifest (``package.json`` naming React, a
    ``pubspec.yaml`` naming Flutter): inside its folder, ``paths`` are code that ships to devices."""

    manifest: str
    marker_text: str
    paths: tuple[str, ...]

    @functools.cached_property
    def marker(self) -> "re.Pattern[str]":
        return re.compile(self.marker_text)

    def holds(self, relative: str) -> bool:
        """Whether a file at ``relative`` to the folder of the app's manifest is one of its paths."""
        return _matches(self.paths, relative)


@dataclass(frozen=True)
class Place:
    """Where a file or a host belongs: paths (gitignore patterns over the reported path) but
    ``exceptions``, lines that name a variable the way ``names`` says, files of an app, hosts."""

    id: str
    description: str = ""
    paths: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    names_text: str | None = None
    apps: tuple[App, ...] = ()
    hosts_text: tuple[str, ...] = ()

    @functools.cached_property
    def _names(self) -> "re.Pattern[str] | None":
        return None if self.names_text is None else re.compile(self.names_text)

    @functools.cached_property
    def _hosts(self) -> "re.Pattern[str] | None":
        return re.compile("|".join(f"(?:{text})" for text in self.hosts_text)) if self.hosts_text else None

    def excepted(self, path: str) -> bool:
        """Whether ``path`` is one of the place's exceptions (server code under ``public/``)."""
        return bool(self.exceptions) and _matches(self.exceptions, matched_path(path))

    def holds_path(self, path: str) -> bool:
        """Whether the file at this reported path is in the place by its path alone."""
        return bool(self.paths) and _matches(self.paths, matched_path(path)) and not self.excepted(path)

    def holds_line(self, line: str) -> bool:
        """Whether a line puts what is on it in the place, wherever its file is (a variable
        named ``NEXT_PUBLIC_…`` is compiled into the browser bundle)."""
        return self._names is not None and self._names.search(line) is not None

    def holds_in_app(self, manifest: str, text: str, relative: str, path: str) -> bool:
        """Whether a file at ``relative`` (to the folder of a ``manifest`` holding ``text``) is in
        the place as part of an app of one of its kinds; ``path`` is the reported path."""
        return any(app.manifest == manifest and app.marker.search(text) and app.holds(relative)
                   for app in self.apps) and not self.excepted(path)

    def holds_host(self, host: str) -> bool:
        return self._hosts is not None and self._hosts.search(host.lower()) is not None


@dataclass(frozen=True)
class Sender:
    """What marks a request as sent by a kind of client: any header of ``headers`` whose value
    matches, unless a header of ``unless`` matches (a command-line client's User-Agent)."""

    id: str
    headers: tuple[tuple[str, str], ...]
    unless: tuple[tuple[str, str], ...] = ()
    description: str = ""

    @functools.cached_property
    def _compiled(self) -> tuple[list[tuple[str, re.Pattern[str]]], list[tuple[str, re.Pattern[str]]]]:
        return ([(name, re.compile(text)) for name, text in self.headers],
                [(name, re.compile(text)) for name, text in self.unless])

    def evidence(self, exchange: Exchange) -> str | None:
        """The header that marks the exchange as sent by this sender (``Origin: https://…``), or None."""
        marks, unless = self._compiled
        if any(pattern.search(exchange.header(name) or "\0") for name, pattern in unless):
            return None
        for name, pattern in marks:
            value = exchange.header(name)
            if value is not None and pattern.search(value):
                return f"{name}: {value}"
        return None


def _strings(value: Any, path: str, entry: str, name: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value if value is not None else []
    if not isinstance(items, list) or not all(isinstance(item, str) and item for item in items):
        raise RuleError(path, entry, f"'{name}' must be a list of non-empty strings")
    return tuple(items)


def _compiled(text: Any, path: str, entry: str, name: str, verify: bool = True) -> str:
    """``text``, a regular expression; with ``verify`` compiled now, to report a broken one as a
    rule error (shipped files are checked by the test suite, not on every start)."""
    if not isinstance(text, str) or not text:
        raise RuleError(path, entry, f"'{name}' must be a regular expression")
    if not verify:
        return text
    try:
        re.compile(text)
    except re.error as exc:
        raise RuleError(path, entry, f"{name} does not compile: {exc}") from None
    return text


def _entry(raw: Any, path: str, section: str, fields: tuple[str, ...]) -> str:
    """A place's or sender's id: a rule entry's, and not empty (rules name places by it)."""
    if isinstance(raw, dict) and raw.get("id") == "":
        raise RuleError(path, None, f"each entry under '{section}' must be a mapping with an 'id'")
    return known_entry(raw, path, section, fields)


def parse_place(raw: Any, path: str, verify: bool = True) -> Place:
    """One entry of ``places:``, or a :class:`RuleError`."""
    place_id = _entry(raw, path, "places", _PLACE_FIELDS)
    apps = []
    for app in raw.get("apps") or []:
        if not isinstance(app, dict) or set(app) != set(_APP_FIELDS):
            raise RuleError(path, place_id, "each of 'apps' must have exactly a 'manifest', a 'marker' and 'paths'")
        apps.append(App(str(app["manifest"]), _compiled(app["marker"], path, place_id, "apps.marker", verify),
                        _strings(app["paths"], path, place_id, "apps.paths")))
    names = raw.get("names")
    return Place(place_id, str(raw.get("description", "")).strip(), _strings(raw.get("paths"), path, place_id, "paths"),
                 _strings(raw.get("except"), path, place_id, "except"),
                 None if names is None else _compiled(names, path, place_id, "names", verify), tuple(apps),
                 tuple(_compiled(text, path, place_id, "hosts", verify)
                       for text in _strings(raw.get("hosts"), path, place_id, "hosts")))


def parse_sender(raw: Any, path: str, verify: bool = True) -> Sender:
    """One entry of ``senders:``, or a :class:`RuleError`."""
    sender_id = _entry(raw, path, "senders", _SENDER_FIELDS)

    def headers(name: str) -> tuple[tuple[str, str], ...]:
        value = raw.get(name) or {}
        if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
            raise RuleError(path, sender_id, f"'{name}' must map header names to regular expressions")
        return tuple((key, _compiled(text, path, sender_id, f"{name}.{key}", verify)) for key, text in value.items())

    marks = headers("headers")
    if not marks:
        raise RuleError(path, sender_id, "'headers' must name at least one header")
    return Sender(sender_id, marks, headers("unless"), str(raw.get("description", "")).strip())
