"""Whether a request written as source code is sent by a bare call of a library's module (``requests.post``,
``fetch``, Go's ``http.Post``) given no header: it then sends none but the library's own, which no client set up
elsewhere can add to, so a header a rule requires is known to be missing (see :mod:`.source_requests`).
"""

from __future__ import annotations

from .source_value_kinds import Call, Facts, Lit, Pairs
from .source_values import resolved

# Calls that send a request with only the library's own headers unless given some: functions of a
# library's module, with no client, session or instance whose defaults, hooks or interceptors may add
# headers elsewhere (``session.post``, ``client.post``, ``axios.post`` — axios has global interceptors —
# are not), each with the place of the argument after the URL that may carry headers (an options map,
# a header list), None where only a labelled one may. A group that gives such a call no header is
# known to send none (see :func:`bare`).
BARE_CALLS: dict[str, int | None] = {
    **{f"{module}.{verb}": None for module in ("requests", "httpx") for verb in ("post", "put", "patch", "delete")},
    "fetch": 1, "http.Post": None, "http.PostForm": None, "urlopen": None, "urllib.request.urlopen": None,
    "Net::HTTP.post": 2, "Net::HTTP.post_form": None, "HTTPoison.post": 2, "HTTPoison.post!": 2, "Req.post": 1,
    "Req.post!": 1}
# What such a call may be given by label, or in its options map, without adding a header (``auth``: a
# user and password, not an object that signs).
_BARE_OPTIONS = frozenset({"json", "data", "params", "timeout", "verify", "body", "method", "files", "cookies",
                           "allow_redirects", "follow_redirects", "proxies", "stream", "cert", "auth", "mode", "cache",
                           "redirect", "content"})


def bare(said: Facts, url: str, lowered: set[str]) -> bool:
    """Whether the group sends its request by one bare call (:data:`BARE_CALLS`) given its URL and
    only options that add no header (:data:`_BARE_OPTIONS`, by label or in the options map the group
    writes out; an ``auth`` a user and password, no object), and names nothing that signs: it then
    sends no header but the library's own, so one a rule requires is missing."""
    if any("sign" in name for name in lowered):
        return False
    sending = [(call, BARE_CALLS[name]) for name, call, _ in said.calls if name in BARE_CALLS and call.args
               and call.args[0][0] is None and isinstance(first := resolved(call.args[0][1], said), Lit)
               and first.text == url]
    if len(sending) != 1:
        return False
    call, carrier = sending[0]
    options = [(label, value) for label, value in call.args if label is not None]
    if carrier is not None and carrier < len(call.args) and call.args[carrier][0] is None:
        given = resolved(call.args[carrier][1], said)
        if not isinstance(given, Pairs) or any(key is None for key, _ in given.pairs):
            return False  # options or headers the group does not write out
        options += given.pairs
    return all(label in _BARE_OPTIONS and not (label == "auth" and isinstance(resolved(value, said), Call))
               for label, value in options)
