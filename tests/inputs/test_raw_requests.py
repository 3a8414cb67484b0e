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


def test_bytes_cut_before_the_end_of_the_head_show_no_missing_header(tmp_path: Path) -> None:
    """A payload that opens to a request's first bytes only (a wrapped value decoded a line at a
    time, a capture cut short): the headers after the cut are unknown, so the transfer is read but
    never called unsigned; the same head whole, ended by its blank line, is."""
    head = b"POST /v1/transfer_requests HTTP/1.1\r\nHost: api.iugu.com\r\nContent-Type: application/json\r\n"
    cut = raw_request(head, ORIGIN)
    assert cut is not None and not cut.headers_known
    path = tmp_path / "items.xml"
    for raw, expected in ((head, []), (head + b"\r\n", ["iugu-unsigned-transfer"])):
        path.write_text("<items>\n    " + element(raw) + "\n</items>\n")
        report, _ = scan_json(str(path))
        assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == expected


def test_a_request_kept_as_bare_hex_is_read_as_its_bytes(tmp_path: Path) -> None:
    """The bytes of a captured request as bare hex — one line (a bytes column, tshark's raw Follow
    Stream) or wrapped at 30 bytes a line (`xxd -p`), either case of digit — are that request,
    placed on the hex; hex that names no provider is not opened."""
    body = b'{"amount_cents":1050}'
    request = (b"POST /v1/transfer_requests HTTP/1.1\r\nHost: api.iugu.com\r\nContent-Type: application/json\r\n"
               b"Content-Length: %d\r\n\r\n" % len(body)) + body
    wrapped = [request[at:at + 30].hex() for at in range(0, len(request), 30)]
    other = request.replace(b"api.iugu.com", b"api.shop.com").hex()
    path = tmp_path / "capture.txt"
    cases = [([request.hex()], [2]), ([request.hex().upper()], [2]), (["$ xxd -p req.bin", *wrapped], [3]),
             ([other], [])]
    for lines, expected in cases:
        path.write_text("captured:\n" + "\n".join(lines) + "\nend\n")
        report, _ = scan_json(str(path))
        found = [(f["rule_id"], f["location"]["line"]) for f in report["findings"] if f["context"].get("method")]
        assert found == [("iugu-unsigned-transfer", line) for line in expected], lines[0][:20]
