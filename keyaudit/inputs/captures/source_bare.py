"""Whether a request written as source code is sent by a bare call of a library's module (``requests.post``,
``fetch``, Go's ``http.Post``) given no header: it then sends none but the library's own, which no client set up
elsewhere can add to, so a header a rule requires is known to be missing (see :mod:`.source_requests`). So is one
sent by a session or client of such a library the group constructs itself and gives nothing that may add a header
(``session = requests.Session()``, then ``session.post(…)``): see :func:`_fresh_clients`.
"""

from __future__ import annotations

from collections import Counter

from .source_value_kinds import Call, Facts, Items, Lit, Pairs, Ref
from .source_values import last_part, receiver, resolved

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
# Sessions and clients of such libraries, constructed with nothing that adds a header, that send as bare calls do
FRESH_CLIENTS = frozenset({"requests.Session", "requests.session", "httpx.Client", "httpx.AsyncClient",
                           "aiohttp.ClientSession"})
# a client's calls that send a request, in lower case and without .NET's `Async` (`PostAsync`, `SendAsync`)
_SENDING = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request", "send", "execute", "do",
                      "fetch"})
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
    fresh = _fresh_clients(said)
    sending = [(call, BARE_CALLS.get(name)) for name, call, _ in said.calls
               if (name in BARE_CALLS or receiver(name) in fresh and sends(last_part(name))) and call.args
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


def _fresh_clients(said: Facts) -> set[str]:
    """The names the group binds once to a session or client it constructs itself (:data:`FRESH_CLIENTS`) given
    only options that add no header, and touches otherwise only by such options (``session.auth = (user, "")``,
    ``session.verify = …``) and its requests: given no hook, adapter, interceptor, header or auth object, nor handed
    to code that may give it one (``configure(session)``), it sends what a bare call would (an instance made
    elsewhere, ``self.session``, may have been given any)."""
    bound = Counter(name for name, _, _ in said.bindings)
    built = {name for name, value, _ in said.bindings if bound[name] == 1 and isinstance(value, Call)
             and value.name in FRESH_CLIENTS and all(_adds_none(label, item, said) for label, item in value.args)}
    return {name for name in built if not _touched(name, said)}


def _adds_none(label: str | None, value: object, said: Facts) -> bool:
    """Whether an option given a client adds no header: one of :data:`_BARE_OPTIONS`, its ``auth`` a user and
    password written out (a tuple, a list, a string), never an object or a name bound elsewhere (a signing auth
    class's instance, ``auth=IuguRsaAuth(…)``, ``session.auth = cfg.rsa_auth``)."""
    return label in _BARE_OPTIONS and (label != "auth" or written_credentials(value, said))


def written_credentials(value: object, said: Facts) -> bool:
    """Whether an ``auth`` is a user and password written out (a tuple, a list, a string): the only auth known to add
    no header but Basic's; an object or a name bound elsewhere may sign (``auth=IuguRsaAuth(…)``)."""
    return isinstance(resolved(value, said), (Items, Lit))


def sends(method: str) -> bool:
    """Whether a client's method so named sends a request (``post``, ``request``, .NET's ``PostAsync``, Go's ``Do``):
    a client's other calls configure it."""
    return method.lower().removesuffix("async") in _SENDING


def _touched(client: str, said: Facts) -> bool:
    """Whether the group sets on ``client`` what may add a header, calls it for other than a request, or gives it
    to a call."""
    member = client + "."
    return any(name.startswith(member) and not _adds_none(name[len(member):], value, said)
               for name, value, _ in said.bindings) or any(
        name.startswith(member) and not sends(name[len(member):]) or Ref(client) in (value for _, value in call.args)
        for name, call, _ in said.calls)
