"""Calls that send nothing though they name a method and a URL: they register what answers a request a server (or a
mock of one) receives — a route (Express's ``app.post('/v3/transfers', (req, res) => …)``, Koa's, Fastify's,
Laravel's ``Route::post('/x', function () …)``, Spark's ``post("/x", (req, res) -> …)``), a mock server's handler
(MSW's ``http.post('https://api…/transfers', () => …)``, Mirage's ``this.post(…)``) —, annotate the function that
does (Flask's and FastAPI's ``@app.post("/x")``), or say the response a stub returns (aioresponses'
``m.post(url, status=200, headers=…)``, Cypress's ``cy.intercept('POST', url, {statusCode: 200, …})``); and a
route written as a map (Hapi's ``server.route({method: 'POST', path, handler})``) names no method sent. Read as
sends, each made a payout of code that receives or fakes one: the call's name the method, its path the URL's, a
module's URL constant a logger prints the host, and the response's headers the request's.

The general rules: a call that sends is given a URL (a literal, or a name bound to one; jQuery's ``$.post(url,
data, function (r) …)`` only sends) and data; one that registers is given a path (a literal from ``/``, or a name
the group binds to one), or a name (a route's path kept elsewhere: ``ROUTES.sync``), or is called on a route its path
was given to (``router.route('/x').post(…)``), or is given the URL it answers for, and, last, the function that
answers, written out (an arrow, ``function``, ``func``, ``fn``, ``lambda``, ``async`` one), with no data between
them (see :meth:`_Call.registers`). And no call that sends is given
the status of a response (a label or an options map's key, ``status``, ``statusCode``, ``status_code``, bound to a
status number): a stub is, whose headers and body are the response's. The calls inside a handler are read as they
are: a proxy's route that forwards with ``fetch(…)`` still sends that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from keyaudit.model.numbers import plain_number

from .lines import HTTP_METHODS
from .source_tokens import Token
from .source_value_kinds import Facts, Lit, Pairs
from .source_values import last_part

_FUNCTION_WORDS = frozenset({"function", "func", "fn", "lambda", "async"})
_OPEN, _CLOSE = frozenset("([{"), frozenset(")]}")
_ROUTE_KEYS = frozenset({"method", "path", "url"})
_JQUERY = frozenset({"$", "jQuery"})  # a receiver whose method-named calls send (`$.post(url, data, function (r) …)`)
_STATUS_NAME = re.compile(r"(?i)status(?:_?code)?|http_?code")  # what names a response's status


def keep_sent(found: list[Token], said: Facts) -> None:
    """Leave in ``said`` (read from ``found``) no call that registers, annotates or stubs, and no method, path or
    URL of a route written as a map (see the module)."""
    bound = [(name, value.text) for name, value, _ in said.bindings if isinstance(value, Lit)]
    unsent = _registrations(found, frozenset(name for name, text in bound if text.startswith("/")),
                            frozenset(name for name, text in bound if text.startswith(("http://", "https://"))))
    said.calls = [(name, call, line) for name, call, line in said.calls
                  if (name.lstrip("."), line) not in unsent and not any(
                      _status(label, value) or label is None and isinstance(value, Pairs)
                      and any(_status(key, item) for key, item in value.pairs) for label, value in call.args)]
    if routed := _route_entries(found):
        said.bindings = [binding for binding in said.bindings if (binding[0], binding[2]) not in routed]


def _route_entries(found: list[Token]) -> set[tuple[str, int]]:
    """The (key, line) of the method, path and URL of each map that also names a ``handler``: a route written as a
    map (Hapi's and Fastify's ``server.route({method: 'POST', path: '/v1/transfers', handler: …})``, a table of
    routes) says what its handler answers, not what is sent."""
    entries: set[tuple[str, int]] = set()
    keys: list[list[Token] | None] = []  # for each bracket open: the keys of the map it opens, or None
    for at, token in enumerate(found):
        punct = token.text if token.kind == "punct" else ""
        if punct in _OPEN:
            keys.append([] if punct in "{[" else None)
        elif punct in _CLOSE and keys:
            if (named := keys.pop()) and "handler" in {key.text for key in named}:
                entries |= {(key.text, key.line) for key in named if key.text in _ROUTE_KEYS}
        elif token.kind in ("name", "string") and keys and (listed := keys[-1]) is not None and at + 1 < len(found) \
                and found[at + 1].text in (":", "=>") and found[at - 1].text in ("{", "[", ","):
            listed.append(token)
    return entries


def _status(label: str | None, value: object) -> bool:
    """Whether ``label`` names a response's status and ``value`` is one (a number from 100 to 599)."""
    return label is not None and _STATUS_NAME.fullmatch(label) is not None and isinstance(value, Lit) \
        and 100 <= (plain_number(value.text, 3) or 0) <= 599


@dataclass
class _Call:
    """An open call named for a method: its name's token, whether its receiver is jQuery's (``$.post``, which only
    sends), and what each argument so far starts with: a function (``function``, an arrow after its parameters), a
    ``path`` (a literal from ``/``, or a name bound to one), a ``url`` (a name bound to an absolute URL), other
    ``data`` written out (a literal), a ``name`` (a variable, a middleware), a ``map``, a ``list``, or ""."""

    name: int
    sends: bool
    kinds: list[str] = field(default_factory=lambda: [""])
    started: bool = False  # whether the argument being read has its first token

    def registers(self) -> bool:
        """Whether the call is given, last, a function, and before it no data but its path or URL (Express's
        ``router.route('/x').post((req, res) => …)`` gives it none): nothing but middleware (``auth``,
        ``express.json()``), or, after a path, a route's options and middleware written out (Fastify's
        ``{ schema }``, Express's ``[auth, validate]``). A URL then a map is a client's call (request's
        ``request.post(url, {json: …}, (err, res) => …)``), as is an options map first (``request.post({url, body},
        …)``), a name bound to an absolute URL first, and any call of jQuery's (``$.post(url, data, function (r)
        …)``): all send."""
        first, between = self.kinds[0], self.kinds[1:-1]
        if self.kinds[-1] != "function" or self.sends or first in ("url", "map"):
            return False
        allowed = ("", "name", "function", "map", "list") if first == "path" else ("", "name", "function")
        return all(kind in allowed for kind in between)


def _registrations(found: list[Token], paths: frozenset[str], urls: frozenset[str]) -> set[tuple[str, int]]:
    """The (name, line) of each call of ``found`` that registers a handler or annotates one (see the module), the
    group binding ``paths`` to paths and ``urls`` to absolute URLs."""
    registered: set[tuple[str, int]] = set()
    opened: list[_Call | None] = []  # for each bracket open: the call named for a method it opens, or None
    for at, token in enumerate(found):
        punct = token.text if token.kind == "punct" else ""
        call = opened[-1] if opened else None
        if call is not None and not call.started and punct not in _CLOSE:
            call.started = True
            call.kinds[-1] = ("function" if token.kind == "name" and token.text in _FUNCTION_WORDS else
                              "path" if token.kind == "string" and token.text.startswith("/")
                              or token.kind == "name" and token.text in paths else
                              "url" if token.kind == "name" and token.text in urls else
                              "name" if token.kind == "name" else
                              "data" if token.kind in ("string", "number") else
                              {"{": "map", "[": "list"}.get(punct, ""))
        if punct in _OPEN:
            named = punct == "(" and at > 0 and _method_named(found[at - 1])
            if named and at > 1 and found[at - 2].text == "@" and found[at - 2].kind == "punct":
                registered.add((found[at - 1].text, found[at - 1].line))  # a decorator
            opened.append(_Call(at - 1, at > 2 and found[at - 2].text == "." and found[at - 3].text in _JQUERY)
                          if named else None)
        elif punct in _CLOSE and opened:
            if (call := opened.pop()) is not None and call.registers():
                registered.add((found[call.name].text, found[call.name].line))
        elif call is not None and punct == ",":
            call.kinds.append("")
            call.started = False
        elif call is not None and _arrow(found, at):
            call.kinds[-1] = "function"
    return registered


def _arrow(found: list[Token], at: int) -> bool:
    """Whether the token at ``at`` ends a function's parameters with its arrow: ``(req, res) =>``, PHP's ``fn() =>``,
    Java's ``(req, res) -> {`` (a ``=>`` after a name pairs a key, Ruby's ``:body => …`` and Perl's ``Content => …``;
    a ``->`` before a name calls a method, PHP's ``build()->toArray()``)."""
    texts = [token.text if token.kind == "punct" else "" for token in found[max(at - 2, 0) : at + 2]]
    return at > 1 and (texts[1:3] == [")", "=>"] or texts[:4] == [")", "-", ">", "{"])


def _method_named(token: Token) -> bool:
    """Whether ``token`` names a call for a method (``app.post``, ``Route::post``, ``r.POST``)."""
    return token.kind == "name" and last_part(token.text).rstrip("!?").upper() in HTTP_METHODS
