"""A statement group that sends several requests, each by a call given its own URL (DevTools' "Copy all as fetch",
a script that reads a balance and then posts a transfer, two ``requests.post`` in one function): read whole, it
names several URLs and so no one request — each transfer in it went unjudged. Read once per such call, each time
without the lines of the others (see :mod:`.source_requests`), each is one request.

Only where that reading cannot mix the requests: each call sends a request (``fetch``, ``requests.post``,
``client.PostAsync``: :func:`.source_bare.sends`), is given its URL first, and is a statement of its own lines (bound
to a name, awaited or returned at most — not an argument, nor a value in a map: a signer's line that calls a signing
service is no other request), and the lines the calls share bind nothing but names to names and modules. A binding
shared (a headers map, a session's auth, a signature set between the calls, a key rebound) belongs to some of the calls
and not others, in an order the pieces do not keep: read with each, it made signatures replayed, a signed transfer
unsigned, a sandbox key sent to production. A request written as several calls each given a part (libcurl's
``curl_easy_setopt`` per option) has no such call, and is not split.
"""

from __future__ import annotations

import heapq
import re

from .source_bare import BARE_CALLS, sends
from .source_calls import closes
from .source_groups import ABSOLUTE_URL
from .source_tokens import Token
from .source_value_kinds import Call, Ref
from .source_values import facts, last_part

# the most characters a group's pieces may hold together: each holds the lines the calls share, so many calls
# sharing many lines would read the group as often as it has calls (one read whole is at most 32 KiB)
_PIECES_CHARS = 256 << 10
_MODULE_CALLS = frozenset({"require", "import"})  # a binding of a module (`const axios = require("axios")`)
# what a line may hold before a call that is a statement of its own: a binding of its result, an await, a return
_STATEMENT_START = re.compile(r"(?:(?:const|let|var|val|final|return|yield) )?(?:[\w$.]+ (?:, [\w$.]+ )*:?= )?"
                              r"(?:await )?")


def apart(group: list[tuple[int, str]], found: list[Token]) -> list[list[tuple[int, str]]]:
    """The pieces of ``group`` (whose tokens are ``found``, composed strings written as one) one per call given an
    absolute URL, each without the lines of the other such calls; none where fewer than two URLs are so given, a
    call is not a statement of its own lines, the lines shared bind a value (see the module), or, read once per
    call, they would exceed :data:`_PIECES_CHARS`."""
    spans = _url_calls(found)
    if spans is None or len({url for _, _, url in spans}) < 2:
        return []
    owner: dict[int, int] = {}
    for index, (first, last, _) in enumerate(spans):
        for line in range(first, last + 1):
            if owner.setdefault(line, index) != index:
                return []  # two calls on one line
    shared = [item for index, item in enumerate(group) if index not in owner]
    if len(spans) * sum(len(text) + 1 for _, text in shared) > _PIECES_CHARS or any(
            not isinstance(value, Ref) and not (isinstance(value, Call) and value.name in _MODULE_CALLS)
            for _, value, _ in facts([token for token in found if token.line not in owner]).bindings):
        return []
    return [list(heapq.merge(shared, group[first:last + 1])) for first, last, _ in spans]


def _url_calls(found: list[Token]) -> list[tuple[int, int, str]] | None:
    """The first and last line (indexes into the group) of each call that sends a request given an absolute URL
    first, and that URL; None where one is not a statement of its own lines."""
    spans: list[tuple[int, int, str]] = []
    starts: dict[int, int] = {}  # each line's first token
    for index, token in enumerate(found):
        starts.setdefault(token.line, index)
    closing = closes(found)
    at = 0
    while at < len(found) - 2:
        token = found[at]
        if token.kind == "name" and found[at + 1].text == "(" and found[at + 2].kind == "string" \
                and ABSOLUTE_URL.fullmatch(found[at + 2].text) and (token.text in BARE_CALLS or sends(last_part(
                    token.text))):
            end = min(closing[at + 1] + 1, len(found))  # past the call's closing bracket
            before = "".join(item.text + " " for item in found[starts[token.line]:at])
            if not _STATEMENT_START.fullmatch(before) or end < len(found) and found[end].line == found[end - 1].line \
                    and found[end].text not in (";", "."):  # an argument, a map's value: no statement of its own
                return None
            spans.append((token.line, found[end - 1].line, found[at + 2].text))
            at = end
            continue
        at += 1
    return spans

