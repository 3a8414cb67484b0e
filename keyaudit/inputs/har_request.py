"""A HAR entry's request as an :class:`Exchange`, and what about it could not be read.

HAR 1.2 says a request's ``method`` and ``url`` are strings, its ``headers`` a list and its
``postData`` an object whose ``text`` is a string. A capture that breaks one of these still has
its strings scanned for keys; what the request rules could not judge because of it is said, one
problem a request, not left out unsaid (a number for a URL took the entry out of the request rules
with no error; a number for a method was judged as the method ``7``; a null request, method or header list was
neither named nor, for the headers, taken as unknown: a request was said to lack a User-Agent it may have sent)."""

from __future__ import annotations

import itertools
import json
from typing import Any

from keyaudit.inputs.captures.lines import well_formed
from keyaudit.inputs.har import HarValue
from keyaudit.model.exchange import Exchange, Origin, splits


def har_request(value: HarValue, path: str) -> tuple[Exchange | None, str | None]:
    """The request of entry ``value`` as an Exchange (None when it has none, or none that can be
    judged), and what about it could not be read, if anything. Its origin is where the entry
    starts; request findings belong at its URL (:meth:`HarValue.url_place`)."""
    entry, pointer = value.root, f"{value.pointer}/request"
    if not isinstance(entry, dict) or value.entry is None or "request" not in entry:
        return None, None
    request = entry["request"]
    if not isinstance(request, dict):
        return None, f"{pointer} is {json_kind(request)}, not an object; the entry was not judged as a request"
    url = request.get("url")
    if not isinstance(url, str):
        return None, f"{pointer}/url is {json_kind(url)}, not a string; the entry was not judged as a request"
    url = well_formed(url)
    if not splits(url):
        return None, f"{pointer}/url is not a URL that can be read; the entry was not judged as a request"
    problems = []
    method = request.get("method")
    if "method" in request and not isinstance(method, str):
        problems.append(f"/method is {json_kind(method)}, not a string; the request was judged as a GET")
        method = None
    listed = request.get("headers")
    # present but no list (null too): the headers are unknown, and no rule may say one is missing
    headers_known = "headers" not in request or isinstance(listed, list)
    if not headers_known:
        problems.append("/headers is not a list; the request was judged without its headers")
    post = request.get("postData")
    text = post.get("text") if isinstance(post, dict) else None
    if post is not None and not isinstance(post, dict):
        problems.append(f"/postData is {json_kind(post)}, not an object; the request was judged without a body")
    elif text is not None and not isinstance(text, str):
        problems.append(f"/postData/text is {json_kind(text)}, not a string; the request was judged without a body")
    started = entry.get("startedDateTime")
    return Exchange(
        method=_text(method or "GET").upper(),
        url=url,
        headers=_headers(listed) if isinstance(listed, list) else [],
        body=value.encoded(text) if isinstance(text, str) else None,
        time=_text(started) if started else None,
        origin=Origin(path, value.place.line, value.place.column, pointer, value.entry, "har"),
        headers_known=headers_known,
    ), "; ".join(pointer + problem for problem in problems) or None


def json_kind(value: object) -> str:
    """What a JSON value of the wrong type is, in words (never a string's text: it could be a key)."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    return {str: "a string", list: "a list", dict: "an object"}.get(type(value), "a number")


def _headers(listed: list[Any]) -> list[tuple[str, str]]:
    """A request's headers as (name, value) text, from its list of ``{name, value}`` objects. The
    common case — every name and value ASCII text — is told by one join, not header by header."""
    pairs = [(h.get("name", ""), h.get("value", "")) for h in listed if type(h) is dict]
    try:
        if "".join(itertools.chain.from_iterable(pairs)).isascii():
            return pairs
    except TypeError:  # a name or value that is not text
        pass
    return [(_text(name), _text(value)) for name, value in pairs]


def _text(value: object) -> str:
    """A request's part as text, whatever JSON type the exporter gave it."""
    return value if isinstance(value, str) and value.isascii() else well_formed(str(value))
