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
method: which one it is made on, its order alone does not say). Brackets are code's alone, none a string or
a comment holds (:func:`.source_tokens.brackets`). The groups apart (:mod:`.source_groups`) are read by
:mod:`.source_requests`, which joins no declaration to a call. A declaration with no client built from a literal
base, or no call of it, or a URL given by a parameter (``@Url``), is no request; a client given a client of its own
(``.client(okHttp)``: its interceptors may add headers) or a map of headers by a parameter (``@HeaderMap``) sends its
headers unknown, never absent (a header's value the call computes, that value).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import urljoin

from keyaudit.model.exchange import UNKNOWN, Exchange, Origin

from .lines import make_exchange, to_bytes
from .source_calls import written_calls
from .source_groups import groups
from .source_languages import Language
from .source_tokens import brackets, tokens
from .source_value_kinds import Call, Facts, Lit
from .source_values import facts, resolved

_INTERFACE = re.compile(r"\binterface\s+(\w+)[^{;]*\{")
_ENDPOINT = re.compile(r"@(GET|POST|PUT|PATCH|DELETE)\(\s*\"([^\"]*)\"\s*\)")
_STATIC = re.compile(r"@Headers\(([^)]*)\)")
_STRING = re.compile(r'"([^"\\]*)"')
_METHOD_NAME = re.compile(r"(?<![@\w.])(\w+)\s*\(")  # a method's name, no annotation's
_ANNOTATION = re.compile(r"@(\w+)(?:\(\s*(?:\"([^\"]*)\")?[^)]*\))?")
# a client built with its base and bound to the interface it creates: `val api: Api = Retrofit.Builder()`, Java's
# `Api api = new Retrofit.Builder()`, up to its `.create(Api::class.java)` (`Api.class`)
_BUILT = re.compile(r"(\w+)\s*(?::\s*[\w.<>]+\s*)?=\s*(?:new\s+)?Retrofit\.Builder\(\)(.{0,600}?)"
                    r"\.create\(\s*(\w+)(?:::class\.java|\.class)\s*\)", re.S)
_BASE = re.compile(r"\.baseUrl\(\s*\"([^\"]+)\"\s*\)")
_OWN_CLIENT = ".client("  # an HTTP client of its own, whose interceptors may add headers the code does not show
_OPENING = {")": "(", "]": "[", "}": "{"}
# before a client's name: nothing on its statement but `this.` (an assignment to a field declared elsewhere), and
# before a block: what makes it a class's own (a constructor's body is a block after `)`: its assignments are found
# by the first pattern)
_FIELD_SET = re.compile(r"(?:^|[;{}])\s*(?:this\.)?\Z")
_CLASS_LEVEL = re.compile(r"(?:\bcompanion\s+object(?:\s+\w+)?|\binit|\bstatic)\s*\Z")


@dataclass
class _Endpoint:
    method: str
    path: str
    headers: list[tuple[str, str]]  # the static ones, `@Headers("Name: value")`
    params: list[tuple[str, str, str]]  # each parameter's name, role (the annotation: Header, Body…) and header name


def declared(lines: list[tuple[int, str]], lang: Language, path: str) -> Iterator[Exchange]:
    """The request each call of an interface's declared method on a client bound to it sends (see the module)."""
    text = "\n".join(line for _, line in lines)
    if "interface" not in text or ".create(" not in text:  # (most windows: no declarative client)
        return
    pairs, blocks = _pairs(brackets(text, lang), len(text))
    interfaces = [(found.start(), found.group(1), _endpoints(text, found.end(), pairs))
                  for found in _INTERFACE.finditer(text)]
    clients = [(_binding(text, blocks, found.start()), found.group(1), base.group(1), endpoints,
                _OWN_CLIENT not in found.group(2)) for found in _BUILT.finditer(text)
               if (base := _BASE.search(found.group(2))) is not None
               and (endpoints := _declared(interfaces, found.group(3), found.start())) is not None]
    starts = dict(zip((number for number, _ in lines),
                      itertools.accumulate((len(line) + 1 for _, line in lines), initial=0)))
    for group in groups(lines) if clients else ():
        said = facts(written_calls(tokens("\n".join(line for _, line in group), lang), lang), frozenset())
        for name, call, at in said.calls:
            receiver, _, called = name.rpartition(".")
            line_start = starts[group[at][0]]
            written = text.find(name, line_start, line_start + len(group[at][1]))  # where the call stands
            bound = _bound([client for client in clients if client[1] == receiver],
                           line_start if written < 0 else written)
            if bound is not None and called in bound[1]:
                base, endpoints, known = bound
                exchange = _request(endpoints[called], base, known, call, said, Origin(path, group[at][0], 1,
                                                                                       capture="code"))
                if exchange is not None:
                    yield exchange


_Client = tuple[tuple[int, int], str, str, dict[str, _Endpoint], bool]  # its block, name, base, methods, known


def _bound(named: list[_Client], at: int) -> tuple[str, dict[str, _Endpoint], bool] | None:
    """The base, methods and known headers of the client a call at ``at`` is made on, of those ``named`` as its
    receiver is: the one whose block holds the call; none where no such block does, or where two do."""
    reach = [client[2:] for client in named if client[0][0] < at < client[0][1]]
    return reach[0] if len(reach) == 1 else None


def _pairs(found: list[tuple[int, str]], end: int) -> tuple[dict[int, int], list[tuple[int, int]]]:
    """Each opening bracket's closing one (``end`` where none closes it) and the blocks braces make, as (opening,
    closing) offsets; a brace that closes a block the text starts in gives that block from before its start (-1)."""
    pairs: dict[int, int] = {}
    opened: dict[str, list[int]] = {opening: [] for opening in _OPENING.values()}
    blocks: list[tuple[int, int]] = []
    for at, char in found:
        if char in opened:
            opened[char].append(at)
            continue
        opening = opened[_OPENING[char]].pop() if opened[_OPENING[char]] else -1
        pairs[opening] = at
        blocks += [(opening, at)] if char == "}" else []
    for char, unclosed in opened.items():
        pairs.update(dict.fromkeys(unclosed, end))
        blocks += [(opening, end) for opening in unclosed] if char == "{" else []
    return pairs, blocks


def _binding(text: str, blocks: list[tuple[int, int]], at: int) -> tuple[int, int]:
    """The block whose calls a client built at ``at`` binds: the one it is declared in; the class's, where it is set
    as a field (``this.api = …`` or ``api = …`` in a constructor, an ``init {}``, a ``static {}``) or declared in
    a class's own block (a ``companion object``)."""
    block = _block(blocks, at, len(text))
    statement = text[max(0, at - 200) : at]
    if block[0] >= 0 and (_FIELD_SET.search(statement) or _CLASS_LEVEL.search(text, max(0, block[0] - 60), block[0])):
        return _block(blocks, block[0], len(text))
    return block


def _block(blocks: list[tuple[int, int]], at: int, end: int) -> tuple[int, int]:
    """The innermost block holding ``at`` (the whole text, from before its start to past its end, where none does)."""
    return max(((opening, close) for opening, close in blocks if opening < at < close),
               key=lambda block: (block[0], -block[1]), default=(-2, end + 1))  # (nested: opened last, closed first)


def _request(endpoint: _Endpoint, base: str, known: bool, call: Call, said: Facts, origin: Origin) -> Exchange | None:
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


def _declared(interfaces: list[tuple[int, str, dict[str, _Endpoint]]], name: str,
              at: int) -> dict[str, _Endpoint] | None:
    """The methods of the interface so named that a client built at ``at`` creates: its declaration's last before
    it, else its first after it (None where none is declared)."""
    named = [(start, endpoints) for start, found, endpoints in interfaces if found == name]
    before = [endpoints for start, endpoints in named if start < at]
    return before[-1] if before else named[0][1] if named else None


def _endpoints(text: str, start: int, pairs: dict[int, int]) -> dict[str, _Endpoint]:
    """The methods an interface whose body starts at ``start`` declares with a method's annotation, by name (none
    where the brace before it is no code's: the interface is a comment's or a string's word)."""
    found: dict[str, _Endpoint] = {}
    end, at = pairs.get(start - 1, start), start
    for named in _METHOD_NAME.finditer(text, start, end):
        if named.start() < at or (close := pairs.get(named.end() - 1)) is None:
            continue
        head, params = text[at : named.start()], text[named.end() : close]
        at = close + 1
        if (endpoint := _ENDPOINT.search(head)) is not None:
            static = [line.partition(":") for item in _STATIC.findall(head) for line in _STRING.findall(item)]
            found[named.group(1)] = _Endpoint(endpoint.group(1), endpoint.group(2),
                                              [(name.strip(), value.strip()) for name, _, value in static],
                                              [_param(param) for param in _split(params)])
    return found


def _param(text: str) -> tuple[str, str, str]:
    """A parameter's name, its annotation's name and the string that annotation is given: Kotlin's
    ``@Header("Name") name: String``, Java's ``@Header("Name") String name``."""
    annotation = _ANNOTATION.search(text)
    rest = _ANNOTATION.sub("", text).strip()
    name = rest.partition(":")[0].strip() if ":" in rest else (rest.split() or [""])[-1]
    return name, annotation.group(1) if annotation else "", (annotation.group(2) or "") if annotation else ""


def _split(params: str) -> list[str]:
    """A parameter list's parameters: split at its commas outside brackets and strings."""
    parts, depth, quoted, current = [], 0, False, []
    for char in params:
        quoted = quoted != (char == '"')
        depth += 0 if quoted else (char in "(<[") - (char in ")>]")
        if char == "," and depth == 0 and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    return [part for part in [*parts, "".join(current)] if part.strip()]
