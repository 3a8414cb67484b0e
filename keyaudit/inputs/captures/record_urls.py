"""Where a structured record says its request went (for the reconstructor, :mod:`.records`): a URL
field, a ``url`` object (its whole text, or its parts), or the URL's parts — a host (or a server's
address, or the Host header), a path or its segments, a query, a scheme or a port that says one, a
base the path joins (a client's base URL, a request's origin) — each under the names producers give
it, compared as :mod:`.record_views` compares keys.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from keyaudit.model.exchange import split_url

from .lines import absolute_url, has_scheme, header_value, without_default_port
from .record_views import compact, first, matched, pairs_object, role, spellings

URL = spellings("url", "fullurl", "fulluri", "uri", "href", "originalurl", "absoluteurl", "endpoint") - {"uri"}
BASE_URL = spellings("baseurl", "baseuri", "baseaddress")  # what a client joins a relative target to
# A request's origin (undici's request.origin: scheme, host, port; nock's recorded "scope") — or the Origin header a
# browser sent, the page's
ORIGIN = frozenset({"origin", "scope"})
_BARE_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d{1,5})?")
_WEB = ("http://", "https://")
URL_OBJECT = frozenset({"full", "original", "raw", "href"})  # the whole URL inside a ``url`` object
# Where a record holds both the request its producer received and the one it passed on (a
# gateway's trace: Azure API Management's inbound and backend entries, Gravitee's clientRequest
# and proxyRequest), the provider saw the second: a request under a member whose name starts so.
ONWARD = ("backend", "upstream", "proxy", "target", "endpoint", "forward", "egress", "outgoing")
# the host, also under a name for the side the request went to (upstream_host, target_host, api_host)
HOST = spellings("host", "hostname", "domain", "domainname", "authority", "servername", "serverhost",
                 *(side + "host" for side in (*ONWARD, "destination", "dest", "api", "service")))
SERVER = frozenset({"server", "destination"})  # OpenTelemetry's server.address, ECS's destination.address
# A server named as a string: the host only where it is a DNS name (an incoming request's log names
# its own server "web-01", or the software "nginx/1.25"; a call to a provider names its host)
SERVER_NAMED = spellings("server", "serveraddress", "destination", "destinationaddress")
_DNS_NAME = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d{1,5})?")
SERVER_ADDRESS = frozenset({"address", "domain"})
PORT_OF_SERVER = frozenset({"port"})
SCHEME = spellings("scheme")
PATH = spellings("path", "pathname", "rawpath", "uri", "uristem", "uripath", "urlpath")  # nginx $uri, W3C cs-uri-stem: a path, no query
# a path under a name for the route it took (a framework's route, CGI's PATH_INFO, the request-target, the
# resource it names — Crystal's HTTP::Request#resource): where no path field says it, and only a value that is a
# path ("target": "production" and "resource": "transfers" are none)
ROUTE = spellings("route", "routepath", "pathinfo", "resourcepath", "endpointpath", "relativeurl", "relativeuri",
                  "target", "resource")
# A path as sent, not a route template (Express's `/:id`, OpenAPI's `/{id}`, Flask's `<int:id>`, Next.js's `[id]`, a
# wildcard): the rules judge the path sent (a transfer's; what a signature covers), and a template was never sent
SENT_PATH = re.compile(r"(?:/(?!:)[^/{}<>\[\]*?]*)+(?:\?.*)?", re.S)
QUERY = spellings("query", "querystring", "args", "params", "queryparams", "queryparameters", "search", "uriquery")
# The port the request went to, which says the scheme where nothing else does (80: plain HTTP): a packet's
# destination (tshark's tcp.dstport), a W3C log's s-port, Zeek's responder's (id.resp_p), a server's port.
PORT = spellings("dstport", "destport", "destinationport", "serverport", "sport", "respp")
PORT_SCHEMES = {"80": "http", "443": "https"}


def record_url(nodes: list[dict[str, Any]], headers: list[tuple[str, str]]) -> str | None:
    """The request's absolute URL: a URL field, a ``url`` object (its whole text, or its parts:
    ECS's domain and path, Postman's host labels and path segments), or host and path. A URL
    field that holds a path only gives way to a URL field beside it with the same path and a
    scheme (tshark's http.request.uri and http.request.full_uri): that says http or https."""
    target = first(nodes, URL, (str, dict))
    if isinstance(target, str) and not has_scheme(target):
        holder = next((node for node in nodes if any(value is target for value in node.values())), {})
        target = url_with_path({key: value for key, value in holder.items() if role(key) in URL}, target) or target
    if isinstance(target, dict):
        whole = first([target], URL_OBJECT)
        if whole is not None and has_scheme(whole):
            return whole
        parts = _from_parts([target], headers, nodes, first([target], PORT_OF_SERVER, (str, int)))
        return parts if parts is not None or whole is None else absolute_target(whole, [target, *nodes], headers)
    if target is None:
        return _from_parts(nodes, headers) or _url_by_value(nodes[0])
    return target if has_scheme(target) else absolute_target(target, nodes, headers)


def _url_by_value(node: dict[str, Any]) -> str | None:
    """The one web URL among the request node's own values, whatever it is named (``target``, ``remote_url``):
    where no name says the URL, a request with a method and one absolute URL beside it went there; else None."""
    found = {value for value in node.values() if isinstance(value, str) and value[:8].lower().startswith(_WEB)}
    return found.pop() if len(found) == 1 else None


def _from_parts(nodes: list[dict[str, Any]], headers: list[tuple[str, str]],
                around: list[dict[str, Any]] | None = None, port: str | int | None = None) -> str | None:
    """The URL from a path (a string or its segments) and query in ``nodes``, on a host found there or, failing
    that, ``around`` them; ``port``, a URL object's own (Postman's ``url.port``), joins the host."""
    path = _part(nodes, PATH, "/")
    if path is None and isinstance(route := first(nodes, ROUTE), str) and SENT_PATH.fullmatch(route):
        path = route
    if path is None:
        return None
    if has_scheme(path):  # a "uri" or "path" field that holds the whole URL
        return path
    query = _query(first(nodes, QUERY, (str, dict, list)))
    target = f"{path}?{query.removeprefix('?')}" if query else path
    return absolute_target(target, nodes + (around or []), headers, port)


def _query(value: Any) -> str | None:
    """A query string logged as text, an object, or a list of pairs or of {key, value}; a parameter's value wrapped
    in an exact matcher or alone in a list (Hoverfly's ``[{"matcher": "exact", "value": v}]``, Go's url.Values) is
    that value, not the wrapping written out."""
    if isinstance(value, list):
        value = pairs_object(value) or {item[0]: item[1] for item in value
                                        if isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)}
    if isinstance(value, dict):
        return urlencode({str(key): exact if isinstance(exact := matched(item), str) else compact(item)
                          for key, item in value.items()})
    return value if isinstance(value, str) else None


def _part(nodes: list[dict[str, Any]], roles: frozenset[str], joiner: str) -> str | None:
    """A URL part logged as a string or as its pieces (host labels, path segments)."""
    value = first(nodes, roles, (str, list))
    if isinstance(value, list):
        return joiner.join(value) if value and all(isinstance(item, str) for item in value) else None
    return value


def absolute_target(target: str, nodes: list[dict[str, Any]], headers: list[tuple[str, str]],
              port: str | int | None = None) -> str | None:
    """``target`` on the host the record names; ``port``, the URL's own, joins a host naming none but the default's."""
    # An origin or a base written with the scheme's default port (nock's "scope": "https://api…:443") gives the URL
    # as written without it, so one request recorded two ways is judged and reported by one URL
    base = first(nodes, BASE_URL)  # axios's baseURL, a client's base_url: the target joins its path
    if base is not None and has_scheme(base):
        return without_default_port(base.rstrip("/") + "/" + target.lstrip("/"))
    # a server named by a string last: where the record shows the request's Host, a dotted name
    # beside it is the machine that logged it (an egress proxy's, a web server's own)
    host = (_part(nodes, HOST, ".") or _server_part(nodes, SERVER_ADDRESS) or header_value(headers, "Host")
            or header_value(headers, ":authority") or _server_named(nodes))
    protocol = first(nodes, frozenset({"protocol"}))  # Postman's url.protocol; elsewhere often "HTTP/1.1"
    scheme = (first(nodes, SCHEME) or header_value(headers, ":scheme")
              or (protocol if protocol is not None and protocol.lower() in ("http", "https") else None)
              or PORT_SCHEMES.get(str(port or first(nodes, PORT, (str, int)) or _server_part(nodes, PORT_OF_SERVER))))
    if host and port is not None and ":" not in host and PORT_SCHEMES.get(str(port)) != (scheme or "https").lower():
        host = f"{host}:{port}"
    origin = first(nodes, ORIGIN)
    if isinstance(origin, str) and _BARE_ORIGIN.fullmatch(origin) and not (host and _DNS_NAME.fullmatch(host)):
        # the request's origin where no host the record names is one a request goes to (pino's "hostname" is the
        # machine that logged): a browser's Origin header beside a host named so is the page's, not the request's
        return without_default_port(origin + (target if target.startswith("/") else "/" + target))
    if host and target[:1] != "/" and target.lower().startswith(host.lower() + "/"):
        target = target[len(host):]  # the host written before the path, no scheme (Arkime's uri: host/path)
    return absolute_url(target if target.startswith("/") else "/" + target, host, scheme)


def _server_part(nodes: list[dict[str, Any]], roles: frozenset[str]) -> Any:
    """A part of a ``server`` (or ``destination``) object (its address, the host a server span names; its port),
    or None (one written as a string: :func:`_server_named`)."""
    for node in nodes:
        for key, value in node.items():
            if role(key) in SERVER and isinstance(value, dict) and (found := first([value], roles, (str, int))) is not None:
                return found
    return None


def _server_named(nodes: list[dict[str, Any]]) -> str | None:
    """The server a string names, where it is a DNS name (:data:`SERVER_NAMED`; Hoverfly's destination), or None."""
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, str) and role(key) in SERVER_NAMED and _DNS_NAME.fullmatch(value):
                return value
    return None


def url_with_path(node: dict[str, Any], target: str) -> str | None:
    """The absolute URL a field of ``node`` holds whose path is ``target``'s: where a name says
    the request and another field the URL, under a name of its own (Azure's ``Data``)."""
    path = target.partition("?")[0]
    for value in node.values():
        if isinstance(value, str) and has_scheme(value):
            try:
                if split_url(value).path == path:
                    return value
            except ValueError:  # not a URL after all (a bracketed host that is no IPv6 address)
                continue
    return None
