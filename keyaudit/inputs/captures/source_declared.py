"""Requests a declarative client sends: an interface's method whose annotations name the method, a path relative to
the client's base URL and headers (Retrofit's ``@POST("v1/…")``, ``@Headers("Name: value", …)``, parameters
annotated ``@Header("Name")`` and ``@Body``), a client built with a base URL written out and bound to that interface
(``Retrofit.Builder().baseUrl("https://…/")…create(Api::class.java)``), and a call of the method on it
(``api.transfer(signature = "…", body = corpo)``).

The general rule: a request declared in one place and its base URL bound in another is the declaration's URL
resolved against that base as a link is (Retrofit's rule: a path is joined to it, a path from the root replaces its
path, a full URL replaces it), each annotated parameter given the value the call passes to it (by the parameter's
name, or its place), read where the call's group binds it (:mod:`.source_values`). A client binds the calls within
the brace block it is declared in, before or after it (a class's field declared below the method that calls it), or
its class's, where it is set as a field in a constructor or an initializer or declared in a companion object; a
call two clients of its name reach is bound to neither (a field and a local of its name, or a field set again in a
method: which one it is made on, its order alone does not say). Code's tokens alone are read, none a string or a
comment holds (:func:`.source_tokens.code_tokens`; the interfaces: :mod:`.source_interfaces`), each once: a
client's chain of calls from ``Retrofit.Builder()`` to its ``.create(…)`` whatever its length, each call bound in
one sweep over the clients' blocks. The groups apart (:mod:`.source_groups`) are read by
:mod:`.source_requests`, which joins no declaration to a call. A declaration with no client built from a literal
base, or no call of it, or a URL given by a parameter (``@Url``), is no request; a client given a client of its own
(``.client(okHttp)``: its interceptors may add headers) or a map of headers by a parameter (``@HeaderMap``) sends its
headers unknown, never absent (a header's value the call computes, that value).
"""


from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import urljoin

from keyaudit.model.exchange import UNKNOWN, Exchange, Origin

from .lines import make_exchange, to_bytes
from .source_calls import written_calls
from .source_groups import groups
from .source_interfaces import ANNOTATED, Declarations, Endpoint, Interface, Lexeme, interfaces, literal, pairs
from .source_languages import Language
from .source_tokens import code_tokens, tokens
from .source_value_kinds import Call, Facts, Lit
from .source_values import facts, resolved

_CREATED = re.compile(r"(\w+)(?:::class\.java|\.class)")  # `.create(Api::class.java)`, Java's `.create(Api.class)`
_TYPE = frozenset(("<", ">", "?", "."))  # what a declared type is written with, its names aside (`Api<T>?`)
_STATEMENT_END = frozenset(("{", ";", "}"))  # before a client's name: nothing else on its statement (a field's set)


@dataclass
class _Client:
    """A client built with its base and bound to an interface: the block whose calls it binds, the name they are
    made on, its base, the methods it has and whether its headers are all the code shows."""

    block: tuple[int, int]
    name: str
    base: str
    endpoints: dict[str, Endpoint]
    known: bool


def declared(lines: list[tuple[int, str]], lang: Language, path: str,
             declarations: Declarations | None = None) -> Iterator[Exchange]:
    """The request each call of an interface's declared method on a client bound to it sends (see the module); an
    interface the text above the lines declared (the slices of a file read before: ``declarations``) is the one
    of its name a client creates where the lines declare none of its name before the client. The interfaces the
    lines declare are added to ``declarations``."""
    text = "\n".join(line for _, line in lines)
    declares = "interface" in text and ANNOTATED.search(text) is not None
    if not (".create(" in text and (declares or declarations)) and not (declares and declarations is not None):
        return  # (most windows: no declarative client)
    found = code_tokens(text, lang)
    matched, unopened = pairs(found)
    declaring = interfaces(found, text, matched)
    clients = _clients(found, text, matched, unopened, declaring, declarations or {})
    if declarations is not None:
        declarations.update((interface.name, interface.endpoints) for interface in declaring)
    if not clients:
        return
    starts = dict(zip((number for number, _ in lines),
                      itertools.accumulate((len(line) + 1 for _, line in lines), initial=0)))
    made: list[tuple[str, Call, Facts, Origin]] = []
    places: list[tuple[int, str]] = []
    for group in groups(lines):
        said = facts(written_calls(tokens("\n".join(line for _, line in group), lang), lang), frozenset())
        for name, call, at in said.calls:
            receiver, _, called = name.rpartition(".")
            line_start = starts[group[at][0]]
            written = text.find(name, line_start, line_start + len(group[at][1]))  # where the call stands
            made.append((called, call, said, Origin(path, group[at][0], 1, capture="code")))
            places.append((line_start if written < 0 else written, receiver))
    for (called, call, said, origin), client in zip(made, _bound(clients, places)):
        if client is not None and called in client.endpoints:
            exchange = _request(client.endpoints[called], client.base, client.known, call, said, origin)
            if exchange is not None:
                yield exchange


def _clients(found: list[Lexeme], text: str, matched: dict[int, int], unopened: list[int],
             declaring: list[Interface], above: Declarations) -> list[_Client]:
    """The clients built in ``found`` with a literal base and bound to an interface it declares, or the text
    ``above`` it did (see :func:`declared`): ``api =
    Retrofit.Builder()`` (Kotlin's ``val api: Api =``, Java's ``Api api = new …``) and the chain of calls after it
    up to its ``.create(Api::class.java)``, each with the block whose calls it binds (see :func:`_binding`)."""
    named: dict[str, list[Interface]] = {}
    for interface in declaring:
        named.setdefault(interface.name, []).append(interface)
    starts = {name: [interface.start for interface in each] for name, each in named.items()}
    blocks = _Blocks(found, text, matched, unopened)
    clients = []
    for index, (kind, value, _start, _end) in enumerate(found):
        if kind != "name" or value != "Retrofit.Builder" or [token[1] for token in found[index + 1 : index + 3]] \
                != ["(", ")"]:
            continue
        equals = index - 1 - (index > 0 and found[index - 1][:2] == ("name", "new"))
        client = _assigned(found, equals) if equals > 0 and found[equals][:2] == ("punct", "=") else None
        chain = _chain(found, matched, index + 2, text) if client is not None else None
        if client is None or chain is None or (chain[0] not in named and chain[0] not in above):
            continue
        created, base, known = chain
        name = found[client][1].rpartition(".")[2]
        at = found[client][3] - len(name)
        before = bisect.bisect_left(starts.get(created, []), at)  # its declaration's last before it, else above's,
        endpoints = named[created][before - 1].endpoints if before else above[created] if created in above \
            else named[created][0].endpoints  # else its first after it
        clients.append(_Client(blocks.binding(client, name), name, base, endpoints, known))
    return clients


def _assigned(found: list[Lexeme], equals: int) -> int | None:
    """The index of the name an ``=`` at ``equals`` assigns to: the name before it, or before a type written after a
    colon (``api: Api<T>? =``), the type's tokens written together; None where no name is."""
    at = equals - 1
    while at > 0 and _typed(found[at]) and _typed(found[at - 1]) and found[at - 1][3] == found[at][2]:
        at -= 1  # (the type's tokens, written together)
    if at > 1 and found[at - 1][:2] == ("punct", ":") and found[at - 2][0] == "name" and found[at][0] == "name":
        return at - 2
    return equals - 1 if found[equals - 1][0] == "name" else None


def _typed(token: Lexeme) -> bool:
    """Whether a token may be part of a declared type."""
    return token[0] == "name" or (token[0] == "punct" and token[1] in _TYPE)


_BETWEEN_STEPS = (("punct", "!"), ("punct", "?"))  # what may stand between a chain's steps besides its dot


def _chain(found: list[Lexeme], matched: dict[int, int], closing: int,
           text: str) -> tuple[str, str, bool] | None:
    """The interface a builder's chain of calls after ``Retrofit.Builder()`` (its ``)`` at ``closing``) creates, the
    base its first ``.baseUrl("…")`` written out gives and whether no ``.client(…)`` of its own is given; None where
    the chain creates no interface or gives no literal base."""
    base, known, at, end = None, True, closing, len(found)
    while at + 2 < end:
        while at + 3 < end and found[at + 1][:2] in _BETWEEN_STEPS:
            at += 1  # Kotlin's `!!` after a step, or the `?` of a `?.` before the next
        if found[at + 1][:2] != ("punct", ".") or found[at + 2][0] != "name":
            return None
        call, at, single = found[at + 2][1], at + 2, None
        if at + 1 < end and found[at + 1][:2] == ("punct", "("):
            close = matched.get(at + 1, end)
            single, at = (found[at + 2] if close == at + 3 else None), close
        if at + 1 < end and found[at + 1][:2] == ("punct", "{"):
            at = matched.get(at + 1, end)  # a trailing lambda (`.apply { if (DEBUG) addConverterFactory(…) }`)
        if call == "baseUrl" and base is None and single is not None and single[0] == "string" and single[1]:
            base = literal(single, text)
        known &= call != "client"
        if call == "create" and single is not None and (created := _CREATED.fullmatch(single[1])) is not None:
            return (created.group(1), base, known) if base is not None else None
    return None


class _Blocks:
    """The brace blocks of the code, as (opening, closing) offsets: the innermost holding each token, by one sweep
    (a brace that closes a block the text starts in gives that block from before its start, -1; none: the whole
    text, from -2 to past its end)."""

    def __init__(self, found: list[Lexeme], text: str, matched: dict[int, int], unopened: list[int]) -> None:
        self._found, self._end, self._matched, self._unopened = found, len(text), matched, unopened
        self._inner: list[int] = []  # the index of the innermost `{` open at each token, -1 where none is
        opened: list[int] = []
        for index, (kind, value, _start, _end) in enumerate(found):
            self._inner.append(opened[-1] if opened else -1)
            if kind == "punct" and value == "{":
                opened.append(index)
            elif kind == "punct" and value == "}" and opened:
                opened.pop()

    def _block(self, index: int) -> tuple[int, int]:
        """The innermost block holding the token at ``index``."""
        opening = self._inner[index]
        if opening >= 0:
            closing = self._matched.get(opening, len(self._found))
            return self._found[opening][2], self._found[closing][2] if closing < len(self._found) else self._end
        after = bisect.bisect_right(self._unopened, index)
        return (-1, self._found[self._unopened[after]][2]) if after < len(self._unopened) else (-2, self._end + 1)

    def binding(self, client: int, name: str) -> tuple[int, int]:
        """The block whose calls a client whose name stands at ``client`` binds: the one it is declared in; the
        class's, where it is set as a field (``this.api = …`` or ``api = …`` alone on its statement, in a
        constructor, an ``init {}``, a ``static {}``) or declared in a class's own block (a ``companion object``)."""
        found, opening = self._found, self._inner[client]
        field_set = found[client][1] in (name, f"this.{name}") and (
            client == 0 or found[client - 1][:2] in (("punct", mark) for mark in _STATEMENT_END))
        words = [token[1] if token[0] == "name" else "" for token in found[max(0, opening - 3) : max(0, opening)]]
        class_level = words[-1:] in (["init"], ["static"]) or words[-2:] == ["companion", "object"] or (
            words[-3:-1] == ["companion", "object"] and words[-1] != "")
        return self._block(opening if opening >= 0 and (field_set or class_level) else client)


def _bound(clients: list[_Client], places: list[tuple[int, str]]) -> list[_Client | None]:
    """The client each call made at an offset on a receiver of a name is made on: the one of that name whose block
    holds the call; none where no block does, or where two do. One sweep over the blocks' ends and the calls."""
    events = sorted([(client.block[0], 2, number) for number, client in enumerate(clients)]
                    + [(client.block[1], 0, number) for number, client in enumerate(clients)]
                    + [(at, 1, number) for number, (at, _receiver) in enumerate(places)])
    reaching: dict[str, dict[int, _Client]] = {}
    bound: list[_Client | None] = [None] * len(places)
    for _at, kind, number in events:
        if kind == 1:
            reach = reaching.get(places[number][1], {})
            bound[number] = next(iter(reach.values())) if len(reach) == 1 else None
        else:
            client = clients[number]
            named = reaching.setdefault(client.name, {})
            named.update({number: client}) if kind == 2 else named.pop(number, None)
    return bound


def _request(endpoint: Endpoint, base: str, known: bool, call: Call, said: Facts, origin: Origin) -> Exchange | None:
    """The request a call of ``endpoint`` on a client built with ``base`` sends: each annotated parameter given the
    value the call passes to it, by its name or its place (a header's value the call computes unknown, a map of
    headers it passes leaves the set unknown); none where a parameter gives the URL itself (``@Url``)."""
    headers, body = list(endpoint.headers), None
    for index, (param, role, header) in enumerate(endpoint.params):
        value = resolved(dict(call.args).get(param, call.args[index][1] if index < len(call.args) else None), said)
        if role == "Url":
            return None
        if role == "Header":
            headers.append((header, value.text if isinstance(value, Lit) else UNKNOWN))
        known &= role != "HeaderMap"
        body = (value.text if isinstance(value, Lit) else None) if role == "Body" else body
    return make_exchange(endpoint.method, urljoin(base, endpoint.path), headers,
                         None if body is None else to_bytes(body), origin, headers_known=known)
