"""Hex dumps of the bytes on the wire (xxd, hexdump -C, od, Wireshark's hex dump, tcpdump -X and
-XX, strace's dump of a write, the JDK's of a TLS record) read as the bytes they show: rows joined by their offsets into runs, a run read as a request
and scanned for keys, each key placed on the hex digits that show it. And what is not a request:
a dump of other bytes, a binary file whose text column names a provider, rows whose offsets jump.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Callable

import pytest

from helpers.credentials import asaas_key
from helpers.engines import BOTH_ENGINES
from helpers.running import scan_json
from helpers.signed_shapes import Request, check_shape, requests
from keyaudit.engine.hex_rows import FORMATS, ZERO_OFFSET
from keyaudit.engine.stream import CHUNK_BYTES
from keyaudit.inputs.captures.offset_dumps import WRITE_GAP_LINES
from keyaudit.rulebook.loader import load_rules

Rows = Callable[[bytes], list[str]]  # bytes in, the rows a tool writes for them out


def _shown(data: bytes, blank: str = " ") -> str:
    return "".join(chr(b) if 0x20 < b < 0x7F else blank if b == 0x20 else "." for b in data)


def xxd(data: bytes) -> list[str]:
    # xxd (its manual: "00000000: 504f 5354 …  POST …", two bytes a group, the text after two blanks)
    return [f"{at:08x}: " + " ".join(data[at + k:at + k + 2].hex() for k in range(0, 16, 2)).ljust(39)
            + "  " + _shown(data[at:at + 16]) for at in range(0, len(data), 16)]


def xxd_bytes(data: bytes) -> list[str]:
    # xxd -g 1: one byte a group
    return [f"{at:08x}: " + " ".join(f"{b:02x}" for b in data[at:at + 16]).ljust(47) + "  " + _shown(data[at:at + 16])
            for at in range(0, len(data), 16)]


def hexdump_canonical(data: bytes) -> list[str]:
    # hexdump -C (its manual: "Canonical hex+ASCII display": the offset, sixteen bytes in two groups of
    # eight, the text between `|`), and the offset past the last byte on a line of its own
    rows = []
    for at in range(0, len(data), 16):
        chunk = data[at:at + 16]
        hexes = " ".join(f"{b:02x}" for b in chunk[:8]) + "  " + " ".join(f"{b:02x}" for b in chunk[8:])
        rows.append(f"{at:08x}  {hexes.rstrip():<49} |{_shown(chunk)}|")
    return rows + [f"{len(data):08x}"]


def od_hex(data: bytes) -> list[str]:
    # od -A x -t x1z (coreutils: the offset in six hex digits, each byte after a blank, the text in `>…<`)
    return [f"{at:06x}" + "".join(f" {b:02x}" for b in data[at:at + 16]).ljust(48) + f"  >{_shown(data[at:at + 16])}<"
            for at in range(0, len(data), 16)] + [f"{len(data):06x}"]


def wireshark_hex(data: bytes) -> list[str]:
    # Wireshark's Copy > …as Hex Dump (the offset in four digits, sixteen bytes with a blank after the
    # eighth, the text after three blanks, a blank after its eighth character too)
    rows = []
    for at in range(0, len(data), 16):
        chunk = data[at:at + 16]
        hexes = " ".join(f"{b:02x}" for b in chunk[:8]) + "  " + " ".join(f"{b:02x}" for b in chunk[8:])
        rows.append(f"{at:04x}  {hexes.rstrip():<49}   {_shown(chunk[:8])} {_shown(chunk[8:])}".rstrip())
    return rows


def tcpdump_rows(data: bytes) -> list[str]:
    # tcpdump -X's rows (print-ascii.c: a tab, `0x%04x: `, eight groups ` %02x%02x` padded to 40, two
    # blanks, the graphic bytes, a blank too as `.`)
    return [f"\t0x{at:04x}: " + "".join(f" {data[k:k + 2].hex()}" for k in range(at, min(at + 16, len(data)), 2)).ljust(40)
            + "  " + _shown(data[at:at + 16], ".") for at in range(0, len(data), 16)]


def strace_rows(data: bytes) -> list[str]:
    # strace -e write=<fd> (src/util.c dumpstr: ` | %05x  `, sixteen bytes with a blank after the eighth
    # and the sixteenth, the text padded to sixteen, ` |`; the call's own line before them is another
    # corpus's, test_request_shapes_blind_eleven)
    rows = []
    for at in range(0, len(data), 16):
        chunk = data[at:at + 16]
        hexes = "".join(f"{b:02x} " + (" " if k == 7 else "") for k, b in enumerate(chunk))
        rows.append(f" | {at:05x}  {hexes:<49} {_shown(chunk, '.'):<16} |")
    return rows


def jdk_rows(data: bytes) -> list[str]:
    # the JDK's HexDumpEncoder (sun/security/util, as javax.net.debug writes records: `%04X: `, each byte
    # `%02X ` with two more blanks after the eighth, the text after a blank, `{`, `|`, `}` and `~` as dots),
    # indented by two
    return [f"  {at:04X}: " + "".join(f"{b:02X} " + ("  " if k == 7 else "") for k, b in enumerate(data[at:at + 16]))
            .ljust(50) + " " + "".join("." if b < 0x20 or b > 0x7A else chr(b) for b in data[at:at + 16])
            for at in range(0, len(data), 16)]


def format_hex_rows(data: bytes) -> list[str]:
    # PowerShell 7's Format-Hex (its head, then the offset in sixteen upper-case digits, each byte `%02X` after a
    # blank, the text after a blank)
    head = ["          Offset Bytes                                           Ascii",
            "                 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F",
            "          ------ ----------------------------------------------- -----"]
    return head + [f"{at:016X} " + " ".join(f"{b:02X}" for b in data[at:at + 16]).ljust(47) + " "
                   + _shown(data[at:at + 16], ".") for at in range(0, len(data), 16)]


TOOLS = [xxd, xxd_bytes, hexdump_canonical, od_hex, wireshark_hex, strace_rows, jdk_rows]


def _wire(request: Request) -> bytes:
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {len(request.body.encode())}"]
    return ("\r\n".join(head) + "\r\n\r\n" + request.body).encode()


@pytest.mark.parametrize("tool", TOOLS, ids=lambda tool: tool.__name__)
def test_the_four_requests_dumped_in_hex_are_judged_as_sent(tool: Rows, tmp_path: Path) -> None:
    """Each request's bytes after a line that says they were sent: the shared check of every
    shape (the signed bodies verify byte for byte, the unsigned transfers are reported)."""
    def shape(request: Request) -> list[str]:
        return [f"13:00:00.123 DEBUG wire - sent {len(_wire(request))} bytes:", *tool(_wire(request))]

    shape.__name__ = tool.__name__
    check_shape(shape, tmp_path)


@pytest.mark.parametrize("tool", TOOLS, ids=lambda tool: tool.__name__)
def test_a_head_and_its_body_written_apart_are_one_request(tool: Rows, tmp_path: Path) -> None:
    """A client writes a request's head, then its body: a tracer dumps each write after a line of
    its own. The run after a head that lacks the bytes its Content-Length declares, one line on,
    is its body (the signed bodies verify byte for byte)."""
    def shape(request: Request) -> list[str]:
        wire = _wire(request)
        head, body = wire[:wire.index(b"\r\n\r\n") + 4], wire[wire.index(b"\r\n\r\n") + 4:]
        return [line for part in (head, body) for line in (f"13:00:00.123 DEBUG wire - write {len(part)} bytes:",
                                                           *tool(part))]

    shape.__name__ = tool.__name__
    check_shape(shape, tmp_path)


def test_a_body_is_joined_only_to_the_head_it_follows_and_only_as_far_as_it_declares(tmp_path: Path) -> None:
    """More lines between head and body than a tracer writes about one write (other writes between
    them), or a run longer than the bytes the head lacks: no body joined, so the signature cannot be
    judged either way."""
    [_, signed, _, _], public = requests(tmp_path)
    wire = _wire(signed)
    cut = wire.index(b"\r\n\r\n") + 4
    between = [f"write {n} bytes:" for n in range(WRITE_GAP_LINES + 1)]
    for gap, body in ((between, wire[cut:]), (["write:"], wire[cut:] + b"\r\n")):
        log = tmp_path / "dump.txt"
        log.write_text("\n".join(["write:", *xxd(wire[:cut]), *gap, *xxd(body)]) + "\n")
        report, _ = scan_json("--public-key", str(public), str(log))
        counts = report["scan"]["requests"]
        assert (counts.get("signatures_valid"), counts.get("signatures_unverified")) == (None, 1), (gap, counts)


def _key_request() -> tuple[str, bytes]:
    key = asaas_key("prod")
    request = Request("GET", "api.asaas.com", "/v3/customers", [("access_token", key), ("User-Agent", "shop")], "")
    return key, _wire(request)


@pytest.mark.parametrize("tool", [*TOOLS, tcpdump_rows, format_hex_rows], ids=lambda tool: tool.__name__)
def test_a_key_cut_across_rows_is_found_and_placed_on_the_hex_digits_that_show_it(tool: Rows, tmp_path: Path) -> None:
    """PowerShell's Format-Hex was no dump the engine knew: a key cut across its rows went unfound."""
    key, data = _key_request()
    rows = tool(data)
    head = len(rows) - len([row for row in rows if row.startswith(("0", "\t0", " |", "  0"))])
    lines = ["payout worker: request sent", *rows]
    log = tmp_path / "dump.txt"
    log.write_text("\n".join(lines) + "\n")
    report, _ = scan_json(str(log))
    [finding] = [f for f in report["findings"] if f["category"] == "access-token"]
    place = finding["location"]
    assert (finding["rule_id"], finding["secret"]["length"], finding["context"]["decoded"]) == (
        "asaas-api-key", len(key), "hex-dump")
    assert place["end_line"] > place["line"]
    start = data.index(key.encode())
    row, column = divmod(start, 16)
    assert place["line"] == 2 + head + row
    assert lines[place["line"] - 1][place["column"] - 1:place["column"] + 1].lower() == f"{data[start]:02x}"
    end_row = (start + len(key)) // 16  # the byte after the key: where the finding ends
    assert place["end_line"] == 2 + head + end_row


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize(("tool", "pad"), [(xxd, 6_000), (format_hex_rows, 6_000), (xxd, 600_000), (xxd, 1_400_000)],
                         ids=["xxd", "Format-Hex", "xxd-megabytes", "xxd-past-its-bound"])
def test_a_key_in_a_dump_that_goes_on_past_the_pass_buffer_is_found_on_its_rows(
        engine: str, tool: Rows, pad: int, tmp_path: Path) -> None:
    """The pass reads a mebibyte at a time: a dump begun in one buffer (a request of a few kilobytes, or one of
    megabytes over three buffers, in a tool's rows) was read to that buffer's end, and a key its rows showed past
    it went unfound. Rows past the 5 MiB a dump's text is read in at once (6 MiB of xxd's, the key in the last) were
    not read, without a word: they are read on in a text of their own."""
    key, data = _key_request()
    data = data.replace(b"\r\n", b"\r\nX-Pad: " + b"p" * pad + b"\r\n", 1)  # rows before the key's
    rows = tool(data)
    key_row = data.index(key.encode()) // 16
    head_rows = len([row for row in rows if not row.startswith(("0", "\t0", " |", "  0"))])
    before_key = len("\n".join(rows[: head_rows + key_row])) + 1  # the dump's text before the key's first row
    heartbeat = "2026-11-22 13:00:00 INFO worker heartbeat ok\n"
    head = heartbeat * (max(0, CHUNK_BYTES - before_key // 2) // len(heartbeat))  # the buffer's cut between them
    assert len(head) + before_key > CHUNK_BYTES and len(head) < CHUNK_BYTES - 2 * 4096
    log = tmp_path / "dump.txt"
    log.write_text(head + "\n".join(rows) + "\n")
    report, _ = scan_json("--engine", engine, str(log))
    [finding] = [f for f in report["findings"] if f["category"] == "access-token"]
    assert (finding["location"]["line"], finding["context"]["decoded"]) == (
        head.count("\n") + 1 + head_rows + key_row, "hex-dump")


def test_a_request_in_a_packet_dump_is_its_tcp_payload_with_or_without_the_link_layer(tmp_path: Path) -> None:
    """tcpdump -X shows a packet from its IP header, -XX from its Ethernet header: the request is
    what comes after the TCP header either way (IPv4 or IPv6), and the summary line's port says it
    went in clear."""
    found, public = requests(tmp_path)
    lines = []
    for index, request in enumerate(found):
        packet = _packet(_wire(request), sequence=1, version=6 if index == 3 else 4)
        ethertype = b"\x86\xdd" if index == 3 else b"\x08\x00"
        frame = bytes(6) + bytes([2, 0, 0, 0, 0, 1]) + ethertype + packet if index % 2 else packet
        lines += [f"13:00:0{index}.123456 IP 10.0.0.7.51234 > 10.0.5.20.80: Flags [P.], length {len(_wire(request))}",
                  *tcpdump_rows(frame)]
    log = tmp_path / "capture.txt"
    log.write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    assert report["scan"]["requests"] == {"requests_judged": 4, "signatures_valid": 1, "signatures_invalid": 1}
    judged = [f for f in report["findings"] if f["context"].get("method")]
    assert sorted(f["rule_id"] for f in judged) == sorted(
        ["asaas-unsigned-transfer", "iugu-bad-signature", "iugu-unsigned-transfer"] + ["credential-over-plaintext-http"] * 4)
    # each on its packet's first row, under the summary line (the rows of the headers after it: 40 bytes
    # of IP and TCP headers, 60 for IPv6, and Ethernet's 14 where the dump shows it)
    summaries = [number for number, line in enumerate(lines, 1) if " IP " in line]
    assert {f["location"]["line"] for f in judged} == {summary + 1 for summary in summaries}


def _packet(payload: bytes, sequence: int, source_port: int = 51234, version: int = 4) -> bytes:
    """An IPv4 or IPv6 packet of one TCP segment (a header of 20 bytes, no options) carrying ``payload``."""
    tcp = struct.pack("!HHIIBBHHH", source_port, 80, sequence, 1, 5 << 4, 0x18, 502, 0, 0)
    if version == 6:
        return struct.pack("!IHBB16s16s", 6 << 28, 20 + len(payload), 6, 64, bytes(15) + b"\x07",
                           bytes(15) + b"\x14") + tcp + payload
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 40 + len(payload), 7, 0x4000, 64, 6, 0, bytes([10, 0, 0, 7]),
                     bytes([10, 0, 5, 20]))
    return ip + tcp + payload


@pytest.mark.parametrize("source_port, joined", [(51234, True), (51999, False)])
def test_a_request_sent_in_two_packets_is_joined_only_where_the_headers_say_they_are_one_stream(
        source_port: int, joined: bool, tmp_path: Path) -> None:
    """The head in one packet, the body in the next: the body goes on from the head where the
    second packet is of the same connection and its sequence number follows the first's payload;
    from another connection (another port) it is not the request's body."""
    found, public = requests(tmp_path)
    signed = _wire(found[1])
    cut = signed.index(b"\r\n\r\n") + 4
    lines = []
    for number, (payload, sequence, port) in enumerate(((signed[:cut], 1, 51234), (signed[cut:], 1 + cut, source_port))):
        lines += [f"13:00:00.{number}23456 IP 10.0.0.7.{port} > 10.0.5.20.80: Flags [P.], length {len(payload)}",
                  *tcpdump_rows(_packet(payload, sequence, port))]
    log = tmp_path / "capture.txt"
    log.write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    counts = report["scan"]["requests"]
    assert counts == ({"requests_judged": 1, "signatures_valid": 1} if joined
                      else {"requests_judged": 1, "signatures_unverified": 1}), counts


def test_a_hex_dump_of_other_bytes_is_no_request_and_costs_nothing_else(tmp_path: Path) -> None:
    """A binary file's dump whose text column names a provider (and a method) holds no request;
    a dump of bytes that are no text at all is read without an error."""
    blob = bytes(range(256)) * 2 + b"\x00\x01POST api.iugu.com /v1/transfer_requests\x00\x02" + bytes(range(255, -1, -1))
    log = tmp_path / "firmware.txt"
    log.write_text("\n".join(["firmware image:", *hexdump_canonical(blob), "packet:", *tcpdump_rows(bytes(range(200)))]) + "\n")
    report, run = scan_json(str(log))
    assert (report["scan"]["requests"], report["findings"], report["errors"]) == ({}, [], [])
    assert "0 inputs failed" in run.stderr


def test_rows_whose_offsets_jump_join_nothing(tmp_path: Path) -> None:
    """A row missing (the offset jumps by a row): the bytes on either side are not one run, so a
    key cut across the gap is not found; the same rows with their offsets continuing are."""
    key, data = _key_request()
    start = data.index(key.encode())
    row = start // 16 + 1  # the row the key goes on in
    rows = xxd(data)
    gap = rows[:row] + [f"{(row + 1) * 16:08x}:" + line[9:] for line in rows[row:]]
    for lines, found in ((rows, True), (gap, False)):
        log = tmp_path / "dump.txt"
        log.write_text("\n".join(lines) + "\n")
        report, _ = scan_json(str(log))
        assert any(f["rule_id"] == "asaas-api-key" for f in report["findings"]) is found


_OD_ESCAPES = {0: "\\0", 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r"}


def od_characters(data: bytes) -> list[str]:
    # od -c (coreutils: the offset in seven octal digits, sixteen bytes each in a cell four wide — the
    # character where it prints, a C escape, else three octal digits —, the offset past the end alone)
    cells = [_OD_ESCAPES.get(b) or (chr(b) if 0x20 <= b < 0x7F else f"{b:03o}") for b in data]
    return [f"{at:07o}" + "".join(f"{cell:>4}" for cell in cells[at:at + 16]) for at in range(0, len(data), 16)] + [
        f"{len(data):07o}"]


def test_a_dump_of_characters_is_read_as_the_bytes_its_cells_show(tmp_path: Path) -> None:
    """od -c: each byte in a cell of its own (a blank, a CR LF's escapes, a byte above 0x7f in
    octal), the offsets in octal: the four requests are judged as sent, and a key cut across rows
    is found in the bytes the rows show."""
    def shape(request: Request) -> list[str]:
        return [f"13:00:00.123 DEBUG wire - sent {len(_wire(request))} bytes:", *od_characters(_wire(request))]

    check_shape(shape, tmp_path)
    key, data = _key_request()
    log = tmp_path / "dump.txt"
    log.write_text("\n".join(["payout worker: request sent", *od_characters(data + "ã".encode())]) + "\n")
    report, _ = scan_json(str(log))
    assert [(f["rule_id"], f["secret"]["length"], f["context"]["decoded"]) for f in report["findings"]
            if f["category"] == "access-token"] == [("asaas-api-key", len(key), "hex-dump")]


def test_rows_at_a_zero_offset_whose_cells_are_no_characters_are_no_dump(tmp_path: Path) -> None:
    """A table whose first column is a zero count and whose columns are four wide (numbers, words)
    is no character dump: no request and no error."""
    log = tmp_path / "stats.txt"
    log.write_text("0000000 1234 5678  POST /v1/transfer_requests HTTP/1.1\n0000020   ab  cd\n0000000    P   O\n")
    report, _ = scan_json(str(log))
    assert (report["scan"]["requests"], report["errors"]) == ({}, [])


@pytest.mark.parametrize("row_format", FORMATS, ids=lambda row_format: row_format.tool)
def test_every_first_row_holds_the_zero_offset_the_readers_look_for_first(row_format) -> None:
    """The request readers look for a dump in a window by the zero offset first (one look), then
    by each format's first row: a format whose first row held no zero offset would go unread."""
    assert ZERO_OFFSET in row_format.first and re.match(row_format.start, row_format.first + "50 4f")


@pytest.mark.parametrize("row_format", FORMATS, ids=lambda row_format: row_format.tool)
def test_every_first_row_is_a_request_anchor_and_marker_written_out(row_format) -> None:
    """The engines count a row start only where no letter or digit is before it (an amount
    `1000000 ` is no row), so a first row found only inside a longer one (od -c's `0000000 ` holds
    od's `000000 ` one digit in) would never count: each is in the rules as written."""
    rules = load_rules()
    assert row_format.first in rules.request_anchors and row_format.first in rules.request_markers
