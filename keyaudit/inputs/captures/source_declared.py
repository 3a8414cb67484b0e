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

A client is also created on a ``Retrofit`` built elsewhere in the text (``retrofit.create(Api::class.java)``, Kotlin's
``val api by lazy { … }``, a DI module's ``@Provides fun api(r: Retrofit): Api = r.create(…)``, Koin's ``single {
get<Retrofit>().create(…) }``): its base is the one built under the receiver's name, else the text's only one (two
bases: none, which one its receiver is the text does not say). A client provided so (returned, not assigned: an
injector hands it over) binds the calls on each name declared of its type (an injected field, a constructor's
parameter) in the block that name is declared for.
"""


from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import Iterable, Iterator
from urllib.parse import urljoin

from keyaudit.model.exchange import UNKNOWN, Exchange, Origin

from .lines import make_exchange, to_bytes
from .source_calls import written_calls
from .source_groups import groups
from .source_across import Seen, Waiting, joined
from .source_blocks import Blocks
from .source_interfaces import ANNOTATED, Declarations, Endpoint, Interface, Lexeme, interfaces, literal, pairs
from .source_languages import Language
from .source_tokens import code_tokens, tokens
from .source_value_kinds import Call, Facts, Lit
from .source_values import facts, resolved

_CREATED = re.compile(r"(?:\w+\.)*(\w+)(?:::class\.java|\.class)")  # `.create(Api::class.java)`, `(Outer.Api.class)`
_TYPE = frozenset(("<", ">", "?", "."))  # what a declared type is written with, its names aside (`Api<T>?`)
_WORD = re.compile(r"\w+")
_CREATE_CALL = re.compile(r"\.create\(\s*[\w.]+(?:::class\.java|\.class)\s*\)")  # a client created of an interface


@dataclass
class _Client:
    """A client built with its base and bound to an interface: the block whose calls it binds, the name they are
    made on, its base, the methods it has and whether its headers are all the code shows."""

    block: tuple[int, int]
    name: str
    base: str
    endpoints: dict[str, Endpoint] | str  # its interface's name, where declared in another file
    known: bool


def declared(lines: list[tuple[int, str]], lang: Language, path: str, seen: Seen | None = None) -> Iterator[Exchange]:
    """The request each call of an interface's declared method on a client bound to it sends (see the module); an
    interface the text above the lines declared (the slices of a file read before: ``seen``) is the one of its name
    a client creates where the lines declare none of its name before the client. The interfaces the lines declare
    are added to ``seen``, and the calls on a client of an interface no slice declared wait there for the scan's
    other files (:mod:`.source_across`)."""
    text = "\n".join(line for _, line in lines)
    declares = "interface" in text and ANNOTATED.search(text) is not None
    if not declares and (seen is None or _CREATE_CALL.search(text) is None):
        return  # (most windows: no declarative client)
    found = code_tokens(text, lang)
    matched, unopened = pairs(found)
    declaring = interfaces(found, text, matched)
    clients = _clients(found, text, matched, unopened, declaring, seen.interfaces if seen is not None else {})
    if seen is not None:
        seen.interfaces.update((interface.name, interface.endpoints) for interface in declaring)
    if not clients:
        return
    starts = dict(zip((number for number, _ in lines),
                      itertools.accumulate((len(line) + 1 for _, line in lines), initial=0)))
    made: list[tuple[str, Call, Facts, Origin]] = []
    places: list[tuple[int, str]] = []
    for group in (before + own for before, own in groups(lines)):
        said = facts(written_calls(tokens("\n".join(line for _, line in group), lang), lang), frozenset())
        for name, call, at in said.calls:
            receiver, _, called = name.rpartition(".")
            line_start = starts[group[at][0]]
            written = text.find(name, line_start, line_start + len(group[at][1]))  # where the call stands
            made.append((called, call, said, Origin(path, group[at][0], 1, capture="code")))
            places.append((line_start if written < 0 else written, receiver))
    for (called, call, said, origin), client in zip(made, _bound(clients, places)):
        if client is not None and isinstance(client.endpoints, str) and seen is not None:
            given = tuple((name, resolved(value, said)) for name, value in call.args)
            seen.wait(Waiting(client.endpoints, called, client.base, client.known, Call(call.name, given), origin))
        elif client is not None and not isinstance(client.endpoints, str) and called in client.endpoints:
            exchange = _request(client.endpoints[called], client.base, client.known, call, said, origin)
            if exchange is not None:
                yield exchange


def waited(seen: Iterable[Seen]) -> Iterator[Exchange]:
    """The requests of the calls the files of a scan left waiting for an interface another file declares."""
    return joined(seen, lambda endpoint, call: _request(endpoint, call.base, call.known, call.call, Facts(),
                                                         call.origin))


def _clients(found: list[Lexeme], text: str, matched: dict[int, int], unopened: list[int],
             declaring: list[Interface], above: Declarations) -> list[_Client]:
    """The clients built in ``found`` with a literal base and bound to an interface it declares, or the text
    ``above`` it did (see :func:`declared`): ``api =
    Retrofit.Builder()`` (Kotlin's ``val api: Api =``, Java's ``Api api = new …``) and the chain of calls after it
    up to its ``.create(Api::class.java)``, each with the block whose calls it binds (see :func:`_binding`); and
    those created on a ``Retrofit`` the text builds elsewhere (see :func:`_created`)."""
    named: dict[str, list[Interface]] = {}
    for interface in declaring:
        named.setdefault(interface.name, []).append(interface)
    starts = {name: [interface.start for interface in each] for name, each in named.items()}

    def endpoints(created: str, at: int) -> dict[str, Endpoint] | str:
        """The methods of the interface of that name: its declaration's last before ``at``, else above's, else its
        first after it; its name where the text declares none (another file may)."""
        before = bisect.bisect_left(starts.get(created, []), at)
        return named[created][before - 1].endpoints if before else above[created] if created in above \
            else named[created][0].endpoints if created in named else created  # (declared elsewhere: its name)

    blocks = Blocks(found, text, matched, unopened)
    made: list[tuple[int, str, str, bool]] = []  # each create: where it stands, the interface, base, known headers
    built: list[tuple[str, str, bool]] = []  # each Retrofit built and not bound yet: its name ("" none), base, known
    for index, (kind, value, _start, _end) in enumerate(found):
        if kind != "name" or value != "Retrofit.Builder" or [token[1] for token in found[index + 1 : index + 3]] \
                != ["(", ")"]:
            continue
        chain = _chain(found, matched, index + 2, text)
        if chain is None:
            continue
        created, base, known, at = chain
        if created is not None:
            made.append((index, created, base, known))
            continue
        equals = index - 1 - (index > 0 and found[index - 1][:2] == ("name", "new"))
        owner = _assigned(found, equals) if equals > 0 and found[equals][:2] == ("punct", "=") else None
        built.append(("" if owner is None else found[owner][1].rpartition(".")[2], base, known))
    made += _created(found, matched, built)
    clients: dict[tuple, _Client] = {}
    provided = _Provided(found)
    for index, created, base, known in made:
        methods = endpoints(created, found[index][2])
        owner = _owner(found, index)
        if owner is None:  # provided (a DI module's, a factory's return): bound by the names declared of its type
            for declared_at in provided.declared(created):
                name = found[declared_at][1]
                block = blocks.parameter_block(declared_at, matched) or blocks.binding(declared_at, name)
                clients.setdefault((name, block, base, known, id(methods)), _Client(block, name, base, methods, known))
            continue
        name = found[owner][1].rpartition(".")[2]
        block = blocks.binding(owner, name)
        clients.setdefault((name, block, base, known, id(methods)), _Client(block, name, base, methods, known))
    return list(clients.values())


def _created(found: list[Lexeme], matched: dict[int, int], built: list[tuple[str, str, bool]]
             ) -> list[tuple[int, str, str, bool]]:
    """The interfaces created on a ``Retrofit`` the text built elsewhere (``retrofit.create(Api::class.java)``, a
    DI module's ``r.create(…)``, Koin's ``get<Retrofit>().create(…)``), each where its expression starts, with the
    base of the one built under the receiver's name, else of the one the text builds (several: none)."""
    if not built:
        return []
    by_name = {name: (base, known) for name, base, known in built if name}
    only = {(base, known) for _name, base, known in built}
    made = []
    for index, (kind, value, _start, _end) in enumerate(found):
        if kind != "name" or not (value.endswith(".create") or value == "create" and index > 1
                                  and found[index - 1][:2] == ("punct", ".")) or index + 3 >= len(found) \
                or found[index + 1][:2] != ("punct", "(") or matched.get(index + 1) != index + 3:
            continue
        created = _CREATED.fullmatch(found[index + 2][1])
        receiver = value.rpartition(".")[0].rpartition(".")[2]
        given = by_name.get(receiver) or (next(iter(only)) if len(only) == 1 else None)
        if created is not None and given is not None and (value != "create" or found[index - 2][0] != "name"):
            made.append((index if value != "create" else _expression_start(found, index - 1), created.group(1),
                         *given))
    return made


def _expression_start(found: list[Lexeme], dot: int) -> int:
    """Where the receiver before the ``.`` at ``dot`` starts: a call (``get<Retrofit>()``, ``retrofit()``) and its
    name, its type arguments included; the dot's own index where no call stands before it."""
    at = dot - 1
    if at < 1 or found[at][:2] != ("punct", ")") or found[at - 1][:2] != ("punct", "("):
        return dot
    at -= 2
    if at > 1 and found[at][:2] == ("punct", ">") and found[at - 2][:2] == ("punct", "<"):
        at -= 3  # `get<Retrofit>()`
    return at if at >= 0 and found[at][0] == "name" else dot


def _owner(found: list[Lexeme], start: int) -> int | None:
    """The index of the name the expression at ``start`` is bound to: the name an ``=`` before it assigns, or the
    name of Kotlin's ``val api by lazy { … }``; None where the expression is returned or provided (a function's
    ``: Api =`` or ``return``, a DI container's ``single { … }``)."""
    before = [token[1] for token in found[max(0, start - 3) : start]]
    if before == ["by", "lazy", "{"] and start > 3 and found[start - 4][0] == "name":
        return start - 4
    equals = start - 1 - (start > 0 and found[start - 1][:2] == ("name", "new"))
    if equals < 2 or found[equals][:2] != ("punct", "="):
        return None
    owner = _assigned(found, equals)
    return None if owner is None or found[owner - 1][1] == ":" and found[owner - 2][1] == ")" else owner


class _Provided:
    """The names declared of each type (``api: Api``, ``Api api``) given no value of their own anywhere (``this.api =
    ….create(…)`` holds its own, ``this.api = api`` the injected one), found in one sweep when first asked for."""

    def __init__(self, found: list[Lexeme]) -> None:
        self._found, self._typed = found, None

    def declared(self, created: str) -> list[int]:
        """The indices of the names declared of the type ``created``."""
        if self._typed is None:
            self._typed = {}
            found = self._found
            given = {found[at][1].rpartition(".")[2] for at in range(len(found) - 3)
                     if found[at][0] == "name" and found[at + 1][:2] == ("punct", "=")
                     and (found[at + 2][1] == "new" or found[at + 3][1] == "(" or found[at + 2][0] != "name")}
            for index in range(1, len(found) - 1):
                kind, value, _start, _end = found[index]
                if kind != "name" or _WORD.fullmatch(value) is None or value in given:
                    continue
                if found[index + 1][:2] == ("punct", ":") and index + 2 < len(found) and found[index + 2][0] == "name":
                    after = found[index + 3 + (index + 3 < len(found) and found[index + 3][1] == "?"):][:1]
                    if not after or after[0][1] != "=":  # (a name given its own value is not given one injected)
                        self._typed.setdefault(found[index + 2][1].rpartition(".")[2], []).append(index)
                elif found[index - 1][0] == "name" and found[index + 1][1] in (";", ",", ")"):
                    self._typed.setdefault(found[index - 1][1].rpartition(".")[2], []).append(index)
        return self._typed.get(created, [])


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
           text: str) -> tuple[str | None, str, bool, int] | None:
    """The interface a builder's chain of calls after ``Retrofit.Builder()`` (its ``)`` at ``closing``) creates (None
    where the chain ends at its ``.build()``: a ``Retrofit`` to create clients on), the base its first
    ``.baseUrl("…")`` written out gives, whether no ``.client(…)`` of its own is given and where it ends; None where
    the chain creates no interface and builds nothing, or gives no literal base."""
    base, known, at, end, call = None, True, closing, len(found), ""
    while at + 2 < end:
        while at + 3 < end and found[at + 1][:2] in _BETWEEN_STEPS:
            at += 1  # Kotlin's `!!` after a step, or the `?` of a `?.` before the next
        if found[at + 1][:2] != ("punct", ".") or found[at + 2][0] != "name":
            break
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
            return (created.group(1), base, known, at) if base is not None else None
    return (None, base, known, at) if base is not None and call == "build" else None


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
    headers it passes leaves the set unknown unless written out in the call, see :func:`_written_map`); none where a
    parameter gives the URL itself (``@Url``)."""
    headers, body = list(endpoint.headers), None
    for index, (param, role, header) in enumerate(endpoint.params):
        value = resolved(dict(call.args).get(param, call.args[index][1] if index < len(call.args) else None), said)
        if role == "Url":
            return None
        if role == "Header":
            headers.append((header, value.text if isinstance(value, Lit) else UNKNOWN))
        written = _written_map(value) if role == "HeaderMap" else None
        headers += written or []
        known &= role != "HeaderMap" or written is not None
        body = (value.text if isinstance(value, Lit) else None) if role == "Body" else body
    return make_exchange(endpoint.method, urljoin(base, endpoint.path), headers,
                         None if body is None else to_bytes(body), origin, headers_known=known)


_PAIRED_MAPS = frozenset(("mapOf", "hashMapOf", "mutableMapOf", "linkedMapOf"))  # Kotlin's, of `"Name" to value`
_LISTED_MAPS = frozenset(("Map.of", "ImmutableMap.of"))  # Java's, of names and values in turn


def _written_map(value: object) -> list[tuple[str, str]] | None:
    """The headers of a map the call writes out, each name written as a literal (``mapOf("Signature" to sig)``,
    ``Map.of("Signature", sig)``), its value where a literal gives it (Kotlin's pairs give theirs unread: unknown);
    None for a map of any other making (a variable filled elsewhere: its headers unknown)."""
    if not isinstance(value, Call) or not value.args:
        return None
    given = [arg for _name, arg in value.args]
    if value.name in _PAIRED_MAPS and all(isinstance(arg, Lit) for arg in given):
        return [(arg.text, UNKNOWN) for arg in given]  # type: ignore[union-attr]
    if value.name in _LISTED_MAPS and len(given) % 2 == 0 and all(isinstance(arg, Lit) for arg in given[::2]):
        return [(name.text, arg.text if isinstance(arg, Lit) else UNKNOWN)  # type: ignore[union-attr]
                for name, arg in zip(given[::2], given[1::2])]
    return None
