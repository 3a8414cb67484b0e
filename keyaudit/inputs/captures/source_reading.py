"""Where source code is read for requests: the windows its anchors open (a statement group's lines
around any anchor, whatever its line says) and the reading of those (:mod:`.source_requests`,
imported for source code only: most scans read none).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Iterable, Iterator

from keyaudit.engine.windows import Reach
from keyaudit.model.exchange import Exchange

from .document_prose import document_kind
from .source_files import GROUP_AFTER, GROUP_BEFORE, family

if TYPE_CHECKING:
    from .source_across import Seen

GROUP_REACH = Reach(GROUP_BEFORE, GROUP_AFTER)


def source_reach(_line: bytes, _reach: Reach) -> Reach:
    """How far a request around an anchor in source code reaches: a statement group's lines (a
    URL's line says nothing of where the statements that send it are)."""
    return GROUP_REACH


def source_exchanges(lines: list[tuple[int, str]], anchored: Iterable[int], path: str,
                     seen: Seen | None = None, logged_sql: bool = False) -> Iterator[Exchange]:
    """The requests the statements of source code write around the ``anchored`` lines (none for
    another file: the reader is not even imported), a declarative client's by the interfaces the text above them
    declared too (``seen``, which the lines' own are added to, with the calls waiting for another file's). In
    another file whose lines show a database's own HTTP call (``logged_sql``: see
    :data:`.source_files.LOGGED_SQL_CALLS`), the statements its records hold are read as SQL: a server log's
    statement as the database ran it, the text a JSON record's message holds unescaped
    (:func:`.envelopes.unwrapped`) — not a document's (Markdown, reStructuredText), whose SQL is an example, as its
    other languages' code is."""
    found = family(path)
    if found is None and logged_sql and document_kind(path) is None:
        from .envelopes import unwrapped

        found, lines = "sql", list(unwrapped(lines))
    if found is None:
        return iter(())
    from .source_declared import declared
    from .source_languages import LANGUAGES
    from .source_requests import exchanges

    return itertools.chain(exchanges(lines, set(anchored), path, found), declared(lines, LANGUAGES[found], path, seen))
