"""What a traced process wrote, put back together from its calls (strace's write, send and writev;
ltrace's SSL_write): the calls to one descriptor of one process are one stream, and a request's
body written after its head is joined to it as far as its Content-Length says — not across
descriptors, not past what it declares, not from a string the tracer cut."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from helpers.running import scan_json
from helpers.signed_shapes import Request, check_shape, requests


def _c(data: bytes) -> str:
    """A C string as strace prints it: quotes and backslashes escaped, CR LF and tab named, any other
    unprintable byte in octal."""
    named = {0x22: '\\"', 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}
    return '"' + "".join(named.get(b) or (chr(b) if 0x20 <= b < 0x7F else f"\\{b:o}") for b in data) + '"'


def _parts(request: Request) -> tuple[bytes, bytes]:
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {len(request.body.encode())}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode(), request.body.encode()


def test_a_head_and_a_body_written_by_two_calls_between_other_descriptors_calls_are_one_request(tmp_path: Path) -> None:
    """Net::HTTP writes the head, then the body; another thread of the process writes to its log's
    descriptor between them. The signed bodies verify byte for byte."""
    def shape(request: Request) -> list[str]:
        head, body = _parts(request)
        return [f'[pid  4311] 13:00:00.100 write(7, {_c(head)}, {len(head)}) = {len(head)}',
                '[pid  4312] 13:00:00.101 write(2, "worker: request queued\\n", 23) = 23',
                f'[pid  4311] 13:00:00.102 write(7, {_c(body)}, {len(body)}) = {len(body)}']

    check_shape(shape, tmp_path)


def _signatures(tmp_path: Path, shape: Callable[[Request], list[str]]) -> tuple[int | None, int | None]:
    """(valid, unverified) signatures of the scan of the request signed with the client's key in ``shape``."""
    [_, signed, _, _], public = requests(tmp_path)
    log = tmp_path / "trace.log"
    log.write_text("\n".join(shape(signed)) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    counts = report["scan"]["requests"]
    return counts.get("signatures_valid"), counts.get("signatures_unverified")


def test_a_body_on_another_descriptor_or_cut_by_the_tracer_is_not_joined(tmp_path: Path) -> None:
    """The body written to another descriptor, or printed cut (strace's `-s` limit, `"…"...`): the
    head's request has no body, and its signature is left unjudged."""
    def other_descriptor(request: Request) -> list[str]:
        head, body = _parts(request)
        return [f"write(7, {_c(head)}, {len(head)}) = {len(head)}", f"write(9, {_c(body)}, {len(body)}) = {len(body)}"]

    def cut(request: Request) -> list[str]:
        head, body = _parts(request)
        return [f"write(7, {_c(head)}, {len(head)}) = {len(head)}",
                f"write(7, {_c(body[:32])}..., {len(body)}) = {len(body)}"]

    assert _signatures(tmp_path, other_descriptor) == (None, 1)
    assert _signatures(tmp_path, cut) == (None, 1)


def test_a_body_written_a_few_bytes_a_call_is_joined_in_linear_time(tmp_path: Path) -> None:
    """20,000 calls of a few bytes each after a head that declares them, each naming the provider (so
    one window holds them all): joined once at the end, not decoded again at each call."""
    count = 20_000
    head = (f"POST /v1/transfer_requests HTTP/1.1\r\nHost: api.iugu.com\r\nContent-Length: {12 * count}\r\n"
            "\r\n").encode()
    lines = [f"write(7, {_c(head)}, {len(head)}) = {len(head)}"]
    lines += ['write(7, "api.iugu.com", 12) = 12'] * count
    log = tmp_path / "trace.log"
    log.write_text("\n".join(lines) + "\n")
    started = time.perf_counter()
    report, _ = scan_json(str(log))
    assert (report["scan"]["requests"].get("requests_judged"), time.perf_counter() - started < 30) == (1, True)


def _xx(data: bytes) -> str:
    """A string as `strace -xx` prints it: every byte a `\\xhh` escape."""
    return '"' + "".join(f"\\x{byte:02x}" for byte in data) + '"'


def test_writes_escaped_byte_by_byte_are_read_as_the_request_they_write(tmp_path: Path) -> None:
    """`strace -xx`: no byte of the head shows as written (no host, path or header name), yet
    the head and its body, two writes, are one request, judged as every shape's."""
    def shape(request: Request) -> list[str]:
        return [f"[pid  4311] write(7, {_xx(data)}, {len(data)}) = {len(data)}" for data in _parts(request)]

    check_shape(shape, tmp_path)


def test_escaped_bytes_that_write_no_request_read_as_none(tmp_path: Path) -> None:
    """The same escapes where no call writes a request: a path escaped in a debug print, a write
    whose bytes start no request line; no request is read and nothing fails."""
    path = tmp_path / "trace.log"
    escaped = _xx(b"/transfer_requests HTTP/1.1 queued")
    path.write_text(f"DEBUG cache key={escaped}\n[pid  4311] write(7, {escaped}, 34) = 34\n")
    report, _ = scan_json(str(path))
    assert (report["errors"], report["findings"], report["scan"]["requests"].get("requests_judged", 0)) == ([], [], 0)
