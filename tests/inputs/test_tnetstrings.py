"""Requests recorded as tnetstrings, as mitmproxy's flow files (``mitmdump -w``) keep them: the request's mapping
around its method's key is the record, read by the generic reconstructor; a response's gzip bytes, a body with
newlines and the flow's other mappings are read by their lengths; what does not parse whole gives none. The files
are written here as mitmproxy's ``tnetstring.dumps`` writes a flow's state (keys text, the request's fields bytes)."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

from helpers.running import scan_json
from keyaudit.inputs.captures import tnetstrings

TRANSFERS = "/v1/transfer_requests"
BASIC = b"Basic YTY4OWVlMjdlZWMxODNiNjE1YThmNDhmMzk2NDM4MjU6"  # base64 of a synthetic 32-hex token and ":"


def dumped(value: Any) -> bytes:
    """``value`` as a tnetstring, each type as tnetstrings.info and mitmproxy write it."""
    if value is None:
        return b"0:~"
    if isinstance(value, bool):
        payload, kind = (b"true" if value else b"false"), b"!"
    elif isinstance(value, int):
        payload, kind = str(value).encode(), b"#"
    elif isinstance(value, float):
        payload, kind = repr(value).encode(), b"^"
    elif isinstance(value, bytes):
        payload, kind = value, b","
    elif isinstance(value, str):
        payload, kind = value.encode(), b";"
    elif isinstance(value, list):
        payload, kind = b"".join(dumped(item) for item in value), b"]"
    else:
        payload, kind = b"".join(dumped(key) + dumped(item) for key, item in value.items()), b"}"
    return b"%d:%s%s" % (len(payload), payload, kind)


def flow(method: bytes, host: str, path: bytes, headers: list[list[bytes]], content: bytes,
         scheme: bytes = b"https", port: int = 443) -> bytes:
    """A flow's state as mitmproxy 10 saves it: its connections, the request, a gzip-encoded response."""
    return dumped({
        "version": 19, "type": "http", "id": "0b6c1a5e", "error": None,
        "client_conn": {"id": "c1", "peername": ["10.0.0.5", 51234], "sockname": ["10.0.0.1", 8080]},
        "server_conn": {"id": "s1", "address": [host, port], "tls_established": scheme == b"https", "sni": host},
        "intercepted": False, "is_replay": None, "marked": "", "metadata": {}, "comment": "",
        "request": {"host": host, "port": port, "method": method, "scheme": scheme, "authority": b"", "path": path,
                    "http_version": b"HTTP/1.1", "headers": headers, "content": content, "trailers": None,
                    "timestamp_start": 1795352405.5, "timestamp_end": 1795352405.6},
        "response": {"http_version": b"HTTP/1.1", "status_code": 202, "reason": b"Accepted",
                     "headers": [[b"Content-Encoding", b"gzip"], [b"Signature", b"signature=server-side"]],
                     "content": gzip.compress(b'{"id":"a1",\n"status":"pending"}\n' * 4), "trailers": None,
                     "timestamp_start": 1795352405.7, "timestamp_end": 1795352405.8},
        "websocket": None, "backup": None})


def _requests(tmp_path: Path, data: bytes) -> list[tuple[str, int, str]]:
    """The request findings of a flow file: rule, line and URL."""
    path = tmp_path / "payouts.mitm"
    path.write_bytes(data)
    report, _ = scan_json(str(path))
    assert report["errors"] == []
    return sorted((f["rule_id"], f["location"]["line"], f["context"]["url"]) for f in report["findings"]
                  if f["context"].get("method"))


def test_a_flow_file_s_unsigned_transfer_is_judged_at_its_method_s_line(tmp_path: Path) -> None:
    """Two flows, the second an iugu transfer with Basic auth and a body over two lines, no signature: unsigned, at
    the line its method's key is on (the first flow's gzip bytes hold line ends of their own)."""
    first = flow(b"GET", "example.com", b"/", [[b"Host", b"example.com"]], b"")
    second = flow(b"POST", "api.iugu.com", TRANSFERS.encode(), [[b"Host", b"api.iugu.com"], [b"Authorization", BASIC]],
                  b'{"amount_cents":1050,\n"transfer_type":"pix"}')
    data = first + second
    line = data[:data.index(b"6:method;4:POST,")].count(b"\n") + 1
    assert _requests(tmp_path, data) == [("iugu-unsigned-transfer", line, f"https://api.iugu.com{TRANSFERS}")]


def test_a_signed_transfer_s_flow_is_no_finding_and_a_response_s_headers_are_not_its(tmp_path: Path) -> None:
    """The request's own Signature and Request-Time: signed (the response's Signature header was never the
    request's, nor makes an unsigned request signed)."""
    signed = flow(b"POST", "api.iugu.com", TRANSFERS.encode(),
                  [[b"Authorization", BASIC], [b"Request-Time", b"2026-11-22T10:00:20-03:00"],
                   [b"Signature", b"signature=c2lnbmVk"]], b'{"amount_cents":1050}')
    assert [rule for rule, _, _ in _requests(tmp_path, signed) if rule.endswith("unsigned-transfer")] == []


def test_a_plaintext_flow_is_sent_over_http(tmp_path: Path) -> None:
    """The request's scheme and port say where it went: ``http`` to port 80 is plaintext."""
    plain = flow(b"GET", "api.iugu.com", b"/v1/invoices?api_token=05f4daecb6e1294a4cc772c3d8cf8c93", [], b"",
                 scheme=b"http", port=80)
    assert ("credential-over-plaintext-http", 1, "http://api.iugu.com/v1/invoices?api_token=05f4…8c93") \
        in _requests(tmp_path, plain)


def test_a_cut_flow_gives_no_request() -> None:
    """A flow whose lengths do not fit what follows (the file cut while written) is no record."""
    whole = flow(b"POST", "api.iugu.com", TRANSFERS.encode(), [[b"Authorization", BASIC]], b"{}")
    cut = whole[:whole.index(b"4:path;")].decode("latin-1")
    assert list(tnetstrings.exchanges([(1, cut)], "cut.mitm")) == []
