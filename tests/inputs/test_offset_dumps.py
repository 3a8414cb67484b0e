"""Offset dumps (curl's --trace-ascii and --trace) read as the stream of bytes they show: the
pieces of a line longer than a dump's line joined back by their offsets, a body known only where
no byte of it may be hidden behind a `.`."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from helpers.running import request_rules, scan_json
from helpers.signed_shapes import Request, requests
from keyaudit.engine.offset_dump import shown_bytes
from keyaudit.engine.stream import CHUNK_BYTES
from keyaudit.inputs.text_requests import exchanges_in_lines

SIGNATURE = "signature=" + "QUJD" * 80  # longer than five lines of 64


def _head(request: Request) -> bytes:
    lines = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
             *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {len(request.body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _ascii(kind: str, data: bytes) -> list[str]:
    """A block as --trace-ascii writes it: each row up to a CR LF cut every 64 bytes, each piece
    after its offset, the CR LF not shown, every other unprintable byte a `.`."""
    out, at = [f"=> Send {kind}, {len(data)} bytes (0x{len(data):x})"], 0
    rows = data.split(b"\r\n")
    for row in rows[:-1] if data.endswith(b"\r\n") else rows:
        for start in range(0, max(len(row), 1), 64):
            out.append(f"{at + start:04x}: " + "".join(chr(b) if 32 <= b < 127 else "." for b in row[start:start + 64]))
        at += len(row) + 2
    return out


def _hex(kind: str, data: bytes) -> list[str]:
    """A block as --trace writes it: 16 bytes a line in hex, padded, then as text."""
    out = [f"=> Send {kind}, {len(data)} bytes (0x{len(data):x})"]
    for at in range(0, len(data), 16):
        piece = data[at:at + 16]
        out.append(f"{at:04x}: " + "".join(f"{b:02x} " for b in piece) + "   " * (16 - len(piece))
                   + "".join(chr(b) if 32 <= b < 127 else "." for b in piece))
    return out


def _trace(request: Request, block=_ascii) -> list[str]:
    return ["== Info: Connected to api.iugu.com (200.155.0.10) port 443", *block("header", _head(request)),
            *block("data", request.body.encode()), "== Info: upload completely sent off",
            "<= Recv header, 22 bytes (0x16)", "0000: HTTP/1.1 201 Created"]


def _read(lines: list[str]):
    (exchange,) = exchanges_in_lines(list(enumerate(lines, 1)), "trace.txt")
    return exchange


def test_a_header_cut_into_pieces_is_joined_by_its_offsets() -> None:
    request = Request("POST", "api.iugu.com", "/v1/transfer_requests",
                      [("Request-Time", "2026-11-22T10:00:00-03:00"), ("Signature", SIGNATURE)], '{"a":1}')
    exchange = _read(_trace(request))
    assert (exchange.url, exchange.header("Signature"), exchange.body) == (
        "https://api.iugu.com/v1/transfer_requests", SIGNATURE, b'{"a":1}')
    assert exchange.headers_known and exchange.origin.line == 3


def test_a_body_whose_dots_may_hide_other_bytes_is_not_shown_as_sent() -> None:
    request = Request("POST", "api.iugu.com", "/v1/transfer_requests", [("Signature", SIGNATURE)], '{\n"a":1\n}')
    exchange = _read(_trace(request))
    assert (exchange.header("Signature"), exchange.body) == (SIGNATURE, None)
    # a block whose offsets do not make up the bytes its first line declares is left as written
    lines = _trace(request)
    lines[1] = lines[1].replace("bytes", "0 bytes", 1)
    assert _read(lines).header("Signature") != SIGNATURE


def test_the_hex_form_is_the_bytes_sent_and_a_trace_of_a_head_is_read_whatever_its_pieces_cut(tmp_path: Path) -> None:
    """--trace cuts the host and the path in two: the block of a head sent is what brings the
    readers there."""
    found, public = requests(tmp_path)
    log = tmp_path / "trace.txt"
    log.write_text("\n".join(line for request in found[:3] for line in _trace(request, _hex)) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    assert report["scan"]["requests"] == {"requests_judged": 3, "signatures_valid": 1, "signatures_invalid": 1}
    assert request_rules(report) == [
        "iugu-bad-signature", "iugu-unsigned-transfer"]


@pytest.mark.parametrize("block", [_ascii, _hex])
def test_a_key_cut_across_a_traces_lines_is_found_and_placed_on_the_characters_that_show_it(tmp_path: Path, block) -> None:
    """The secret scan sees a block's bytes joined by their offsets, as the readers do: the key
    starts on one line and ends lines below, and the finding spans the characters that show it."""
    key = asaas_key("prod")
    request = Request("GET", "api.asaas.com", "/v3/customers", [("access_token", key), ("User-Agent", "shop")], "")
    lines = _trace(request, block)
    log = tmp_path / "trace.txt"
    log.write_text("\n".join(lines) + "\n")
    report, _ = scan_json(str(log))
    [finding] = [f for f in report["findings"] if f["category"] == "access-token"]
    place = finding["location"]
    assert (finding["rule_id"], finding["secret"]["length"], finding["context"]["decoded"]) == (
        "asaas-api-key", len(key), "offset-dump")
    assert place["end_line"] > place["line"]
    width = 6 + (64 if block is _ascii else 48)  # an offset line's data: the text, or the hex pairs
    rows = [line[6:width] for line in lines[place["line"] - 1: place["end_line"]]]
    rows[-1] = rows[-1][: place["end_column"] - 7]
    rows[0] = rows[0][place["column"] - 7:]
    assert ("".join(rows) if block is _ascii else bytes.fromhex(" ".join(rows)).decode()) == key


def test_a_key_in_a_trace_block_that_goes_on_past_the_pass_buffer_is_found(tmp_path: Path) -> None:
    """A --trace block of kilobytes begun before the pass's first mebibyte ends was read to that buffer's end: the
    key its lines showed past it went unfound (see :mod:`keyaudit.engine.dump_spans`)."""
    key = asaas_key("prod")
    request = Request("GET", "api.asaas.com", "/v3/customers", [("X-Pad", "p" * 6000), ("access_token", key)], "")
    lines = _trace(request, _hex)
    heartbeat = "2026-11-22 13:00:00 INFO worker heartbeat ok\n"
    head = heartbeat * ((CHUNK_BYTES - len("\n".join(lines)) // 2) // len(heartbeat))
    log = tmp_path / "trace.txt"
    log.write_text(head + "\n".join(lines) + "\n")
    report, _ = scan_json(str(log))
    [finding] = [f for f in report["findings"] if f["category"] == "access-token"]
    start = _head(request).index(key.encode())
    assert finding["location"]["line"] == head.count("\n") + 3 + start // 16


def test_a_hex_line_whose_text_looks_like_hex_is_read_in_one_pass() -> None:
    """`ab ab …` shown as text after its pairs looks like more pairs: two counts of bytes can be the
    line's, each looked at once (each count from the most down read the rest of the line again: a
    line of 1.2 MB, 0.9 s; this one of 4 MB, 11 s; now 0.3 s)."""
    data = b"ab " * 340_000  # within the largest block joined (1 MiB)
    block = f"=> Send data, {len(data)} bytes (0x{len(data):x})\n0000: " + "".join(f"{b:02x} " for b in data) + data.decode()
    shown = shown_bytes(block.encode())
    assert shown is not None and shown[0] == data
    assert [block.encode()[at:at + 2] for at in shown[1][:3]] == [b"61", b"62", b"20"]
