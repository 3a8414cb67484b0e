"""Requests written as source code — a Postman or DevTools snippet, a client call — read from
the literals of the statement group around an anchor.

The general rule: a group of statements that names, as literals, a URL (or a host and a path),
an HTTP method word, header name/value pairs and a body is one request, whatever the language or
library (:mod:`.source_tokens` reads the literals, :mod:`.source_calls` the calls a language
writes otherwise than ``name(args)``, :mod:`.source_values` what is bound to what,
:mod:`.source_headers` which headers are given). Which names and calls say which part is data
(:data:`_BODY_NAME`, :data:`_BODY_CALLS`, …), not one parser per product. A group is the lines
around an anchored line between boundaries (:mod:`.source_groups`, which also says which constants one
group tells the groups below).

False positives matter more than recall (a pre-commit hook reads source trees): a part the code
computes is unknown, never absent. A header value from an expression is sent with an unknown
value (its signature unverified); headers built where the group does not show (a variable not
bound in it, a helper's result, a spread, a client's defaults or interceptors — but a module's client
set up with its base URL and headers written out, :mod:`.source_groups`) or not shown at all
leave the header set unknown, so the request is never called unsigned — but a bare call of a
library's module (``requests.post``, ``fetch``, Go's ``http.Post``) given no header sends none but
the library's own, which no client set up elsewhere can add to (:mod:`.source_bare`); a body that is not a
literal leaves signatures unjudged. Test code (by its path: :mod:`.source_files`, or a group that
mocks) is not read.
"""

from __future__ import annotations

import re
from typing import Iterator
from urllib.parse import urlencode

from keyaudit.model.exchange import Exchange, Origin

from .cut_records import count_cut
from .lines import HTTP_METHODS, make_exchange, to_bytes
from .source_bare import BARE_CALLS, bare
from .source_composed import composed
from .source_groups import ABSOLUTE_URL, anchored_part, bind_constants, constants_sent, groups, naming, statements
from .source_headers import headers_given
from .source_hidden import Shown, calls_of, hides, hooked_members, mocks, shown, signs_unseen
from .source_languages import LANGUAGES, Language
from .source_routes import keep_sent
from .source_several import apart
from .source_tokens import COMMAND_NAME, Token
from .source_urls import based_clients, called_on, holds, sent, url_of, whole_strings
from .source_value_kinds import Call, Facts, Items, Lit, Pairs, Ref
from .source_values import facts, last_part, receiver, resolved

MAX_GROUP_CHARS = 32 << 10  # a longer group is read in pieces, cut at its statements (a longer line is counted cut)
# what holds the method (Jenkins' httpRequest names it `httpMode`)
_METHOD_NAME = re.compile(r"(?i)(?:^|[.$>])(?:method|http_?(?:method|mode)|request_?method|verb"
                          r"|CURLOPT_CUSTOMREQUEST)$")
_BODY_VERBS = frozenset({"post", "patch"})  # a call so named is a request's (no map's)
# an identifier naming a method, bound to a method's name (Nim's `httpMethod = HttpPost`, `method = Method.POST`)
_METHOD_WORD = re.compile(r"(?i)(?:http_?)?(get|post|put|patch|delete)")
_SETS_METHOD = re.compile(r"(?i)method|verb")  # a call given a method word alone sets the method: `set_method`
# a method's identifier: `HttpMethod.Post`, `METHOD_POST`, `HTTP::Post`, Go's one word `http.MethodPost`
_METHOD_IDENTIFIER = re.compile(r"(?:^|[.:])(?:Http)?Method(?:\.|::)(\w+)$|METHOD_([A-Z]+)$|HTTP::(\w+)(?:\.new)?$"
                                r"|^CURLOPT_(POST|PUT)$|(?:^|\.)Method([A-Z][a-z]+)$")
# an option whose body, with no method named, is sent as a POST: curl's, named anywhere; Power Query's
# `Web.Contents(url, [Content = …])`, only as a label of the options record given to a call (a name bound or
# destructured `Content` is a reply's text or a layout's part: `var Content = await resp.Content.ReadAsStringAsync()`)
_POSTING_NAME = "CURLOPT_POSTFIELDS"
_POSTING_LABEL = "Content"
# what holds the query's parameters as a map (requests', axios' and Faraday's `params`, Guzzle's `query`, got's
# `searchParams`): sent in the URL, a credential among them too
_QUERY_NAME = re.compile(r"(?i)(?:params|query|qs|query_?params|search_?params|query_?parameters)$")
_BODY_NAME = re.compile(r"(?i)(?:^|[.$>])(?:body|payload|data|post_?data|CURLOPT_POSTFIELDS|content|http_?body|"
                        r"request_?body|string_?body)$")
# calls given the body (Perl's LWP `$req->content(…)`, httr2's `req_body_raw(…)`, Go resty's `SetBody(…)`,
# http-conduit's `setRequestBodyLBS "…"`, cpr's `cpr::Body{…}`, Spring WebClient's `bodyValue(…)`)
_BODY_CALLS = {"write": 0, "AddStringBody": 0, "setBody": 0, "SetBody": 0, "body": 0, "send": 0, "AddParameter": 1,
               "setEntity": 0, "content": 0, "req_body_raw": 0, "setRequestBodyLBS": 0, "setRequestBodyBS": 0,
               "Body": 0, "set_cdata": 0, "PostStringAsync": 0, "PutStringAsync": 0, "PatchStringAsync": 0,
               "bodyValue": 0, "Send": 0, "write_text": 1}  # WinHttp's and MSXML's `Send`, UTL_HTTP's `write_text`
_SERIALIZING = frozenset({"json", "AddJsonBody", "setJson", "withJson", "json_body", "PostJsonAsync", "PutJsonAsync",
                          "PatchJsonAsync", "PostAsJsonAsync", "PutAsJsonAsync"})  # `.json(&v)`, `json=payload`
_ASYNC = re.compile(r"^(Get|Post|Put|Patch|Delete)\w*Async$")  # a .NET method that sends one, named for it
# a command's parameters that add to the request what a reading of the group does not place: headers (a session's, a
# credential's, a token's), a body from a file or a form, another method
_COMMAND_ADDS = frozenset({"websession", "credential", "usedefaultcredentials", "authentication", "token", "infile",
                           "form", "custommethod", "transferencoding"})
# what of a request's URL a literal is, where the request is placed (see _place): all of it, the path a call gives
# relative to an origin or a base, its start
_PLACING = (str.__eq__, lambda text, url: len(text) > 1 and url.endswith("/" + text.lstrip("/")),
            lambda text, url: url.startswith(text))
_BINDS = frozenset({"=", ":=", ":"})  # what follows a name a value is bound to
_LIST_DEPTH = 4  # lists inside lists a request written by position is looked for in


def exchanges(lines: list[tuple[int, str]], anchored: set[int], path: str, family: str) -> Iterator[Exchange]:
    """The request each group of ``lines`` around an ``anchored`` line writes, in source code of
    the ``family`` of languages :mod:`.source_files` says ``path`` is of (a test's code is none); then
    the request of each other group that names a constant an anchored group binds (see
    :func:`.source_groups.bind_constants`)."""
    constants: dict[str, str | None] = {}
    others = []
    hooked = hooked_members(lines)
    for before, own in groups(lines):
        if not _own_part(before, own, anchored):
            others.append((before, own))
        yield from _requests(before, own, anchored, LANGUAGES[family], path, constants, hooked)
    named = {name: url for name, url in constants.items() if url is not None}
    for before, own in others if named else ():
        if using := naming(own, named.keys()):
            yield from _requests(before, own, using, LANGUAGES[family], path, named, hooked)


def _requests(before: list[tuple[int, str]], own: list[tuple[int, str]], anchored: set[int], lang: Language,
              path: str, constants: dict[str, str | None], hooked: set[str]) -> Iterator[Exchange]:
    """The request of the part of a group's ``own`` lines around their ``anchored`` lines, the lines put ``before``
    it with it (a module's constants, a client's set-up, a class's fields: however far above), or, of a longer part,
    of each of its statement pieces (:func:`.source_groups.statements`) holding an anchor, judged with what the whole
    part says of its headers (:func:`.source_hidden.shown`): none where it mocks; a piece of one line too long to
    read is counted. A request is placed on the group's own lines first."""
    part = _own_part(before, own, anchored)
    mine = {number for number, _ in part}
    part = before + part if part else part
    if sum(len(text) + 1 for _, text in part) <= MAX_GROUP_CHARS:
        yield from _request(part, mine, lang, path, constants, hooked) if part else ()
        return
    whole = shown(part, lang, constants, MAX_GROUP_CHARS)
    if whole.known is None:  # the part mocks: none of its pieces is a request
        return
    for piece in statements(part, MAX_GROUP_CHARS):
        if piece := anchored_part(piece, anchored):
            yield from _request(piece, mine, lang, path, constants, hooked, whole)


def _own_part(before: list[tuple[int, str]], own: list[tuple[int, str]],
              anchored: set[int]) -> list[tuple[int, str]]:
    """The group's own lines near its anchors: those an anchor on them or put before them reaches
    (:func:`.source_groups.anchored_part`)."""
    mine = {number for number, _ in own}
    return [item for item in anchored_part(before + own, anchored) if item[0] in mine]


def _request(group: list[tuple[int, str]], mine: set[int], lang: Language, path: str, constants: dict[str, str | None],
             hooked: set[str], whole: Shown | None = None, alone: bool = False) -> Iterator[Exchange]:
    """The one request a group writes, placed where its URL is written (the column of the literal's text, or of the
    constant's name it sends, or the line's start where escapes make it differ); none where it names no one URL and
    method, or mocks (a test's stub names the API it replaces) — but where it sends several, each by a call given its
    URL, the request of each, read without the others' calls (:func:`.source_several.apart`; a piece so read is
    ``alone``). An anchored group adds the constants it assigns to
    ``constants``; another is given the file's (a name it assigns itself is its own). A piece of a longer part is
    given ``whole``, what that part shows of its headers (:func:`.source_hidden.shown`); ``hooked``: the instance
    members the window gives what may add headers (:func:`.source_hidden.signs_unseen`)."""
    text = "\n".join(text for _, text in group)
    if len(text) > MAX_GROUP_CHARS:  # a line longer than a group (a minified bundle's): not read, but said so
        count_cut(("source", group[0][0]))
        return
    found = calls_of(text, lang, whole)
    said = facts(found, frozenset(constants))
    if (written := composed(found, said, lang)) is not None:  # `f"{BASE_URL}/transfers"`
        found, said = written, facts(written, frozenset(constants))
    keep_sent(found, said)  # no route's registration, nor a stub's
    given = constants_sent(found, said, constants)
    if not given:
        bind_constants(found, constants)
    lowered = {name.lower() for name in said.names}
    if mocks(lowered):
        return
    headers, known = headers_given(said)
    # a literal sent as a header's value (a Referer, an Origin) is no URL the request is sent to
    values = {value for _, value in headers}
    based = based_clients(said)
    url = url_of(said, [text for text in whole_strings(found, lang) if text not in values] + list(given.values()),
                 based)
    method = _method(said, based)
    if url is None and not alone:
        for piece in apart(group, found):
            yield from _request(piece, mine, lang, path, constants, hooked, whole, alone=True)
    if url is None or method is None or not (sent(said, url) or called_on(found, url)) or _commanded(said, url):
        return
    known = known and not _handed_on(said, found, url) and (bool(headers) or bare(said, url, lowered)) and not hides(
        found, lowered) and (whole is None or bool(whole.known) and whole.headers <= set(headers)) \
        and not signs_unseen(said, hooked)
    line, column = _place(group, mine, found, said, url, given)
    body = _body(said)
    if query := _query(said):
        url += ("&" if "?" in url else "?") + query
    yield make_exchange(method, url, headers, None if body is None else to_bytes(body),
                        Origin(path, line, max(column, 1), capture="code"), headers_known=known)


def _place(group: list[tuple[int, str]], mine: set[int], found: list[Token], said: Facts, url: str,
           given: dict[str, str]) -> tuple[int, int]:
    """Where a request is placed: on the group's own lines (``mine``) before those put before it (a module's
    constant's, a client's set-up), the literal of its URL or the name of a constant bound to it, else the literal of
    the path a call gives it relative to an origin or a client's base written elsewhere (the call is the place to
    mend), else of its URL's start (the column of the text, or the line's start where escapes make it differ)."""
    for own in (True, False):
        for placing in _PLACING:
            for token, following in zip(found, found[1:] + [Token("punct", "", 0)]):
                number, text = group[token.line]
                if (number in mine) == own and (token.kind == "string" and token.text and placing(token.text, url) or (
                        token.kind == "name" and placing is str.__eq__ and following.text not in _BINDS and (
                            given.get(token.text) == url or resolved(Ref(token.text), said) == Lit(url)))):
                    return number, max(text.find(_written(token)) + 1, 1)
    return group[0][0], 1


def _written(token: Token) -> str:
    """What a token's text starts with as written: a composed string's first piece (a name, a literal's text)."""
    return token.parts[0][1] if token.parts else token.text


def _query(said: Facts) -> str:
    """The query the group's one map of query parameters adds to the URL: its literal values,
    URL-encoded (a value the code computes is left out, as unknown)."""
    maps = [value for name, value, _ in said.bindings
            if isinstance(value, Pairs) and _QUERY_NAME.fullmatch(last_part(name)) is not None]
    if len(maps) != 1:
        return ""
    return urlencode([(key, value.text) for key, value in maps[0].pairs if key and isinstance(value, Lit)])


def _handed_on(said: Facts, found: list[Token], url: str) -> bool:
    """Whether the request object the group constructs with the URL (``new HttpRequestMessage(…)``) is
    returned, unsent: built for a caller that sends it, which may set headers the group does not show
    (then unknown). One given to a call (``client.SendAsync(request)``) is sent here."""
    holders = {name for name, value, _ in said.bindings if isinstance(value, Call)
               and last_part(value.name)[:1].isupper() and holds(value, said, url)}
    given = any(isinstance(value, Ref) and value.name in holders for _, call, _ in said.calls for _, value in call.args)
    return not given and any(token.text == "return" and following.text in holders
                             for token, following in zip(found, found[1:]))


def _commanded(said: Facts, url: str) -> bool:
    """Whether the request is a command given the URL (PowerShell's ``Invoke-WebRequest -Uri …``:
    a ``Verb-Noun`` name) that the command reader (:mod:`.powershell_options`) reads whole, so a
    second reading of it here would be a second request: one given a parameter the group's reading
    does not place (``-WebSession``, ``-InFile``, ``-Credential`` add headers or a body it would
    miss; ``-TimeoutSec`` and ``-ErrorAction`` add nothing), or none that is a variable (the statements
    around it add nothing to it)."""
    return any(COMMAND_NAME.fullmatch(name)
               and any(isinstance(value, Lit) and value.text == url for _, value in call.args)
               and (any(label is not None and label.lower() in _COMMAND_ADDS for label, _ in call.args)
                    or not any(isinstance(value, Ref) for _, value in call.args))
               for name, call, _ in said.calls)


def _method(said: Facts, based: dict[str, tuple[str, str]]) -> str | None:
    """The one method the group names: a method word bound to a method's name or given first to
    a call that is given more (``request('POST', url)``, ``NewRequest("POST", url, body)``) or sets a
    method (``setRequestMethod("POST")``, ABAP's ``set_method( 'POST' )``) — a word alone given to
    another call is data (``$font->getData("post")`` reads a font's table) —, a method's identifier
    (``Method.Post``, ``HttpMethod.Post``, ``Net::HTTP::Post``), or
    the name of a call of something (``requests.post(…)``, ``Unirest.post("…")``, a builder's
    ``.post(body)``, a bare call's ``http.Post(…)``, a namespace's ``cpr::Post(…)``, one given the URL first:
    Indy's ``Http.Post(url, …)``; .NET's ``PostAsync``, Flurl's ``PostStringAsync``) — a GET's, PUT's or
    DELETE's only where it is given a URL (``map.get(key)``, ``map.put(k, v)`` and ``map.delete(k)`` name none); any
    sending call of a client in ``based`` (:func:`.source_urls.based_clients`), whatever its case."""
    found = set()
    for name, value, _ in said.bindings:
        if _METHOD_NAME.search(name) and isinstance(value := resolved(value, said), Lit):
            found.add(value.text.upper())
        elif _METHOD_NAME.search(name) and isinstance(value, Ref) and (
                word := _METHOD_WORD.fullmatch(last_part(value.name))):
            found.add(word.group(1).upper())
        elif name in HTTP_METHODS and isinstance(value, Lit) and ABSOLUTE_URL.match(value.text):
            found.add(name)  # the method word names the URL: Perl's `HTTP::Request->new(POST => $url)`
    for name, call, _ in said.calls:
        first = resolved(call.args[0][1], said) if call.args else None
        verb = last_part(name).rstrip("!?")  # Ruby's and Elixir's `post!(…)` raises where `post(…)` returns
        verb = _ASYNC.sub(r"\1", verb)  # .NET's task-returning `PostAsync`, Flurl's `PostStringAsync`
        given_url = isinstance(first, Lit) and ABSOLUTE_URL.match(first.text) is not None  # Indy's `Http.Post(url)`
        second = resolved(call.args[1][1], said) if given_url and len(call.args) > 1 else None
        named = verb.islower() or name in BARE_CALLS or name.startswith(".") or "::" in name or given_url \
            or receiver(name) in based  # .NET's `http.PostAsync("transfers", …)` on a client given its base
        if isinstance(first, Lit) and first.text.upper() in HTTP_METHODS and first.text.isalpha() and (
                len(call.args) > 1 or _SETS_METHOD.search(verb)):
            found.add(first.text.upper())
        elif isinstance(second, Lit) and second.text in HTTP_METHODS:  # UTL_HTTP's `begin_request(url, 'POST')`
            found.add(second.text)
        elif verb.upper() in HTTP_METHODS and named and ("." in name or "->" in name or "::" in name) and (
                verb.lower() in _BODY_VERBS or given_url):
            found.add(verb.upper())
    for name in said.names:
        if (identifier := _METHOD_IDENTIFIER.search(name)) is not None:
            found.add(next(part for part in identifier.groups() if part).upper())
    found |= {method.text for listed in _listed(said) if isinstance(method := listed.items[0], Lit)}
    found &= HTTP_METHODS
    if not found and (_POSTING_NAME in said.names or any(
            isinstance(value, Pairs) and any(label == _POSTING_LABEL for label, _ in value.pairs)
            for _, call, _ in said.calls for _, value in call.args)):
        found.add("POST")  # a body set with no method named goes as a POST (curl --libcurl writes no CUSTOMREQUEST)
    return found.pop() if len(found) == 1 else None


def _listed(said: Facts) -> list[Items]:
    """The lists given to a call that write a request by position, its method word first and its
    absolute URL second, then its body, the last literal (k6's ``http.batch([['POST', url, body, params]])``,
    pgsql-http's ``http(('POST', url, ARRAY[…], content_type, content)::http_request)``), looked for a few lists
    deep."""
    found = []
    pending = [(value, 0) for _, call, _ in said.calls for _, value in call.args]
    while pending:
        value, depth = pending.pop()
        if not isinstance(value, Items) or depth >= _LIST_DEPTH:
            continue
        first, second = (value.items + (None, None))[:2]
        if isinstance(first, Lit) and first.text in HTTP_METHODS and isinstance(second, Lit) \
                and ABSOLUTE_URL.match(second.text):
            found.append(value)
        else:
            pending += [(item, depth + 1) for item in value.items]
    return found


def _body(said: Facts) -> str | None:
    """The one literal body the group gives (bound to a body's name or key, or passed to a
    body's call), or None where it gives none, several, or one it computes."""
    if any(last_part(name) in _SERIALIZING for name, _, _ in said.bindings) or any(
            last_part(name) in _SERIALIZING and call.args for name, call, _ in said.calls):
        return None  # the library serializes an object (a `.json()` given none parses the response: undici's, httpx')
    values = [value for name, value, _ in said.bindings if _BODY_NAME.search(name)]
    values += [call.args[at][1] for name, call, _ in said.calls
               if (at := _BODY_CALLS.get(last_part(name), -1)) >= 0 and len(call.args) > at]
    # a parameter typed the body, given its value (ColdFusion's `<cfhttpparam type="body" value="…">`)
    values += [args["value"] for _, call, _ in said.calls if (args := dict(call.args)).get("type") == Lit("body")
               and "value" in args]
    values += [[item for item in listed.items[2:] if isinstance(resolved(item, said), Lit)][-1]
               for listed in _listed(said) if any(isinstance(resolved(item, said), Lit) for item in listed.items[2:])]
    literals = {value.text for value in (resolved(value, said) for value in values) if isinstance(value, Lit)}
    return literals.pop() if len(literals) == 1 else None
