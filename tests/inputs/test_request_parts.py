"""A request whose client logged its head and its body in records of their own is one request;
the parts of concurrent requests are never crossed."""

from __future__ import annotations

from pathlib import Path

from helpers.credentials import asaas_key, iugu_token
from helpers.running import scan_json
from helpers.signing import key_pair, signature_header

from keyaudit.inputs.captures.request_parts import PART_LINES
from keyaudit.inputs.text_requests import exchanges_in_lines

IUGU = "https://api.iugu.com/v1/transfer_requests"
ASAAS = "https://api.asaas.com/v3/transfers"
TIME = "2026-11-22T10:00:00-03:00"


def start(url: str, headers: dict[str, str]) -> str:
    """aiohttp's on_request_start params, as a callback logs them with ``%r``."""
    listed = ", ".join(f"{name!r}: {value!r}" for name, value in headers.items())
    return (f"DEBUG:payouts.http:request start TraceRequestStartParams(method='POST', url=URL({url!r}), "
            f"headers=<CIMultiDict({listed})>)")


def chunk(url: str, body: bytes) -> str:
    """aiohttp's on_request_chunk_sent params, the same way."""
    return f"DEBUG:payouts.http:chunk sent TraceRequestChunkSentParams(method='POST', url=URL({url!r}), chunk={body!r})"


def read(lines: list[str]) -> list[tuple[int, str, bytes | None]]:
    """(first line, URL, body) of each request read in ``lines``."""
    return [(e.origin.line, e.url, e.body) for e in exchanges_in_lines(list(enumerate(lines, 1)), "app.log")]


HEADERS = {"Content-Type": "application/json", "User-Agent": "payouts/3.1"}
IUGU_BODY, ASAAS_BODY = b'{\n"amount_cents":1050\n}', b'{"value":100.5}'


def test_the_body_a_later_record_sends_is_the_body_of_the_request_it_names() -> None:
    """The head's record, a line of another logger, then the chunk's record: one request, on
    the head's line, with the chunk's exact bytes (escapes undone)."""
    lines = [start(IUGU, HEADERS), "INFO worker heartbeat ok", chunk(IUGU, IUGU_BODY)]
    assert read(lines) == [(1, IUGU, IUGU_BODY)]


def test_interleaved_requests_to_two_urls_each_take_their_own_body() -> None:
    lines = [start(IUGU, HEADERS), start(ASAAS, HEADERS), chunk(ASAAS, ASAAS_BODY), chunk(IUGU, IUGU_BODY)]
    assert read(lines) == [(1, IUGU, IUGU_BODY), (2, ASAAS, ASAAS_BODY)]


def test_two_calls_to_one_url_under_way_at_once_take_neither_body() -> None:
    """Two heads of one method and URL, then two chunks: whose body is whose cannot be told, so
    neither head takes one (each chunk stays a reading of its own)."""
    other = b'{\n"amount_cents":99\n}'
    lines = [start(IUGU, HEADERS), start(IUGU, {**HEADERS, "X-Retry": "1"}), chunk(IUGU, IUGU_BODY), chunk(IUGU, other)]
    assert read(lines) == [(1, IUGU, None), (2, IUGU, None), (3, IUGU, IUGU_BODY), (4, IUGU, other)]


def test_a_body_record_of_another_request_is_not_joined() -> None:
    """The chunk of a call to another URL, a chunk before its head, a chunk whose length is not
    the head's Content-Length, a chunk too far below its head: none joins."""
    assert read([start(IUGU, HEADERS), chunk(ASAAS, ASAAS_BODY)]) == [(1, IUGU, None), (2, ASAAS, ASAAS_BODY)]
    assert read([chunk(IUGU, IUGU_BODY), start(IUGU, HEADERS)]) == [(1, IUGU, IUGU_BODY), (2, IUGU, None)]
    sized = {**HEADERS, "Content-Length": str(len(IUGU_BODY) + 1)}
    assert read([start(IUGU, sized), chunk(IUGU, IUGU_BODY)]) == [(1, IUGU, None), (2, IUGU, IUGU_BODY)]
    far = [start(IUGU, HEADERS), *["INFO worker heartbeat ok"] * PART_LINES, chunk(IUGU, IUGU_BODY)]
    assert read(far) == [(1, IUGU, None), (PART_LINES + 2, IUGU, IUGU_BODY)]


def test_joined_parts_are_judged_as_one_request_whose_signature_is_checked(tmp_path: Path) -> None:
    """Interleaved heads and chunks of a signed iugu transfer and an Asaas transfer: the signature
    verifies over the body its own chunk sent, and each request is judged once."""
    client, public = key_pair(tmp_path)
    token = iugu_token()
    body = b'{\n"api_token":"%s",\n"amount_cents":1050\n}' % token.encode()
    signed = {**HEADERS, "Request-Time": TIME,
              "Signature": signature_header(client, "POST", "/v1/transfer_requests", token, TIME, body)}
    log = tmp_path / "app.log"
    log.write_text("\n".join([start(IUGU, signed), start(ASAAS, {**HEADERS, "access_token": asaas_key()}),
                              chunk(ASAAS, ASAAS_BODY), chunk(IUGU, body)]) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    assert sorted(f["rule_id"] for f in report["findings"] if f["context"].get("method")) == ["asaas-unsigned-transfer"]
    assert report["scan"]["requests"] == {"requests_judged": 2, "signatures_valid": 1}, report["scan"]["requests"]
