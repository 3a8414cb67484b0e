"""Whether a request read from text is a template — what a request file, an API document or a
collection writes — rather than one sent: its findings would be the document's, not the traffic's,
so the readers' one gate (:func:`.lines.make_exchange`) makes no exchange of it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# A template's variable (`{{token}}`: REST Client, JetBrains, Hurl, Postman, Insomnia, Mustache) or a placeholder
# in angle brackets (`<your token>`, `"<API_KEY>"`), whole or after a scheme or a field's name (`Basic <token>`,
# `signature=<base64 signature>`): what a request file or an API document holds where one sent holds a value.
_TEMPLATE_VALUE = re.compile(r"\{\{[^{}\n]{1,80}\}\}")
_PLACEHOLDER = re.compile(r"\s*(?:[\w-]+(?:\s+|\s*=\s*))?<[A-Za-z][\w .():+-]{0,60}>\s*")
_BODY_PLACEHOLDER = re.compile(rb'"<[A-Za-z][\w .-]{0,60}>"|\{\{[^{}\n]{1,80}\}\}')
# A route's parameter in a URL's path (Express's and a Postman collection's `/:id`, OpenAPI's `/{id}`): what an API
# document writes where a request sent has a value (no client sends a segment so written: a `{` is encoded).
_ROUTE_PARAMETER = re.compile(r"/(?::[A-Za-z_]|\{[A-Za-z_][\w.-]{0,60}\}(?![^/?#]))")


def is_template(url: str, headers: list[tuple[str, str]], body: bytes | None) -> bool:
    """Whether a request is a template rather than one sent: a template variable in its URL, a
    route's parameter in its path, a template variable in a header value or its body, or a header
    value (or a field of one) or JSON string that is a placeholder in angle brackets. Its findings
    would be the document's, not the traffic's."""
    if "{{" in url or (body is not None and (b"{{" in body or b'"<' in body) and _BODY_PLACEHOLDER.search(body)):
        return True
    if ("/:" in url or "/{" in url) and _ROUTE_PARAMETER.search(urlsplit(url).path):
        return True
    return any(("{{" in value and _TEMPLATE_VALUE.search(value)) or ("<" in value and any(
        _PLACEHOLDER.fullmatch(part) for part in value.split(","))) for _, value in headers)
