"""A statement group that sends several requests, each by a call given its own URL (DevTools' "Copy all as fetch",
a script that reads a balance and then posts a transfer, two ``requests.post`` in one function): read whole, it
names several URLs and so no one request — each transfer in it went unjudged. Read once per such call, each time
without the lines of the others (see :mod:`.source_requests`), each is one request with the statements the calls
share (a headers map bound above both, a module's base URL).

Only a call that sends a request and is given its URL is so told apart: a request written as several calls each
given a part (libcurl's ``curl_easy_setopt`` per option, a request object then a send) shares its other statements
with the other requests, and read without the others' URL alone it was a mix of all (their headers, their signatures
replayed, a production key sent to another's sandbox host). A call's lines are those from its name to its closing
bracket; calls that share a line are not told apart (their group stays unread, as before).
"""

from __future__ import annotations

from .source_bare import BARE_CALLS, sends
from .source_groups import ABSOLUTE_URL
from .source_tokens import Token
from .source_values import last_part

_OPEN, _CLOSE = frozenset("([{"), frozenset(")]}")
# the most characters a group's pieces may hold together: each holds the lines the calls share, so many calls
# sharing many lines would read the group as often as it has calls (one read whole is at most 32 KiB)
_PIECES_CHARS = 256 << 10


def apart(group: list[tuple[int, str]], found: list[Token]) -> list[list[tuple[int, str]]]:
    """The pieces of ``group`` (whose tokens are ``found``, composed strings written as one) one per call given an
    absolute URL, each without the lines of the other such calls; none where fewer than two URLs are so given, two
    such calls share a line, or the lines they share, read once per call, would exceed :data:`_PIECES_CHARS`."""
    spans = _url_calls(found)
    if len({url for _, _, url in spans}) < 2:
        return []
    lines = [set(range(first, last + 1)) for first, last, _ in spans]
    if any(mine & other for at, mine in enumerate(lines) for other in lines[at + 1:]):
        return []
    own = set().union(*lines)
    shared = sum(len(text) + 1 for index, (_, text) in enumerate(group) if index not in own)
    if shared * len(lines) > _PIECES_CHARS:
        return []
    return [[item for index, item in enumerate(group)
             if not any(index in other for other in lines if other is not own)] for own in lines]


def _url_calls(found: list[Token]) -> list[tuple[int, int, str]]:
    """The first and last line (indexes into the group) of each call that sends a request (``fetch``,
    ``requests.post``, ``client.PostAsync``: :func:`.source_bare.sends`) given one absolute URL, and that URL."""
    spans: list[tuple[int, int, str]] = []
    at = 0
    while at < len(found) - 1:
        if found[at].kind == "name" and found[at + 1].text == "(" and (
                found[at].text in BARE_CALLS or sends(last_part(found[at].text))):
            end, urls = _arguments(found, at + 1)
            if len(urls) == 1:
                spans.append((found[at].line, found[end - 1].line, urls.pop()))
                at = end
                continue
        at += 1
    return spans


def _arguments(found: list[Token], at: int) -> tuple[int, set[str]]:
    """Where the brackets opened at ``at`` close (the index after), and the absolute URLs given in them, in a map or
    a list given too (``axios({url: …})``), not in a call given them (that call is given the URL)."""
    opened: list[str] = []
    urls: set[str] = set()
    for index in range(at, len(found)):
        token = found[index]
        if token.kind == "punct" and token.text in _OPEN:
            opened.append(token.text)
        elif token.kind == "punct" and token.text in _CLOSE:
            opened.pop()
            if not opened:
                return index + 1, urls
        elif token.kind == "string" and opened.count("(") == 1 and ABSOLUTE_URL.fullmatch(token.text):
            urls.add(token.text)
    return len(found), urls
