"""Hyperscan databases compiled once and kept in the cache: compiling the rules' database costs seconds and
tens of megabytes, which a pre-commit hook's start cannot pay each time. An entry is named by a digest of what was
compiled and the library's version, so a changed rule or another Hyperscan build compiles afresh.

Hyperscan rejects some patterns a user's rule may hold (recursion, a conditional group, a named character): such
patterns are left out of the database and run by ``re`` by the caller; which ones they are is cached too. That
answer is the library's, and a cache folder outlives a library build (the key names the binding's version, not the
build of libhs under it): a cached answer that is no list of the positions that may be left out, or whose database
does not compile, is forgotten and found afresh, never the run's internal error.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Callable

import hyperscan

from keyaudit.rulebook.cache import forget_entry, read_entry, write_entry

_CACHE_FORMAT = "1"


def _compile(expressions: list[bytes], ids: list[int], flags: list[int]) -> hyperscan.Database:
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    database.compile(expressions=expressions, ids=ids, elements=len(expressions), flags=flags)
    return database


def compiles(expression: bytes, flags: int) -> bool:
    """Whether Hyperscan compiles ``expression`` with ``flags``."""
    try:
        _compile([expression], [0], [flags])
    except hyperscan.error:
        return False
    return True


def _cache_key(expressions: list[bytes], ids: list[int], flags: list[int]) -> str:
    digest = hashlib.sha256()
    digest.update(f"{_CACHE_FORMAT}|{getattr(hyperscan, '__version__', '?')}|".encode())
    for expression, identifier, flag in zip(expressions, ids, flags):
        digest.update(b"%d|%d|%s\0" % (identifier, flag, expression))
    return digest.hexdigest()[:32]


class NotCached(Exception):
    """A database asked for from the cache only is not there (or not intact)."""


def load_or_compile(expressions: list[bytes], ids: list[int], flags: list[int],
                    cached_only: bool = False) -> hyperscan.Database:
    """A database for ``expressions``, from the disk cache when it is intact, else compiled
    (``cached_only``: else :class:`NotCached`)."""
    name = f"hs-{_cache_key(expressions, ids, flags)}.db"
    cached = read_entry(name)
    if cached is not None:
        try:
            database = hyperscan.loadb(cached, mode=hyperscan.HS_MODE_BLOCK)
            database.scratch = hyperscan.Scratch(database)
            return database
        except (hyperscan.error, TypeError, ValueError):
            pass  # corrupt or from another library build: never trusted, rebuilt below
    if cached_only:
        raise NotCached(name)
    database = _compile(expressions, ids, flags)
    write_entry(name, hyperscan.dumpb(database))
    return database


def load_or_compile_what_compiles(expressions: list[bytes], ids: list[int], flags: list[int], optional: int,
                                  cached_only: bool = False) -> tuple[hyperscan.Database | None, list[int]]:
    """A database of those of ``expressions`` Hyperscan compiles (None if it compiles none), and the positions of
    those it cannot, which the caller runs by ``re``: among the first ``optional`` only (the rest must compile,
    else :class:`hyperscan.error`).

    Which ones it cannot is kept in the cache beside the databases: finding them compiles the whole set, fails,
    then compiles each expression alone — seconds, at every run of a rule file that has one (``cached_only``:
    :class:`NotCached` if that answer is not there yet)."""
    name = f"hs-{_cache_key(expressions, ids, flags)}.rejected"
    answer = read_entry(name)
    stored = _positions(answer, optional)
    if stored is not None:
        try:
            return _without(expressions, ids, flags, stored, cached_only), stored
        except hyperscan.error:
            pass  # an answer another build gave: found afresh below
    if answer is not None:
        forget_entry(name)
    try:
        return load_or_compile(expressions, ids, flags, cached_only), []
    except hyperscan.error:
        rejected = [i for i in range(optional) if not compiles(expressions[i], flags[i])]
        write_entry(name, json.dumps(rejected).encode())
    return _without(expressions, ids, flags, rejected, cached_only), rejected


def _positions(stored: bytes | None, optional: int) -> list[int] | None:
    """The positions a cached answer lists, or None where there is none or it lists others than the first
    ``optional`` (the answer of another version of this module)."""
    try:
        rejected = json.loads(stored) if stored is not None else None
    except ValueError:  # (a UnicodeDecodeError is one)
        return None
    if not isinstance(rejected, list) or not all(type(i) is int and 0 <= i < optional for i in rejected):
        return None
    return rejected


def _without(expressions: list[bytes], ids: list[int], flags: list[int], rejected: list[int],
             cached_only: bool) -> hyperscan.Database | None:
    """The database of the expressions but those at ``rejected`` (None if none is left)."""
    left_out = set(rejected)
    kept = [i for i in range(len(expressions)) if i not in left_out]
    return load_or_compile([expressions[i] for i in kept], [ids[i] for i in kept], [flags[i] for i in kept],
                           cached_only) if kept else None


def literal_finder(literals: tuple[bytes, ...], cached_only: bool = False) -> Callable[[bytes], bool] | None:
    """Whether a text holds one of ``literals`` in any case, as ``any(literal in text.lower() …)`` of lower-case
    ``literals`` answers, in one pass however many there are; None where that could differ: a literal that is empty
    or not ASCII (Hyperscan folds the case of ASCII letters only, as ``bytes.lower`` does), or none at all; None too
    where ``cached_only`` and it is not cached (a cache a keyaudit without it warmed: the searches answer, and the
    scan keeps Hyperscan for the rules, whose databases are there)."""
    if not literals or not all(literal and literal.isascii() and literal == literal.lower() for literal in literals):
        return None
    try:
        database = load_or_compile([re.escape(literal.decode("ascii")).encode("ascii") for literal in literals],
                                   list(range(len(literals))),
                                   [hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SINGLEMATCH] * len(literals),
                                   cached_only)
    except NotCached:
        return None

    def stop(*_match: object) -> bool:
        return True  # the first one found answers: the scan ends there

    def holds(text: bytes) -> bool:
        try:
            database.scan(text, match_event_handler=stop)
        except hyperscan.ScanTerminated:
            return True
        return False

    return holds
