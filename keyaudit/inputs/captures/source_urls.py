"""Which URL a statement group sends its request to (see :mod:`.source_requests`): the one absolute URL with a path
its literals name and a call is given, or its one origin (a host, a connection's, a client's base) joined to its one
path; a literal joined to what the code computes is no URL (the URL is built, not written: see
:mod:`.source_composed` for what a group composes of what it binds).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from .lines import HTTP_METHODS
from .source_bare import sends
from .source_groups import ABSOLUTE_URL, BASE_NAME, client_bases
from .source_languages import Language
from .source_tokens import Token
from .source_value_kinds import Call, Facts, Items, Lit, Pairs
from .source_values import last_part, receiver, resolved

_HOST_NAME = re.compile(rf"(?i)(?:host(?:name)?|{BASE_NAME})$")
_HOST_CALLS = frozenset({"HTTPSConnection", "HTTPConnection", "RestClientOptions", "RestClient"})
# a path relative to a client's base (`transfers`, `v3/transfers?x=1`)
_RELATIVE = re.compile(r"[\w.~-]+(?:/[\w.~{}:%-]*)*(?:\?\S*)?")
_BASE_OPTION = re.compile(rf"(?i){BASE_NAME}")
_RFC_BASES = frozenset({"base_uri", "baseaddress"})  # Guzzle's, .NET HttpClient's: a path joined by RFC 3986
_SCHEME_CALLS = frozenset({"Uri.https", "Uri.http"})  # a URL built of its scheme, host and path (Dart's)


def whole_strings(found: list[Token], lang: Language) -> list[str]:
    """The string literals that are whole values, not a piece joined to another by ``+`` or,
    where the language joins so, ``.`` (``BASE + "/payments"``: a URL there is only its start); none
    where a path is so joined to what the code computes (the URL the group sends is built, not written;
    a piece joined to a literal before it is that literal's rest: a long value cut in pieces, ``'…' + '/…'``)."""
    joining = ("+", ".") if lang.dot_joins else ("+",)

    def joins(index: int) -> bool:
        return 0 <= index < len(found) and found[index].kind == "punct" and found[index].text in joining

    pieces = [(token.text, joins(index - 1) or joins(index + 1),
               joins(index - 1) and (index < 2 or found[index - 2].kind != "string"))
              for index, token in enumerate(found) if token.kind == "string"]
    if any(built and text.startswith("/") for text, _, built in pieces):
        return []
    return [text for text, joined, _ in pieces if not joined]


def holds(value: object, said: Facts, url: str, depth: int = 0) -> bool:
    """Whether ``value`` is the URL (or its host or path), or a map, list or call holding it."""
    value = resolved(value, said)
    if isinstance(value, Lit):
        return len(value.text) >= 4 and value.text in url and ("/" in value.text or "." in value.text)
    parts = (value.pairs if isinstance(value, Pairs) else value.args if isinstance(value, Call) else
             tuple((None, item) for item in value.items) if isinstance(value, Items) else ())
    return depth < 4 and any(holds(part, said, url, depth + 1) for _, part in parts)


def sent(said: Facts, url: str) -> bool:
    """Whether a call is given the URL (or its host or path): directly, or in what a name it is
    given holds (``request(options)``, ``NewRequest(method, url, …)``). A map that names a URL but
    goes to no call (``ARGS = {…}``, ``$args = array(…)``) is data, no request sent."""
    return any(holds(value, said, url) for _, call, _ in said.calls for _, value in call.args)


def called_on(found: list[Token], url: str) -> bool:
    """Whether a method is called on the URL's literal itself (Flurl's ``"https://…".WithHeader(…)``)."""
    return any(token.kind == "string" and token.text == url and found[index + 1].text == "."
               and found[index + 2].kind == "name" and found[index + 3].text == "("
               for index, token in enumerate(found[:-3]))


def url_of(said: Facts, strings: list[str], based: dict[str, tuple[str, str]]) -> str | None:
    """The one absolute URL with a path the group's literals name, no client's base where another URL or a path is
    named (of several, the one a call is given: a module's call beside the URL constant written after it), or its
    one origin joined to its one path (``HTTPSConnection("host")`` and ``"/v1/…"``, ``hostname:`` and ``path:``, a
    client's base and the path relative to it its call is given; ``based``: the group's clients given a base,
    :func:`based_clients`)."""
    absolute = {text for text in strings if ABSOLUTE_URL.fullmatch(text)}
    paths = {text for text in strings if text.startswith("/") and len(text) > 1 and " " not in text}
    full = {text for text in absolute if "/" in text.split("://", 1)[1].rstrip("/")}
    full |= _joined_to_bases(said, based)
    bases = client_bases(said) | {text for text, _ in based.values()}
    if (kept := full - bases) or paths:  # a base with no path beside it is all the group sends to
        full = kept
    if len(full) > 1:
        full = {text for text in full if sent(said, text)} or full
    if full:
        return full.pop() if len(full) == 1 else None
    origins = {text.rstrip("/") for text in absolute}
    origins |= {f"https://{value.text}" for name, value, _ in said.bindings
                if _HOST_NAME.search(name) and isinstance(value, Lit) and "/" not in value.text}
    origins |= {value.text.rstrip("/") if "://" in value.text else f"https://{value.text}"
                for name, call, _ in said.calls
                if last_part(name) in _HOST_CALLS for _, value in call.args[:1] if isinstance(value, Lit)}
    origins |= {f"{last_part(name)}://{value.text}" for name, call, _ in said.calls if name in _SCHEME_CALLS
                for _, value in call.args[:1] if isinstance(value, Lit) and "/" not in value.text}
    return f"{origins.pop()}{paths.pop()}" if len(origins) == 1 and len(paths) == 1 else None


def _joined_to_bases(said: Facts, based: dict[str, tuple[str, str]]) -> set[str]:
    """The URLs the calls of a client set up with a base are given a path relative to (Guzzle's ``$client->post(
    'transfers', […])``, ``$client->request('POST', 'v3/transfers')``, httpx' ``client.post("transfers")``, .NET's
    ``PostAsync("transfers", …)`` on a client given its ``BaseAddress``): only a call of that client, the base and
    the path joined as its library joins them — Guzzle's ``base_uri`` and .NET's ``BaseAddress`` by RFC 3986 (a base
    with no slash at its end loses its last segment, a path from the root replaces the base's), the others with one
    slash between (httpx, axios)."""
    found = set()
    for name, call, _ in said.calls:
        if (base := based.get(receiver(name))) is None or not sends(last_part(name)):
            continue
        given = [resolved(value, said) for label, value in call.args if label is None][:2]
        if given and isinstance(given[0], Lit) and given[0].text.upper() in HTTP_METHODS:
            given = given[1:]  # the method first: `request('POST', 'transfers')`
        if given and isinstance(path := given[0], Lit) and _RELATIVE.fullmatch(path.text.removeprefix("/")) \
                and path.text.upper() not in HTTP_METHODS:
            text, option = base
            found.add(urljoin(text, path.text) if option.lower() in _RFC_BASES
                      else f"{text.rstrip('/')}/{path.text.lstrip('/')}")
    return found


def based_clients(said: Facts) -> dict[str, tuple[str, str]]:
    """Each name the group binds to a client constructed with a base URL (an option given it, in the map it is given,
    or in its object initializer: ``httpx.Client(base_url=…)``, ``new Client(['base_uri' => …])``, C#'s ``new
    HttpClient { BaseAddress = new Uri("…") }``), or whose base it sets (``client.BaseAddress = new Uri("…")``): the
    base, and the option's name. A call of one sends a request, whatever its method's case (.NET's ``PostAsync``)."""
    found = {}
    for name, value, _ in said.bindings:
        options = list(value.pairs) if isinstance(value, Pairs) else []
        if isinstance(value, Call):
            options = [(label, item) for label, item in value.args if label is not None]
            maps = [resolved(item, said) for _, item in value.args]
            options += [pair for given in maps if isinstance(given, Pairs) for pair in given.pairs]
        for label, item in options:
            if label is not None and _BASE_OPTION.fullmatch(label) and (text := _text(item, said)) is not None:
                found[name] = (text, label)
        if _BASE_OPTION.fullmatch(last_part(name)) and receiver(name) and (text := _text(value, said)) is not None:
            found[receiver(name)] = (text, last_part(name))
    return {name: base for name, base in found.items() if ABSOLUTE_URL.fullmatch(base[0])}


def _text(value: object, said: Facts) -> str | None:
    """The literal a value is, or a construction of one is given (``new Uri("…")``); None for any other."""
    value = resolved(value, said)
    value = resolved(value.args[0][1], said) if isinstance(value, Call) and len(value.args) == 1 else value
    return value.text if isinstance(value, Lit) else None
