"""Raw requests kept base64-encoded in markup elements (Burp Suite's saved items): the bytes
sent, body exact; what does not decode to a request is none."""

from __future__ import annotations

import base64

from keyaudit.inputs.captures import base64_requests


def element(raw: bytes, name: str = "request", flag: str = "true") -> str:
    return f'<{name} base64="{flag}"><![CDATA[{base64.b64encode(raw).decode()}]]></{name}>'


def read(*lines: str) -> list[tuple[int, int, str, str, bytes | None]]:
    found = base64_requests.exchanges(enumerate(lines, 1), "items.xml")
    return [(e.origin.line, e.origin.column, e.method, e.url, e.body) for e in found]


def test_the_request_element_gives_the_bytes_sent() -> None:
    raw = b"PUT /v1/x HTTP/1.1\r\nHost: api.iugu.com:8443\r\nContent-Type: text/plain\r\n\r\nline one\r\n\r\nline two"
    assert read("<items>", "  " + element(raw)) == [
        (2, 3, "PUT", "https://api.iugu.com:8443/v1/x", b"line one\r\n\r\nline two")]


def test_responses_plain_elements_and_damaged_base64_are_no_requests() -> None:
    request = b"GET /v1/x HTTP/1.1\r\nHost: api.iugu.com\r\n\r\n"
    assert read(element(b"HTTP/1.1 200 OK\r\n\r\n{}", name="response"), element(request, flag="false"),
                '<request base64="true"><![CDATA[QUJDREVGR0hJSktMTU]]></request>',  # padding missing
                element(b"no request line here at all")) == []
