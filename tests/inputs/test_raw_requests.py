"""Raw requests kept base64-encoded (Burp Suite's saved items): a payload whose text is one HTTP
request is that request, byte for byte, read once; what is no request is none."""

from __future__ import annotations

import base64
from pathlib import Path

from helpers.running import scan_json
from keyaudit.inputs.captures.raw_requests import raw_request
from keyaudit.model.exchange import Origin

ORIGIN = Origin("items.xml", 2, 3, capture="raw")


def element(raw: bytes, name: str = "request") -> str:
    return f'<{name} base64="true"><![CDATA[{base64.b64encode(raw).decode()}]]></{name}>'


def test_a_raw_request_gives_the_bytes_sent() -> None:
    raw = b"PUT /v1/x HTTP/1.1\r\nHost: api.iugu.com:8443\r\nContent-Type: text/plain\r\n\r\nline one\r\n\r\nline two"
    exchange = raw_request(raw, ORIGIN)
    assert exchange is not None
    assert (exchange.method, exchange.url, exchange.body) == ("PUT", "https://api.iugu.com:8443/v1/x",
                                                              b"line one\r\n\r\nline two")


def test_responses_and_text_without_a_request_line_are_no_requests() -> None:
    assert raw_request(b"HTTP/1.1 200 OK\r\n\r\n{}", ORIGIN) is None
    assert raw_request(b"no request line here at all", ORIGIN) is None


def test_a_saved_item_is_read_once_on_its_element(tmp_path: Path) -> None:
    """The item's request element and its response beside it: one request judged, placed on the
    encoded value; the response is none."""
    body = b'{\r\n  "amount_cents": 1050\r\n}'
    request = (b"POST /v1/transfer_requests HTTP/1.1\r\nHost: api.iugu.com\r\nContent-Type: application/json\r\n"
               b"Content-Length: %d\r\n\r\n" % len(body)) + body
    line = "    " + element(request) + element(b"HTTP/1.1 200 OK\r\nServer: api.iugu.com\r\n\r\n{}", name="response")
    path = tmp_path / "items.xml"
    path.write_text("<items>\n" + line + "\n</items>\n")
    report, _ = scan_json(str(path))
    found = [(f["rule_id"], f["location"]["line"], f["location"]["column"], f["context"]["capture"])
             for f in report["findings"] if f["context"].get("method")]
    value = base64.b64encode(request).decode()
    assert found == [("iugu-unsigned-transfer", 2, line.index(value) + 1, "raw")]
    assert report["scan"]["requests"]["requests_judged"] == 1
