"""Python's ``with X as name:`` (``async with`` too) given to the readers as the binding it is, ``name = X;``: a
session or a client opened so (``with requests.Session() as session:``) is the one its block's calls are made on,
and a reading of statements sees what it was constructed with (see :mod:`.source_bare`).
"""

from __future__ import annotations

from .source_tokens import Token

_AS_TOKENS = 200  # the tokens read for the `as` of a `with` statement, at most


def opened(found: list[Token]) -> list[Token]:
    """Python's ``with X as name:`` (``async with`` too) written as ``name = X;``: the name is bound to what it
    opens (a session, a client: the one its block's calls are made on). Only where ``as`` at the statement's depth
    is followed by a name and ``:`` or ``,`` (SQL's ``WITH cte AS (…)`` binds no name so)."""
    written: list[Token] = []
    at = 0
    while at < len(found):
        token, depth, end = found[at], 0, at + 1
        while token.text == "with" and token.kind == "name" and end < min(at + _AS_TOKENS, len(found)) and not (
                depth == 0 and found[end].kind == "name" and found[end].text == "as"):
            depth += (found[end].text in "([{") - (found[end].text in ")]}") if found[end].kind == "punct" else 0
            end += 1
        if end + 2 < len(found) and found[end].text == "as" and found[end + 1].kind == "name" \
                and found[end + 2].text in (":", ",") and token.text == "with":
            written += [found[end + 1], Token("punct", "=", token.line), *found[at + 1 : end],
                        Token("punct", ";", token.line)]
            at = end + 3
            continue
        written.append(token)
        at += 1
    return written
