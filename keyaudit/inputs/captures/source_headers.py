"""Which headers a group of source statements gives a request it writes, and whether that is all
of them (see :mod:`.source_requests`): by what holds them (a map or a list bound to a headers'
name, ``request["Name"] =``, Indy's ``CustomHeaders.Values['Name'] :=``), by the calls that set one
(``addHeader``, ``header``, ``setRequestHeader`` — named so whatever the case and the underscores: VB's
``SetRequestHeader``, PL/SQL's ``set_header`` —, ``.Add``/``.append`` on something named for headers —
given a name and a value, the request and them (``UTL_HTTP.set_header(req, 'Name', 'value')``), or one
header's ``Name: value`` line —, Swift's ``forHTTPHeaderField:``,
Perl's ``header('Name' => 'value')``, one given the header's name and value by its parameters' names:
SAP's ``set_header_field( name = … value = … )``, one typed a header: ColdFusion's ``<cfhttpparam type="header"
name=… value=…>``) or several (``headers(map)``,
``addAll``, R's ``req_headers(Name = "value")``), a list of records of a name and a value
(Jenkins' ``customHeaders: [[name: …, value: …]]``), a request's property or a call named for one
(``request.ContentType = …``, Laravel's ``withUserAgent('…')``, Spring's ``setContentType(…)``), a map added to
the headers (requests' ``session.headers.update({…})``), or a map of header fields given by position beside the URL
(or a name bound to it, or a construction of it: cpr's ``cpr::Url{"…"}``, Ruby's ``URI("…")``; Ruby's map given
last with no braces, ``Post.new(uri, "Name" => …)``), to the call or in a tuple it is given (Erlang's ``httpc``
request ``{Url, [{"Name", Key}], ContentType, Body}``); a header set's constructor given a map written out is that
map (Nim's ``newHttpHeaders({…})``, cohttp's ``Cohttp.Header.of_list […]``), and a map written as a JSON object in
a string is that map (Azure SQL's ``@headers = N'{"Name": "value"}'``). A header named by code, or a map
the group does not write out, leaves the header set unknown: whatever the code computes is unknown, never absent.
"""

from __future__ import annotations

import contextlib
import json
import re

from keyaudit.model.exchange import UNKNOWN

from .printed_roles import field_names
from .source_tokens import COMMAND_NAME
from .source_value_kinds import Call, Facts, Items, Lit, Pairs, Partial
from .source_values import last_part, receiver, resolved

_HEADERS_NAME = re.compile(r"(?i)(?:headers|HTTPHEADER|HeaderFields)$")  # what holds the headers (no `$header`)
_HEADER_RECEIVER = re.compile(r"(?i)headers?$")  # Go's req.Header.Add, request.Headers.Add, myHeaders.append
# what is no request but the response a server writes (ASP.NET's `Response.ContentType`, `ctx.res`): its properties
# are not the request's headers
_RESPONSE = re.compile(r"(?i)(?:^|[.:>$])(?:\w*response|res|resp)$")
# request["Name"] = "value" (Ruby), headers[…] = …, Indy's CustomHeaders.Values['Name'] := …
_REQUEST_NAME = re.compile(r"(?i)(?:req|request|headers)(?:\.Values)?\[\]$")
# calls given a header's name and value: by their name whatever its case and underscores (`addHeader`, VB's
# `SetRequestHeader`, PL/SQL's `set_header`, RestSharp's `AddDefaultHeader`, pgsql-http's `http_header`), or on
# something named for headers (`req.Header.Add`)
_HEADER_CALLS = frozenset({"addheader", "setheader", "header", "setrequestproperty", "addrequestproperty",
                           "withheader", "setrequestheader", "adddefaultheader", "addorupdateheader", "httpheader",
                           "addfield"})  # Ruby Net::HTTP's `req.add_field("Name", value)`
_HEADER_RECEIVER_CALLS = frozenset({"Add", "Set", "append", "set", "add", "insert", "put", "TryAddWithoutValidation",
                                    "AddValue"})  # Indy's TIdHeaderList.AddValue
# calls that read the headers, no setting of one: an incoming request's in the handler that sends the outbound one
# (Go's `r.Header.Get("X-Tenant")`, Flask's `request.headers.get(…)`, ASP.NET's `Request.Headers.TryGetValue(…)`)
_READS = frozenset({"Get", "get", "Values", "GetValues", "TryGetValue", "TryGetValues", "Contains", "ContainsKey",
                    "containsKey", "has", "Has", "get_all", "getAll", "getlist", "getFirst", "keys", "items"})
_HEADER_MAP_CALLS = frozenset({"headers", "setHeaders", "withHeaders", "setHeader", "addAll", "putAll"})
# calls that set the headers their arguments name (httr2's req_headers, httr's add_headers): no helper that builds
# or reads some (make_headers, get_headers)
_HEADER_SETTING = re.compile(r"(?i)(?:req_|add_?|set_?|with_?)?headers")
_PARAMETERS = frozenset({"name", "value", "key", "field", "header", "values"})  # a header setter's own parameters
_LABELLED_NAME = "forHTTPHeaderField"  # Swift's addValue("v", forHTTPHeaderField: "Name")
# a command's parameters, a request's properties, that set one
NAMED_HEADERS = {"contenttype": "Content-Type", "useragent": "User-Agent"}
# a call named for the one header it sets, given its value (Laravel's `withUserAgent('…')`, Spring's
# `headers.setContentType(MediaType.APPLICATION_JSON)`)
_NAMED_SETTER = re.compile(r"(?i)(?:with_?|set_?)?(content_?type|user_?agent)")
_EMPTY_MAPS = frozenset({"Headers", "HashMap", "Dictionary", "LinkedHashMap", "TreeMap", "Header", "HttpHeaders",
                         "WebHeaderCollection", "dict", "Map", "HeaderMap"})
# a header set's constructor, given the map it holds written out: Nim's `newHttpHeaders({…})`, cohttp's
# `Cohttp.Header.of_list […]`, `new Headers({…})`, Alamofire's `HTTPHeaders([…])`
_HEADER_BUILDERS = re.compile(r"(?i)(?:^|[.:>])(?:new_?)?(?:http_?)?headers?(?:(?:\.|::)(?:of_list|of|from|init))?$")
_RECORD_NAMES = ("name", "key", "field")  # what names a header in a record of its name and value
_TARGETS = ("https://", "http://", "/")  # a literal a call sending a request is given: its URL or path


def headers_given(said: Facts) -> tuple[list[tuple[str, str]], bool]:
    """The header pairs the group gives, and whether that is all of them (each by a literal name,
    none from a map the group does not write out)."""
    headers: list[tuple[str, str]] = []
    known = True
    maps = [value for name, value, _ in said.bindings if _HEADERS_NAME.search(name) or _REQUEST_NAME.search(name)]
    for name, call, _ in said.calls:
        verb = last_part(name)
        positional = [value for label, value in call.args if label is None]
        labelled = {label: value for label, value in call.args if label is not None}
        record = _record(Pairs(tuple(labelled.items())), said) if labelled and not positional else None
        if record is not None and ("header" in verb.lower() or labelled.get("type") == Lit("header")):
            # a header's name and value given by their parameters' names: Kotlin's header(name = …, value = …),
            # SAP's set_header_field( name = … value = … ), a parameter typed a header (ColdFusion's <cfhttpparam
            # type="header" name=… value=…>)
            known &= _add(headers, *record)
        elif labelled and not positional and (_plain(verb) in _HEADER_CALLS or _HEADER_SETTING.fullmatch(verb)):
            # Perl's header('Name' => 'value'), R's req_headers(Name = "value") (labels that are no header's:
            # parameters')
            known &= not _PARAMETERS & {label.lower() for label in labelled} and all(
                _add(headers, Lit(label), resolved(value, said)) for label, value in labelled.items())
        elif (setter := _NAMED_SETTER.fullmatch(verb)) and len(call.args) == len(positional) == 1 \
                and not _RESPONSE.search(receiver(name)):
            known &= _add(headers, Lit(NAMED_HEADERS[setter.group(1).replace("_", "").lower()]),
                          resolved(positional[0], said))
        elif (verb in _HEADER_MAP_CALLS or verb == "update" and _HEADER_RECEIVER.search(receiver(name))) \
                and len(positional) == 1 and (verb != "setHeader" or len(call.args) == 1):
            # (requests' `session.headers.update({…})` adds a map: one the group does not write out leaves them unknown)
            maps.append(positional[0])
        elif _plain(verb) in _HEADER_CALLS or (verb in _HEADER_RECEIVER_CALLS
                                               and _HEADER_RECEIVER.search(receiver(name))):
            if len(positional) > 2 and not isinstance(resolved(positional[0], said), Lit):
                # the request given first, as a procedure is (PL/SQL's `UTL_HTTP.set_header(req, 'Name', 'value')`)
                known &= _add(headers, resolved(positional[1], said), resolved(positional[2], said))
            elif len(positional) > 1:
                known &= _add(headers, resolved(positional[0], said), resolved(positional[1], said))
            elif receiver(name) and not _read(positional, said):
                # one header's line (Indy's CustomHeaders.Add('Name: ' + value), OkHttp's add)
                known &= len(positional) == 1 and _add_line(headers, resolved(positional[0], said))
        elif _HEADER_RECEIVER.search(receiver(name)) and not _HEADER_BUILDERS.search(name) and verb not in _READS:
            # another call on the headers (`$headers.Set_Item(…)`; a constructor's is read where it is bound)
            known = False
        elif _LABELLED_NAME in labelled and positional:
            known &= _add(headers, resolved(labelled[_LABELLED_NAME], said), resolved(positional[0], said))
        elif beside := _beside_target(positional, said):
            tupled = beside is not positional
            # (Ruby's map given last, its braces left out: `Net::HTTP::Post.new(uri, "Content-Type" => "…")`)
            beside = beside + [Pairs(tuple(labelled.items()))] if labelled and not tupled else beside
            maps += [value for value in beside if _header_fields(resolved(value, said), tupled)]
        if COMMAND_NAME.fullmatch(name):  # PowerShell's -ContentType, -UserAgent
            known &= all(_add(headers, Lit(NAMED_HEADERS[label.lower()]), resolved(value, said))
                         for label, value in labelled.items() if label.lower() in NAMED_HEADERS)
            # beside parameters, a value given by position that the group does not write out (a splat of a helper's
            # result, `@auth`) may be any parameter
            known &= not labelled or all(isinstance(resolved(value, said), (Lit, Pairs)) for value in positional)
    for name, value, _ in said.bindings:  # a member of the headers set (`$headers.Signature = $sig`)
        if receiver(name) and _HEADER_RECEIVER.search(receiver(name)):
            known &= _add(headers, Lit(last_part(name)), resolved(value, said))
        elif receiver(name) and last_part(name).lower() in NAMED_HEADERS and not _RESPONSE.search(receiver(name)):
            # HttpWebRequest's, Indy's `.ContentType`
            known &= _add(headers, Lit(NAMED_HEADERS[last_part(name).lower()]), resolved(value, said))
    for value in {repr(value): value for value in (_built(resolved(value, said), said) for value in maps)}.values():
        if isinstance(value, Pairs):
            for key, item in value.pairs:
                known &= _add(headers, Lit(key) if key is not None else None, resolved(item, said))
        elif isinstance(value, Items):  # `Name: value` strings, a value the code ends unknown; records
            for item in value.items:
                if (record := _record(resolved(item, said), said)) is not None:
                    known &= _add(headers, *record)
                    continue
                known &= _add_line(headers, item)
        elif not (isinstance(value, Call) and last_part(value.name) in _EMPTY_MAPS and not value.args):
            known = False
    return headers, known


def _plain(verb: str) -> str:
    """A call's name as its kind of call is named whatever the language's case and word breaks."""
    return verb.replace("_", "").lower()


def _built(value: object, said: Facts) -> object:
    """The map a header set's constructor is given written out (:data:`_HEADER_BUILDERS`), or a JSON object of
    strings written in a string (SQL Server's ``@headers = N'{"Name": "value"}'``), else ``value``."""
    if isinstance(value, Lit) and value.text.lstrip().startswith("{"):
        with contextlib.suppress(ValueError):
            fields = json.loads(value.text)
            if isinstance(fields, dict) and all(isinstance(item, str) for item in fields.values()):
                return Pairs(tuple((key, Lit(item)) for key, item in fields.items()))
    if isinstance(value, Call) and _HEADER_BUILDERS.search(value.name) and len(value.args) == 1 \
            and value.args[0][0] is None and isinstance(given := resolved(value.args[0][1], said), (Pairs, Items)):
        return given
    return value


def _beside_target(positional: list[object], said: Facts) -> list[object]:
    """The values given by position beside a request's URL or path: a call's arguments where it is given it, or
    the items of a list or tuple it is given that holds it (Erlang's ``httpc:request(post, {Url, [{"Name",
    Key}], ContentType, Body}, …)``: the request written as a tuple); none where neither is."""
    if any(_target(value, said) for value in positional):
        return positional
    return next((list(items.items) for items in (resolved(value, said) for value in positional)
                 if isinstance(items, Items) and any(_target(item, said) for item in items.items)), [])


def _target(value: object, said: Facts) -> bool:
    """Whether a call's argument is its URL or path: a literal, a name the group binds to one, or one constructed
    (``cpr::Url{"…"}``)."""
    value = resolved(value, said)
    if isinstance(value, Call) and len(value.args) == 1:  # (a name bound to one: Ruby's `uri = URI("…")`)
        value = resolved(value.args[0][1], said)
    return isinstance(value, Lit) and value.text.startswith(_TARGETS)


def _header_fields(value: object, tupled: bool) -> bool:
    """Whether a map given by position beside the URL is its header fields (``HTTPoison.post(url, body,
    [{"Content-Type", "…"}])``, ``Request(url, data, {…})``): every key a field's name, one written as HTTP writes
    one (see :mod:`.printed_roles`: a body's map given to a call is none) — any, in a request written as a tuple
    (``httpc``'s ``{Url, [{"access_token", Key}], ContentType, Body}``), whose body is a string, never a map."""
    keys = [key for key, _ in value.pairs] if isinstance(value, Pairs) else []
    return bool(keys) and field_names(keys, dashed=not tupled)


def _record(value: object, said: Facts) -> tuple[object, object] | None:
    """A header written as a record of its name and value (Jenkins' ``customHeaders: [[name: 'N',
    value: 'v']]``, HAR's and Postman's ``{"name"|"key": …, "value": …}``): the two, or None."""
    if not isinstance(value, Pairs):
        return None
    fields = {key.lower(): item for key, item in value.pairs if key is not None}
    name = next((fields[key] for key in _RECORD_NAMES if key in fields), None)
    return None if name is None or "value" not in fields else (resolved(name, said), resolved(fields["value"], said))


def _read(positional: list[object], said: Facts) -> bool:
    """Whether a header's call on something is given one header's name alone, no ``Name: value`` line: a read of
    it (Express' ``req.header('X-Tenant')``), which sets none."""
    given = resolved(positional[0], said) if len(positional) == 1 else None
    return isinstance(given, Lit) and ":" not in given.text and re.fullmatch(r"[\w-]+", given.text) is not None


def _add_line(headers: list[tuple[str, str]], item: object) -> bool:
    """Add the header a ``Name: value`` line gives (a value the code ends unknown); False where the
    item is no such line (the header set is then unknown)."""
    text = item.text if isinstance(item, Lit) else item.start if isinstance(item, Partial) else ""
    name, colon, rest = text.partition(":")
    return bool(colon) and _add(headers, Lit(name), Lit(rest.strip()) if isinstance(item, Lit) else item)


def _add(headers: list[tuple[str, str]], name: object, value: object) -> bool:
    """Add one header; False where its name is not a literal (the header set is then unknown)."""
    if not isinstance(name, Lit) or not name.text.strip():
        return False
    if isinstance(value, Items) and len(value.items) == 1:  # Go's http.Header{"Name": {"value"}}
        value = value.items[0]
    headers.append((name.text.strip(), value.text if isinstance(value, Lit) else UNKNOWN))
    return True
