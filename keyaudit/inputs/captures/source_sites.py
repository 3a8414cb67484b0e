"""The call sites of a statement group (see :mod:`.source_requests`): where the group gives a call an absolute URL,
each its own request with its own line and column.

A group read as one request names one URL: a function of 300 identical transfers (a migration script, a generated
client) was one finding, or, past the length read whole, a few pieces' — the pre-commit user was shown one place of
300 to fix. So a group whose code gives a call an absolute URL with a path on two lines or more is cut into one piece
per call site: the lines from the statement that holds the site to the next site's statement, read after the lines
before its first site (the function's setup: a client, a helper's headers, a signer, which each of its calls is
sent with). What a piece sets after its call (Go's ``req.Header.Set`` before ``client.Do(req)``) is its call's; what
the group sets between two calls is the earlier call's, so a later call using a name bound there is read with it
unbound, and one after a piece that changes what the setup binds (``headers["Signature"] = …``, ``headers = {…}``,
``session.headers.update(…)``) is read with its headers unknown — never a false unsigned claim.
"""

from __future__ import annotations

import bisect
import re
from typing import AbstractSet, Callable

from keyaudit.model.exchange import Exchange

from .cut_records import count_cut
from .source_groups import ABSOLUTE_URL, statements
from .source_hidden import Shown, hides, mocks
from .source_languages import Language
from .source_tokens import Token, tokens

# a label that gives a call its URL as an option (axios' `url:`, Guzzle's `'uri' =>`, requests' `url=`)
_URL_LABEL = re.compile(r"(?i)url|uri|endpoint")
_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")
# what ends a line whose statement goes on below it; a line that starts with `.` or a closing bracket goes on above
_GOES_ON = frozenset(("punct", mark) for mark in ("(", "[", "{", ",", "=", "+", ".", "=>", "->", ":=", "\\", "?", "&&",
                                                  "||", "|>"))
_GOES_ON_ABOVE = frozenset(("punct", mark) for mark in (".", "?.", ")", "]", "}", "->"))
_OBJECT_BEFORE = frozenset(("(", "[", ",", "=", ":", "=>", "return"))  # before a `{` that opens a value, no block
# a method that changes what it is called on (a map of headers, a session, a builder): `headers.update(…)`,
# `h.Set(…)`, `$headers->add(…)`, `session.headers.update(…)`
_CHANGING = re.compile(r"(?i)(?:set|add|update|put(?=\w)|append|merge|assign|extend|push|insert|header)\w*")
_REBINDING = frozenset(("=", "+=", ":=", "|=", "<<"))
_SETUP_CHARS = 2 << 20  # the characters of a part's setup read again, before all its pieces, at most
_CHAIN = re.compile(r"\.|->|::|\?\.")  # between the names of a chain: `self.session.headers`, `$this->client`
_HEADERS = re.compile(r"(?i)header|default|session|auth|client|sign")  # what sets a request's headers


def _bound_urls(found: list[Token]) -> set[str]:
    """The names the group binds to an absolute URL with a path (``url := "https://…"``, ``const U = '…'``)."""
    return {found[at].text for at in range(len(found) - 2)
            if found[at].kind == "name" and found[at + 1].text in ("=", ":=") and found[at + 2].kind == "string"
            and _with_path(found[at + 2].text)}


def _changed(found: list[Token], names: set[str], starts: list[int]) -> int | None:
    """The index of the first token that changes what one of the setup's ``names`` holds (binds it again, sets a
    key or a field of it, calls a changing method of it: ``headers["Signature"] = …``, ``h.update(…)``), or calls a
    changing method of headers, a session or a client its piece does not bind itself (a class's field:
    ``_http.DefaultRequestHeaders.Add(…)``, ``self.session.headers.update(…)``; a request a piece builds and
    sets, Go's ``req.Header.Set(…)``, is its own call's), or None."""
    own: set[str] = set()  # the names the piece being read binds
    piece = -1
    for at, token in enumerate(found[:-1]):
        if token.kind != "name":
            continue
        if (now := bisect.bisect_right(starts, token.line)) != piece:
            own, piece = set(), now
        chain = _CHAIN.split(token.text)
        after = found[at + 1].text
        if after in ("=", ":=") or after == "," and any(later.text in ("=", ":=") for later in found[at + 2 : at + 6]):
            own.add(chain[0])
        if len(chain) == 1 and chain[0] in names and (after in _REBINDING or after == "[" and any(
                following.text in _REBINDING for following in found[at + 2 : at + 8])):
            return at
        if len(chain) > 1 and after == "(" and _CHANGING.fullmatch(chain[-1]) and (
                chain[0] in names or chain[0] not in own and _HEADERS.search(token.text)):
            return at
    return None


def _with_path(text: str) -> bool:
    """Whether ``text`` is an absolute URL with a path (a request's, no bare origin a client's paths are joined to)."""
    return ABSOLUTE_URL.fullmatch(text) is not None and "/" in text.split("://", 1)[1].rstrip("/")


def _given(found: list[Token], at: int) -> bool:
    """Whether the token at ``at`` is given to a call as an argument or a URL option, whole: after ``(`` or ``,``
    (or a URL's label), before ``)``, ``,`` or a method called on it (a builder's chain)."""
    before = found[at - 1].text if at else ""
    after = found[at + 1].text if at + 1 < len(found) else ""
    if after not in (")", ",", "") and not (after == "." and found[at].kind == "string"):
        return False
    if before in ("(", ","):
        return True
    label = found[at - 2] if at >= 2 else None
    return before in (":", "=>", "=") and label is not None and _URL_LABEL.fullmatch(label.text.strip("'\"")) \
        is not None and (before != "=" or at >= 3 and found[at - 3].text in ("(", ","))


def _start(found: list[Token], at: int, floor: int) -> int:
    """The index of the token that starts the statement holding the token at ``at``, walking back over brackets
    it is inside and lines it goes on from (an argument on a line of its own, a builder's ``.url(…)`` under its
    ``new Request.Builder()``), to a ``;``, a block's brace, or a line break no statement goes on over — no further
    back than ``floor``, past the previous site (300 calls in one array: each walk went back to its start)."""
    level = 0
    for back in range(at - 1, floor - 1, -1):
        token, after = found[back], found[back + 1]
        if token.line != after.line and level <= 0 and (token.kind, token.text) not in _GOES_ON \
                and (after.kind, after.text) not in _GOES_ON_ABOVE:
            return back + 1
        if token.kind != "punct":
            continue
        if token.text in _CLOSING:
            if level == 0 and token.text == "}" and token.line != after.line:
                return back + 1
            level += 1
        elif token.text in _OPENING:
            level -= 1
            opens_value = back and found[back - 1].text in _OBJECT_BEFORE
            if level < 0 and token.text == "{" and not opens_value:
                return back + 1
        elif token.text == ";" and level <= 0:
            return back + 1
    return floor


def _call_sites(part: list[tuple[int, str]], lang: Language, urls: AbstractSet[str]) -> tuple[
        list[tuple[int, str]], list[list[tuple[int, str]]], list[Shown | None]] | None:
    """The setup of ``part`` and the lines of each of its call sites (see the module's docstring), where two lines or
    more give a call an absolute URL with a path (a literal, or a name the part or ``urls`` binds to one), with what
    each piece is judged with: headers unknown where the part may add headers it does not show (an interceptor, a spread
    anywhere in it), and in each piece after one that changes what the setup binds; no piece where it mocks; None where
    fewer than two lines give a URL, or its setup, read before each piece, would be over :data:`_SETUP_CHARS` (the part
    is read whole, or in statement pieces)."""
    found = tokens("\n".join(text for _, text in part), lang)
    bound = _bound_urls(found) | urls
    starts: list[int] = []
    last, floor = -1, 0  # the line of the last site taken, and the token after it (no walk back goes past it)
    for at, token in enumerate(found):
        if token.line > last and (token.kind == "string" and _with_path(token.text)
                                  or token.kind == "name" and token.text in bound) and _given(found, at):
            line = found[_start(found, at, floor)].line
            starts.append(max(line, last + 1) if starts else line)
            last, floor = token.line, at + 1
    if len(starts) < 2:
        return None
    lowered = {token.text.lower() for token in found if token.kind == "name"}
    if mocks(lowered):
        return [], [], []
    setup = part[: starts[0]]
    if sum(len(text) + 1 for _, text in setup) * len(starts) > _SETUP_CHARS:  # read before each piece: too long
        return None
    first = next(at for at, token in enumerate(found) if token.line >= starts[0])
    named = {_CHAIN.split(token.text, maxsplit=1)[0] for token in found[:first] if token.kind == "name"}
    changed = _changed(found[first:], named, starts)
    # a piece after one that changes what the setup binds (its headers, its session's) is read without that change
    after = len(starts) if changed is None else bisect.bisect_right(starts, found[first + changed].line)
    unknown = hides(found, lowered)
    return setup, [part[start:end] for start, end in zip(starts, starts[1:] + [len(part)])], [
        Shown(set(), False) if unknown or at >= after else None for at in range(len(starts))]


def each_site(part: list[tuple[int, str]], lang: Language, most: int, urls: AbstractSet[str],
              read: Callable[[list[tuple[int, str]], Shown | None], Exchange | None]) -> list[Exchange] | None:
    """The request ``read`` makes of each call site's piece of ``part`` (see :func:`_call_sites`; ``urls``: the file's
    constants bound to an absolute URL, ``IUGU_TRANSFERS``, a site where a call is given one); of a piece over ``most``
    characters (a call given a map of 40 KiB), of the first of its statement pieces that writes one, its headers unknown
    (no unsigned claim), the piece counted cut. None where the part is read as one: it has fewer than two sites, or none
    of its pieces is a request and it is short enough (as a part of one site is)."""
    if (cut := _call_sites(part, lang, urls)) is None:
        return None
    setup, owns, wholes = cut
    made = []
    for own, whole in zip(owns, wholes):
        piece = setup + own
        if sum(len(text) + 1 for _, text in piece) <= most:
            exchange = read(piece, whole)
        else:
            count_cut(("source", own[0][0]))
            exchange = next(filter(None, (read(lines, Shown(set(), False)) for lines in statements(piece, most))), None)
        made += [exchange] if exchange is not None else []
    return made if made or sum(len(text) + 1 for _, text in part) > most else None
